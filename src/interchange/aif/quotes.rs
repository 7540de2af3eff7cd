//! The dialogue side of an AIF file: what a locution (L-node) says, tied by
//! an illocution (YA-node) to the I-node it asserts, becomes a quote that the
//! I-node's claim cites — the words of its span in the analysed text when the
//! file has one (with the span's anchor), else the locution's own text, its
//! speaker as the locator. An I-node with a span of its own (OVA's analyses
//! without dialogue) cites that span. The quotes cite one source: the
//! analysed text. The dialogue nodes themselves are listed as skipped; the
//! ones Argline wrote for its own quotes are read back from `argline`.

use super::read::{Item, Reader};
use super::schema::{AifId, Locution, NodeType, Participant};
use super::text::AnalysedText;
use crate::import::builder::MapBuilder;
use crate::model::{Anchor, Citation, ClaimId, Source, SourceId};
use crate::sources::CONTEXT_CHARS;
use std::collections::HashMap;

/// The name of the speaker of each locution.
pub fn speaker_names<'a>(locutions: &'a [Locution], participants: &[Participant]) -> HashMap<&'a AifId, String> {
    let names: HashMap<&AifId, String> = participants
        .iter()
        .map(|p| {
            // Argument-mining tools write "None" for a name part they do not know.
            let parts = [p.firstname.trim(), p.surname.trim()];
            (&p.participant_id, parts.into_iter().filter(|part| *part != "None").collect::<Vec<_>>().join(" "))
        })
        .collect();
    locutions
        .iter()
        .filter_map(|locution| Some((&locution.node_id, names.get(locution.person_id.as_ref()?)?.clone())))
        .filter(|(_, name)| !name.is_empty())
        .collect()
}

pub struct QuoteReader<'r, 'a> {
    pub reader: &'r mut Reader<'a>,
    pub analysed: &'r AnalysedText,
    pub speakers: &'r HashMap<&'a AifId, String>,
}

impl<'a> QuoteReader<'_, 'a> {
    /// Adds the quotes to the claims, and lists the dialogue nodes.
    pub fn add(mut self, builder: &mut MapBuilder, items: &HashMap<&'a AifId, Item>) {
        let mut source: Option<SourceId> = None;
        let nodes = self.reader.nodes;
        for (index, node) in nodes.iter().enumerate() {
            if self.reader.index.get(&node.node_id) != Some(&index) {
                continue;
            }
            let written_by_argline = self.reader.extra(&node.node_id).is_some_and(|extra| extra.quote);
            let node_type = NodeType::of(&node.node_type);
            let quoted = match node_type {
                NodeType::I if self.reader.extra(&node.node_id).is_none() => {
                    let claim = claim_of(items.get(&node.node_id));
                    if let (Some(claim), Some(quote)) = (claim, self.span_quote(&node.node_id, None)) {
                        self.cite(builder, &mut source, &claim, quote);
                    }
                    continue;
                }
                NodeType::Ya if !written_by_argline => self.asserted(builder, &mut source, &node.node_id, items),
                NodeType::I | NodeType::Ra | NodeType::Ca | NodeType::Ma | NodeType::Ya | NodeType::L => continue,
                NodeType::Ta | NodeType::Other => Vec::new(),
            };
            let message = match (node_type, quoted.as_slice()) {
                (NodeType::Ya, []) => "an illocution: it asserts nothing the map holds".to_owned(),
                (NodeType::Ya, claims) => format!("an illocution: the locution is quoted by {}", names(claims)),
                (NodeType::Ta, _) => "a transition between locutions: dialogue has no place in a map".to_owned(),
                _ => "a scheme a map has no place for".to_owned(),
            };
            self.reader.notice(index, format!("skipped: {}-node \"{}\" ({message})", node.node_type, node.node_id.0));
        }
        for (index, node) in nodes.iter().enumerate() {
            let is_locution = NodeType::of(&node.node_type) == NodeType::L;
            if is_locution && !self.reader.extra(&node.node_id).is_some_and(|extra| extra.quote) {
                let message =
                    format!("skipped: L-node \"{}\" (a locution: what was said, kept as quotes)", node.node_id.0);
                self.reader.notice(index, message);
            }
        }
    }

    /// The quotes an illocution makes: each locution into it, cited by each claim out of it.
    fn asserted(
        &mut self,
        builder: &mut MapBuilder,
        source: &mut Option<SourceId>,
        illocution: &AifId,
        items: &HashMap<&'a AifId, Item>,
    ) -> Vec<ClaimId> {
        let locutions: Vec<&AifId> =
            self.reader.premises(illocution).filter(|id| self.reader.node_type(id) == Some(NodeType::L)).collect();
        let claims: Vec<ClaimId> =
            self.reader.conclusions(illocution).filter_map(|id| claim_of(items.get(id))).collect();
        for locution in locutions {
            let Some(quote) = self.locution_quote(locution) else { continue };
            for claim in &claims {
                self.cite(builder, source, claim, quote.clone());
            }
        }
        claims
    }

    /// What locution `id` says: its span's words, else its text without the speaker's name.
    fn locution_quote(&self, id: &AifId) -> Option<Citation> {
        let speaker = self.speakers.get(id);
        if let Some(quote) = self.span_quote(id, speaker) {
            return Some(quote);
        }
        let text = self.reader.index.get(id).map(|&at| self.reader.nodes[at].text.trim())?;
        let said =
            speaker.and_then(|name| text.strip_prefix(name.as_str())?.trim_start().strip_prefix(':')).unwrap_or(text);
        let said = said.trim();
        (!said.is_empty())
            .then(|| Citation { locator: speaker.map(|name| format!("said by {name}")), ..Citation::new("", said) })
    }

    /// The words of node `id`'s span in the analysed text, with their anchor.
    fn span_quote(&self, id: &AifId, speaker: Option<&String>) -> Option<Citation> {
        let span = self.analysed.span_of(&id.0)?;
        let words = self.analysed.words(span).trim();
        if words.is_empty() {
            return None;
        }
        let (prefix, suffix) = self.analysed.context(span, CONTEXT_CHARS);
        let anchor = Anchor { start: span.chars.start, end: span.chars.end, prefix, suffix };
        // A span with spaces around its words: the anchor is the span's, the quote its words.
        let anchor = (words.len() == self.analysed.words(span).len()).then_some(anchor);
        Some(Citation { locator: speaker.map(|name| format!("said by {name}")), anchor, ..Citation::new("", words) })
    }

    fn cite(&mut self, builder: &mut MapBuilder, source: &mut Option<SourceId>, claim: &ClaimId, quote: Citation) {
        let source = source.get_or_insert_with(|| analysed_source(builder, &self.reader.file.ova.url)).clone();
        let Some(claim) = builder.claim_mut(claim) else {
            return;
        };
        if !claim.citations.iter().any(|c| c.quote == quote.quote) {
            claim.citations.push(Citation { source, ..quote });
        }
    }
}

fn claim_of(item: Option<&Item>) -> Option<ClaimId> {
    match item {
        Some(Item::Claim(id)) => Some(id.clone()),
        _ => None,
    }
}

fn names(claims: &[ClaimId]) -> String {
    claims.iter().map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ")
}

/// The source the quotes of a file cite: the text its analysts read.
fn analysed_source(builder: &mut MapBuilder, url: &str) -> SourceId {
    let id = SourceId::new(builder.unique_id("analysed-text", "source"));
    builder.add_source(Source {
        id: id.clone(),
        title: "The text analysed in the AIF file".to_owned(),
        author: String::new(),
        outlet: String::new(),
        date: None,
        url: url.trim().to_owned(),
        text: None,
    });
    id
}
