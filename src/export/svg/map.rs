//! The argument map of a figure: claim cards, evidence chips and link arrows,
//! drawn as `ui/map_view/draw.rs` paints them at zoom 1, each text in the lines
//! the geometry measured it in.

use super::writer::{Stroke, SvgWriter, TextStyle};
use crate::layout::card_size::{
    CARD_PADDING, CHIP_PADDING, CHIP_STRIPE_WIDTH, CHIP_TEXT_SIZE, CHIP_TEXT_WRAP, DATE_LINE_HEIGHT, KIND_LINE_HEIGHT,
    SMALL_TEXT_SIZE, card_text_wrap, text_size,
};
use crate::layout::font_metrics::wrap_lines;
use crate::layout::palette::{self as style, Paint};
use crate::layout::{MapGeometry, Point, Rect};
use crate::model::{Claim, ClaimKind, Event, Lane, Link, Map, Relation, Strength};

/// Draws every link but the neutral ratings (matrix cells, drawn in the
/// window only while selected, as here never), then every chip and card over them.
pub fn draw(svg: &mut SvgWriter, map: &Map, geometry: &MapGeometry, dark: bool) {
    svg.open_group("links");
    for (link, ends) in map.links.iter().zip(&geometry.links) {
        if link.relation == Relation::Neutral {
            continue;
        }
        if let Some((start, end)) = ends {
            svg.open_item("link", link.id.as_str(), &link_tooltip(link));
            arrow(svg, *start, *end, link.relation, link.strength, dark);
            svg.close_group();
        }
    }
    svg.close_group();
    svg.open_group("events");
    for (event, chip) in map.events.iter().zip(&geometry.chips) {
        if let Some(chip) = chip {
            svg.open_item("event", event.id.as_str(), &format!("{}: {}", event.when(), event.title));
            draw_chip(svg, *chip, event, map.lane(&event.lane), dark);
            svg.close_group();
        }
    }
    svg.close_group();
    svg.open_group("claims");
    for (claim, card) in map.claims.iter().zip(&geometry.cards) {
        svg.open_item("claim", claim.id.as_str(), &format!("{}: {}", claim.kind.label(), claim.text));
        draw_card(svg, *card, claim, dark);
        svg.close_group();
    }
    svg.close_group();
}

fn link_tooltip(link: &Link) -> String {
    let what = format!("{} ({})", link.relation.label(), link.strength.label());
    if link.note.is_empty() { what } else { format!("{what}: {}", link.note) }
}

fn draw_card(svg: &mut SvgWriter, rect: Rect, claim: &Claim, dark: bool) {
    let kind_color = style::kind_color(claim.kind, dark);
    let border_width = if claim.kind == ClaimKind::Explanation { 2.5 } else { 1.2 };
    svg.rect(
        rect,
        6.0,
        Some(style::card_fill(claim.kind, dark)),
        Some(Stroke { paint: kind_color, width: border_width }),
    );
    let inner_left = rect.min.x + CARD_PADDING;
    let mut label_left = inner_left;
    if claim.kind == ClaimKind::Explanation {
        // A diamond marks the explanations, the rivals the map is about.
        let center = Point::new(inner_left + 5.0, rect.min.y + CARD_PADDING + 6.5);
        let r = 5.0;
        let diamond = [
            Point::new(center.x, center.y - r),
            Point::new(center.x + r, center.y),
            Point::new(center.x, center.y + r),
            Point::new(center.x - r, center.y),
        ];
        svg.polygon(&diamond, kind_color);
        label_left += 14.0;
    }
    let label = TextStyle { size: SMALL_TEXT_SIZE, paint: kind_color };
    svg.text_block(label_left, rect.min.y + CARD_PADDING, &[claim.kind.label().to_uppercase()], label);
    let text = TextStyle { size: text_size(claim.kind), paint: style::text_color(dark) };
    let lines = wrap_lines(&claim.text, text.size, card_text_wrap(claim.kind));
    svg.text_block(inner_left, rect.min.y + CARD_PADDING + KIND_LINE_HEIGHT, &lines, text);
}

fn draw_chip(svg: &mut SvgWriter, rect: Rect, event: &Event, lane: Option<&Lane>, dark: bool) {
    let lane_color = lane.map_or(style::UNKNOWN_LANE, |lane| Paint::lane(lane.color));
    let radius = (rect.height() / 2.0).min(14.0);
    svg.rect(
        rect,
        radius,
        Some(style::card_fill(ClaimKind::Claim, dark)),
        Some(Stroke { paint: lane_color, width: 1.2 }),
    );
    stripe(svg, rect, radius, lane_color);
    let left = rect.min.x + CHIP_PADDING + CHIP_STRIPE_WIDTH;
    let date = TextStyle { size: SMALL_TEXT_SIZE, paint: lane_color };
    svg.text_block(left, rect.min.y + CHIP_PADDING, &[event.when()], date);
    let title = TextStyle { size: CHIP_TEXT_SIZE, paint: style::text_color(dark) };
    let lines = wrap_lines(&event.title, CHIP_TEXT_SIZE, CHIP_TEXT_WRAP);
    svg.text_block(left, rect.min.y + CHIP_PADDING + DATE_LINE_HEIGHT, &lines, title);
}

/// The lane-coloured stripe on a chip's left edge: the chip's rounded shape
/// cut [`CHIP_STRIPE_WIDTH`] wide.
fn stripe(svg: &mut SvgWriter, rect: Rect, radius: f32, paint: Paint) {
    let width = CHIP_STRIPE_WIDTH.min(radius);
    // Where the rounded corners' arcs cross x = left + width.
    let rise = radius - (radius * radius - (radius - width) * (radius - width)).max(0.0).sqrt();
    let (left, top, bottom) = (rect.min.x, rect.min.y, rect.max.y);
    let path = format!(
        "M{} {}A{radius} {radius} 0 0 0 {left} {}L{left} {}A{radius} {radius} 0 0 0 {} {}Z",
        left + width,
        top + rise,
        top + radius,
        bottom - radius,
        left + width,
        bottom - rise
    );
    svg.path(&path, paint);
}

/// An arrow from `start` to `end`, coloured by relation, as wide as its strength.
pub fn arrow(svg: &mut SvgWriter, start: Point, end: Point, relation: Relation, strength: Strength, dark: bool) {
    let paint = style::relation_color(relation, dark);
    let width = style::strength_width(strength);
    let (dx, dy) = (end.x - start.x, end.y - start.y);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 1e-3 {
        return;
    }
    let (ux, uy) = (dx / length, dy / length);
    let head_length = 9.0 + 2.0 * width;
    let base = Point::new(end.x - ux * head_length, end.y - uy * head_length);
    let dash = match relation {
        Relation::Undercuts => Some((7.0, 4.0)),
        Relation::Neutral => Some((2.0, 4.0)),
        Relation::Supports | Relation::Opposes => None,
    };
    svg.line(start, base, Stroke { paint, width }, dash);
    let (nx, ny) = (-uy * head_length * 0.5, ux * head_length * 0.5);
    svg.polygon(&[end, Point::new(base.x + nx, base.y + ny), Point::new(base.x - nx, base.y - ny)], paint);
}
