//! The text of an Argdown element as plain text: titles taken off the front,
//! `#tags` and `#(tags with spaces)` taken out, bold and italic markers
//! dropped, links `[text](url)` as `text (url)`, escapes undone, lines
//! joined. Mentions (`@[Title]`, `@<Title>`) stay as written.

/// How an element starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Statement,
    Argument,
}

/// The front of an element: its kind, title and whether it defines (`[T]:`) or refers (`[T]`).
pub struct Head<'a> {
    pub kind: NodeKind,
    pub title: Option<String>,
    /// Whether it gives text (`[T]:`, `<T>:`, untitled) rather than only refers (`[T]`).
    pub defines: bool,
    pub rest: &'a str,
}

/// Whether `text` starts with a link `[text](url)`, which is text, not a title.
fn starts_with_link(text: &str) -> bool {
    let Some(close) = text.find(']') else { return false };
    text[close + 1..].starts_with('(') && text[close + 1..].contains(')') && !text[..close].contains('\n')
}

/// Splits a title off the front of `text` as Argdown's lexer does: `[T]:` up
/// to the first `]:` of the line, else `[T]` up to the first `]` (not
/// `[-`); the same with `<` `>` for arguments. An unclosed `[` is text.
pub fn head(text: &str) -> Head<'_> {
    let line_end = text.find('\n').unwrap_or(text.len());
    let first_line = &text[..line_end];
    let (kind, open, close) = match text.chars().next() {
        Some('[') if !starts_with_link(text) => (NodeKind::Statement, '[', ']'),
        Some('<') if !text.starts_with("<!--") => (NodeKind::Argument, '<', '>'),
        _ => return Head { kind: NodeKind::Statement, title: None, defines: true, rest: text },
    };
    let definition = format!("{close}:");
    if let Some(end) = first_line.find(&definition).filter(|&end| end > 1) {
        return Head { kind, title: Some(unescape(text[1..end].trim())), defines: true, rest: &text[end + 2..] };
    }
    if !first_line[open.len_utf8()..].starts_with('-')
        && let Some(end) = first_line.find(close).filter(|&end| end > 1)
    {
        return Head { kind, title: Some(unescape(text[1..end].trim())), defines: false, rest: &text[end + 1..] };
    }
    Head { kind: NodeKind::Statement, title: None, defines: true, rest: text }
}

/// The byte index of the first `target` in `text` that no backslash escapes.
pub fn find_unescaped(text: &str, target: char) -> Option<usize> {
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == target {
            return Some(index);
        }
    }
    None
}

/// Argdown's backslash escapes undone.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_' || !c.is_ascii() && !c.is_whitespace()
}

/// Whether a bold or italic marker here closes a range: what follows is a space, punctuation or the end.
fn closes(next: Option<char>) -> bool {
    next.is_none_or(|c| c.is_whitespace() || ")}_.,!?;:-*".contains(c))
}

/// Plain text and tags of an element's content (after its title, without data).
pub fn plain(content: &str) -> (String, Vec<String>) {
    let mut tags: Vec<String> = Vec::new();
    let mut out = String::with_capacity(content.len());
    let chars: Vec<char> = content.chars().collect();
    // The next `)`, `]` and line break at or after each character, so that no `#(` or `[` scans the rest again.
    let mut next_paren = vec![usize::MAX; chars.len() + 1];
    let mut next_bracket = vec![usize::MAX; chars.len() + 1];
    let mut next_newline = vec![usize::MAX; chars.len() + 1];
    for index in (0..chars.len()).rev() {
        next_newline[index] = if chars[index] == '\n' { index } else { next_newline[index + 1] };
        next_paren[index] = if chars[index] == ')' { index } else { next_paren[index + 1] };
        next_bracket[index] = if chars[index] == ']' { index } else { next_bracket[index + 1] };
    }
    let mut open_ranges: Vec<&str> = Vec::new();
    let mut index = 0;
    while let Some(&c) = chars.get(index) {
        let next = chars.get(index + 1).copied();
        match c {
            '\\' => {
                out.extend(next);
                index += 2;
                continue;
            }
            '#' if next == Some('(') => {
                let close = next_paren[index];
                if close != usize::MAX {
                    let tag: String = chars[index + 2..close].iter().collect();
                    let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !tag.is_empty() && !tags.contains(&tag) {
                        tags.push(tag);
                    }
                    index = close + 1;
                    continue;
                }
            }
            '#' if next.is_some_and(is_tag_char) => {
                let end =
                    chars[index + 1..].iter().position(|&c| !is_tag_char(c)).map_or(chars.len(), |at| index + 1 + at);
                let tag: String = chars[index + 1..end].iter().collect();
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
                index = end;
                continue;
            }
            '[' => {
                let close = next_bracket[index];
                // `close` is usize::MAX when the bracket is never closed.
                let url_end = (close != usize::MAX)
                    .then(|| chars.get(close + 1))
                    .flatten()
                    .filter(|&&c| c == '(')
                    .and_then(|_| next_paren.get(close).copied());
                let on_one_line = |from: usize, to: usize| next_newline[from] > to;
                if let Some(url_end) = url_end.filter(|&end| end != usize::MAX && on_one_line(index, end)) {
                    let label: String = chars[index + 1..close].iter().collect();
                    let url: String = chars[close + 2..url_end].iter().collect();
                    out.push_str(&format!("{} ({})", unescape(&label), url.trim()));
                    index = url_end + 1;
                    continue;
                }
            }
            '*' | '_' => {
                let marker = if next == Some(c) {
                    if c == '*' { "**" } else { "__" }
                } else if c == '*' {
                    "*"
                } else {
                    "_"
                };
                let after = chars.get(index + marker.len()).copied();
                if open_ranges.last() == Some(&marker) && closes(after) {
                    open_ranges.pop();
                    index += marker.len();
                    continue;
                }
                if after.is_some_and(|c| !c.is_whitespace()) && !out.ends_with(|c: char| c.is_alphanumeric()) {
                    open_ranges.push(marker);
                    index += marker.len();
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        index += 1;
    }
    (out.split_whitespace().collect::<Vec<_>>().join(" "), tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_taken_as_the_lexer_takes_them() {
        let defined = head("[Nuclear power]: is safe");
        assert_eq!(
            (defined.kind, defined.title.as_deref(), defined.rest),
            (NodeKind::Statement, Some("Nuclear power"), " is safe")
        );
        let referred = head("<Cost argument> #cost");
        assert_eq!(
            (referred.kind, referred.title.as_deref(), referred.rest),
            (NodeKind::Argument, Some("Cost argument"), " #cost")
        );
        assert_eq!(head("[never closed\nhere]: x").title, None);
        assert_eq!(head("[a link](https://example.org) is text").title, None);
    }

    #[test]
    fn content_loses_its_markup_but_keeps_its_words_and_tags() {
        let (text, tags) = plain(
            "A **bold** and *italic*\nclaim, see [the report](https://example.org) #energy #(climate policy) \\#not",
        );
        assert_eq!(text, "A bold and italic claim, see the report (https://example.org) #not");
        assert_eq!(tags, ["energy", "climate policy"]);
        assert_eq!(plain("snake_case stays and @[Other] too").0, "snake_case stays and @[Other] too");
    }
}
