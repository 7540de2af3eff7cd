//! Pure geometry for the views and the figures, no egui: the map's geometry
//! (cards, chips and link ends, their text measured through [`Measure`]) and
//! its palette, the timeline's axis ticks, its dimensions and the packing of
//! event labels into rows so that they never overlap, the clusters of markers
//! too close to tell apart, the layouts of the argument map ("Tidy up":
//! layered, and one made for competing explanations, chosen per map) with the
//! figures that measure a drawing, and the grid that finds the map's items
//! near a point or in view.

pub mod card_size;
pub mod chip_band;
mod choice;
mod crossings;
pub mod explanations;
mod figures;
pub mod font_metrics;
mod lane_rows;
pub mod layered;
pub mod map_geometry;
pub mod measure;
pub mod palette;
pub mod plane;
mod row_shares;
mod spatial_index;
mod ticks;
mod tidy;
mod timeline_clusters;
pub mod timeline_dimensions;
mod timeline_events;

pub use card_size::{card_size, chip_size};
pub use choice::choose_layout;
pub use crossings::count_crossings;
pub use figures::{DrawingFigures, MAP_AREA_POINTS};
pub use lane_rows::{LabelBefore, LabelExtent, Priority, RowAssignment, pack_rows};
pub use layered::{Direction, LayeredOptions, LayoutChoice, LayoutGraph, NodeBox};
pub use map_geometry::{MapGeometry, MapItem};
pub use measure::{Estimate, Measure};
pub use plane::{Point, Rect};
pub use row_shares::{RowNeed, share_rows};
pub use spatial_index::{Bounds, SpatialIndex, SpatialIndexBuilder, clip_segment};
pub use ticks::{Tick, date_of, day_number, ticks};
pub use tidy::{MapSizes, Moves, map_graph, map_roles, tidy_up};
pub use timeline_clusters::{ClusterRule, cluster_markers};
pub use timeline_events::{EventOnAxis, marker_day};
