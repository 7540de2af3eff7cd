//! Consistency checks: things a careful analyst would want pointed out, each
//! naming the items to go to. None of them makes a map invalid.
//! - events without any citation;
//! - explanations with no evidence, or evidence on one side only;
//! - evidence used in a story step whose time window ends before it happened;
//! - citations of sources published before the event they are cited for;
//! - claims with the same text once case, spacing and punctuation are set aside.

use super::ach::evidence_date;
use crate::model::{ItemRef, LinkTo, Map, Relation};
use std::collections::HashMap;

/// What kind of finding it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Check {
    Uncited,
    NoEvidence,
    OneSided,
    StoryBeforeEvent,
    SourceBeforeEvent,
    DuplicateText,
}

/// One thing found, with the items it is about (the first is the one to go to).
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub check: Check,
    pub message: String,
    pub items: Vec<ItemRef>,
}

/// Every finding for `map`, check by check, in the order of the map.
pub fn run_checks(map: &Map) -> Vec<Finding> {
    let mut findings = Vec::new();
    uncited_events(map, &mut findings);
    unbalanced_explanations(map, &mut findings);
    story_before_event(map, &mut findings);
    sources_before_events(map, &mut findings);
    duplicate_claims(map, &mut findings);
    findings
}

fn uncited_events(map: &Map, findings: &mut Vec<Finding>) {
    for event in map.events.iter().filter(|event| event.citations.is_empty()) {
        findings.push(Finding {
            check: Check::Uncited,
            message: format!("“{}” cites no source", event.title),
            items: vec![ItemRef::Event(event.id.clone())],
        });
    }
}

fn unbalanced_explanations(map: &Map, findings: &mut Vec<Finding>) {
    for explanation in map.explanations() {
        let target = LinkTo::Claim(explanation.id.clone());
        let relations: Vec<Relation> =
            map.links.iter().filter(|link| link.to == target).map(|link| link.relation).collect();
        let item = ItemRef::Claim(explanation.id.clone());
        let (for_it, against) = (relations.contains(&Relation::Supports), relations.contains(&Relation::Opposes));
        let (check, message) = match (for_it, against) {
            (false, false) => (Check::NoEvidence, format!("“{}” has no evidence for or against it", explanation.text)),
            (true, false) => (Check::OneSided, format!("“{}” has evidence for it only", explanation.text)),
            (false, true) => (Check::OneSided, format!("“{}” has evidence against it only", explanation.text)),
            (true, true) => continue,
        };
        findings.push(Finding { check, message, items: vec![item] });
    }
}

fn story_before_event(map: &Map, findings: &mut Vec<Finding>) {
    for (index, step) in map.story.iter().enumerate() {
        let Some(window) = step.window else { continue };
        let window_end = window.end.last_day();
        for item in step.shows.iter().chain(&step.highlights) {
            let Some(date) = evidence_date(map, item) else { continue };
            if date > window_end {
                let name = map.title_of(item);
                findings.push(Finding {
                    check: Check::StoryBeforeEvent,
                    message: format!(
                        "story step {} (“{}”) ends {} but uses “{name}”, from {}",
                        index + 1,
                        step.title,
                        window.end.human(),
                        date.format("%-d %b %Y")
                    ),
                    items: vec![item.clone()],
                });
            }
        }
    }
}

fn sources_before_events(map: &Map, findings: &mut Vec<Finding>) {
    for event in &map.events {
        for citation in &event.citations {
            let Some(source) = map.source(&citation.source) else { continue };
            let Some(published) = source.date else { continue };
            if published.last_day() < event.date.first_day() {
                findings.push(Finding {
                    check: Check::SourceBeforeEvent,
                    message: format!(
                        "“{}” ({}) cites “{}”, published earlier ({})",
                        event.title,
                        event.date.human(),
                        source.title,
                        published.human()
                    ),
                    items: vec![ItemRef::Event(event.id.clone())],
                });
            }
        }
    }
}

/// Lowercase words, without punctuation: how two texts are compared for sameness.
pub fn normalised(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn duplicate_claims(map: &Map, findings: &mut Vec<Finding>) {
    let mut by_text: HashMap<String, Vec<ItemRef>> = HashMap::new();
    let mut order = Vec::new();
    for claim in &map.claims {
        let key = normalised(&claim.text);
        if key.is_empty() {
            continue;
        }
        let same = by_text.entry(key.clone()).or_default();
        if same.is_empty() {
            order.push((key, claim.text.clone()));
        }
        same.push(ItemRef::Claim(claim.id.clone()));
    }
    for (key, text) in order {
        let items = by_text.remove(&key).unwrap_or_default();
        if items.len() > 1 {
            findings.push(Finding {
                check: Check::DuplicateText,
                message: format!("{} claims say “{text}”", items.len()),
                items,
            });
        }
    }
}
