//! Search and filter: every text of a map — claims, events, quotes and their
//! locators, link notes, sources — searched for all the words of a query,
//! case-insensitively; and filters by lane, tag, kind, source and dates that
//! say which items stay in view (the others fade).

use super::ach::evidence_date;
use crate::model::{Citation, ClaimKind, ItemRef, LaneId, Map, SourceId};
use chrono::NaiveDate;

/// One match: the item to go to, the field that matched, and the text around the match.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub item: ItemRef,
    pub field: &'static str,
    pub snippet: String,
}

/// Which items stay in view. Each filter that is set admits only the items
/// that have its attribute: a lane admits events of that lane, a kind admits
/// claims of that kind; a link is in view when both its ends are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub lanes: Vec<LaneId>,
    pub tags: Vec<String>,
    pub kinds: Vec<ClaimKind>,
    pub source: Option<SourceId>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

fn cites(citations: &[Citation], source: &SourceId) -> bool {
    citations.iter().any(|citation| &citation.source == source)
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether `item` of `map` passes every filter that is set.
    pub fn admits(&self, map: &Map, item: &ItemRef) -> bool {
        match item {
            ItemRef::Event(id) => {
                let Some(event) = map.event(id) else { return false };
                (self.lanes.is_empty() || self.lanes.contains(&event.lane))
                    && (self.tags.is_empty() || event.tags.iter().any(|tag| self.tags.contains(tag)))
                    && self.kinds.is_empty()
                    && self.source.as_ref().is_none_or(|source| cites(&event.citations, source))
                    && self.from.is_none_or(|from| event.last_date().last_day() >= from)
                    && self.to.is_none_or(|to| event.date.first_day() <= to)
            }
            ItemRef::Claim(id) => {
                let Some(claim) = map.claim(id) else { return false };
                let date = evidence_date(map, item);
                self.lanes.is_empty()
                    && (self.tags.is_empty() || claim.tags.iter().any(|tag| self.tags.contains(tag)))
                    && (self.kinds.is_empty() || self.kinds.contains(&claim.kind))
                    && self.source.as_ref().is_none_or(|source| cites(&claim.citations, source))
                    && self.from.is_none_or(|from| date.is_none_or(|date| date >= from))
                    && self.to.is_none_or(|to| date.is_none_or(|date| date <= to))
            }
            ItemRef::Link(id) => map
                .link(id)
                .is_some_and(|link| self.admits(map, &link.source_item()) && self.admits(map, &link.target_item())),
        }
    }
}

/// The words of `query`, lowercase; an item matches when a field holds them all.
fn words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// Where `text` holds all `words`: a snippet round the first, else `None`.
fn matches(text: &str, words: &[String]) -> Option<String> {
    let lower = text.to_lowercase();
    if words.is_empty() || !words.iter().all(|word| lower.contains(word.as_str())) {
        return None;
    }
    Some(snippet(text, &lower, &words[0]))
}

/// About 90 characters of `text` round the first place `word` occurs.
fn snippet(text: &str, lower: &str, word: &str) -> String {
    const CONTEXT: usize = 40;
    // Lowercasing can change byte lengths: count in characters, over the lowercase text.
    let at = lower.find(word).map_or(0, |byte| lower[..byte].chars().count());
    let chars: Vec<char> = text.chars().collect();
    let start = at.saturating_sub(CONTEXT).min(chars.len());
    let end = (at + word.chars().count() + CONTEXT).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Every match of `query` among the items `filter` admits, in the order of the map.
pub fn search(map: &Map, query: &str, filter: &Filter) -> Vec<Hit> {
    let words = words(query);
    let mut hits = Vec::new();
    let mut look = |item: ItemRef, fields: &[(&'static str, &str)], citations: &[Citation]| {
        if !filter.admits(map, &item) {
            return;
        }
        let quotes = citations.iter().flat_map(|citation| {
            let source = map.source(&citation.source);
            [("quote", citation.quote.as_str()), ("locator", citation.locator.as_deref().unwrap_or_default())]
                .into_iter()
                .chain(source.into_iter().flat_map(|source| {
                    [
                        ("source", source.title.as_str()),
                        ("source", source.author.as_str()),
                        ("source", source.outlet.as_str()),
                    ]
                }))
        });
        if let Some((field, snippet)) =
            fields.iter().copied().chain(quotes).find_map(|(field, text)| Some((field, matches(text, &words)?)))
        {
            hits.push(Hit { item, field, snippet });
        }
    };
    for claim in &map.claims {
        let tags = claim.tags.join(" ");
        let fields = [("text", claim.text.as_str()), ("detail", claim.detail.as_str()), ("tags", tags.as_str())];
        look(ItemRef::Claim(claim.id.clone()), &fields, &claim.citations);
    }
    for event in &map.events {
        let tags = event.tags.join(" ");
        let fields = [("title", event.title.as_str()), ("detail", event.detail.as_str()), ("tags", tags.as_str())];
        look(ItemRef::Event(event.id.clone()), &fields, &event.citations);
    }
    for link in &map.links {
        look(ItemRef::Link(link.id.clone()), &[("note", link.note.as_str())], &link.citations);
    }
    hits
}
