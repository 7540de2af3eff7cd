//! Links far zoomed out (below `draw::BLOCK_MAX_ZOOM`): plain lines without
//! heads, set pixel by pixel on the CPU into one image of the map view and
//! shown as a single textured rectangle. Thousands of thin links spanning the
//! view cost a software renderer (Mesa's lavapipe, on machines and remote
//! desktops without a GPU) far more as triangles than they cost here as
//! pixels; the image is made again only when what it shows changes.

use crate::layout::{Bounds, clip_segment};
use egui::{Color32, ColorImage, Painter, Pos2, Rect, TextureHandle, TextureOptions};
use std::hash::{DefaultHasher, Hash, Hasher};

/// A link as a line on screen: ends in points, colour, and width in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    pub start: Pos2,
    pub end: Pos2,
    pub color: Color32,
    pub width: f32,
}

/// The links of one frame, in drawing order.
#[derive(Default)]
pub struct Lines {
    lines: Vec<Line>,
}

impl Lines {
    pub fn push(&mut self, line: Line) {
        self.lines.push(line);
    }

    /// What the image shows: the lines, the view and the pixel density.
    fn fingerprint(&self, view: Rect, pixels_per_point: f32) -> u64 {
        let mut hasher = DefaultHasher::new();
        for value in [view.min.x, view.min.y, view.max.x, view.max.y, pixels_per_point] {
            value.to_bits().hash(&mut hasher);
        }
        for line in &self.lines {
            for value in [line.start.x, line.start.y, line.end.x, line.end.y, line.width] {
                value.to_bits().hash(&mut hasher);
            }
            line.color.hash(&mut hasher);
        }
        hasher.finish()
    }
}

/// The image of the links last shown, kept while nothing in it changes.
#[derive(Default)]
pub struct LinkRaster {
    texture: Option<TextureHandle>,
    fingerprint: u64,
}

impl LinkRaster {
    /// Shows `lines` over `view`, drawing the image again only if they, the view or the pixel density changed.
    pub fn paint(&mut self, painter: &Painter, view: Rect, lines: &Lines) {
        if lines.lines.is_empty() || !view.is_positive() {
            return;
        }
        let pixels_per_point = painter.pixels_per_point();
        let fingerprint = lines.fingerprint(view, pixels_per_point);
        if self.texture.is_none() || self.fingerprint != fingerprint {
            let image = rasterize(&lines.lines, view, pixels_per_point);
            match &mut self.texture {
                Some(texture) => texture.set(image, TextureOptions::NEAREST),
                None => {
                    self.texture = Some(painter.ctx().load_texture("map-links", image, TextureOptions::NEAREST));
                }
            }
            self.fingerprint = fingerprint;
        }
        if let Some(texture) = &self.texture {
            let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
            painter.image(texture.id(), view, uv, Color32::WHITE);
        }
    }
}

/// An image of `view` at `pixels_per_point`, transparent but for the lines.
pub fn rasterize(lines: &[Line], view: Rect, pixels_per_point: f32) -> ColorImage {
    let size =
        [(view.width() * pixels_per_point).round() as usize, (view.height() * pixels_per_point).round() as usize];
    let mut image = ColorImage::filled(size, Color32::TRANSPARENT);
    let to_pixels = |point: Pos2| (point - view.min) * pixels_per_point;
    for line in lines {
        let width = line.width * pixels_per_point;
        // Narrower than a pixel: a pixel wide, as faint as the width is thin.
        let color = if width < 1.0 { line.color.gamma_multiply(width.max(0.0)) } else { line.color };
        let thickness = width.round().clamp(1.0, 4.0) as i64;
        draw_line(&mut image, to_pixels(line.start), to_pixels(line.end), color, thickness);
    }
    image
}

/// Sets the pixels of the line from `a` to `b` (pixels), `thickness` pixels
/// across its minor axis, blending `color` (premultiplied) over them.
fn draw_line(image: &mut ColorImage, a: egui::Vec2, b: egui::Vec2, color: Color32, thickness: i64) {
    if !(a.is_finite() && b.is_finite()) {
        return;
    }
    let Some((a, b)) = clip_to(image, a, b) else { return };
    let (x0, y0, x1, y1) = (a.x.floor() as i64, a.y.floor() as i64, b.x.floor() as i64, b.y.floor() as i64);
    let (dx, dy) = ((x1 - x0).abs(), -(y1 - y0).abs());
    let (step_x, step_y) = (if x0 < x1 { 1 } else { -1 }, if y0 < y1 { 1 } else { -1 });
    let steep = -dy > dx;
    let (mut x, mut y, mut error) = (x0, y0, dx + dy);
    loop {
        for offset in 0..thickness {
            let shift = offset - thickness / 2;
            if steep { blend(image, x + shift, y, color) } else { blend(image, x, y + shift, color) }
        }
        if x == x1 && y == y1 {
            break;
        }
        let doubled = 2 * error;
        if doubled >= dy {
            error += dy;
            x += step_x;
        }
        if doubled <= dx {
            error += dx;
            y += step_y;
        }
    }
}

