//! The window's side of the map's one geometry (`layout::map_geometry`,
//! which the figures draw from too): its canvas points and rectangles as
//! egui's, at the edge where the view draws and hit-tests them.

use crate::layout::{Point, Rect as CanvasRect};
use egui::{Pos2, Rect};

pub use crate::layout::{MapGeometry, MapItem};

/// A canvas rectangle of the geometry, as egui's.
pub fn rect(canvas: CanvasRect) -> Rect {
    Rect::from_min_max(pos(canvas.min), pos(canvas.max))
}

pub fn pos(point: Point) -> Pos2 {
    Pos2::new(point.x, point.y)
}

/// An egui rectangle on the canvas, as the geometry's.
pub fn canvas_rect(rect: Rect) -> CanvasRect {
    CanvasRect { min: canvas_point(rect.min), max: canvas_point(rect.max) }
}

pub fn canvas_point(pos: Pos2) -> Point {
    Point::new(pos.x, pos.y)
}

/// Everything drawn, for Fit (nothing: an empty rectangle).
pub fn bounds(geometry: &MapGeometry) -> Rect {
    geometry.bounds.map_or(Rect::NOTHING, rect)
}
