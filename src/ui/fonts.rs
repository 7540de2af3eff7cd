//! Fonts: egui's defaults, then the system's fonts (eframe's fallback finds
//! CJK and other scripts there), and last a CJK font shipped in `assets/` for
//! systems that have none, so that 习近平 or 网络安全 never render as boxes.

use egui::epaint::text::{FallbackRequest, FontInsert, FontProvider, InsertFontFamily};
use egui::{FontData, FontFamily, FontPriority};
use std::sync::Arc;

const BUNDLED_CJK_NAME: &str = "Droid Sans Fallback (bundled)";
static BUNDLED_CJK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallback.ttf");

/// Whether `c` is in the CJK blocks the bundled font covers.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x2E80..=0x2FDF      // radicals
        | 0x3000..=0x30FF    // CJK punctuation, kana
        | 0x3100..=0x31FF    // bopomofo, kana extensions
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xAC00..=0xD7AF    // hangul
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFF00..=0xFFEF) // full-width forms
}

/// Adds the bundled CJK font as the last resort, after the system's fonts.
pub fn install(ctx: &egui::Context) {
    ctx.add_font_provider(bundled_cjk_provider());
}

/// Offers the bundled CJK font for the CJK characters no other font has.
pub fn bundled_cjk_provider() -> Arc<dyn FontProvider> {
    Arc::new(|request: &FallbackRequest<'_>| {
        let first = request.cluster.chars().next()?;
        if !is_cjk(first) {
            return None;
        }
        let families = [FontFamily::Proportional, FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily { family, priority: FontPriority::Lowest })
            .collect();
        Some(FontInsert::new(BUNDLED_CJK_NAME, FontData::from_static(BUNDLED_CJK), families))
    })
}

#[cfg(test)]
mod tests {
    use super::is_cjk;

    #[test]
    fn recognises_chinese_japanese_and_korean() {
        for c in "习近平网络安全、カ한".chars() {
            assert!(is_cjk(c), "{c}");
        }
        for c in "Xi Jinping – “”".chars() {
            assert!(!is_cjk(c), "{c}");
        }
    }
}
