//! Reads events from CSV (RFC 4180, as `write` writes and spreadsheets save):
//! a header row naming the columns, in any order; `date` and `title` are
//! required; `id`, `end`, `precision`, `lane`, `detail`, `tags`, `sources`
//! are read when present. Other columns are reported, not dropped silently.
//! The reader is hand-written so that every cell keeps its line and column.

use super::COLUMNS;
use crate::format::{Diagnostic, TextPosition};
use crate::import::builder::MapBuilder;
use crate::import::{ImportError, Imported};
use crate::model::{Date, Event, EventId, Source, SourceId};

/// A cell and where it starts.
struct Cell {
    text: String,
    position: TextPosition,
}

/// Splits RFC 4180 text into records of cells; an unclosed quote is an error at its opening.
fn records(text: &str) -> Result<Vec<Vec<Cell>>, ImportError> {
    let mut records = Vec::new();
    let mut record: Vec<Cell> = Vec::new();
    let (mut line, mut col) = (1, 1);
    let mut chars = text.chars().peekable();
    let mut cell = Cell { text: String::new(), position: TextPosition { line, col } };
    let mut quoted_from: Option<TextPosition> = None;
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        let here = TextPosition { line, col };
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
        if quoted_from.is_some() {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    col += 1;
                    cell.text.push('"');
                } else {
                    quoted_from = None;
                }
            } else {
                cell.text.push(c);
            }
            continue;
        }
        match c {
            '"' if at_cell_start => quoted_from = Some(here),
            '"' => {
                return Err(ImportError::at(
                    here,
                    "a quote inside an unquoted cell: quote the whole cell and double the quote (\"\")",
                ));
            }
            ',' => {
                let next = TextPosition { line, col };
                record.push(std::mem::replace(&mut cell, Cell { text: String::new(), position: next }));
                at_cell_start = true;
                continue;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::replace(
                    &mut cell,
                    Cell { text: String::new(), position: TextPosition { line, col } },
                ));
                records.push(std::mem::take(&mut record));
                at_cell_start = true;
                continue;
            }
            c => cell.text.push(c),
        }
        at_cell_start = false;
    }
    if let Some(opened) = quoted_from {
        return Err(ImportError::at(opened, "this quoted cell is never closed"));
    }
    if !cell.text.is_empty() || !record.is_empty() {
        record.push(cell);
        records.push(record);
    }
    records.retain(|record| !(record.len() == 1 && record[0].text.is_empty()));
    Ok(records)
}

/// Undoes the export's spreadsheet guard: `'=…` back to `=…`.
fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

fn list(text: &str) -> Vec<String> {
    text.split(';').map(str::trim).filter(|item| !item.is_empty()).map(str::to_owned).collect()
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let records = records(text)?;
    let Some((header, rows)) = records.split_first() else {
        return Err(ImportError::at(
            TextPosition { line: 1, col: 1 },
            "the file is empty: the first row names the columns (date, title, …)",
        ));
    };
    let mut notices = Vec::new();
    let mut columns: Vec<Option<&str>> = Vec::new();
    for cell in header {
        let name = cell.text.trim().to_lowercase();
        match COLUMNS.iter().find(|known| **known == name) {
            Some(known) => columns.push(Some(known)),
            None => {
                notices.push(Diagnostic {
                    position: cell.position,
                    message: format!(
                        "skipped: column \"{}\" is not one Argline reads ({})",
                        cell.text,
                        COLUMNS.join(", ")
                    ),
                });
                columns.push(None);
            }
        }
    }
    for required in ["date", "title"] {
        if !columns.contains(&Some(required)) {
            return Err(ImportError::at(
                TextPosition { line: 1, col: 1 },
                format!("no \"{required}\" column: the first row must name it"),
            ));
        }
    }
    let mut builder = MapBuilder::new("Imported events");
    let mut problems = Vec::new();
    for row in rows {
        let value = |name: &str| {
            columns
                .iter()
                .position(|column| *column == Some(name))
                .and_then(|i| row.get(i))
                .map(|cell| (unguard(cell.text.trim()), cell.position))
        };
        let row_start = row.first().map_or(TextPosition { line: 1, col: 1 }, |cell| cell.position);
        let mut problem = |position: TextPosition, message: String| problems.push(Diagnostic { position, message });
        let parse_date =
            |(text, position): (&str, TextPosition)| Date::parse(text).map_err(|error| (position, error.to_string()));
        let date = match value("date").map(parse_date) {
            Some(Ok(date)) => date,
            Some(Err((position, message))) => {
                problem(position, message);
                continue;
            }
            None => {
                problem(row_start, "this row has no date cell".to_owned());
                continue;
            }
        };
        let end = match value("end").filter(|(text, _)| !text.is_empty()).map(parse_date) {
            Some(Ok(end)) if end.last_day() < date.first_day() => {
                let position = value("end").map_or(row_start, |(_, position)| position);
                problem(position, format!("the span ends ({end}) before it starts ({date})"));
                continue;
            }
            Some(Ok(end)) => Some(end),
            Some(Err((position, message))) => {
                problem(position, message);
                continue;
            }
            None => None,
        };
        for (name, date) in [("date", Some(date)), ("end", end)] {
            if let Some(date) = date.filter(|date| !date.exists()) {
                let position = value(name).map_or(row_start, |(_, position)| position);
                problem(position, format!("{date} is not a date on the calendar"));
            }
        }
        if let Some((precision, position)) = value("precision").filter(|(text, _)| !text.is_empty()) {
            let expected = date.precision().label();
            if !precision.eq_ignore_ascii_case(expected) {
                problem(
                    position,
                    format!("precision \"{precision}\" does not match the date {date}, which is to the {expected}"),
                );
                continue;
            }
        }
        let title = value("title").map(|(text, _)| text).unwrap_or_default();
        if title.is_empty() {
            problem(value("title").map_or(row_start, |(_, position)| position), "the title is empty".to_owned());
            continue;
        }
        let lane = builder.lane(value("lane").map_or("", |(text, _)| text));
        let mut detail = value("detail").map_or(String::new(), |(text, _)| text.to_owned());
        let sources = value("sources").map_or(Vec::new(), |(text, _)| list(text));
        for source in &sources {
            if !builder.map().sources.iter().any(|s| &s.title == source) {
                let id = SourceId::new(builder.unique_id(source, "source"));
                builder.add_source(Source {
                    id,
                    title: source.clone(),
                    author: String::new(),
                    outlet: String::new(),
                    date: None,
                    url: String::new(),
                    text: None,
                });
            }
        }
        if !sources.is_empty() {
            // The CSV names sources but quotes none, and a citation is a quote: the names stay in the detail.
            detail = format!("{detail}{}Sources: {}.", if detail.is_empty() { "" } else { "\n\n" }, sources.join("; "));
        }
        let id = value("id").map_or(title, |(text, _)| if text.is_empty() { title } else { text });
        builder.add_event(Event {
            end,
            detail,
            tags: value("tags").map_or(Vec::new(), |(text, _)| list(text)),
            ..Event::new(EventId::new(id), date, title, lane)
        });
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems { problems });
    }
    Ok(Imported { map: builder.finish()?, notices })
}
