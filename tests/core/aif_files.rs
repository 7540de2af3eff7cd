//! AIF as its tools write it — AIFdb's corpus JSON, OVA3's files with their
//! layout, xAIF with its text spans — imported, and Argline's quotes written
//! as locutions. The files under `tests/data/aif/` are the project's own, in
//! those tools' shapes.

use argline::export::{ExportOptions, Format, export};
use argline::import::{ImportFormat, Imported, import};
use argline::model::{ClaimId, LinkFrom, LinkTo, Map, Relation};
use std::collections::BTreeSet;
use std::path::Path;

fn imported(name: &str) -> Imported {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/aif").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{name}: {error}"));
    import(&bytes, ImportFormat::Aif).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn notices(imported: &Imported) -> Vec<String> {
    imported.notices.iter().map(ToString::to_string).collect()
}

fn has_notice(imported: &Imported, start: &str) {
    let notices = notices(imported);
    assert!(notices.iter().any(|n| n.starts_with(start)), "no notice \"{start}…\" in {notices:#?}");
}

/// Each link as (from, relation, to), by the claims' texts (a link's target by its start's).
fn relations(map: &Map) -> BTreeSet<(String, Relation, String)> {
    let text = |id: &ClaimId| map.claim(id).map_or(id.to_string(), |c| c.text.clone());
    let from = |from: &LinkFrom| match from {
        LinkFrom::Claim(id) => text(id),
        LinkFrom::Event(id) => id.to_string(),
    };
    map.links
        .iter()
        .map(|link| {
            let to = match &link.to {
                LinkTo::Claim(id) => text(id),
                LinkTo::Link(id) => format!("the link from {}", map.link(id).map_or(String::new(), |l| from(&l.from))),
            };
            (from(&link.from), link.relation, to)
        })
        .collect()
}

fn triple(from: &str, relation: Relation, to: &str) -> (String, Relation, String) {
    (from.to_owned(), relation, to.to_owned())
}

fn claim_with<'a>(map: &'a Map, text: &str) -> &'a argline::model::Claim {
    map.claims.iter().find(|c| c.text == text).unwrap_or_else(|| panic!("no claim \"{text}\""))
}

#[test]
fn an_aifdb_nodeset_imports_with_its_schemes_rephrases_quotes_and_dialogue_listed() {
    let imported = imported("aifdb_nodeset.json");
    let map = &imported.map;
    let texts: BTreeSet<&str> = map.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        BTreeSet::from([
            "The footbridge should stay closed",
            "The girders are corroded",
            "The engineer's report is three years old",
            "The bridge is safe in ordinary weather",
            "claim",
        ]),
        "the rephrase is merged, the empty I-node is named by its id"
    );
    let closed = "The footbridge should stay closed";
    assert_eq!(
        relations(map),
        BTreeSet::from([
            triple("The girders are corroded", Relation::Supports, closed),
            triple(
                "The engineer's report is three years old",
                Relation::Undercuts,
                "the link from The girders are corroded"
            ),
            triple("The bridge is safe in ordinary weather", Relation::Opposes, closed),
            triple(closed, Relation::Opposes, "The bridge is safe in ordinary weather"),
            triple("claim", Relation::Supports, closed),
        ]),
        "a mutual attack is two links"
    );
    let expert = map.links.iter().find(|l| l.relation == Relation::Supports && l.note.contains("Expert"));
    assert_eq!(expert.map(|l| l.note.as_str()), Some("scheme: Argument From Expert Opinion"));
    let kept = claim_with(map, closed);
    assert_eq!(kept.detail, "Also worded: The bridge must remain shut");
    let quotes: Vec<(&str, Option<&str>)> =
        kept.citations.iter().map(|c| (c.quote.as_str(), c.locator.as_deref())).collect();
    assert_eq!(quotes, [("it should stay closed", Some("said by Sam Officer"))]);
    let girders = claim_with(map, "The girders are corroded");
    assert_eq!(girders.citations[0].locator.as_deref(), Some("said by Dana Engineer"));
    assert_eq!(map.sources.len(), 1, "the quotes cite the analysed text");
    has_notice(&imported, "10:2: merged: I-node \"109\" rephrases I-node \"101\"");
    has_notice(&imported, "11:2: skipped: L-node \"111\" (a locution");
    has_notice(
        &imported,
        "12:2: skipped: YA-node \"112\" (an illocution: the locution is quoted by \"the-girders-are-corroded\")",
    );
    has_notice(&imported, "15:2: skipped: TA-node \"115\" (a transition");
}

#[test]
fn numeric_ids_null_timestamps_and_other_schemes_are_read() {
    let imported = imported("aifdb_numeric_ids.json");
    assert_eq!(
        relations(&imported.map),
        BTreeSet::from([triple(
            "Repairs were planned for the summer",
            Relation::Supports,
            "The council meant to reopen the bridge"
        )])
    );
    assert_eq!(notices(&imported), ["6:6: skipped: PA-node \"5004\" (a scheme a map has no place for)"]);
}