/// The part of the segment inside the image, so that a long link mostly off
/// screen costs only its visible pixels.
fn clip_to(image: &ColorImage, a: egui::Vec2, b: egui::Vec2) -> Option<(egui::Vec2, egui::Vec2)> {
    let inside = Bounds::new([0.0, 0.0], [image.size[0] as f32 - 1e-3, image.size[1] as f32 - 1e-3]);
    let (enter, leave) = clip_segment([a.x, a.y], [b.x, b.y], &inside)?;
    Some((a + (b - a) * enter, a + (b - a) * leave))
}

fn blend(image: &mut ColorImage, x: i64, y: i64, color: Color32) {
    let (Ok(x), Ok(y)) = (usize::try_from(x), usize::try_from(y)) else { return };
    if x >= image.size[0] || y >= image.size[1] {
        return;
    }
    let pixel = &mut image.pixels[y * image.size[0] + x];
    let keep = 255 - u16::from(color.a());
    let mix = |over: u8, under: u8| over.saturating_add(((u16::from(under) * keep + 127) / 255) as u8);
    *pixel = Color32::from_rgba_premultiplied(
        mix(color.r(), pixel.r()),
        mix(color.g(), pixel.g()),
        mix(color.b(), pixel.b()),
        mix(color.a(), pixel.a()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(width: f32, height: f32) -> Rect {
        Rect::from_min_size(Pos2::new(100.0, 50.0), egui::vec2(width, height))
    }

    fn line(start: (f32, f32), end: (f32, f32), width: f32) -> Line {
        Line { start: Pos2::new(start.0, start.1), end: Pos2::new(end.0, end.1), color: Color32::RED, width }
    }

    fn lit(image: &ColorImage) -> Vec<(usize, usize)> {
        let width = image.size[0];
        image
            .pixels
            .iter()
            .enumerate()
            .filter(|(_, pixel)| pixel.a() > 0)
            .map(|(i, _)| (i % width, i / width))
            .collect()
    }

    #[test]
    fn a_line_sets_the_pixels_between_its_ends_and_no_others() {
        let image = rasterize(&[line((102.5, 53.5), (107.5, 53.5), 1.0)], view(10.0, 8.0), 1.0);
        assert_eq!(lit(&image), (2..=7).map(|x| (x, 3)).collect::<Vec<_>>());
        assert_eq!(image.pixels[3 * 10 + 2], Color32::RED);

        let diagonal = rasterize(&[line((100.5, 50.5), (105.5, 55.5), 1.0)], view(10.0, 8.0), 1.0);
        assert_eq!(lit(&diagonal), (0..=5).map(|i| (i, i)).collect::<Vec<_>>());
    }

    #[test]
    fn width_and_pixel_density_set_thickness_and_faintness() {
        let thick = rasterize(&[line((102.5, 54.5), (107.5, 54.5), 3.0)], view(10.0, 8.0), 1.0);
        assert_eq!(lit(&thick).len(), 6 * 3, "three pixels across");
        let thin = rasterize(&[line((102.5, 54.5), (107.5, 54.5), 0.5)], view(10.0, 8.0), 1.0);
        assert_eq!(lit(&thin).len(), 6);
        assert!(thin.pixels[4 * 10 + 3].a() < 200, "half a pixel wide is drawn faint");
        let sharp = rasterize(&[line((102.5, 54.5), (107.5, 54.5), 0.5)], view(10.0, 8.0), 2.0);
        assert_eq!(sharp.size, [20, 16]);
        assert_eq!(sharp.pixels[9 * 20 + 5], Color32::RED, "half a point is a whole pixel at twice the density");
    }

    #[test]
    fn lines_are_clipped_to_the_view_and_blend_over_each_other() {
        let long = line((-1.0e6, 54.5), (1.0e6, 54.5), 1.0);
        let image = rasterize(&[long], view(10.0, 8.0), 1.0);
        assert_eq!(lit(&image).len(), 10, "a line across the view lights its whole row");

        let half_blue = Color32::from_rgba_unmultiplied(0, 0, 255, 128);
        let under = line((100.5, 52.5), (109.5, 52.5), 1.0);
        let over = Line { color: half_blue, ..line((104.5, 50.5), (104.5, 57.5), 1.0) };
        let crossing = rasterize(&[under, over], view(10.0, 8.0), 1.0);
        let blended = crossing.pixels[2 * 10 + 4];
        assert!(blended.r() > 100 && blended.b() > 100 && blended.a() == 255, "{blended:?}");
        assert_eq!(
            rasterize(&[line((300.0, 54.5), (400.0, 54.5), 1.0)], view(10.0, 8.0), 1.0)
                .pixels
                .iter()
                .filter(|p| p.a() > 0)
                .count(),
            0
        );
    }
}
