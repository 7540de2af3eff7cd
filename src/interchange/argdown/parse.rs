//! Argdown's structure, line by line as its lexer reads it: paragraphs
//! parted by empty lines; each a heading, a statement or argument with its
//! relation tree (nested by indentation, `+> -> _>` out of the parent,
//! `+ <+ - <- _ <_` into it, `><` contradicting it), a premise–conclusion
//! structure (`(1)` statements, `--` inference lines, one line or several,
//! with rules and data), or a list (`*`, `1.`) of statements. A statement's
//! text runs on over its lines until a line starts something else.

use super::source::{self, Line};
use super::text::{self, NodeKind};
use super::yaml::{self, Entry, Value};
use crate::format::{Diagnostic, TextPosition};
use std::collections::BTreeMap;

/// What names a statement or argument: its title, or its place when it has none.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKey {
    Titled(NodeKind, String),
    Untitled(usize),
}

/// One occurrence of a statement or argument in the text.
#[derive(Clone, Debug)]
pub struct Node {
    pub key: NodeKey,
    pub kind: NodeKind,
    pub text: String,
    pub tags: Vec<String>,
    pub data: BTreeMap<String, Value>,
    pub position: TextPosition,
    raw: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelationKind {
    Support,
    Attack,
    Undercut,
    Contradiction,
}

/// What a relation aims at: a statement or argument, or an inference of a PCS.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Node(NodeKey),
    /// The inference above the PCS statement at `conclusion` (an index) of `argument`.
    Inference {
        argument: NodeKey,
        conclusion: usize,
    },
}

#[derive(Clone, Debug)]
pub struct RelationLine {
    pub from: NodeKey,
    pub to: Target,
    pub kind: RelationKind,
    pub position: TextPosition,
}

#[derive(Clone, Debug, Default)]
pub struct InferenceLine {
    pub rules: Vec<String>,
    pub data: BTreeMap<String, Value>,
}

#[derive(Clone, Debug)]
pub struct PcsLine {
    pub key: NodeKey,
    pub inference: Option<InferenceLine>,
}

/// A premise–conclusion structure and the argument it reconstructs.
#[derive(Clone, Debug)]
pub struct Pcs {
    pub argument: NodeKey,
    pub statements: Vec<PcsLine>,
    pub position: TextPosition,
}

#[derive(Default)]
pub struct Document {
    pub front: Vec<Entry>,
    /// The line the front matter's first entry is on.
    pub front_line: usize,
    /// Every occurrence, in the order of the text.
    pub nodes: Vec<Node>,
    pub relations: Vec<RelationLine>,
    pub pcs: Vec<Pcs>,
    pub notices: Vec<Diagnostic>,
}

fn at(line: usize, col: usize) -> TextPosition {
    TextPosition { line, col }
}

/// What a line starts with, as the lexer tells after a line break.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Start {
    /// A relation: its kind, whether it goes from the parent to this line's element, its symbol's length.
    Relation(RelationKind, bool, usize),
    Inference,
    /// `(n)`: the length of the number with its parentheses.
    Number(usize),
    /// `*` or `n.`: the marker's length.
    ListItem(usize),
    Heading(usize),
    Text,
}

fn relation_start(text: &str) -> Option<(RelationKind, bool, usize)> {
    use RelationKind::{Attack, Contradiction, Support, Undercut};
    let symbols = [
        ("+>", Support, true),
        ("->", Attack, true),
        ("<+", Support, false),
        ("+", Support, false),
        ("<-", Attack, false),
        ("-", Attack, false),
        ("><", Contradiction, true),
        ("_>", Undercut, true),
        ("<_", Undercut, false),
    ];
    let found = symbols.into_iter().find(|(symbol, _, _)| text.starts_with(symbol));
    let found = found.map(|(symbol, kind, outgoing)| (kind, outgoing, symbol.len()));
    found.or_else(|| {
        (text.starts_with('_') && text[1..].starts_with(char::is_whitespace)).then_some((Undercut, false, 1))
    })
}

