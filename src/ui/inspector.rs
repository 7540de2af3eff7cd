//! The inspector: every field of the selected item (read-only for now), its
//! citations with their sources, and its links as rows that navigate.

use super::map_view::{item_name, link_label};
use super::selection::{Origin, Selection};
use super::theme;
use crate::model::{Citation, Counts, ItemRef, Map, Source};
use egui::{RichText, Ui};

/// Shows the inspector; returns the item to go to when a link row is clicked.
pub fn inspector_ui(ui: &mut Ui, map: &Map, selection: &Selection) -> Option<ItemRef> {
    let mut go_to = None;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        match selection.primary() {
            None => map_summary_ui(ui, map),
            Some(ItemRef::Claim(id)) => match map.claim(id) {
                Some(claim) => {
                    let dark = ui.visuals().dark_mode;
                    ui.label(
                        RichText::new(claim.kind.label().to_uppercase())
                            .small()
                            .strong()
                            .color(theme::kind_color(claim.kind, dark)),
                    );
                    ui.label(RichText::new(&claim.text).heading());
                    detail_ui(ui, &claim.detail);
                    field_ui(ui, "Id", claim.id.as_str());
                    field_ui(ui, "Position", &format!("{:.0}, {:.0}", claim.position.x, claim.position.y));
                    tags_ui(ui, &claim.tags);
                    citations_ui(ui, map, &claim.citations);
                }
                None => missing_ui(ui),
            },
            Some(ItemRef::Event(id)) => match map.event(id) {
                Some(event) => {
                    ui.label(RichText::new("EVENT").small().strong());
                    ui.label(RichText::new(&event.title).heading());
                    let when = event.when();
                    field_ui(ui, "Date", &when);
                    field_ui(ui, "Precision", event.date.precision().label());
                    if let Some(lane) = map.lane(&event.lane) {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new("Lane").weak());
                            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 2.0, theme::lane_color(lane.color));
                            ui.label(&lane.name);
                        });
                    }
                    detail_ui(ui, &event.detail);
                    field_ui(ui, "Id", event.id.as_str());
                    tags_ui(ui, &event.tags);
                    citations_ui(ui, map, &event.citations);
                }
                None => missing_ui(ui),
            },
            Some(ItemRef::Link(id)) => match map.link(id) {
                Some(link) => {
                    let dark = ui.visuals().dark_mode;
                    ui.label(RichText::new("LINK").small().strong());
                    ui.label(RichText::new(link_label(map, link)).strong());
                    ui.horizontal(|ui| {
                        ui.label(RichText::new("Relation").weak());
                        ui.label(
                            RichText::new(link.relation.label())
                                .strong()
                                .color(theme::relation_color(link.relation, dark)),
                        );
                        ui.label(RichText::new("Strength").weak());
                        ui.label(link.strength.label());
                    });
                    ui.add_space(4.0);
                    if navigate_row(ui, "From", &item_name(map, &link.source_item())) {
                        go_to = Some(link.source_item());
                    }
                    if navigate_row(ui, "To", &item_name(map, &link.target_item())) {
                        go_to = Some(link.target_item());
                    }
                    detail_ui(ui, &link.note);
                    field_ui(ui, "Id", link.id.as_str());
                    citations_ui(ui, map, &link.citations);
                }
                None => missing_ui(ui),
            },
        }
        if let Some(target) = selection.primary().and_then(|item| links_ui(ui, map, item)) {
            go_to = Some(target);
        }
    });
    go_to
}

/// Selects `item` as if clicked in the inspector.
pub fn go_to(selection: &mut Selection, item: ItemRef) {
    selection.select(item, Origin::Other);
}

fn map_summary_ui(ui: &mut Ui, map: &Map) {
    ui.label(RichText::new("MAP").small().strong());
    ui.label(RichText::new(&map.meta.title).heading());
    detail_ui(ui, &map.meta.summary);
    if !map.meta.authors.is_empty() {
        field_ui(ui, "Authors", &map.meta.authors.join(", "));
    }
    if !map.meta.license.is_empty() {
        field_ui(ui, "Licence", &map.meta.license);
    }
    ui.separator();
    for (name, value) in Counts::of(map).rows() {
        field_ui(ui, &name.replace('_', " "), &value.to_string());
    }
    ui.separator();
    ui.label(RichText::new("Sources").strong());
    for source in &map.sources {
        source_ui(ui, source);
        ui.add_space(6.0);
    }
    ui.separator();
    ui.label(RichText::new("Select an event, a claim or a link to see it here.").weak());
}

