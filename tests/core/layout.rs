//! "Tidy up" on real maps (the sample maps and generated ones): no two cards
//! or chips overlap, pinned claims stay, every link's target is laid out
//! before its start, the same map always gives the same drawing, a small
//! edit moves little else, and crossings are counted as drawn.

use argline::format::load_file;
use argline::generate::{GenerateParams, generate};
use argline::layout::{
    Direction, LayeredOptions, LayoutChoice, MapSizes, Moves, count_crossings, layered, map_graph, tidy_up,
};
use argline::model::{Claim, ClaimKind, ItemRef, Link, LinkFrom, LinkTo, Map, Position, Relation, Strength};
use std::path::Path;

fn sample(name: &str) -> Map {
    load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps").join(name))
        .unwrap_or_else(|error| panic!("{error}"))
}

fn generated(claims: usize) -> Map {
    generate(GenerateParams { claims, links: 2 * claims, events: 2 * claims / 5, seed: 3 })
}

fn tidied(mut map: Map, options: &LayeredOptions) -> Map {
    tidy_up(&map, &MapSizes::estimate(&map), None, options).apply(&mut map);
    map
}

/// Every card and chip on the map: its item, centre and size.
fn boxes(map: &Map) -> Vec<(ItemRef, Position, (f32, f32))> {
    let (graph, items) = map_graph(map, &MapSizes::estimate(map), None);
    items.into_iter().zip(graph.nodes).map(|(item, node)| (item, node.position, (node.width, node.height))).collect()
}

fn assert_no_overlaps(map: &Map) {
    let boxes = boxes(map);
    for (i, (a, pa, sa)) in boxes.iter().enumerate() {
        for (b, pb, sb) in &boxes[i + 1..] {
            let apart_x = (pa.x - pb.x).abs() >= (sa.0 + sb.0) / 2.0 - 0.01;
            let apart_y = (pa.y - pb.y).abs() >= (sa.1 + sb.1) / 2.0 - 0.01;
            assert!(apart_x || apart_y, "{a} at {pa:?} overlaps {b} at {pb:?}");
        }
    }
}

fn position_of(map: &Map, item: &ItemRef) -> Position {
    match item {
        ItemRef::Claim(id) => map.claims.iter().find(|c| &c.id == id).map(|c| c.position),
        ItemRef::Event(id) => map.events.iter().find(|e| &e.id == id).and_then(|e| e.position),
        ItemRef::Link(_) => None,
    }
    .unwrap_or_else(|| panic!("{item} has no position"))
}

/// The claim a link ends at, following links onto links.
fn target_claim(map: &Map, link: &Link) -> ItemRef {
    let mut to = &link.to;
    while let LinkTo::Link(id) = to {
        to = &map.links.iter().find(|l| &l.id == id).expect("a known link").to;
    }
    match to {
        LinkTo::Claim(id) => ItemRef::Claim(id.clone()),
        LinkTo::Link(_) => unreachable!("the loop ends on a claim"),
    }
}

fn start_of(link: &Link) -> ItemRef {
    match &link.from {
        LinkFrom::Claim(id) => ItemRef::Claim(id.clone()),
        LinkFrom::Event(id) => ItemRef::Event(id.clone()),
    }
}

#[test]
fn no_two_cards_or_chips_overlap() {
    for map in [sample("us_china_cyber_2013_2015.ron"), sample("tutorial.ron"), generated(300)] {
        for direction in [Direction::Down, Direction::Right] {
            let options = LayeredOptions { direction, ..LayeredOptions::default() };
            assert_no_overlaps(&tidied(map.clone(), &options));
        }
    }
}

#[test]
fn every_link_starts_below_the_claim_it_bears_on() {
    for map in [sample("us_china_cyber_2013_2015.ron"), generated(300)] {
        let down = tidied(map.clone(), &LayeredOptions::default());
        let right = tidied(map, &LayeredOptions { direction: Direction::Right, ..LayeredOptions::default() });
        for link in down.links.iter().filter(|link| link.relation != Relation::Neutral) {
            let (start, target) = (start_of(link), target_claim(&down, link));
            assert!(position_of(&down, &start).y > position_of(&down, &target).y, "{} in down", link.id);
            assert!(position_of(&right, &start).x > position_of(&right, &target).x, "{} in right", link.id);
        }
    }
}

#[test]
fn pinned_claims_stay_and_the_rest_clear_them() {
    let mut map = sample("us_china_cyber_2013_2015.ron");
    for claim in map.claims.iter_mut().step_by(6) {
        claim.pinned = true;
    }
    map.claims[0].position = Position::new(400.0, 250.0);
    let before = map.clone();
    let after = tidied(map, &LayeredOptions::default());
    for (old, new) in before.claims.iter().zip(&after.claims) {
        if old.pinned {
            assert_eq!(old.position, new.position, "{} moved", old.id);
        }
    }
    assert!(before.claims.iter().zip(&after.claims).any(|(old, new)| old.position != new.position));
    assert_no_overlaps(&after);
}

