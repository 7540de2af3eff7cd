//! PNG: the SVG figure rendered by resvg, with the app's font and the bundled
//! CJK fallback loaded first (then the system's fonts), so that a figure looks
//! the same on every machine.

use super::ExportError;
use crate::layout::font_metrics::bundled_fonts;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// The largest side of a PNG, in pixels: beyond this, memory runs out first.
const MAX_SIDE_PX: u32 = 16_384;

/// The fonts figures are drawn with, loaded once: shared with the PDF export.
pub(super) fn font_database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = usvg::fontdb::Database::new();
            for font in bundled_fonts() {
                database.load_font_data(font.to_vec());
            }
            database.load_system_fonts();
            Arc::new(database)
        })
        .clone()
}

/// Renders `svg` at `scale` pixels per SVG unit.
pub fn render(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    if !(0.1..=8.0).contains(&scale) {
        return Err(ExportError::Scale { scale });
    }
    let options = usvg::Options { fontdb: font_database(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render(error.to_string()))?;
    let size = tree.size();
    let (width, height) = ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
        return Err(ExportError::TooLarge { width, height, limit: MAX_SIDE_PX });
    }
    let mut pixmap = tiny_skia::Pixmap::new(width.max(1), height.max(1))
        .ok_or_else(|| ExportError::Render(format!("cannot allocate {width}×{height} pixels")))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|error| ExportError::Render(error.to_string()))
}
