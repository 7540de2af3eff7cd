//! Finds where fields and list items stand in RON text, so that a validation
//! problem found on the parsed map (`links[3].to`) can be reported at its
//! line:col. A single linear pass with an explicit stack: no recursion, so no
//! input can overflow it.

use crate::model::validate::{FieldPath, PathSegment};
use std::collections::HashMap;

/// A line and column, both counted from 1, columns in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextPosition {
    pub line: usize,
    pub col: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Segment {
    Field(String),
    Index(usize),
}

/// Positions of every field and list item of a RON text, by path.
pub struct Locations {
    positions: HashMap<Vec<Segment>, TextPosition>,
}

impl Locations {
    /// The position of `path`, or of its nearest enclosing item that was found.
    pub fn find(&self, path: &FieldPath) -> TextPosition {
        let mut key: Vec<Segment> = path
            .0
            .iter()
            .map(|segment| match segment {
                PathSegment::Field(name) => Segment::Field((*name).to_owned()),
                PathSegment::Index(index) => Segment::Index(*index),
            })
            .collect();
        loop {
            if let Some(position) = self.positions.get(&key) {
                return *position;
            }
            if key.pop().is_none() {
                return TextPosition { line: 1, col: 1 };
            }
        }
    }
}

/// Paths deeper than this are not recorded: validation never reports deeper,
/// and bounding it keeps the scan linear on deeply nested input.
const MAX_RECORDED_DEPTH: usize = 8;

struct Frame {
    /// The path of this bracket's value, while it is shallow enough to record.
    path: Option<Vec<Segment>>,
    is_list: bool,
    /// In a list: the index of the next item, and whether it has begun.
    next_index: usize,
    item_started: bool,
    /// In a struct: the field whose value comes next.
    field: Option<String>,
}

impl Frame {
    fn new(path: Option<Vec<Segment>>, is_list: bool) -> Self {
        Self { path, is_list, next_index: 0, item_started: false, field: None }
    }

    /// The path of the value being read in this frame, if shallow enough to record.
    fn slot(&self) -> Option<Vec<Segment>> {
        let mut path = self.path.clone()?;
        if self.is_list {
            path.push(Segment::Index(self.next_index));
        } else if let Some(field) = &self.field {
            path.push(Segment::Field(field.clone()));
        }
        (path.len() <= MAX_RECORDED_DEPTH).then_some(path)
    }
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
}

impl Cursor<'_> {
    fn position(&self) -> TextPosition {
        TextPosition { line: self.line, col: self.col }
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    /// Skips whitespace and comments (`//` to the end of a line, nested `/* */`).
    fn skip_trivia(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.bump();
                continue;
            }
            if c != '/' {
                return;
            }
            let mut ahead = self.chars.clone();
            ahead.next();
            match ahead.next() {
                Some('/') => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                Some('*') => {
                    self.bump();
                    self.bump();
                    let mut depth = 1usize;
                    while depth > 0 {
                        match self.bump() {
                            None => return,
                            Some('*') if self.peek() == Some('/') => {
                                self.bump();
                                depth -= 1;
                            }
                            Some('/') if self.peek() == Some('*') => {
                                self.bump();
                                depth += 1;
                            }
                            Some(_) => {}
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_quoted(&mut self, quote: char) {
        self.bump();
        while let Some(c) = self.bump() {
            if c == '\\' {
                self.bump();
            } else if c == quote {
                return;
            }
        }
    }

    /// Skips `r"…"` or `r#"…"#` after the `r` has been read; `hashes` counted here.
    fn skip_raw_string(&mut self) {
        let mut hashes = 0usize;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        if self.peek() != Some('"') {
            return;
        }
        self.bump();
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut closing = 0usize;
                while closing < hashes && self.peek() == Some('#') {
                    self.bump();
                    closing += 1;
                }
                if closing == hashes {
                    return;
                }
            }
        }
    }

    fn read_identifier(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                name.push(c);
                self.bump();
            } else {
                break;
            }
        }
        name
    }
}

