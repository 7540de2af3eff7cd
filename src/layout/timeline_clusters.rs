//! Clusters of timeline markers: the events of a lane whose markers sit so
//! close together on screen that their labels could not be told apart are
//! drawn as one marker with a count. Markers run together while each is
//! within a gap of the previous one, and a cluster stops growing at a fixed
//! width, so that zooming to its dates always spreads it out. Grouping walks
//! a lane's markers from the left, so panning never regroups them; only a
//! change of zoom does.

use std::ops::Range;

/// When neighbouring markers run together into a cluster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterRule {
    /// Markers closer than this (pixels) to the previous one run together.
    pub gap_px: f64,
    /// A cluster spans at most this many pixels from its first marker to its last.
    pub max_width_px: f64,
    /// Runs of fewer markers than this stay single events (stacked in rows).
    pub min_members: usize,
}

/// Groups markers, given as day numbers in ascending order, drawn at
/// `px_per_day`. Returns runs of consecutive indices covering `0..days.len()`
/// in order: a run of one is a single event, a longer run (at least
/// `rule.min_members`) a cluster. Once a day is wider than the gap, markers on
/// different days are always told apart, and nothing is clustered: events on
/// the same day are then stacked in rows like any others.
pub fn cluster_markers(days: &[f64], px_per_day: f64, rule: &ClusterRule) -> Vec<Range<usize>> {
    let singles = |range: Range<usize>| range.map(|index| index..index + 1);
    let days_told_apart = px_per_day.partial_cmp(&rule.gap_px) != Some(std::cmp::Ordering::Less);
    if days_told_apart {
        return singles(0..days.len()).collect();
    }
    let min_members = rule.min_members.max(2);
    let mut runs = Vec::new();
    let mut start = 0;
    for index in 1..=days.len() {
        let ends_run = match (days.get(start), days.get(index - 1), days.get(index)) {
            (Some(first), Some(previous), Some(next)) => {
                (next - previous) * px_per_day > rule.gap_px || (next - first) * px_per_day > rule.max_width_px
            }
            _ => true,
        };
        if !ends_run {
            continue;
        }
        if index - start >= min_members {
            runs.push(start..index);
        } else {
            runs.extend(singles(start..index));
        }
        start = index;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const RULE: ClusterRule = ClusterRule { gap_px: 8.0, max_width_px: 40.0, min_members: 4 };

    fn lengths(runs: &[Range<usize>]) -> Vec<usize> {
        runs.iter().map(ExactSizeIterator::len).collect()
    }

    #[test]
    fn markers_far_apart_stay_single() {
        let days = [0.0, 30.0, 60.0, 90.0, 120.0];
        assert_eq!(lengths(&cluster_markers(&days, 1.0, &RULE)), [1, 1, 1, 1, 1]);
    }

    #[test]
    fn markers_a_pixel_apart_make_one_cluster() {
        let days: Vec<f64> = (0..27).map(f64::from).collect();
        assert_eq!(lengths(&cluster_markers(&days, 1.0, &RULE)), [27]);
    }

    #[test]
    fn a_few_close_markers_stay_single() {
        let days = [0.0, 1.0, 2.0, 100.0, 101.0, 102.0, 103.0];
        assert_eq!(cluster_markers(&days, 1.0, &RULE), [0..1, 1..2, 2..3, 3..7]);
    }

    #[test]
    fn a_cluster_stops_growing_at_its_width() {
        // One marker every 2 pixels over 100 pixels: clusters of at most 40 pixels.
        let days: Vec<f64> = (0..50).map(|i| f64::from(i) * 2.0).collect();
        let runs = cluster_markers(&days, 1.0, &RULE);
        assert_eq!(lengths(&runs), [21, 21, 8]);
    }

    #[test]
    fn zoomed_in_to_days_nothing_clusters_even_on_one_day() {
        let days = [5.0; 10];
        assert_eq!(cluster_markers(&days, 10.0, &RULE).len(), 10);
        assert_eq!(lengths(&cluster_markers(&days, 1.0, &RULE)), [10]);
    }

    #[test]
    fn no_markers_no_runs() {
        assert!(cluster_markers(&[], 1.0, &RULE).is_empty());
    }

    proptest! {
        #[test]
        fn every_marker_is_in_exactly_one_run_and_clusters_overlap_nothing(
            mut days in prop::collection::vec(0.0f64..2_000.0, 0..300),
            px_per_day in 0.01f64..20.0,
        ) {
            days.sort_by(f64::total_cmp);
            let runs = cluster_markers(&days, px_per_day, &RULE);
            let mut next = 0;
            for run in &runs {
                prop_assert_eq!(run.start, next, "runs cover the markers in order, once each");
                prop_assert!(run.len() == 1 || run.len() >= RULE.min_members);
                let (first, last) = (days[run.start], days[run.end - 1]);
                prop_assert!((last - first) * px_per_day <= RULE.max_width_px);
                next = run.end;
            }
            prop_assert_eq!(next, days.len());
            for pair in runs.windows(2) {
                let either_is_a_cluster = pair[0].len() > 1 || pair[1].len() > 1;
                let apart = days[pair[0].end - 1] < days[pair[1].start];
                prop_assert!(!either_is_a_cluster || apart, "{:?} and {:?} overlap", pair[0], pair[1]);
            }
        }
    }
}
