//! How many of each thing a map holds: for `argline stats` and the status bar.

use super::Map;

/// The counts `argline stats` prints, one `name: value` line each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub events: usize,
    pub spans: usize,
    pub lanes: usize,
    pub sources: usize,
    pub claims: usize,
    pub explanations: usize,
    pub links: usize,
    pub citations: usize,
    pub story_steps: usize,
}

impl Counts {
    pub fn of(map: &Map) -> Self {
        let citations = map.events.iter().map(|e| e.citations.len()).sum::<usize>()
            + map.claims.iter().map(|c| c.citations.len()).sum::<usize>()
            + map.links.iter().map(|l| l.citations.len()).sum::<usize>();
        Self {
            events: map.events.len(),
            spans: map.events.iter().filter(|event| event.is_span()).count(),
            lanes: map.lanes.len(),
            sources: map.sources.len(),
            claims: map.claims.len(),
            explanations: map.explanations().count(),
            links: map.links.len(),
            citations,
            story_steps: map.story.len(),
        }
    }

    /// `(name, value)` pairs in the order they are printed.
    pub fn rows(&self) -> [(&'static str, usize); 9] {
        [
            ("events", self.events),
            ("spans", self.spans),
            ("lanes", self.lanes),
            ("sources", self.sources),
            ("claims", self.claims),
            ("explanations", self.explanations),
            ("links", self.links),
            ("citations", self.citations),
            ("story_steps", self.story_steps),
        ]
    }
}
