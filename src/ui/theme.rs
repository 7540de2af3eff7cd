//! Every colour the views paint, for light and dark themes: those of the map
//! and the timeline are the core's palette (`layout::palette`, which the
//! figures share) turned into egui colours here; those only the window shows
//! (selection, charts, comparisons) are its own.

use crate::layout::palette::{self, Paint};
use crate::model::{ClaimKind, Relation, Rgb, Strength};
use egui::Color32;

/// How much dimmed items (not related to the selection) keep of their colour.
pub const DIM: f32 = 0.22;

/// A colour of the palette as egui paints it.
fn color(paint: Paint) -> Color32 {
    let [r, g, b] = paint.rgb;
    if paint.opacity >= 1.0 {
        Color32::from_rgb(r, g, b)
    } else {
        Color32::from_rgba_unmultiplied(r, g, b, (paint.opacity.clamp(0.0, 1.0) * 255.0).round() as u8)
    }
}

pub fn relation_color(relation: Relation, dark: bool) -> Color32 {
    color(palette::relation_color(relation, dark))
}

pub fn kind_color(kind: ClaimKind, dark: bool) -> Color32 {
    color(palette::kind_color(kind, dark))
}

/// The card's background: the panel colour, tinted by the kind for explanations.
pub fn card_fill(kind: ClaimKind, dark: bool) -> Color32 {
    color(palette::card_fill(kind, dark))
}

pub fn canvas_background(dark: bool) -> Color32 {
    color(palette::canvas_background(dark))
}

/// The timeline's lane-name column.
pub fn header_background(dark: bool) -> Color32 {
    color(palette::header_background(dark))
}

/// Every other lane of the timeline is shaded this much.
pub fn alternate_lane_shade(dark: bool) -> Color32 {
    color(palette::alternate_lane_shade(dark))
}

/// The legend's background, over the canvas.
pub fn legend_fill(dark: bool) -> Color32 {
    color(palette::legend_fill(dark))
}

/// For an event whose lane is missing (only in maps that failed validation).
pub fn unknown_lane() -> Color32 {
    color(palette::UNKNOWN_LANE)
}

pub fn text_color(dark: bool) -> Color32 {
    color(palette::text_color(dark))
}

pub fn weak_text_color(dark: bool) -> Color32 {
    color(palette::weak_text_color(dark))
}

pub fn selection_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xff, 0xd5, 0x4f) } else { Color32::from_rgb(0xe0, 0x9a, 0x00) }
}

pub fn grid_color(dark: bool) -> Color32 {
    color(palette::grid_color(dark))
}

pub fn lane_color(rgb: Rgb) -> Color32 {
    color(Paint::lane(rgb))
}

/// Line width of a link, in points at zoom 1.
pub fn strength_width(strength: Strength) -> f32 {
    palette::strength_width(strength)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palettes_translucent_colours_are_the_windows_premultiplied_ones() {
        assert_eq!(alternate_lane_shade(true), Color32::from_white_alpha(6));
        assert_eq!(alternate_lane_shade(false), Color32::from_black_alpha(8));
        assert_eq!(legend_fill(true), Color32::from_black_alpha(200));
        assert_eq!(legend_fill(false), Color32::from_white_alpha(230));
        assert_eq!(unknown_lane(), Color32::GRAY);
        assert_eq!(card_fill(ClaimKind::Claim, true), Color32::from_rgb(0x26, 0x29, 0x2e));
    }
}
