//! Painting the argument map: claim cards, evidence chips, link arrows and the
//! legend. Pure painting; interaction lives in the parent module.

use super::link_raster::Line;
use crate::layout::card_size::{
    CARD_PADDING, CHIP_PADDING, CHIP_STRIPE_WIDTH, CHIP_TEXT_SIZE, DATE_LINE_HEIGHT, KIND_LINE_HEIGHT, SMALL_TEXT_SIZE,
    text_size,
};
use crate::model::{Claim, ClaimKind, Event, Lane, Relation, Strength};
use crate::ui::theme;
use egui::{Align2, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2};

/// Below this zoom, cards are drawn without text (level of detail).
pub const TEXT_MIN_ZOOM: f32 = 0.18;
/// Below this zoom, links have no clickable handle (they are too short to aim at).
pub const HANDLE_MIN_ZOOM: f32 = 0.12;
/// Below this zoom, cards and chips are a few pixels across: plain blocks of
/// their border colour, without rounded corners or a separate outline, and
/// without a widget each (a click finds them through the spatial index).
pub const BLOCK_MAX_ZOOM: f32 = 0.08;

pub struct Look {
    pub dark: bool,
    pub selected: bool,
    pub dimmed: bool,
    pub zoom: f32,
}

pub fn card(painter: &Painter, rect: Rect, claim: &Claim, look: &Look) {
    let kind_color = theme::emphasis(theme::kind_color(claim.kind, look.dark), look.dimmed);
    if look.zoom < BLOCK_MAX_ZOOM {
        return block(painter, rect, kind_color, look);
    }
    let fill = theme::emphasis(theme::card_fill(claim.kind, look.dark), look.dimmed);
    let radius = CornerRadius::same((6.0 * look.zoom).clamp(1.0, 10.0) as u8);
    let border_width = if claim.kind == ClaimKind::Explanation { 2.5 } else { 1.2 } * look.zoom.clamp(0.5, 1.5);
    painter.rect(rect, radius, fill, Stroke::new(border_width, kind_color), StrokeKind::Inside);
    if !outline_and_show_text(painter, rect, radius, look) {
        return;
    }
    let z = look.zoom;
    let text_color = theme::emphasis(theme::text_color(look.dark), look.dimmed);
    let inner_left = rect.left() + CARD_PADDING * z;
    let kind_label = claim.kind.label().to_uppercase();
    let kind_font = FontId::proportional(SMALL_TEXT_SIZE * z);
    let mut label_left = inner_left;
    if claim.kind == ClaimKind::Explanation {
        // A diamond marks the explanations, the rivals the map is about.
        let center = Pos2::new(inner_left + 5.0 * z, rect.top() + (CARD_PADDING + 6.5) * z);
        let r = 5.0 * z;
        let diamond = vec![
            center + Vec2::new(0.0, -r),
            center + Vec2::new(r, 0.0),
            center + Vec2::new(0.0, r),
            center + Vec2::new(-r, 0.0),
        ];
        painter.add(Shape::convex_polygon(diamond, kind_color, Stroke::NONE));
        label_left += 14.0 * z;
    }
    painter.text(
        Pos2::new(label_left, rect.top() + CARD_PADDING * z),
        Align2::LEFT_TOP,
        kind_label,
        kind_font,
        kind_color,
    );
    let wrap = rect.width() - 2.0 * CARD_PADDING * z;
    let galley = painter.layout(claim.text.clone(), FontId::proportional(text_size(claim.kind) * z), text_color, wrap);
    painter.galley(Pos2::new(inner_left, rect.top() + (CARD_PADDING + KIND_LINE_HEIGHT) * z), galley, text_color);
}

