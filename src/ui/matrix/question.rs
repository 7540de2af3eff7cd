//! Which question's matrix the matrix view shows: a map whose explanations
//! answer questions has one matrix per question ([`crate::analysis::questions`]),
//! picked above the table and remembered between runs (the app keeps the
//! choice in its preferences); a map without questions has the one matrix.

use crate::analysis::questions;
use crate::model::{ClaimId, Map};
use egui::Ui;

/// The question whose matrix is shown: the remembered one when the map asks
/// it, else the map's first.
pub fn shown_question(map: &Map, remembered: Option<&ClaimId>) -> Option<ClaimId> {
    let asked = questions(map);
    match remembered {
        Some(id) if asked.iter().flatten().any(|question| question == id) => Some(id.clone()),
        _ => asked.into_iter().next().flatten(),
    }
}

/// How a question is named in the picker.
fn question_name(map: &Map, question: Option<&ClaimId>) -> String {
    match question {
        Some(id) => map.claim(id).map_or_else(|| id.to_string(), |claim| claim.text.clone()),
        None => "Explanations that answer no question".to_owned(),
    }
}

/// The picker of the question whose matrix is shown, when the map has
/// questions; sets `remembered` to the one picked. Nothing for a map whose
/// explanations answer no question.
pub fn question_picker_ui(ui: &mut Ui, map: &Map, shown: Option<&ClaimId>, remembered: &mut Option<ClaimId>) {
    let asked = questions(map);
    if asked.iter().all(Option::is_none) {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label("Question");
        let mut picked = shown.cloned();
        egui::ComboBox::from_id_salt("matrix-question")
            .selected_text(question_name(map, shown))
            .width((ui.available_width() - 8.0).min(640.0))
            .truncate()
            .show_ui(ui, |ui| {
                for question in &asked {
                    ui.selectable_value(&mut picked, question.clone(), question_name(map, question.as_ref()));
                }
            })
            .response
            .labelled_by(label.id);
        if picked.as_ref() != shown {
            *remembered = picked;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case_study() -> Map {
        crate::format::load_str(crate::CASE_STUDY_RON, crate::CASE_STUDY_NAME).expect("the case study loads")
    }

    #[test]
    fn the_remembered_question_is_shown_when_the_map_asks_it() {
        let map = case_study();
        let asked: Vec<ClaimId> = questions(&map).into_iter().flatten().collect();
        assert!(asked.len() >= 2, "{asked:?}");
        assert_eq!(shown_question(&map, None).as_ref(), Some(&asked[0]));
        assert_eq!(shown_question(&map, Some(&asked[1])).as_ref(), Some(&asked[1]));
        assert_eq!(shown_question(&map, Some(&"not-a-question".into())).as_ref(), Some(&asked[0]));
    }

    #[test]
    fn a_map_without_questions_has_its_one_matrix() {
        let mut map = case_study();
        for claim in &mut map.claims {
            claim.answers = None;
        }
        assert_eq!(shown_question(&map, Some(&"q-why-agree".into())), None);
    }
}
