//! The quote check: every citation of a map against its source's text.
//!
//! - **exact**: the quote stands at its anchor (or, not yet anchored, occurs once);
//! - **relocated**: the same words stand elsewhere — the anchor moves there;
//!   where they occur more than once, to the one whose context (the words
//!   either side) is nearest the anchor's, and the check says so;
//! - **ambiguous**: not anchored yet, and found more than once — never guessed;
//! - **changed**: the exact words are gone; the best fuzzy match is shown as a
//!   word-by-word diff;
//! - **not found**; **no text**: the source has no text attached, or it is missing.
//!
//! Runs of whitespace count as equal throughout: a quote whose words stand
//! in its source with a line break or two spaces between them where the
//! quote has one space is the same quote — a difference the analyst cannot
//! see is not a drifted quote.

use super::diff::{WordDiff, best_match};
use super::text::same_but_spacing;
use super::{LoadedTexts, SourceText};
use crate::model::{Anchor, Citation, ItemRef, Map};

/// Occurrences counted beyond this are not told apart.
const MAX_OCCURRENCES: usize = 1000;

/// What the check found for one citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteStatus {
    Exact,
    /// Found once, and the citation has no anchor yet.
    Unanchored,
    /// The same words, elsewhere; `occurrences` of them in the text.
    Relocated {
        occurrences: usize,
    },
    /// Not anchored yet, and found `occurrences` times.
    Ambiguous {
        occurrences: usize,
    },
    Changed {
        diff: WordDiff,
    },
    NotFound,
    NoText {
        reason: String,
    },
}

impl QuoteStatus {
    /// Whether the quote fails the check (`argline quotes` exits 1).
    pub fn is_problem(&self) -> bool {
        matches!(self, Self::Changed { .. } | Self::NotFound | Self::NoText { .. })
    }

    /// One word or two, for lists and the summary.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Unanchored => "not anchored",
            Self::Relocated { .. } => "relocated",
            Self::Ambiguous { .. } => "ambiguous",
            Self::Changed { .. } => "changed",
            Self::NotFound => "not found",
            Self::NoText { .. } => "no text",
        }
    }

    /// What a user should know, in a sentence (empty for an exact quote).
    pub fn explanation(&self) -> String {
        match self {
            Self::Exact => String::new(),
            Self::Unanchored => "found once in its source; attaching the texts anchors it".to_owned(),
            Self::Relocated { occurrences: 1 } => "found elsewhere in its source: the anchor moves there".to_owned(),
            Self::Relocated { occurrences } => format!(
                "found elsewhere in its source, {occurrences} times: the anchor moves to the one whose surrounding words match the old place best"
            ),
            Self::Ambiguous { occurrences } => format!(
                "found {occurrences} times in its source and not anchored: select the passage meant in the reader and cite it"
            ),
            Self::Changed { diff } if diff.only_punctuation_or_case_differs() => {
                format!("the same words, with other punctuation or capitals in the source: {diff}")
            }
            Self::Changed { diff } => format!("the source no longer has these exact words; nearest passage: {diff}"),
            Self::NotFound => "not found in its source, not even approximately".to_owned(),
            Self::NoText { reason } => reason.clone(),
        }
    }
}

/// A citation's check: its status and where its words stand now, when they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteCheck {
    pub status: QuoteStatus,
    /// The anchor the citation should have: its own when exact, the new one
    /// when relocated or first anchored, the fuzzy match's when changed.
    pub found: Option<Anchor>,
}

/// Checks `citation` against its source's `text`.
pub fn check_quote(text: &SourceText, citation: &Citation) -> QuoteCheck {
    let quote = citation.quote.as_str();
    if let Some(anchor) = &citation.anchor
        && text.slice_chars(anchor.start, anchor.end).is_some_and(|there| same_but_spacing(there, quote))
    {
        return QuoteCheck { status: QuoteStatus::Exact, found: Some(anchor.clone()) };
    }
    let occurrences = text.occurrences(quote, MAX_OCCURRENCES);
    match (&citation.anchor, occurrences.as_slice()) {
        (None, [only]) => QuoteCheck { status: QuoteStatus::Unanchored, found: Some(text.anchor_of(only.clone())) },
        (None, [_, _, ..]) => {
            QuoteCheck { status: QuoteStatus::Ambiguous { occurrences: occurrences.len() }, found: None }
        }
        (Some(old), [_, ..]) => {
            let candidates = occurrences.iter().map(|bytes| text.anchor_of(bytes.clone()));
            let nearest = candidates.max_by_key(|candidate| {
                (context_overlap(old, candidate), std::cmp::Reverse(candidate.start.abs_diff(old.start)))
            });
            QuoteCheck { status: QuoteStatus::Relocated { occurrences: occurrences.len() }, found: nearest }
        }
        (_, []) => {
            let near = citation.anchor.as_ref().and_then(|anchor| text.byte_of_char(anchor.start));
            match best_match(text.as_str(), quote, near) {
                Some((bytes, diff)) => {
                    QuoteCheck { status: QuoteStatus::Changed { diff }, found: Some(text.anchor_of(bytes)) }
                }
                None => QuoteCheck { status: QuoteStatus::NotFound, found: None },
            }
        }
    }
}

