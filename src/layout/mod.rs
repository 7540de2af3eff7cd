//! Pure geometry for the views, no egui: the timeline's axis ticks, the
//! packing of event labels into rows so that they never overlap, and the
//! layered layout of the argument map ("Tidy up") with the crossing count
//! that measures it.

pub mod card_size;
mod crossings;
mod lane_rows;
pub mod layered;
mod ticks;
mod tidy;

pub use card_size::{card_size, chip_size};
pub use crossings::count_crossings;
pub use lane_rows::{LabelExtent, RowAssignment, pack_rows, share_rows};
pub use layered::{Direction, LayeredOptions, LayoutGraph, NodeBox};
pub use ticks::{Tick, date_of, day_number, ticks};
pub use tidy::{MapSizes, Moves, map_graph, tidy_up};
