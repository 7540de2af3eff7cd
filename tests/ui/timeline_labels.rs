//! Timeline labels (egui_kittest): a title longer than the labels' usual cap
//! is shown whole while its row leaves room beside it, at 100 % and at the
//! presentation's interface zoom.

use argline::ui::Document;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

#[test]
fn a_long_title_with_room_beside_it_is_shown_whole_at_every_interface_zoom() {
    // 1.5: the interface zoom while presenting (`ui::presenter::PRESENTATION_ZOOM`).
    for zoom in [1.0, 1.5] {
        let path = PathBuf::from("tests/data/timeline_labels/long_titles.ron");
        let document = Document::open(path).expect("the map opens");
        let title = document.map().events[0].title.clone();
        let mut harness = crate::harness::harness_with(crate::harness::app(document), 1.0 / 60.0);
        harness.ctx.set_zoom_factor(zoom);
        harness.run_steps(10);
        let whole = harness.ctx.fonts_mut(|fonts| {
            let font = egui::FontId::proportional(argline::layout::timeline_dimensions::LABEL_FONT_SIZE);
            fonts.layout_no_wrap(title.clone(), font, egui::Color32::WHITE).size().x
        });
        assert!(whole > argline::layout::timeline_dimensions::MAX_LABEL_WIDTH, "the title is longer than the cap");
        let drawn = harness.get_by_label(&title).rect();
        assert!(drawn.width() >= whole, "at zoom {zoom}: {} drawn of {whole} points", drawn.width());
    }
}
