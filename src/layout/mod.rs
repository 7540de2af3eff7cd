//! Pure geometry for the views, no egui: the timeline's axis ticks, the
//! packing of event labels into rows so that they never overlap, the
//! clusters of markers too close to tell apart, the layouts of the argument
//! map ("Tidy up": layered, and one made for competing explanations, chosen
//! per map) with the figures that measure a drawing, and the grid that finds
//! the map's items near a point or in view.

pub mod card_size;
pub mod chip_band;
mod choice;
mod crossings;
pub mod explanations;
mod figures;
mod lane_rows;
pub mod layered;
mod spatial_index;
mod ticks;
mod tidy;
mod timeline_clusters;

pub use card_size::{card_size, chip_size};
pub use choice::choose_layout;
pub use crossings::count_crossings;
pub use figures::{DrawingFigures, MAP_AREA_POINTS};
pub use lane_rows::{LabelExtent, RowAssignment, pack_rows, share_rows};
pub use layered::{Direction, LayeredOptions, LayoutChoice, LayoutGraph, NodeBox};
pub use spatial_index::{Bounds, SpatialIndex, SpatialIndexBuilder, clip_segment};
pub use ticks::{Tick, date_of, day_number, ticks};
pub use tidy::{MapSizes, Moves, map_graph, map_roles, tidy_up};
pub use timeline_clusters::{ClusterRule, cluster_markers};
