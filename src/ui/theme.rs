//! Every colour the views paint, in one place, for light and dark themes.

use crate::model::{ClaimKind, Relation, Rgb, Strength};
use egui::Color32;

/// How much dimmed items (not related to the selection) keep of their colour.
pub const DIM: f32 = 0.22;

pub fn relation_color(relation: Relation, dark: bool) -> Color32 {
    match (relation, dark) {
        (Relation::Supports, false) => Color32::from_rgb(0x1e, 0x8a, 0x4a),
        (Relation::Supports, true) => Color32::from_rgb(0x4c, 0xc3, 0x7a),
        (Relation::Opposes, false) => Color32::from_rgb(0xc8, 0x32, 0x2b),
        (Relation::Opposes, true) => Color32::from_rgb(0xf0, 0x6a, 0x5f),
        (Relation::Undercuts, false) => Color32::from_rgb(0x8e, 0x44, 0xad),
        (Relation::Undercuts, true) => Color32::from_rgb(0xc3, 0x8b, 0xe6),
        (Relation::Neutral, false) => Color32::from_rgb(0x7a, 0x80, 0x88),
        (Relation::Neutral, true) => Color32::from_rgb(0x9a, 0xa0, 0xa8),
    }
}

pub fn kind_color(kind: ClaimKind, dark: bool) -> Color32 {
    match (kind, dark) {
        (ClaimKind::Explanation, false) => Color32::from_rgb(0x1f, 0x5f, 0xbf),
        (ClaimKind::Explanation, true) => Color32::from_rgb(0x6a, 0xa5, 0xf5),
        (ClaimKind::Claim, false) => Color32::from_rgb(0x55, 0x5f, 0x6b),
        (ClaimKind::Claim, true) => Color32::from_rgb(0xa8, 0xb2, 0xbe),
        (ClaimKind::Objection, false) => Color32::from_rgb(0xb3, 0x5c, 0x00),
        (ClaimKind::Objection, true) => Color32::from_rgb(0xf0, 0xa0, 0x4b),
        (ClaimKind::Question, false) => Color32::from_rgb(0x00, 0x7c, 0x89),
        (ClaimKind::Question, true) => Color32::from_rgb(0x4f, 0xc6, 0xd3),
    }
}

/// The card's background: the panel colour, tinted by the kind for explanations.
pub fn card_fill(kind: ClaimKind, dark: bool) -> Color32 {
    let base = if dark { Color32::from_rgb(0x26, 0x29, 0x2e) } else { Color32::from_rgb(0xff, 0xff, 0xff) };
    match kind {
        ClaimKind::Explanation => lerp(base, kind_color(kind, dark), 0.14),
        _ => base,
    }
}

pub fn canvas_background(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x1a, 0x1c, 0x1f) } else { Color32::from_rgb(0xf2, 0xf3, 0xf5) }
}

/// The timeline's lane-name column.
pub fn header_background(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x22, 0x25, 0x29) } else { Color32::from_rgb(0xe8, 0xea, 0xed) }
}

/// Every other lane of the timeline is shaded this much.
pub fn alternate_lane_shade(dark: bool) -> Color32 {
    if dark { Color32::from_white_alpha(6) } else { Color32::from_black_alpha(8) }
}

/// The legend's background, over the canvas.
pub fn legend_fill(dark: bool) -> Color32 {
    if dark { Color32::from_black_alpha(200) } else { Color32::from_white_alpha(230) }
}

/// For an event whose lane is missing (only in maps that failed validation).
pub const UNKNOWN_LANE: Color32 = Color32::GRAY;

pub fn text_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xe8, 0xea, 0xed) } else { Color32::from_rgb(0x1d, 0x21, 0x26) }
}

pub fn weak_text_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xa0, 0xa6, 0xad) } else { Color32::from_rgb(0x5f, 0x66, 0x6e) }
}

pub fn selection_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xff, 0xd5, 0x4f) } else { Color32::from_rgb(0xe0, 0x9a, 0x00) }
}

pub fn grid_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x33, 0x37, 0x3d) } else { Color32::from_rgb(0xdc, 0xdf, 0xe3) }
}

pub fn lane_color(rgb: Rgb) -> Color32 {
    let [r, g, b] = rgb.0;
    Color32::from_rgb(r, g, b)
}

/// Line width of a link, in points at zoom 1.
pub fn strength_width(strength: Strength) -> f32 {
    match strength {
        Strength::Weak => 1.2,
        Strength::Moderate => 2.2,
        Strength::Strong => 3.6,
    }
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

/// `color`, faded when the item is not among those the selection draws out.
pub fn emphasis(color: Color32, dimmed: bool) -> Color32 {
    if dimmed { color.gamma_multiply(DIM) } else { color }
}

/// The colour of the `index`th series of a chart (the score of each explanation over time),
/// told apart in both themes.
pub fn series_color(index: usize, dark: bool) -> Color32 {
    const LIGHT: [Color32; 8] = [
        Color32::from_rgb(31, 119, 180),
        Color32::from_rgb(214, 39, 40),
        Color32::from_rgb(44, 160, 44),
        Color32::from_rgb(148, 103, 189),
        Color32::from_rgb(255, 127, 14),
        Color32::from_rgb(23, 190, 207),
        Color32::from_rgb(140, 86, 75),
        Color32::from_rgb(227, 119, 194),
    ];
    let color = LIGHT[index % LIGHT.len()];
    if dark { color.lerp_to_gamma(Color32::WHITE, 0.25) } else { color }
}

/// What a comparison with another file marks an item as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    Added,
    Removed,
    Changed,
}

/// The outline of an item a comparison marks: added green, removed red, changed blue-violet.
pub fn difference_color(difference: Difference, dark: bool) -> Color32 {
    match (difference, dark) {
        (Difference::Added, false) => Color32::from_rgb(0x12, 0x9c, 0x3c),
        (Difference::Added, true) => Color32::from_rgb(0x5d, 0xe0, 0x7f),
        (Difference::Removed, false) => Color32::from_rgb(0xd2, 0x1f, 0x3c),
        (Difference::Removed, true) => Color32::from_rgb(0xff, 0x6b, 0x81),
        (Difference::Changed, false) => Color32::from_rgb(0x5b, 0x3f, 0xd9),
        (Difference::Changed, true) => Color32::from_rgb(0xa8, 0x96, 0xff),
    }
}
