//! Text laid out on pages, as one SVG per page for the PDF to draw: blocks of
//! wrapped text (measured and broken as the figures' text is, in the font
//! they are drawn with) that flow onto a new page when the page is full, rows
//! of cells for tables, and a footer with the page's number.

use crate::layout::font_metrics::{FONT_FAMILY, FONT_WEIGHT, ascent, line_height, wrap_lines};
use std::fmt::Write;

/// Page margins, in points.
const MARGIN: f32 = 48.0;
const FOOTER_SIZE: f32 = 8.0;

/// How a block of text looks and where it sits.
#[derive(Clone, Copy)]
pub struct Style {
    pub size: f32,
    /// From the left margin, in points.
    pub indent: f32,
    pub color: &'static str,
    /// Space above the block, in points.
    pub space_before: f32,
}

pub const TITLE: Style = Style { size: 20.0, indent: 0.0, color: "#14181d", space_before: 0.0 };
pub const HEADING: Style = Style { size: 15.0, indent: 0.0, color: "#1d4f91", space_before: 16.0 };
pub const SUBHEADING: Style = Style { size: 11.5, indent: 0.0, color: "#14181d", space_before: 10.0 };
pub const BODY: Style = Style { size: 10.0, indent: 0.0, color: "#1d232b", space_before: 4.0 };
pub const QUOTE: Style = Style { size: 9.0, indent: 28.0, color: "#3c4654", space_before: 3.0 };
pub const NOTE: Style = Style { size: 8.5, indent: 28.0, color: "#5b6573", space_before: 1.0 };

impl Style {
    pub fn indented(self, indent: f32) -> Self {
        Self { indent, ..self }
    }
}

/// `text` safe in SVG (XML) text, as the figure escapes it, with control
/// characters (line breaks too: a page's line is one line) as spaces.
fn escape(text: &str) -> String {
    let clean: String =
        text.chars().map(|c| if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') { ' ' } else { c }).collect();
    crate::export::svg::escape_xml(&clean)
}

/// Pages being filled from the top.
pub struct Pages {
    width: f32,
    height: f32,
    footer: String,
    done: Vec<String>,
    body: String,
    y: f32,
}

impl Pages {
    /// Pages of `width` × `height` points, each with `footer` and its number at the foot.
    pub fn new(width: f32, height: f32, footer: &str) -> Self {
        Self { width, height, footer: footer.to_owned(), done: Vec::new(), body: String::new(), y: MARGIN }
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN
    }

    fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    /// Starts a new page unless this one is empty.
    pub fn break_page(&mut self) {
        if !self.body.is_empty() {
            self.done.push(std::mem::take(&mut self.body));
            self.y = MARGIN;
        }
    }

    /// Makes room for `height` points, on a new page if this one lacks it.
    fn reserve(&mut self, height: f32) {
        if self.y + height > self.bottom() {
            self.break_page();
        }
    }

    fn line(&mut self, x: f32, text: &str, style: Style) {
        let baseline = self.y + ascent(style.size);
        let _ = writeln!(
            self.body,
            r#"<text x="{x:.2}" y="{baseline:.2}" font-size="{}" fill="{}">{}</text>"#,
            style.size,
            style.color,
            escape(text)
        );
    }

    /// `text` wrapped to the page, `keep` more points kept on its page with
    /// its first line (a heading keeps with what follows).
    fn wrapped(&mut self, text: &str, style: Style, keep: f32) {
        let lines = wrap_lines(text, style.size, self.text_width() - style.indent);
        let step = line_height(style.size);
        self.y += style.space_before;
        self.reserve(step + keep);
        for line in lines {
            self.reserve(step);
            self.line(MARGIN + style.indent, &line, style);
            self.y += step;
        }
    }

    /// A paragraph.
    pub fn block(&mut self, text: &str, style: Style) {
        if !text.trim().is_empty() {
            self.wrapped(text, style, 0.0);
        }
    }

    /// A heading, kept on a page with at least two lines of what follows.
    pub fn heading(&mut self, text: &str, style: Style) {
        self.wrapped(text, style, 2.0 * line_height(BODY.size));
    }

    /// A row of cells: each starts at its `x` (from the margin) and wraps
    /// within its width; the row is as tall as its tallest cell, on one page.
    pub fn row(&mut self, cells: &[(f32, f32, &str)], style: Style, shaded: bool) {
        let step = line_height(style.size);
        let wrapped: Vec<Vec<String>> =
            cells.iter().map(|(_, width, text)| wrap_lines(text, style.size, *width)).collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * step + 4.0;
        self.reserve(height);
        if shaded {
            let _ = writeln!(
                self.body,
                r##"<rect x="{MARGIN}" y="{:.2}" width="{:.2}" height="{height:.2}" fill="#eef0f3"/>"##,
                self.y,
                self.text_width()
            );
        }
        let top = self.y + 2.0;
        for ((x, _, _), cell) in cells.iter().zip(&wrapped) {
            for (index, line) in cell.iter().enumerate() {
                self.y = top + index as f32 * step;
                self.line(MARGIN + x, line, style);
            }
        }
        self.y = top - 2.0 + height;
    }

    /// The width text may take, from the left margin.
    pub fn width(&self) -> f32 {
        self.text_width()
    }

    /// Each page as an SVG document, numbered at its foot.
    pub fn finish(mut self) -> Vec<String> {
        self.break_page();
        let count = self.done.len();
        let (width, height) = (self.width, self.height);
        self.done
            .iter()
            .enumerate()
            .map(|(index, body)| {
                let footer = escape(&format!("{} — page {} of {count}", self.footer, index + 1));
                format!(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
                     font-family=\"{FONT_FAMILY}\" font-weight=\"{FONT_WEIGHT}\">\n{body}\
                     <text x=\"{MARGIN}\" y=\"{:.2}\" font-size=\"{FOOTER_SIZE}\" fill=\"#6b7280\">{footer}</text>\n</svg>\n",
                    height - MARGIN / 2.0
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{BODY, HEADING, Pages};

    #[test]
    fn text_flows_onto_new_pages_and_each_is_numbered() {
        let mut pages = Pages::new(300.0, 200.0, "Handout <&>");
        pages.heading("A heading", HEADING);
        for n in 0..30 {
            pages.block(&format!("Paragraph {n} with words enough to wrap onto a second line of the page"), BODY);
        }
        let pages = pages.finish();
        assert!(pages.len() > 3, "{} pages", pages.len());
        for (index, page) in pages.iter().enumerate() {
            assert!(page.contains(&format!("Handout &lt;&amp;&gt; — page {} of {}", index + 1, pages.len())));
        }
        let all = pages.concat();
        for n in 0..30 {
            assert_eq!(all.matches(&format!(">Paragraph {n} ")).count(), 1, "paragraph {n} once");
        }
    }
}
