//! The bundled case study holds to its argument: every quote is verbatim in
//! the article its own source names (and `argline quotes` finds each at its
//! anchor in the seed articles), every event cites a source, each question's
//! matrix rates every row against every explanation, and the story shows no
//! evidence before its as-of date.

use argline::analysis::{Matrix, questions};
use argline::model::{Citation, ItemRef, Map};
use std::collections::HashMap;
use std::path::Path;

const CASE_STUDY: &str = "sample_maps/us_china_cyber_2013_2015.ron";

fn case_study() -> Map {
    argline::format::load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(CASE_STUDY))
        .unwrap_or_else(|error| panic!("{error}"))
}

/// The seed articles, beside the project (as in CI); `None` (and a note)
/// where they are not.
fn seeds() -> Option<std::path::PathBuf> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if seeds.is_dir() {
        return Some(seeds);
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have the seed articles at {}", seeds.display());
    eprintln!("skipped: the seed articles are not at {}", seeds.display());
    None
}

/// The sources whose words the map quotes, and the seed article that holds
/// them. The fact sheet is quoted from AG Trade Law's excerpt of it.
const QUOTED: [(&str, &str); 6] = [
    ("goldsmith-lawfare", "000_6eaf8e97cb2fe093.txt"),
    ("ag-trade-law", "001_906640ce8251f03f.txt"),
    ("white-house-fact-sheet", "001_906640ce8251f03f.txt"),
    ("vox-beauchamp", "002_e7a65f1c9ad4ef6b.txt"),
    ("blog-obama-xi", "003_6e928fe5da430c29.txt"),
    ("diplomat-flashpoints", "004_3a9fb3462594526c.txt"),
];

/// Collapses runs of whitespace, as the promise "whitespace may be collapsed" allows.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_citations(map: &Map) -> impl Iterator<Item = (ItemRef, &Citation)> {
    let events = map.events.iter().flat_map(|e| e.citations.iter().map(|c| (ItemRef::Event(e.id.clone()), c)));
    let claims = map.claims.iter().flat_map(|c| c.citations.iter().map(move |x| (ItemRef::Claim(c.id.clone()), x)));
    let links = map.links.iter().flat_map(|l| l.citations.iter().map(move |c| (ItemRef::Link(l.id.clone()), c)));
    events.chain(claims).chain(links)
}

#[test]
fn every_quote_is_verbatim_in_the_article_its_source_names() {
    let Some(seeds) = seeds() else { return };
    let articles: HashMap<&str, String> = QUOTED
        .iter()
        .map(|(source, file)| {
            let text = std::fs::read_to_string(seeds.join(file)).unwrap_or_else(|error| panic!("{file}: {error}"));
            (*source, collapse_whitespace(&text))
        })
        .collect();
    let map = case_study();
    let mut checked = 0;
    for (item, citation) in all_citations(&map) {
        if citation.quote.is_empty() {
            continue;
        }
        let source = citation.source.as_str();
        let article =
            articles.get(source).unwrap_or_else(|| panic!("{item} quotes {source}, which is not a seed article"));
        let quote = collapse_whitespace(&citation.quote);
        assert!(article.contains(&quote), "{item}: not verbatim in {source}: {quote:?}");
        checked += 1;
    }
    assert!(checked >= 90, "only {checked} quotes");
}

#[test]
fn every_event_cites_a_source_and_every_reference_says_where() {
    let map = case_study();
    for event in &map.events {
        assert!(!event.citations.is_empty(), "event {} cites nothing", event.id);
    }
    for (item, citation) in all_citations(&map) {
        let located = citation.locator.as_deref().is_some_and(|locator| !locator.trim().is_empty());
        assert!(located, "{item}: a citation of {} without a locator", citation.source);
    }
    let quoted: Vec<&str> = QUOTED.iter().map(|(source, _)| *source).collect();
    for source in map.sources.iter().filter(|source| !quoted.contains(&source.id.as_str())) {
        assert!(source.date.is_some(), "public record {} has no date", source.id);
        assert!(!source.outlet.is_empty(), "public record {} names no outlet", source.id);
    }
}

