//! Measuring text for the map's geometry (the window's
//! [`crate::layout::Measure`]) and the timeline's labels: the height of every
//! card's and chip's text and the width of every event's label, laid out
//! exactly as the window draws them, without keeping the laid-out text. The map needs the size of each of its thousands of cards,
//! yet draws only those in view, so the measure has its own fonts
//! (the window's: egui's defaults, the system's, then the bundled CJK font),
//! throws each layout away, and remembers only heights, from one revision of
//! the map to the next. It owns no egui context, so it also runs on a worker
//! thread while the window opens.

use egui::epaint::text::{Fonts, LayoutJob, TextOptions};
use egui::{Color32, FontDefinitions, FontId, Vec2};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

pub struct TextMeasure {
    fonts: Fonts,
    /// Sizes of the texts measured during the current pass, by the hash of
    /// their layout job (as egui's own cache keys them).
    sizes: HashMap<u64, Vec2>,
    /// Sizes of the previous pass not asked for yet during this one.
    previous: HashMap<u64, Vec2>,
    /// How many texts were laid out (not found among the known sizes), for tests.
    laid_out: usize,
    /// Whether the system's fonts are among the fallbacks.
    system_fonts: bool,
}

impl TextMeasure {
    /// A measure with the fonts of the window: egui's, then the system's when
    /// `system_fonts` (as eframe adds them), then the bundled CJK font.
    pub fn new(text_options: TextOptions, system_fonts: bool) -> Self {
        let mut providers = Vec::new();
        if system_fonts {
            providers.push(Arc::new(egui_system_font_provider::SystemFontProvider::new()) as _);
        }
        providers.push(super::fonts::bundled_cjk_provider());
        let fonts = Fonts::new(text_options, FontDefinitions::default()).with_font_providers(providers);
        Self { fonts, sizes: HashMap::new(), previous: HashMap::new(), laid_out: 0, system_fonts }
    }

    /// Whether the system's fonts are among the fallbacks (as in the window).
    pub fn has_system_fonts(&self) -> bool {
        self.system_fonts
    }

    /// Begins measuring a new revision: texts not asked for during it are forgotten at the next.
    pub fn begin_pass(&mut self) {
        self.previous = std::mem::take(&mut self.sizes);
    }

    /// The size of the text `job` lays out.
    pub fn size(&mut self, job: LayoutJob) -> Vec2 {
        let key = {
            let mut hasher = DefaultHasher::new();
            job.hash(&mut hasher);
            hasher.finish()
        };
        self.remembered(key, || job)
    }

    /// The size remembered under `key`, else that of the text `job` lays out (made only then).
    fn remembered(&mut self, key: u64, job: impl FnOnce() -> LayoutJob) -> Vec2 {
        if let Some(&size) = self.sizes.get(&key) {
            return size;
        }
        let size = match self.previous.remove(&key) {
            Some(size) => size,
            None => {
                self.laid_out += 1;
                self.fonts.layout_uncached(1.0, Arc::new(job())).size()
            }
        };
        self.sizes.insert(key, size);
        size
    }

    /// The height of `text` in the proportional font of `size`, wrapped at `wrap` points.
    /// Known texts are found by a hash of these three, without making their layout job.
    pub fn height(&mut self, text: &str, size: f32, wrap: f32) -> f32 {
        let key = {
            let mut hasher = DefaultHasher::new();
            ("wrapped", text, size.to_bits(), wrap.to_bits()).hash(&mut hasher);
            hasher.finish()
        };
        self.remembered(key, || LayoutJob::simple(text.to_owned(), FontId::proportional(size), Color32::WHITE, wrap)).y
    }

    /// How many texts have been laid out since the measure was made (the others were known).
    pub fn laid_out(&self) -> usize {
        self.laid_out
    }
}

/// The map's geometry measured with the window's fonts.
impl crate::layout::Measure for TextMeasure {
    fn wrapped_height(&mut self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        self.height(text, font_size, wrap_width)
    }

    fn text_width(&mut self, text: &str, font_size: f32) -> f32 {
        self.size(LayoutJob::simple_singleline(text.to_owned(), FontId::proportional(font_size), Color32::WHITE)).x
    }

    fn begin_revision(&mut self) {
        self.begin_pass();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context_height(ctx: &egui::Context, text: &str, size: f32, wrap: f32) -> f32 {
        let mut height = 0.0;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            height = ui.fonts_mut(|fonts| {
                fonts.layout(text.to_owned(), FontId::proportional(size), Color32::WHITE, wrap).size().y
            });
        });
        output.textures_delta.clear();
        height
    }

    #[test]
    fn heights_are_those_the_window_lays_out() {
        let ctx = egui::Context::default();
        super::super::install_fonts(&ctx);
        let mut measure = TextMeasure::new(egui::Visuals::dark().text_options, false);
        let texts = [
            "China blinked",
            "The indictments of five PLA officers in May 2014 and the threat of sanctions under EO 13694 brought Xi to the table.",
            "Two paragraphs:\nthe second one is long enough to wrap onto another line of its card, and then some.",
            "习近平 and 网络安全: 中华人民共和国国家主席在白宫举行的联合记者会上宣布了这项协议。",
            "Averyveryveryveryveryveryveryveryveryveryverylongwordthatmustbebrokenacrosslines",
            "",
        ];
        for text in texts {
            for (size, wrap) in [(14.0, 216.0), (16.0, 256.0), (13.0, 186.0)] {
                let expected = context_height(&ctx, text, size, wrap);
                assert_eq!(measure.height(text, size, wrap), expected, "{text:?} at {size} wrapped at {wrap}");
            }
        }
        let one_line = measure.height("China blinked", 14.0, 216.0);
        let three_lines = measure.height(texts[1], 14.0, 120.0);
        assert!(three_lines > 2.5 * one_line, "{three_lines} for a long text against {one_line} for a short one");
    }

    #[test]
    fn only_texts_new_to_a_revision_are_laid_out() {
        let mut measure = TextMeasure::new(egui::Visuals::dark().text_options, false);
        let texts: Vec<String> =
            (0..50).map(|i| format!("Claim {i}, long enough to wrap onto a second line")).collect();
        measure.begin_pass();
        let first: Vec<f32> = texts.iter().map(|text| measure.height(text, 14.0, 216.0)).collect();
        assert_eq!(measure.laid_out(), 50);

        measure.begin_pass();
        let edited = "Claim 7, edited to say something else entirely and at greater length than before";
        for (i, text) in texts.iter().enumerate() {
            let height = measure.height(if i == 7 { edited } else { text }, 14.0, 216.0);
            if i != 7 {
                assert_eq!(height, first[i]);
            }
        }
        assert_eq!(measure.laid_out(), 51, "only the edited text is laid out again");

        // A text left out of one revision is forgotten at the next.
        measure.begin_pass();
        measure.begin_pass();
        measure.height(&texts[0], 14.0, 216.0);
        assert_eq!(measure.laid_out(), 52);
    }
}