pub fn chip(painter: &Painter, rect: Rect, event: &Event, lane: Option<&Lane>, look: &Look) {
    let lane_color = lane.map_or(theme::unknown_lane(), |lane| theme::lane_color(lane.color));
    let lane_color = theme::emphasis(lane_color, look.dimmed);
    if look.zoom < BLOCK_MAX_ZOOM {
        return block(painter, rect, lane_color, look);
    }
    let fill = theme::emphasis(theme::card_fill(ClaimKind::Claim, look.dark), look.dimmed);
    let radius = CornerRadius::same((rect.height() / 2.0).min(14.0 * look.zoom).clamp(1.0, 30.0) as u8);
    painter.rect(rect, radius, fill, Stroke::new(1.2 * look.zoom.clamp(0.5, 1.5), lane_color), StrokeKind::Inside);
    let stripe = Rect::from_min_size(rect.min, Vec2::new(CHIP_STRIPE_WIDTH * look.zoom, rect.height()));
    painter.with_clip_rect(stripe.intersect(painter.clip_rect())).rect_filled(rect, radius, lane_color);
    if !outline_and_show_text(painter, rect, radius, look) {
        return;
    }
    let z = look.zoom;
    let text_color = theme::emphasis(theme::text_color(look.dark), look.dimmed);
    let left = rect.left() + (CHIP_PADDING + CHIP_STRIPE_WIDTH) * z;
    let when = event.when();
    painter.text(
        Pos2::new(left, rect.top() + CHIP_PADDING * z),
        Align2::LEFT_TOP,
        when,
        FontId::proportional(SMALL_TEXT_SIZE * z),
        lane_color,
    );
    let wrap = rect.right() - CHIP_PADDING * z - left;
    let galley = painter.layout(event.title.clone(), FontId::proportional(CHIP_TEXT_SIZE * z), text_color, wrap);
    painter.galley(Pos2::new(left, rect.top() + (CHIP_PADDING + DATE_LINE_HEIGHT) * z), galley, text_color);
}

/// A card or chip far zoomed out: a block of its colour, outlined if selected.
fn block(painter: &Painter, rect: Rect, color: egui::Color32, look: &Look) {
    painter.rect_filled(rect, CornerRadius::ZERO, color);
    outline_and_show_text(painter, rect, CornerRadius::ZERO, look);
}

/// Outlines a selected card or chip; returns whether the zoom leaves room for its text.
fn outline_and_show_text(painter: &Painter, rect: Rect, radius: CornerRadius, look: &Look) -> bool {
    if look.selected {
        let stroke = Stroke::new(2.5, theme::selection_color(look.dark));
        painter.rect_stroke(rect.expand(3.0), radius, stroke, StrokeKind::Outside);
    }
    look.zoom >= TEXT_MIN_ZOOM
}

/// The colour and width (points) of the arrow of a link.
fn arrow_stroke(relation: Relation, strength: Strength, look: &Look) -> Stroke {
    let color = theme::emphasis(theme::relation_color(relation, look.dark), look.dimmed);
    let width = theme::strength_width(strength) * look.zoom.clamp(0.4, 1.6) + if look.selected { 1.5 } else { 0.0 };
    Stroke::new(width, color)
}

/// An arrow from `start` to `end`, coloured by relation, as wide as its strength.
pub fn arrow(painter: &Painter, start: Pos2, end: Pos2, relation: Relation, strength: Strength, look: &Look) {
    let Stroke { width, color } = arrow_stroke(relation, strength, look);
    let direction = (end - start).normalized();
    if !direction.is_finite() {
        return;
    }
    let head_length = (9.0 + 2.0 * width) * look.zoom.clamp(0.6, 1.4);
    let base = end - direction * head_length;
    let stroke = Stroke::new(width, color);
    let scale = look.zoom.clamp(0.5, 1.5);
    match relation {
        Relation::Undercuts => painter.extend(Shape::dashed_line(&[start, base], stroke, 7.0 * scale, 4.0 * scale)),
        Relation::Neutral => painter.extend(Shape::dotted_line(&[start, base], color, 5.0 * scale, width * 0.7)),
        Relation::Supports | Relation::Opposes => {
            painter.line_segment([start, base], stroke);
        }
    }
    let normal = Vec2::new(-direction.y, direction.x) * head_length * 0.5;
    painter.add(Shape::convex_polygon(vec![end, base + normal, base - normal], color, Stroke::NONE));
    if look.selected {
        painter.line_segment(
            [start, base],
            Stroke::new(width + 4.0, theme::selection_color(look.dark).gamma_multiply(0.35)),
        );
    }
}

/// A link far zoomed out (below [`BLOCK_MAX_ZOOM`]): a plain line of its
/// arrow's colour and width, without a head (see `link_raster`).
pub fn far_line(start: Pos2, end: Pos2, relation: Relation, strength: Strength, look: &Look) -> Line {
    let Stroke { width, color } = arrow_stroke(relation, strength, look);
    Line { start, end, color, width }
}

const LEGEND_ROW: f32 = 18.0;
const LEGEND_COLUMN: f32 = 96.0;
const LEGEND_MARGIN: f32 = 10.0;
/// The legend's header: its title and the arrow that opens or closes it.
const LEGEND_HEADER: Vec2 = Vec2::new(76.0, 22.0);

