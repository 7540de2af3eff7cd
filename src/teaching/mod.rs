//! Teaching with maps: a student's map marked against the teacher's key, and
//! the assignment a teacher hands out. Students write their own words and
//! make their own ids, so the key and a student's map are aligned by what
//! their items say and how they are linked ([`align`]), not by id as
//! `vcs::diff` compares two revisions of one map. Plain Rust, no egui.

mod align;
mod assignment;
mod links;
mod report;
mod similarity;

pub use align::{Alignment, Matched, align};
pub use assignment::{AssignmentOptions, assignment, items_with_ids, rating_count};
pub use links::{LinkComparison, RatingCheck, RelationCheck, Verdict, compare_links, matrix_cells};
pub use report::{
    CSV_COLUMNS, Finding, FindingKind, ITEMS_WEIGHT, KeyReport, MOST_ITEMS, MOST_LINKS, RATINGS_WEIGHT,
    RELATIONS_WEIGHT, Tally, TooLarge, compare, csv_row,
};
pub use similarity::Words;
