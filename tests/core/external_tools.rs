//! The real tools read the exports: the Argdown CLI (`@argdown/cli` 1.7.5)
//! parses the Argdown with no error and finds as many statements, arguments
//! and relations as the map has; Graphviz's `dot` renders the DOT; TimelineJS3
//! (`@knight-lab/timelinejs` 3.9.11 from npm) loads the TimelineJS JSON in
//! headless Chromium and builds a slide per event, a row per lane and an era
//! per span, and loads the project's TimelineJS test files too (so that they
//! are TimelineJS as it reads it), which import a slide an event, an era a
//! span; Inkscape (Debian's 1.2) turns the SVG into a PNG with nothing to say
//! and draws about as much as resvg does. Under CI (`CI=true`) a missing
//! tool fails the test; elsewhere it is skipped with a note (`.ci/run`
//! installs them).

use argline::export::{ExportOptions, Format, export};
use argline::model::{LinkTo, Map, Relation};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub(crate) fn sample(name: &str) -> Map {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps").join(name);
    argline::format::load_file(&path).expect("the sample map is valid")
}

/// Whether `tool` runs; under CI a missing tool is a failure.
pub(crate) fn available(tool: &str, version_flag: &str) -> bool {
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

/// The maps each tool is given: the tutorial, the case study, and text that breaks naive escaping.
fn checked_maps() -> [(&'static str, Map); 3] {
    [
        ("tutorial", sample("tutorial.ron")),
        ("case", sample("us_china_cyber_2013_2015.ron")),
        ("hostile", hostile(sample("tutorial.ron"))),
    ]
}

/// Writes `map` exported as `format` to `NAME.EXTENSION` in `folder`, for a tool to read.
fn exported_to(folder: &Path, name: &str, map: &Map, format: Format, extension: &str) -> PathBuf {
    let path = folder.join(format!("{name}.{extension}"));
    std::fs::write(&path, export(map, format, &ExportOptions::default()).expect("exports")).expect("written");
    path
}

#[test]
fn the_argdown_cli_reads_every_statement_and_relation() {
    if !available("argdown", "--version") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp folder");
    for (name, map) in checked_maps() {
        let input = exported_to(folder.path(), name, &map, Format::Argdown, "argdown");
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
        // A neutral link is written as a comment: Argdown has no neutral relation.
        let related = map.links.iter().filter(|link| link.relation != Relation::Neutral).count();
        assert_eq!(count("relations"), related + arguments, "{name}: relations");
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

/// Where `npm install -g @knight-lab/timelinejs@3.9.11` put TimelineJS (or
/// `TIMELINEJS_DIR`); under CI a missing copy is a failure.
fn timelinejs_folder() -> Option<PathBuf> {
    let folder = match std::env::var_os("TIMELINEJS_DIR") {
        Some(folder) => Some(PathBuf::from(folder)),
        None => Command::new("npm").args(["root", "-g"]).stderr(Stdio::null()).output().ok().map(|output| {
            PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()).join("@knight-lab").join("timelinejs")
        }),
    }
    .filter(|folder| folder.join("dist/js/timeline.js").is_file());
    if folder.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "TimelineJS is not installed, and CI needs it: see .ci/run"
        );
        eprintln!(
            "note: TimelineJS (npm @knight-lab/timelinejs) is not installed here; skipping this check (CI runs it)"
        );
    }
    folder
}

/// A page that loads `DATA.json` with TimelineJS from `DIST/`, as an embed
/// does, and once the timeline says it has loaded (or after 20 s, if it never
/// does) writes what it shows into `#argline-report` as JSON, with `&`, `<`
/// and `>` as `\u` escapes so the DOM dump leaves the JSON as it is.
const TIMELINE_PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="DIST/css/timeline.css">
<script src="DIST/js/timeline.js"></script>
<style>#timeline { width: 1200px; height: 700px }</style>
</head><body>
<div id="timeline"></div>
<pre id="argline-report"></pre>
<script>
const scriptErrors = [];
window.addEventListener('error', e => scriptErrors.push(String(e.message)));
const texts = selector => Array.from(document.querySelectorAll(selector), el => el.textContent.trim());
let reported = false;
function report(loaded) {
  if (reported) return;
  reported = true;
  const message = document.querySelector('.tl-message-full');
  const shown = message && getComputedStyle(message).display != 'none' ? message.textContent.trim() : '';
  document.getElementById('argline-report').textContent = JSON.stringify({
    loaded,
    errors: (timeline.config ? timeline.config.getErrors() : ['no configuration']).map(String),
    script_errors: scriptErrors,
    message: shown,
    events: timeline.config ? timeline.config.events.length : 0,
    slides: document.querySelectorAll('.tl-slide').length,
    title_slides: document.querySelectorAll('.tl-slide-titleslide').length,
    markers: document.querySelectorAll('.tl-timemarker').length,
    headlines: texts('.tl-slide:not(.tl-slide-titleslide) .tl-headline'),
    slide_texts: texts('.tl-slide:not(.tl-slide-titleslide) .tl-text-content'),
    groups: texts('.tl-timegroup-message'),
    eras: texts('.tl-timeera-text'),
    injected: document.body.dataset.injected || '',
  }).replace(/[&<>]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
const timeline = new TL.Timeline('timeline', 'DATA.json');
timeline.on('loaded', () => setTimeout(() => report(true), 500));
setTimeout(() => report(false), 20000);
</script></body></html>
"#;

/// What TimelineJS showed for `json`: the page's report.
fn timelinejs_report(dist: &Path, folder: &Path, name: &str, json: &[u8]) -> serde_json::Value {
    std::fs::write(folder.join(format!("{name}.json")), json).expect("written");
    let page = TIMELINE_PAGE.replace("DIST/", &format!("file://{}/", dist.display())).replace("DATA", name);
    let page_path = folder.join(format!("{name}.html"));
    std::fs::write(&page_path, page).expect("written");
    chromium_report(folder, name, &format!("file://{}", page_path.display()))
}

/// Loads `url` in headless Chromium (a profile of its own in `folder`, 30 s
/// of virtual time) and reads the JSON the page wrote into `#argline-report`.
fn chromium_report(folder: &Path, name: &str, url: &str) -> serde_json::Value {
    let output = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        // The TimelineJS page reads the JSON next to it, as an embed reads its URL.
        .arg("--allow-file-access-from-files")
        .arg(format!("--user-data-dir={}", folder.join(format!("{name}-profile")).display()))
        .args(["--virtual-time-budget=30000", "--timeout=60000", "--dump-dom"])
        .arg(url)
        .stderr(Stdio::null())
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "{name}: chromium failed");
    let dom = String::from_utf8_lossy(&output.stdout);
    let report = dom
        .split_once("<pre id=\"argline-report\">")
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(report, _)| report)
        .unwrap_or_default();
    serde_json::from_str(report).unwrap_or_else(|_| panic!("{name}: no report from the page: {report:?}"))
}

fn sorted(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut items: Vec<String> = items.into_iter().collect();
    items.sort();
    items
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    sorted(value.as_array().into_iter().flatten().map(|item| item.as_str().unwrap_or_default().to_owned()))
}

#[test]
fn timelinejs_shows_a_slide_per_event_a_row_per_lane_and_an_era_per_span() {
    if !available("chromium", "--version") {
        return;
    }
    let Some(dist) = timelinejs_folder().map(|folder| folder.join("dist")) else {
        return;
    };
    let mut tricky = hostile(sample("tutorial.ron"));
    tricky.events[1].title = "<b>Bold?</b> a < b & \"c\"".to_owned();
    let lane = tricky.events[0].lane.clone();
    if let Some(lane) = tricky.lanes.iter_mut().find(|l| l.id == lane) {
        lane.name = "<img src=x onerror=\"document.body.dataset.injected='lane'\"> a <b & c".to_owned();
    }
    let folder = tempfile::tempdir().expect("temp folder");
    let maps =
        [("tutorial", sample("tutorial.ron")), ("case", sample("us_china_cyber_2013_2015.ron")), ("hostile", tricky)];
    for (name, map) in maps {
        let json = export(&map, Format::TimelineJs, &ExportOptions::default()).expect("exports");
        let report = timelinejs_report(&dist, folder.path(), name, &json);
        assert_eq!(report["loaded"], true, "{name}: TimelineJS never finished loading: {report}");
        assert_eq!(report["errors"], serde_json::json!([]), "{name}: TimelineJS reported errors");
        assert_eq!(report["script_errors"], serde_json::json!([]), "{name}: the page threw");
        assert_eq!(report["message"], "", "{name}: TimelineJS shows a message");
        let events = map.events.len();
        assert_eq!(report["events"], events, "{name}: TimelineJS kept every event");
        assert_eq!(report["markers"], events, "{name}: a marker per event");
        assert_eq!(report["slides"], events + 1, "{name}: a slide per event and the title slide");
        assert_eq!(report["title_slides"], 1, "{name}: the title slide");
        let titles = sorted(map.events.iter().map(|e| e.title.clone()));
        assert_eq!(strings(&report["headlines"]), titles, "{name}: the headlines read as the titles");
        let lanes: HashSet<String> =
            map.events.iter().map(|e| map.lane(&e.lane).map_or(e.lane.to_string(), |l| l.name.clone())).collect();
        assert_eq!(strings(&report["groups"]), sorted(lanes), "{name}: a row per lane, named as the lane");
        let spans = sorted(map.events.iter().filter(|e| e.end.is_some()).map(|e| e.title.clone()));
        assert!(!spans.is_empty(), "{name}: the sample has spans");
        assert_eq!(strings(&report["eras"]), spans, "{name}: an era per span");
        let shown = strings(&report["slide_texts"]);
        for event in map.events.iter().filter(|e| !e.detail.is_empty()) {
            assert!(shown.iter().any(|text| text.starts_with(&event.detail)), "{name}: {} shown", event.id);
        }
        assert_eq!(report["injected"], "", "{name}: no text of the map ran as script");
    }
}

/// The TimelineJS files the project writes in its authors' shapes (`tests/data/timelinejs/`).
fn timelinejs_test_files() -> Vec<(String, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timelinejs");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&folder)
        .expect("the folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path.file_stem().expect("a name").to_string_lossy().into_owned();
            (name, std::fs::read(&path).expect("readable"))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 2, "the test files are there");
    files
}

#[test]
fn timelinejs_loads_the_test_files_and_each_slide_imports_as_an_event_each_era_as_a_span() {
    if !available("chromium", "--version") {
        return;
    }
    let Some(dist) = timelinejs_folder().map(|folder| folder.join("dist")) else {
        return;
    };
    let folder = tempfile::tempdir().expect("temp folder");
    for (name, json) in timelinejs_test_files() {
        let report = timelinejs_report(&dist, folder.path(), &name, &json);
        assert_eq!(report["loaded"], true, "{name}: TimelineJS never finished loading: {report}");
        assert_eq!(report["errors"], serde_json::json!([]), "{name}: TimelineJS reported errors");
        assert_eq!(report["script_errors"], serde_json::json!([]), "{name}: the page threw");
        assert_eq!(report["message"], "", "{name}: TimelineJS shows a message");
        let file: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
        let slides = file["events"].as_array().map_or(0, Vec::len);
        let eras: Vec<&serde_json::Value> = file["eras"].as_array().into_iter().flatten().collect();
        assert_eq!(report["events"], slides, "{name}: TimelineJS shows every slide");
        assert_eq!(report["eras"].as_array().map_or(0, Vec::len), eras.len(), "{name}: and every era");
        let map = argline::import::import(&json, argline::import::ImportFormat::TimelineJs).expect("imports").map;
        let on_eras = |event: &&argline::model::Event| map.lane(&event.lane).is_some_and(|lane| lane.name == "Eras");
        assert_eq!(map.events.iter().filter(|e| !on_eras(e)).count(), slides, "{name}: a slide an event");
        let spans: Vec<_> = map.events.iter().filter(|e| e.end.is_some()).map(|e| (e.date, e.end)).collect();
        for era in eras {
            let year = |date: &serde_json::Value| date["year"].as_i64().or_else(|| date["year"].as_str()?.parse().ok());
            let (start, end) = (year(&era["start_date"]), year(&era["end_date"]));
            assert!(
                spans
                    .iter()
                    .any(|(s, e)| Some(i64::from(s.year_number())) == start
                        && e.map(|e| i64::from(e.year_number())) == end),
                "{name}: the era {era} is a span"
            );
        }
    }
}

/// The share of `png`'s pixels that differ from its top-left (background) pixel.
fn ink_share(png: &[u8]) -> (u32, u32, f64) {
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).expect("a PNG");
    let pixels = pixmap.pixels();
    let background = pixels[0].demultiply();
    let differs = |p: &resvg::tiny_skia::PremultipliedColorU8| {
        let p = p.demultiply();
        let channels = [(p.red(), background.red()), (p.green(), background.green()), (p.blue(), background.blue())];
        channels.iter().any(|(a, b)| a.abs_diff(*b) > 40)
    };
    let inked = pixels.iter().filter(|p| differs(p)).count();
    (pixmap.width(), pixmap.height(), inked as f64 / pixels.len() as f64)
}

