//! Graphviz DOT: one cluster per kind of claim and one for the events used as
//! evidence, cards coloured as in the app, edges coloured by relation and as
//! thick as their strength, undercuts dashed. A link that other links bear on
//! passes through a small point, so that they have something to end at.

use crate::layout::font_metrics::wrap_lines;
use crate::layout::palette::{self as style, Paint};
use crate::model::{ClaimKind, Link, LinkFrom, LinkTo, Map, Relation};
use std::collections::HashSet;
use std::fmt::Write;

/// A DOT double-quoted string; lines of a label are joined with `\n`.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` wrapped for a node of about the app's card width.
fn label(text: &str) -> String {
    quoted(&wrap_lines(text, 14.0, 220.0).join("\n"))
}

fn node_id(kind: &str, id: &str) -> String {
    quoted(&format!("{kind}:{id}"))
}

fn from_node(from: &LinkFrom) -> String {
    match from {
        LinkFrom::Event(id) => node_id("event", id.as_str()),
        LinkFrom::Claim(id) => node_id("claim", id.as_str()),
    }
}

fn edge_style(link: &Link) -> String {
    let color: Paint = style::relation_color(link.relation, false);
    let dashed = if link.relation == Relation::Undercuts { ", style=dashed" } else { "" };
    format!(
        "color=\"{color}\", penwidth={}, tooltip={}{dashed}",
        style::strength_width(link.strength),
        quoted(&format!("{} ({})", link.relation.label(), link.strength.label()))
    )
}

pub fn render(map: &Map) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph argline {{");
    let _ = writeln!(out, "  graph [rankdir=BT, labelloc=t, fontname=\"Ubuntu\", label={}];", quoted(&map.meta.title));
    let _ = writeln!(out, "  node [shape=box, style=\"rounded,filled\", fontname=\"Ubuntu\", fontsize=11];");
    let _ = writeln!(out, "  edge [arrowsize=0.8];");
    for kind in ClaimKind::ALL {
        let claims: Vec<_> = map.claims.iter().filter(|claim| claim.kind == kind).collect();
        if claims.is_empty() {
            continue;
        }
        let color = style::kind_color(kind, false);
        let _ = writeln!(out, "  subgraph \"cluster_{}\" {{", kind.label().to_lowercase());
        let _ = writeln!(out, "    label=\"{}s\"; color=\"{color}\"; fontcolor=\"{color}\";", kind.label());
        for claim in claims {
            let _ = writeln!(
                out,
                "    {} [label={}, color=\"{color}\", fillcolor=\"{}\", penwidth={}];",
                node_id("claim", claim.id.as_str()),
                label(&claim.text),
                style::card_fill(kind, false),
                if kind == ClaimKind::Explanation { 2.5 } else { 1.2 }
            );
        }
        let _ = writeln!(out, "  }}");
    }
    let evidence: HashSet<&str> = map
        .links
        .iter()
        .filter_map(|link| match &link.from {
            LinkFrom::Event(id) => Some(id.as_str()),
            LinkFrom::Claim(_) => None,
        })
        .collect();
    if !evidence.is_empty() {
        let _ =
            writeln!(out, "  subgraph cluster_events {{\n    label=\"Events used as evidence\"; color=\"#dcdfe3\";");
        for event in map.events.iter().filter(|event| evidence.contains(event.id.as_str())) {
            let color = map.lane(&event.lane).map_or(style::UNKNOWN_LANE, |lane| Paint::lane(lane.color));
            let text = format!("{}\n{}", event.when(), wrap_lines(&event.title, 14.0, 200.0).join("\n"));
            let _ = writeln!(
                out,
                "    {} [label={}, color=\"{color}\", fillcolor=\"#ffffff\"];",
                node_id("event", event.id.as_str()),
                quoted(&text)
            );
        }
        let _ = writeln!(out, "  }}");
    }
    let targeted = super::links_borne_on(map);
    for link in &map.links {
        let to = match &link.to {
            LinkTo::Claim(id) => node_id("claim", id.as_str()),
            LinkTo::Link(id) => node_id("link", id.as_str()),
        };
        if targeted.contains(link.id.as_str()) {
            let point = node_id("link", link.id.as_str());
            let color = style::relation_color(link.relation, false);
            let _ = writeln!(out, "  {point} [shape=point, width=0.08, color=\"{color}\"];");
            let _ = writeln!(out, "  {} -> {point} [{}, arrowhead=none];", from_node(&link.from), edge_style(link));
            let _ = writeln!(out, "  {point} -> {to} [{}];", edge_style(link));
        } else {
            let _ = writeln!(out, "  {} -> {to} [{}];", from_node(&link.from), edge_style(link));
        }
    }
    out.push_str("}\n");
    out
}
