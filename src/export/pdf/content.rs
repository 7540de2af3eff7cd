//! What the handout says after the figure: the title and summary, the
//! timeline by date (each event with its quotes), each explanation with its
//! evidence for and against and their quotes, the other claims, and the
//! matrix of each question (explanations numbered E1, E2… above the table).

use super::pages::{BODY, HEADING, NOTE, Pages, QUOTE, SUBHEADING, TITLE};
use crate::export::report::{self, credit};
use crate::model::{Citation, ClaimKind, ItemRef, Map};

fn quotes(pages: &mut Pages, map: &Map, citations: &[Citation]) {
    for citation in citations {
        let credit = credit(map, citation);
        let mut by = vec![credit.title.to_owned()];
        by.extend(credit.details);
        by.extend(credit.url.map(str::to_owned));
        if citation.quote.is_empty() {
            pages.block(&format!("— {}", by.join(", ")), NOTE);
        } else {
            pages.block(&format!("“{}”", citation.quote), QUOTE);
            pages.block(&format!("— {}", by.join(", ")), NOTE);
        }
    }
}

fn timeline(pages: &mut Pages, map: &Map) {
    if map.events.is_empty() {
        return;
    }
    pages.heading("Timeline", HEADING);
    for event in report::events_by_date(map) {
        let lane = map.lane(&event.lane).map_or(event.lane.as_str(), |lane| lane.name.as_str());
        pages.heading(&format!("{} · {} · {}", event.when(), lane, event.title), BODY);
        pages.block(&event.detail, NOTE.indented(14.0));
        quotes(pages, map, &event.citations);
    }
}

fn explanations(pages: &mut Pages, map: &Map) {
    let explanations = report::explanations(map);
    if explanations.is_empty() {
        return;
    }
    pages.break_page();
    pages.heading("Explanations and their evidence", HEADING);
    for explanation in explanations {
        pages.heading(&explanation.claim.text, SUBHEADING);
        pages.block(&explanation.claim.detail, BODY);
        quotes(pages, map, &explanation.claim.citations);
        for (heading, evidence) in &explanation.sections {
            pages.heading(heading, BODY.indented(8.0));
            if evidence.is_empty() {
                pages.block("none", NOTE.indented(14.0));
            }
            for piece in evidence {
                let note = if piece.link.note.is_empty() { String::new() } else { format!(": {}", piece.link.note) };
                pages.block(&format!("• {} ({}){note}", piece.name, piece.link.strength.label()), BODY.indented(14.0));
                quotes(pages, map, &piece.quotes);
            }
        }
    }
}

fn other_claims(pages: &mut Pages, map: &Map) {
    let others: Vec<_> = map.claims.iter().filter(|claim| claim.kind != ClaimKind::Explanation).collect();
    if others.is_empty() {
        return;
    }
    pages.heading("Claims, objections and questions", HEADING);
    for claim in others {
        pages.block(&format!("{}: {}", claim.kind.label(), claim.text), BODY);
        let item = ItemRef::Claim(claim.id.clone());
        for link in map.links_touching(&item) {
            let (relation, other) = if link.source_item() == item {
                (link.relation.label(), link.target_item())
            } else {
                (report::passive(link.relation), link.source_item())
            };
            let other = report::item_name(map, &other);
            pages.block(&format!("{relation} {other} ({})", link.strength.label()), NOTE.indented(14.0));
            quotes(pages, map, &report::evidence_quotes(map, link));
        }
        quotes(pages, map, &claim.citations);
    }
}

fn matrices(pages: &mut Pages, map: &Map) {
    let matrices = report::matrices(map);
    if matrices.is_empty() {
        return;
    }
    pages.break_page();
    pages.heading("Competing hypotheses", HEADING);
    pages.block(
        "CC strongly consistent, C consistent, N neutral, I inconsistent, II strongly inconsistent. \
                 Inconsistency counts I as 1 and II as 2; the explanation with the fewest ranks 1.",
        NOTE.indented(0.0),
    );
    for report::QuestionMatrix { heading, matrix } in matrices {
        if let Some(heading) = heading {
            pages.heading(&heading, SUBHEADING);
        }
        for (index, explanation) in matrix.explanations.iter().enumerate() {
            let text = report::item_name(map, &ItemRef::Claim(explanation.clone()));
            pages.block(&format!("E{}: {text}", index + 1), BODY);
        }
        let columns = matrix.explanations.len() as f32;
        let code_width = ((pages.width() * 0.45) / columns).clamp(22.0, 48.0);
        let name_width = pages.width() - code_width * columns - 8.0;
        let column_x = |column: usize| name_width + 8.0 + column as f32 * code_width;
        let names: Vec<String> = (1..=matrix.explanations.len()).map(|n| format!("E{n}")).collect();
        let header: Vec<(f32, f32, &str)> = std::iter::once((0.0, name_width, "Evidence"))
            .chain(names.iter().enumerate().map(|(column, name)| (column_x(column), code_width, name.as_str())))
            .collect();
        pages.row(&header, SUBHEADING, true);
        for (index, row) in matrix.rows.iter().enumerate() {
            let name = report::item_name(map, &row.item);
            let cells: Vec<(f32, f32, &str)> = std::iter::once((0.0, name_width, name.as_str()))
                .chain(row.cells.iter().enumerate().map(|(column, cell)| {
                    (column_x(column), code_width, cell.as_ref().map_or("", |cell| cell.rating.code()))
                }))
                .collect();
            pages.row(&cells, NOTE.indented(0.0), index % 2 == 1);
        }
        let scores: Vec<String> = matrix.scores().iter().map(|s| format!("{} ({})", s.inconsistency, s.rank)).collect();
        let footer: Vec<(f32, f32, &str)> = std::iter::once((0.0, name_width, "Inconsistency (rank)"))
            .chain(scores.iter().enumerate().map(|(column, score)| (column_x(column), code_width, score.as_str())))
            .collect();
        pages.row(&footer, BODY, true);
    }
}

/// The handout's text pages, as SVG, on portrait pages of `width` × `height` points.
pub fn pages(map: &Map, width: f32, height: f32) -> Vec<String> {
    let mut pages = Pages::new(width, height, &map.meta.title);
    pages.heading(&map.meta.title, TITLE);
    pages.block(&map.meta.summary, BODY);
    timeline(&mut pages, map);
    explanations(&mut pages, map);
    other_claims(&mut pages, map);
    matrices(&mut pages, map);
    pages.finish()
}
