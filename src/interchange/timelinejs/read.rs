//! Reads TimelineJS3 JSON as its authors write it, by hand or through the
//! Google-sheet template: each slide an event (its `group` the lane, its
//! `unique_id` the id), dated to the finest part given (see `dates`), and each
//! era a span on the lane "Eras" unless a slide already is that span (a map
//! has no era apart from its events). The title slide titles the map. HTML
//! becomes plain text; a slide's media becomes a source (its URL, its caption
//! as the title, its credit as the author) that the event cites. What a map
//! cannot hold — times of day, display dates, backgrounds, years beyond its
//! timeline — is listed as `skipped:`, a slide with no headline is titled from
//! its text or date and listed as `renamed:`; only what TimelineJS could not
//! show either (a part that is not a number, a month 13) is an error.

use super::dates::{DateProblem, ReadDate, read_date};
use super::html::plain;
use super::places::{Places, key_in, places};
use super::schema::{TimelineDate, TimelineEra, TimelineFile, TimelineMedia, TimelineSlide};
use crate::format::{Diagnostic, TextPosition};
use crate::import::builder::MapBuilder;
use crate::import::json_position::{parse, position_of};
use crate::import::{ImportError, Imported};
use crate::model::{Citation, Date, Event, EventId, Source, SourceId};
use std::ops::Range;

/// The longest title made from a slide's text, in characters.
const MADE_TITLE_CHARS: usize = 60;

/// A title made from `text`: its first line, cut at a word near [`MADE_TITLE_CHARS`].
fn title_from_text(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default().trim();
    if first.chars().count() <= MADE_TITLE_CHARS {
        return first.to_owned();
    }
    let cut: String = first.chars().take(MADE_TITLE_CHARS).collect();
    let cut = cut.rfind(' ').filter(|&at| at > MADE_TITLE_CHARS / 2).map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}…", cut.trim_end())
}

/// Whether a background says anything (the sheet template writes empty ones).
fn has_content(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Null => false,
        serde_json::Value::String(text) => !text.trim().is_empty(),
        serde_json::Value::Object(fields) => fields.values().any(has_content),
        serde_json::Value::Array(items) => items.iter().any(has_content),
        _ => true,
    }
}

struct Reader<'a> {
    text: &'a str,
    places: Places,
    builder: MapBuilder,
    notices: Vec<Diagnostic>,
    problems: Vec<Diagnostic>,
    /// (title, start, end) of each slide read, so that an era that repeats one is not read twice.
    spans: Vec<(String, Date, Option<Date>)>,
}

