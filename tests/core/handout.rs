//! What a teacher hands out: the HTML page and the PDF handout. The page
//! holds every claim, event, story step and quote (escaped), loads nothing
//! from anywhere, and never lets a map's text run as script; the case study's
//! page stays well under 1 MB. The PDF is on the paper asked for, and its text
//! (read back by poppler's `pdftotext`) holds every explanation and quote,
//! Chinese included, in embedded fonts (`pdffonts`).

use crate::external_tools::{available, sample};
use argline::export::{ExportOptions, Format, Paper, export};
use argline::model::{Citation, Map};
use std::process::Command;

/// Text as HTML writes it in text and attributes.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Script and markup in every kind of text a page shows, and a source whose
/// address is a script: none of it may run or link.
pub(crate) fn hostile(mut map: Map) -> Map {
    let script = "</script><script>alert(1)</script>";
    let image = "<img src=x onerror=\"document.body.dataset.injected='yes'\">";
    map.meta.title = format!("Title {script}");
    map.claims[0].text = format!("Claim {script} & {image}");
    map.claims[1].detail = format!("<!-- {image} -->");
    map.events[0].title = format!("Event {image}");
    map.events[0].detail = "a < b > c \"d\" 'e'".to_owned();
    if let Some(step) = map.story.first_mut() {
        step.title = format!("Step {script}");
        step.notes = format!("Notes {image}");
    }
    map.sources[0].url = "javascript:document.body.dataset.injected='url'".to_owned();
    map.sources[0].title = format!("Source {image}");
    map.events[0].citations.push(Citation {
        source: map.sources[0].id.clone(),
        quote: format!("Quote {script}"),
        locator: None,
        anchor: None,
    });
    map
}

/// Every text a reader must find: claims, events, story steps and quotes.
pub(crate) fn texts(map: &Map) -> Vec<String> {
    let mut texts: Vec<String> = map.claims.iter().flat_map(|c| [c.text.clone(), c.detail.clone()]).collect();
    texts.extend(map.events.iter().flat_map(|e| [e.title.clone(), e.detail.clone()]));
    texts.extend(map.story.iter().flat_map(|s| [s.title.clone(), s.notes.clone()]));
    texts.extend(quotes(map));
    texts.retain(|text| !text.is_empty());
    texts
}

fn quotes(map: &Map) -> Vec<String> {
    let citations = map.claims.iter().flat_map(|c| &c.citations).chain(map.events.iter().flat_map(|e| &e.citations));
    citations
        .chain(map.links.iter().flat_map(|l| &l.citations))
        .map(|c| c.quote.clone())
        .filter(|q| !q.is_empty())
        .collect()
}

fn html(map: &Map) -> String {
    String::from_utf8(export(map, Format::Html, &ExportOptions::default()).expect("exports")).expect("utf-8")
}

#[test]
fn the_page_holds_every_text_escaped_and_loads_nothing() {
    let maps = [
        ("tutorial", sample("tutorial.ron")),
        ("case", sample("us_china_cyber_2013_2015.ron")),
        ("hostile", hostile(sample("tutorial.ron"))),
    ];
    for (name, map) in maps {
        let page = html(&map);
        assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
        for text in texts(&map) {
            assert!(page.contains(&escaped(&text)), "{name}: {text:?} is on the page, escaped");
        }
        assert_eq!(page.matches("<script").count(), 1, "{name}: one script, the page's own");
        assert_eq!(page.matches("</script>").count(), 1, "{name}: one script");
        for tag in ["<img", "<link", "<script src", "<iframe", "<object", "<embed", "<style src"] {
            assert!(!page.contains(tag), "{name}: nothing loaded ({tag})");
        }
        assert!(!page.contains("<!-- <"), "{name}: a comment in a text stays text");
        assert!(!page.contains("href=\"javascript"), "{name}: a source's address is a link only if it is http(s)");
        for (at, _) in page.match_indices("http") {
            let address = &page[at..];
            if !(address.starts_with("http://") || address.starts_with("https://")) {
                continue;
            }
            let is_link = page[..at].ends_with("<a href=\"");
            let is_namespace = address.starts_with("http://www.w3.org/2000/svg\"");
            assert!(
                is_link || is_namespace,
                "{name}: an address outside a link: {}",
                &address[..address.len().min(60)]
            );
        }
        let articles = page.matches("<article data-item=").count();
        assert_eq!(articles, map.claims.len() + map.events.len() + map.links.len(), "{name}: an article per item");
        assert_eq!(page.matches("<section class=\"step\"").count(), map.story.len(), "{name}: a slide per step");
    }
}

#[test]
fn the_case_study_page_is_well_under_a_megabyte() {
    let size = html(&sample("us_china_cyber_2013_2015.ron")).len();
    assert!(size < 600_000, "{size} bytes");
}

#[test]
fn the_handout_is_on_the_paper_asked_for() {
    let map = sample("tutorial.ron");
    for (paper, media_box) in [(Paper::A4, "/MediaBox[0 0 595.28 841.89]"), (Paper::Letter, "/MediaBox[0 0 612 792]")] {
        let pdf = export(&map, Format::Pdf, &ExportOptions { paper, ..ExportOptions::default() }).expect("exports");
        assert!(pdf.starts_with(b"%PDF-"), "a PDF");
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains(media_box), "{paper:?}: text pages have the paper's size");
    }
}

/// Text with every run of white space as one space, and words broken at a
/// line's end by a hyphen joined again.
fn normalised(text: &str) -> String {
    text.replace("-\n", "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a PDF without its pages' footers ("Title — page 3 of 21"),
/// so that a quote running on over a page break reads as one.
fn without_page_footers(text: &str) -> String {
    let footer = |line: &str| {
        let Some((_, page)) = line.rsplit_once(" — page ") else { return false };
        page.split(" of ").all(|number| !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()))
    };
    text.lines().filter(|line| !footer(line.trim())).collect::<Vec<_>>().join("\n")
}

#[test]
fn pdftotext_reads_every_explanation_and_quote_in_embedded_fonts() {
    if !available("pdftotext", "-v") {
        return;
    }
    let mut chinese = sample("tutorial.ron");
    chinese.claims[0].text = "中国签署了协议：网络安全 (China signed)".to_owned();
    let folder = tempfile::tempdir().expect("temp folder");
    for (name, map) in [
        ("case", sample("us_china_cyber_2013_2015.ron")),
        ("chinese", chinese),
        ("hostile", hostile(sample("tutorial.ron"))),
    ] {
        let path = folder.path().join(format!("{name}.pdf"));
        std::fs::write(&path, export(&map, Format::Pdf, &ExportOptions::default()).expect("exports")).expect("written");
        let output =
            Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(&path).arg("-").output().expect("pdftotext runs");
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let text = normalised(&without_page_footers(&String::from_utf8_lossy(&output.stdout)));
        let explanations = map.explanations().map(|claim| claim.text.clone());
        for wanted in explanations.chain(quotes(&map)) {
            assert!(text.contains(&normalised(&wanted)), "{name}: {wanted:?} is in the PDF's text");
        }
        let fonts = Command::new("pdffonts").arg(&path).output().expect("pdffonts runs");
        let fonts = String::from_utf8_lossy(&fonts.stdout);
        let listed: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!listed.is_empty(), "{name}: the PDF has fonts");
        for font in listed {
            let columns: Vec<&str> = font.split_whitespace().collect();
            let embedded = columns.len() >= 5 && columns[columns.len() - 5] == "yes";
            assert!(embedded, "{name}: every font embedded: {font}");
        }
    }
}
