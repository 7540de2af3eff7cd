//! A component's drawing that its own re-layout gives back. Laying out a
//! drawing again from its places does not always give it back: crossing
//! reduction orders its layers by the links through dummies, the swap pass
//! ([`super::uncross`]) by the straight links, and the two can hand a few
//! boxes back and forth (the case study, from some starting places, cycles
//! through three drawings that differ in a dozen boxes, and each
//! re-alignment shifts half the drawing). Re-laying out from each result
//! until a drawing comes back finds that cycle, and the best drawing on it
//! — fewest crossings of the straight links, then the shortest links,
//! then the first in a fixed order — is kept: a tidy-up of that drawing
//! walks the same cycle and keeps it again, so tidying a tidy map moves
//! nothing, and a small edit moves only what it disturbs.

use crate::layout::count_crossings;
use crate::model::Position;
use std::cmp::Ordering;

/// Re-layouts tried at most before the last drawing is taken as it is.
const ROUNDS: usize = 8;
/// Drawings whose every centre is within this of the other's (canvas units) are the same.
const SAME: f32 = 0.01;

/// The best drawing on the cycle that `relayout` (a drawing laid out again
/// from its own centres) reaches from `first`, or the last drawing tried if
/// none comes back within `ROUNDS`. `edges` are the drawing's links.
pub fn settled(
    first: Vec<(f32, f32)>,
    edges: &[(usize, usize)],
    relayout: impl Fn(&[(f32, f32)]) -> Vec<(f32, f32)>,
) -> Vec<(f32, f32)> {
    let mut tried = vec![first];
    for _ in 0..ROUNDS {
        let next = relayout(tried.last().expect("one drawing at least"));
        if let Some(start) = tried.iter().position(|drawing| same(drawing, &next)) {
            return tried.drain(start..).min_by(|a, b| better(a, b, edges)).expect("a cycle holds a drawing");
        }
        tried.push(next);
    }
    tried.pop().expect("one drawing at least")
}

/// Whether two drawings are the same but for where they are placed.
fn same(a: &[(f32, f32)], b: &[(f32, f32)]) -> bool {
    from_corner(a).iter().zip(&from_corner(b)).all(|(p, q)| (p.0 - q.0).abs() < SAME && (p.1 - q.1).abs() < SAME)
}

/// Fewer crossings first, then shorter links, then the centres taken from
/// the drawing's low corner, compared in order.
fn better(a: &[(f32, f32)], b: &[(f32, f32)], edges: &[(usize, usize)]) -> Ordering {
    let figures = |drawing: &[(f32, f32)]| {
        let points: Vec<Position> = drawing.iter().map(|&(along, across)| Position::new(along, across)).collect();
        let length: f32 = edges
            .iter()
            .filter(|&&(u, v)| u < points.len() && v < points.len())
            .map(|&(u, v)| (points[u].x - points[v].x).hypot(points[u].y - points[v].y))
            .sum();
        (count_crossings(&points, edges), length)
    };
    let ((crossings_a, length_a), (crossings_b, length_b)) = (figures(a), figures(b));
    let lexical = || {
        let (a, b) = (from_corner(a), from_corner(b));
        a.iter().zip(&b).map(|(p, q)| p.0.total_cmp(&q.0).then(p.1.total_cmp(&q.1))).find(|o| o.is_ne())
    };
    crossings_a.cmp(&crossings_b).then(length_a.total_cmp(&length_b)).then_with(|| lexical().unwrap_or(Ordering::Equal))
}

/// The centres less the drawing's low corner, to compare drawings placed apart.
fn from_corner(drawing: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let low = drawing.iter().fold((f32::MAX, f32::MAX), |low, &(a, b)| (low.0.min(a), low.1.min(b)));
    drawing.iter().map(|&(a, b)| (a - low.0, b - low.1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Boxes 0 and 1 on top, 2 and 3 beneath, links 0–2 and 1–3: crossed
    /// unless 2 and 3 stand in the order of 0 and 1.
    fn drawing(beneath: [f32; 2]) -> Vec<(f32, f32)> {
        vec![(0.0, 0.0), (100.0, 0.0), (beneath[0], 100.0), (beneath[1], 100.0)]
    }

    const EDGES: [(usize, usize); 2] = [(0, 2), (1, 3)];

    #[test]
    fn every_drawing_on_a_cycle_settles_to_its_best() {
        let cycle = [drawing([100.0, 0.0]), drawing([0.0, 100.0]), drawing([150.0, -50.0])];
        let next = |d: &[(f32, f32)]| {
            let at = cycle.iter().position(|c| same(c, d)).expect("on the cycle");
            cycle[(at + 1) % cycle.len()].clone()
        };
        for start in &cycle {
            assert_eq!(settled(start.clone(), &EDGES, next), cycle[1], "from {start:?}");
        }
    }

    #[test]
    fn a_drawing_that_never_comes_back_is_taken_after_the_last_round() {
        let further = |d: &[(f32, f32)]| drawing([d[2].0 + 1000.0, d[3].0]);
        assert_eq!(settled(drawing([0.0, 100.0]), &EDGES, further), drawing([1000.0 * ROUNDS as f32, 100.0]));
    }
}
