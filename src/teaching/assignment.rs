//! An assignment made from a map: a copy for students to complete and hand
//! back. The items chosen to hide are removed, with the links that touch
//! them (and the links onto those), so that students must rebuild them —
//! and `compare` on the key and the assignment reports exactly those as
//! missing. The matrix ratings are cleared (a cell is its link, so its link
//! goes, as clearing the cell in the window does). The story is kept: its
//! steps lose their references to what is gone. The map itself is not changed.

use super::links::matrix_cells;
use crate::edit::{EditError, commands};
use crate::model::{ItemRef, Map};

/// What the assignment leaves out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AssignmentOptions {
    /// Claims, events or links to remove.
    pub hide: Vec<ItemRef>,
    /// Whether the matrix ratings (the links that are its cells) go.
    pub clear_ratings: bool,
}

/// The students' copy of `map`.
pub fn assignment(map: &Map, options: &AssignmentOptions) -> Result<Map, EditError> {
    let mut gone = options.hide.clone();
    if options.clear_ratings {
        let cells = matrix_cells(map);
        gone.extend(
            map.links.iter().filter(|link| cells.contains(&link.id)).map(|link| ItemRef::Link(link.id.clone())),
        );
    }
    let mut copy = map.clone();
    for op in commands::removal(map, &gone, "Hide").ops {
        op.apply(&mut copy)?;
    }
    Ok(copy)
}

/// The items of `map` with these ids (claims, events or links), in the order given.
pub fn items_with_ids(map: &Map, ids: &[String]) -> Result<Vec<ItemRef>, String> {
    ids.iter()
        .map(|id| {
            map.items()
                .find(|item| item.slug() == id)
                .ok_or_else(|| format!("no claim, event or link of the map has the id \"{id}\""))
        })
        .collect()
}

/// How many matrix ratings clearing would take away.
pub fn rating_count(map: &Map) -> usize {
    matrix_cells(map).len()
}
