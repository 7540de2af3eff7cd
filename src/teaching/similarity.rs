//! How alike two short texts are in what they say, for aligning a student's
//! claims with a key's: both are normalised (lower case, punctuation and
//! stop words out, a light stemming that folds "sanctions", "threatened"
//! and "hacking" onto "sanction", "threaten", "hack"), then compared twice —
//! as sets of words (Dice's coefficient), and as sets of character trigrams
//! of the words (which catches "concessions" against "conceded" and typos
//! that the word sets miss) — and the two averaged, from 0 (nothing shared)
//! to 1 (the same words). Hand-written: `strsim` compares characters, not
//! words without their stop words, and the whole of it is this file.

use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A text as the comparison sees it: its content words and their trigrams,
/// each as a hash, sorted (so that comparing two texts is one merge).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    words: Vec<u64>,
    trigrams: Vec<u64>,
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

fn sorted(hashes: BTreeSet<u64>) -> Vec<u64> {
    hashes.into_iter().collect()
}

impl Words {
    /// The content words of `text`, stemmed, and their trigrams.
    pub fn of(text: &str) -> Self {
        let words: BTreeSet<String> =
            tokens(text).into_iter().filter(|word| !STOP_WORDS.contains(&word.as_str())).map(|w| stem(&w)).collect();
        let mut trigrams = BTreeSet::new();
        for word in &words {
            let padded: Vec<char> = std::iter::once(' ').chain(word.chars()).chain(std::iter::once(' ')).collect();
            trigrams.extend(padded.windows(3).map(hash_of));
        }
        Self { words: sorted(words.iter().map(hash_of).collect()), trigrams: sorted(trigrams) }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// From 0 (nothing in common) to 1 (the same content words).
    pub fn similarity(&self, other: &Words) -> f64 {
        (dice(&self.words, &other.words) + dice(&self.trigrams, &other.trigrams)) / 2.0
    }
}

/// Twice the shared elements over the sum of the sizes, for two sorted,
/// deduplicated lists; 0 when both are empty.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / total as f64
}

/// Whether `c` is a Chinese, Japanese or Korean ideograph or syllable: such
/// text has no spaces, so each counts as a word of its own.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// The words of `text`, lower-cased: runs of letters and digits, where an
/// apostrophe or a full stop inside a word is dropped ("U.S." is "us",
/// "Xi's" is "xis").
fn tokens(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let next_is_letter = chars.get(index + 1).is_some_and(|next| next.is_alphanumeric());
        if is_cjk(c) {
            found.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
            found.push(c.to_string());
        } else if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else if matches!(c, '.' | '\'' | '’') && !current.is_empty() && next_is_letter {
            continue;
        } else if !current.is_empty() {
            found.push(std::mem::take(&mut current));
        }
    }
    found.extend((!current.is_empty()).then_some(current));
    found
}

/// A light stemmer: the commonest English endings off, never leaving fewer
/// than three letters ("sanctions" → "sanction", "hacking" → "hack",
/// "policies" → "policy", "agreed" → "agre").
fn stem(word: &str) -> String {
    let letters = word.chars().count();
    for &(ending, replacement, shortest) in SUFFIXES {
        if word.ends_with(ending) && letters >= ending.chars().count() + shortest {
            return format!("{}{replacement}", &word[..word.len() - ending.len()]);
        }
    }
    word.to_owned()
}

/// Endings taken off, in order (the first that fits wins): the ending, what
/// replaces it, and the fewest letters that must remain.
const SUFFIXES: &[(&str, &str, usize)] = &[
    ("ational", "ate", 3),
    ("ations", "ate", 3),
    ("ation", "ate", 3),
    ("ies", "y", 3),
    ("sses", "ss", 3),
    ("ing", "", 3),
    ("ed", "", 3),
    ("ly", "", 4),
    ("ss", "ss", 0),
    ("s", "", 3),
];

/// Words too common to say what a claim is about.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been",
    "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
    "even", "for", "from", "had", "has", "have", "having", "he", "her", "here", "his", "how", "i", "if", "in", "into",
    "is", "it", "its", "just", "more", "most", "much", "no", "not", "now", "of", "on", "only", "or", "other", "our",
    "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "up", "very", "was", "we",
    "were", "what", "when", "which", "will", "with",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn similarity(a: &str, b: &str) -> f64 {
        Words::of(a).similarity(&Words::of(b))
    }

    #[test]
    fn case_punctuation_and_stop_words_do_not_count() {
        assert_eq!(similarity("The sanctions threat!", "sanctions, THREAT"), 1.0);
        assert_eq!(Words::of("U.S. and Xi’s words"), Words::of("us xis word"));
    }

    #[test]
    fn endings_are_folded() {
        assert_eq!(stem("sanctions"), "sanction");
        assert_eq!(stem("hacking"), "hack");
        assert_eq!(stem("policies"), "policy");
        assert_eq!(stem("threatened"), "threaten");
        assert_eq!(stem("is"), "is", "too short to stem");
        assert_eq!(stem("loss"), "loss");
    }

    #[test]
    fn a_paraphrase_scores_above_an_unrelated_claim_of_the_same_subject() {
        let key = "The sanctions threat brought China to the table";
        let paraphrase =
            similarity(key, "China only came to the negotiating table because the US threatened sanctions");
        let unrelated = similarity(key, "China has enormous leverage to retaliate against U.S. firms");
        assert!(paraphrase > 0.4, "{paraphrase}");
        assert!(unrelated < 0.25, "{unrelated}");
    }

    #[test]
    fn chinese_text_is_compared_by_its_characters() {
        assert!(similarity("中国让步了", "中国没有让步") > 0.5);
    }

    #[test]
    fn nothing_in_common_is_zero_and_empty_text_matches_nothing() {
        assert_eq!(similarity("sanctions", "hotline"), 0.0);
        assert_eq!(similarity("", ""), 0.0);
        assert!(Words::of("the of and").is_empty());
    }
}
