//! The inspector for a selection of many items: what it holds ("12 claims,
//! 3 events, 4 links"), what can be done to all of them at once — delete,
//! tag, move, tidy up, set the links' strength — and the items themselves, a
//! click on one selecting it alone.

use super::{Editor, heading_ui, section_ui};
use crate::edit::bulk;
use crate::model::Strength;
use crate::ui::action::Action;
use crate::ui::commands::Command;
use crate::ui::selection::Selection;
use crate::ui::theme;
use egui::{RichText, TextEdit, Ui};

/// Items listed by name under the actions; the rest are counted.
const LISTED: usize = 40;

pub(super) fn many_ui(ui: &mut Ui, editor: &mut Editor<'_>, selection: &Selection) {
    let items = selection.items();
    heading_ui(ui, "SELECTION", theme::selection_color(ui.visuals().dark_mode));
    ui.label(RichText::new(bulk::describe(items)).strong());
    let (claims, events, links) = bulk::kinds(items);

    section_ui(ui, "For all of them");
    ui.horizontal_wrapped(|ui| {
        if ui.button(format!("Delete all {}", items.len())).clicked() {
            editor.actions.command(Command::DeleteSelection);
        }
        if claims + events > 0 && ui.button("Tidy up these").clicked() {
            editor.actions.command(Command::TidyUp);
        }
    });
    if claims + events > 0 {
        let draft = editor.state.drafts.entry("many new tag".to_owned()).or_default();
        let field =
            ui.add(TextEdit::singleline(draft).hint_text("a tag for all, then Enter").desired_width(f32::INFINITY));
        if field.accessible_name("Tag all").lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let tag = std::mem::take(draft).trim().to_owned();
            if !tag.is_empty() {
                editor.actions.push(Action::TagSelection(tag));
            }
        }
        ui.horizontal(|ui| {
            ui.label("Move by");
            let [dx, dy] = &mut editor.state.move_by;
            ui.add(egui::DragValue::new(dx).speed(5.0).prefix("x ")).accessible_name("Move by x");
            ui.add(egui::DragValue::new(dy).speed(5.0).prefix("y ")).accessible_name("Move by y");
            if ui.button("Move").clicked() {
                editor.actions.push(Action::MoveSelection { dx: *dx, dy: *dy });
            }
        });
    }
    if links > 0 {
        ui.horizontal_wrapped(|ui| {
            ui.label(if links == 1 { "The link:".to_owned() } else { format!("The {links} links:") });
            for strength in Strength::ALL {
                if ui.button(strength.label()).clicked() {
                    editor.actions.push(Action::SetSelectionStrength(strength));
                }
            }
        });
    }

    section_ui(ui, "Selected");
    for item in items.iter().take(LISTED) {
        if ui.link(editor.map.item_name(item)).on_hover_text("Select this one alone").clicked() {
            editor.go_to(item.clone());
        }
    }
    if items.len() > LISTED {
        ui.label(RichText::new(format!("and {} more", items.len() - LISTED)).weak());
    }
}