#[test]
fn each_question_has_a_complete_matrix_and_the_combination_is_not_ranked() {
    let map = case_study();
    let questions = questions(&map);
    assert_eq!(questions.len(), 2, "{questions:?}");
    for question in &questions {
        let question = question.as_ref().expect("every explanation of the case study answers a question");
        let matrix = Matrix::of_question(&map, Some(question), None);
        assert!(matrix.explanations.len() >= 4, "{question}: {:?}", matrix.explanations);
        assert!(matrix.rows.len() >= 15, "{question}: {} rows", matrix.rows.len());
        for row in &matrix.rows {
            let missing: Vec<_> = matrix
                .explanations
                .iter()
                .zip(&row.cells)
                .filter(|(_, cell)| cell.is_none())
                .map(|(explanation, _)| explanation.to_string())
                .collect();
            assert!(missing.is_empty(), "{question}: {} is not rated against {missing:?}", row.item);
        }
        for row in &matrix.rows {
            for cell in row.cells.iter().flatten() {
                let link = map.link(&cell.link).expect("a cell is a link");
                assert!(!link.note.trim().is_empty(), "{question}: the rating {} gives no reason in its note", link.id);
            }
        }
        assert!(
            matrix.rows.iter().any(|row| row.diagnosticity() >= 2.0),
            "{question}: no row tells explanations apart"
        );
    }
    let combination = map.claim(&"some-combination".into()).expect("the combination");
    assert!(combination.composite);
    assert!(
        questions
            .iter()
            .flatten()
            .all(|q| !Matrix::of_question(&map, Some(q), None).explanations.contains(&combination.id))
    );
}

#[test]
fn every_step_after_the_summit_is_dated_and_shows_nothing_from_later() {
    let map = case_study();
    let summit = chrono::NaiveDate::from_ymd_opt(2015, 9, 25).expect("a date");
    for (index, step) in map.story.iter().enumerate() {
        let ends = step.window.map(|window| window.end.last_day());
        if ends.is_some_and(|end| end >= summit) {
            assert!(
                step.as_of.is_some() || !step.shows.is_empty(),
                "step {} is after the summit: {}",
                index + 1,
                step.title
            );
        }
        let Some(as_of) = step.as_of.map(|date| date.last_day()) else { continue };
        for item in step.shows.iter().chain(&step.highlights) {
            if let ItemRef::Event(id) = item {
                let event = map.event(id).expect("validated");
                assert!(event.date.first_day() <= as_of, "step {} shows {id} before it happened", index + 1);
            }
        }
    }
    let dates: Vec<_> = map.story.iter().filter_map(|step| step.as_of).map(|date| date.first_day()).collect();
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]), "as-of dates go back in time: {dates:?}");
}

#[test]
fn the_cli_validates_the_case_study_and_scores_each_question() {
    assert!(crate::run_argline(&["validate", CASE_STUDY]).status.success());
    let output = crate::run_argline(&["stats", CASE_STUDY, "--ach"]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let headings: Vec<&str> = stdout.lines().filter(|line| line.starts_with("question ")).collect();
    assert_eq!(headings.len(), 2, "{stdout}");
    assert!(headings[0].starts_with("question q-why-agree: "), "{stdout}");
    assert!(stdout.contains("some-combination composite (not ranked)"), "{stdout}");
    assert_eq!(stdout.lines().filter(|line| line.contains(" rank=")).count(), 8, "{stdout}");
}

/// Each source names its article by file name and hash, and every quote
/// stands at its anchor there: `argline quotes` finds nothing to report.
#[test]
fn argline_quotes_finds_every_quote_exact_in_the_seed_articles() {
    let Some(seeds) = seeds() else { return };
    let map = case_study();
    for (source, file) in QUOTED {
        let text = map.source(&source.into()).and_then(|source| source.text.as_ref());
        assert_eq!(text.map(|text| text.file.as_str()), Some(file), "{source} names its article");
    }
    let output = crate::run_argline(&["quotes", CASE_STUDY, "--texts", seeds.to_str().expect("a UTF-8 path")]);
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{stdout}{stderr}");
    let summary = stdout.lines().last().unwrap_or_default();
    assert!(summary.contains(" exact") && !summary.contains(','), "not all exact: {stdout}");
}
