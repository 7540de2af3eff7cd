//! The chart over the matrix: each explanation's inconsistency score as the
//! evidence arrived, over the whole timeline (egui_plot), with the as-of
//! cursor, and its legend beside the plot rather than over it; clicking the
//! chart moves the cursor to that date.

use super::theme;
use crate::analysis::Matrix;
use crate::layout::{date_of, day_number};
use crate::model::Map;
use chrono::NaiveDate;
use egui_plot::{Line, Plot, PlotPoints, VLine};

/// The width of the legend beside the plot.
const LEGEND_WIDTH: f32 = 300.0;

/// Shows the chart of `matrix` (taken without an as-of date); returns the date clicked.
pub fn score_chart_ui(ui: &mut egui::Ui, map: &Map, matrix: &Matrix, as_of: Option<NaiveDate>) -> Option<NaiveDate> {
    let series = matrix.scores_over_time();
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        ui.label("No dated evidence yet: the chart shows scores as dated evidence arrives.");
        return None;
    };
    let (start, end) = (day_number(first.0) - 15.0, day_number(last.0) + 15.0);
    let names: Vec<String> = matrix
        .explanations
        .iter()
        .map(|id| map.claim(id).map_or_else(|| id.to_string(), |claim| claim.text.clone()))
        .collect();
    let dark = ui.visuals().dark_mode;
    let plot_width = (ui.available_width() - LEGEND_WIDTH - 12.0).max(200.0);
    let response = ui.horizontal(|ui| {
        let response = plot_ui(ui, &names, &series, (start, end), as_of, plot_width, dark);
        legend_ui(ui, &names, dark);
        response
    });
    let response = response.inner;
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Chart of scores over time"));
    if response.response.clicked() {
        return response.inner.and_then(|point| date_of(point.x));
    }
    None
}

/// The names of the series, each beside its colour, a line each.
fn legend_ui(ui: &mut egui::Ui, names: &[String], dark: bool) {
    ui.vertical(|ui| {
        ui.set_width(LEGEND_WIDTH);
        for (index, name) in names.iter().enumerate() {
            ui.horizontal(|ui| {
                let (swatch, _) = ui.allocate_exact_size(egui::vec2(14.0, 4.0), egui::Sense::hover());
                ui.painter().rect_filled(swatch, 1.0, theme::series_color(index, dark));
                ui.add(egui::Label::new(egui::RichText::new(name).small()).truncate()).on_hover_text(name);
            });
        }
    });
}

type Series = [(NaiveDate, Vec<f64>)];

fn plot_ui(
    ui: &mut egui::Ui,
    names: &[String],
    series: &Series,
    (start, end): (f64, f64),
    as_of: Option<NaiveDate>,
    width: f32,
    dark: bool,
) -> egui_plot::PlotResponse<Option<egui_plot::PlotPoint>> {
    Plot::new("scores-over-time")
        .height(170.0)
        .width(width)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .include_x(start)
        .include_x(end)
        .include_y(0.0)
        .x_axis_formatter(|mark, _| {
            date_of(mark.value).map_or_else(String::new, |date| date.format("%b %Y").to_string())
        })
        .y_axis_label("inconsistency")
        .show(ui, |plot| {
            for (column, name) in names.iter().enumerate() {
                // A step line: each score holds until the next evidence arrives.
                let mut points = vec![[start, 0.0]];
                let mut previous = 0.0;
                for (date, scores) in series {
                    let x = day_number(*date);
                    points.push([x, previous]);
                    previous = scores[column];
                    points.push([x, previous]);
                }
                points.push([end, previous]);
                plot.line(Line::new(name.clone(), PlotPoints::from(points)).color(theme::series_color(column, dark)));
            }
            if let Some(as_of) = as_of {
                plot.vline(VLine::new("as of", day_number(as_of)));
            }
            plot.pointer_coordinate()
        })
}
