//! Argdown: claims and events as statements (`[id]: text #tags {data}`),
//! links as relations under the item they start from (`+>` supports, `->`
//! opposes, `_>` undercuts). A link that other links bear on becomes an
//! argument (`<id>`), since Argdown undercuts only arguments: its start
//! supports it, and it bears on its end with the link's relation. Titles are
//! the ids, so that an import gives the same ids back; kinds, positions,
//! dates, lanes and details travel in each statement's data. A claim that
//! stands for an argument is written as one (`<id>: text`), followed by its
//! premise–conclusion structure; the links its inferences stand for are not
//! written again as relations, and what bears on them bears on the argument.
//! The kinds are grouped under comments, not headings, since an import reads
//! headings as tags. Questions travel as data too (`answers`, `composite`),
//! and neutral ratings, which Argdown has no relation for, as the data
//! `neutral: [id, …]` of the item weighed (and a comment under it).

use crate::model::{Argument, Claim, ClaimKind, Event, Link, LinkFrom, LinkTo, Map, Relation};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// Argdown's special characters in statement text, escaped with a backslash
/// (`/` too: `//` and `/*` start comments).
fn escape_text(text: &str) -> String {
    crate::export::backslash_escape(text, &['[', ']', '<', '>', '#', '*', '_', '@', '{', '}', '/'])
}

/// A double-quoted YAML string; braces as escapes, since Argdown's lexer ends
/// the data at the first `}` whatever the quotes.
pub fn yaml_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '{' => quoted.push_str("\\u007b"),
            '}' => quoted.push_str("\\u007d"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04x}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

fn tags(out: &mut String, tags: &[String]) {
    for tag in tags {
        if tag.chars().all(|c| c.is_alphanumeric() || c == '-') && !tag.is_empty() {
            let _ = write!(out, " #{tag}");
        } else {
            let _ = write!(out, " #({})", tag.replace(['(', ')'], ""));
        }
    }
}

fn data(out: &mut String, fields: &[(&str, String)]) {
    let body: Vec<String> = fields.iter().map(|(key, value)| format!("{key}: {value}")).collect();
    let _ = writeln!(out, " {{{}}}", body.join(", "));
}

/// The Argdown relation line for `relation` towards `target`. Argdown has no
/// neutral relation: a neutral rating is kept as a comment, so a reader sees it.
fn relation_line(relation: Relation, target: &str) -> String {
    match relation {
        Relation::Supports => format!("  +> {target}"),
        Relation::Opposes => format!("  -> {target}"),
        Relation::Undercuts => format!("  _> {target}"),
        Relation::Neutral => format!("  // neutral to {target}"),
    }
}

/// The links that arguments' premise–conclusion structures stand for, each
/// with the argument's claim id: a used premise's support of a conclusion,
/// and the argument's support of its main conclusion.
pub fn inference_links(map: &Map) -> HashMap<&str, &str> {
    let mut found = HashMap::new();
    let supports = |from: &str, to: &str| {
        map.links.iter().find(|link| {
            link.relation == Relation::Supports
                && matches!(&link.from, LinkFrom::Claim(id) if id.as_str() == from)
                && matches!(&link.to, LinkTo::Claim(id) if id.as_str() == to)
        })
    };
    for claim in &map.claims {
        let Some(argument) = &claim.argument else { continue };
        for (conclusion, used) in argument.inferences() {
            for premise in used {
                if let Some(link) =
                    supports(argument.pcs[premise].claim.as_str(), argument.pcs[conclusion].claim.as_str())
                {
                    found.insert(link.id.as_str(), claim.id.as_str());
                }
            }
        }
        if let Some(link) =
            argument.conclusion().and_then(|conclusion| supports(claim.id.as_str(), conclusion.as_str()))
        {
            found.insert(link.id.as_str(), claim.id.as_str());
        }
    }
    found
}

/// An inference rule's name, with the characters that end or split it escaped.
fn escape_rule(rule: &str) -> String {
    crate::export::backslash_escape(rule, &['[', ']', '<', '>', '#', '*', '_', '@', '{', '}', '/', ',', '-'])
}

