//! The real tools read the exports: the Argdown CLI (`@argdown/cli` 1.7.5)
//! parses the Argdown with no error and finds as many statements, arguments
//! and relations as the map has; Graphviz's `dot` renders the DOT. Under CI
//! (`CI=true`) a missing tool fails the test; elsewhere it is skipped with a
//! note (`.ci/run` installs both).

use argline::export::{ExportOptions, Format, export};
use argline::model::{LinkTo, Map};
use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};

fn sample(name: &str) -> Map {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps").join(name);
    argline::format::load_file(&path).expect("the sample map is valid")
}

/// Whether `tool` runs; under CI a missing tool is a failure.
fn available(tool: &str, version_flag: &str) -> bool {
    let runs = Command::new(tool).arg(version_flag).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    if !runs {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{tool} is not installed, and CI needs it: see .ci/run");
        eprintln!("note: {tool} is not installed here; skipping this check (CI runs it)");
    }
    runs
}

/// Links that other links bear on: Argdown arguments, DOT points.
fn targeted_links(map: &Map) -> usize {
    let targeted: HashSet<&str> = map
        .links
        .iter()
        .filter_map(|link| match &link.to {
            LinkTo::Link(id) => Some(id.as_str()),
            LinkTo::Claim(_) => None,
        })
        .collect();
    targeted.len()
}

fn hostile(mut map: Map) -> Map {
    map.claims[0].text = "Brackets [x] <y> #z {w} *a* _b_ @c \\ d: e // f /* g */ + - ->".to_owned();
    map.claims[0].tags.push("two words".to_owned());
    map.events[0].detail = "braces } { and \"quotes\"".to_owned();
    map
}

#[test]
fn the_argdown_cli_reads_every_statement_and_relation() {
    if !available("argdown", "--version") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp folder");
    let maps = [
        ("tutorial", sample("tutorial.ron")),
        ("case", sample("us_china_cyber_2013_2015.ron")),
        ("hostile", hostile(sample("tutorial.ron"))),
    ];
    for (name, map) in maps {
        let input = folder.path().join(format!("{name}.argdown"));
        std::fs::write(&input, export(&map, Format::Argdown, &ExportOptions::default()).expect("exports"))
            .expect("written");
        let output = Command::new("argdown").arg("json").arg(&input).arg(folder.path()).output().expect("argdown runs");
        let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(output.status.success() && !said.contains("syntax error"), "{name}: {said}");
        let json = std::fs::read(folder.path().join(format!("{name}.json"))).expect("argdown wrote JSON");
        let parsed: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
        let count = |key: &str| match &parsed[key] {
            serde_json::Value::Object(items) => items.len(),
            serde_json::Value::Array(items) => items.len(),
            _ => 0,
        };
        let arguments = targeted_links(&map);
        assert_eq!(count("statements"), map.claims.len() + map.events.len(), "{name}: statements");
        assert_eq!(count("arguments"), arguments, "{name}: arguments");
        assert_eq!(count("relations"), map.links.len() + arguments, "{name}: relations");
        let first = &parsed["statements"][map.claims[0].id.as_str()]["members"][0];
        if name == "hostile" {
            // Argdown keeps the tags at the end of the text.
            let text = first["text"].as_str().unwrap_or_default();
            assert!(text.starts_with(&map.claims[0].text), "{name}: text kept, got {text}");
            assert!(first["tags"].as_array().is_some_and(|tags| tags.iter().any(|t| t == "two words")));
        }
    }
}

#[test]
fn graphviz_renders_the_dot_export() {
    if !available("dot", "-V") {
        return;
    }
    for map in [sample("tutorial.ron"), sample("us_china_cyber_2013_2015.ron"), hostile(sample("tutorial.ron"))] {
        let dot = export(&map, Format::Dot, &ExportOptions::default()).expect("exports");
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dot runs");
        std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), &dot).expect("DOT written");
        let output = child.wait_with_output().expect("dot ends");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(output.stderr.is_empty(), "dot warned: {}", String::from_utf8_lossy(&output.stderr));
        let svg = String::from_utf8(output.stdout).expect("utf-8");
        let edges = svg.matches("class=\"edge\"").count();
        assert_eq!(edges, map.links.len() + targeted_links(&map), "one edge per link, two for a link others bear on");
    }
}