/// How many characters of the old context a candidate place keeps: the
/// prefixes' common end plus the suffixes' common start.
fn context_overlap(old: &Anchor, candidate: &Anchor) -> usize {
    let before = old.prefix.chars().rev().zip(candidate.prefix.chars().rev()).take_while(|(a, b)| a == b).count();
    let after = old.suffix.chars().zip(candidate.suffix.chars()).take_while(|(a, b)| a == b).count();
    before + after
}

/// One citation of a map, where it is, and its check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitationCheck {
    /// The event, claim or link that carries it.
    pub item: ItemRef,
    /// The map's list that item is in (`events`, `claims`, `links`) and its index there.
    pub section: &'static str,
    pub item_index: usize,
    /// Its index among the item's citations.
    pub citation_index: usize,
    pub check: QuoteCheck,
}

/// Every citation of `map` that quotes words, in the order of the file,
/// checked against `texts` (one that only points at a place, with no quote,
/// has nothing to check).
pub fn check_map(map: &Map, texts: &LoadedTexts) -> Vec<CitationCheck> {
    let events = map.events.iter().enumerate().map(|(i, e)| (ItemRef::Event(e.id.clone()), "events", i, &e.citations));
    let claims = map.claims.iter().enumerate().map(|(i, c)| (ItemRef::Claim(c.id.clone()), "claims", i, &c.citations));
    let links = map.links.iter().enumerate().map(|(i, l)| (ItemRef::Link(l.id.clone()), "links", i, &l.citations));
    let mut checks = Vec::new();
    for (item, section, item_index, citations) in events.chain(claims).chain(links) {
        for (citation_index, citation) in citations.iter().enumerate() {
            if citation.quote.trim().is_empty() {
                continue;
            }
            let check = match texts.text_of(&citation.source) {
                Ok(text) => check_quote(text, citation),
                Err(reason) => QuoteCheck { status: QuoteStatus::NoText { reason: reason.to_owned() }, found: None },
            };
            checks.push(CitationCheck { item: item.clone(), section, item_index, citation_index, check });
        }
    }
    checks
}

/// How many citations came out each way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub exact: usize,
    pub unanchored: usize,
    pub relocated: usize,
    pub ambiguous: usize,
    pub changed: usize,
    pub not_found: usize,
    pub no_text: usize,
}

impl Tally {
    pub fn of(checks: &[CitationCheck]) -> Self {
        let mut tally = Self::default();
        for check in checks {
            let count = match check.check.status {
                QuoteStatus::Exact => &mut tally.exact,
                QuoteStatus::Unanchored => &mut tally.unanchored,
                QuoteStatus::Relocated { .. } => &mut tally.relocated,
                QuoteStatus::Ambiguous { .. } => &mut tally.ambiguous,
                QuoteStatus::Changed { .. } => &mut tally.changed,
                QuoteStatus::NotFound => &mut tally.not_found,
                QuoteStatus::NoText { .. } => &mut tally.no_text,
            };
            *count += 1;
        }
        tally
    }

    pub fn has_problems(&self) -> bool {
        self.changed + self.not_found + self.no_text > 0
    }

