//! The dimensions of a claim's card and an event's chip on the map — one
//! place for the window (`ui::map_view::geometry`), the figures
//! (`export::svg`) and the layout — and a pure estimate of their sizes, for
//! laying out without a window (the command line, benches). The window
//! measures text with egui and passes those sizes instead. Text is wrapped
//! word by word with an average glyph width a little generous, so estimated
//! cards are rarely smaller than drawn.

use crate::model::ClaimKind;

pub const CARD_WIDTH: f32 = 240.0;
pub const EXPLANATION_WIDTH: f32 = 280.0;
pub const CARD_PADDING: f32 = 10.0;
pub const KIND_LINE_HEIGHT: f32 = 18.0;
pub const CHIP_WIDTH: f32 = 210.0;
pub const CHIP_PADDING: f32 = 7.0;
pub const DATE_LINE_HEIGHT: f32 = 16.0;
pub const CHIP_TEXT_SIZE: f32 = 13.0;
/// Mean advance of a Latin glyph, and the height of a line, per unit of font size.
const GLYPH_WIDTH: f32 = 0.55;
const LINE_HEIGHT: f32 = 1.3;

/// The font size of a claim's text on its card.
pub fn text_size(kind: ClaimKind) -> f32 {
    if kind == ClaimKind::Explanation { 16.0 } else { 14.0 }
}

/// The width of the card of a claim of `kind`.
pub fn card_width(kind: ClaimKind) -> f32 {
    if kind == ClaimKind::Explanation { EXPLANATION_WIDTH } else { CARD_WIDTH }
}

/// The estimated `(width, height)` of the card of a claim of `kind` saying `text`.
pub fn card_size(text: &str, kind: ClaimKind) -> (f32, f32) {
    let (width, font_size) = (card_width(kind), text_size(kind));
    let text_height = wrapped_height(text, font_size, width - 2.0 * CARD_PADDING - 4.0);
    (width, 2.0 * CARD_PADDING + KIND_LINE_HEIGHT + text_height)
}

/// The estimated `(width, height)` of the chip of an event titled `title`.
pub fn chip_size(title: &str) -> (f32, f32) {
    let title_height = wrapped_height(title, CHIP_TEXT_SIZE, CHIP_WIDTH - 2.0 * CHIP_PADDING - 4.0);
    (CHIP_WIDTH, 2.0 * CHIP_PADDING + DATE_LINE_HEIGHT + title_height)
}

/// The estimated height of `text` wrapped at word boundaries into lines `wrap_width` wide.
pub fn wrapped_height(text: &str, font_size: f32, wrap_width: f32) -> f32 {
    let space = GLYPH_WIDTH * font_size;
    let mut lines = 0usize;
    for paragraph in text.split('\n') {
        lines += 1;
        let mut line_width = 0.0f32;
        for word in paragraph.split_whitespace() {
            let word_width: f32 = word.chars().map(|c| glyph_width(c, font_size)).sum();
            let needed = if line_width > 0.0 { line_width + space + word_width } else { word_width };
            if needed <= wrap_width {
                line_width = needed;
            } else {
                if line_width > 0.0 {
                    lines += 1;
                }
                // A word longer than a line breaks across lines.
                lines += (word_width / wrap_width).ceil().max(1.0) as usize - 1;
                line_width = word_width % wrap_width;
            }
        }
    }
    lines.max(1) as f32 * LINE_HEIGHT * font_size
}

fn glyph_width(c: char, font_size: f32) -> f32 {
    // Ideographs, kana and hangul are about as wide as they are tall.
    if u32::from(c) >= 0x2E80 { font_size } else { GLYPH_WIDTH * font_size }
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
        assert_eq!(height, 2.0 * CHIP_PADDING + DATE_LINE_HEIGHT + LINE_HEIGHT * CHIP_TEXT_SIZE);
    }

    #[test]
    fn ideographs_wrap_sooner_than_latin_letters() {
        let latin = card_size(&"a".repeat(40), ClaimKind::Claim).1;
        let cjk = card_size(&"网".repeat(40), ClaimKind::Claim).1;
        assert!(cjk > latin);
    }
}
