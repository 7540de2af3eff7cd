//! Deterministic synthetic maps of any size, for benchmarks and tests: valid,
//! with lanes, sources, dated events (some spans), claims laid out on a grid,
//! and links between them; and a tree of reasons as Argdown text, to import.
//! The same parameters always give the same map.

use crate::model::{
    Citation, Claim, ClaimKind, Date, Event, Lane, Link, LinkFrom, LinkTo, Map, Meta, Position, Relation, Rgb, Source,
    Strength,
};
use std::collections::HashSet;

/// The size and seed of a synthetic map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GenerateParams {
    pub claims: usize,
    pub links: usize,
    pub events: usize,
    pub seed: u64,
}

/// SplitMix64: tiny, fast, and fixed forever, so generated maps never change
/// between builds (a general-purpose RNG crate may change its algorithm).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    fn below(&mut self, bound: usize) -> usize {
        if bound == 0 { 0 } else { (self.next() % bound as u64) as usize }
    }
}

const LANE_COLORS: [[u8; 3]; 6] = [
    [0x3b, 0x7d, 0xd8],
    [0xd6, 0x4b, 0x3c],
    [0x2e, 0x9e, 0x6b],
    [0x9b, 0x59, 0xb6],
    [0xe0, 0x8e, 0x1b],
    [0x5d, 0x6d, 0x7e],
];

/// A synthetic map of the given size. Links are capped at the number of
/// distinct (from, to) pairs the claims and events allow.
pub fn generate(params: GenerateParams) -> Map {
    let mut rng = SplitMix64(params.seed);
    let lanes: Vec<Lane> = LANE_COLORS
        .iter()
        .enumerate()
        .map(|(i, rgb)| Lane { id: format!("lane-{i}").into(), name: format!("Lane {}", i + 1), color: Rgb(*rgb) })
        .collect();
    let sources: Vec<Source> = (0..10)
        .map(|i| Source {
            id: format!("source-{i}").into(),
            title: format!("Synthetic source {i}"),
            author: format!("Author {i}"),
            outlet: "Generated".to_owned(),
            date: Some(Date::year(2000 + i)),
            url: String::new(),
            text: None,
        })
        .collect();
    let citation = |rng: &mut SplitMix64, n: usize| Citation {
        source: sources[rng.below(sources.len())].id.clone(),
        quote: format!("Generated quote number {n}."),
        locator: None,
        anchor: None,
    };
    let events: Vec<Event> = (0..params.events)
        .map(|i| {
            let start = Date::day(2000 + rng.below(20) as i32, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
            let end = (i % 10 == 0).then(|| {
                Date::from_naive(start.first_day() + chrono::Days::new(30 + rng.below(300) as u64), start.precision())
            });
            Event {
                end,
                citations: if i % 3 == 0 { vec![citation(&mut rng, i)] } else { vec![] },
                ..Event::new(
                    format!("event-{i}"),
                    start,
                    format!("Generated event {i}"),
                    lanes[i % lanes.len()].id.clone(),
                )
            }
        })
        .collect();
    let explanations = params.claims.div_ceil(20);
    let columns = (params.claims as f64).sqrt().ceil().max(1.0) as usize;
    let claims: Vec<Claim> = (0..params.claims)
        .map(|i| {
            let kind = if i < explanations {
                ClaimKind::Explanation
            } else {
                [ClaimKind::Claim, ClaimKind::Objection, ClaimKind::Question][i % 3]
            };
            let text = format!("Generated claim {i}: a statement long enough to wrap onto a second line of its card.");
            let position = Position::new((i % columns) as f32 * 300.0, (i / columns) as f32 * 180.0);
            Claim {
                citations: if i % 4 == 0 { vec![citation(&mut rng, i)] } else { vec![] },
                ..Claim::new(format!("claim-{i}"), kind, text, position)
            }
        })
        .collect();
    let links = generate_links(&mut rng, params, &events, &claims);
    Map {
        meta: Meta {
            title: format!("Generated map ({} claims, {} links, {} events)", claims.len(), links.len(), events.len()),
            summary: format!("A synthetic map from seed {}.", params.seed),
            authors: vec!["argline generate".to_owned()],
            license: String::new(),
        },
        sources,
        lanes,
        events,
        claims,
        links,
        ..Map::default()
    }
}

/// Argdown text of a tree of `statements` statements (at least one), each
/// indented under the one it supports (`+`) or attacks (`-`): a main claim,
/// then every statement under one of the few dozen before it.
pub fn argdown_tree(statements: usize, seed: u64) -> String {
    let mut rng = SplitMix64(seed);
    let statements = statements.max(1);
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); statements];
    for statement in 1..statements {
        let parent = statement - 1 - rng.below(statement.min(40));
        children[parent].push(statement);
    }
    let mut text = String::from("===\ntitle: A generated tree of reasons\n===\n\n");
    let mut stack = vec![(0usize, 0usize)];
    while let Some((statement, depth)) = stack.pop() {
        let relation = match depth {
            0 => "",
            _ if rng.below(4) == 0 => "- ",
            _ => "+ ",
        };
        text.push_str(&format!(
            "{}{relation}[s{statement}]: Statement {statement}, a reason given for the one above it.\n",
            "  ".repeat(depth)
        ));
        stack.extend(children[statement].iter().rev().map(|&child| (child, depth + 1)));
    }
    text
}

