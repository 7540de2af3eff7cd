//! The inspector when nothing is selected: the map's title, summary, authors
//! and licence, editable; how many items it holds; its sources and lanes.

use super::fields::TextField;
use super::{Editor, edited, heading_ui, lanes, section_ui, sources};
use crate::edit::commands::update_meta;
use crate::model::Counts;
use egui::{RichText, Ui};

/// Authors are edited one a line.
fn authors_from_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

pub(super) fn map_ui(ui: &mut Ui, editor: &mut Editor<'_>) {
    let meta = &editor.map.meta;
    heading_ui(ui, "MAP", ui.visuals().strong_text_color());
    TextField::multiline("map title", "Map title")
        .required()
        .ui(ui, editor, &meta.title, |_, title| Ok(update_meta(edited(meta, |m| m.title.clone_from(&title)))));
    TextField::multiline("map summary", "Summary")
        .ui(ui, editor, &meta.summary, |_, summary| Ok(update_meta(edited(meta, |m| m.summary.clone_from(&summary)))));
    TextField::multiline("map authors", "Authors (one a line)").ui(ui, editor, &meta.authors.join("\n"), |_, text| {
        Ok(update_meta(edited(meta, |m| m.authors = authors_from_lines(&text))))
    });
    TextField::line("map licence", "Licence")
        .ui(ui, editor, &meta.license, |_, license| Ok(update_meta(edited(meta, |m| m.license.clone_from(&license)))));
    section_ui(ui, "Contents");
    egui::Grid::new("inspector counts").num_columns(2).spacing([16.0, 2.0]).show(ui, |ui| {
        for (name, value) in Counts::of(editor.map).rows() {
            ui.label(RichText::new(name.replace('_', " ")).weak());
            ui.label(value.to_string());
            ui.end_row();
        }
    });
    sources::sources_ui(ui, editor);
    lanes::lanes_ui(ui, editor);
    ui.add_space(8.0);
    ui.label(RichText::new("Select an event, a claim or a link to edit it here.").weak());
}

#[cfg(test)]
mod tests {
    use super::authors_from_lines;

    #[test]
    fn authors_are_one_a_line_without_blanks() {
        assert_eq!(authors_from_lines("Ada\n\n  Grace \n"), ["Ada", "Grace"]);
    }
}
