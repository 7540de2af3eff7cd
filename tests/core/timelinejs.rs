//! TimelineJS files as their authors write them (`tests/data/timelinejs/`):
//! the Google-sheet template's shape (date parts as strings, empty parts,
//! empty media) and hand-written JSON (numbers, HTML, media with a caption
//! and credit, eras, years BCE, times of day, a slide with no headline) import
//! with a slide an event and an era a span, and what a map cannot hold listed
//! where it stands. `external_tools` checks that TimelineJS itself loads them.

use argline::import::{ImportError, ImportFormat, Imported, import};
use argline::model::{Date, Event, Map};
use std::path::Path;

fn data(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timelinejs").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn imported(name: &str) -> Imported {
    import(data(name).as_bytes(), ImportFormat::TimelineJs).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn event<'a>(map: &'a Map, title: &str) -> &'a Event {
    map.events.iter().find(|e| e.title == title).unwrap_or_else(|| panic!("no event {title:?} in {:?}", map.events))
}

fn lane_of(map: &Map, event: &Event) -> String {
    map.lane(&event.lane).map_or(String::new(), |lane| lane.name.clone())
}

/// The 1-based line of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    1 + text.lines().position(|line| line.contains(needle)).unwrap_or_else(|| panic!("no {needle:?}"))
}

fn notice_starting(imported: &Imported, start: &str) -> String {
    let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
    notices
        .iter()
        .find(|n| n.split_once(": ").is_some_and(|(_, m)| m.starts_with(start)))
        .cloned()
        .unwrap_or_else(|| panic!("no notice starting {start:?} in {notices:#?}"))
}

#[test]
fn the_sheet_template_imports_with_its_string_and_empty_parts() {
    let text = data("sheet_template.json");
    let imported = imported("sheet_template.json");
    let map = &imported.map;
    assert_eq!(map.meta.title, "The school garden");
    assert_eq!(map.meta.summary, "A year of our class garden, from the first dig to the harvest fair.");
    let dig = event(map, "We dig the beds");
    assert_eq!((dig.date, dig.end, lane_of(map, dig)), (Date::month(2024, 3), None, "Planting".to_owned()));
    let seedlings = event(map, "Seedlings indoors");
    assert_eq!((seedlings.date, seedlings.end), (Date::day(2024, 4, 15), Some(Date::day(2024, 5, 2))));
    let [citation] = seedlings.citations.as_slice() else { panic!("the media is cited: {seedlings:?}") };
    let source = map.source(&citation.source).expect("the media's source");
    assert_eq!(
        (source.url.as_str(), source.title.as_str(), source.author.as_str()),
        ("https://example.org/garden/seedlings.jpg", "Seedlings on the window sill", "Photo: Room 12")
    );
    let radish = map.events.iter().find(|e| e.date == Date::day(2024, 6, 21)).expect("the slide with no headline");
    assert!(radish.title.starts_with("The first radish, pulled at morning break") && radish.title.ends_with('…'));
    assert_eq!(radish.detail, "The first radish, pulled at morning break and shared nine ways.");
    assert_eq!(event(map, "A year of rain records").date, Date::year(2024));
    let spring = event(map, "Spring term");
    assert_eq!(
        (spring.date, spring.end, lane_of(map, spring)),
        (Date::day(2024, 3, 1), Some(Date::day(2024, 6, 30)), "Eras".to_owned())
    );
    let autumn = event(map, "Era Sep 2024 – Dec 2024");
    assert_eq!(autumn.end, Some(Date::month(2024, 12)));
    assert_eq!(map.events.len(), 6, "four slides and two eras");
    let radish_line = line_of(&text, "\"hour\": \"9\"");
    assert!(
        notice_starting(&imported, "renamed: slide 3 has no headline").starts_with(&format!("{}:", radish_line + 1))
    );
    assert!(notice_starting(&imported, "skipped: the time of day 09:30").starts_with(&format!("{radish_line}:")));
    notice_starting(&imported, "skipped: the display date \"Midsummer morning\" of slide 3");
    notice_starting(&imported, "skipped: the display date \"All of 2024\" of slide 4");
    notice_starting(&imported, "skipped: the background of slide 3");
    notice_starting(&imported, "renamed: era 2 has no headline");
    assert_eq!(imported.notices.len(), 6, "{:#?}", imported.notices);
}

