//! Disagreements a three-way merge left for a person to settle: the same field
//! of one item changed two ways, or an item deleted on one side and changed (or
//! still used) on the other. Kept in the map itself, so that a conflicted merge
//! is still a map Argline opens; the map's own items hold the merged values,
//! with "ours" where the two sides disagree.

use super::{Claim, Event, Lane, Link, Meta, Source, StoryStep};
use serde::{Deserialize, Serialize};

/// One unresolved conflict, with the three versions of what it is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Conflict {
    Meta(Versions<Meta>),
    Source(Versions<Source>),
    Lane(Versions<Lane>),
    Event(Versions<Event>),
    Claim(Versions<Claim>),
    Link(Versions<Link>),
    /// The story as a whole: both sides changed the same steps.
    Story(Versions<Vec<StoryStep>>),
}

/// The base, ours and theirs versions of an item in conflict (`None`: the
/// item is absent from that version: deleted, or not yet added).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Versions<T> {
    /// The fields changed two ways (as the diff names them: "text", "dates"…);
    /// empty when the item as a whole is in question (deleted on one side,
    /// changed or still used on the other).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    pub base: Option<T>,
    pub ours: Option<T>,
    pub theirs: Option<T>,
}

impl Conflict {
    /// What the conflict is about, for messages: `claim "china-blinked" (text)`.
    pub fn describe(&self) -> String {
        fn first_id<T>(versions: &Versions<T>, id: impl Fn(&T) -> String) -> String {
            [&versions.ours, &versions.theirs, &versions.base].into_iter().flatten().next().map(id).unwrap_or_default()
        }
        let (what, fields) = match self {
            Self::Meta(v) => ("the map's details".to_owned(), &v.fields),
            Self::Source(v) => (format!("source \"{}\"", first_id(v, |x| x.id.to_string())), &v.fields),
            Self::Lane(v) => (format!("lane \"{}\"", first_id(v, |x| x.id.to_string())), &v.fields),
            Self::Event(v) => (format!("event \"{}\"", first_id(v, |x| x.id.to_string())), &v.fields),
            Self::Claim(v) => (format!("claim \"{}\"", first_id(v, |x| x.id.to_string())), &v.fields),
            Self::Link(v) => (format!("link \"{}\"", first_id(v, |x| x.id.to_string())), &v.fields),
            Self::Story(v) => ("the story".to_owned(), &v.fields),
        };
        if fields.is_empty() {
            format!("{what} (deleted on one side only)")
        } else {
            format!("{what} ({})", fields.join(", "))
        }
    }
}
