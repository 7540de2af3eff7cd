//! The document: a [`Map`] of sources, timeline lanes and events, claims, the
//! links between them, and a story for presenting. Plain Rust, no egui.

mod argument;
mod color;
mod conflicts;
mod counts;
mod date;
mod ids;
mod index;
mod items;
mod names;
mod queries;
mod story;
pub mod validate;

pub use argument::{Argument, Inference, PcsStatement};
pub use color::Rgb;
pub use conflicts::{Conflict, Versions};
pub use counts::Counts;
pub use date::{Date, DateShapeError, MAX_YEAR_MAGNITUDE, MONTH_ABBREVIATIONS, Precision};
pub use ids::{ClaimId, EventId, ItemRef, LaneId, LinkId, SourceId, is_valid_slug};
pub use index::{MapIndex, Replaced};
pub use items::{
    Anchor, Citation, Claim, ClaimKind, Event, Lane, Level, Link, LinkFrom, LinkTo, Meta, Position, Relation, Source,
    Strength, TextFile,
};
pub use story::{StoryStep, TimeWindow, Viewport};

use serde::{Deserialize, Serialize};

/// The version of the file format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole argument map: what a `.ron` file holds.
///
/// Items keep the order of the file, so that saving writes the same bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    /// The version of the file format; see [`FORMAT_VERSION`].
    pub format: u32,
    pub meta: Meta,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub story: Vec<StoryStep>,
    /// What a three-way merge left unresolved (see `vcs::merge`); absent from
    /// the file when empty, which is every map but a conflicted merge's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

impl Default for Map {
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            meta: Meta { title: "Untitled map".to_owned(), ..Meta::default() },
            sources: Vec::new(),
            lanes: Vec::new(),
            events: Vec::new(),
            claims: Vec::new(),
            links: Vec::new(),
            story: Vec::new(),
            conflicts: Vec::new(),
        }
    }
}
