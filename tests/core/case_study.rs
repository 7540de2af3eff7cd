//! The bundled case study: it validates, meets the counts the product
//! promises, writes back byte for byte and survives truncation (its quotes
//! and its argument: `case_study_argument.rs`).

use argline::format::{load_bytes, load_str, to_ron_string};
use argline::model::{ClaimKind, Counts, Map, Relation};
use std::path::Path;

fn case_study() -> Map {
    load_str(argline::CASE_STUDY_RON, argline::CASE_STUDY_NAME).unwrap_or_else(|error| panic!("{error}"))
}

fn sample(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn the_embedded_case_study_is_the_file_in_sample_maps() {
    assert_eq!(argline::CASE_STUDY_RON, sample("us_china_cyber_2013_2015.ron"));
}

#[test]
fn load_then_save_gives_identical_bytes() {
    for name in ["us_china_cyber_2013_2015.ron", "tutorial.ron"] {
        let text = sample(name);
        let map = load_str(&text, name).unwrap_or_else(|error| panic!("{error}"));
        let written = to_ron_string(&map).expect("writes");
        assert!(written == text, "{name} is not written back byte for byte");
        assert_eq!(load_str(&written, name).expect("reloads"), map);
    }
}

#[test]
fn the_case_study_meets_its_counts() {
    let map = case_study();
    let counts = Counts::of(&map);
    assert!(counts.events >= 30, "{counts:?}");
    assert!(counts.spans >= 2, "{counts:?}");
    assert!(counts.lanes >= 4, "{counts:?}");
    // The five articles, the fact sheet they quote and the public record the events cite.
    assert!(counts.sources >= 6, "{counts:?}");
    assert!(counts.explanations >= 6, "{counts:?}");
    assert!(counts.claims - counts.explanations >= 20, "{counts:?}");
    assert!(counts.links >= 40, "{counts:?}");
    assert!(counts.story_steps >= 8, "{counts:?}");
    let years: Vec<i32> = map.events.iter().map(|event| event.date.year_number()).collect();
    assert!(years.iter().all(|year| (2013..=2016).contains(year)), "{years:?}");
}

#[test]
fn the_case_study_holds_the_named_explanations_and_events() {
    let map = case_study();
    let explanation_texts: Vec<String> = map.explanations().map(|claim| claim.text.to_lowercase()).collect();
    for needle in ["little of substance", "china blinked", "concessions", "combination", "sanction"] {
        assert!(
            explanation_texts.iter().any(|text| text.contains(needle)),
            "no explanation mentions {needle:?}: {explanation_texts:?}"
        );
    }
    let titles: Vec<String> = map.events.iter().map(|event| event.title.to_lowercase()).collect();
    for needle in ["sunnylands", "indict", "13694", "opm", "meng jianzhu", "cybercrime"] {
        assert!(titles.iter().any(|title| title.contains(needle)), "no event mentions {needle:?}");
    }
    assert!(map.links.iter().any(|link| link.relation == Relation::Undercuts));
    assert!(map.claims.iter().any(|claim| claim.kind == ClaimKind::Objection));
}

#[test]
fn every_prefix_loads_to_an_error_or_a_map_never_a_panic() {
    let bytes = argline::CASE_STUDY_RON.as_bytes();
    let step = (bytes.len() / 1_500).max(1);
    for end in (0..bytes.len()).step_by(step) {
        let _ = load_bytes(&bytes[..end], "prefix.ron");
    }
}