fn classify(trimmed: &str, indent: usize, first_of_paragraph: bool) -> Start {
    if !first_of_paragraph && trimmed.starts_with("--") {
        return Start::Inference;
    }
    if let Some((kind, outgoing, length)) = relation_start(trimmed) {
        return Start::Relation(kind, outgoing, length);
    }
    let digits = |text: &str| text.chars().take_while(char::is_ascii_digit).count();
    if let Some(inner) = trimmed.strip_prefix('(') {
        let n = digits(inner);
        if n > 0 && inner[n..].starts_with(')') {
            return Start::Number(n + 2);
        }
    }
    let n = digits(trimmed);
    let spaced = |rest: &str| rest.is_empty() || rest.starts_with(char::is_whitespace);
    if n > 0 && trimmed[n..].starts_with('.') && spaced(&trimmed[n + 1..]) {
        return Start::ListItem(n + 1);
    }
    if trimmed.starts_with('*') && spaced(&trimmed[1..]) {
        return Start::ListItem(1);
    }
    let hashes = trimmed.chars().take_while(|&c| c == '#').count();
    if indent == 0 && hashes > 0 && trimmed[hashes..].starts_with(' ') {
        return Start::Heading(hashes);
    }
    Start::Text
}

/// A line split into its indentation (in characters) and the rest.
fn split_indent(line: &Line) -> (usize, &str) {
    let trimmed = line.text.trim_start();
    (line.text.len() - trimmed.len(), trimmed)
}

/// Where relation lines attach: an element or an inference.
#[derive(Clone)]
enum Parent {
    Node(NodeKey),
    Inference(NodeKey, usize),
}

struct Parser {
    document: Document,
    untitled: usize,
    /// The innermost heading: a tag of what is defined under it.
    heading: Vec<(usize, String)>,
    /// The argument that the paragraph before this one was, for a PCS to reconstruct.
    previous_argument: Option<NodeKey>,
    problems: Vec<Diagnostic>,
}

impl Parser {
    /// Starts an element at `text` (on `line`, at character column `col`), returning its key.
    fn element(&mut self, text: &str, line: usize, col: usize) -> NodeKey {
        let head = text::head(text);
        let defines = head.defines;
        let key = match &head.title {
            Some(title) => NodeKey::Titled(head.kind, title.clone()),
            None => {
                self.untitled += 1;
                NodeKey::Untitled(self.untitled)
            }
        };
        let mut tags = Vec::new();
        if defines && let Some((_, heading)) = self.heading.last() {
            tags.push(heading.clone());
        }
        self.document.nodes.push(Node {
            key: key.clone(),
            kind: head.kind,
            text: String::new(),
            tags,
            data: BTreeMap::new(),
            position: at(line, col),
            raw: head.rest.to_owned(),
        });
        key
    }

    /// Adds a line of text to the element started last.
    fn continue_text(&mut self, text: &str) {
        if let Some(node) = self.document.nodes.last_mut() {
            node.raw.push('\n');
            node.raw.push_str(text);
        }
    }

    /// A relation line: its element is a child of the nearest parent less indented.
    fn relation(&mut self, parents: &mut Vec<(usize, Parent)>, line: &Line, start: (RelationKind, bool, usize)) {
        let (indent, trimmed) = split_indent(line);
        let (kind, outgoing, length) = start;
        let element = trimmed[length..].trim_start();
        let col = 1 + line.text[..line.text.len() - element.len()].chars().count();
        let relation_col = 1 + line.text[..indent].chars().count();
        while parents.len() > 1 && parents.last().is_some_and(|(parent_indent, _)| *parent_indent >= indent) {
            parents.pop();
        }
        let Some((_, parent)) = parents.last().cloned() else { return };
        let child = self.element(element, line.number, col);
        let position = at(line.number, relation_col);
        let relation = match parent.clone() {
            Parent::Node(parent) if outgoing => {
                RelationLine { from: parent, to: Target::Node(child.clone()), kind, position }
            }
            Parent::Node(parent) => RelationLine { from: child.clone(), to: Target::Node(parent), kind, position },
            Parent::Inference(argument, conclusion) if !outgoing && kind == RelationKind::Undercut => {
                RelationLine { from: child.clone(), to: Target::Inference { argument, conclusion }, kind, position }
            }
            Parent::Inference(..) => {
                let message = "skipped: only undercuts (`<_`) stand under an inference line".to_owned();
                self.document.notices.push(Diagnostic { position, message });
                parents.push((indent, Parent::Node(child)));
                return;
            }
        };
        self.document.relations.push(relation);
        parents.push((indent, Parent::Node(child)));
    }

    fn heading(&mut self, line: &Line, hashes: usize) {
        let (heading, _) = text::plain(line.text[hashes..].split('{').next().unwrap_or_default());
        while self.heading.last().is_some_and(|(level, _)| *level >= hashes) {
            self.heading.pop();
        }
        if !heading.is_empty() {
            self.heading.push((hashes, heading));
        }
    }

