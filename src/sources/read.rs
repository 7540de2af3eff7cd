//! Reading a source's text file: plain text, Markdown or HTML, by its
//! extension, turned into the words it says. Refused before reading when over
//! [`MAX_TEXT_BYTES`]; a text that is not UTF-8 is refused with the encoding
//! it seems to be in. HTML is parsed (never run): scripts, styles and the head
//! are dropped.

use super::SourceText;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Source texts larger than this are refused before they are read.
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// Lines of HTML are wrapped at this many characters: in practice never, so
/// that a quote spanning a long paragraph stays on one line.
const HTML_LINE_CHARS: usize = 1_000_000;

/// How a text file is written, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    Plain,
    Markdown,
    Html,
}

impl TextKind {
    pub fn of_path(path: &Path) -> Self {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("md" | "markdown") => Self::Markdown,
            Some("html" | "htm" | "xhtml") => Self::Html,
            _ => Self::Plain,
        }
    }
}

/// Why a source's text could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("{file}: cannot read the text: {source}")]
    Read { file: String, source: std::io::Error },
    #[error("{file}: the text is {size_bytes} bytes; Argline reads source texts of at most {limit_bytes} bytes")]
    TooLarge { file: String, size_bytes: u64, limit_bytes: u64 },
    #[error("{file}: the text is not UTF-8 text; it seems to be {seems}: save it as UTF-8 and attach it again")]
    NotUtf8 { file: String, seems: &'static str },
    #[error("{file}: the HTML could not be turned into text: {message}")]
    Html { file: String, message: String },
}

/// Reads the text file at `path` as its kind (by extension) says.
pub fn read_text_file(path: &Path) -> Result<SourceText, TextError> {
    let file = path.display().to_string();
    let read_error = |source| TextError::Read { file: file.clone(), source };
    let size_bytes = std::fs::metadata(path).map_err(read_error)?.len();
    if size_bytes > MAX_TEXT_BYTES {
        return Err(TextError::TooLarge { file, size_bytes, limit_bytes: MAX_TEXT_BYTES });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    text_of_bytes(&bytes, TextKind::of_path(path), &file)
}

/// The text of a file's `bytes`, written as `kind`; `file` names it in messages.
pub fn text_of_bytes(bytes: &[u8], kind: TextKind, file: &str) -> Result<SourceText, TextError> {
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(TextError::TooLarge {
            file: file.to_owned(),
            size_bytes: bytes.len() as u64,
            limit_bytes: MAX_TEXT_BYTES,
        });
    }
    let sha256 = sha256_hex(bytes);
    let unmarked = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A zero byte is valid UTF-8 but never in a text: UTF-16 of ASCII is full of them.
    let raw = std::str::from_utf8(unmarked)
        .ok()
        .filter(|_| !unmarked.contains(&0))
        .ok_or_else(|| TextError::NotUtf8 { file: file.to_owned(), seems: seeming_encoding(bytes) })?;
    let raw = raw.replace("\r\n", "\n");
    let text = match kind {
        TextKind::Plain => raw,
        TextKind::Markdown => markdown_words(&raw),
        TextKind::Html => html2text::config::plain_no_decorate()
            .raw_mode(true)
            .no_link_wrapping()
            .allow_width_overflow()
            .string_from_read(raw.as_bytes(), HTML_LINE_CHARS)
            .map_err(|error| TextError::Html { file: file.to_owned(), message: error.to_string() })?,
    };
    Ok(SourceText::new(text, sha256))
}

/// The SHA-256 of `bytes`, in lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// What encoding bytes that are not UTF-8 seem to be in, for the message.
fn seeming_encoding(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\xFF\xFE") {
        return "UTF-16, little-endian (it starts with that byte order mark)";
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return "UTF-16, big-endian (it starts with that byte order mark)";
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    if half > 0 && zeros_at(1) * 3 > half {
        return "UTF-16, little-endian (every other byte is zero)";
    }
    if half > 0 && zeros_at(0) * 3 > half {
        return "UTF-16, big-endian (every other byte is zero)";
    }
    if sample.contains(&0) {
        return "binary data, not text";
    }
    "a single-byte encoding such as Windows-1252 or ISO-8859-1 (Latin-1)"
}

/// The words of a Markdown text: paragraphs, headings and list items each end
/// in a blank line, soft line breaks become spaces, marks and HTML are dropped.
fn markdown_words(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(words) | Event::Code(words) => text.push_str(&words),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_),
            ) => {
                let trimmed = text.trim_end_matches('\n').len();
                text.truncate(trimmed);
                text.push_str("\n\n");
            }
            _ => {}
        }
    }
    let kept = text.trim_end().len();
    text.truncate(kept);
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_its_words_and_drops_scripts_and_styles() {
        let html = b"<html><head><title>T</title><style>p { color: red }</style></head><body>\
            <script>alert('run')</script><p>The agreement <em>was</em> a start.</p>\
            <script type=\"module\">document.write('x')</script><p>Second paragraph.</p></body></html>";
        let text = text_of_bytes(html, TextKind::Html, "page.html").expect("reads");
        assert!(text.as_str().contains("The agreement was a start."), "{:?}", text.as_str());
        assert!(text.as_str().contains("Second paragraph."));
        assert!(
            !text.as_str().contains("alert") && !text.as_str().contains("color") && !text.as_str().contains("write")
        );
    }

    #[test]
    fn markdown_reads_as_its_words() {
        let text =
            text_of_bytes(b"# Title\n\nSome *marked*\ntext with a [link](http://x).\n", TextKind::Markdown, "a.md")
                .expect("reads");
        assert_eq!(text.as_str(), "Title\n\nSome marked text with a link.\n");
    }

    #[test]
    fn text_that_is_not_utf8_says_what_it_seems_to_be() {
        let latin1 = b"Caf\xe9 cr\xe8me";
        let error = text_of_bytes(latin1, TextKind::Plain, "x.txt").expect_err("refused");
        assert!(error.to_string().contains("Windows-1252"), "{error}");
        let utf16: Vec<u8> = "Hello there".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let error = text_of_bytes(&utf16, TextKind::Plain, "x.txt").expect_err("refused");
        assert!(error.to_string().contains("UTF-16, little-endian"), "{error}");
    }

    #[test]
    fn the_hash_is_of_the_files_bytes_and_windows_line_ends_read_as_newlines() {
        let text = text_of_bytes(b"\xEF\xBB\xBFone\r\ntwo\r\n", TextKind::Plain, "x.txt").expect("reads");
        assert_eq!(text.as_str(), "one\ntwo\n");
        assert_eq!(text.sha256(), sha256_hex(b"\xEF\xBB\xBFone\r\ntwo\r\n"));
        assert_eq!(sha256_hex(b"").len(), 64);
        assert!(sha256_hex(b"").starts_with("e3b0c442"));
    }

    #[test]
    fn a_text_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let path = dir.path().join("huge.txt");
        let file = std::fs::File::create(&path).expect("creates");
        file.set_len(MAX_TEXT_BYTES + 1).expect("a sparse file");
        let error = read_text_file(&path).expect_err("refused");
        assert!(matches!(error, TextError::TooLarge { .. }), "{error}");
    }
}
