//! The best fuzzy match of a quote in a text, and the word-by-word diff
//! between them: for a quote whose exact words are no longer in its source.
//!
//! A window as many words long as the quote slides over the text, scored by
//! how many of the quote's words it holds (one pass, counts kept as it
//! moves); around the best window, the whole quote is aligned word by word
//! to the run of text that fits it best (a fitting alignment: the text's
//! words around that run cost nothing), which gives the passage and the diff.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// Quotes longer than this many words are not compared word by word (the
/// alignment grows with the square of the length).
const MAX_QUOTE_WORDS: usize = 1000;
/// The share of the quote's words a passage must keep to count as the quote, changed.
const MIN_SIMILARITY: f64 = 0.5;

/// One run of the diff: words both share, words of the quote the source no
/// longer has, or words the source has instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffPart {
    Same(String),
    Removed(String),
    Added(String),
}

/// The quote against the passage that best matches it, word by word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordDiff {
    pub parts: Vec<DiffPart>,
}

impl WordDiff {
    /// Whether the words are all the same as words are compared here (so only
    /// their capitals or the punctuation around them differ).
    pub fn only_punctuation_or_case_differs(&self) -> bool {
        self.parts.iter().all(|part| matches!(part, DiffPart::Same(_)))
    }
}

impl fmt::Display for WordDiff {
    /// As `git diff --word-diff` writes it: `kept [-quoted-]{+source's+} kept`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pieces: Vec<String> = self
            .parts
            .iter()
            .map(|part| match part {
                DiffPart::Same(words) => words.clone(),
                DiffPart::Removed(words) => format!("[-{words}-]"),
                DiffPart::Added(words) => format!("{{+{words}+}}"),
            })
            .collect();
        f.write_str(&pieces.join(" "))
    }
}

/// The passage of `text` (its bytes) most like `quote`, and the diff, when it
/// keeps at least half of the quote's words. `near` (a byte offset) breaks ties.
pub fn best_match(text: &str, quote: &str, near: Option<usize>) -> Option<(Range<usize>, WordDiff)> {
    let quote_words = words(quote);
    if quote_words.is_empty() || quote_words.len() > MAX_QUOTE_WORDS {
        return None;
    }
    let text_words = words(text);
    let best = best_window(&text_words, &quote_words, near)?;
    let margin = quote_words.len() / 2 + 2;
    let around = best.start.saturating_sub(margin)..(best.end + margin).min(text_words.len());
    let candidate = &text_words[around];
    let quoted: Vec<&str> = quote_words.iter().map(|(word, _)| *word).collect();
    let found: Vec<&str> = candidate.iter().map(|(word, _)| *word).collect();
    let key = |words: &[&str]| words.iter().map(|word| comparable(word)).collect::<Vec<_>>();
    let steps = fit(&key(&quoted), &key(&found));
    let aligned: Vec<usize> = steps.iter().filter_map(|step| step.text_word()).collect();
    let (first, last) = (*aligned.first()?, *aligned.last()?);
    let matches = steps
        .iter()
        .filter(|step| matches!(step, Step::Pair(q, t) if comparable(quoted[*q]) == comparable(found[*t])))
        .count();
    let similarity = matches as f64 / quoted.len().max(last - first + 1) as f64;
    if similarity < MIN_SIMILARITY {
        return None;
    }
    let bytes = candidate[first].1.start..candidate[last].1.end;
    Some((bytes, diff_of(&quoted, &found, &steps)))
}

/// A word as the alignment compares it: without the punctuation around it,
/// in lower case (the diff still shows every difference of the real words).
fn comparable(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// The words of `text` (runs of non-space characters) with their bytes.
fn words(text: &str) -> Vec<(&str, Range<usize>)> {
    let mut words = Vec::new();
    let mut start = None;
    for (byte, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                words.push((&text[from..byte], from..byte));
                start = None;
            }
            (false, None) => start = Some(byte),
            _ => {}
        }
    }
    words
}

/// The run of text words, as long as the quote, that holds most of its words.
fn best_window(
    text: &[(&str, Range<usize>)],
    quote: &[(&str, Range<usize>)],
    near: Option<usize>,
) -> Option<Range<usize>> {
    let width = quote.len().min(text.len());
    if width == 0 {
        return None;
    }
    let mut wanted: HashMap<String, i64> = HashMap::new();
    for (word, _) in quote {
        *wanted.entry(comparable(word)).or_default() += 1;
    }
    let keys: Vec<String> = text.iter().map(|(word, _)| comparable(word)).collect();
    let mut held: HashMap<&str, i64> = HashMap::new();
    let mut shared = 0i64;
    let distance = |start: usize| near.map_or(0, |near| text[start].1.start.abs_diff(near));
    let mut best: Option<(i64, usize)> = None;
    for (index, word) in keys.iter().enumerate() {
        let count = held.entry(word).or_default();
        if *count < wanted.get(word).copied().unwrap_or(0) {
            shared += 1;
        }
        *count += 1;
        if index >= width {
            let leaving = keys[index - width].as_str();
            let count = held.entry(leaving).or_default();
            *count -= 1;
            if *count < wanted.get(leaving).copied().unwrap_or(0) {
                shared -= 1;
            }
        }
        if index + 1 >= width {
            let start = index + 1 - width;
            let better = match best {
                None => true,
                Some((score, at)) => shared > score || (shared == score && distance(start) < distance(at)),
            };
            if better {
                best = Some((shared, start));
            }
        }
    }
    best.filter(|(score, _)| *score > 0).map(|(_, start)| start..start + width)
}

