//! The page's views besides the figure: the story's steps (one hidden
//! `<section class="step">` each, with the keys of the items it shows and
//! draws out for the script to dim the others), the timeline by date, and
//! the matrix of each question as a table.

use super::item_key;
use super::items::goto;
use crate::export::escape_html;
use crate::export::report;
use crate::model::{ItemRef, Map};
use std::fmt::Write;

fn keys(items: &[ItemRef]) -> String {
    items.iter().map(item_key).collect::<Vec<_>>().join(" ")
}

/// The story's slides, over the figure (shown in the story view).
pub(super) fn story(page: &mut String, map: &Map) {
    if map.story.is_empty() {
        return;
    }
    page.push_str(
        "<div id=\"argline-slide\">\n<div class=\"controls\"><button type=\"button\" data-step-move=\"-1\">← Previous</button> \
         <span id=\"argline-step-counter\"></span> <button type=\"button\" data-step-move=\"1\">Next →</button></div>\n",
    );
    for step in &map.story {
        let _ = write!(
            page,
            "<section class=\"step\" data-highlights=\"{}\" data-shows=\"{}\" hidden><h2>{}</h2>",
            keys(&step.highlights),
            keys(&step.shows),
            escape_html(&step.title)
        );
        if !step.notes.is_empty() {
            let _ = write!(page, "<p class=\"notes\">{}</p>", escape_html(&step.notes));
        }
        if !step.highlights.is_empty() {
            let named: Vec<String> = step.highlights.iter().map(|item| goto(map, item)).collect();
            let _ = write!(page, "<p class=\"highlighted\">{}</p>", named.join(" "));
        }
        page.push_str("</section>\n");
    }
    page.push_str("</div>\n");
}

/// The events by date, each a link to its article.
pub(super) fn timeline(page: &mut String, map: &Map) {
    if map.events.is_empty() {
        return;
    }
    page.push_str("<section id=\"argline-timeline\" class=\"view\"><h2>Timeline</h2>\n<ol class=\"timeline\">\n");
    for event in report::events_by_date(map) {
        let (lane, color) =
            map.lane(&event.lane).map_or((event.lane.as_str(), None), |lane| (lane.name.as_str(), Some(lane.color)));
        let style = color.map(|color| format!(" style=\"border-color: {color}\"")).unwrap_or_default();
        let _ = writeln!(
            page,
            "<li{style}><time>{}</time> <span class=\"lane\">{}</span> {}</li>",
            escape_html(&event.when()),
            escape_html(lane),
            goto(map, &ItemRef::Event(event.id.clone())),
        );
    }
    page.push_str("</ol></section>\n");
}

/// Each question's matrix: a row per piece of evidence, a column per
/// explanation, the rating codes in the cells and the scores beneath.
pub(super) fn matrices(page: &mut String, map: &Map) {
    page.push_str("<section id=\"argline-matrix\" class=\"view\"><h2>Competing hypotheses</h2>\n");
    let matrices = report::matrices(map);
    if matrices.is_empty() {
        page.push_str("<p>No evidence is rated against the explanations yet.</p>\n");
    }
    for report::QuestionMatrix { heading, matrix } in matrices {
        if let Some(heading) = heading {
            let _ = writeln!(page, "<h3>{}</h3>", escape_html(&heading));
        }
        page.push_str("<table class=\"matrix\"><thead><tr><th>Evidence</th>");
        for explanation in &matrix.explanations {
            let _ = write!(page, "<th>{}</th>", goto(map, &ItemRef::Claim(explanation.clone())));
        }
        page.push_str("</tr></thead>\n<tbody>\n");
        for row in &matrix.rows {
            let _ = write!(page, "<tr><th>{}</th>", goto(map, &row.item));
            for cell in &row.cells {
                match cell {
                    Some(cell) => {
                        let (code, description) = (cell.rating.code(), cell.rating.description());
                        let _ = write!(page, "<td class=\"rating-{code}\" title=\"{description}\">{code}</td>");
                    }
                    None => page.push_str("<td></td>"),
                }
            }
            page.push_str("</tr>\n");
        }
        page.push_str("</tbody><tfoot><tr><th>Inconsistency (rank)</th>");
        for score in matrix.scores() {
            let _ = write!(page, "<td>{} ({})</td>", score.inconsistency, score.rank);
        }
        page.push_str("</tr></tfoot></table>\n");
    }
    page.push_str("<p class=\"legend\">CC strongly consistent, C consistent, N neutral, I inconsistent, II strongly inconsistent. \
                   Inconsistency counts I as 1 and II as 2: fewest first ranks 1.</p></section>\n");
}
