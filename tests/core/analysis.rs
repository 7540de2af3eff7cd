//! The analysis module against hand-worked numbers: the matrix and its
//! scores (tests/data/analysis/worked_example.ron), as-of dates, sensitivity,
//! diagnosticity, the consistency checks on a deliberately broken map, and search.

use argline::analysis::{Check, Filter, Matrix, Rating, run_checks, search};
use argline::model::{ItemRef, Map};
use chrono::NaiveDate;
use std::path::Path;

fn load(path: &str) -> Map {
    argline::format::load_file(Path::new(path)).expect("the test map loads")
}

fn worked_example() -> Map {
    load("tests/data/analysis/worked_example.ron")
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn the_matrix_reads_rows_columns_and_cells_off_the_links() {
    let matrix = Matrix::of(&worked_example(), None);
    let ids: Vec<&str> = matrix.explanations.iter().map(|id| id.as_str()).collect();
    assert_eq!(ids, ["h1", "h2", "h3"]);
    let rows: Vec<String> = matrix.rows.iter().map(|row| row.item.to_string()).collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    let codes: Vec<Vec<&str>> = matrix
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|cell| cell.as_ref().map_or("", |cell| cell.rating.code())).collect())
        .collect();
    assert_eq!(codes, [["C", "I", "II"], ["I", "C", "N"], ["CC", "II", "C"], ["N", "N", "I"]]);
    assert_eq!(matrix.rows[0].cells[2].as_ref().map(|cell| cell.link.as_str()), Some("e1-h3"));
}

#[test]
fn scores_match_the_hand_worked_example() {
    let scores = Matrix::of(&worked_example(), None).scores();
    let inconsistency: Vec<f64> = scores.iter().map(|score| score.inconsistency).collect();
    assert_eq!(inconsistency, [1.0, 3.0, 3.0]);
    let ranks: Vec<usize> = scores.iter().map(|score| score.rank).collect();
    assert_eq!(ranks, [1, 2, 2], "ties share a rank");
    // H1: e2 I × (1/√2 · √2) = 1. H2: e1 I × √2 + e3 II × 1. H3: e1 II × √2 + c1 I × 1/√2.
    let sqrt2 = std::f64::consts::SQRT_2;
    let expected = [1.0, sqrt2 + 2.0, 2.0 * sqrt2 + std::f64::consts::FRAC_1_SQRT_2];
    for (score, expected) in scores.iter().zip(expected) {
        assert!(close(score.weighted, expected), "{}: {} ≠ {expected}", score.explanation, score.weighted);
    }
}

#[test]
fn diagnosticity_is_the_spread_of_a_rows_ratings() {
    let matrix = Matrix::of(&worked_example(), None);
    let spread: Vec<f64> = matrix.rows.iter().map(|row| row.diagnosticity()).collect();
    assert_eq!(spread, [3.0, 2.0, 4.0, 1.0]);
}

#[test]
fn a_row_is_sensitive_when_leaving_it_out_changes_the_leader() {
    // Without e1, H3 ties H1 at 1; without e3, H2 ties H1 at 1; e2 and c1 change nothing at the top.
    assert_eq!(Matrix::of(&worked_example(), None).sensitive_rows(), [true, false, true, false]);
}

#[test]
fn as_of_a_date_only_evidence_known_by_then_counts() {
    let map = worked_example();
    let before_all = Matrix::of(&map, Some(date("2014-12-31")));
    assert!(before_all.rows.is_empty());
    assert!(
        before_all.scores().iter().all(|score| score.inconsistency == 0.0 && score.weighted == 0.0 && score.rank == 1)
    );
    let february = Matrix::of(&map, Some(date("2015-02-01"))).scores();
    assert_eq!(february.iter().map(|s| s.inconsistency).collect::<Vec<_>>(), [0.0, 1.0, 2.0]);
    // The claim is dated by its source (1 July 2015), so it is not yet known on 30 June.
    let june = Matrix::of(&map, Some(date("2015-06-30")));
    assert_eq!(june.rows.len(), 3);
    assert_eq!(june.scores().iter().map(|s| s.inconsistency).collect::<Vec<_>>(), [1.0, 3.0, 2.0]);
}

