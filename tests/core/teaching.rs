//! `argline compare` and `argline assignment` on the case study as the key,
//! and a student's copy made from it as a student would: a claim left out
//! with its links, another put in the student's own words (and id), a
//! relation flipped, a rating changed, and a claim of the student's own.

use crate::run_argline;
use argline::model::{Claim, ClaimKind, ItemRef, Link, LinkFrom, LinkTo, Map, Position, Relation, Strength};
use argline::teaching::{self, AssignmentOptions, FindingKind, Verdict};
use std::path::Path;

const KEY: &str = "sample_maps/us_china_cyber_2013_2015.ron";
const REWORDED: &str = "China only came to the negotiating table because the US threatened sanctions";
const OWN: &str = "Chinese hackers simply moved on to other targets";

fn key() -> Map {
    argline::format::load_file(Path::new(KEY)).expect("the case study loads")
}

/// What the key weighs a student's map against, and what the student's changes
/// take from it: its claims and events, its relations and its ratings (its
/// matrix cells), and the relations and ratings the left-out claim took with it.
struct Expected {
    items: usize,
    relations: usize,
    ratings: usize,
    relations_lost: usize,
    ratings_lost: usize,
}

impl Expected {
    fn of(key: &Map) -> Self {
        let cells = teaching::matrix_cells(key);
        let left_out = ItemRef::Claim("c-offense-hint".into());
        let touches = |link: &Link| link.source_item() == left_out || link.to == LinkTo::Claim("c-offense-hint".into());
        let lost: Vec<&Link> = key.links.iter().filter(|link| touches(link)).collect();
        let ratings_lost = lost.iter().filter(|link| cells.contains(&link.id)).count();
        let relations = teaching::compare(key, key).expect("compares").tally().relations();
        Self {
            items: key.claims.len() + key.events.len(),
            relations,
            ratings: cells.len(),
            relations_lost: lost.len() - ratings_lost,
            ratings_lost,
        }
    }

    /// The student's score line: one claim missing and one extra, one relation flipped, one rating changed.
    fn student_line(&self) -> String {
        let relations_agreeing = self.relations - self.relations_lost - 1;
        let ratings_agreeing = self.ratings - self.ratings_lost - 1;
        let score = 40.0 * (self.items - 1) as f64 / self.items as f64
            + 40.0 * relations_agreeing as f64 / self.relations as f64
            + 20.0 * ratings_agreeing as f64 / self.ratings as f64;
        format!(
            "score {}/100 = 40 × {}/{} claims and events matched + 40 × {relations_agreeing}/{} relations agreeing + 20 × {ratings_agreeing}/{} ratings agreeing",
            score.round(),
            self.items - 1,
            self.items,
            self.relations,
            self.ratings
        )
    }
}

fn link_mut<'m>(map: &'m mut Map, id: &str) -> &'m mut Link {
    map.links.iter_mut().find(|link| link.id.as_str() == id).expect("the link is in the case study")
}

/// The key as one student handed it back.
fn student() -> Map {
    let key = key();
    let mut map = teaching::assignment(
        &key,
        &AssignmentOptions { hide: vec![ItemRef::Claim("c-offense-hint".into())], clear_ratings: false },
    )
    .expect("the claim is removed");
    // The sanctions-threat explanation, in the student's words and under the student's id.
    let claim = map.claims.iter_mut().find(|claim| claim.id.as_str() == "sanctions-threat").expect("the claim");
    claim.id = "threat-worked".into();
    claim.text = REWORDED.into();
    for link in &mut map.links {
        if link.to == LinkTo::Claim("sanctions-threat".into()) {
            link.to = LinkTo::Claim("threat-worked".into());
        }
    }
    for step in &mut map.story {
        for item in step.shows.iter_mut().chain(step.highlights.iter_mut()) {
            if *item == ItemRef::Claim("sanctions-threat".into()) {
                *item = ItemRef::Claim("threat-worked".into());
            }
        }
    }
    link_mut(&mut map, "l-xistmt-longstanding").relation = Relation::Opposes;
    let rated = link_mut(&mut map, "l-eo-blinked");
    (rated.relation, rated.strength) = (Relation::Opposes, Strength::Strong);
    map.claims.push(Claim::new("my-claim", ClaimKind::Claim, OWN, Position::new(0.0, 2400.0)));
    map.links.push(Link {
        id: "my-link".into(),
        from: LinkFrom::Claim("my-claim".into()),
        to: LinkTo::Claim("c-other-hacking".into()),
        relation: Relation::Supports,
        strength: Strength::Moderate,
        note: String::new(),
        citations: Vec::new(),
    });
    map
}

