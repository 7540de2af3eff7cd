//! The legend of a figure: relations, strengths, kinds of claim and the event
//! chip, laid out as the app's legend (`ui/map_view/draw.rs`).

use super::map::arrow;
use super::writer::{Stroke, SvgWriter, TextStyle};
use crate::layout::palette as style;
use crate::layout::{Point, Rect};
use crate::model::{ClaimKind, Relation, Strength};

const ROW: f32 = 18.0;
pub const WIDTH: f32 = 300.0;
pub const HEIGHT: f32 = 6.0 * ROW + 16.0;

/// Draws the legend with its top-left corner at `origin`.
pub fn draw(svg: &mut SvgWriter, origin: Point, dark: bool) {
    let rect = Rect::from_min_size(origin, WIDTH, HEIGHT);
    svg.open_group("legend");
    svg.rect(rect, 6.0, Some(style::legend_fill(dark)), Some(Stroke { paint: style::grid_color(dark), width: 1.0 }));
    let text = TextStyle { size: 12.0, paint: style::text_color(dark) };
    let mut y = rect.min.y + 8.0 + ROW / 2.0;
    for (index, relation) in Relation::ALL.iter().enumerate() {
        let x = rect.min.x + 10.0 + (index % 2) as f32 * 144.0;
        let y = y + (index / 2) as f32 * ROW;
        arrow(svg, Point::new(x, y), Point::new(x + 30.0, y), *relation, Strength::Moderate, dark);
        svg.text_centered_vertically(x + 36.0, y, relation.name(), text);
    }
    y += 2.0 * ROW;
    for (column, strength) in Strength::ALL.iter().enumerate() {
        let x = rect.min.x + 10.0 + column as f32 * 96.0;
        let stroke = Stroke { paint: style::weak_text_color(dark), width: style::strength_width(*strength) };
        svg.line(Point::new(x, y), Point::new(x + 30.0, y), stroke, None);
        svg.text_centered_vertically(x + 36.0, y, strength.label(), text);
    }
    y += ROW;
    for (index, kind) in ClaimKind::ALL.iter().enumerate() {
        let x = rect.min.x + 10.0 + (index % 2) as f32 * 144.0;
        let y = y + (index / 2) as f32 * ROW;
        let swatch = Rect::from_center_size(Point::new(x + 7.0, y), 14.0, 10.0);
        let stroke = Stroke { paint: style::kind_color(*kind, dark), width: 2.0 };
        svg.rect(swatch, 2.0, Some(style::card_fill(*kind, dark)), Some(stroke));
        svg.text_centered_vertically(x + 20.0, y, kind.label(), text);
    }
    y += 2.0 * ROW;
    let chip = Rect::from_center_size(Point::new(rect.min.x + 24.0, y), 28.0, 12.0);
    let stroke = Stroke { paint: style::weak_text_color(dark), width: 1.2 };
    svg.rect(chip, 6.0, Some(style::card_fill(ClaimKind::Claim, dark)), Some(stroke));
    svg.text_centered_vertically(rect.min.x + 44.0, y, "Event used as evidence (lane colour)", text);
    svg.close_group();
}
