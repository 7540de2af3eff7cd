//! Analysis of a map, pure and without egui: the competing-hypotheses
//! matrix and its scores ([`ach`]), consistency checks ([`checks`]), and
//! search and filters ([`search`]).

pub mod ach;
pub mod checks;
pub mod search;

pub use ach::{Cell, Matrix, Rating, Row, Score, evidence_date, questions};
pub use checks::{Check, Finding, run_checks};
pub use search::{Filter, Hit, search};
