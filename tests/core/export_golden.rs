//! Every text export of the tutorial map, compared with its golden file in
//! `tests/data/golden/`. After a deliberate change, rewrite them with
//! `UPDATE_GOLDEN=1 cargo test --test export_golden` and review the diff
//! (and the SVG, rendered) before committing.

use argline::export::{ExportOptions, Format, export, export_with_texts};
use argline::model::Map;
use argline::sources::{LoadedTexts, TextPlace};
use std::path::{Path, PathBuf};

fn sample(name: &str) -> Map {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps").join(name);
    argline::format::load_file(&path).expect("the sample map is valid")
}

fn golden_path(format: Format) -> PathBuf {
    let name = match format {
        Format::Aif => "tutorial.aif.json".to_owned(),
        Format::TimelineJs => "tutorial.timeline.json".to_owned(),
        other => format!("tutorial.{}", other.extension()),
    };
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden").join(name)
}

#[test]
fn text_exports_of_the_tutorial_match_their_golden_files() {
    let map = sample("tutorial.ron");
    // The tutorial's source text beside it: the report's quotes say their paragraph.
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps/tutorial.ron");
    let texts = LoadedTexts::load(&map, &TextPlace::of_map_file(Some(&beside), None));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut differing = Vec::new();
    for format in Format::ALL.into_iter().filter(|format| format.is_text()) {
        let bytes = export_with_texts(&map, format, &ExportOptions::default(), &texts).expect("exports");
        let path = golden_path(format);
        if update {
            std::fs::write(&path, &bytes).expect("golden file written");
            continue;
        }
        let golden = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        if golden != bytes {
            differing.push(path.display().to_string());
        }
    }
    assert!(differing.is_empty(), "exports differ from (rerun with UPDATE_GOLDEN=1 and review): {differing:?}");
}

#[test]
fn exports_are_deterministic() {
    let map = sample("us_china_cyber_2013_2015.ron");
    for format in Format::ALL.into_iter().filter(|format| format.is_text()) {
        let first = export(&map, format, &ExportOptions::default()).expect("exports");
        let second = export(&map, format, &ExportOptions::default()).expect("exports");
        assert!(first == second, "{format:?} differs between two runs");
    }
}

#[test]
fn svg_figures_parse_as_svg_with_every_claim_and_event() {
    for name in ["tutorial.ron", "us_china_cyber_2013_2015.ron"] {
        let map = sample(name);
        for dark in [false, true] {
            let svg = export(&map, Format::Svg, &ExportOptions { dark, ..ExportOptions::default() }).expect("exports");
            let text = String::from_utf8(svg).expect("utf-8");
            let tree = resvg::usvg::Tree::from_str(&text, &resvg::usvg::Options::default()).expect("valid SVG");
            assert!(tree.size().width() >= 960.0 && tree.size().height() > 300.0);
            for claim in &map.claims {
                assert!(text.contains(&format!("id=\"{}\"", claim.id)), "{name}: claim {} missing", claim.id);
            }
            for event in &map.events {
                assert!(text.contains(&format!("id=\"timeline-{}\"", event.id)), "{name}: event {}", event.id);
            }
        }
    }
}

#[test]
fn png_is_the_svg_at_its_scale() {
    let map = sample("tutorial.ron");
    let svg = String::from_utf8(export(&map, Format::Svg, &ExportOptions::default()).expect("svg")).expect("utf-8");
    let size = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("valid").size();
    for scale in [1.0, 2.0] {
        let png = export(&map, Format::Png, &ExportOptions { scale, ..ExportOptions::default() }).expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // The IHDR chunk: width and height, big-endian, at bytes 16..24.
        let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!(width, (size.width() * scale).ceil() as u32);
        assert_eq!(height, (size.height() * scale).ceil() as u32);
    }
    let refused = export(&map, Format::Png, &ExportOptions { scale: 0.0, ..ExportOptions::default() });
    assert!(refused.is_err_and(|error| error.to_string().contains("0.1 to 8")));
}
