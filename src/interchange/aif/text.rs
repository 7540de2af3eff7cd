//! The analysed text of an OVA or xAIF file: HTML in which each passage a
//! node stands for is a `<span class="highlighted" id="node7">` (OVA) or
//! `id="7"` (xAIF). Read as plain text with each span's character range (what
//! an [`Anchor`](crate::model::Anchor) counts); written from a map's quotes,
//! each with the words around it that its anchor keeps.

use crate::export::escape_html;
use std::collections::HashMap;
use std::ops::Range;

/// The plain text of the analysed HTML and where each node's span stands in it.
#[derive(Debug, Default)]
pub struct AnalysedText {
    pub plain: String,
    /// By the span's id as written.
    spans: HashMap<String, Span>,
}

/// Where a span stands in the plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// In characters (what an anchor counts).
    pub chars: Range<usize>,
    /// In bytes of the plain text.
    bytes: Range<usize>,
}

impl AnalysedText {
    /// The span of node `id`, as OVA (`node7`) or xAIF (`7`) names it.
    pub fn span_of(&self, id: &str) -> Option<&Span> {
        self.spans.get(id).or_else(|| self.spans.get(&format!("node{id}")))
    }

    /// The words of `span`.
    pub fn words(&self, span: &Span) -> &str {
        self.plain.get(span.bytes.clone()).unwrap_or_default()
    }

    /// Up to `count` characters before and after `span`.
    pub fn context(&self, span: &Span, count: usize) -> (String, String) {
        let before = self.plain.get(..span.bytes.start).unwrap_or_default();
        let after = self.plain.get(span.bytes.end..).unwrap_or_default();
        let start = before.char_indices().rev().nth(count.saturating_sub(1)).map_or(0, |(byte, _)| byte);
        let end = after.char_indices().nth(count).map_or(after.len(), |(byte, _)| byte);
        (before[start..].to_owned(), after[..end].to_owned())
    }
}

/// `html` as plain text (tags dropped, `<br>` a line break, a paragraph's end
/// a blank line, the common entities decoded), with the range of every span
/// that has an id. A `<` never closed ends the text.
pub fn read(html: &str) -> AnalysedText {
    let mut text = AnalysedText::default();
    let mut chars = 0;
    // The ids of the spans open, innermost last (`None` for a span without one).
    let mut open: Vec<Option<(String, usize, usize)>> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let (chunk, after) = rest.split_once('<').unwrap_or((rest, ""));
        let decoded = decode_entities(chunk);
        chars += decoded.chars().count();
        text.plain.push_str(&decoded);
        let Some((tag, after_tag)) = after.split_once('>') else { break };
        rest = after_tag;
        let name = tag.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        let name = name.trim_end_matches('/');
        let line_breaks = match name {
            "br" => "\n",
            "/p" | "/div" | "/li" | "/h1" | "/h2" | "/h3" => "\n\n",
            _ => "",
        };
        chars += line_breaks.len();
        text.plain.push_str(line_breaks);
        match name {
            "span" => open.push(attribute(tag, "id").map(|id| (id.to_owned(), chars, text.plain.len()))),
            "/span" => {
                if let Some(Some((id, start, byte))) = open.pop() {
                    let span = Span { chars: start..chars, bytes: byte..text.plain.len() };
                    text.spans.entry(id).or_insert(span);
                }
            }
            _ => {}
        }
    }
    text
}

/// The value of `name="…"` (or `'…'`) in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = tag.get(from..).and_then(|rest| rest.find(name)) {
        let start = from + at;
        from = start + name.len();
        let before_ok = tag[..start].ends_with(char::is_whitespace);
        let value = tag[from..].trim_start().strip_prefix('=').map(str::trim_start);
        if let (true, Some(value)) = (before_ok, value) {
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            return value[1..].split(quote).next();
        }
    }
    None
}

/// A quoted passage as OVA shows it: the words before, the quote in the span
/// of node `id`, the words after; line breaks as `<br>`.
pub fn passage(id: &str, prefix: &str, quote: &str, suffix: &str) -> String {
    let html = |text: &str| escape_html(text).replace('\n', "<br>");
    let lead = if prefix.is_empty() { "" } else { "…" };
    let tail = if suffix.is_empty() { "" } else { "…" };
    format!(
        "<p>{lead}{}<span class=\"highlighted\" id=\"node{id}\">{}</span>{}{tail}</p>",
        html(prefix),
        html(quote),
        html(suffix)
    )
}

/// `text` with the HTML entities that exporters write turned back into characters.
fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_found_in_the_plain_text_by_either_id() {
        let html = "<p>Intro &amp; more</p><p>He said <span class=\"highlighted\" id=\"node12\">it is <b>safe</b></span>.</p>\
                    <span class='highlighted' id='3'>Speaker</span>";
        let text = read(html);
        assert_eq!(text.plain, "Intro & more\n\nHe said it is safe.\n\nSpeaker");
        let span = text.span_of("12").expect("the OVA span");
        assert_eq!((text.words(span), span.chars.clone()), ("it is safe", 22..32));
        assert_eq!(text.context(span, 5), ("said ".to_owned(), ".\n\nSp".to_owned()));
        assert_eq!(text.span_of("3").map(|span| text.words(span)), Some("Speaker"));
        assert_eq!(text.span_of("4"), None);
    }

    #[test]
    fn broken_html_ends_the_text_without_a_panic() {
        assert_eq!(read("a <span id=\"1\">b").plain, "a b");
        assert_eq!(read("a <span id=\"1").plain, "a ");
        assert_eq!(read("</span></span>x").plain, "x");
        assert_eq!(attribute("span id=", "id"), None);
    }

    #[test]
    fn a_passage_reads_back_as_its_quote() {
        let html = passage("7", "before <", "the \"quote\"", "after\nthat");
        let text = read(&html);
        assert_eq!(text.span_of("7").map(|span| text.words(span)), Some("the \"quote\""));
        assert_eq!(text.plain, "…before <the \"quote\"after\nthat…\n\n");
    }
}
