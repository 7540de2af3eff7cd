//! Writing a map in the formats other tools read: figures (SVG, PNG), argument
//! tools (Argdown, AIF), Graphviz, JSON for scripts, a Markdown report, CSV of
//! the events, TimelineJS for the web (these two written in `interchange/`),
//! and for a class a self-contained HTML page and a PDF handout. Pure: no
//! egui, no files; the caller writes the bytes where it wants (see
//! [`Format::extension`]).

mod dot;
mod html;
mod json;
mod losses;
mod markdown;
mod pdf;
mod png;
mod report;
pub mod slides;
mod svg;
pub use losses::losses;

use crate::model::Map;
use crate::sources::LoadedTexts;

/// A format a map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Svg,
    Png,
    Argdown,
    Aif,
    Dot,
    Json,
    Markdown,
    Csv,
    TimelineJs,
    Slides,
    /// One self-contained web page: the figure with pan and zoom, the story
    /// as slides, the timeline, the matrices, each item's quotes and sources.
    Html,
    /// A printable handout: the figure, the timeline, each explanation with
    /// its evidence and quotes, and the matrices.
    Pdf,
}

impl Format {
    pub const ALL: [Format; 12] = [
        Self::Svg,
        Self::Png,
        Self::Argdown,
        Self::Aif,
        Self::Dot,
        Self::Json,
        Self::Markdown,
        Self::Csv,
        Self::TimelineJs,
        Self::Slides,
        Self::Html,
        Self::Pdf,
    ];

    /// The name on the command line (`--format NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Argdown => "argdown",
            Self::Aif => "aif",
            Self::Dot => "dot",
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::TimelineJs => "timelinejs",
            Self::Slides => "slides",
            Self::Html => "html",
            Self::Pdf => "pdf",
        }
    }

    /// What the output holds, for the command line's help.
    pub fn description(self) -> &'static str {
        match self {
            Self::Svg => "The map and the timeline beneath it, drawn as the app draws them",
            Self::Png => "The SVG figure rendered to pixels",
            Self::Argdown => "Statements, arguments and their relations, for the Argdown tools",
            Self::Aif => "Argument Interchange Format JSON, as OVA and AIFdb read it",
            Self::Dot => "A Graphviz graph",
            Self::Json => "The RON document as JSON, for scripts",
            Self::Markdown => "A report: each explanation with its evidence, and the timeline",
            Self::Csv => "The events, one row each (RFC 4180)",
            Self::TimelineJs => "TimelineJS3 JSON, for timelines on the web",
            Self::Slides => "One PNG per story step, into a folder",
            Self::Html => "One self-contained web page: the map, the story as slides, the timeline, the matrix",
            Self::Pdf => "A handout to print: the map, the timeline, each explanation's evidence, the matrix",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Argdown => "argdown",
            Self::Aif => "json",
            Self::Dot => "dot",
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::TimelineJs => "json",
            Self::Slides => "png",
            Self::Html => "html",
            Self::Pdf => "pdf",
        }
    }

    /// The name shown in menus and file choosers.
    pub fn label(self) -> &'static str {
        match self {
            Self::Svg => "SVG figure",
            Self::Png => "PNG image",
            Self::Argdown => "Argdown",
            Self::Aif => "AIF JSON (OVA, AIFdb)",
            Self::Dot => "Graphviz DOT",
            Self::Json => "JSON",
            Self::Markdown => "Markdown report",
            Self::Csv => "CSV of the events",
            Self::TimelineJs => "TimelineJS",
            Self::Slides => "Slides (a PNG per story step)",
            Self::Html => "Web page (one HTML file)",
            Self::Pdf => "PDF handout",
        }
    }

    /// Whether the output is text (printed to stdout when no file is given).
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Png | Self::Slides | Self::Pdf)
    }

    /// Whether the output is a folder of files rather than one file.
    pub fn is_folder(self) -> bool {
        self == Self::Slides
    }
}

/// The paper a PDF handout is laid out on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 inches.
    Letter,
}

impl Paper {
    pub const ALL: [Self; 2] = [Self::A4, Self::Letter];

    /// The paper's name, as the command line writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::Letter => "letter",
        }
    }

    /// What the paper is, for the command line's help.
    pub fn description(self) -> &'static str {
        match self {
            Self::A4 => "210 × 297 mm",
            Self::Letter => "8.5 × 11 inches",
        }
    }

    /// Width and height of the portrait page, in PDF points (1/72 inch).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// How to export.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportOptions {
    /// Figures in the dark theme.
    pub dark: bool,
    /// Pixels per SVG unit of a PNG (1 = the SVG's size; 2 for print).
    pub scale: f32,
    /// The paper of a PDF handout.
    pub paper: Paper,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self { dark: false, scale: 1.0, paper: Paper::default() }
    }
}

/// Why a map could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the map as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot render the PNG: {0}")]
    Render(String),
    #[error("the PNG scale {scale} is out of range: use a number from 0.1 to 8")]
    Scale { scale: f32 },
    #[error("the PNG would be {width}×{height} pixels; lower --scale (at most {limit} pixels a side)")]
    TooLarge { width: u32, height: u32, limit: u32 },
    #[error("cannot make the PDF: {0}")]
    Pdf(String),
    #[error("slides are a folder of PNG files: use slides::write_slides (on the command line, -o FOLDER)")]
    NeedsFolder,
}

/// The ids of the links that other links bear on (undercut or otherwise):
/// the formats without links on links give them a node of their own.
pub(crate) fn links_borne_on(map: &Map) -> std::collections::HashSet<&str> {
    map.links
        .iter()
        .filter_map(|link| match &link.to {
            crate::model::LinkTo::Link(id) => Some(id.as_str()),
            crate::model::LinkTo::Claim(_) => None,
        })
        .collect()
}

/// `text` with each of `specials` escaped by a backslash and line breaks
/// folded into spaces: inline text for Argdown and Markdown.
/// `text` safe inside HTML, as text or in a quoted attribute: the one
/// escaping every writer of HTML (the page, TimelineJS, AIF's text) uses.
pub(crate) fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub(crate) fn backslash_escape(text: &str, specials: &[char]) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => escaped.push(' '),
            c if c == '\\' || specials.contains(&c) => {
                escaped.push('\\');
                escaped.push(c);
            }
            c => escaped.push(c),
        }
    }
    escaped
}

/// The bytes of `map` in `format`.
pub fn export(map: &Map, format: Format, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    export_with_texts(map, format, options, &LoadedTexts::default())
}

/// The bytes of `map` in `format`, with what its sources' texts tell (the
/// Markdown report's quotes say their paragraph).
pub fn export_with_texts(
    map: &Map,
    format: Format,
    options: &ExportOptions,
    texts: &LoadedTexts,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Svg => svg::render(map, options.dark).into_bytes(),
        Format::Png => png::render(&svg::render(map, options.dark), options.scale)?,
        Format::Argdown => crate::interchange::argdown::render(map).into_bytes(),
        Format::Aif => crate::interchange::aif::render(map)?.into_bytes(),
        Format::Dot => dot::render(map).into_bytes(),
        Format::Json => json::render(map)?.into_bytes(),
        Format::Markdown => markdown::render(map, texts).into_bytes(),
        Format::Csv => crate::interchange::csv::write::render(map).into_bytes(),
        Format::TimelineJs => crate::interchange::timelinejs::write::render(map)?.into_bytes(),
        Format::Html => html::render(map, &svg::render(map, options.dark)).into_bytes(),
        Format::Pdf => pdf::render(map, &svg::render(map, false), options.paper)?,
        Format::Slides => return Err(ExportError::NeedsFolder),
    })
}
