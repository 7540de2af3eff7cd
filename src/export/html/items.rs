//! The page's details pane: one hidden `<article data-item=KEY>` per claim,
//! event and link, with its text, its quotes and their sources (a link only
//! to an http or https address), and the items it is linked with; the script
//! shows the article of the item clicked.

use super::item_key;
use crate::export::escape_html;
use crate::export::report::{self, credit, evidence_quotes, item_name};
use crate::model::{Citation, ClaimKind, ItemRef, Map};
use std::fmt::Write;

/// Writes `citations` as quotes with their credits.
pub(super) fn citations(page: &mut String, map: &Map, citations: &[Citation]) {
    for citation in citations {
        let credit = credit(map, citation);
        let title = match credit.url {
            Some(url) => format!(
                "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>",
                escape_html(url),
                escape_html(credit.title)
            ),
            None => escape_html(credit.title),
        };
        let details: String = credit.details.iter().map(|detail| format!(", {}", escape_html(detail))).collect();
        page.push_str("<blockquote>");
        if !citation.quote.is_empty() {
            let _ = write!(page, "<p>“{}”</p>", escape_html(&citation.quote));
        }
        let _ = writeln!(page, "<footer>— {title}{details}</footer></blockquote>");
    }
}

/// A link in the page that shows `item`'s article, named as the reports name it.
pub(super) fn goto(map: &Map, item: &ItemRef) -> String {
    goto_named(item, &item_name(map, item))
}

/// A link in the page that shows `item`'s article, reading `label`.
fn goto_named(item: &ItemRef, label: &str) -> String {
    format!(
        "<a class=\"goto\" role=\"button\" tabindex=\"0\" data-item=\"{}\">{}</a>",
        item_key(item),
        escape_html(label)
    )
}

/// The links from and to `item`: what is at their other end, and their strength, each a link to its article.
fn links_of(page: &mut String, map: &Map, item: &ItemRef) {
    let links: Vec<_> = map.links_touching(item).collect();
    if links.is_empty() {
        return;
    }
    page.push_str("<h3>Links</h3><ul>");
    for link in links {
        let (relation, other) = if &link.source_item() == item {
            (link.relation.label().to_owned(), link.target_item())
        } else {
            (report::passive(link.relation).to_owned(), link.source_item())
        };
        let strength = goto_named(&ItemRef::Link(link.id.clone()), &format!("({})", link.strength.label()));
        let _ = write!(page, "<li>{} {} {strength}</li>", escape_html(&relation), goto(map, &other));
    }
    page.push_str("</ul>\n");
}

fn paragraph(page: &mut String, class: &str, text: &str) {
    if !text.is_empty() {
        let _ = write!(page, "<p class=\"{class}\">{}</p>", escape_html(text));
    }
}

/// Writes the article of every claim, event and link of `map`.
pub(super) fn details(page: &mut String, map: &Map) {
    let explanations = report::explanations(map);
    for claim in &map.claims {
        let item = ItemRef::Claim(claim.id.clone());
        let _ = write!(page, "<article data-item=\"{}\" hidden>", item_key(&item));
        paragraph(page, "kind", claim.kind.label());
        let _ = write!(page, "<h2>{}</h2>", escape_html(&claim.text));
        paragraph(page, "detail", &claim.detail);
        citations(page, map, &claim.citations);
        let evidence = explanations.iter().find(|report| report.claim.id == claim.id);
        match evidence {
            Some(report) if claim.kind == ClaimKind::Explanation => {
                for (heading, evidence) in &report.sections {
                    let _ = write!(page, "<h3>{heading}</h3><ul>");
                    if evidence.is_empty() {
                        page.push_str("<li>none</li>");
                    }
                    for piece in evidence {
                        let label = format!("{} ({})", piece.name, piece.link.strength.label());
                        let _ = write!(page, "<li>{}</li>", goto_named(&ItemRef::Link(piece.link.id.clone()), &label));
                    }
                    page.push_str("</ul>\n");
                }
            }
            _ => links_of(page, map, &item),
        }
        page.push_str("</article>\n");
    }
    for event in &map.events {
        let item = ItemRef::Event(event.id.clone());
        let lane = map.lane(&event.lane).map_or(event.lane.as_str(), |lane| lane.name.as_str());
        let _ = write!(page, "<article data-item=\"{}\" hidden>", item_key(&item));
        paragraph(page, "kind", &format!("Event · {} · {lane}", event.when()));
        let _ = write!(page, "<h2>{}</h2>", escape_html(&event.title));
        paragraph(page, "detail", &event.detail);
        citations(page, map, &event.citations);
        links_of(page, map, &item);
        page.push_str("</article>\n");
    }
    for link in &map.links {
        let item = ItemRef::Link(link.id.clone());
        let _ = write!(page, "<article data-item=\"{}\" hidden>", item_key(&item));
        paragraph(page, "kind", &format!("Link · {} · {}", link.relation.name(), link.strength.label()));
        let _ = write!(
            page,
            "<p>{} <strong>{}</strong> {}</p>",
            goto(map, &link.source_item()),
            escape_html(link.relation.label()),
            goto(map, &link.target_item())
        );
        paragraph(page, "detail", &link.note);
        citations(page, map, &evidence_quotes(map, link));
        links_of(page, map, &item);
        page.push_str("</article>\n");
    }
}