#[test]
fn each_change_of_the_student_is_found_and_the_reworded_claim_is_matched() {
    let (key, student) = (key(), student());
    let report = teaching::compare(&key, &student).expect("compares");
    let claim = |id: &str| ItemRef::Claim(id.into());
    assert_eq!(report.alignment.missing, vec![claim("c-offense-hint")]);
    assert_eq!(report.alignment.extra, vec![claim("my-claim")]);
    assert_eq!(report.alignment.student_of(&claim("sanctions-threat")), Some(&claim("threat-worked")));
    let reworded: Vec<_> = report.alignment.matched.iter().filter(|matched| matched.similarity < 1.0).collect();
    assert_eq!(reworded.len(), 1, "only the reworded claim is not word for word: {reworded:?}");

    let verdict = |id: &str| report.links.relations.iter().find(|check| check.key.as_str() == id).map(|c| c.verdict);
    assert_eq!(verdict("l-xistmt-longstanding"), Some(Verdict::Opposite));
    assert_eq!(verdict("l-brt2015-offense"), Some(Verdict::Missing), "the left-out claim's link");
    assert_eq!(report.links.extra_relations, vec!["my-link".into()]);
    let rating = |id: &str| report.links.ratings.iter().find(|check| check.key.as_str() == id).cloned();
    let changed = rating("l-eo-blinked").expect("a rated cell");
    assert_eq!((changed.key_rating.code(), changed.student_rating.map(|r| r.code())), ("C", Some("II")));
    assert_eq!(rating("l-offense-blinked").map(|check| check.student_rating), Some(None), "its cell is empty");
    assert!(rating("l-eo-sanctions").is_some_and(|check| check.agrees()), "the reworded claim's ratings agree");

    let tally = report.tally();
    let expected = Expected::of(&key);
    assert_eq!((tally.items_matched, tally.items_missing, tally.items_extra), (expected.items - 1, 1, 1));
    assert_eq!(
        (tally.relations_agreeing, tally.relations_opposite, tally.relations_missing),
        (expected.relations - expected.relations_lost - 1, 1, expected.relations_lost)
    );
    assert_eq!(
        (tally.ratings_agreeing, tally.ratings_differing, tally.ratings_missing),
        (expected.ratings - expected.ratings_lost - 1, 1, expected.ratings_lost)
    );
    assert!(!tally.agrees());
    assert_eq!(tally.score_line(), expected.student_line());
}

#[test]
fn the_report_says_how_the_score_is_made_and_names_each_difference() {
    let (key, student) = (key(), student());
    let text = teaching::compare(&key, &student).expect("compares").to_text(&key, &student);
    let expected = Expected::of(&key);
    assert!(text.starts_with(&format!("{}\n", expected.student_line())), "{text}");
    let left_out = key.claim(&"c-offense-hint".into()).expect("the left-out claim").text.clone();
    let (relations_agreeing, ratings_agreeing) =
        (expected.relations - expected.relations_lost - 1, expected.ratings - expected.ratings_lost - 1);
    for line in [
        format!("claims and events: {} of {} matched, 1 missing, 1 extra", expected.items - 1, expected.items),
        format!("  missing: claim \"c-offense-hint\": “{left_out}”"),
        format!("  extra: claim \"my-claim\": “{OWN}”"),
        format!(
            "relations: {relations_agreeing} of {} agree, 1 of the opposite sign, 0 another relation, 0 pointing elsewhere, {} missing, 1 extra",
            expected.relations, expected.relations_lost
        ),
        format!(
            "ratings: {ratings_agreeing} of {} agree, 1 differ, {} missing, 0 extra",
            expected.ratings, expected.ratings_lost
        ),
    ] {
        assert!(text.lines().any(|l| l == line.as_str()), "no line {line:?} in\n{text}");
    }
    assert!(text.contains("  reworded: claim \"threat-worked\" for key claim \"sanctions-threat\""), "{text}");
    assert!(text.contains("key C, student II"), "{text}");
}

#[test]
fn the_key_against_its_assignment_misses_exactly_what_was_hidden_and_the_ratings() {
    let key = key();
    let hidden = vec![ItemRef::Claim("o-no-concession-seen".into()), ItemRef::Event("eo-13694".into())];
    let copy = teaching::assignment(&key, &AssignmentOptions { hide: hidden.clone(), clear_ratings: true })
        .expect("the assignment is made");
    assert_eq!(key, self::key(), "the key is not changed");
    assert_eq!(copy.story.len(), key.story.len(), "the story is kept");
    assert!(copy.story.iter().all(|step| step.shows.iter().chain(&step.highlights).all(|item| !hidden.contains(item))));
    assert!(teaching::matrix_cells(&copy).is_empty(), "no ratings are left");
    let report = teaching::compare(&key, &copy).expect("compares");
    let mut missing = report.alignment.missing.clone();
    missing.sort();
    let mut expected = hidden;
    expected.sort();
    assert_eq!(missing, expected);
    assert!(report.alignment.extra.is_empty());
    assert!(report.alignment.matched.iter().all(|matched| matched.key == matched.student && matched.similarity == 1.0));
    let touching_hidden = |id: &argline::model::LinkId| {
        let link = key.link(id).expect("a key link");
        expected.contains(&link.source_item()) || !copy.links.iter().any(|kept| kept.id == link.id)
    };
    for check in &report.links.relations {
        assert_eq!(check.verdict == Verdict::Missing, touching_hidden(&check.key), "{check:?}");
    }
    assert!(report.links.ratings.iter().all(|check| check.student_rating.is_none()));
    assert_eq!(report.links.ratings.len(), teaching::matrix_cells(&key).len());
    let kinds: Vec<FindingKind> = report.findings(&key, &copy).iter().map(|finding| finding.kind).collect();
    assert!(!kinds.iter().any(|kind| matches!(kind, FindingKind::ExtraItem | FindingKind::Reworded)));
}

