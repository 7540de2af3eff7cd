//! An Argdown file's lines as its parser sees them: the front matter (`===`
//! … `===` at the top) taken off, and comments (`//` to the end of the line,
//! `/* … */`, `<!-- … -->`) blanked where they stand, except inside `{…}`
//! data and `[text](url)` links, as Argdown's lexer does. A line that only
//! held a comment is left out (it neither ends a paragraph nor starts one).

use crate::format::{Diagnostic, TextPosition};

/// A line of the text, numbered from 1, without its line break.
#[derive(Clone, Debug)]
pub struct Line {
    pub number: usize,
    pub text: String,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The front matter's text, the line it starts on, and the lines after it.
pub struct Source {
    pub front_matter: Option<(String, usize)>,
    pub lines: Vec<Line>,
    pub notices: Vec<Diagnostic>,
}

/// The byte length of the `{…}` data starting at `text[0]`, when it closes.
pub fn data_length(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match (quote, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some('"'), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if text[..index].ends_with([' ', ':', '[', '{', ',']) => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(index + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where each `{` of `text` that opens data closes (byte offsets), found in
/// one pass: braces inside double-quoted text do not count.
fn closing_braces(text: &str) -> std::collections::HashMap<usize, usize> {
    let mut closing = std::collections::HashMap::new();
    let mut open: Vec<usize> = Vec::new();
    let mut in_quote = false;
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' if !open.is_empty() => in_quote = !in_quote,
            _ if in_quote => {}
            '{' => open.push(index),
            '}' => {
                if let Some(start) = open.pop() {
                    closing.insert(start, index + 1);
                }
            }
            '\n' if open.is_empty() => in_quote = false,
            _ => {}
        }
    }
    closing
}

/// The next byte offset at or after `from` of each of some characters, kept
/// so that a text of many `[` is scanned once, not once per `[`.
struct NextOf<'a> {
    text: &'a str,
    found: [(char, Option<usize>); 3],
}

impl NextOf<'_> {
    fn next(&mut self, wanted: char, from: usize) -> Option<usize> {
        let text = self.text;
        let slot = self.found.iter_mut().find(|(c, _)| *c == wanted)?;
        let stale = slot.1.is_none_or(|at| at != usize::MAX && at < from);
        if stale {
            slot.1 = Some(text.get(from..).and_then(|rest| rest.find(wanted)).map_or(usize::MAX, |at| from + at));
        }
        slot.1.filter(|&at| at != usize::MAX)
    }
}

/// The byte length of the link `[text](url)` starting at `offset`, if one does.
fn link_length(next: &mut NextOf<'_>, offset: usize) -> Option<usize> {
    let line_end = next.next('\n', offset).unwrap_or(usize::MAX);
    let close = next.next(']', offset).filter(|&at| at < line_end)?;
    if !next.text[close..].starts_with("](") {
        return None;
    }
    let end = next.next(')', close).filter(|&at| at < line_end)?;
    Some(end + 1 - offset)
}

/// `text` with its comments blanked (line breaks kept), and which lines held a comment.
fn blank_comments(text: &str) -> (String, Vec<bool>) {
    let mut out = String::with_capacity(text.len());
    let mut commented = vec![false; text.lines().count() + 2];
    let closing = closing_braces(text);
    let mut next = NextOf { text, found: [('\n', None), (']', None), (')', None)] };
    let mut line = 0;
    let mut offset = 0;
    let blank = |out: &mut String, commented: &mut Vec<bool>, line: &mut usize, comment: &str| {
        for c in comment.chars() {
            if c == '\n' {
                out.push('\n');
                *line += 1;
            } else {
                out.push(' ');
            }
            if let Some(flag) = commented.get_mut(*line) {
                *flag = true;
            }
        }
    };
    while let Some(c) = text[offset..].chars().next() {
        let rest = &text[offset..];
        let (keep, skip) = if rest.starts_with("//") {
            (0, rest.find('\n').unwrap_or(rest.len()))
        } else if let Some(inside) = rest.strip_prefix("/*") {
            (0, inside.find("*/").map_or(rest.len(), |end| end + 4))
        } else if let Some(inside) = rest.strip_prefix("<!--") {
            (0, inside.find("-->").map_or(rest.len(), |end| end + 7))
        } else if c == '\\' {
            (rest.chars().nth(1).map_or(1, |next| 1 + next.len_utf8()), 0)
        } else if c == '{' {
            (closing.get(&offset).map_or(1, |end| end - offset), 0)
        } else if c == '[' {
            (link_length(&mut next, offset).unwrap_or(1), 0)
        } else {
            (c.len_utf8(), 0)
        };
        if skip > 0 {
            blank(&mut out, &mut commented, &mut line, &rest[..skip]);
            offset += skip;
        } else {
            let kept = &rest[..keep];
            line += kept.matches('\n').count();
            out.push_str(kept);
            offset += keep;
        }
    }
    (out, commented)
}

/// Splits off the front matter and blanks the comments.
pub fn read(text: &str) -> Source {
    let mut notices = Vec::new();
    let mut all: Vec<&str> = text.split('\n').map(|line| line.strip_suffix('\r').unwrap_or(line)).collect();
    if all.last() == Some(&"") {
        all.pop();
    }
    // Comments may stand before the front matter, but what is inside it is YAML.
    let (cleaned, _) = blank_comments(&all.join("\n"));
    let first = cleaned.split('\n').position(|line| !line.trim().is_empty());
    let mut front_matter = None;
    let mut body_start = 0;
    if let Some(first) = first
        && all.get(first).is_some_and(|line| line.trim_start().starts_with("==="))
    {
        let close = (first + 1..all.len()).find(|&index| all[index].trim_start().starts_with("==="));
        match close {
            Some(close) => {
                front_matter = Some((all[first + 1..close].join("\n"), first + 2));
                body_start = close + 1;
            }
            None => notices.push(Diagnostic {
                position: TextPosition { line: first + 1, col: 1 },
                message: "skipped: this front matter is never closed with `===`, so it is read as text".to_owned(),
            }),
        }
    }
    let body = all[body_start..].join("\n");
    let (cleaned, commented) = blank_comments(&body);
    let lines = cleaned
        .split('\n')
        .enumerate()
        .filter(|(index, line)| !(commented.get(*index).copied().unwrap_or(false) && line.trim().is_empty()))
        .map(|(index, line)| Line { number: body_start + index + 1, text: line.to_owned() })
        .collect();
    Source { front_matter, lines, notices }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_blanked_but_data_and_links_keep_their_slashes() {
        let source = read(
            "===\ntitle: T\n===\n[a]: A // note\n// alone\n/* two\nlines */ [b]: B {url: \"http://x\"} [l](http://y)\n<!-- c -->\n",
        );
        assert_eq!(source.front_matter, Some(("title: T".to_owned(), 2)));
        let lines: Vec<(usize, &str)> = source.lines.iter().map(|l| (l.number, l.text.trim())).collect();
        assert_eq!(lines, [(4, "[a]: A"), (7, "[b]: B {url: \"http://x\"} [l](http://y)")]);
    }

    #[test]
    fn an_unclosed_front_matter_is_text_with_a_notice() {
        let source = read("===\ntitle: T\n\n[a]: A\n");
        assert!(source.front_matter.is_none());
        assert_eq!(source.lines.len(), 4);
        assert_eq!(source.notices.len(), 1);
    }
}
