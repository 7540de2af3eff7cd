//! The story of a map: ordered steps that a presenter walks through in class.

use super::{Date, ItemRef, Position};
use serde::{Deserialize, Serialize};

/// The dates a timeline shows, first to last (inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeWindow {
    pub start: Date,
    pub end: Date,
}

/// Where the argument map looks: the canvas point at the centre, and the zoom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Viewport {
    pub center: Position,
    pub zoom: f32,
}

/// One step of a story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    pub title: String,
    /// Items visible at this step; empty means everything.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shows: Vec<ItemRef>,
    /// Items drawn out at this step (the others dim).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<ItemRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<TimeWindow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewport: Option<Viewport>,
    /// The as-of date of the step: evidence dated later fades, and the matrix scores as of then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<super::Date>,
    /// Speaker notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}
