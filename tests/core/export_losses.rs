//! Nothing of a map lost in the interchange formats: the revised case study
//! (questions, a composite explanation, neutral ratings, quotes) through AIF
//! and Argdown and back; what a format truly cannot hold is said on export.

use argline::export::{ExportOptions, Format, export, export_with_texts};
use argline::import::{ImportFormat, import};
use argline::model::{Map, Relation};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub fn revised_case_study() -> Map {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps/us_china_cyber_2013_2015.ron");
    argline::format::load_file(&path).expect("the revised case study is valid")
}

/// What an export must not lose of a map: its questions, composites and neutral ratings.
/// Each claim's id, question and composite mark.
type Questions = BTreeSet<(String, Option<String>, bool)>;
/// Each neutral rating's start, end, strength and note.
type Ratings = BTreeSet<(String, String, String)>;

fn questions_and_ratings(map: &Map) -> (Questions, Ratings) {
    let claims =
        map.claims.iter().map(|c| (c.id.to_string(), c.answers.as_ref().map(ToString::to_string), c.composite));
    let neutral =
        map.links.iter().filter(|l| l.relation == Relation::Neutral).map(|l| {
            (l.source_item().to_string(), l.target_item().to_string(), format!("{:?} {}", l.strength, l.note))
        });
    (claims.collect(), neutral.collect())
}

#[test]
fn aif_keeps_questions_composites_neutral_ratings_quotes_and_sources() {
    let map = revised_case_study();
    let bytes = export(&map, Format::Aif, &ExportOptions::default()).expect("exports");
    let back = import(&bytes, ImportFormat::Aif).expect("imports").map;
    assert!(map.links.iter().any(|l| l.relation == Relation::Neutral) && map.claims.iter().any(|c| c.composite));
    assert_eq!(questions_and_ratings(&back), questions_and_ratings(&map));
    assert_eq!(back.sources, map.sources);
    for claim in &map.claims {
        let citations = back.claim(&claim.id).map(|c| &c.citations);
        assert_eq!(citations, Some(&claim.citations), "{}", claim.id);
    }
    for event in &map.events {
        assert_eq!(back.event(&event.id).map(|e| &e.citations), Some(&event.citations), "{}", event.id);
    }
    let link_citations =
        |m: &Map| m.links.iter().map(|l| (l.id.to_string(), l.citations.clone())).collect::<BTreeMap<_, _>>();
    assert_eq!(link_citations(&back), link_citations(&map));
}

#[test]
fn argdown_keeps_questions_composites_and_neutral_ratings() {
    let map = revised_case_study();
    let bytes = export(&map, Format::Argdown, &ExportOptions::default()).expect("exports");
    let imported = import(&bytes, ImportFormat::Argdown).expect("imports");
    let (claims, neutral) = questions_and_ratings(&map);
    let (claims_back, neutral_back) = questions_and_ratings(&imported.map);
    assert_eq!(claims_back, claims);
    let ends = |ratings: Ratings| ratings.into_iter().map(|(a, b, _)| (a, b)).collect::<BTreeSet<_>>();
    assert_eq!(ends(neutral_back), ends(neutral), "every neutral rating, between the same items");
    let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
    assert!(notices.iter().all(|n| !n.contains("neutral") && !n.contains("answers")), "{notices:#?}");
}

#[test]
fn the_export_command_says_what_the_format_cannot_hold() {
    let output = crate::run_argline(&["export", "sample_maps/us_china_cyber_2013_2015.ron", "--format", "argdown"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let file = "sample_maps/us_china_cyber_2013_2015.ron";
    assert!(stderr.contains(&format!("{file}: note: ")), "{stderr}");
    assert!(stderr.contains("quotes and citations are not written: Argdown has no place for them"), "{stderr}");
    assert!(stderr.contains("story steps are not written"), "{stderr}");
    let output = crate::run_argline(&["export", file, "--format", "aif"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && !stderr.contains("quotes"), "{stderr}");
}

#[test]
fn the_report_says_which_paragraph_of_its_attached_text_a_quote_stands_in() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps/tutorial.ron");
    let mut map = argline::format::load_file(&path).expect("the tutorial is valid");
    let texts = argline::sources::LoadedTexts::load(&map, &argline::sources::TextPlace::of_map_file(Some(&path), None));
    let text = texts.text_of(&"tutorial-note".into()).expect("the tutorial's text beside it");
    let quote = "Closed for repairs until further notice.";
    let byte = text.as_str().find(quote).expect("in the note");
    let anchor = text.anchor_of(byte..byte + quote.len());
    let claim = map.claims.iter_mut().find(|c| c.kind == argline::model::ClaimKind::Explanation).expect("one");
    claim.citations.push(argline::model::Citation {
        anchor: Some(anchor),
        ..argline::model::Citation::new("tutorial-note", quote)
    });
    let report = export_with_texts(&map, Format::Markdown, &ExportOptions::default(), &texts).expect("exports");
    let report = String::from_utf8(report).expect("UTF-8");
    let line = report.lines().find(|line| line.contains(quote)).expect("the quote is in the report");
    assert!(line.ends_with(", ¶ 4"), "{line}");
    let without = String::from_utf8(export(&map, Format::Markdown, &ExportOptions::default()).expect("exports"));
    assert!(!without.expect("UTF-8").contains('¶'), "no text attached, no paragraph");
}
