//! Positions in JSON text for the JSON importers: where serde_json stopped on a
//! syntax error, and where the n-th object with a given key starts, so that a
//! problem found after parsing (an unknown node, a bad date) still points at
//! its `line:col`.

use super::ImportError;
use crate::format::TextPosition;

/// The position of byte `offset` in `text`.
pub fn position_of(text: &str, offset: usize) -> TextPosition {
    let before = text.get(..offset).unwrap_or(text);
    let line = 1 + before.matches('\n').count();
    let col = 1 + before.rsplit('\n').next().map_or(0, |last| last.chars().count());
    TextPosition { line, col }
}

/// Every place where `"key"` is written as a key (not an escaped `\"key\"`
/// inside a string), in order, in one pass over the text.
pub fn key_positions(text: &str, key: &str) -> Vec<TextPosition> {
    let pattern = format!("\"{key}\"");
    let mut found = Vec::new();
    let (mut line, mut line_start, mut counted) = (1, 0, 0);
    for (start, _) in text.match_indices(&pattern) {
        let after = text[start + pattern.len()..].trim_start();
        if !after.starts_with(':') || text[..start].ends_with('\\') {
            continue;
        }
        for (offset, _) in text[counted..start].match_indices('\n') {
            line += 1;
            line_start = counted + offset + 1;
        }
        counted = start;
        found.push(TextPosition { line, col: 1 + text[line_start..start].chars().count() });
    }
    found
}

/// Parses `text` as `T`, or an error at the line and column serde_json gives.
pub fn parse<'a, T: serde::Deserialize<'a>>(text: &'a str, what: &str) -> Result<T, ImportError> {
    serde_json::from_str(text).map_err(|error| {
        let position = TextPosition { line: error.line().max(1), col: error.column().max(1) };
        let message = match error.classify() {
            serde_json::error::Category::Eof => format!("the {what} ends too early: {error}"),
            _ => format!("not {what}: {error}"),
        };
        ImportError::at(position, strip_position(&message))
    })
}

/// serde_json ends its messages with " at line L column C"; the position is given apart.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference [`key_positions`] is held to: the `index`-th (from 0) place where `"key"` is written as a key, or the
    /// start of the text when there are fewer.
    fn nth_key(text: &str, key: &str, index: usize) -> TextPosition {
        let pattern = format!("\"{key}\"");
        let mut found = 0;
        let mut from = 0;
        while let Some(at) = text.get(from..).and_then(|rest| rest.find(&pattern)) {
            let start = from + at;
            let after = text[start + pattern.len()..].trim_start();
            let escaped = text[..start].ends_with('\\');
            if after.starts_with(':') && !escaped {
                if found == index {
                    return position_of(text, start);
                }
                found += 1;
            }
            from = start + pattern.len();
        }
        TextPosition { line: 1, col: 1 }
    }

    #[test]
    fn finds_the_nth_key_and_ignores_escaped_text() {
        let text = "{\"a\": 1,\n \"b\": \"\\\"a\\\": x\",\n \"a\": 2}";
        assert_eq!(nth_key(text, "a", 0), TextPosition { line: 1, col: 2 });
        assert_eq!(nth_key(text, "a", 1), TextPosition { line: 3, col: 2 });
    }

    #[test]
    fn key_positions_are_the_nth_keys() {
        let text = "{\"a\": 1,\n \"b\": \"\\\"a\\\": x\",\n \"a\": [{\"a\": 2}]}";
        let all = key_positions(text, "a");
        assert_eq!(all, (0..3).map(|index| nth_key(text, "a", index)).collect::<Vec<_>>());
        assert_eq!(all.len(), 3);
    }
}