struct Writer<'a> {
    map: &'a Map,
    /// Links that other links bear on: written as arguments.
    arguments: HashSet<&'a str>,
    /// Links that arguments' structures stand for, with their argument.
    inferences: HashMap<&'a str, &'a str>,
    out: String,
}

impl Writer<'_> {
    fn target(&self, to: &LinkTo) -> String {
        match to {
            LinkTo::Claim(id) if self.map.claim(id).is_some_and(|claim| claim.argument.is_some()) => format!("<{id}>"),
            LinkTo::Claim(id) => format!("[{id}]"),
            LinkTo::Link(id) => match self.inferences.get(id.as_str()) {
                Some(argument) => format!("<{argument}>"),
                None => format!("<{id}>"),
            },
        }
    }

    /// The claims an item is weighed as neutral to, as data (`neutral: [id, …]`)
    /// that Argline's import reads back; the relation lines say it as comments.
    fn neutral_data(&self, starts_at: impl Fn(&LinkFrom) -> bool) -> Option<(&'static str, String)> {
        let targets: Vec<String> = self
            .map
            .links
            .iter()
            .filter(|link| link.relation == Relation::Neutral && starts_at(&link.from))
            .filter_map(|link| match &link.to {
                LinkTo::Claim(id) => Some(yaml_string(id.as_str())),
                LinkTo::Link(_) => None,
            })
            .collect();
        (!targets.is_empty()).then(|| ("neutral", format!("[{}]", targets.join(", "))))
    }

    /// The relation lines under an item: one per link that starts at it.
    fn relations(&mut self, starts_at: impl Fn(&LinkFrom) -> bool) {
        let written = self.map.links.iter().filter(|link| !self.inferences.contains_key(link.id.as_str()));
        for link in written.filter(|link| starts_at(&link.from)) {
            let line = if self.arguments.contains(link.id.as_str()) {
                format!("  +> <{}>", link.id)
            } else {
                // Argdown undercuts only arguments: an undercut of a claim is written as an attack.
                let relation = match (&link.to, link.relation) {
                    (LinkTo::Claim(_), Relation::Undercuts) => Relation::Opposes,
                    (_, relation) => relation,
                };
                relation_line(relation, &self.target(&link.to))
            };
            let _ = writeln!(self.out, "{line}");
        }
    }

    fn claim(&mut self, claim: &Claim) {
        let (open, close) = if claim.argument.is_some() { ('<', '>') } else { ('[', ']') };
        let _ = write!(self.out, "{open}{}{close}: {}", claim.id, escape_text(&claim.text));
        tags(&mut self.out, &claim.tags);
        let mut fields = vec![
            ("kind", yaml_string(claim.kind.name())),
            ("x", claim.position.x.to_string()),
            ("y", claim.position.y.to_string()),
        ];
        if !claim.detail.is_empty() {
            fields.push(("detail", yaml_string(&claim.detail)));
        }
        if let Some(question) = &claim.answers {
            fields.push(("answers", yaml_string(question.as_str())));
        }
        if claim.composite {
            fields.push(("composite", "true".to_owned()));
        }
        let starts_here = |from: &LinkFrom| matches!(from, LinkFrom::Claim(id) if id == &claim.id);
        fields.extend(self.neutral_data(starts_here));
        data(&mut self.out, &fields);
        self.relations(starts_here);
        self.out.push('\n');
        if let Some(argument) = &claim.argument {
            self.structure(argument);
        }
    }

    /// An argument's premise–conclusion structure, its statements referred to
    /// by id (each is defined as a claim of its own); statements whose claim is
    /// gone are left out, and a structure left with no main conclusion is not written.
    fn structure(&mut self, argument: &Argument) {
        let kept: Vec<_> = argument.pcs.iter().filter(|s| self.map.claim(&s.claim).is_some()).collect();
        if kept.last().is_none_or(|last| last.inference.is_none()) || !kept.iter().any(|s| s.inference.is_none()) {
            return;
        }
        let renumbered: HashMap<usize, usize> = argument
            .pcs
            .iter()
            .enumerate()
            .filter(|(_, s)| self.map.claim(&s.claim).is_some())
            .enumerate()
            .map(|(new, (old, _))| (old + 1, new + 1))
            .collect();
        for (index, statement) in kept.iter().enumerate() {
            if let Some(inference) = &statement.inference {
                let rules: Vec<String> = inference.rules.iter().map(|rule| escape_rule(rule)).collect();
                let uses: Vec<String> =
                    inference.uses.iter().filter_map(|n| renumbered.get(n)).map(ToString::to_string).collect();
                let uses = if uses.is_empty() { String::new() } else { format!(" {{uses: [{}]}}", uses.join(", ")) };
                if rules.is_empty() && uses.is_empty() {
                    self.out.push_str("----\n");
                } else {
                    let _ = writeln!(self.out, "-- {}{uses} --", rules.join(", "));
                }
            }
            let _ = writeln!(self.out, "({}) [{}]", index + 1, statement.claim);
        }
        self.out.push('\n');
    }

    fn event(&mut self, event: &Event) {
        let _ = write!(self.out, "[{}]: {}", event.id, escape_text(&event.title));
        tags(&mut self.out, &event.tags);
        let mut fields = vec![("date", yaml_string(&event.date.to_string()))];
        if let Some(end) = event.end {
            fields.push(("end", yaml_string(&end.to_string())));
        }
        let lane = self.map.lane(&event.lane);
        fields.push(("lane", yaml_string(lane.map_or(event.lane.as_str(), |lane| lane.name.as_str()))));
        if let Some(lane) = lane {
            fields.push(("color", yaml_string(&lane.color.to_string())));
        }
        if let Some(position) = event.position {
            fields.push(("x", position.x.to_string()));
            fields.push(("y", position.y.to_string()));
        }
        if !event.detail.is_empty() {
            fields.push(("detail", yaml_string(&event.detail)));
        }
        let starts_here = |from: &LinkFrom| matches!(from, LinkFrom::Event(id) if id == &event.id);
        fields.extend(self.neutral_data(starts_here));
        data(&mut self.out, &fields);
        self.relations(starts_here);
        self.out.push('\n');
    }

    fn argument(&mut self, link: &Link) {
        let note = if link.note.is_empty() { link.relation.label().to_owned() } else { escape_text(&link.note) };
        let _ = write!(self.out, "<{}>: {note}", link.id);
        data(&mut self.out, &[("strength", yaml_string(link.strength.label()))]);
        let _ = writeln!(self.out, "{}", relation_line(link.relation, &self.target(&link.to)));
        self.relations(|_| false);
        self.out.push('\n');
    }
}

