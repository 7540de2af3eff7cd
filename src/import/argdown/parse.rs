//! Reading Argdown text into statements, arguments and relations, each with
//! its `line:col`. The subset Argline maps: front matter (title, summary),
//! headings, comments, statements `[title]: text #tags {data}`, arguments
//! `<title>: text {data}`, untitled statements, and relation trees (`+ - _`
//! incoming, `+> -> _>` outgoing, nested by indentation). Premise–conclusion
//! structures, inference lines, contradictions and lists are reported, never
//! dropped silently.

use crate::format::{Diagnostic, TextPosition};
use std::collections::BTreeMap;

/// A data value from `{key: value}`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
}

impl Value {
    pub fn text(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Number(number) => number.to_string(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Statement,
    Argument,
}

/// A statement or argument as written (or referred to) in the text.
#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    pub title: String,
    pub text: String,
    pub tags: Vec<String>,
    pub data: BTreeMap<String, Value>,
    pub position: TextPosition,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelationKind {
    Support,
    Attack,
    Undercut,
}

/// `from` bears on `to`; both are (kind, title).
#[derive(Clone, Debug)]
pub struct RelationLine {
    pub from: (NodeKind, String),
    pub to: (NodeKind, String),
    pub kind: RelationKind,
    pub position: TextPosition,
}

#[derive(Debug, Default)]
pub struct Document {
    pub front: BTreeMap<String, String>,
    /// Every definition and reference, in the order of the text.
    pub nodes: Vec<Node>,
    pub relations: Vec<RelationLine>,
    pub notices: Vec<Diagnostic>,
}

fn at(line: usize, col: usize) -> TextPosition {
    TextPosition { line, col }
}

/// Argdown's backslash escapes undone.
fn unescape(text: &str) -> String {
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

/// The byte index of the first unescaped `target` in `text`.
fn find_unescaped(text: &str, target: char) -> Option<usize> {
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

/// A YAML flow mapping's body, `key: value, …`, with JSON-style quoted strings.
fn parse_data(body: &str, position: TextPosition) -> Result<BTreeMap<String, Value>, Diagnostic> {
    let mut data = BTreeMap::new();
    let mut rest = body.trim();
    let error = |message: String| Diagnostic { position, message };
    while !rest.is_empty() {
        let colon = rest.find(':').ok_or_else(|| error(format!("data \"{rest}\" has no `key: value`")))?;
        let key = rest[..colon].trim().trim_matches('"').to_owned();
        rest = rest[colon + 1..].trim_start();
        let (value, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let mut text = String::new();
            let mut chars = quoted.char_indices();
            let mut end = None;
            while let Some((index, c)) = chars.next() {
                match c {
                    '"' => {
                        end = Some(index + 1);
                        break;
                    }
                    '\\' => match chars.next().map(|(_, c)| c) {
                        Some('n') => text.push('\n'),
                        Some('t') => text.push('\t'),
                        Some('u') => {
                            let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                            let code = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                            text.push(code.ok_or_else(|| error(format!("\"\\u{hex}\" is not a character")))?);
                        }
                        Some(other) => text.push(other),
                        None => {}
                    },
                    c => text.push(c),
                }
            }
            let end = end.ok_or_else(|| error(format!("the text of \"{key}\" has no closing quote")))?;
            (Value::Text(text), &quoted[end..])
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            let raw = rest[..end].trim();
            if raw.starts_with(['{', '[']) {
                return Err(error(format!("the value of \"{key}\" is nested data, which Argline does not read")));
            }
            let value =
                raw.parse::<f64>().map_or_else(|_| Value::Text(raw.trim_matches('\'').to_owned()), Value::Number);
            (value, &rest[end..])
        };
        data.insert(key, value);
        rest = after.trim_start().strip_prefix(',').unwrap_or(after).trim_start();
    }
    Ok(data)
}

/// Tags (`#tag`, `#(two words)`) taken out of `text`.
fn take_tags(text: &str) -> (String, Vec<String>) {
    let mut tags = Vec::new();
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(hash) = find_unescaped(rest, '#') {
        kept.push_str(&rest[..hash]);
        let after = &rest[hash + 1..];
        if let Some(group) = after.strip_prefix('(')
            && let Some(close) = group.find(')')
        {
            tags.push(group[..close].trim().to_owned());
            rest = &group[close + 1..];
        } else {
            let end = after.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')).unwrap_or(after.len());
            if end == 0 {
                kept.push('#');
            } else {
                tags.push(after[..end].to_owned());
            }
            rest = &after[end..];
        }
    }
    kept.push_str(rest);
    (kept, tags)
}

/// One element: `[title]: text`, `[title]`, `<title>: text`, `<title>` or untitled text.
fn parse_node(source: &str, line: usize, col: usize) -> Result<Node, Diagnostic> {
    let position = at(line, col);
    let (kind, close) = match source.chars().next() {
        Some('[') => (NodeKind::Statement, ']'),
        Some('<') => (NodeKind::Argument, '>'),
        _ => (NodeKind::Statement, '\0'),
    };
    let (title, mut body) = if close == '\0' {
        (String::new(), source)
    } else {
        let end = find_unescaped(&source[1..], close)
            .ok_or_else(|| Diagnostic { position, message: format!("this title is never closed: add `{close}`") })?;
        let rest = &source[end + 2..];
        (unescape(source[1..end + 1].trim()), rest.trim_start().strip_prefix(':').unwrap_or(rest))
    };
    let mut data = BTreeMap::new();
    if let Some(open) = find_unescaped(body, '{') {
        let close = find_unescaped(&body[open..], '}').ok_or_else(|| Diagnostic {
            position: at(line, col + source.len() - body.len() + open),
            message: "this data is never closed: add `}`".to_owned(),
        })?;
        data = parse_data(&body[open + 1..open + close], at(line, col + source.len() - body.len() + open))?;
        body = &body[..open];
    }
    let (text, tags) = take_tags(body);
    let text = unescape(text.trim());
    let title = if title.is_empty() { text.clone() } else { title };
    if title.is_empty() {
        return Err(Diagnostic { position, message: "a statement needs a title or a text".to_owned() });
    }
    Ok(Node { kind, title, text, tags, data, position })
}

/// The relation a line starts with: its kind, whether it goes out of the
/// parent, and how many characters the symbol takes.
fn relation_symbol(text: &str) -> Option<(RelationKind, bool, usize)> {
    let symbols = [
        ("+>", RelationKind::Support, true),
        ("->", RelationKind::Attack, true),
        ("_>", RelationKind::Undercut, true),
        ("<+", RelationKind::Support, false),
        ("<-", RelationKind::Attack, false),
        ("<_", RelationKind::Undercut, false),
        ("+", RelationKind::Support, false),
        ("-", RelationKind::Attack, false),
        ("_", RelationKind::Undercut, false),
    ];
    symbols.into_iter().find_map(|(symbol, kind, outgoing)| {
        let rest = text.strip_prefix(symbol)?;
        rest.starts_with(char::is_whitespace).then_some((kind, outgoing, symbol.len()))
    })
}

fn is_unsupported_structure(text: &str) -> Option<&'static str> {
    let numbered =
        text.split_once(')').is_some_and(|(n, _)| n.strip_prefix('(').is_some_and(|n| n.parse::<u32>().is_ok()));
    if numbered {
        Some("premise–conclusion structures")
    } else if text.starts_with("--") {
        Some("inference lines")
    } else if text.starts_with("><") {
        Some("contradictions")
    } else if text.starts_with("* ") || text.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok()) {
        Some("lists")
    } else {
        None
    }
}

pub fn parse(text: &str) -> Result<Document, Vec<Diagnostic>> {
    let mut document = Document::default();
    let mut problems = Vec::new();
    let mut lines = text.lines().enumerate().map(|(index, line)| (index + 1, line)).peekable();
    // Front matter between two `===` lines.
    while lines.peek().is_some_and(|(_, line)| line.trim().is_empty()) {
        lines.next();
    }
    if lines.peek().is_some_and(|(_, line)| line.trim() == "===") {
        let (opened, _) = lines.next().unwrap_or_default();
        let mut closed = false;
        for (number, line) in lines.by_ref() {
            if line.trim() == "===" {
                closed = true;
                break;
            }
            match line.split_once(':') {
                Some((key, value)) if !line.starts_with(' ') => {
                    let value = value.trim();
                    let value = match parse_data(&format!("v: {value}"), at(number, key.len() + 3)) {
                        Ok(mut data) => data.remove("v").map_or_else(String::new, |v| v.text()),
                        Err(_) => value.to_owned(),
                    };
                    document.front.insert(key.trim().to_owned(), value);
                }
                _ if line.trim().is_empty() => {}
                _ => document.notices.push(Diagnostic {
                    position: at(number, 1),
                    message: "skipped: front matter other than `key: value` lines".to_owned(),
                }),
            }
        }
        if !closed {
            problems.push(Diagnostic {
                position: at(opened, 1),
                message: "the front matter is never closed: end it with `===`".to_owned(),
            });
        }
    }
    // The parents of the relation lines: (indent, node) from outermost in.
    let mut parents: Vec<(usize, (NodeKind, String))> = Vec::new();
    let mut in_comment = false;
    for (number, line) in lines {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let col = indent + 1;
        if in_comment {
            in_comment = !trimmed.contains("*/");
            continue;
        }
        if trimmed.starts_with("/*") {
            in_comment = !trimmed.contains("*/");
            continue;
        }
        if trimmed.is_empty() {
            parents.clear();
            continue;
        }
        if trimmed.starts_with("//") || (indent == 0 && trimmed.starts_with('#')) {
            continue;
        }
        if let Some(what) = is_unsupported_structure(trimmed) {
            document.notices.push(Diagnostic {
                position: at(number, col),
                message: format!("skipped: Argline does not read {what}"),
            });
            continue;
        }
        let relation = if indent > 0 { relation_symbol(trimmed) } else { None };
        let element = relation.map_or(trimmed, |(_, _, length)| trimmed[length..].trim_start());
        let element_col = col + trimmed.len() - element.len();
        let node = match parse_node(element, number, element_col) {
            Ok(node) => node,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let reference = (node.kind, node.title.clone());
        match relation {
            None if indent == 0 => parents = vec![(0, reference)],
            None => {
                document.notices.push(Diagnostic {
                    position: at(number, col),
                    message: "skipped: an indented line that is not a relation (start it with + - _ +> -> or _>)"
                        .to_owned(),
                });
                continue;
            }
            Some((kind, outgoing, _)) => {
                while parents.last().is_some_and(|(parent_indent, _)| *parent_indent >= indent) {
                    parents.pop();
                }
                let Some((_, parent)) = parents.last().cloned() else {
                    problems.push(Diagnostic {
                        position: at(number, col),
                        message: "this relation has no statement or argument above it to belong to".to_owned(),
                    });
                    continue;
                };
                let (from, to) = if outgoing { (parent, reference.clone()) } else { (reference.clone(), parent) };
                document.relations.push(RelationLine { from, to, kind, position: at(number, col) });
                parents.push((indent, reference));
            }
        }
        document.nodes.push(node);
    }
    if problems.is_empty() { Ok(document) } else { Err(problems) }
}
