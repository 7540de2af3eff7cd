//! A small SVG writer: shapes and text as elements, every user string escaped,
//! numbers written short and the same on every platform.

use crate::layout::font_metrics::{FONT_FAMILY, FONT_WEIGHT, ascent, line_height, text_width};
use crate::layout::palette::Paint;
use crate::layout::{Point, Rect};
use std::fmt::Write;

/// `text` safe inside SVG (XML) text and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // Control characters and these two non-characters are not allowed in XML 1.0 at all.
            c if (c.is_control() && !matches!(c, '\n' | '\t')) || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {
                escaped.push('\u{FFFD}')
            }
            c => escaped.push(c),
        }
    }
    escaped
}

/// A number as SVG wants it: at most two decimals, no trailing zeros.
struct Num(f32);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rounded = (self.0 * 100.0).round() / 100.0;
        let value = if rounded == 0.0 { 0.0 } else { rounded };
        write!(f, "{value}")
    }
}

/// How a shape is outlined.
#[derive(Clone, Copy)]
pub struct Stroke {
    pub paint: Paint,
    pub width: f32,
}

/// How a run of text is drawn.
#[derive(Clone, Copy)]
pub struct TextStyle {
    pub size: f32,
    pub paint: Paint,
}

/// An SVG document being written.
pub struct SvgWriter {
    out: String,
}

fn paint_attrs(out: &mut String, name: &str, paint: Paint) {
    let _ = write!(out, " {name}=\"{paint}\"");
    if paint.opacity < 1.0 {
        let _ = write!(out, " {name}-opacity=\"{}\"", Num(paint.opacity.clamp(0.0, 1.0)));
    }
}

impl SvgWriter {
    pub fn new(width: f32, height: f32, title: &str) -> Self {
        let mut out = String::with_capacity(256 * 1024);
        let (w, h) = (Num(width), Num(height));
        let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
        let _ = writeln!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" font-weight="{FONT_WEIGHT}">"#
        );
        let _ = writeln!(out, "<title>{}</title>", escape_xml(title));
        Self { out }
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    pub fn open_group(&mut self, class: &str) {
        let _ = writeln!(self.out, "<g class=\"{class}\">");
    }

    /// A group whose contents are moved by (`dx`, `dy`).
    pub fn open_translated(&mut self, class: &str, dx: f32, dy: f32) {
        let _ = writeln!(self.out, "<g class=\"{class}\" transform=\"translate({} {})\">", Num(dx), Num(dy));
    }

    /// A group with a tooltip (`<title>`) and an id, for one item of the map.
    pub fn open_item(&mut self, class: &str, id: &str, tooltip: &str) {
        let _ =
            writeln!(self.out, "<g class=\"{class}\" id=\"{}\"><title>{}</title>", escape_xml(id), escape_xml(tooltip));
    }

    pub fn close_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// A rectangle; its stroke is drawn inside it, as the app draws cards.
    pub fn rect(&mut self, rect: Rect, radius: f32, fill: Option<Paint>, stroke: Option<Stroke>) {
        let inset = stroke.map_or(0.0, |s| s.width / 2.0);
        let inner = rect.shrink(inset);
        let out = &mut self.out;
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
            Num(inner.min.x),
            Num(inner.min.y),
            Num(inner.width().max(0.0)),
            Num(inner.height().max(0.0))
        );
        if radius > 0.0 {
            let _ = write!(out, " rx=\"{}\"", Num((radius - inset).max(0.0)));
        }
        match fill {
            Some(paint) => paint_attrs(out, "fill", paint),
            None => out.push_str(" fill=\"none\""),
        }
        if let Some(stroke) = stroke {
            paint_attrs(out, "stroke", stroke.paint);
            let _ = write!(out, " stroke-width=\"{}\"", Num(stroke.width));
        }
        out.push_str("/>\n");
    }

    pub fn line(&mut self, from: Point, to: Point, stroke: Stroke, dash: Option<(f32, f32)>) {
        let out = &mut self.out;
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"",
            Num(from.x),
            Num(from.y),
            Num(to.x),
            Num(to.y)
        );
        paint_attrs(out, "stroke", stroke.paint);
        let _ = write!(out, " stroke-width=\"{}\"", Num(stroke.width));
        if let Some((on, off)) = dash {
            let _ = write!(out, " stroke-dasharray=\"{} {}\"", Num(on), Num(off));
        }
        out.push_str("/>\n");
    }

    pub fn polygon(&mut self, points: &[Point], fill: Paint) {
        let out = &mut self.out;
        out.push_str("<polygon points=\"");
        for (i, point) in points.iter().enumerate() {
            let separator = if i == 0 { "" } else { " " };
            let _ = write!(out, "{separator}{},{}", Num(point.x), Num(point.y));
        }
        out.push('"');
        paint_attrs(out, "fill", fill);
        out.push_str("/>\n");
    }

    /// A filled path; `data` is made by the caller from numbers only.
    pub fn path(&mut self, data: &str, fill: Paint) {
        let out = &mut self.out;
        let _ = write!(out, "<path d=\"{data}\"");
        paint_attrs(out, "fill", fill);
        out.push_str("/>\n");
    }

    pub fn circle(&mut self, center: Point, radius: f32, fill: Paint, stroke: Stroke) {
        let out = &mut self.out;
        let _ = write!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"", Num(center.x), Num(center.y), Num(radius));
        paint_attrs(out, "fill", fill);
        paint_attrs(out, "stroke", stroke.paint);
        let _ = writeln!(out, " stroke-width=\"{}\"/>", Num(stroke.width));
    }

    /// Lines of text, the first line's top at `top`, left-aligned at `left`.
    pub fn text_block(&mut self, left: f32, top: f32, lines: &[String], style: TextStyle) {
        let step = line_height(style.size);
        for (i, line) in lines.iter().enumerate() {
            self.text_line(left, top + i as f32 * step + ascent(style.size), line, style);
        }
    }

    /// One line of text on the baseline `baseline`. Its length is fixed to
    /// the width measured with the app's font, so that a viewer that draws it
    /// with a wider font squeezes it into its card instead of overflowing.
    pub fn text_line(&mut self, left: f32, baseline: f32, text: &str, style: TextStyle) {
        if text.is_empty() {
            return;
        }
        let out = &mut self.out;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"",
            Num(left),
            Num(baseline),
            Num(style.size),
            Num(text_width(text, style.size))
        );
        paint_attrs(out, "fill", style.paint);
        let _ = writeln!(out, " xml:space=\"preserve\">{}</text>", escape_xml(text));
    }

    /// One line of text whose middle is at `center_y` (as egui's `LEFT_CENTER`).
    pub fn text_centered_vertically(&mut self, left: f32, center_y: f32, text: &str, style: TextStyle) {
        let baseline = center_y - line_height(style.size) / 2.0 + ascent(style.size);
        self.text_line(left, baseline, text, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(escape_xml("a < b & \"c\" > 'd'"), "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;");
        assert_eq!(escape_xml("bell\u{7}\u{FFFF}"), "bell\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(Num(3.0).to_string(), "3");
        assert_eq!(Num(2.456).to_string(), "2.46");
        assert_eq!(Num(-0.001).to_string(), "0");
    }
}
