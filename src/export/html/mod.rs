//! A self-contained HTML page of a map, for readers without Argline: the SVG
//! figure inline with pan and zoom, the timeline by date, the story as slides
//! (arrow keys; `#step=N` opens step N), the matrix of each question as a
//! table, and, for any item clicked, its text, quotes and sources. Nothing is
//! fetched: the style and the script are in the page (`page.css`, `page.js`)
//! and its Content-Security-Policy forbids loading anything else.
//!
//! Every text of the map is HTML-escaped where it is written ([`escape_html`]);
//! the page embeds no data in a script, so no text is ever read as code.
//! The script finds the figure's items by the classes and ids the SVG export
//! gives them (`g.claim#ID`, `g.event#ID`, `g.link#ID`, `g.timeline-event#timeline-ID`).

mod items;
mod views;

use super::escape_html;
use crate::model::{ItemRef, Map};
use std::fmt::Write;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// Nothing but the page's own style and script: no request leaves it.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/// How the page names an item in `data-item` attributes: `claim:ID`, `event:ID`, `link:ID`.
fn item_key(item: &ItemRef) -> String {
    let kind = match item {
        ItemRef::Event(_) => "event",
        ItemRef::Claim(_) => "claim",
        ItemRef::Link(_) => "link",
    };
    escape_html(&format!("{kind}:{}", item.slug()))
}

/// The page of `map`, with `svg` (the SVG export of it) as its figure.
pub fn render(map: &Map, svg: &str) -> String {
    let title = escape_html(&map.meta.title);
    let figure = svg.trim_start().strip_prefix("<?xml").and_then(|rest| rest.split_once("?>")).map_or(svg, |(_, s)| s);
    let mut page = String::with_capacity(svg.len() * 2);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Argline\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n\
         <body data-view=\"map\">\n<header><h1 id=\"argline-title\">{title}</h1>\n"
    );
    if !map.meta.summary.is_empty() {
        let _ = writeln!(page, "<p class=\"summary\">{}</p>", escape_html(&map.meta.summary));
    }
    page.push_str("<nav>");
    for (view, label, shown) in [
        ("map", "Map", true),
        ("story", "Story", !map.story.is_empty()),
        ("timeline", "Timeline", !map.events.is_empty()),
        ("matrix", "Matrix", true),
    ] {
        if shown {
            let _ = write!(page, "<button type=\"button\" data-show=\"{view}\">{label}</button>");
        }
    }
    page.push_str("</nav></header>\n<main>\n<section id=\"argline-map\" class=\"view\">\n");
    page.push_str(
        "<div class=\"tools\"><button type=\"button\" id=\"argline-fit\">Fit</button> \
         <span>Drag to pan, wheel to zoom, click an item for its sources.</span></div>\n",
    );
    let _ = writeln!(page, "<div id=\"argline-viewport\">{}</div>", figure.trim());
    views::story(&mut page, map);
    page.push_str("</section>\n");
    views::timeline(&mut page, map);
    views::matrices(&mut page, map);
    page.push_str("<aside id=\"argline-details\">\n<p class=\"hint\">Click an item of the map, the timeline or a matrix to read its text, quotes and sources.</p>\n");
    items::details(&mut page, map);
    let _ = write!(page, "</aside>\n</main>\n<script>\n{SCRIPT}</script>\n</body></html>\n");
    page
}
