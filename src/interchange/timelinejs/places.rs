//! Where the title slide, each slide and each era stand in the JSON text, so
//! that a problem found after parsing points at its own slide, whatever order
//! the file gives `title`, `events` and `eras` in. Run on text serde_json has
//! already parsed, so it only has to skip strings and count brackets.

use std::ops::Range;

/// Byte ranges of the top-level `title`, and of each element of `events` and `eras`.
#[derive(Debug, Default)]
pub struct Places {
    pub title: Option<Range<usize>>,
    pub events: Vec<Range<usize>>,
    pub eras: Vec<Range<usize>>,
}

/// The end of the string that opens at `start` (just past its closing quote).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// The end of the value that starts at `start` (a string, a bracketed value, or a bare word).
fn value_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut at = start;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => {
                at = string_end(bytes, at);
                if depth == 0 {
                    return at;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth <= 1 => return if depth == 1 { at + 1 } else { at },
            b'}' | b']' => depth -= 1,
            b',' if depth == 0 => return at,
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// The ranges of the elements of the array that starts at `start`.
fn elements(bytes: &[u8], start: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut at = skip_space(bytes, start + 1);
    while let Some(&byte) = bytes.get(at) {
        if byte == b']' {
            break;
        }
        let end = value_end(bytes, at);
        ranges.push(at..end);
        at = skip_space(bytes, end);
        if bytes.get(at) == Some(&b',') {
            at = skip_space(bytes, at + 1);
        } else {
            break;
        }
    }
    ranges
}

/// Where the parts of a TimelineJS file stand in `text`.
pub fn places(text: &str) -> Places {
    let bytes = text.as_bytes();
    let mut places = Places::default();
    let mut at = skip_space(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return places;
    }
    at = skip_space(bytes, at + 1);
    while bytes.get(at) == Some(&b'"') {
        let key_end = string_end(bytes, at);
        let key = &text[at + 1..key_end.saturating_sub(1).max(at + 1)];
        at = skip_space(bytes, key_end);
        if bytes.get(at) != Some(&b':') {
            break;
        }
        let value_start = skip_space(bytes, at + 1);
        let end = value_end(bytes, value_start);
        let is_array = bytes.get(value_start) == Some(&b'[');
        match key {
            "title" => places.title = Some(value_start..end),
            "events" if is_array => places.events = elements(bytes, value_start),
            "eras" if is_array => places.eras = elements(bytes, value_start),
            _ => {}
        }
        at = skip_space(bytes, end);
        if bytes.get(at) == Some(&b',') {
            at = skip_space(bytes, at + 1);
        }
    }
    places
}

/// Where `"key":` is first written inside `range` of `text`, or `None`.
pub fn key_in(text: &str, range: &Range<usize>, key: &str) -> Option<usize> {
    let pattern = format!("\"{key}\"");
    let inside = text.get(range.clone())?;
    let mut from = 0;
    while let Some(found) = inside.get(from..).and_then(|rest| rest.find(&pattern)) {
        let start = from + found;
        let after = inside[start + pattern.len()..].trim_start();
        if after.starts_with(':') && !inside[..start].ends_with('\\') {
            return Some(range.start + start);
        }
        from = start + pattern.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_slide_and_era_in_any_order() {
        let text =
            r#"{"eras": [{"a": "]"}, {"b": [1, {"c": 2}]}], "title": {"text": {}}, "events": [ {"x": "\"}"} ,{}]}"#;
        let places = places(text);
        let slices = |ranges: &[Range<usize>]| ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>();
        assert_eq!(slices(&places.eras), [r#"{"a": "]"}"#, r#"{"b": [1, {"c": 2}]}"#]);
        assert_eq!(slices(&places.events), [r#"{"x": "\"}"}"#, "{}"]);
        assert_eq!(places.title.map(|r| &text[r]), Some(r#"{"text": {}}"#));
        assert_eq!(key_in(text, &places.events[0], "x"), Some(places.events[0].start + 1));
    }
}
