//! How the geometry learns the size of text: through [`Measure`], which the
//! window implements with its own fonts (`ui::text_measure`), the figures
//! with the metrics of the font they name ([`super::font_metrics::FontMetrics`]),
//! and the command line and benches with [`Estimate`], a pure guess that
//! needs no font. Everything else about where cards, chips and links go is
//! worked out once, in `layout::map_geometry`, from these answers.

/// Answers the geometry's questions about text.
pub trait Measure {
    /// The height of `text` at `font_size`, broken at word boundaries into
    /// lines no wider than `wrap_width`.
    fn wrapped_height(&mut self, text: &str, font_size: f32, wrap_width: f32) -> f32;

    /// The width of `text` on one line at `font_size`.
    fn text_width(&mut self, text: &str, font_size: f32) -> f32;

    /// Called before the texts of a new revision of the map are measured: a
    /// measure that remembers sizes may forget those the revision no longer asks for.
    fn begin_revision(&mut self) {}
}

/// Mean advance of a Latin glyph, and the height of a line, per unit of font size.
const GLYPH_WIDTH: f32 = 0.55;
const LINE_HEIGHT: f32 = 1.3;

/// Sizes estimated without a font: an average glyph width a little generous,
/// so that estimated cards are rarely smaller than drawn.
#[derive(Clone, Copy, Debug, Default)]
pub struct Estimate;

impl Measure for Estimate {
    fn wrapped_height(&mut self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        estimated_height(text, font_size, wrap_width)
    }

    fn text_width(&mut self, text: &str, font_size: f32) -> f32 {
        text.chars().map(|c| glyph_width(c, font_size)).sum()
    }
}

/// The estimated height of `text` wrapped at word boundaries into lines `wrap_width` wide.
fn estimated_height(text: &str, font_size: f32, wrap_width: f32) -> f32 {
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
    fn one_line_is_one_line_height_and_a_long_text_wraps() {
        assert_eq!(Estimate.wrapped_height("Sunnylands", 13.0, 200.0), LINE_HEIGHT * 13.0);
        let long = "The agreement repeats what was promised in 2013. ".repeat(4);
        assert!(Estimate.wrapped_height(&long, 14.0, 200.0) >= 4.0 * LINE_HEIGHT * 14.0);
    }

    #[test]
    fn ideographs_are_wider_than_latin_letters() {
        assert!(Estimate.text_width("网网", 14.0) > Estimate.text_width("aa", 14.0));
        assert!(
            Estimate.wrapped_height(&"网".repeat(40), 14.0, 200.0)
                > Estimate.wrapped_height(&"a".repeat(40), 14.0, 200.0)
        );
    }
}
