//! Validation: every rule a map must meet beyond its syntax, checked all at
//! once so that a user sees every problem of a file, not only the first.
//!
//! Each [`Problem`] names the place it was found as a [`FieldPath`] (e.g.
//! `links[3].to`); the `format` module turns paths into line:col positions.

use super::{ClaimKind, Date, ItemRef, LinkFrom, LinkTo, Map, Position, is_valid_slug};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One step of a path into the document: a field name or a list index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    Field(&'static str),
    Index(usize),
}

/// Where in a map a problem was found, e.g. `events[4].end`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(pub Vec<PathSegment>);

impl FieldPath {
    fn item(section: &'static str, index: usize) -> Self {
        Self(vec![PathSegment::Field(section), PathSegment::Index(index)])
    }

    fn then(&self, segment: PathSegment) -> Self {
        let mut segments = self.0.clone();
        segments.push(segment);
        Self(segments)
    }

    fn field(&self, name: &'static str) -> Self {
        self.then(PathSegment::Field(name))
    }

    fn index(&self, index: usize) -> Self {
        self.then(PathSegment::Index(index))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Field(name) if i == 0 => write!(f, "{name}")?,
                PathSegment::Field(name) => write!(f, ".{name}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A rule a map breaks, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: FieldPath,
    pub message: String,
}

/// Every problem of `map`, in the order of the file. Empty when the map is valid.
pub fn validate(map: &Map) -> Vec<Problem> {
    let mut checker = Checker { map, known: HashSet::new(), problems: Vec::new() };
    checker.check_text(&FieldPath(vec![PathSegment::Field("meta")]).field("title"), &map.meta.title, "the map's title");
    checker.check_ids();
    checker.check_sources();
    checker.check_lanes();
    checker.check_events();
    checker.check_claims();
    checker.check_links();
    checker.check_story();
    checker.problems
}

/// A claim kind with its article, for sentences: "an objection".
fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Explanation => "an explanation",
        ClaimKind::Claim => "a claim",
        ClaimKind::Objection => "an objection",
        ClaimKind::Question => "a question",
    }
}

/// The kinds of item that have ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Source,
    Lane,
    Event,
    Claim,
    Link,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Lane => "lane",
            Self::Event => "event",
            Self::Claim => "claim",
            Self::Link => "link",
        }
    }
}

