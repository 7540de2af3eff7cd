//! The map view against its geometry: measured on a worker thread, edited
//! meanwhile, and drawn where the SVG figure draws the same map.

use super::*;
use crate::generate::{GenerateParams, generate};
use std::time::{Duration, Instant};

fn measure() -> TextMeasure {
    TextMeasure::new(egui::Visuals::dark().text_options, false)
}

fn document(map: Map) -> Document {
    Document::new(map, None, "map.ron".to_owned())
}

/// Runs frames of `view` on `document` until the worker's sizes are in (or a minute passes).
fn frames_until_measured(view: &mut MapView, document: &Document) {
    let ctx = egui::Context::default();
    let deadline = Instant::now() + Duration::from_secs(60);
    while view.is_measuring() {
        assert!(Instant::now() < deadline, "the worker never finished measuring");
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            view.poll_measuring(ui.ctx());
            view.geometry_for(ui, document);
        });
        output.textures_delta.clear();
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| view.geometry_for(ui, document));
    output.textures_delta.clear();
}

fn sizes(view: &MapView, document: &Document) -> Option<crate::layout::MapSizes> {
    view.sizes(document.map(), document.revision())
}

#[test]
fn a_big_map_opens_on_estimates_and_takes_the_measured_sizes_once_the_worker_is_done() {
    let opened = document(generate(GenerateParams { claims: 300, links: 400, events: 100, seed: 3 }));
    let estimated = MapView::measured_by(&opened, Box::new(crate::layout::Estimate));
    let measured = MapView::measured(&opened, measure());
    assert_ne!(sizes(&estimated, &opened), sizes(&measured, &opened), "estimates differ from measures");

    let mut view = MapView::measuring_later(&opened, measure());
    assert_eq!(sizes(&view, &opened), sizes(&estimated, &opened), "the first frame is on estimates");
    frames_until_measured(&mut view, &opened);
    assert_eq!(sizes(&view, &opened), sizes(&measured, &opened));
}

#[test]
fn a_map_edited_while_it_is_measured_ends_up_measured_as_edited() {
    let map = generate(GenerateParams { claims: 300, links: 400, events: 100, seed: 4 });
    let mut view = MapView::measuring_later(&document(map.clone()), measure());
    let mut edited = map.clone();
    edited.claims[0].text = "Edited while the worker measured. ".repeat(6);
    let edited = document(edited);
    frames_until_measured(&mut view, &edited);
    assert_eq!(sizes(&view, &edited), sizes(&MapView::measured(&edited, measure()), &edited));
    let unedited = document(map);
    assert_ne!(sizes(&view, &edited), sizes(&MapView::measured(&unedited, measure()), &unedited));
}

/// The value of attribute `name` in the element starting at `element`.
fn attribute(element: &str, name: &str) -> f32 {
    let start = element.find(&format!(" {name}=\"")).map(|at| at + name.len() + 3).expect("the attribute is there");
    let value = &element[start..];
    value[..value.find('"').expect("closed")].parse().expect("a number")
}

/// Where the SVG figure drew each card, chip and link (by id), on the map's canvas:
/// rectangles with their inner stroke, and a link as the box of its start
/// and arrow tip (none for a link whose ends meet).
fn drawn_in_svg(svg: &str) -> std::collections::HashMap<String, Rect> {
    // The map's group is moved onto the figure by a translation: inside it, coordinates are the canvas's.
    let map_group = &svg[svg.find("<g class=\"map\" transform=\"translate(").expect("a map group")..];
    let mut drawn = std::collections::HashMap::new();
    for class in ["claim", "event", "link"] {
        let opening = format!("<g class=\"{class}\" id=\"");
        for piece in map_group.split(&opening).skip(1) {
            let id = piece[..piece.find('"').expect("closed")].to_owned();
            let rect = if class == "link" {
                // A link whose ends meet (its cards overlap) has no line to draw.
                let Some(line) = piece.find("<line").map(|at| &piece[at..]) else { continue };
                let head = "<polygon points=\"";
                let tip = &piece[piece.find(head).expect("a head") + head.len()..];
                let tip: Vec<f32> = tip[..tip.find(' ').expect("three points")]
                    .split(',')
                    .map(|n| n.parse().expect("a number"))
                    .collect();
                Rect::from_two_pos(Pos2::new(attribute(line, "x1"), attribute(line, "y1")), Pos2::new(tip[0], tip[1]))
            } else {
                let element = &piece[piece.find("<rect").expect("a rectangle")..];
                let min = Pos2::new(attribute(element, "x"), attribute(element, "y"));
                let size = Vec2::new(attribute(element, "width"), attribute(element, "height"));
                Rect::from_min_size(min, size).expand(attribute(element, "stroke-width") / 2.0)
            };
            drawn.insert(id, rect);
        }
    }
    drawn
}

#[test]
fn the_window_and_the_svg_figure_place_every_card_chip_and_link_end_alike() {
    use crate::layout::font_metrics::FontMetrics;
    let case_study = Document::case_study().expect("the case study loads");
    let map = case_study.map();
    let mut view = MapView::measured_by(&case_study, Box::new(FontMetrics));
    let selection = Selection::default();
    let highlight = Highlight::of(&selection, map, case_study.index());
    let ctx = egui::Context::default();
    let input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1400.0, 900.0))),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| {
        view.ui(ui, &case_study, &selection, &highlight, &mut Actions::default());
    });
    output.textures_delta.clear();
    let svg = crate::export::export(map, crate::export::Format::Svg, &crate::export::ExportOptions::default())
        .expect("the figure is made");
    let in_svg = drawn_in_svg(&String::from_utf8(svg).expect("UTF-8"));

    let canvas_from_screen = view.canvas_from_screen(view.view_rect());
    let in_window = |item: MapItem| view.drawn_rect(item).map(|rect| canvas_from_screen.mul_rect(rect));
    let items = (map.claims.iter().enumerate().map(|(i, claim)| (MapItem::Card(i), claim.id.as_str())))
        .chain(map.events.iter().enumerate().map(|(i, event)| (MapItem::Chip(i), event.id.as_str())))
        .chain(
            // Neutral ratings are matrix cells: neither draws them without a selection.
            map.links
                .iter()
                .enumerate()
                .filter(|(_, link)| link.relation != crate::model::Relation::Neutral)
                .map(|(i, link)| (MapItem::Link(i), link.id.as_str())),
        );
    let mut compared = 0;
    for (item, id) in items {
        let (Some(window), Some(figure)) = (in_window(item), in_svg.get(id)) else {
            let ends_meet = in_window(item).is_some_and(|rect| rect.size().length() < 0.01);
            assert!(ends_meet || in_window(item).is_some() == in_svg.contains_key(id), "{id} drawn by one only");
            continue;
        };
        let apart = (window.min - figure.min).length().max((window.max - figure.max).length());
        assert!(apart <= 1.0, "{id}: the window puts it at {window:?}, the figure at {figure:?}");
        compared += 1;
    }
    let drawn_links = map.links.iter().filter(|link| link.relation != crate::model::Relation::Neutral).count();
    assert!(compared > map.claims.len() + drawn_links, "every card and link compared ({compared})");
}