/// Scans `text` once and records where each field and list item begins.
pub fn locate(text: &str) -> Locations {
    let mut positions = HashMap::new();
    let mut stack: Vec<Frame> = vec![Frame::new(Some(Vec::new()), false)];
    let mut cursor = Cursor { chars: text.chars().peekable(), line: 1, col: 1 };
    loop {
        cursor.skip_trivia();
        let Some(c) = cursor.peek() else { break };
        let start = cursor.position();
        if let Some(frame) = stack.last_mut()
            && frame.is_list
            && !frame.item_started
            && !matches!(c, ']' | ',')
        {
            frame.item_started = true;
            if let Some(path) = frame.slot() {
                positions.insert(path, start);
            }
        }
        match c {
            '(' | '[' | '{' => {
                cursor.bump();
                let path = stack.last().and_then(Frame::slot);
                stack.push(Frame::new(path, c == '['));
            }
            ')' | ']' | '}' => {
                cursor.bump();
                if stack.len() > 1 {
                    stack.pop();
                }
            }
            ',' => {
                cursor.bump();
                if let Some(frame) = stack.last_mut() {
                    if frame.is_list {
                        frame.next_index += 1;
                        frame.item_started = false;
                    } else {
                        frame.field = None;
                    }
                }
            }
            '"' | '\'' => cursor.skip_quoted(c),
            _ if c.is_alphabetic() || c == '_' => {
                let name = cursor.read_identifier();
                if name == "r" && matches!(cursor.peek(), Some('"' | '#')) {
                    cursor.skip_raw_string();
                    continue;
                }
                cursor.skip_trivia();
                let in_struct = stack.last().is_some_and(|frame| !frame.is_list && frame.field.is_none());
                if in_struct && cursor.peek() == Some(':') {
                    cursor.bump();
                    if let Some(frame) = stack.last_mut() {
                        frame.field = Some(name);
                        if let Some(path) = frame.slot() {
                            positions.insert(path, start);
                        }
                    }
                }
            }
            _ => {
                cursor.bump();
            }
        }
    }
    Locations { positions }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(segments: &[PathSegment]) -> FieldPath {
        FieldPath(segments.to_vec())
    }

    #[test]
    fn finds_fields_and_list_items() {
        let text = "(\n    format: 1,\n    links: [\n        (\n            id: \"a\",\n        ),\n        (id: \"b\", to: Claim(\"x\")),\n    ],\n)\n";
        let locations = locate(text);
        use PathSegment::{Field, Index};
        assert_eq!(locations.find(&path(&[Field("format")])), TextPosition { line: 2, col: 5 });
        assert_eq!(locations.find(&path(&[Field("links"), Index(0)])), TextPosition { line: 4, col: 9 });
        assert_eq!(locations.find(&path(&[Field("links"), Index(0), Field("id")])), TextPosition { line: 5, col: 13 });
        assert_eq!(locations.find(&path(&[Field("links"), Index(1), Field("to")])), TextPosition { line: 7, col: 19 });
        // A path that is not in the text falls back to its nearest enclosing item.
        assert_eq!(locations.find(&path(&[Field("links"), Index(1), Field("note")])), TextPosition { line: 7, col: 9 });
    }

    #[test]
    fn ignores_brackets_and_colons_inside_strings_and_comments() {
        let text = "( // a comment: (\n  title: \"a: [b\", /* x: ( */ n: r#\"q\"(\"#, m: 'c',\n  z: 1)";
        let locations = locate(text);
        use PathSegment::Field;
        assert_eq!(locations.find(&path(&[Field("n")])), TextPosition { line: 2, col: 30 });
        assert_eq!(locations.find(&path(&[Field("m")])), TextPosition { line: 2, col: 43 });
        assert_eq!(locations.find(&path(&[Field("z")])), TextPosition { line: 3, col: 3 });
    }

    #[test]
    fn survives_deep_nesting_and_unbalanced_text() {
        let deep = "[".repeat(100_000) + &"]".repeat(3);
        let locations = locate(&deep);
        assert_eq!(locations.find(&FieldPath::default()), TextPosition { line: 1, col: 1 });
        let _ = locate(")))]]]\"unterminated");
    }
}