    fn paragraph(&mut self, lines: &[Line]) {
        let Some(first) = lines.first() else { return };
        let (indent, trimmed) = split_indent(first);
        let col = indent + 1;
        match classify(trimmed, indent, true) {
            Start::Relation(..) => {
                self.problems.push(Diagnostic {
                    position: at(first.number, col),
                    message: "this relation has no statement or argument above it to belong to: \
                              indent it under one, without an empty line between"
                        .to_owned(),
                });
                self.previous_argument = None;
            }
            Start::Heading(hashes) => {
                self.heading(first, hashes);
                self.previous_argument = None;
                let rest = lines.iter().skip(1).position(|line| !split_indent(line).1.starts_with('{'));
                if let Some(rest) = rest {
                    self.paragraph(&lines[1 + rest..]);
                }
            }
            Start::Number(_) => self.pcs(lines),
            Start::ListItem(_) => self.list(lines),
            Start::Inference | Start::Text => self.statement(lines),
        }
    }

    /// A statement or argument and its relation tree.
    fn statement(&mut self, lines: &[Line]) {
        let Some(first) = lines.first() else { return };
        let (indent, trimmed) = split_indent(first);
        let key = self.element(trimmed, first.number, indent + 1);
        let is_argument = matches!(key, NodeKey::Titled(NodeKind::Argument, _));
        let mut parents = vec![(0, Parent::Node(key.clone()))];
        self.tree(&lines[1..], &mut parents, |_, _| false);
        self.previous_argument = is_argument.then_some(key);
    }

    /// The lines under an element: relations, and text that runs on. A line
    /// for which `stop` holds ends the tree and is handed back (by index).
    fn tree(
        &mut self,
        lines: &[Line],
        parents: &mut Vec<(usize, Parent)>,
        stop: impl Fn(Start, &str) -> bool,
    ) -> usize {
        for (index, line) in lines.iter().enumerate() {
            let (indent, trimmed) = split_indent(line);
            let start = classify(trimmed, indent, false);
            if stop(start, trimmed) {
                return index;
            }
            match start {
                Start::Relation(kind, outgoing, length) => self.relation(parents, line, (kind, outgoing, length)),
                _ => self.continue_text(trimmed),
            }
        }
        lines.len()
    }

    fn list(&mut self, lines: &[Line]) {
        let mut rest = lines;
        while let Some(first) = rest.first() {
            let (indent, trimmed) = split_indent(first);
            let marker = match classify(trimmed, indent, true) {
                Start::ListItem(length) => length,
                _ => 0,
            };
            let element = trimmed[marker..].trim_start();
            let col = 1 + first.text[..first.text.len() - element.len()].chars().count();
            let key = self.element(element, first.number, col);
            let mut parents = vec![(indent, Parent::Node(key))];
            let used = self.tree(&rest[1..], &mut parents, |start, _| matches!(start, Start::ListItem(_)));
            rest = &rest[1 + used..];
        }
        self.previous_argument = None;
    }

