//! The PDF handout: the SVG figure (map, legend and timeline) fitted to one
//! page, turned to landscape when it is wider than tall, and, when that
//! makes its text too small to read, again in tiles at a readable scale;
//! then the text pages of [`content`]. Every page is an SVG drawn by
//! krilla-svg as vectors and real, selectable text, in the figures' fonts
//! (the app's font and the bundled CJK fallback, subset and embedded).

mod content;
mod pages;

use super::ExportError;
use super::Paper;
use super::png::font_database;
use krilla::Document;
use krilla::geom::{PathBuilder, Rect, Size, Transform};
use krilla::page::PageSettings;
use krilla::paint::FillRule;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;

const FIGURE_MARGIN: f32 = 28.0;
/// Below this scale the figure's card text (13 units) prints under 6 pt:
/// the figure is printed again in tiles, at this scale or a little more.
const READABLE_SCALE: f32 = 0.45;

fn parse(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options { fontdb: font_database(), ..usvg::Options::default() };
    usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render(error.to_string()))
}

fn page_settings(width: f32, height: f32) -> Result<PageSettings, ExportError> {
    PageSettings::from_wh(width, height).ok_or_else(|| ExportError::Pdf(format!("a page of {width}×{height} points")))
}

/// Draws the part of `tree` from its point `origin` on, at `scale`, inside
/// the margins of a page of `page` (width, height) points.
fn figure_page(
    document: &mut Document,
    tree: &usvg::Tree,
    page: (f32, f32),
    scale: f32,
    origin: (f32, f32),
) -> Result<(), ExportError> {
    let size = tree.size();
    let drawn = Size::from_wh(size.width() * scale, size.height() * scale)
        .ok_or_else(|| ExportError::Pdf("the figure is empty".to_owned()))?;
    let mut room = PathBuilder::new();
    room.push_rect(
        Rect::from_xywh(FIGURE_MARGIN, FIGURE_MARGIN, page.0 - 2.0 * FIGURE_MARGIN, page.1 - 2.0 * FIGURE_MARGIN)
            .ok_or_else(|| {
                ExportError::Pdf(format!("a page of {}×{} points has no room inside its margins", page.0, page.1))
            })?,
    );
    let room = room.finish().ok_or_else(|| ExportError::Pdf("the figure's frame".to_owned()))?;
    let mut page = document.start_page_with(page_settings(page.0, page.1)?);
    let mut surface = page.surface();
    surface.push_clip_path(&room, &FillRule::NonZero);
    surface
        .push_transform(&Transform::from_translate(FIGURE_MARGIN - origin.0 * scale, FIGURE_MARGIN - origin.1 * scale));
    surface.draw_svg(tree, drawn, SvgSettings::default());
    surface.pop();
    surface.pop();
    surface.finish();
    page.finish();
    Ok(())
}

/// The figure on the first page, fitted; then, if that prints it too small,
/// in as few tiles as show it at a readable scale, each filled.
fn figure(document: &mut Document, svg: &str, paper: Paper) -> Result<(), ExportError> {
    let tree = parse(svg)?;
    let (portrait_width, portrait_height) = paper.size_pt();
    let size = tree.size();
    let page = if size.width() > size.height() {
        (portrait_height, portrait_width)
    } else {
        (portrait_width, portrait_height)
    };
    let (room_x, room_y) = (page.0 - 2.0 * FIGURE_MARGIN, page.1 - 2.0 * FIGURE_MARGIN);
    let fitted = (room_x / size.width()).min(room_y / size.height());
    figure_page(document, &tree, page, fitted, (0.0, 0.0))?;
    if fitted >= READABLE_SCALE {
        return Ok(());
    }
    let columns = (size.width() * READABLE_SCALE / room_x).ceil();
    let rows = (size.height() * READABLE_SCALE / room_y).ceil();
    let scale = (columns * room_x / size.width()).min(rows * room_y / size.height());
    let (tile_width, tile_height) = (room_x / scale, room_y / scale);
    for row in 0..rows as usize {
        for column in 0..columns as usize {
            figure_page(document, &tree, page, scale, (column as f32 * tile_width, row as f32 * tile_height))?;
        }
    }
    Ok(())
}

/// The handout of `map` with `svg` (its SVG figure), on `paper`.
pub fn render(map: &crate::model::Map, svg: &str, paper: Paper) -> Result<Vec<u8>, ExportError> {
    let mut document = Document::new();
    document
        .set_metadata(krilla::metadata::Metadata::new().title(map.meta.title.clone()).creator("Argline".to_owned()));
    figure(&mut document, svg, paper)?;
    let (width, height) = paper.size_pt();
    for page_svg in content::pages(map, width, height) {
        let tree = parse(&page_svg)?;
        let mut page = document.start_page_with(page_settings(width, height)?);
        let mut surface = page.surface();
        let size = Size::from_wh(width, height)
            .ok_or_else(|| ExportError::Pdf(format!("a page of {width}×{height} points")))?;
        surface.draw_svg(&tree, size, SvgSettings::default());
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|error| ExportError::Pdf(format!("{error:?}")))
}