#[test]
fn every_rating_maps_to_a_relation_and_back() {
    for rating in Rating::ALL {
        let (relation, strength) = rating.relation_and_strength();
        let mut link = worked_example().links[0].clone();
        (link.relation, link.strength) = (relation, strength);
        assert_eq!(Rating::of(&link), Some(rating));
    }
}

#[test]
fn the_case_study_opens_on_the_matrix_of_its_first_question() {
    let map = argline::format::load_str(argline::CASE_STUDY_RON, "case study").expect("loads");
    let matrix = Matrix::of(&map, None);
    // Why China agreed: four explanations ranked; the combination of them is not.
    assert_eq!(matrix, Matrix::of_question(&map, Some(&"q-why-agree".into()), None));
    assert_eq!(matrix.explanations.len(), 4);
    assert!(matrix.rows.len() >= 15, "{} rows", matrix.rows.len());
    assert!(matrix.rows.iter().any(|row| row.diagnosticity() >= 2.0), "some evidence tells explanations apart");
}

#[test]
fn the_checks_report_each_fault_of_a_deliberately_broken_map() {
    let findings = run_checks(&load("tests/data/analysis/checks_broken.ron"));
    let found = |check: Check| -> Vec<Vec<String>> {
        findings
            .iter()
            .filter(|finding| finding.check == check)
            .map(|finding| finding.items.iter().map(ToString::to_string).collect())
            .collect()
    };
    assert_eq!(found(Check::Uncited), [["event \"uncited\""]]);
    assert_eq!(found(Check::NoEvidence), [["claim \"lonely\""]]);
    assert_eq!(found(Check::OneSided), [["claim \"favoured\""]]);
    assert_eq!(found(Check::StoryBeforeEvent), [["event \"foretold\""]]);
    assert_eq!(found(Check::SourceBeforeEvent), [["event \"foretold\""]]);
    assert_eq!(found(Check::DuplicateText), [["claim \"twin-a\"", "claim \"twin-b\""]]);
    assert_eq!(findings.len(), 6, "{findings:#?}");
}

#[test]
fn the_checks_find_nothing_wrong_with_the_worked_example() {
    let findings = run_checks(&worked_example());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn search_finds_all_words_in_any_text_and_filters_narrow_it() {
    let map = argline::format::load_str(argline::CASE_STUDY_RON, "case study").expect("loads");
    let hits = search(&map, "SANCTIONS threat", &Filter::default());
    assert!(hits.len() >= 3, "{hits:#?}");
    assert!(hits.iter().any(|hit| hit.field == "quote"), "quotes are searched");
    assert!(hits.iter().all(|hit| hit.snippet.to_lowercase().contains("sanctions")));
    let in_us_lane = Filter { lanes: vec!["us".into()], ..Filter::default() };
    let narrowed = search(&map, "sanctions", &in_us_lane);
    assert!(!narrowed.is_empty());
    assert!(
        narrowed.iter().all(
            |hit| matches!(&hit.item, ItemRef::Event(id) if map.event(id).is_some_and(|e| e.lane.as_str() == "us"))
        )
    );
    assert!(search(&map, "no such words anywhere", &Filter::default()).is_empty());
}

#[test]
fn scores_over_time_step_up_as_evidence_arrives() {
    let series = Matrix::of(&worked_example(), None).scores_over_time();
    let expected = [
        (date("2015-01-10"), vec![0.0, 1.0, 2.0]),
        (date("2015-03-01"), vec![1.0, 1.0, 2.0]),
        (date("2015-06-01"), vec![1.0, 3.0, 2.0]),
        (date("2015-07-01"), vec![1.0, 3.0, 3.0]),
    ];
    assert_eq!(series, expected);
}
