//! A source's text as Argline reads it, with its hash, addressed by character
//! offsets (what an [`Anchor`] counts) as well as by bytes (what Rust slices).
//! A sparse table of checkpoints turns one into the other without a table as
//! large as the text.

use crate::model::Anchor;
use std::ops::Range;

/// How many characters before and after a quote its anchor keeps, as the W3C
/// text quote selector's tools do.
pub const CONTEXT_CHARS: usize = 32;

/// Characters between two checkpoints of the offset table.
const STRIDE: usize = 1024;

/// The text of a source, ready to be searched and cut by character offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    text: String,
    sha256: String,
    /// The byte offset of every `STRIDE`-th character.
    checkpoints: Vec<usize>,
    chars: usize,
}

impl SourceText {
    /// `text` (already read from its file) and the hash of that file's bytes.
    pub fn new(text: String, sha256: String) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        for (byte, _) in text.char_indices() {
            if chars % STRIDE == 0 {
                checkpoints.push(byte);
            }
            chars += 1;
        }
        Self { text, sha256, checkpoints, chars }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The SHA-256 of the file it was read from, in lowercase hexadecimal.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// Its length in characters.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// The byte offset of character `offset` (the text's length for its end);
    /// `None` past the end.
    pub fn byte_of_char(&self, offset: usize) -> Option<usize> {
        if offset == self.chars {
            return Some(self.text.len());
        }
        let checkpoint = *self.checkpoints.get(offset / STRIDE)?;
        self.text[checkpoint..].char_indices().nth(offset % STRIDE).map(|(byte, _)| checkpoint + byte)
    }

    /// The character offset of byte `byte` (which must start a character).
    pub fn char_of_byte(&self, byte: usize) -> usize {
        let slot = self.checkpoints.partition_point(|&checkpoint| checkpoint <= byte).saturating_sub(1);
        let checkpoint = self.checkpoints.get(slot).copied().unwrap_or(0);
        let counted = self.text.get(checkpoint..byte).map_or(0, |between| between.chars().count());
        slot * STRIDE + counted
    }

    /// The bytes of the characters `start..end`; `None` when they are not in the text.
    pub fn byte_range(&self, start: usize, end: usize) -> Option<Range<usize>> {
        if end < start {
            return None;
        }
        Some(self.byte_of_char(start)?..self.byte_of_char(end)?)
    }

    /// The characters `start..end`, when they are in the text.
    pub fn slice_chars(&self, start: usize, end: usize) -> Option<&str> {
        self.byte_range(start, end).and_then(|range| self.text.get(range))
    }

    /// The anchor of the bytes `range` (on character boundaries): its
    /// character offsets and up to [`CONTEXT_CHARS`] characters either side.
    pub fn anchor_of(&self, range: Range<usize>) -> Anchor {
        let before = self.text.get(..range.start).unwrap_or_default();
        let after = self.text.get(range.end..).unwrap_or_default();
        let prefix_start = before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(byte, _)| byte);
        let suffix_end = after.char_indices().nth(CONTEXT_CHARS).map_or(after.len(), |(byte, _)| byte);
        let start = self.char_of_byte(range.start);
        let quoted = self.text.get(range).map_or(0, |quote| quote.chars().count());
        Anchor {
            start,
            end: start + quoted,
            prefix: before[prefix_start..].to_owned(),
            suffix: after[..suffix_end].to_owned(),
        }
    }

    /// Which paragraph (from 1; paragraphs are parted by blank lines) holds
    /// the character at `offset`; `None` past the end.
    pub fn paragraph_of(&self, offset: usize) -> Option<usize> {
        let through = self.byte_of_char(offset.checked_add(1)?)?;
        let mut paragraphs = 0;
        let mut after_blank = true;
        for line in self.text[..through].split('\n') {
            if line.trim().is_empty() {
                after_blank = true;
            } else if after_blank {
                paragraphs += 1;
                after_blank = false;
            }
        }
        Some(paragraphs.max(1))
    }

    /// The byte ranges where `quote` occurs, at most `limit` of them. A run of
    /// white space in the quote matches any run in the text, so that a quote
    /// typed on one line is found in a text hard-wrapped across two: the
    /// difference is one the reader cannot see.
    pub fn occurrences(&self, quote: &str, limit: usize) -> Vec<Range<usize>> {
        let mut words = quote.split_whitespace();
        let Some(first) = words.next() else { return Vec::new() };
        let rest: Vec<&str> = words.collect();
        let mut found = Vec::new();
        for (start, _) in self.text.match_indices(first) {
            if found.len() == limit {
                break;
            }
            if let Some(end) = self.words_follow(start + first.len(), &rest) {
                found.push(start..end);
            }
        }
        found
    }

    /// Where `words` end when each stands after a run of white space from `byte` on.
    fn words_follow(&self, mut byte: usize, words: &[&str]) -> Option<usize> {
        for word in words {
            let after = self.text.get(byte..)?;
            let spaced = after.len() - after.trim_start().len();
            if spaced == 0 || !after[spaced..].starts_with(word) {
                return None;
            }
            byte += spaced + word.len();
        }
        Some(byte)
    }
}

/// Whether two passages are the same words spaced alike but for the kind and
/// length of their runs of white space.
pub fn same_but_spacing(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_and_bytes_agree_across_checkpoints() {
        let text: String = "é".repeat(3000) + "needle" + &"ü".repeat(10);
        let source = SourceText::new(text, String::new());
        assert_eq!(source.char_len(), 3016);
        let bytes = source.byte_range(3000, 3006).expect("in the text");
        assert_eq!(&source.as_str()[bytes.clone()], "needle");
        assert_eq!(source.char_of_byte(bytes.start), 3000);
        assert_eq!(source.slice_chars(3000, 3006), Some("needle"));
        assert_eq!(source.slice_chars(3010, 4000), None);
        assert_eq!(source.byte_of_char(3016), Some(source.as_str().len()));
    }

    #[test]
    fn paragraphs_are_counted_across_blank_lines() {
        let source = SourceText::new("First.\n\n\nSecond, two\nlines.\n \nThird.".to_owned(), String::new());
        let at = |word: &str| source.as_str().find(word).map(|byte| source.char_of_byte(byte));
        assert_eq!(at("First").and_then(|c| source.paragraph_of(c)), Some(1));
        assert_eq!(at("Second").and_then(|c| source.paragraph_of(c)), Some(2));
        assert_eq!(at("lines").and_then(|c| source.paragraph_of(c)), Some(2));
        assert_eq!(at("Third").and_then(|c| source.paragraph_of(c)), Some(3));
        assert_eq!(source.paragraph_of(source.char_len()), None);
    }

    #[test]
    fn an_anchor_keeps_32_characters_either_side() {
        let text = format!("{}the quoted words{}", "a".repeat(40), "z".repeat(5));
        let source = SourceText::new(text, String::new());
        let start = source.occurrences("the quoted words", 10)[0].start;
        let anchor = source.anchor_of(start..start + "the quoted words".len());
        assert_eq!((anchor.start, anchor.end), (40, 56));
        assert_eq!(anchor.prefix, "a".repeat(32));
        assert_eq!(anchor.suffix, "zzzzz");
    }
}