#[test]
fn an_ova3_analysis_keeps_its_layout_and_its_highlighted_passages() {
    let imported = imported("ova3_layout.json");
    let map = &imported.map;
    let budget = claim_with(map, "The council cut the maintenance budget");
    assert_eq!((budget.position.x, budget.position.y), (120.0, 80.0));
    let flood = claim_with(map, "The closure came the day after the flood");
    assert_eq!((flood.position.x, flood.position.y), (720.0, 80.0), "coordinates written as strings");
    let citation = &budget.citations[0];
    assert_eq!(citation.quote, "cut the money for bridge maintenance by a third");
    let anchor = citation.anchor.as_ref().expect("the span's anchor");
    assert_eq!((anchor.start, anchor.end), (70, 117));
    assert_eq!(anchor.prefix, "il had adopted that year, which ");
    assert_eq!(anchor.suffix, ".\n\nOn 10 April the footbridge wa");
    assert_eq!(
        relations(map),
        BTreeSet::from([
            triple("The council cut the maintenance budget", Relation::Supports, "The bridge closed for lack of money"),
            triple(
                "The closure came the day after the flood",
                Relation::Opposes,
                "The bridge closed for lack of money"
            ),
        ])
    );
    assert!(notices(&imported).is_empty(), "{:#?}", notices(&imported));
}

#[test]
fn an_xaif_dialogue_quotes_each_speaker_from_the_text_spans() {
    let imported = imported("xaif_spans.json");
    let map = &imported.map;
    let flood = claim_with(map, "The flood closed the bridge");
    let citation = &flood.citations[0];
    assert_eq!(
        (citation.quote.as_str(), citation.locator.as_deref()),
        ("The flood closed the bridge", Some("said by Ann"))
    );
    let anchor = citation.anchor.as_ref().expect("anchored");
    assert_eq!((anchor.start, anchor.end, anchor.prefix.as_str()), (10, 37, " Ann None "));
    let budget = claim_with(map, "The budget closed the bridge");
    assert_eq!(budget.citations[0].quote, "The budget closed it, not the flood");
    assert_eq!(
        relations(map),
        BTreeSet::from([triple("The budget closed the bridge", Relation::Opposes, "The flood closed the bridge")])
    );
    has_notice(&imported, "12:41: skipped: YA-node \"8\" (an illocution: it asserts nothing the map holds)");
    has_notice(&imported, "11:52: skipped: TA-node \"7\" (a transition");
    has_notice(&imported, "4:60: skipped: L-node \"0\" (a locution");
}

#[test]
fn an_edge_to_a_node_the_file_does_not_have_is_skipped_where_it_stands() {
    let imported = imported("dangling_edge.json");
    assert_eq!(
        notices(&imported),
        [
            "9:21: skipped: edge 2 refers to node \"9\", which the file does not have",
            "5:8: skipped: RA-node \"2\" has no conclusion",
        ]
    );
    assert_eq!(imported.map.claims.len(), 1);
}

#[test]
fn aif_writes_each_quote_as_a_locution_with_its_span_in_the_text() {
    let map = crate::export_losses::revised_case_study();
    let bytes = export(&map, Format::Aif, &ExportOptions::default()).expect("exports");
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let quotes = map.claims.iter().flat_map(|c| &c.citations).chain(map.events.iter().flat_map(|e| &e.citations));
    let quotes = quotes.filter(|c| !c.quote.is_empty()).count();
    let nodes = json["AIF"]["nodes"].as_array().expect("nodes");
    let locutions = nodes.iter().filter(|n| n["type"] == "L").count();
    assert_eq!((locutions, json["AIF"]["locutions"].as_array().map(Vec::len)), (quotes, Some(quotes)));
    let text = json["text"].as_str().expect("the analysed text");
    assert_eq!(text.matches("<span class=\"highlighted\" id=\"node").count(), quotes);
}

#[test]
fn an_aifdb_corpus_folder_imports_as_one_map_its_shared_nodes_once() {
    let out = tempfile::tempdir().expect("a scratch folder");
    let map_file = out.path().join("corpus.ron");
    let map_arg = map_file.to_string_lossy().into_owned();
    let output = crate::run_argline(&["import", "tests/data/aif/corpus", "--from", "aif", "-o", &map_arg]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let map = argline::format::load_file(&map_file).expect("a valid map");
    assert_eq!(map.meta.title, "corpus");
    assert_eq!(map.claims.len(), 3, "node 302 is in both nodesets: one claim");
    assert_eq!(
        relations(&map),
        BTreeSet::from([
            triple("Repairs were planned for the summer", Relation::Supports, "The council meant to reopen the bridge"),
            triple(
                "The maintenance budget was cut by a third",
                Relation::Opposes,
                "The council meant to reopen the bridge"
            ),
        ])
    );
    let repairs = claim_with(&map, "Repairs were planned for the summer");
    assert_eq!(repairs.citations[0].locator.as_deref(), Some("said by Ana Clerk"));
    assert!(stderr.contains("tests/data/aif/corpus/nodeset3001.json:4:2: skipped: L-node \"304\""), "{stderr}");

    let output = crate::run_argline(&["import", "tests/data/aif/corpus_broken", "--from", "aif", "-o", &map_arg]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.starts_with("tests/data/aif/corpus_broken/nodeset3003.json:2:"), "{stderr}");
    assert!(stderr.contains("2:27: not AIF JSON: an id must be a string or a whole number"), "{stderr}");
}