struct Checker<'a> {
    map: &'a Map,
    /// Every (kind, id) in the map, so that references are checked in constant time.
    known: HashSet<(Kind, &'a str)>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn has(&self, kind: Kind, id: &str) -> bool {
        self.known.contains(&(kind, id))
    }

    fn report(&mut self, path: FieldPath, message: impl Into<String>) {
        self.problems.push(Problem { path, message: message.into() });
    }

    fn check_text(&mut self, path: &FieldPath, text: &str, what: &str) {
        if text.trim().is_empty() {
            self.report(path.clone(), format!("{what} is empty"));
        }
    }

    fn check_date(&mut self, path: &FieldPath, date: &Date) {
        if !date.exists() {
            self.report(path.clone(), format!("{date} is not a date on the calendar"));
        }
    }

    /// Ids are unique across the whole map, so that any id names one item.
    fn check_ids(&mut self) {
        let map: &'a Map = self.map;
        let ids = (map.sources.iter().enumerate().map(|(i, s)| ("sources", i, s.id.as_str(), Kind::Source)))
            .chain(map.lanes.iter().enumerate().map(|(i, l)| ("lanes", i, l.id.as_str(), Kind::Lane)))
            .chain(map.events.iter().enumerate().map(|(i, e)| ("events", i, e.id.as_str(), Kind::Event)))
            .chain(map.claims.iter().enumerate().map(|(i, c)| ("claims", i, c.id.as_str(), Kind::Claim)))
            .chain(map.links.iter().enumerate().map(|(i, l)| ("links", i, l.id.as_str(), Kind::Link)));
        let mut first_use: HashMap<&str, Kind> = HashMap::new();
        for (section, index, id, kind) in ids {
            let path = FieldPath::item(section, index).field("id");
            if !is_valid_slug(id) {
                self.report(
                    path.clone(),
                    format!("id \"{id}\" is not a slug: use lowercase letters, digits, '-', '_' and '.'"),
                );
            }
            self.known.insert((kind, id));
            if let Some(earlier_kind) = first_use.get(id) {
                self.report(path, format!("duplicate id \"{id}\": a {} already has it", earlier_kind.name()));
            } else {
                first_use.insert(id, kind);
            }
        }
    }

    fn check_sources(&mut self) {
        for (index, source) in self.map.sources.iter().enumerate() {
            let path = FieldPath::item("sources", index);
            self.check_text(&path.field("title"), &source.title, "the source's title");
            if let Some(date) = &source.date {
                self.check_date(&path.field("date"), date);
            }
            if let Some(text) = &source.text {
                self.check_text_file(&path.field("text"), text);
            }
        }
    }

    fn check_text_file(&mut self, path: &FieldPath, text: &super::TextFile) {
        let file = std::path::Path::new(&text.file);
        if text.file.trim().is_empty() || file.is_absolute() || text.file.starts_with('/') || text.file.contains('\\') {
            self.report(
                path.field("file"),
                format!("the text's file \"{}\" must be a path relative to the map's folder, with `/`", text.file),
            );
        }
        if text.sha256.len() != 64 || !text.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            self.report(path.field("sha256"), "the text's hash must be 64 lowercase hexadecimal digits (SHA-256)");
        }
    }

    fn check_lanes(&mut self) {
        for (index, lane) in self.map.lanes.iter().enumerate() {
            self.check_text(&FieldPath::item("lanes", index).field("name"), &lane.name, "the lane's name");
        }
    }

    fn check_citations(&mut self, path: &FieldPath, citations: &[super::Citation]) {
        for (index, citation) in citations.iter().enumerate() {
            let path = path.field("citations").index(index);
            if !self.has(Kind::Source, citation.source.as_str()) {
                self.report(path.field("source"), format!("unknown source \"{}\"", citation.source));
            }
            let located = citation.locator.as_deref().is_some_and(|locator| !locator.trim().is_empty());
            if citation.quote.trim().is_empty() && !located {
                self.report(
                    path.clone(),
                    "the citation has neither a quote nor a locator: quote the source's words, or say where in it",
                );
            }
            if let Some(anchor) = &citation.anchor
                && anchor.end < anchor.start
            {
                self.report(
                    path.field("anchor").field("end"),
                    format!("the anchor ends (at {}) before it starts (at {})", anchor.end, anchor.start),
                );
            }
        }
    }

    fn check_events(&mut self) {
        for (index, event) in self.map.events.iter().enumerate() {
            let path = FieldPath::item("events", index);
            self.check_date(&path.field("date"), &event.date);
            if let Some(end) = &event.end {
                self.check_date(&path.field("end"), end);
                if end.last_day() < event.date.first_day() {
                    self.report(path.field("end"), format!("the span ends ({end}) before it starts ({})", event.date));
                }
            }
            self.check_text(&path.field("title"), &event.title, "the event's title");
            if !self.has(Kind::Lane, event.lane.as_str()) {
                self.report(path.field("lane"), format!("unknown lane \"{}\"", event.lane));
            }
            if let Some(position) = &event.position {
                self.check_position(&path.field("position"), position);
            }
            self.check_citations(&path, &event.citations);
        }
    }

    fn check_position(&mut self, path: &FieldPath, position: &Position) {
        const LIMIT: f32 = 1.0e7;
        if !(position.x.is_finite() && position.y.is_finite()) || position.x.abs() > LIMIT || position.y.abs() > LIMIT {
            self.report(
                path.clone(),
                format!("position ({}, {}) is off the canvas (limit ±{LIMIT})", position.x, position.y),
            );
        }
    }

    fn check_claims(&mut self) {
        let kinds: HashMap<&str, ClaimKind> =
            self.map.claims.iter().map(|claim| (claim.id.as_str(), claim.kind)).collect();
        for (index, claim) in self.map.claims.iter().enumerate() {
            let path = FieldPath::item("claims", index);
            self.check_text(&path.field("text"), &claim.text, "the claim's text");
            self.check_position(&path.field("position"), &claim.position);
            self.check_citations(&path, &claim.citations);
            self.check_question_answered(&path, claim, &kinds);
        }
    }

    /// Only an explanation answers a question or is composite, and what it
    /// answers is a question of the map.
    fn check_question_answered(&mut self, path: &FieldPath, claim: &super::Claim, kinds: &HashMap<&str, ClaimKind>) {
        let is_explanation = claim.kind == ClaimKind::Explanation;
        if let Some(question) = &claim.answers {
            let at = path.field("answers");
            match kinds.get(question.as_str()) {
                _ if !is_explanation => {
                    self.report(at, format!("only an explanation answers a question, not {}", kind_name(claim.kind)))
                }
                None => self.report(at, format!("unknown claim \"{question}\"")),
                Some(&kind) if kind != ClaimKind::Question => self.report(
                    at,
                    format!(
                        "claim \"{question}\" is {}, not a question: an explanation answers a question",
                        kind_name(kind)
                    ),
                ),
                Some(_) => {}
            }
        }
        if claim.composite && !is_explanation {
            self.report(
                path.field("composite"),
                format!("only an explanation can be composite, not {}", kind_name(claim.kind)),
            );
        }
    }

    fn check_links(&mut self) {
        let map = self.map;
        let mut joined: HashMap<(&LinkFrom, &LinkTo), &str> = HashMap::new();
        for (index, link) in map.links.iter().enumerate() {
            let path = FieldPath::item("links", index);
            match &link.from {
                LinkFrom::Event(id) if !self.has(Kind::Event, id.as_str()) => {
                    self.report(path.field("from"), format!("unknown event \"{id}\""));
                }
                LinkFrom::Claim(id) if !self.has(Kind::Claim, id.as_str()) => {
                    self.report(path.field("from"), format!("unknown claim \"{id}\""));
                }
                _ => {}
            }
            match &link.to {
                LinkTo::Claim(id) if !self.has(Kind::Claim, id.as_str()) => {
                    self.report(path.field("to"), format!("unknown claim \"{id}\""));
                }
                LinkTo::Link(id) if !self.has(Kind::Link, id.as_str()) => {
                    self.report(path.field("to"), format!("unknown link \"{id}\""));
                }
                LinkTo::Link(id) if id == &link.id => {
                    self.report(path.field("to"), format!("link \"{id}\" bears on itself"));
                }
                LinkTo::Claim(to) if matches!(&link.from, LinkFrom::Claim(from) if from == to) => {
                    self.report(path.field("to"), format!("link \"{}\" goes from claim \"{to}\" to itself", link.id));
                }
                _ => {}
            }
            if let Some(earlier) = joined.insert((&link.from, &link.to), link.id.as_str()) {
                self.report(
                    path.field("to"),
                    format!("link \"{}\" joins the same two items as link \"{earlier}\"", link.id),
                );
            }
            self.check_citations(&path, &link.citations);
        }
        self.check_link_cycles();
    }

    /// A link may bear on a link, which may bear on a link…; that chain must end
    /// at a claim, or the map cannot be drawn.
    fn check_link_cycles(&mut self) {
        let map = self.map;
        // Each link bears on at most one link, so the links form chains: walk
        // each chain once, marking links as in progress, then as done.
        let index_of: HashMap<&str, usize> = map.links.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
        let target = |i: usize| match &map.links[i].to {
            LinkTo::Link(id) => index_of.get(id.as_str()).copied(),
            LinkTo::Claim(_) => None,
        };
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            Unvisited,
            InProgress,
            Done,
        }
        let mut marks = vec![Mark::Unvisited; map.links.len()];
        for start in 0..map.links.len() {
            let mut walk: Vec<usize> = Vec::new();
            let mut current = Some(start);
            while let Some(i) = current {
                match marks[i] {
                    Mark::Done => break,
                    Mark::InProgress => {
                        // `i` is on this walk: the walk from `i` on is a cycle
                        // (a link onto itself is reported as such, not again here).
                        let from = walk.iter().position(|&j| j == i).unwrap_or(0);
                        if walk.len() - from < 2 {
                            break;
                        }
                        let mut names: Vec<&str> =
                            walk[from..].iter().map(|&j: &usize| map.links[j].id.as_str()).collect();
                        names.push(map.links[i].id.as_str());
                        self.report(
                            FieldPath::item("links", i).field("to"),
                            format!("links bear on each other in a cycle: {}", names.join(" → ")),
                        );
                        break;
                    }
                    Mark::Unvisited => {
                        marks[i] = Mark::InProgress;
                        walk.push(i);
                        current = target(i);
                    }
                }
            }
            for i in walk {
                marks[i] = Mark::Done;
            }
        }
    }

    fn item_exists(&self, item: &ItemRef) -> bool {
        match item {
            ItemRef::Event(id) => self.has(Kind::Event, id.as_str()),
            ItemRef::Claim(id) => self.has(Kind::Claim, id.as_str()),
            ItemRef::Link(id) => self.has(Kind::Link, id.as_str()),
        }
    }

    fn check_story(&mut self) {
        for (index, step) in self.map.story.iter().enumerate() {
            let path = FieldPath::item("story", index);
            self.check_text(&path.field("title"), &step.title, "the step's title");
            for (field, items) in [("shows", &step.shows), ("highlights", &step.highlights)] {
                for (item_index, item) in items.iter().enumerate() {
                    if !self.item_exists(item) {
                        self.report(path.field(field).index(item_index), format!("unknown {item}"));
                    }
                }
            }
            if let Some(as_of) = &step.as_of {
                self.check_date(&path.field("as_of"), as_of);
            }
            if let Some(window) = &step.window {
                self.check_date(&path.field("window").field("start"), &window.start);
                self.check_date(&path.field("window").field("end"), &window.end);
                if window.end.last_day() < window.start.first_day() {
                    self.report(
                        path.field("window").field("end"),
                        format!("the window ends ({}) before it starts ({})", window.end, window.start),
                    );
                }
            }
            if let Some(viewport) = &step.viewport {
                self.check_position(&path.field("viewport").field("center"), &viewport.center);
                if !(viewport.zoom.is_finite() && viewport.zoom > 0.0) {
                    self.report(path.field("viewport").field("zoom"), "the zoom must be a positive number");
                }
            }
        }
    }
}
