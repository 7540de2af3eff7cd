//! A small layered layout for imported claims: the claims that others bear on
//! sit in the top row, each claim one row below the highest claim it bears
//! on and as near as there is room beneath the claims it bears on (a wide
//! row wraps). Kept private to the importers so that the
//! proper layered layout (`layout/`) can replace it.

use crate::model::{ClaimId, LinkFrom, LinkTo, Map, Position};
use std::collections::{HashMap, HashSet};

const COLUMN_SPACING: f32 = 320.0;
const ROW_SPACING: f32 = 200.0;
const MAX_COLUMNS: usize = 8;

/// Gives every claim in `unplaced` a position; others keep theirs.
pub fn place(map: &mut Map, unplaced: &HashSet<ClaimId>) {
    if unplaced.is_empty() {
        return;
    }
    let edges = claim_edges(map);
    // Row = longest path to a claim that bears on nothing; bounded, so that cycles end.
    let mut rows = vec![0usize; map.claims.len()];
    for _ in 0..map.claims.len() {
        let mut changed = false;
        for &(from, to) in &edges {
            if rows[from] < rows[to] + 1 {
                rows[from] = rows[to] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut by_row: Vec<Vec<usize>> = Vec::new();
    for (claim_index, claim) in map.claims.iter().enumerate() {
        if unplaced.contains(&claim.id) {
            let row = rows[claim_index].min(1_000);
            if by_row.len() <= row {
                by_row.resize(row + 1, Vec::new());
            }
            by_row[row].push(claim_index);
        }
    }
    // Row by row from the top, each under the claims it bears on (their mean
    // x), so that arrows cross less; a wide row wraps onto lines of at most
    // MAX_COLUMNS, so that the map stays readable.
    let mut line = 0;
    for row in &by_row {
        let under = |claim: usize| {
            let xs: Vec<f32> = edges
                .iter()
                .filter(|(from, to)| *from == claim && rows[*to] < rows[claim])
                .filter_map(|(_, to)| map.claims.get(*to).map(|target| target.position.x))
                .collect();
            if xs.is_empty() { f32::INFINITY } else { xs.iter().sum::<f32>() / xs.len() as f32 }
        };
        let mut keyed: Vec<(f32, usize)> = row.iter().map(|&claim| (under(claim), claim)).collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
        for claims in keyed.chunks(MAX_COLUMNS) {
            let centred_left = -(claims.len().saturating_sub(1) as f32) * COLUMN_SPACING / 2.0;
            let wanted: Vec<f32> = claims
                .iter()
                .enumerate()
                .map(|(column, (x, _))| if x.is_finite() { *x } else { centred_left + column as f32 * COLUMN_SPACING })
                .collect();
            // Pushed apart left to right, then shifted back so that the row
            // stays centred on where its claims want to be.
            let mut placed: Vec<f32> = Vec::with_capacity(wanted.len());
            for &x in &wanted {
                placed.push(placed.last().map_or(x, |&previous| x.max(previous + COLUMN_SPACING)));
            }
            let shift = (wanted.iter().sum::<f32>() - placed.iter().sum::<f32>()) / placed.len().max(1) as f32;
            for (&(_, claim_index), x) in claims.iter().zip(placed) {
                if let Some(claim) = map.claims.get_mut(claim_index) {
                    claim.position = Position::new(x + shift, line as f32 * ROW_SPACING);
                }
            }
            line += 1;
        }
    }
}

/// (from, to) claim indices of every link between claims; a link onto a link
/// counts as bearing on the claim that link ends at.
fn claim_edges(map: &Map) -> Vec<(usize, usize)> {
    let index: HashMap<&str, usize> = map.claims.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let link_target: HashMap<&str, &LinkTo> = map.links.iter().map(|link| (link.id.as_str(), &link.to)).collect();
    let target_claim = |first: &LinkTo| -> Option<usize> {
        let mut to = first;
        for _ in 0..=map.links.len() {
            match to {
                LinkTo::Claim(id) => return index.get(id.as_str()).copied(),
                LinkTo::Link(id) => to = link_target.get(id.as_str())?,
            }
        }
        None
    };
    map.links
        .iter()
        .filter_map(|link| match &link.from {
            LinkFrom::Claim(from) => Some((*index.get(from.as_str())?, target_claim(&link.to)?)),
            LinkFrom::Event(_) => None,
        })
        .filter(|(from, to)| from != to)
        .collect()
}