    /// The text of an inference line from after its opening `--`, over
    /// further lines until the closing `--`; returns it and the lines used.
    fn inference_text(lines: &[Line]) -> (String, usize) {
        let mut collected = String::new();
        for (index, line) in lines.iter().enumerate() {
            let trimmed = line.text.trim_start();
            let body = if index == 0 { trimmed.trim_start_matches('-').trim_start() } else { trimmed };
            let whole_dashes = index == 0 && trimmed.len() >= 4 && trimmed.chars().all(|c| c == '-');
            if whole_dashes {
                return (String::new(), 1);
            }
            let mut depth = 0usize;
            for (at, c) in body.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth = depth.saturating_sub(1),
                    '-' if depth == 0 && body[at..].starts_with("--") => {
                        collected.push_str(&body[..at]);
                        return (collected, index + 1);
                    }
                    _ => {}
                }
            }
            collected.push_str(body);
            collected.push('\n');
        }
        (collected, lines.len())
    }

    fn inference(&mut self, text: &str, position: TextPosition) -> InferenceLine {
        let mut inference = InferenceLine::default();
        let mut rules = text.to_owned();
        if let Some(open) = text.find('{') {
            let length = source::data_length(&text[open..]).unwrap_or(text.len() - open);
            match yaml::parse_flow_map(&text[open..open + length]) {
                Ok(data) => inference.data = data,
                Err(reason) => self
                    .document
                    .notices
                    .push(Diagnostic { position, message: format!("skipped: the data of this inference ({reason})") }),
            }
            rules = format!("{}{}", &text[..open], &text[open + length..]);
        }
        inference.rules = rules.split(',').map(|rule| text::plain(rule).0).filter(|rule| !rule.is_empty()).collect();
        inference
    }

    fn pcs(&mut self, lines: &[Line]) {
        let argument = match self.previous_argument.take() {
            Some(argument) => argument,
            None => {
                self.untitled += 1;
                NodeKey::Untitled(self.untitled)
            }
        };
        let position = lines.first().map_or(at(1, 1), |line| at(line.number, 1 + split_indent(line).0));
        let mut statements: Vec<PcsLine> = Vec::new();
        let mut pending: Option<InferenceLine> = None;
        let mut index = 0;
        while let Some(line) = lines.get(index) {
            let (indent, trimmed) = split_indent(line);
            match classify(trimmed, indent, index == 0) {
                Start::Number(length) => {
                    let element = trimmed[length..].trim_start();
                    let col = 1 + line.text[..line.text.len() - element.len()].chars().count();
                    let key = self.element(element, line.number, col);
                    statements.push(PcsLine { key: key.clone(), inference: pending.take() });
                    let mut parents = vec![(indent, Parent::Node(key))];
                    let stop = |start: Start, _: &str| matches!(start, Start::Number(_) | Start::Inference);
                    index += 1 + self.tree(&lines[index + 1..], &mut parents, stop);
                }
                Start::Inference => {
                    let (text, used) = Self::inference_text(&lines[index..]);
                    let inference_position = at(line.number, 1 + indent);
                    if pending.is_some() {
                        let message = "skipped: a second inference line with no statement between".to_owned();
                        self.document.notices.push(Diagnostic { position: inference_position, message });
                    }
                    pending = Some(self.inference(&text, inference_position));
                    index += used;
                    let conclusion = statements.len();
                    let mut parents = vec![(indent, Parent::Inference(argument.clone(), conclusion))];
                    let stop = |start: Start, _: &str| !matches!(start, Start::Relation(..));
                    index += self.tree(&lines[index..], &mut parents, stop);
                }
                _ => {
                    self.continue_text(trimmed);
                    index += 1;
                }
            }
        }
        if pending.is_some() {
            let message = "skipped: an inference line with no conclusion under it".to_owned();
            self.document.notices.push(Diagnostic { position, message });
        }
        if statements.iter().any(|statement| statement.inference.is_some()) {
            self.document.pcs.push(Pcs { argument, statements, position });
        } else {
            let message = "skipped: numbered statements with no inference line (`----`) are no \
                           premise–conclusion structure; each is kept as a claim"
                .to_owned();
            self.document.notices.push(Diagnostic { position, message });
        }
        self.previous_argument = None;
    }

    /// Each element's text, tags and data from its raw content.
    fn finish_nodes(&mut self) {
        for node in &mut self.document.nodes {
            let mut content = std::mem::take(&mut node.raw);
            if let Some(open) = text::find_unescaped(&content, '{') {
                match source::data_length(&content[open..]) {
                    Some(length) => {
                        match yaml::parse_flow_map(&content[open..open + length]) {
                            Ok(data) => node.data = data,
                            Err(reason) => self.document.notices.push(Diagnostic {
                                position: node.position,
                                message: format!("skipped: the data of this element ({reason})"),
                            }),
                        }
                        content.replace_range(open..open + length, " ");
                    }
                    None => self.document.notices.push(Diagnostic {
                        position: node.position,
                        message: "skipped: this `{` is never closed, so it is read as text".to_owned(),
                    }),
                }
            }
            let (plain, tags) = text::plain(&content);
            node.text = plain;
            for tag in tags {
                if !node.tags.contains(&tag) {
                    node.tags.push(tag);
                }
            }
        }
    }
}

pub fn parse(text: &str) -> Result<Document, Vec<Diagnostic>> {
    let source = source::read(text);
    let mut parser = Parser {
        document: Document { notices: source.notices, ..Document::default() },
        untitled: 0,
        heading: Vec::new(),
        previous_argument: None,
        problems: Vec::new(),
    };
    if let Some((front, line)) = &source.front_matter {
        parser.document.front = yaml::parse_block(front);
        parser.document.front_line = *line;
    }
    let mut paragraph: Vec<Line> = Vec::new();
    for line in source.lines.into_iter().chain([Line { number: 0, text: String::new() }]) {
        if line.is_blank() {
            if !paragraph.is_empty() {
                parser.paragraph(&paragraph);
                paragraph.clear();
            }
        } else {
            paragraph.push(line);
        }
    }
    parser.finish_nodes();
    if parser.problems.is_empty() { Ok(parser.document) } else { Err(parser.problems) }
}
