//! What the reports say about a map, as plain text for each format to lay out
//! (the Markdown report, the HTML page, the PDF handout): the name of an item,
//! the quotes behind a piece of evidence, the credit of a citation, each
//! explanation with its evidence for and against, the matrix of each question,
//! and the events by date. No markup here: each format escapes for itself.

use crate::analysis::{Matrix, questions};
use crate::model::{Citation, Claim, Event, ItemRef, Link, LinkFrom, LinkTo, Map, Relation};

/// How `item` is named in a report: a claim by its text, an event by its
/// title and date, a link by where it comes from and its relation.
pub fn item_name(map: &Map, item: &ItemRef) -> String {
    match item {
        ItemRef::Event(id) => map.event(id).map_or_else(|| id.to_string(), |e| format!("{} ({})", e.title, e.when())),
        ItemRef::Claim(id) => map.claim(id).map_or_else(|| id.to_string(), |claim| claim.text.clone()),
        ItemRef::Link(id) => map.link(id).map_or_else(
            || id.to_string(),
            |link| {
                let from = item_name(map, &link.source_item());
                format!("the step from “{from}” ({})", link.relation.label())
            },
        ),
    }
}

/// The quotes behind `link`: its event's, then its own that the event does not
/// already quote (a link often quotes what its event does: each quote once).
pub fn evidence_quotes(map: &Map, link: &Link) -> Vec<Citation> {
    let mut quoted: Vec<Citation> = Vec::new();
    if let LinkFrom::Event(id) = &link.from
        && let Some(event) = map.event(id)
    {
        quoted.extend(event.citations.iter().cloned());
    }
    for citation in &link.citations {
        if !quoted.iter().any(|q| q.source == citation.source && q.quote == citation.quote) {
            quoted.push(citation.clone());
        }
    }
    quoted
}

/// `url` if a reader may follow it as a link: http and https only (no
/// `javascript:`, `file:` or `data:`).
pub fn web_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url.trim())
}

/// Who a citation credits: the source's title, its web address if it has one
/// a reader may follow, and the rest (author, outlet, date, locator).
pub struct Credit<'m> {
    pub title: &'m str,
    pub url: Option<&'m str>,
    pub details: Vec<String>,
}

pub fn credit<'m>(map: &'m Map, citation: &'m Citation) -> Credit<'m> {
    let mut details = Vec::new();
    let (title, url) = match map.source(&citation.source) {
        Some(source) => {
            details.extend([&source.author, &source.outlet].into_iter().filter(|s| !s.is_empty()).cloned());
            details.extend(source.date.map(|date| date.human()));
            (source.title.as_str(), web_url(&source.url))
        }
        None => (citation.source.as_str(), None),
    };
    details.extend(citation.locator.clone());
    Credit { title, url, details }
}

/// One piece of evidence on an explanation: the link, the name of what it
/// comes from, and its quotes.
pub struct Evidence<'m> {
    pub link: &'m Link,
    pub name: String,
    pub quotes: Vec<Citation>,
}

/// An explanation with its evidence, by heading ("Evidence for", "Evidence
/// against", and "Undercut by" when something undercuts it).
pub struct ExplanationReport<'m> {
    pub claim: &'m Claim,
    pub sections: Vec<(&'static str, Vec<Evidence<'m>>)>,
}

/// Every explanation of `map`, in the map's order, with its evidence.
pub fn explanations(map: &Map) -> Vec<ExplanationReport<'_>> {
    fn evidence<'m>(map: &'m Map, links: Vec<&'m Link>) -> Vec<Evidence<'m>> {
        links
            .into_iter()
            .map(|link| Evidence {
                link,
                name: item_name(map, &link.source_item()),
                quotes: evidence_quotes(map, link),
            })
            .collect()
    }
    map.explanations()
        .map(|claim| {
            let mut sections = vec![
                ("Evidence for", evidence(map, map.evidence_for(&claim.id))),
                ("Evidence against", evidence(map, map.evidence_against(&claim.id))),
            ];
            let undercuts = map.evidence_with(&claim.id, Relation::Undercuts);
            if !undercuts.is_empty() {
                sections.push(("Undercut by", evidence(map, undercuts)));
            }
            ExplanationReport { claim, sections }
        })
        .collect()
}

/// How a link reads from its end: "supported by", "opposed by"…
pub fn passive(relation: Relation) -> &'static str {
    match relation {
        Relation::Supports => "supported by",
        Relation::Opposes => "opposed by",
        Relation::Undercuts => "undercut by",
        Relation::Neutral => "weighed as neutral by",
    }
}

/// The links that bear on `link` itself (undercut it, support it…).
pub fn links_on<'m>(map: &'m Map, link: &Link) -> impl Iterator<Item = &'m Link> {
    let id = link.id.clone();
    map.links.iter().filter(move |other| matches!(&other.to, LinkTo::Link(to) if *to == id))
}

/// One question's matrix, with the heading it is reported under: `None` when
/// the map's explanations answer no question (its one matrix needs no heading).
pub struct QuestionMatrix {
    pub heading: Option<String>,
    pub matrix: Matrix,
}

/// The matrix of each of the map's questions that has explanations and evidence.
pub fn matrices(map: &Map) -> Vec<QuestionMatrix> {
    let questions = questions(map);
    let headed = questions != [None];
    questions
        .iter()
        .map(|question| Matrix::of_question(map, question.as_ref(), None))
        .filter(|matrix| !matrix.explanations.is_empty() && !matrix.rows.is_empty())
        .map(|matrix| {
            let heading = headed.then(|| {
                matrix
                    .question
                    .as_ref()
                    .and_then(|id| map.claim(id))
                    .map_or_else(|| "Answering no question".to_owned(), |question| question.text.clone())
            });
            QuestionMatrix { heading, matrix }
        })
        .collect()
}

/// The map's events, oldest first (events of one date in the map's order).
pub fn events_by_date(map: &Map) -> Vec<&Event> {
    let mut events: Vec<&Event> = map.events.iter().collect();
    events.sort_by_key(|event| event.date);
    events
}

#[cfg(test)]
mod tests {
    use super::web_url;

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(web_url("https://example.org/a"), Some("https://example.org/a"));
        assert_eq!(web_url("HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("file:///etc/passwd"), None);
        assert_eq!(web_url("data:text/html,x"), None);
        assert_eq!(web_url(""), None);
        assert_eq!(web_url("http"), None);
    }
}
