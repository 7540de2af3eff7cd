//! A conflict's versions side by side, as a person reads them: for each field
//! changed two ways, its value in the base, in ours and in theirs; for an item
//! deleted on one side, its title in each version (or that it is absent). For
//! the window's merge panel.

use super::diff_report::human;
use super::fields::{Fields, Keyed};
use crate::model::{Conflict, ItemRef, StoryStep, Versions};
use serde_json::Value;

/// What a version without the item shows.
const ABSENT: &str = "(absent)";

/// One conflict, ready to be shown in three columns.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictSides {
    /// What the conflict is about: `claim "budget" (text)`.
    pub what: String,
    /// The item on the map or the timeline, when it is one there.
    pub item: Option<ItemRef>,
    pub rows: Vec<SideRow>,
}

/// A field (or the item as a whole) in the three versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideRow {
    pub field: String,
    pub base: String,
    pub ours: String,
    pub theirs: String,
}

/// The versions of `conflict`, side by side.
pub fn conflict_sides(conflict: &Conflict) -> ConflictSides {
    let (item, rows) = match conflict {
        Conflict::Meta(v) => (None, field_rows(v)),
        Conflict::Source(v) => (None, item_rows(v)),
        Conflict::Lane(v) => (None, item_rows(v)),
        Conflict::Event(v) => (any_version(v).map(|x| ItemRef::Event(x.id.clone())), item_rows(v)),
        Conflict::Claim(v) => (any_version(v).map(|x| ItemRef::Claim(x.id.clone())), item_rows(v)),
        Conflict::Link(v) => (any_version(v).map(|x| ItemRef::Link(x.id.clone())), item_rows(v)),
        Conflict::Story(v) => (None, vec![story_row(v)]),
    };
    ConflictSides { what: conflict.describe(), item, rows }
}

fn any_version<T>(versions: &Versions<T>) -> Option<&T> {
    [&versions.ours, &versions.theirs, &versions.base].into_iter().flatten().next()
}

fn row<T>(field: &str, versions: &Versions<T>, show: impl Fn(&T) -> String) -> SideRow {
    let side = |version: &Option<T>| version.as_ref().map_or_else(|| ABSENT.to_owned(), &show);
    SideRow {
        field: field.to_owned(),
        base: side(&versions.base),
        ours: side(&versions.ours),
        theirs: side(&versions.theirs),
    }
}

/// The fields changed two ways, or the whole item by its title when it is in question as a whole.
fn item_rows<T: Fields + Keyed>(versions: &Versions<T>) -> Vec<SideRow> {
    if versions.fields.is_empty() {
        return vec![row("the item", versions, |x| human(&Value::from(x.title())))];
    }
    field_rows(versions)
}

fn field_rows<T: Fields>(versions: &Versions<T>) -> Vec<SideRow> {
    versions
        .fields
        .iter()
        .filter_map(|name| Some((name, T::NAMES.iter().position(|known| known == name)?)))
        .map(|(name, field)| row(name, versions, |x| human(&x.value(field))))
        .collect()
}

/// The story's steps by title, numbered.
fn story_row(versions: &Versions<Vec<StoryStep>>) -> SideRow {
    row("steps", versions, |steps| {
        if steps.is_empty() {
            return "no steps".to_owned();
        }
        let titles: Vec<String> =
            steps.iter().enumerate().map(|(index, step)| format!("{}. {}", index + 1, step.title)).collect();
        titles.join("\n")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, Map, Position};
    use crate::vcs::merge;

    fn with_claim(text: Option<&str>) -> Map {
        let claims = text.map(|text| Claim::new("budget", ClaimKind::Claim, text, Position::default()));
        Map { claims: claims.into_iter().collect(), ..Map::default() }
    }

    #[test]
    fn a_field_changed_two_ways_shows_its_three_values() {
        let (merged, _) =
            merge(&with_claim(Some("Cut")), &with_claim(Some("Halved")), &with_claim(Some("Frozen"))).expect("merges");
        let sides = conflict_sides(&merged.conflicts[0]);
        assert_eq!(sides.what, "claim \"budget\" (text)");
        assert_eq!(sides.item, Some(ItemRef::Claim("budget".into())));
        let expected = SideRow {
            field: "text".into(),
            base: "\"Cut\"".into(),
            ours: "\"Halved\"".into(),
            theirs: "\"Frozen\"".into(),
        };
        assert_eq!(sides.rows, vec![expected]);
    }

    #[test]
    fn an_item_deleted_on_one_side_shows_as_absent_there() {
        let (merged, _) =
            merge(&with_claim(Some("Cut")), &with_claim(None), &with_claim(Some("Frozen"))).expect("merges");
        let sides = conflict_sides(&merged.conflicts[0]);
        assert_eq!(sides.rows.len(), 1);
        assert_eq!((sides.rows[0].ours.as_str(), sides.rows[0].theirs.as_str()), (ABSENT, "\"Frozen\""));
    }
}
