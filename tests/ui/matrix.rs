//! The matrix tab in the window (egui_kittest): a cell is the link between
//! its evidence and its explanation; rating it by keyboard changes, creates
//! or removes that link through the history, and undo restores it; a map
//! whose explanations answer questions shows one question's matrix, picked
//! and remembered.

use argline::model::{LinkFrom, LinkTo, Map, Relation, Strength};
use argline::ui::{ArglineApp, Document, Prefs};
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

/// Whether the matrix shows a column for the explanation `text`.
fn shows_column(harness: &Harness<'_, ArglineApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(&format!(" × {text}: ")).next().is_some()
}

#[test]
fn the_case_study_shows_one_questions_matrix_at_a_time_and_remembers_the_one_picked() {
    let map = crate::harness::case_study().map().clone();
    let text = |id: &str| map.claim(&id.into()).expect("in the case study").text.clone();
    let (why, worth) = (text("q-why-agree"), text("q-worth"));
    let (sanctions, framework) = (text("sanctions-threat"), text("limited-framework"));
    let open_matrix = |prefs: Prefs| {
        let app = ArglineApp::new(crate::harness::case_study(), prefs);
        let mut harness = crate::harness::harness_with(app, 1.0 / 60.0);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::M);
        harness.run();
        harness
    };
    let mut harness = open_matrix(Prefs::default());
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Question");
    assert!(shows_column(&harness, &sanctions) && !shows_column(&harness, &framework), "first: {why}");
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Question").click();
    harness.run();
    harness.get_by_label(&worth).click();
    harness.run();
    assert!(shows_column(&harness, &framework) && !shows_column(&harness, &sanctions), "then: {worth}");
    let remembered = harness.state().prefs().clone();
    assert_eq!(remembered.matrix_question, Some("q-worth".into()));
    let reopened = open_matrix(remembered);
    assert!(shows_column(&reopened, &framework), "the next run opens on {worth}");
}

#[test]
fn a_map_without_questions_has_no_question_picker() {
    let harness = harness();
    assert!(harness.query_by_label("Question").is_none());
    harness.get_by_label("Second event × Hypothesis three: neutral");
}
