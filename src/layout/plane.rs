//! Points and rectangles of the map's canvas (canvas units, y down), for
//! the geometry without egui; the window converts them to its own types at
//! the edge (`ui::map_view::geometry`).

use super::Bounds;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    pub fn lerp(self, other: Point, t: f32) -> Point {
        Point::new(self.x + (other.x - self.x) * t, self.y + (other.y - self.y) * t)
    }

    pub fn distance(self, other: Point) -> f32 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// An axis-aligned rectangle, `min` its top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Rect {
    pub fn from_min_size(min: Point, width: f32, height: f32) -> Self {
        Self { min, max: Point::new(min.x + width, min.y + height) }
    }

    pub fn from_center_size(center: Point, width: f32, height: f32) -> Self {
        Self::from_min_size(Point::new(center.x - width / 2.0, center.y - height / 2.0), width, height)
    }

    /// The smallest rectangle holding both points.
    pub fn from_two_points(a: Point, b: Point) -> Self {
        Self { min: Point::new(a.x.min(b.x), a.y.min(b.y)), max: Point::new(a.x.max(b.x), a.y.max(b.y)) }
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn min_bottom(&self) -> Point {
        Point::new(self.min.x, self.max.y)
    }

    pub fn center(&self) -> Point {
        self.min.lerp(self.max, 0.5)
    }

    pub fn contains(&self, point: Point) -> bool {
        (self.min.x..=self.max.x).contains(&point.x) && (self.min.y..=self.max.y).contains(&point.y)
    }

    /// The rectangle moved in by `by` on every side.
    pub fn shrink(&self, by: f32) -> Rect {
        Rect { min: Point::new(self.min.x + by, self.min.y + by), max: Point::new(self.max.x - by, self.max.y - by) }
    }

    pub fn union(&self, other: Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }

    pub fn bounds(&self) -> Bounds {
        Bounds::new([self.min.x, self.min.y], [self.max.x, self.max.y])
    }

    /// The point where the ray from the centre towards `toward` leaves the rectangle.
    pub fn border_point(&self, toward: Point) -> Point {
        let center = self.center();
        let (dx, dy) = (toward.x - center.x, toward.y - center.y);
        if dx * dx + dy * dy < 1e-6 {
            return center;
        }
        let scale_x = if dx.abs() > 1e-6 { self.width() / 2.0 / dx.abs() } else { f32::INFINITY };
        let scale_y = if dy.abs() > 1e-6 { self.height() / 2.0 / dy.abs() } else { f32::INFINITY };
        let scale = scale_x.min(scale_y);
        Point::new(center.x + dx * scale, center.y + dy * scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn border_points_sit_on_the_rectangle() {
        let rect = Rect::from_center_size(Point::new(0.0, 0.0), 200.0, 100.0);
        assert_eq!(rect.border_point(Point::new(500.0, 0.0)), Point::new(100.0, 0.0));
        assert_eq!(rect.border_point(Point::new(0.0, -500.0)), Point::new(0.0, -50.0));
        assert_eq!(rect.border_point(Point::new(0.0, 0.0)), Point::new(0.0, 0.0));
    }
}
