//! Kialo discussions as Kialo exports them (`tests/data/kialo/`, written here
//! in that shape): the thesis and every claim become claims, Pro and Con
//! supports and opposes links, `-> See` claims links to the claim they name
//! (also one further down), claims over several lines stay whole, and a
//! missing number, CRLF and a byte-order mark are taken in stride — with what
//! was not kept listed where it stands. Broken files fail at their fault.

use crate::run_argline;
use argline::import::{ImportError, ImportFormat, Imported, import};
use argline::model::{ClaimKind, LinkFrom, LinkTo, Map, Relation};
use std::collections::BTreeSet;
use std::path::Path;

fn bytes(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/kialo").join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn imported(name: &str) -> Imported {
    import(&bytes(name), ImportFormat::Kialo).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// Each link as (from's text start, relation, to's text start), by the first `words` characters.
fn links(map: &Map) -> BTreeSet<(String, Relation, String)> {
    let text = |id: &str| {
        let claim = map.claims.iter().find(|c| c.id.as_str() == id).expect("a claim");
        claim.text.chars().take(20).collect::<String>()
    };
    map.links
        .iter()
        .map(|link| match (&link.from, &link.to) {
            (LinkFrom::Claim(from), LinkTo::Claim(to)) => (text(from.as_str()), link.relation, text(to.as_str())),
            other => panic!("a link between claims, not {other:?}"),
        })
        .collect()
}

fn has(links: &BTreeSet<(String, Relation, String)>, from: &str, relation: Relation, to: &str) -> bool {
    links.iter().any(|(f, r, t)| f.starts_with(from) && *r == relation && t.starts_with(to))
}

#[test]
fn a_discussion_becomes_claims_with_their_pros_and_cons() {
    let imported = imported("homework.txt");
    let map = &imported.map;
    assert_eq!(map.meta.title, "Should our school ban homework?");
    assert_eq!(map.claims.len(), 9, "the thesis and eight claims; the -> See is a link");
    let kinds: Vec<ClaimKind> = map.claims.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == ClaimKind::Objection).count(), 5, "each Con an objection");
    let links = links(map);
    assert_eq!(links.len(), 9);
    assert!(has(&links, "Pupils need time", Relation::Supports, "Our school should"));
    assert!(has(&links, "Homework lets", Relation::Opposes, "Our school should"));
    assert!(has(&links, "Many parents cannot", Relation::Supports, "Most homework takes"), "the -> See link");
    assert_eq!(map.sources.len(), 1);
    assert_eq!(map.sources[0].url, "https://example.org/spacing");
    assert!(imported.notices.is_empty(), "{:?}", imported.notices);
    let positions: BTreeSet<(i64, i64)> =
        map.claims.iter().map(|c| (c.position.x as i64, c.position.y as i64)).collect();
    assert_eq!(positions.len(), map.claims.len(), "laid out, each claim in its own place");
    let y =
        |start: &str| map.claims.iter().find(|c| c.text.starts_with(start)).map(|c| c.position.y).unwrap_or_default();
    assert!(y("Our school") < y("Pupils need") && y("Pupils need") < y("Most homework"), "the thesis on top");
}

#[test]
fn claims_over_several_lines_and_a_see_to_a_later_claim() {
    let map = imported("multi_line_claims.txt").map;
    assert_eq!(map.meta.title, "Was the printing press the most important invention of the second millennium?");
    assert_eq!(map.claims.len(), 6);
    let cheap = map.claims.iter().find(|c| c.text.starts_with("It made books cheap")).expect("1.1.");
    assert_eq!(
        cheap.text,
        "It made books cheap enough for ordinary people to own.\nBefore it, a single Bible could cost a clerk a year's wages.\n\nAfter it, pamphlets sold for pennies."
    );
    let others = map.claims.iter().find(|c| c.text.starts_with("Other inventions")).expect("1.2.");
    assert!(others.text.ends_with("1. the steam engine\n2. electric power\n3. vaccines"), "{}", others.text);
    let links = links(&map);
    assert_eq!(links.len(), 6);
    assert!(has(&links, "Vaccination spread", Relation::Supports, "Other inventions"), "the -> See to a later claim");
}

#[test]
fn crlf_a_byte_order_mark_and_a_missing_number_are_taken_in_stride() {
    let imported = imported("crlf_bom_missing_number.txt");
    let map = &imported.map;
    assert_eq!(map.meta.title, "Should the town build a skate park?");
    assert_eq!(map.claims.len(), 5);
    assert!(map.claims.iter().all(|c| !c.text.contains('\r')));
    let links = links(map);
    assert!(has(&links, "Skate parks are nois", Relation::Opposes, "The town should"), "to the nearest claim above");
    let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        [
            "6:1: skipped: claim 1.3. is not in the file; 1.3.2. bears on 1. instead",
            "8:1: skipped: claim 1.4.1. links to 1.9., which is not in the file",
        ]
    );
}

#[test]
fn a_multi_thesis_discussion_is_a_question_with_rival_answers() {
    let map = imported("multi_thesis.txt").map;
    let question = map.claims.iter().find(|c| c.kind == ClaimKind::Question).expect("the question");
    let answers: Vec<&str> =
        map.claims.iter().filter(|c| c.answers.as_ref() == Some(&question.id)).map(|c| c.text.as_str()).collect();
    assert_eq!(answers.len(), 2, "{answers:?}");
    assert!(map.claims.iter().filter(|c| c.kind == ClaimKind::Explanation).count() == 2);
    let links = links(&map);
    assert_eq!(links.len(), 4);
    assert!(has(&links, "Rome itself was sack", Relation::Opposes, "Emperors spent more"));
}

#[test]
fn broken_discussions_fail_where_they_break() {
    let first = |name: &str| match import(&bytes(name), ImportFormat::Kialo) {
        Err(ImportError::Problems { problems }) => problems[0].to_string(),
        other => panic!("{name}: expected a positioned problem, got {other:?}"),
    };
    assert_eq!(first("broken_duplicate_number.txt"), "5:1: claim 1.1. is numbered twice (first at 4:1)");
    assert!(first("broken_no_thesis.txt").starts_with("1:1: no thesis: a Kialo discussion's text numbers"));
}

#[test]
fn every_prefix_of_every_discussion_imports_or_fails_with_a_position() {
    for name in ["homework.txt", "multi_line_claims.txt", "crlf_bom_missing_number.txt", "multi_thesis.txt"] {
        let bytes = bytes(name);
        for cut in 0..=bytes.len() {
            if let Err(error @ ImportError::Invalid { .. }) = import(&bytes[..cut], ImportFormat::Kialo) {
                panic!("{name} cut at {cut}: {error}");
            }
        }
    }
}

#[test]
fn the_command_line_imports_a_discussion() {
    let folder = tempfile::tempdir().expect("temp folder");
    let out = folder.path().join("homework.ron");
    let output = run_argline(&[
        "import",
        "tests/data/kialo/crlf_bom_missing_number.txt",
        "--from",
        "kialo",
        "-o",
        out.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("tests/data/kialo/crlf_bom_missing_number.txt:6:1: skipped: claim 1.3."), "{stderr}");
    let map = argline::format::load_file(&out).expect("a valid map");
    assert_eq!(map.claims.len(), 5);
    let help = run_argline(&["import", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("- kialo:      A Kialo discussion exported as text"));
}