fn missing_ui(ui: &mut Ui) {
    ui.label("The selected item is no longer in the map.");
}

fn field_ui(ui: &mut Ui, name: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(name).weak());
        ui.label(value);
    });
}

fn detail_ui(ui: &mut Ui, detail: &str) {
    if !detail.is_empty() {
        ui.add_space(4.0);
        ui.label(detail);
        ui.add_space(4.0);
    }
}

fn tags_ui(ui: &mut Ui, tags: &[String]) {
    if tags.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Tags").weak());
        for tag in tags {
            ui.label(RichText::new(format!("#{tag}")).monospace());
        }
    });
}

/// Only http and https addresses are offered as links, and only on click.
pub fn is_openable_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn source_ui(ui: &mut Ui, source: &Source) {
    ui.label(RichText::new(&source.title).strong());
    let byline: Vec<String> =
        [source.author.clone(), source.outlet.clone(), source.date.map(|d| d.human()).unwrap_or_default()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect();
    if !byline.is_empty() {
        ui.label(RichText::new(byline.join(" · ")).weak());
    }
    if is_openable_url(&source.url) {
        ui.hyperlink_to(RichText::new(&source.url).small(), &source.url);
    } else if !source.url.is_empty() {
        ui.label(RichText::new(format!("{} (not a web address; not opened)", source.url)).small().weak());
    }
}

fn citations_ui(ui: &mut Ui, map: &Map, citations: &[Citation]) {
    if citations.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new(if citations.len() == 1 { "Citation" } else { "Citations" }).strong());
    for citation in citations {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&citation.quote).italics());
            if let Some(locator) = &citation.locator {
                ui.label(RichText::new(locator).small().weak());
            }
            match map.source(&citation.source) {
                Some(source) => source_ui(ui, source),
                None => {
                    ui.label(format!("unknown source {}", citation.source));
                }
            }
        });
    }
}

fn navigate_row(ui: &mut Ui, caption: &str, target: &str) -> bool {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(caption).weak());
        ui.link(target).on_hover_text("Go to this item").clicked()
    })
    .inner
}

/// Incoming and outgoing links of `item`, each a row that goes to its other end.
fn links_ui(ui: &mut Ui, map: &Map, item: &ItemRef) -> Option<ItemRef> {
    let dark = ui.visuals().dark_mode;
    let outgoing: Vec<_> = map.links.iter().filter(|link| link.starts_at(item)).collect();
    let incoming: Vec<_> = map.links.iter().filter(|link| link.ends_at(item)).collect();
    let mut go_to = None;
    for (title, links, outgoing) in [("Bears on", outgoing, true), ("Evidence and objections", incoming, false)] {
        if links.is_empty() {
            continue;
        }
        ui.separator();
        ui.label(RichText::new(format!("{title} ({})", links.len())).strong());
        for link in links {
            let other = if outgoing { link.target_item() } else { link.source_item() };
            ui.horizontal_wrapped(|ui| {
                let color = theme::relation_color(link.relation, dark);
                let relation =
                    if outgoing { link.relation.label().to_owned() } else { format!("{} by", link.relation.label()) };
                if ui.link(RichText::new(relation).color(color)).on_hover_text("Select this link").clicked() {
                    go_to = Some(ItemRef::Link(link.id.clone()));
                }
                ui.label(RichText::new(format!("({})", link.strength.label())).weak().small());
                if ui.link(item_name(map, &other)).on_hover_text("Go to this item").clicked() {
                    go_to = Some(other.clone());
                }
            });
        }
    }
    go_to
}

#[cfg(test)]
mod tests {
    use super::is_openable_url;

    #[test]
    fn only_web_addresses_open() {
        assert!(is_openable_url("https://www.lawfaremedia.org/x"));
        assert!(is_openable_url("HTTP://example.org"));
        for refused in ["javascript:alert(1)", "file:///etc/passwd", "ftp://x", "", "data:text/html,x"] {
            assert!(!is_openable_url(refused), "{refused}");
        }
    }
}
