//! Pure geometry for the views, no egui: the timeline's axis ticks and the
//! packing of event labels into rows so that they never overlap.

mod lane_rows;
mod ticks;

pub use lane_rows::{LabelExtent, RowAssignment, pack_rows, share_rows};
pub use ticks::{Tick, date_of, day_number, ticks};