#[test]
fn inkscape_turns_the_svg_into_a_png_without_a_word() {
    if !available("inkscape", "--version") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp folder");
    for (name, map) in checked_maps() {
        let input = exported_to(folder.path(), name, &map, Format::Svg, "svg");
        let png = folder.path().join(format!("{name}.png"));
        let output = Command::new("inkscape")
            .arg(&input)
            .arg("--export-type=png")
            .arg(format!("--export-filename={}", png.display()))
            .output()
            .expect("inkscape runs");
        // Inkscape exits with 0 even when the SVG does not parse: what it says
        // is the verdict. Its 1.2 command line always warns that GTK's recent
        // files manager was not set up, which is about GTK, not the file.
        let said = String::from_utf8_lossy(&output.stderr);
        let remarks: Vec<&str> =
            said.lines().filter(|line| !line.trim().is_empty() && !line.contains("GtkRecentManager")).collect();
        assert!(output.status.success() && remarks.is_empty(), "{name}: inkscape said {said}");
        let ours = export(&map, Format::Png, &ExportOptions::default()).expect("exports");
        let (width, height, share) = ink_share(&std::fs::read(&png).expect("inkscape wrote the PNG"));
        let (our_width, our_height, our_share) = ink_share(&ours);
        eprintln!(
            "{name}: inkscape {width}x{height}, {share:.4} inked; resvg {our_width}x{our_height}, {our_share:.4}"
        );
        assert!(width.abs_diff(our_width) <= 1 && height.abs_diff(our_height) <= 1, "{name}: the size of the figure");
        assert!(share > 0.02, "{name}: the PNG is not blank");
        assert!((0.7..1.4).contains(&(share / our_share)), "{name}: Inkscape draws about as much as resvg");
    }
}

