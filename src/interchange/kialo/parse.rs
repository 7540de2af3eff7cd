//! The lines of a Kialo discussion's text export: `Discussion Title: …`, then
//! each claim numbered by its place in the tree (`1.` the thesis, `1.1.` a
//! reason on it, `1.1.2.` one on that), its stance after the number
//! (`Pro:`, `Con:`; `Thesis:` for the theses of a multi-thesis discussion),
//! its text on the same line or the lines below, and a `Sources:` list at the
//! end. A line is a claim's first line only when its number starts with `1.`
//! and it has a stance (or is the first `1.`): a numbered list inside a
//! claim's text stays text.

use crate::format::TextPosition;

/// How a claim bears on the claim above it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stance {
    /// `1.`, the discussion's thesis (or its question, when it has theses).
    Root,
    /// A thesis of a multi-thesis discussion: an answer to the question above it.
    Thesis,
    Pro,
    Con,
}

/// One numbered claim as written.
#[derive(Debug)]
pub struct Entry {
    /// Its number, as written: `1.1.2.`.
    pub number: String,
    pub stance: Stance,
    /// The text, its lines kept, blank lines between paragraphs.
    pub text: String,
    /// Where the number stands.
    pub position: TextPosition,
}

impl Entry {
    /// The number of the claim above (`1.1.` for `1.1.2.`); `None` for the root.
    pub fn parent_number(&self) -> Option<&str> {
        parent_of(&self.number)
    }

    /// The number a `-> See 1.1.2.` claim points at: the claim is written elsewhere.
    pub fn see_also(&self) -> Option<&str> {
        let target = self.text.trim().strip_prefix("-> See")?.trim();
        (number_length(target) == target.len() && !target.is_empty()).then_some(target)
    }
}

/// The number above `number`, if it has one.
pub fn parent_of(number: &str) -> Option<&str> {
    let inner = number.strip_suffix('.')?;
    inner.rfind('.').map(|at| &number[..=at])
}

/// A whole discussion as read.
#[derive(Debug, Default)]
pub struct Discussion {
    pub title: String,
    /// Text before the first claim that is not the title.
    pub preamble: String,
    pub entries: Vec<Entry>,
    /// The lines of the `Sources:` list.
    pub sources: Vec<String>,
}

/// The length in bytes of the claim number that starts `text` (`1.12.3.`), 0 if none.
fn number_length(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut end = 0;
    loop {
        let digits = bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || bytes.get(at + digits) != Some(&b'.') {
            return end;
        }
        at += digits + 1;
        end = at;
    }
}

/// The stance a claim's first line gives after its number, and the text after it.
fn stance_of(rest: &str) -> (Option<Stance>, &str) {
    for (word, stance) in [("Pro:", Stance::Pro), ("Con:", Stance::Con), ("Thesis:", Stance::Thesis)] {
        if let Some(text) = rest.strip_prefix(word) {
            return (Some(stance), text.trim());
        }
    }
    (None, rest)
}

fn push_line(text: &mut String, line: &str) {
    if line.is_empty() {
        if !text.is_empty() && !text.ends_with("\n\n") {
            text.push_str("\n\n");
        }
    } else {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(line);
    }
}

/// Reads the lines of `text` (LF or CRLF) into a discussion.
pub fn parse(text: &str) -> Discussion {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut discussion = Discussion::default();
    let mut in_sources = false;
    let mut seen_title = false;
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim();
        let indent = line.len() - line.trim_start().len();
        let position = TextPosition { line: index + 1, col: 1 + line[..indent].chars().count() };
        if in_sources {
            if !trimmed.is_empty() {
                discussion.sources.push(trimmed.to_owned());
            }
            continue;
        }
        if !seen_title
            && discussion.entries.is_empty()
            && let Some(title) = trimmed.strip_prefix("Discussion Title:")
        {
            discussion.title = title.trim().to_owned();
            seen_title = true;
            continue;
        }
        if trimmed == "Sources:" && !discussion.entries.is_empty() {
            in_sources = true;
            continue;
        }
        let length = number_length(trimmed);
        let number = &trimmed[..length];
        let rest = &trimmed[length..];
        let numbered = number.starts_with("1.") && (rest.is_empty() || rest.starts_with(char::is_whitespace));
        if numbered {
            let (stance, claim_text) = stance_of(rest.trim_start());
            let first_root = number == "1." && !discussion.entries.iter().any(|e| e.stance == Stance::Root);
            let stance = stance.or(first_root.then_some(Stance::Root));
            if let Some(stance) = stance {
                discussion.entries.push(Entry {
                    number: number.to_owned(),
                    stance,
                    text: claim_text.to_owned(),
                    position,
                });
                continue;
            }
        }
        match discussion.entries.last_mut() {
            Some(entry) => push_line(&mut entry.text, trimmed),
            None if seen_title && !trimmed.is_empty() && discussion.preamble.is_empty() => {
                discussion.title = format!("{} {trimmed}", discussion.title).trim().to_owned();
            }
            None => push_line(&mut discussion.preamble, trimmed),
        }
    }
    for entry in &mut discussion.entries {
        entry.text = entry.text.trim().to_owned();
    }
    discussion.preamble = discussion.preamble.trim().to_owned();
    discussion
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_parents() {
        assert_eq!(number_length("1.12.3. Pro: x"), 7);
        assert_eq!(number_length("1.2 x"), 2);
        assert_eq!(number_length("x"), 0);
        assert_eq!(parent_of("1.12.3."), Some("1.12."));
        assert_eq!(parent_of("1."), None);
    }

    #[test]
    fn claims_run_over_lines_and_lists_inside_stay_text() {
        let discussion = parse(
            "\u{feff}Discussion Title: Homework?\r\n\r\n1. Homework should go.\r\n1.1. Pro: Two reasons:\r\n1. time\r\n2. stress\r\n\r\n1.2. Con: -> See 1.1.\r\n1.3. Con:\r\nOn the next line.\r\nSources:\r\n[1] https://example.org/a\r\n",
        );
        assert_eq!(discussion.title, "Homework?");
        let texts: Vec<&str> = discussion.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Homework should go.", "Two reasons:\n1. time\n2. stress", "-> See 1.1.", "On the next line."]
        );
        assert_eq!(discussion.entries[2].see_also(), Some("1.1."));
        assert_eq!(discussion.entries[1].position, TextPosition { line: 4, col: 1 });
        assert_eq!(discussion.sources.len(), 1);
    }
}