/// One step of an alignment: a quote word set against a text word (the same,
/// or one put for the other), a quote word the text lacks, a text word the quote lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Pair(usize, usize),
    Removed(usize),
    Added(usize),
}

impl Step {
    fn text_word(self) -> Option<usize> {
        match self {
            Self::Pair(_, t) | Self::Added(t) => Some(t),
            Self::Removed(_) => None,
        }
    }
}

const SAME: i32 = 2;
const OTHER: i32 = -1;
const GAP: i32 = -1;

/// The best fitting alignment of the whole quote to some run of the text
/// (the text's words before and after it are free): the steps, in order.
fn fit(quote: &[String], text: &[String]) -> Vec<Step> {
    let columns = text.len() + 1;
    let mut score = vec![0i32; (quote.len() + 1) * columns];
    for i in 1..=quote.len() {
        score[i * columns] = score[(i - 1) * columns] + GAP;
        for j in 1..=text.len() {
            let pair = if quote[i - 1] == text[j - 1] { SAME } else { OTHER };
            score[i * columns + j] = (score[(i - 1) * columns + j - 1] + pair)
                .max(score[(i - 1) * columns + j] + GAP)
                .max(score[i * columns + j - 1] + GAP);
        }
    }
    let last_row = quote.len() * columns;
    let mut j = (0..=text.len()).max_by_key(|&j| (score[last_row + j], std::cmp::Reverse(j))).unwrap_or(0);
    let mut i = quote.len();
    let mut steps = Vec::new();
    while i > 0 {
        let here = score[i * columns + j];
        let pair = if j > 0 && quote[i - 1] == text[j - 1] { SAME } else { OTHER };
        if j > 0 && here == score[(i - 1) * columns + j - 1] + pair {
            steps.push(Step::Pair(i - 1, j - 1));
            (i, j) = (i - 1, j - 1);
        } else if here == score[(i - 1) * columns + j] + GAP {
            steps.push(Step::Removed(i - 1));
            i -= 1;
        } else {
            steps.push(Step::Added(j - 1));
            j -= 1;
        }
    }
    steps.reverse();
    steps
}

/// The diff of the quote against the text words its alignment `steps` cover.
fn diff_of(quote: &[&str], text: &[&str], steps: &[Step]) -> WordDiff {
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut push = |part: fn(String) -> DiffPart, word: &str| match (parts.last_mut(), part(String::new())) {
        (Some(DiffPart::Same(last)), DiffPart::Same(_))
        | (Some(DiffPart::Removed(last)), DiffPart::Removed(_))
        | (Some(DiffPart::Added(last)), DiffPart::Added(_)) => {
            last.push(' ');
            last.push_str(word);
        }
        _ => parts.push(part(word.to_owned())),
    };
    for step in steps {
        match *step {
            Step::Pair(q, t) if quote[q] == text[t] => push(DiffPart::Same, quote[q]),
            Step::Pair(q, t) => {
                push(DiffPart::Removed, quote[q]);
                push(DiffPart::Added, text[t]);
            }
            Step::Removed(q) => push(DiffPart::Removed, quote[q]),
            Step::Added(t) => push(DiffPart::Added, text[t]),
        }
    }
    WordDiff { parts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_is_found_and_shown_as_a_word_diff() {
        let text = "Intro words here. Neither country will conduct or support such theft, they said. Outro.";
        let (bytes, diff) = best_match(text, "Neither country will lead or support such theft", None).expect("a match");
        assert_eq!(&text[bytes], "Neither country will conduct or support such theft,");
        assert_eq!(diff.to_string(), "Neither country will [-lead-] {+conduct+} or support such [-theft-] {+theft,+}");
    }

    #[test]
    fn words_the_source_never_had_are_no_match() {
        assert!(best_match("The cat sat on the mat.", "Entirely different sentence about markets", None).is_none());
        assert!(best_match("", "anything", None).is_none());
    }

    #[test]
    fn ties_go_to_the_passage_nearest_the_old_place() {
        let text = "alpha beta gamma. filler filler filler. alpha beta gamma.";
        let second = text.rfind("alpha").expect("twice");
        let (bytes, _) = best_match(text, "alpha beta delta", Some(second)).expect("a match");
        assert_eq!(bytes.start, second);
    }
}
