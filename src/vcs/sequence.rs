//! Ordered lists, compared and merged three ways: the longest common
//! subsequence pairs up the elements two versions share, and a diff3-style
//! walk merges what each side changed between the elements all three share.
//!
//! The rule for ordered collections (story steps, citations, tags, authors,
//! and the order of items in each section of the file):
//! - a stretch only one side changed takes that side's version;
//! - a stretch both sides changed the same way is taken once;
//! - where both sides only inserted at the same place, ours' new elements come
//!   first, then theirs' (each once): two additions are both kept;
//! - anything else that both sides changed at the same place is a conflict.

/// The most cells of a comparison table; longer lists (a hostile file) are
/// compared as whole values instead, so that no input makes a merge slow.
const MAX_TABLE_CELLS: usize = 4_000_000;

/// For each element of `old`, the index of the element of `new` it is paired
/// with (a longest common subsequence), or `None` when the lists are too long
/// to compare element by element.
pub fn pairing<T: PartialEq>(old: &[T], new: &[T]) -> Option<Vec<Option<usize>>> {
    let mut paired = vec![None; old.len()];
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    for (i, slot) in paired.iter_mut().enumerate().take(prefix) {
        *slot = Some(i);
    }
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let suffix = old_rest.iter().rev().zip(new_rest.iter().rev()).take_while(|(a, b)| a == b).count();
    for k in 0..suffix {
        paired[old.len() - 1 - k] = Some(new.len() - 1 - k);
    }
    let old_middle = &old_rest[..old_rest.len() - suffix];
    let new_middle = &new_rest[..new_rest.len() - suffix];
    let (n, m) = (old_middle.len(), new_middle.len());
    if n == 0 || m == 0 {
        return Some(paired);
    }
    if (n + 1).saturating_mul(m + 1) > MAX_TABLE_CELLS {
        return None;
    }
    // lengths[i * (m + 1) + j]: the longest common subsequence of old_middle[i..] and new_middle[j..].
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if old_middle[i] == new_middle[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if old_middle[i] == new_middle[j] {
            paired[prefix + i] = Some(prefix + j);
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    Some(paired)
}

/// The three-way merge of a list (see the module's rule), or `None` when both
/// sides changed the same stretch in different ways.
pub fn merge_lists<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Option<Vec<T>> {
    if ours == theirs || theirs == base {
        return Some(ours.to_vec());
    }
    if ours == base {
        return Some(theirs.to_vec());
    }
    let in_ours = pairing(base, ours)?;
    let in_theirs = pairing(base, theirs)?;
    let mut merged = Vec::with_capacity(ours.len().max(theirs.len()));
    let (mut base_start, mut ours_start, mut theirs_start) = (0, 0, 0);
    let anchors = (0..base.len()).filter_map(|i| Some((i, in_ours[i]?, in_theirs[i]?))).chain(std::iter::once((
        base.len(),
        ours.len(),
        theirs.len(),
    )));
    for (base_end, ours_end, theirs_end) in anchors {
        merge_stretch(
            &base[base_start..base_end],
            &ours[ours_start..ours_end],
            &theirs[theirs_start..theirs_end],
            &mut merged,
        )?;
        if let Some(shared) = base.get(base_end) {
            merged.push(shared.clone());
        }
        (base_start, ours_start, theirs_start) = (base_end + 1, ours_end + 1, theirs_end + 1);
    }
    Some(merged)
}

/// Merges one stretch between two shared elements onto `merged`.
fn merge_stretch<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T], merged: &mut Vec<T>) -> Option<()> {
    if ours == base {
        merged.extend_from_slice(theirs);
    } else if theirs == base || ours == theirs {
        merged.extend_from_slice(ours);
    } else if base.is_empty() {
        merged.extend_from_slice(ours);
        merged.extend(theirs.iter().filter(|element| !ours.contains(element)).cloned());
    } else {
        return None;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(base: &str, ours: &str, theirs: &str) -> Option<String> {
        let chars = |text: &str| text.chars().collect::<Vec<_>>();
        merge_lists(&chars(base), &chars(ours), &chars(theirs)).map(|merged| merged.into_iter().collect())
    }

    #[test]
    fn changes_in_different_places_both_apply() {
        assert_eq!(merge("abcde", "Xbcde", "abcdY").as_deref(), Some("XbcdY"));
        assert_eq!(merge("abcde", "acde", "abcd").as_deref(), Some("acd"));
        assert_eq!(merge("abc", "aXbc", "abcY").as_deref(), Some("aXbcY"));
    }

    #[test]
    fn insertions_at_the_same_place_keep_ours_then_theirs() {
        assert_eq!(merge("ab", "abX", "abY").as_deref(), Some("abXY"));
        assert_eq!(merge("ab", "aXYb", "aYZb").as_deref(), Some("aXYZb"));
        assert_eq!(merge("", "X", "Y").as_deref(), Some("XY"));
    }

    #[test]
    fn the_same_element_changed_two_ways_conflicts() {
        assert_eq!(merge("abc", "aXc", "aYc"), None);
        assert_eq!(merge("abc", "ac", "aYc"), None);
        assert_eq!(merge("abc", "aXc", "aXc").as_deref(), Some("aXc"));
    }

    #[test]
    fn pairing_finds_a_longest_common_subsequence() {
        let paired = pairing(&['a', 'b', 'c', 'd'], &['b', 'x', 'd', 'a']).expect("short");
        assert_eq!(paired.iter().flatten().count(), 2);
        assert_eq!(paired[1], Some(0));
        assert_eq!(paired[3], Some(2));
    }

    #[test]
    fn lists_too_long_to_compare_are_whole_values() {
        let base: Vec<u32> = (0..3000).collect();
        let ours: Vec<u32> = (0..3000).rev().collect();
        let theirs: Vec<u32> = (0..3000).map(|x| x * 7 % 3001).collect();
        assert_eq!(merge_lists(&base, &ours, &theirs), None);
        assert_eq!(merge_lists(&base, &ours, &base), Some(ours.clone()));
    }
}
