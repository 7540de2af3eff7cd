//! Writes the events as CSV (RFC 4180: comma-separated, CRLF line ends, quoted
//! fields when needed), one row each: id, date, end, precision, lane, title,
//! detail, tags, sources. Written by hand: a writer is twenty lines, and the
//! spreadsheet guard below is ours either way.

use super::COLUMNS;
use crate::model::{Event, Map};

/// A cell as RFC 4180 wants it. Text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is
/// prefixed with `'`, which spreadsheets show as text.
pub fn cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) { format!("\"{}\"", guarded.replace('"', "\"\"")) } else { guarded }
}

fn row(map: &Map, event: &Event) -> [String; 9] {
    let lane = map.lane(&event.lane).map_or_else(|| event.lane.to_string(), |lane| lane.name.clone());
    let mut sources: Vec<&str> = Vec::new();
    for citation in &event.citations {
        let title = map.source(&citation.source).map_or(citation.source.as_str(), |source| source.title.as_str());
        if !sources.contains(&title) {
            sources.push(title);
        }
    }
    [
        event.id.to_string(),
        event.date.to_string(),
        event.end.map(|end| end.to_string()).unwrap_or_default(),
        event.date.precision().label().to_owned(),
        lane,
        event.title.clone(),
        event.detail.clone(),
        event.tags.join("; "),
        sources.join("; "),
    ]
}

pub fn render(map: &Map) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for event in &map.events {
        let cells: Vec<String> = row(map, event).iter().map(|text| cell(text)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-0044"), "'-0044");
    }
}