fn generate_links(rng: &mut SplitMix64, params: GenerateParams, events: &[Event], claims: &[Claim]) -> Vec<Link> {
    if claims.is_empty() {
        return Vec::new();
    }
    let possible = claims.len() * (claims.len() - 1) / 2 + events.len() * claims.len();
    let wanted = params.links.min(possible);
    let mut joined: HashSet<(usize, usize, bool)> = HashSet::with_capacity(wanted);
    let mut links = Vec::with_capacity(wanted);
    let mut attempts = 0usize;
    while links.len() < wanted && attempts < wanted.saturating_mul(20).max(1000) {
        attempts += 1;
        let from_event = !events.is_empty() && (claims.len() < 2 || rng.below(10) < 3);
        let from = if from_event { rng.below(events.len()) } else { 1 + rng.below(claims.len() - 1) };
        // Claims bear on claims before them, so the graph reads top-down.
        let to = if from_event { rng.below(claims.len()) } else { rng.below(from) };
        if !joined.insert((from, to, from_event)) {
            continue;
        }
        let n = links.len();
        links.push(Link {
            id: format!("link-{n}").into(),
            from: if from_event {
                LinkFrom::Event(events[from].id.clone())
            } else {
                LinkFrom::Claim(claims[from].id.clone())
            },
            to: LinkTo::Claim(claims[to].id.clone()),
            relation: [Relation::Supports, Relation::Supports, Relation::Opposes][rng.below(3)],
            strength: Strength::ALL[rng.below(3)],
            note: String::new(),
            citations: vec![],
        });
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::validate;

    #[test]
    fn generated_maps_are_valid_deterministic_and_sized() {
        let params = GenerateParams { claims: 200, links: 400, events: 80, seed: 7 };
        let map = generate(params);
        assert_eq!(validate(&map), vec![]);
        assert_eq!((map.claims.len(), map.links.len(), map.events.len()), (200, 400, 80));
        assert_eq!(map, generate(params));
        assert_ne!(map, generate(GenerateParams { seed: 8, ..params }));
    }

    #[test]
    fn tiny_maps_cap_their_links() {
        let map = generate(GenerateParams { claims: 2, links: 50, events: 0, seed: 1 });
        assert_eq!(map.links.len(), 1);
        assert_eq!(validate(&map), vec![]);
        assert!(generate(GenerateParams { claims: 0, links: 5, events: 3, seed: 1 }).links.is_empty());
    }
}