#[test]
fn a_selection_moves_only_itself_and_clears_the_rest() {
    let map = tidied(sample("us_china_cyber_2013_2015.ron"), &LayeredOptions::default());
    let selection: Vec<ItemRef> = map.claims[..8].iter().map(|claim| ItemRef::Claim(claim.id.clone())).collect();
    let mut shuffled = map.clone();
    for (index, claim) in shuffled.claims[..8].iter_mut().enumerate() {
        claim.position = Position::new(100.0 * index as f32, 40.0 * index as f32);
    }
    let moves = tidy_up(&shuffled, &MapSizes::estimate(&shuffled), Some(&selection), &LayeredOptions::default());
    assert!(moves.events.is_empty());
    assert!(moves.claims.iter().all(|(id, _)| selection.contains(&ItemRef::Claim(id.clone()))), "{moves:?}");
    moves.apply(&mut shuffled);
    assert_no_overlaps(&shuffled);
}

#[test]
fn the_same_map_always_gives_the_same_drawing() {
    let map = generated(400);
    let sizes = MapSizes::estimate(&map);
    let first = tidy_up(&map, &sizes, None, &LayeredOptions::default());
    assert_eq!(first, tidy_up(&map, &sizes, None, &LayeredOptions::default()));
    assert!(!first.is_empty());
}

#[test]
fn tidying_a_tidy_map_moves_nothing() {
    // Hand-sized maps settle (see `layered`); large random graphs may not.
    for map in [sample("us_china_cyber_2013_2015.ron"), sample("tutorial.ron")] {
        let tidy = tidied(map, &LayeredOptions::default());
        assert_eq!(tidy_up(&tidy, &MapSizes::estimate(&tidy), None, &LayeredOptions::default()), Moves::default());
    }
}

/// The case study laid out from three starting places: as shipped (Tidy up
/// aimed at 9:5), and as Tidy up leaves it aimed at the window's shape and
/// at 3:2 (only the positions differ).
fn case_study_starts() -> [Map; 3] {
    let shipped = sample("us_china_cyber_2013_2015.ron");
    let at_the_windows_shape = tidied(shipped.clone(), &LayeredOptions::default());
    let at_3_2 = tidied(shipped.clone(), &LayeredOptions { aspect: Some(1.5), ..LayeredOptions::default() });
    [shipped, at_the_windows_shape, at_3_2]
}

#[test]
fn a_small_edit_moves_little_else() {
    // Promised by the plain layered layout; the screen-shaped layouts deal
    // and swap boxes afresh and do not keep it yet.
    let plain = LayeredOptions { choice: LayoutChoice::Layered, aspect: None, ..LayeredOptions::default() };
    for (start, map) in case_study_starts().into_iter().enumerate() {
        let tidy = tidied(map, &plain);
        let again = tidy_up(&tidy, &MapSizes::estimate(&tidy), None, &plain);
        assert_eq!(again, Moves::default(), "start {start}: tidying the tidy map moved boxes");
        let mut edited = tidy.clone();
        let target = edited.claims[10].clone();
        edited.claims.push(Claim::new(
            "new-reason",
            ClaimKind::Claim,
            "A new reason added after the tidy-up",
            Position::new(target.position.x, target.position.y + 150.0),
        ));
        edited.links.push(Link {
            id: "new-link".into(),
            from: LinkFrom::Claim("new-reason".into()),
            to: LinkTo::Claim(target.id.clone()),
            relation: Relation::Supports,
            strength: Strength::Moderate,
            note: String::new(),
            citations: vec![],
        });
        let moves = tidy_up(&edited, &MapSizes::estimate(&edited), None, &plain);
        let moved_before =
            moves.claims.iter().filter(|(id, _)| id.as_str() != "new-reason").count() + moves.events.len();
        let everything = tidy.claims.len() + tidy.events.iter().filter(|e| e.position.is_some()).count();
        assert!(moved_before * 6 <= everything, "start {start}: {moved_before} of {everything} moved: {moves:?}");
    }
}

#[test]
fn a_tree_is_drawn_without_crossings_and_a_crossed_pair_is_counted() {
    let tutorial_tree = {
        let node = layered::NodeBox { width: 200.0, height: 60.0, position: Position::default(), pinned: false };
        let edges = vec![(0, 1), (0, 2), (0, 3), (1, 4), (1, 5), (2, 6), (3, 7), (3, 8), (3, 9), (6, 10)];
        layered::LayoutGraph { nodes: vec![node; 11], edges }
    };
    let positions = layered::layout(&tutorial_tree, &LayeredOptions::default());
    assert_eq!(count_crossings(&positions, &tutorial_tree.edges), 0, "{positions:?}");
    let crossed =
        [Position::new(0.0, 0.0), Position::new(100.0, 0.0), Position::new(0.0, 100.0), Position::new(100.0, 100.0)];
    assert_eq!(count_crossings(&crossed, &[(0, 3), (1, 2)]), 1);
}

#[test]
fn a_scrambled_case_study_crosses_less_after_tidying() {
    let mut map = sample("us_china_cyber_2013_2015.ron");
    // The cards dealt to one another's places, as a hand layout gone wrong.
    let mut places: Vec<Position> = map.claims.iter().map(|claim| claim.position).collect();
    places.reverse();
    for (claim, place) in map.claims.iter_mut().zip(places) {
        claim.position = place;
    }
    let crossings = |map: &Map| {
        let (graph, _) = map_graph(map, &MapSizes::estimate(map), None);
        count_crossings(&graph.nodes.iter().map(|n| n.position).collect::<Vec<_>>(), &graph.edges)
    };
    let (before, after) = (crossings(&map), crossings(&tidied(map, &LayeredOptions::default())));
    assert!(after < before, "{before} crossings before, {after} after");
}
