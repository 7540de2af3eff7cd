//! The matrix tab in the window (egui_kittest): a cell is the link between
//! its evidence and its explanation; rating it by keyboard changes, creates
//! or removes that link through the history, and undo restores it.

use argline::model::{LinkFrom, LinkTo, Map, Relation, Strength};
use argline::ui::{ArglineApp, Document};
use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

fn harness() -> Harness<'static, ArglineApp> {
    let document = Document::open(PathBuf::from("tests/data/analysis/worked_example.ron")).expect("opens");
    let mut harness = crate::harness::harness_with(crate::harness::app(document), 1.0 / 60.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::M);
    harness.run();
    harness
}

fn press(harness: &mut Harness<'_, ArglineApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The (relation, strength) of the rating link from event `from` to claim `to`, if any.
fn rating(map: &Map, from: &str, to: &str) -> Option<(Relation, Strength)> {
    map.links
        .iter()
        .find(|link| link.from == LinkFrom::Event(from.into()) && link.to == LinkTo::Claim(to.into()))
        .map(|link| (link.relation, link.strength))
}

#[test]
fn rating_a_cell_by_keyboard_changes_its_link_and_undo_restores_it() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    harness.get_by_label("Second event × Hypothesis three: neutral").click();
    harness.run();
    press(&mut harness, Key::Num5);
    assert_eq!(rating(&crate::harness::map_of(&harness), "e2", "h3"), Some((Relation::Opposes, Strength::Strong)));
    harness.get_by_label("Second event × Hypothesis three: strongly inconsistent");
    // The scores follow the link: H3 gains two inconsistencies.
    let h3 = argline::analysis::Matrix::of(&crate::harness::map_of(&harness), None).scores()[2].inconsistency;
    assert_eq!(h3, 5.0);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(crate::harness::map_of(&harness), before);
}

#[test]
fn clearing_a_cell_removes_its_link_and_rating_an_empty_cell_makes_one() {
    let mut harness = harness();
    let before = crate::harness::map_of(&harness);
    harness.get_by_label("Second event × Hypothesis three: neutral").click();
    harness.run();
    press(&mut harness, Key::Num0);
    let cleared = crate::harness::map_of(&harness);
    assert_eq!(rating(&cleared, "e2", "h3"), None);
    assert_eq!(cleared.links.len(), before.links.len() - 1);
    press(&mut harness, Key::Num1);
    assert_eq!(rating(&crate::harness::map_of(&harness), "e2", "h3"), Some((Relation::Supports, Strength::Strong)));
    assert!(argline::model::validate::validate(&crate::harness::map_of(&harness)).is_empty());
}

#[test]
fn arrow_keys_move_between_cells() {
    let mut harness = harness();
    harness.get_by_label("First event × Hypothesis one: consistent").click();
    harness.run();
    // Down to the second event, right to hypothesis two: C there becomes I.
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::Num4);
    assert_eq!(rating(&crate::harness::map_of(&harness), "e2", "h2"), Some((Relation::Opposes, Strength::Moderate)));
    assert_eq!(
        rating(&crate::harness::map_of(&harness), "e1", "h1"),
        Some((Relation::Supports, Strength::Moderate)),
        "untouched"
    );
}

#[test]
fn clicking_the_chart_of_scores_over_time_moves_the_as_of_cursor() {
    let mut harness = harness();
    assert_eq!(harness.state().as_of(), None);
    harness.get_by_label("Chart of scores over time").click();
    harness.run();
    let as_of = harness.state().as_of().expect("the cursor is on");
    let (first, last) = (NaiveDate::from_ymd_opt(2014, 12, 1), NaiveDate::from_ymd_opt(2015, 8, 1));
    assert!(Some(as_of) > first && Some(as_of) < last, "{as_of} lies within the evidence's dates");
}
