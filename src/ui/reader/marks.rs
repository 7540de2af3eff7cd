//! The cited passages of one source's text, as the reader paints them: each
//! passage's characters, the items that cite it and its relation's colour, and
//! the text cut into runs by them for egui's layout.

use crate::model::{ItemRef, LinkFrom, Map, Relation, SourceId};
use crate::sources::{CitationCheck, SourceText};
use crate::ui::theme;
use egui::Color32;
use egui::text::{LayoutJob, TextFormat};

/// A cited passage: its characters, the items citing it, and how the first bears on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub items: Vec<ItemRef>,
    pub relation: Relation,
}

/// The relation whose colour an item's quotes take: a link's own, else that
/// of the first link the item starts (neutral for an item that bears on nothing).
fn relation_of(map: &Map, item: &ItemRef) -> Relation {
    let starts = |link: &&crate::model::Link| match (&link.from, item) {
        (LinkFrom::Claim(from), ItemRef::Claim(id)) => from == id,
        (LinkFrom::Event(from), ItemRef::Event(id)) => from == id,
        _ => false,
    };
    match item {
        ItemRef::Link(id) => map.link(id).map(|link| link.relation),
        _ => map.links.iter().find(starts).map(|link| link.relation),
    }
    .unwrap_or(Relation::Neutral)
}

/// The passages of `source` that `checks` found in its text, merged where two
/// citations quote the same characters, in the order of the text.
pub fn marks_of(map: &Map, source: &SourceId, checks: &[CitationCheck]) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    for checked in checks {
        let Some(citation) =
            crate::edit::catalogue::citations_of(map, &checked.item).into_iter().nth(checked.citation_index)
        else {
            continue;
        };
        let Some(found) = &checked.check.found else { continue };
        if &citation.source != source {
            continue;
        }
        match marks.iter_mut().find(|mark| (mark.start, mark.end) == (found.start, found.end)) {
            Some(mark) => mark.items.push(checked.item.clone()),
            None => marks.push(Mark {
                start: found.start,
                end: found.end,
                items: vec![checked.item.clone()],
                relation: relation_of(map, &checked.item),
            }),
        }
    }
    marks.sort_by_key(|mark| (mark.start, mark.end));
    marks
}

/// The marks under character `offset`.
pub fn marks_at(marks: &[Mark], offset: usize) -> impl Iterator<Item = &Mark> {
    marks.iter().filter(move |mark| mark.start <= offset && offset < mark.end)
}

/// How the reader paints its text.
pub struct Look {
    pub font: egui::FontId,
    pub text_color: Color32,
    /// The background of the passage selected (or found) in the text.
    pub passage_fill: Color32,
    pub dark: bool,
}

/// What the reader draws out in its text: the selected items' quotes and the selected passage.
pub struct Emphasis<'a> {
    pub items: &'a [ItemRef],
    pub passage: Option<(usize, usize)>,
}

/// The text laid out with every mark's background in its relation's colour,
/// the selected items' marks stronger and underlined, the passage in the
/// selection's colour.
pub fn layout_job(
    text: &SourceText,
    marks: &[Mark],
    emphasis: &Emphasis<'_>,
    look: &Look,
    wrap_width: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let plain = TextFormat { font_id: look.font.clone(), color: look.text_color, ..TextFormat::default() };
    let mut boundaries: Vec<usize> = marks.iter().flat_map(|mark| [mark.start, mark.end]).collect();
    boundaries.extend([0, text.char_len()]);
    boundaries.extend(emphasis.passage.iter().flat_map(|(start, end)| [*start, *end]));
    boundaries.sort_unstable();
    boundaries.dedup();
    for pair in boundaries.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let Some(words) = text.slice_chars(start, end) else { continue };
        let in_passage = emphasis.passage.is_some_and(|(from, to)| from <= start && end <= to && from < to);
        let covering = marks_at(marks, start).next();
        let format = match covering {
            _ if in_passage => TextFormat { background: look.passage_fill, ..plain.clone() },
            None => plain.clone(),
            Some(mark) => {
                let is_selected = mark.items.iter().any(|item| emphasis.items.contains(item));
                let color = theme::relation_color(mark.relation, look.dark);
                TextFormat {
                    background: color.gamma_multiply(if is_selected { 0.55 } else { 0.25 }),
                    underline: if is_selected { egui::Stroke::new(1.5, color) } else { egui::Stroke::NONE },
                    ..plain.clone()
                }
            }
        };
        job.append(words, 0.0, format);
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_at_finds_the_passages_under_a_character() {
        let mark = Mark { start: 5, end: 10, items: vec![ItemRef::Claim("c".into())], relation: Relation::Supports };
        let marks = [mark];
        assert_eq!(marks_at(&marks, 5).count(), 1);
        assert_eq!(marks_at(&marks, 10).count(), 0);
        assert_eq!(marks_at(&marks, 4).count(), 0);
    }
}
