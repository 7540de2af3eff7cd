//! Writing a map in the formats other tools read: figures (SVG, PNG), argument
//! tools (Argdown, AIF), Graphviz, JSON for scripts, a Markdown report, CSV of
//! the events and TimelineJS for the web. Pure: no egui, no files; the caller
//! writes the bytes where it wants (see [`Format::extension`]).

pub(crate) mod aif;
pub(crate) mod argdown;
pub(crate) mod csv;
mod dot;
mod json;
mod markdown;
mod png;
pub mod slides;
mod svg;
pub(crate) mod timelinejs;

use crate::model::Map;

/// A format a map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// The map and the timeline beneath it, drawn as the app draws them.
    Svg,
    /// The SVG figure rendered to pixels.
    Png,
    /// Statements, arguments and their relations, for the Argdown tools.
    Argdown,
    /// Argument Interchange Format JSON, as OVA and AIFdb read it.
    Aif,
    /// A Graphviz graph.
    Dot,
    /// The RON document as JSON, for scripts.
    Json,
    /// A report: each explanation with its evidence, and the timeline.
    #[value(name = "md")]
    Markdown,
    /// The events, one row each (RFC 4180).
    Csv,
    /// TimelineJS3 JSON, for timelines on the web.
    #[value(name = "timelinejs")]
    TimelineJs,
    /// One PNG per story step, into a folder.
    Slides,
}

impl Format {
    pub const ALL: [Format; 10] = [
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
    ];

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
        }
    }

    /// Whether the output is text (printed to stdout when no file is given).
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Png | Self::Slides)
    }

    /// Whether the output is a folder of files rather than one file.
    pub fn is_folder(self) -> bool {
        self == Self::Slides
    }
}

/// How to export.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportOptions {
    /// Figures in the dark theme.
    pub dark: bool,
    /// Pixels per SVG unit of a PNG (1 = the SVG's size; 2 for print).
    pub scale: f32,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self { dark: false, scale: 1.0 }
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
    Ok(match format {
        Format::Svg => svg::render(map, options.dark).into_bytes(),
        Format::Png => png::render(&svg::render(map, options.dark), options.scale)?,
        Format::Argdown => argdown::render(map).into_bytes(),
        Format::Aif => aif::render(map)?.into_bytes(),
        Format::Dot => dot::render(map).into_bytes(),
        Format::Json => json::render(map)?.into_bytes(),
        Format::Markdown => markdown::render(map).into_bytes(),
        Format::Csv => csv::render(map).into_bytes(),
        Format::TimelineJs => timelinejs::render(map)?.into_bytes(),
        Format::Slides => return Err(ExportError::NeedsFolder),
    })
}
