//! Find within a source's text: every place the words occur, ignoring the
//! case of ASCII letters, as byte offsets.

/// Matches past this many are not counted.
pub const MAX_MATCHES: usize = 10_000;

/// The byte offsets where `needle` occurs in `text`, case-insensitively for ASCII letters.
pub fn find_all(text: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let (haystack, needle) = (text.as_bytes(), needle.as_bytes());
    let mut found = Vec::new();
    let mut at = 0;
    while at + needle.len() <= haystack.len() && found.len() < MAX_MATCHES {
        if haystack[at..at + needle.len()].eq_ignore_ascii_case(needle) && text.is_char_boundary(at) {
            found.push(at);
            at += needle.len();
        } else {
            at += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_place_whatever_the_case() {
        assert_eq!(find_all("River rose; the river ROSE.", "river rose"), vec![0, 16]);
        assert!(find_all("abc", "").is_empty());
        assert_eq!(find_all("café Café", "CAFÉ"), Vec::<usize>::new(), "only ASCII letters fold");
        assert_eq!(find_all("café Café", "afé"), vec![1, 7]);
    }
}
