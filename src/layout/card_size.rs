//! The dimensions of a claim's card and an event's chip on the map, and their
//! sizes through a [`Measure`] — one place for the window, the figures and the
//! layout (`layout::map_geometry` places them). Text is measured a little
//! narrower than it is drawn in, so that it never needs more lines than
//! measured; [`card_size`] and [`chip_size`] are the pure estimates for laying
//! out without a window (the command line, benches).

use super::measure::{Estimate, Measure};
use crate::model::ClaimKind;

pub const CARD_WIDTH: f32 = 240.0;
pub const EXPLANATION_WIDTH: f32 = 280.0;
pub const CARD_PADDING: f32 = 10.0;
pub const KIND_LINE_HEIGHT: f32 = 18.0;
/// The font size of a card's kind label and of a chip's date.
pub const SMALL_TEXT_SIZE: f32 = 11.0;
pub const CHIP_WIDTH: f32 = 210.0;
pub const CHIP_PADDING: f32 = 7.0;
/// The lane-coloured stripe on a chip's left edge; the text starts after it.
pub const CHIP_STRIPE_WIDTH: f32 = 6.0;
pub const DATE_LINE_HEIGHT: f32 = 16.0;
pub const CHIP_TEXT_SIZE: f32 = 13.0;
/// How much narrower than the room it is drawn in text is measured.
const MEASURE_SLACK: f32 = 4.0;

/// The font size of a claim's text on its card.
pub fn text_size(kind: ClaimKind) -> f32 {
    if kind == ClaimKind::Explanation { 16.0 } else { 14.0 }
}

/// The width of the card of a claim of `kind`.
pub fn card_width(kind: ClaimKind) -> f32 {
    if kind == ClaimKind::Explanation { EXPLANATION_WIDTH } else { CARD_WIDTH }
}

/// The width a claim's text is wrapped at when measured (and by the figures, which write the measured lines).
pub fn card_text_wrap(kind: ClaimKind) -> f32 {
    card_width(kind) - 2.0 * CARD_PADDING - MEASURE_SLACK
}

/// The width an event's title is wrapped at on its chip when measured (and by the figures).
pub const CHIP_TEXT_WRAP: f32 = CHIP_WIDTH - 2.0 * CHIP_PADDING - CHIP_STRIPE_WIDTH - MEASURE_SLACK;

/// The `(width, height)` of the card of a claim of `kind` saying `text`, its text measured by `measure`.
pub fn measured_card_size(measure: &mut dyn Measure, text: &str, kind: ClaimKind) -> (f32, f32) {
    let text_height = measure.wrapped_height(text, text_size(kind), card_text_wrap(kind));
    (card_width(kind), 2.0 * CARD_PADDING + KIND_LINE_HEIGHT + text_height)
}

/// The `(width, height)` of the chip of an event titled `title`, its title measured by `measure`.
pub fn measured_chip_size(measure: &mut dyn Measure, title: &str) -> (f32, f32) {
    let title_height = measure.wrapped_height(title, CHIP_TEXT_SIZE, CHIP_TEXT_WRAP);
    (CHIP_WIDTH, 2.0 * CHIP_PADDING + DATE_LINE_HEIGHT + title_height)
}

/// The estimated `(width, height)` of the card of a claim of `kind` saying `text`.
pub fn card_size(text: &str, kind: ClaimKind) -> (f32, f32) {
    measured_card_size(&mut Estimate, text, kind)
}

/// The estimated `(width, height)` of the chip of an event titled `title`.
pub fn chip_size(title: &str) -> (f32, f32) {
    measured_chip_size(&mut Estimate, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_text_makes_taller_cards_of_the_same_width() {
        let short = card_size("China blinked", ClaimKind::Claim);
        let long = card_size(&"The agreement repeats what was promised in 2013. ".repeat(4), ClaimKind::Claim);
        assert_eq!(short.0, long.0);
        assert!(long.1 > short.1 + 50.0, "{short:?} {long:?}");
    }

    #[test]
    fn explanations_are_wider() {
        assert!(card_size("x", ClaimKind::Explanation).0 > card_size("x", ClaimKind::Objection).0);
    }

    #[test]
    fn a_one_line_chip_has_padding_date_and_one_line() {
        let (width, height) = chip_size("Sunnylands");
        assert_eq!(width, CHIP_WIDTH);
        assert_eq!(height, 2.0 * CHIP_PADDING + DATE_LINE_HEIGHT + Estimate.wrapped_height("Sunnylands", 13.0, 1e6));
    }

    #[test]
    fn ideographs_wrap_sooner_than_latin_letters() {
        let latin = card_size(&"a".repeat(40), ClaimKind::Claim).1;
        let cjk = card_size(&"网".repeat(40), ClaimKind::Claim).1;
        assert!(cjk > latin);
    }
}