pub fn render(map: &Map) -> String {
    let inferences = inference_links(map);
    let mut arguments = crate::export::links_borne_on(map);
    arguments.retain(|id| !inferences.contains_key(id));
    let mut writer = Writer { map, arguments, inferences, out: String::new() };
    let _ = writeln!(writer.out, "===\ntitle: {}", yaml_string(&map.meta.title));
    if !map.meta.summary.is_empty() {
        let _ = writeln!(writer.out, "summary: {}", yaml_string(&map.meta.summary));
    }
    writer.out.push_str("===\n\n");
    for kind in ClaimKind::ALL {
        let claims: Vec<&Claim> = map.claims.iter().filter(|claim| claim.kind == kind).collect();
        if claims.is_empty() {
            continue;
        }
        let _ = writeln!(writer.out, "// {}s\n", kind.label());
        for claim in claims {
            writer.claim(claim);
        }
    }
    if !map.events.is_empty() {
        writer.out.push_str("// Events\n\n");
        for event in &map.events {
            writer.event(event);
        }
    }
    let argued: Vec<&Link> = map.links.iter().filter(|link| writer.arguments.contains(link.id.as_str())).collect();
    if !argued.is_empty() {
        writer.out.push_str("// Inferences\n\n");
        for link in argued {
            writer.argument(link);
        }
    }
    writer.out
}
