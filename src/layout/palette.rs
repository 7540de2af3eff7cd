//! The colours and line widths of the map and the timeline, in light and
//! dark themes: one palette for the window (`ui::theme` turns each into an
//! egui colour) and the figures (`export::svg` writes them), so that an
//! exported figure looks like the app.

use crate::model::{ClaimKind, Relation, Rgb, Strength};
use std::fmt;

/// A colour with an opacity (0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    pub rgb: [u8; 3],
    pub opacity: f32,
}

impl Paint {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { rgb: [r, g, b], opacity: 1.0 }
    }

    /// The same colour, `factor` as opaque (egui's `gamma_multiply`).
    pub fn faded(self, factor: f32) -> Self {
        Self { opacity: self.opacity * factor, ..self }
    }

    pub fn lane(color: Rgb) -> Self {
        let [r, g, b] = color.0;
        Self::rgb(r, g, b)
    }
}

/// Writes `#rrggbb`; the opacity is written by the caller as its own attribute.
impl fmt::Display for Paint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.rgb;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

pub fn relation_color(relation: Relation, dark: bool) -> Paint {
    match (relation, dark) {
        (Relation::Supports, false) => Paint::rgb(0x1e, 0x8a, 0x4a),
        (Relation::Supports, true) => Paint::rgb(0x4c, 0xc3, 0x7a),
        (Relation::Opposes, false) => Paint::rgb(0xc8, 0x32, 0x2b),
        (Relation::Opposes, true) => Paint::rgb(0xf0, 0x6a, 0x5f),
        (Relation::Undercuts, false) => Paint::rgb(0x8e, 0x44, 0xad),
        (Relation::Undercuts, true) => Paint::rgb(0xc3, 0x8b, 0xe6),
        (Relation::Neutral, false) => Paint::rgb(0x7a, 0x80, 0x88),
        (Relation::Neutral, true) => Paint::rgb(0x9a, 0xa0, 0xa8),
    }
}

pub fn kind_color(kind: ClaimKind, dark: bool) -> Paint {
    match (kind, dark) {
        (ClaimKind::Explanation, false) => Paint::rgb(0x1f, 0x5f, 0xbf),
        (ClaimKind::Explanation, true) => Paint::rgb(0x6a, 0xa5, 0xf5),
        (ClaimKind::Claim, false) => Paint::rgb(0x55, 0x5f, 0x6b),
        (ClaimKind::Claim, true) => Paint::rgb(0xa8, 0xb2, 0xbe),
        (ClaimKind::Objection, false) => Paint::rgb(0xb3, 0x5c, 0x00),
        (ClaimKind::Objection, true) => Paint::rgb(0xf0, 0xa0, 0x4b),
        (ClaimKind::Question, false) => Paint::rgb(0x00, 0x7c, 0x89),
        (ClaimKind::Question, true) => Paint::rgb(0x4f, 0xc6, 0xd3),
    }
}

/// The card's background: the panel colour, tinted by the kind for explanations.
pub fn card_fill(kind: ClaimKind, dark: bool) -> Paint {
    let base = if dark { Paint::rgb(0x26, 0x29, 0x2e) } else { Paint::rgb(0xff, 0xff, 0xff) };
    match kind {
        ClaimKind::Explanation => lerp(base, kind_color(kind, dark), 0.14),
        _ => base,
    }
}

pub fn canvas_background(dark: bool) -> Paint {
    if dark { Paint::rgb(0x1a, 0x1c, 0x1f) } else { Paint::rgb(0xf2, 0xf3, 0xf5) }
}

/// The timeline's lane-name column.
pub fn header_background(dark: bool) -> Paint {
    if dark { Paint::rgb(0x22, 0x25, 0x29) } else { Paint::rgb(0xe8, 0xea, 0xed) }
}

/// Every other lane of the timeline is shaded this much.
pub fn alternate_lane_shade(dark: bool) -> Paint {
    if dark { Paint::rgb(0xff, 0xff, 0xff).faded(6.0 / 255.0) } else { Paint::rgb(0, 0, 0).faded(8.0 / 255.0) }
}

/// The legend's background, over the canvas.
pub fn legend_fill(dark: bool) -> Paint {
    if dark { Paint::rgb(0, 0, 0).faded(200.0 / 255.0) } else { Paint::rgb(0xff, 0xff, 0xff).faded(230.0 / 255.0) }
}

/// For an event whose lane is missing (only in maps that failed validation).
pub const UNKNOWN_LANE: Paint = Paint::rgb(0xa0, 0xa0, 0xa0);

pub fn text_color(dark: bool) -> Paint {
    if dark { Paint::rgb(0xe8, 0xea, 0xed) } else { Paint::rgb(0x1d, 0x21, 0x26) }
}

pub fn weak_text_color(dark: bool) -> Paint {
    if dark { Paint::rgb(0xa0, 0xa6, 0xad) } else { Paint::rgb(0x5f, 0x66, 0x6e) }
}

pub fn grid_color(dark: bool) -> Paint {
    if dark { Paint::rgb(0x33, 0x37, 0x3d) } else { Paint::rgb(0xdc, 0xdf, 0xe3) }
}

/// Line width of a link.
pub fn strength_width(strength: Strength) -> f32 {
    match strength {
        Strength::Weak => 1.2,
        Strength::Moderate => 2.2,
        Strength::Strong => 3.6,
    }
}

fn lerp(a: Paint, b: Paint, t: f32) -> Paint {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Paint::rgb(mix(a.rgb[0], b.rgb[0]), mix(a.rgb[1], b.rgb[1]), mix(a.rgb[2], b.rgb[2]))
}
