//! Measuring and wrapping text without a window, for the figures (SVG, PNG,
//! slides, DOT): glyph advances of Ubuntu Light, the font egui draws the
//! app's text with, and of the bundled Droid Sans Fallback for the characters
//! it lacks (CJK). Lines break at spaces as egui's do, and a word wider than
//! the line is cut. [`FontMetrics`] is the map geometry's [`Measure`] for the
//! figures, so that a card's height is that of the lines the figure writes.

use super::measure::Measure;
use std::sync::OnceLock;
use ttf_parser::Face;

static UBUNTU_LIGHT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;
static DROID_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallback.ttf");

/// The font families a figure names, first choice first: the app's font, the
/// bundled CJK fallback, then whatever the viewer has.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Droid Sans Fallback', sans-serif";
/// Ubuntu Light's weight, so that viewers with the Ubuntu family pick the light face.
pub const FONT_WEIGHT: u16 = 300;

/// The bytes of the fonts a figure is drawn with, for a renderer's font database.
pub fn bundled_fonts() -> [&'static [u8]; 2] {
    [UBUNTU_LIGHT, DROID_FALLBACK]
}

/// Advances of the first code points, cached: in ems.
const CACHED_CHARS: usize = 0x3000;

struct Metrics {
    advances: Vec<f32>,
    /// Baseline below the top of a line, in ems.
    ascent: f32,
    /// Height of one line, in ems.
    line_height: f32,
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let face = Face::parse(UBUNTU_LIGHT, 0).ok();
        let (ascent, line_height) = face.as_ref().map_or((0.93, 1.15), |face| {
            let em = f32::from(face.units_per_em());
            let ascent = f32::from(face.ascender()) / em;
            (ascent, ascent - f32::from(face.descender()) / em + f32::from(face.line_gap()) / em)
        });
        let advances =
            (0..CACHED_CHARS as u32).map(|code| char::from_u32(code).map_or(0.0, uncached_advance)).collect();
        Metrics { advances, ascent, line_height }
    })
}

fn advance_in(face: &Face<'_>, c: char) -> Option<f32> {
    let glyph = face.glyph_index(c)?;
    Some(f32::from(face.glyph_hor_advance(glyph)?) / f32::from(face.units_per_em()))
}

fn uncached_advance(c: char) -> f32 {
    if c.is_control() {
        return 0.0;
    }
    let in_face = |bytes| Face::parse(bytes, 0).ok().and_then(|face| advance_in(&face, c));
    in_face(UBUNTU_LIGHT).or_else(|| in_face(DROID_FALLBACK)).unwrap_or(0.6)
}

/// The width of `c` at font size 1.
fn advance(c: char) -> f32 {
    metrics().advances.get(c as usize).copied().unwrap_or_else(|| uncached_advance(c))
}

/// The width of `text` on one line at `font_size`.
pub fn text_width(text: &str, font_size: f32) -> f32 {
    text.chars().map(advance).sum::<f32>() * font_size
}

/// The height of one line at `font_size`.
pub fn line_height(font_size: f32) -> f32 {
    metrics().line_height * font_size
}

/// How far below the top of a line its baseline lies, at `font_size`.
pub fn ascent(font_size: f32) -> f32 {
    metrics().ascent * font_size
}

/// Characters a line may break after without a space (CJK has no spaces).
fn breaks_anywhere(c: char) -> bool {
    matches!(u32::from(c), 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// The pieces a line may break between: words with their trailing spaces,
/// and single CJK characters.
fn pieces(paragraph: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous_was_space = false;
    for (index, c) in paragraph.char_indices() {
        let boundary = (previous_was_space && !c.is_whitespace()) || breaks_anywhere(c);
        if boundary && index > start {
            pieces.push(&paragraph[start..index]);
            start = index;
        }
        previous_was_space = c.is_whitespace();
        if breaks_anywhere(c) {
            let end = index + c.len_utf8();
            pieces.push(&paragraph[start..end]);
            start = end;
        }
    }
    if start < paragraph.len() {
        pieces.push(&paragraph[start..]);
    }
    pieces
}

/// `text` broken into lines no wider than `max_width` at `font_size`; line
/// breaks in the text are kept. Trailing spaces are trimmed from each line.
pub fn wrap_lines(text: &str, font_size: f32, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for piece in pieces(paragraph) {
            let piece_width = text_width(piece.trim_end(), font_size);
            if line_width + piece_width > max_width && !line.trim().is_empty() {
                lines.push(line.trim_end().to_owned());
                line.clear();
                line_width = 0.0;
            }
            if piece_width > max_width {
                // A word wider than the line: cut it where it overflows.
                for c in piece.chars() {
                    let width = advance(c) * font_size;
                    if line_width + width > max_width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += width;
                }
                continue;
            }
            line.push_str(piece);
            line_width += text_width(piece, font_size);
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// `text` on one line, cut with "…" so that it is no wider than `max_width`.
pub fn truncate(text: &str, font_size: f32, max_width: f32) -> String {
    if text_width(text, font_size) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - text_width("…", font_size);
    let mut width = 0.0;
    let mut cut = String::new();
    for c in text.chars() {
        width += advance(c) * font_size;
        if width > budget {
            break;
        }
        cut.push(c);
    }
    format!("{}…", cut.trim_end())
}

/// Text measured by these metrics: a wrapped text is as tall as the lines
/// [`wrap_lines`] breaks it into.
#[derive(Clone, Copy, Debug, Default)]
pub struct FontMetrics;

impl Measure for FontMetrics {
    fn wrapped_height(&mut self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        wrap_lines(text, font_size, wrap_width).len() as f32 * line_height(font_size)
    }

    fn text_width(&mut self, text: &str, font_size: f32) -> f32 {
        text_width(text, font_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_their_width_and_keep_every_word() {
        let text = "The vote is dated only to 2021: we cannot tell it came before the closure";
        let lines = wrap_lines(text, 14.0, 200.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|line| text_width(line, 14.0) <= 200.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn long_words_and_cjk_break_inside() {
        let lines = wrap_lines(&"x".repeat(200), 14.0, 100.0);
        assert!(lines.len() > 2 && lines.iter().all(|line| text_width(line, 14.0) <= 100.0));
        let cjk = wrap_lines("习近平访问美国并与奥巴马举行会谈网络安全", 14.0, 80.0);
        assert!(cjk.len() > 1, "{cjk:?}");
        assert!(text_width("习", 14.0) > text_width("i", 14.0));
    }

    #[test]
    fn truncation_adds_an_ellipsis_only_when_needed() {
        assert_eq!(truncate("Short", 13.0, 230.0), "Short");
        let cut = truncate(&"word ".repeat(40), 13.0, 100.0);
        assert!(cut.ends_with('…') && text_width(&cut, 13.0) <= 100.0, "{cut}");
    }
}