#[test]
fn hand_written_json_keeps_html_media_eras_and_years_bce() {
    let imported = imported("hand_written.json");
    let map = &imported.map;
    assert_eq!(map.meta.title, "Rome before the Empire");
    let caesar = event(map, "Caesar is killed");
    assert_eq!((caesar.id.as_str(), caesar.date), ("ides-of-march", Date::day(-44, 3, 15)));
    assert_eq!(
        caesar.detail,
        "Stabbed at a meeting of the Senate in the Curia of Pompey.\n\nBrutus & Cassius lead the plot."
    );
    let source = map.source(&caesar.citations[0].source).expect("the painting");
    assert_eq!(source.title, "The Death of Caesar, a nineteenth-century painting");
    assert!(map.sources.iter().any(|s| s.author == "A. Photographer"), "the title slide's media is kept");
    let triumvirate = event(map, "The Second Triumvirate");
    assert_eq!((triumvirate.date, triumvirate.end), (Date::month(-43, 11), Some(Date::year(-33))));
    let actium = event(map, "Battle of Actium");
    assert_eq!(lane_of(map, actium), "Egypt & the East", "a group decoded twice, as TimelineJS shows it");
    assert_eq!(event(map, "August, 30 BCE").date, Date::day(-30, 8, 12), "titled from its display date");
    assert_eq!(event(map, "Octavian is named Augustus").end, None, "an end the same as the start is no span");
    let republic = event(map, "The last years of the Republic");
    assert_eq!((republic.date, republic.end), (Date::year(-44), Some(Date::year(-27))));
    notice_starting(
        &imported,
        "skipped: the time of day 14:00 (a map's dates are to the day), in the start of slide 3",
    );
    notice_starting(&imported, "skipped: the background of slide 3");
    notice_starting(&imported, "skipped: the display date \"August, 30 BCE\"");
    notice_starting(&imported, "renamed: slide 4 has no headline; it is titled \"August, 30 BCE\" from its date");
}

fn problems(json: &str) -> Vec<String> {
    match import(json.as_bytes(), ImportFormat::TimelineJs) {
        Err(ImportError::Problems { problems }) => problems.iter().map(ToString::to_string).collect(),
        other => panic!("expected positioned problems, got {other:?}"),
    }
}

#[test]
fn what_timelinejs_cannot_show_either_is_an_error_at_its_slide() {
    let json = "{\"eras\": [],\n \"events\": [\n  {\"start_date\": {\"year\": 2015}, \"text\": {\"headline\": \"A\"}},\n  {\"text\": {\"headline\": \"B\"},\n   \"start_date\": {\"year\": \"2015\", \"month\": \"June\"}}]}";
    assert_eq!(problems(json), ["5:4: the month \"June\" is not a whole number"]);
    assert_eq!(
        problems("{\"events\": []}"),
        ["1:1: the timeline has no slides: TimelineJS needs at least one in \"events\""]
    );
    let ends_early = "{\"events\": [{\"start_date\": {\"year\": 2015}, \"end_date\": {\"year\": 2014}}]}";
    assert_eq!(problems(ends_early), ["1:44: slide 1 ends (2014) before it starts (2015)"]);
}

#[test]
fn a_year_beyond_the_timeline_skips_its_slide_and_says_so() {
    let json = "{\"events\": [\n {\"start_date\": {\"year\": -13800000000}, \"text\": {\"headline\": \"Big Bang\"}},\n {\"start_date\": {\"year\": 1969}, \"text\": {\"headline\": \"Moon\"}}]}";
    let imported = import(json.as_bytes(), ImportFormat::TimelineJs).expect("imports");
    assert_eq!(imported.map.events.len(), 1);
    let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].starts_with("2:3: skipped: slide 1: the year -13800000000 is beyond"), "{notices:?}");
}

#[test]
fn every_prefix_of_the_test_files_imports_or_fails_with_a_position() {
    for name in ["sheet_template.json", "hand_written.json"] {
        let text = data(name);
        for cut in text.char_indices().map(|(at, _)| at).step_by(23) {
            match import(&text.as_bytes()[..cut], ImportFormat::TimelineJs) {
                Ok(_) | Err(ImportError::Problems { .. }) => {}
                Err(other) => panic!("{name} cut at {cut}: {other}"),
            }
        }
    }
}
