//! Argdown: claims and events as statements (`[id]: text #tags {data}`),
//! links as relations under the item they start from (`+>` supports, `->`
//! opposes, `_>` undercuts). A link that other links bear on becomes an
//! argument (`<id>`), since Argdown undercuts only arguments: its start
//! supports it, and it bears on its end with the link's relation. Titles are
//! the ids, so that an import gives the same ids back; kinds, positions,
//! dates, lanes and details travel in each statement's data.

use crate::model::{Claim, ClaimKind, Event, Link, LinkFrom, LinkTo, Map, Relation};
use std::collections::HashSet;
use std::fmt::Write;

/// Argdown's special characters in statement text, escaped with a backslash
/// (`/` too: `//` and `/*` start comments).
fn escape_text(text: &str) -> String {
    super::backslash_escape(text, &['[', ']', '<', '>', '#', '*', '_', '@', '{', '}', '/'])
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

pub fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Explanation => "explanation",
        ClaimKind::Claim => "claim",
        ClaimKind::Objection => "objection",
        ClaimKind::Question => "question",
    }
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

struct Writer<'a> {
    map: &'a Map,
    /// Links that other links bear on: written as arguments.
    arguments: HashSet<&'a str>,
    out: String,
}

impl Writer<'_> {
    fn target(&self, to: &LinkTo) -> String {
        match to {
            LinkTo::Claim(id) => format!("[{id}]"),
            LinkTo::Link(id) => format!("<{id}>"),
        }
    }

    /// The relation lines under an item: one per link that starts at it.
    fn relations(&mut self, starts_at: impl Fn(&LinkFrom) -> bool) {
        for link in self.map.links.iter().filter(|link| starts_at(&link.from)) {
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
        let _ = write!(self.out, "[{}]: {}", claim.id, escape_text(&claim.text));
        tags(&mut self.out, &claim.tags);
        let mut fields = vec![
            ("kind", yaml_string(kind_name(claim.kind))),
            ("x", claim.position.x.to_string()),
            ("y", claim.position.y.to_string()),
        ];
        if !claim.detail.is_empty() {
            fields.push(("detail", yaml_string(&claim.detail)));
        }
        data(&mut self.out, &fields);
        self.relations(|from| matches!(from, LinkFrom::Claim(id) if id == &claim.id));
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
        data(&mut self.out, &fields);
        self.relations(|from| matches!(from, LinkFrom::Event(id) if id == &event.id));
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
    let arguments = super::links_borne_on(map);
    let mut writer = Writer { map, arguments, out: String::new() };
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
        let _ = writeln!(writer.out, "# {}s\n", kind.label());
        for claim in claims {
            writer.claim(claim);
        }
    }
    if !map.events.is_empty() {
        writer.out.push_str("# Events\n\n");
        for event in &map.events {
            writer.event(event);
        }
    }
    let argued: Vec<&Link> = map.links.iter().filter(|link| writer.arguments.contains(link.id.as_str())).collect();
    if !argued.is_empty() {
        writer.out.push_str("# Inferences\n\n");
        for link in argued {
            writer.argument(link);
        }
    }
    writer.out
}
