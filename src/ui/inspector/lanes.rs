//! The timeline's lanes, when nothing is selected: rename, recolour (one undo
//! step per opening of the colour picker), add, and delete a lane that holds
//! no events (a lane with events is refused, saying how many it holds).

use super::fields::TextField;
use super::{Editor, section_ui};
use crate::edit::catalogue::{add_lane, delete_lane, update_lane};
use crate::edit::commands::fresh_id;
use crate::model::{Lane, Rgb};
use egui::{RichText, Ui};

/// The colour a new lane starts with: a neutral grey-blue, easy to recolour.
const NEW_LANE_COLOR: Rgb = Rgb([0x6b, 0x7f, 0x99]);

pub(super) fn lanes_ui(ui: &mut Ui, editor: &mut Editor<'_>) {
    let map = editor.map;
    section_ui(ui, &format!("Lanes ({})", map.lanes.len()));
    for lane in &map.lanes {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            lane_ui(ui, editor, lane);
        });
    }
    let key = "new lane";
    if ui.button("Add lane").clicked() {
        let lane = Lane { id: fresh_id(map, "new lane").into(), name: "New lane".to_owned(), color: NEW_LANE_COLOR };
        editor.commit(key, add_lane(map, lane), None);
    }
    editor.notice_ui(ui, key);
}

fn lane_ui(ui: &mut Ui, editor: &mut Editor<'_>, lane: &Lane) {
    let key = |field: &str| format!("lane {} {field}", lane.id);
    let colour_key = key("colour");
    ui.horizontal(|ui| {
        let mut colour = lane.color.0;
        let button = ui.color_edit_button_srgb(&mut colour).accessible_name(format!("Colour of lane {}", lane.name));
        if button.clicked() {
            editor.gesture(&colour_key, true);
        }
        if button.changed() && colour != lane.color.0 {
            let gesture = editor.gesture(&colour_key, false);
            let recoloured = Lane { color: Rgb(colour), ..lane.clone() };
            editor.commit(&colour_key, update_lane(editor.map, recoloured, "Recolour lane"), Some(gesture));
        }
        TextField::line(&key("name"), &format!("Name of lane {}", lane.id)).label_hidden().required().ui(
            ui,
            editor,
            &lane.name,
            |map, name| update_lane(map, Lane { name, ..lane.clone() }, "Rename lane"),
        );
    });
    let delete_key = key("delete");
    ui.horizontal(|ui| {
        let events = editor.map.events.iter().filter(|event| event.lane == lane.id).count();
        let count = if events == 1 { "1 event".to_owned() } else { format!("{events} events") };
        ui.label(RichText::new(format!("{count} · {}", lane.id)).small().weak());
        let delete = ui.button("Delete lane").on_hover_text("Only a lane without events can be deleted");
        if delete.accessible_name(format!("Delete lane {}", lane.name)).clicked() {
            editor.commit(&delete_key, delete_lane(editor.map, &lane.id), None);
        }
    });
    editor.notice_ui(ui, &delete_key);
}