impl Reader<'_> {
    /// Where `key` stands in `range`, else where the range starts.
    fn position(&self, range: Option<&Range<usize>>, key: &str) -> TextPosition {
        let offset = range.and_then(|range| key_in(self.text, range, key).or(Some(range.start)));
        offset.map_or(TextPosition { line: 1, col: 1 }, |offset| position_of(self.text, offset))
    }

    fn note(&mut self, position: TextPosition, message: String) {
        self.notices.push(Diagnostic { position, message });
    }

    fn problem(&mut self, position: TextPosition, message: String) {
        self.problems.push(Diagnostic { position, message });
    }

    /// A date of `whose`; `None` (with the problem or note made) when it cannot be kept.
    fn date(&mut self, date: &TimelineDate, position: TextPosition, whose: &str) -> Option<Option<ReadDate>> {
        match read_date(date) {
            Ok(read) => Some(read),
            Err(DateProblem::Broken(message)) => {
                self.problem(position, message);
                None
            }
            Err(DateProblem::Beyond(message)) => {
                self.note(position, format!("skipped: {whose}: {message}"));
                None
            }
        }
    }

    /// The source a slide's media becomes, and the citation that points at it.
    fn media(&mut self, media: &TimelineMedia, position: TextPosition, whose: &str) -> Option<Citation> {
        let url = media.url.trim();
        let (caption, credit) = (plain(&media.caption), plain(&media.credit));
        if url.is_empty() {
            if !caption.is_empty() || !credit.is_empty() {
                self.note(position, format!("skipped: the media caption and credit of {whose} (the media has no url)"));
            }
            return None;
        }
        let existing = self.builder.map().sources.iter().find(|source| source.url == url).map(|s| s.id.clone());
        let id = existing.unwrap_or_else(|| {
            let title = if caption.is_empty() { url.to_owned() } else { caption.clone() };
            let id = SourceId::new(self.builder.unique_id(&title, "media"));
            self.builder.add_source(Source {
                id: id.clone(),
                title,
                author: credit,
                outlet: String::new(),
                date: None,
                url: url.to_owned(),
                text: None,
            });
            id
        });
        Some(Citation { locator: Some("the slide's media".to_owned()), ..Citation::new(id, "") })
    }

    fn background(&mut self, slide: &TimelineSlide, range: Option<&Range<usize>>, whose: &str) {
        if slide.background.as_ref().is_some_and(has_content) {
            let position = self.position(range, "background");
            self.note(position, format!("skipped: the background of {whose} (a map has no place for it)"));
        }
    }

    fn title_slide(&mut self, title: &TimelineSlide) {
        let range = self.places.title.clone();
        let headline = plain(&title.text.headline);
        if !headline.is_empty() {
            self.builder.meta_mut().title = headline;
        }
        self.builder.meta_mut().summary = plain(&title.text.text);
        if let Some(media) = &title.media {
            let position = self.position(range.as_ref(), "media");
            self.media(media, position, "the title slide");
        }
        self.background(title, range.as_ref(), "the title slide");
    }

    fn slide(&mut self, index: usize, slide: &TimelineSlide) {
        let range = self.places.events.get(index).cloned();
        let range = range.as_ref();
        let whose = format!("slide {}", index + 1);
        let Some(start_date) = &slide.start_date else {
            let position = self.position(range, "text");
            self.note(position, format!("skipped: {whose} has no start_date (TimelineJS does not show it either)"));
            return;
        };
        let start_position = self.position(range, "start_date");
        let Some(start) = self.date(start_date, start_position, &whose) else { return };
        let Some(start) = start else {
            self.problem(start_position, format!("the start date of {whose} has no year"));
            return;
        };
        let end_position = self.position(range, "end_date");
        let end = match &slide.end_date {
            Some(end_date) => match self.date(end_date, end_position, &whose) {
                Some(end) => end,
                None => return,
            },
            None => None,
        };
        for (read, position, which) in [(Some(&start), start_position, "start"), (end.as_ref(), end_position, "end")] {
            for phrase in read.map_or(&[][..], |read| read.left_out.as_slice()) {
                self.note(position, format!("skipped: {phrase}, in the {which} of {whose}"));
            }
        }
        let (start, end) = (start.date, end.map(|end| end.date).filter(|end| *end != start.date));
        if let Some(end) = end.filter(|end| end.last_day() < start.first_day()) {
            self.problem(end_position, format!("{whose} ends ({end}) before it starts ({start})"));
            return;
        }
        let display = slide.display_date.as_deref().map(str::trim).filter(|shown| !shown.is_empty());
        if let Some(shown) = display {
            let position = self.position(range, "display_date");
            self.note(position, format!("skipped: the display date \"{shown}\" of {whose} (the map shows the date)"));
        }
        let detail = plain(&slide.text.text);
        let mut title = plain(&slide.text.headline);
        if title.is_empty() {
            let (made, from) = if detail.is_empty() {
                let when = end.map_or(start.human(), |end| format!("{} – {}", start.human(), end.human()));
                let shown = display.or(start_date.display_date.as_deref().map(str::trim).filter(|s| !s.is_empty()));
                (shown.map_or(when, str::to_owned), "date")
            } else {
                (title_from_text(&detail), "text")
            };
            let position = self.position(range, "text");
            self.note(position, format!("renamed: {whose} has no headline; it is titled \"{made}\" from its {from}"));
            title = made;
        }
        let mut citations = Vec::new();
        if let Some(media) = &slide.media {
            let position = self.position(range, "media");
            citations.extend(self.media(media, position, &whose));
        }
        self.background(slide, range, &whose);
        // TimelineJS shows a group decoded twice (text of the HTML, then set as HTML).
        let lane = self.builder.lane(&plain(&plain(slide.group.as_deref().unwrap_or(""))));
        let id = slide.unique_id.clone().filter(|id| !id.trim().is_empty()).unwrap_or_else(|| title.clone());
        self.spans.push((title.clone(), start, end));
        self.builder.add_event(Event { end, detail, citations, ..Event::new(id, start, title, lane) });
    }

    fn era(&mut self, index: usize, era: &TimelineEra) {
        let range = self.places.eras.get(index).cloned();
        let range = range.as_ref();
        let whose = format!("era {}", index + 1);
        let (start_position, end_position) = (self.position(range, "start_date"), self.position(range, "end_date"));
        let start = era.start_date.as_ref().map(|date| self.date(date, start_position, &whose));
        let end = era.end_date.as_ref().map(|date| self.date(date, end_position, &whose));
        let (start, end) = match (start, end) {
            (Some(None), _) | (_, Some(None)) => return,
            (Some(Some(Some(start))), Some(Some(Some(end)))) => (start.date, end.date),
            _ => {
                let position = self.position(range, "text");
                self.note(position, format!("skipped: {whose} has no start or no end date (TimelineJS needs both)"));
                return;
            }
        };
        if end.last_day() < start.first_day() {
            self.problem(end_position, format!("{whose} ends ({end}) before it starts ({start})"));
            return;
        }
        let mut headline = plain(&era.text.headline);
        if headline.is_empty() {
            headline = format!("Era {} – {}", start.human(), end.human());
            let position = self.position(range, "text");
            self.note(position, format!("renamed: {whose} has no headline; it is titled \"{headline}\""));
        }
        if self.spans.iter().any(|(title, s, e)| title == &headline && *s == start && *e == Some(end)) {
            return;
        }
        let lane = self.builder.lane("Eras");
        let id = EventId::new(headline.as_str());
        let detail = plain(&era.text.text);
        self.builder.add_event(Event { end: Some(end), detail, ..Event::new(id, start, headline, lane) });
    }
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let file: TimelineFile = parse(text, "TimelineJS JSON")?;
    if file.events.is_empty() && file.eras.is_empty() {
        return Err(ImportError::at(
            TextPosition { line: 1, col: 1 },
            "the timeline has no slides: TimelineJS needs at least one in \"events\"",
        ));
    }
    let mut reader = Reader {
        text,
        places: places(text),
        builder: MapBuilder::new(""),
        notices: Vec::new(),
        problems: Vec::new(),
        spans: Vec::new(),
    };
    if let Some(title) = &file.title {
        reader.title_slide(title);
    }
    for (index, slide) in file.events.iter().enumerate() {
        reader.slide(index, slide);
    }
    for (index, era) in file.eras.iter().enumerate() {
        reader.era(index, era);
    }
    if !reader.problems.is_empty() {
        return Err(ImportError::Problems { problems: reader.problems });
    }
    let mut notices = reader.notices;
    notices.sort_by_key(|notice| (notice.position.line, notice.position.col));
    Ok(Imported { map: reader.builder.finish()?, notices })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_made_from_text_end_at_a_word() {
        assert_eq!(title_from_text("Short line\nmore"), "Short line");
        let made = title_from_text(&"word ".repeat(30));
        assert!(made.ends_with('…') && made.chars().count() <= MADE_TITLE_CHARS + 1, "{made}");
    }
}
