//! Maps under version control: what changed between two versions by id
//! ([`diff`]), the three-way merge by id that git runs as a merge driver
//! ([`merge`]), the settling of the conflicts it leaves ([`resolve_conflict`]) and
//! their versions side by side ([`conflict_sides`]),
//! and the setting up of both drivers in a repository ([`git_setup`]). Pure Rust, no egui; `git_setup` runs `git`.

mod diff;
mod diff_report;
mod fields;
pub mod git_setup;
mod merge;
#[cfg(test)]
mod merge_properties;
mod repair;
mod resolve;
mod sequence;
mod sides;

pub use diff::{Change, FieldChange, ItemChange, ItemKey, MapDiff, diff};
pub use diff_report::{to_json, to_text};
pub use merge::{MergeError, merge};
pub use resolve::{Side, keep_as_is, resolve_conflict};
pub use sides::{ConflictSides, SideRow, conflict_sides};