/// How the legend is shown over the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendShown {
    /// Not at all (while presenting, unless asked for).
    Hidden,
    /// Only its header, to open it.
    Collapsed,
    /// Its header and what the colours and lines mean.
    Expanded,
}

impl LegendShown {
    /// The room the legend takes in the bottom-left corner, margins included (none while hidden).
    pub fn size(self) -> Vec2 {
        let header = LEGEND_HEADER + Vec2::splat(LEGEND_MARGIN);
        match self {
            Self::Hidden => Vec2::ZERO,
            Self::Collapsed => header,
            Self::Expanded => header + Vec2::new(4.0 * LEGEND_COLUMN + 16.0 - LEGEND_HEADER.x, 3.0 * LEGEND_ROW + 8.0),
        }
    }
}

/// The legend in the map's bottom-left corner, compact: relations on one
/// row, strengths and the evidence chip on the next, kinds on the last.
/// Returns the rectangle it covers and that of its header (a click there
/// opens or closes it).
pub fn legend(painter: &Painter, map_rect: Rect, dark: bool, shown: LegendShown) -> Option<(Rect, Rect)> {
    if shown == LegendShown::Hidden {
        return None;
    }
    let expanded = shown == LegendShown::Expanded;
    let size = shown.size() - Vec2::splat(LEGEND_MARGIN);
    let at = Pos2::new(map_rect.left() + LEGEND_MARGIN, map_rect.bottom() - size.y - LEGEND_MARGIN);
    let rect = Rect::from_min_size(at, size);
    let fill = theme::legend_fill(dark);
    painter.rect(rect, CornerRadius::same(6), fill, Stroke::new(1.0, theme::grid_color(dark)), StrokeKind::Inside);
    let text = theme::text_color(dark);
    let header = Rect::from_min_size(rect.min, LEGEND_HEADER);
    let title = if expanded { "– Legend" } else { "+ Legend" };
    painter.text(
        header.left_center() + Vec2::new(8.0, 0.0),
        Align2::LEFT_CENTER,
        title,
        FontId::proportional(12.0),
        text,
    );
    if !expanded {
        return Some((rect, header));
    }
    let font = FontId::proportional(12.0);
    let column = |index: usize| rect.left() + 8.0 + index as f32 * LEGEND_COLUMN;
    let mut y = header.bottom() + LEGEND_ROW / 2.0;
    let line_look = Look { dark, selected: false, dimmed: false, zoom: 1.0 };
    for (index, relation) in Relation::ALL.iter().enumerate() {
        let x = column(index);
        arrow(painter, Pos2::new(x, y), Pos2::new(x + 26.0, y), *relation, Strength::Moderate, &line_look);
        painter.text(Pos2::new(x + 30.0, y), Align2::LEFT_CENTER, relation.name(), font.clone(), text);
    }
    y += LEGEND_ROW;
    for (index, strength) in Strength::ALL.iter().enumerate() {
        let x = column(index);
        painter.line_segment(
            [Pos2::new(x, y), Pos2::new(x + 26.0, y)],
            Stroke::new(theme::strength_width(*strength), theme::weak_text_color(dark)),
        );
        painter.text(Pos2::new(x + 30.0, y), Align2::LEFT_CENTER, strength.label(), font.clone(), text);
    }
    let chip = Rect::from_center_size(Pos2::new(column(3) + 13.0, y), Vec2::new(26.0, 12.0));
    painter.rect(
        chip,
        CornerRadius::same(6),
        theme::card_fill(ClaimKind::Claim, dark),
        Stroke::new(1.2, theme::weak_text_color(dark)),
        StrokeKind::Inside,
    );
    painter.text(Pos2::new(column(3) + 30.0, y), Align2::LEFT_CENTER, "event", font.clone(), text);
    y += LEGEND_ROW;
    for (index, kind) in ClaimKind::ALL.iter().enumerate() {
        let x = column(index);
        let swatch = Rect::from_center_size(Pos2::new(x + 7.0, y), Vec2::new(14.0, 10.0));
        painter.rect(
            swatch,
            CornerRadius::same(2),
            theme::card_fill(*kind, dark),
            Stroke::new(2.0, theme::kind_color(*kind, dark)),
            StrokeKind::Inside,
        );
        painter.text(Pos2::new(x + 20.0, y), Align2::LEFT_CENTER, kind.label(), font.clone(), text);
    }
    Some((rect, header))
}