#[test]
fn compare_exits_0_when_the_maps_agree_1_when_they_differ_and_2_on_a_bad_file() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let student_file = dir.path().join("student.ron");
    argline::format::save_file(&student(), &student_file).expect("writes");
    let same = run_argline(&["compare", KEY, KEY]);
    assert_eq!(same.status.code(), Some(0), "{}", String::from_utf8_lossy(&same.stderr));
    assert!(String::from_utf8_lossy(&same.stdout).starts_with("score 100/100 = "));
    let differ = run_argline(&["compare", KEY, &student_file.display().to_string()]);
    assert_eq!(differ.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&differ.stdout).starts_with(&Expected::of(&key()).student_line()));
    let bad = run_argline(&["compare", "tests/data/grading/broken_student.ron", KEY]);
    assert_eq!(bad.status.code(), Some(2));
    let message = String::from_utf8_lossy(&bad.stderr);
    assert!(message.starts_with("tests/data/grading/broken_student.ron:9:"), "a positioned message: {message}");
}

#[test]
fn a_folder_of_maps_is_one_csv_row_each_sorted_by_name_a_broken_one_a_row_with_its_error() {
    let dir = tempfile::tempdir().expect("scratch folder");
    argline::format::save_file(&student(), &dir.path().join("b_student.ron")).expect("writes");
    argline::format::save_file(&key(), &dir.path().join("a_copy_of_the_key.ron")).expect("writes");
    std::fs::copy("tests/data/grading/broken_student.ron", dir.path().join("c_broken.ron")).expect("copies");
    std::fs::write(dir.path().join("notes.txt"), "not a map").expect("writes");
    let output = run_argline(&["compare", KEY, &dir.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(1), "one map differs");
    let csv = String::from_utf8_lossy(&output.stdout);
    let rows: Vec<&str> = csv.split("\r\n").filter(|row| !row.is_empty()).collect();
    assert_eq!(rows.len(), 4, "{csv}");
    assert_eq!(rows[0], teaching::CSV_COLUMNS.join(","));
    let expected = Expected::of(&key());
    let same = [expected.items, 0, 0, expected.relations, 0, 0, 0, 0, 0, expected.ratings, 0, 0, 0];
    let joined = |counts: &[usize]| counts.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
    assert_eq!(rows[1], format!("a_copy_of_the_key.ron,100,{},", joined(&same)));
    let score = expected.student_line().split(['/', ' ']).nth(1).expect("a score").to_owned();
    let student = [
        expected.items - 1,
        1,
        1,
        expected.relations - expected.relations_lost - 1,
        1,
        0,
        0,
        expected.relations_lost,
        1,
        expected.ratings - expected.ratings_lost - 1,
        1,
        expected.ratings_lost,
        0,
    ];
    assert_eq!(rows[2], format!("b_student.ron,{score},{},", joined(&student)));
    assert!(rows[3].starts_with("c_broken.ron,,,,,,,,,,,,,,,"), "{}", rows[3]);
    assert!(rows[3].contains("c_broken.ron:9:"), "the error says where: {}", rows[3]);
}

#[test]
fn assignment_on_the_command_line_hides_the_ids_given_and_refuses_an_unknown_one() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let out = dir.path().join("assignment.ron");
    let out_arg = out.display().to_string();
    let made = run_argline(&["assignment", KEY, "-o", &out_arg, "--hide", "o-no-concession-seen,eo-13694"]);
    assert_eq!(made.status.code(), Some(0), "{}", String::from_utf8_lossy(&made.stderr));
    let copy = argline::format::load_file(&out).expect("the assignment loads");
    let expected = teaching::assignment(
        &key(),
        &AssignmentOptions {
            hide: vec![ItemRef::Claim("o-no-concession-seen".into()), ItemRef::Event("eo-13694".into())],
            clear_ratings: true,
        },
    )
    .expect("made");
    assert_eq!(copy, expected, "the command line makes what the window makes");
    let compared = run_argline(&["compare", KEY, &out_arg]);
    let items = Expected::of(&key()).items;
    let line = format!("claims and events: {} of {items} matched, 2 missing, 0 extra", items - 2);
    assert!(String::from_utf8_lossy(&compared.stdout).contains(&line), "{line}");

    let unknown = run_argline(&["assignment", KEY, "-o", &out_arg, "--hide", "no-such-claim"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .contains("no claim, event or link of the map has the id \"no-such-claim\"")
    );
}