/// A probe put first in the HTML export's `<head>`: it records script errors,
/// console errors, policy violations and alerts, then, once the page has
/// loaded, presses → and ← and clicks the first claim of the figure, and writes
/// what the page showed into `#argline-report` (as TIMELINE_PAGE does).
const HTML_PROBE: &str = r#"<script>
const problems = [];
window.addEventListener('error', e => problems.push('error: ' + e.message));
document.addEventListener('securitypolicyviolation', e => problems.push('policy: ' + e.violatedDirective + ' ' + e.blockedURI));
const consoleError = console.error;
console.error = (...args) => { problems.push('console: ' + args.join(' ')); consoleError(...args); };
window.alert = message => problems.push('alert: ' + message);
window.addEventListener('load', () => setTimeout(() => {
  const step = () => document.body.dataset.step || '';
  const press = key => document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  const opened = { view: document.body.dataset.view, step: step() };
  press('ArrowRight');
  const next = { step: step(), title: document.title };
  const lit = document.querySelector('#argline-slide .step:not([hidden])').dataset.highlights.split(' ').filter(Boolean);
  const dimmed = Array.from(document.querySelectorAll('#argline-viewport .dim'));
  const keyOf = g => g.classList.contains('timeline-event') ? 'event:' + g.id.slice(9) : g.getAttribute('class').split(' ')[0] + ':' + g.id;
  press('ArrowLeft');
  const claim = document.querySelector('#argline-viewport g.claim');
  claim.querySelector('*').dispatchEvent(new MouseEvent('click', { bubbles: true }));
  const shown = Array.from(document.querySelectorAll('aside article'), a => a.hidden ? '' : a.dataset.item).filter(Boolean);
  const report = document.createElement('pre');
  report.id = 'argline-report';
  report.textContent = JSON.stringify({
    problems, opened, next, back: step(), lit: lit.length, dimmed: dimmed.length,
    lit_dimmed: dimmed.filter(g => lit.includes(keyOf(g))).length,
    clicked: 'claim:' + claim.id, shown,
    injected: document.body.dataset.injected || '',
    text: document.body.textContent.replace(/\s+/g, ' '),
  }).replace(/[&<>]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  document.body.appendChild(report);
}, 500));
</script>"#;

#[test]
fn the_html_page_loads_cleanly_in_chromium_and_steps_through_the_story() {
    if !available("chromium", "--version") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp folder");
    let maps = [
        ("tutorial", sample("tutorial.ron")),
        ("case", sample("us_china_cyber_2013_2015.ron")),
        ("hostile", crate::handout::hostile(sample("tutorial.ron"))),
    ];
    for (name, map) in maps {
        let page =
            String::from_utf8(export(&map, Format::Html, &ExportOptions::default()).expect("exports")).expect("utf-8");
        let probed = page.replacen("<head>", &format!("<head>{HTML_PROBE}"), 1);
        let path = folder.path().join(format!("{name}.html"));
        std::fs::write(&path, probed).expect("written");
        let report = chromium_report(folder.path(), name, &format!("file://{}#step=2", path.display()));
        assert_eq!(report["problems"], serde_json::json!([]), "{name}: the page loads with no error");
        assert_eq!(report["injected"], "", "{name}: no text of the map ran as script");
        assert_eq!(
            report["opened"],
            serde_json::json!({ "view": "story", "step": "2" }),
            "{name}: #step=2 opens step 2"
        );
        assert_eq!(report["next"]["step"], "3", "{name}: → goes to the next step");
        let third = &map.story[2].title;
        assert!(
            report["next"]["title"]
                .as_str()
                .is_some_and(|title| title.starts_with(&format!("3/{} {third}", map.story.len())))
        );
        assert_eq!(report["back"], "2", "{name}: ← goes back");
        if report["lit"].as_u64() > Some(0) {
            assert!(report["dimmed"].as_u64() > Some(0), "{name}: a step's other items dim");
        }
        assert_eq!(report["lit_dimmed"], 0, "{name}: the items a step draws out stay lit");
        assert_eq!(report["shown"], serde_json::json!([report["clicked"]]), "{name}: a click shows the item's article");
        let text = report["text"].as_str().unwrap_or_default();
        for wanted in crate::handout::texts(&map) {
            let wanted = wanted.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains(&wanted), "{name}: {wanted:?} is in the page");
        }
    }
}