    /// `12 quotes: 9 exact, 1 relocated, 1 changed, 1 without text` (kinds with none left out).
    pub fn summary(&self) -> String {
        let total = self.exact
            + self.unanchored
            + self.relocated
            + self.ambiguous
            + self.changed
            + self.not_found
            + self.no_text;
        let kinds = [
            (self.exact, "exact"),
            (self.unanchored, "not anchored yet"),
            (self.relocated, "relocated"),
            (self.ambiguous, "found more than once"),
            (self.changed, "changed"),
            (self.not_found, "not found"),
            (self.no_text, "without text"),
        ];
        let parts: Vec<String> =
            kinds.iter().filter(|(count, _)| *count > 0).map(|(count, name)| format!("{count} {name}")).collect();
        let quotes = if total == 1 { "quote" } else { "quotes" };
        if parts.is_empty() { format!("0 {quotes}") } else { format!("{total} {quotes}: {}", parts.join(", ")) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(words: &str) -> SourceText {
        SourceText::new(words.to_owned(), String::new())
    }

    fn anchored(text: &SourceText, quote: &str) -> Citation {
        let bytes = text.occurrences(quote, 1)[0].clone();
        Citation { anchor: Some(text.anchor_of(bytes)), ..Citation::new("s", quote) }
    }

    #[test]
    fn a_quote_at_its_anchor_is_exact_and_a_moved_one_relocated() {
        let original = text("First paragraph.\n\nThe deal was a start.\n\nLast paragraph.\n");
        let citation = anchored(&original, "The deal was a start.");
        assert_eq!(check_quote(&original, &citation).status, QuoteStatus::Exact);
        let moved = text("The deal was a start.\n\nFirst paragraph.\n\nLast paragraph.\n");
        let check = check_quote(&moved, &citation);
        assert_eq!(check.status, QuoteStatus::Relocated { occurrences: 1 });
        assert_eq!(check.found.map(|anchor| anchor.start), Some(0));
    }

    #[test]
    fn a_repeated_quote_moves_to_the_place_whose_context_matches_and_is_not_guessed_unanchored() {
        let original = text("Alpha says: it matters. Beta says: it matters.");
        let second = original.occurrences("it matters.", 5)[1].clone();
        let citation = Citation { anchor: Some(original.anchor_of(second)), ..Citation::new("s", "it matters.") };
        let shifted = text("Preface. Alpha says: it matters. Beta says: it matters.");
        let check = check_quote(&shifted, &citation);
        assert_eq!(check.status, QuoteStatus::Relocated { occurrences: 2 });
        let found = check.found.expect("an anchor");
        assert!(found.prefix.ends_with("Beta says: "), "{found:?}");
        let unanchored = check_quote(&shifted, &Citation::new("s", "it matters."));
        assert_eq!(unanchored, QuoteCheck { status: QuoteStatus::Ambiguous { occurrences: 2 }, found: None });
    }

    #[test]
    fn a_changed_word_gives_a_diff_and_missing_words_are_not_found() {
        let original = text("They agreed that neither government will conduct such theft.");
        let citation = anchored(&original, "neither government will conduct such theft.");
        let edited = text("They agreed that neither government will support such theft.");
        let QuoteStatus::Changed { diff } = check_quote(&edited, &citation).status else { panic!("changed") };
        assert_eq!(diff.to_string(), "neither government will [-conduct-] {+support+} such theft.");
        let gone = text("Something else entirely.");
        assert_eq!(check_quote(&gone, &citation).status, QuoteStatus::NotFound);
    }

    #[test]
    fn a_quote_on_one_line_is_exact_in_a_text_hard_wrapped_across_two() {
        let wrapped = text(
            "Intro.\nA second possibility is that China made a major concession in response\nto the threat of U.S.  sanctions.\n",
        );
        let quote =
            "A second possibility is that China made a major concession in response to the threat of U.S. sanctions.";
        let first = check_quote(&wrapped, &Citation::new("s", quote));
        assert_eq!(first.status, QuoteStatus::Unanchored);
        let anchor = first.found.expect("found across the line break");
        assert_eq!(
            wrapped.slice_chars(anchor.start, anchor.end).map(|words| words.ends_with("U.S.  sanctions.")),
            Some(true)
        );
        let anchored = Citation { anchor: Some(anchor), ..Citation::new("s", quote) };
        assert_eq!(check_quote(&wrapped, &anchored).status, QuoteStatus::Exact);
        let run_together = "A second possibility is that China made a major concession in responseto the threat";
        assert_ne!(check_quote(&wrapped, &Citation::new("s", run_together)).status, QuoteStatus::Unanchored);
    }

    #[test]
    fn a_citation_without_a_quote_is_not_checked() {
        let mut map = Map::default();
        let date = crate::model::Date::parse("2015").expect("a date");
        let mut event = crate::model::Event::new("e", date, "An event", "lane".into());
        event.citations = vec![Citation::new("record", ""), Citation::new("record", "words it says")];
        map.events.push(event);
        let checks = check_map(&map, &LoadedTexts::default());
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].citation_index, 1);
    }

    #[test]
    fn the_summary_names_only_kinds_that_occur() {
        let tally = Tally { exact: 3, changed: 1, ..Tally::default() };
        assert_eq!(tally.summary(), "4 quotes: 3 exact, 1 changed");
        assert!(tally.has_problems());
        assert!(!Tally { relocated: 2, ..Tally::default() }.has_problems());
    }
}
