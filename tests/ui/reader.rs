//! The source reader, driven as a user drives it: the tutorial opens with its
//! own source text beside the map; a passage selected in the reader — found
//! with Find, or dragged over with the mouse — becomes a claim whose quote is
//! the selected text exactly, anchored where it stands, in one undo step. The
//! Find & check panel lists the quotes that no longer match their text.

use argline::model::{Citation, Claim, Map};
use argline::ui::{ArglineApp, Document};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;

const NOTE: &str = include_str!("../../sample_maps/tutorial_note.txt");

fn tutorial_with_reader() -> Harness<'static, ArglineApp> {
    let document = Document::open(PathBuf::from("sample_maps/tutorial.ron")).expect("the tutorial opens");
    let mut harness = crate::harness::harness_with(crate::harness::app(document), 0.25);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness
}

fn map_of(harness: &Harness<'_, ArglineApp>) -> Map {
    harness.state().document().map().clone()
}

/// The claim the last step added, and its one citation.
fn new_claim(before: &Map, after: &Map) -> (Claim, Citation) {
    let claim = after.claims.iter().find(|c| before.claim(&c.id).is_none()).expect("a new claim").clone();
    let citation = claim.citations.first().expect("it cites its passage").clone();
    (claim, citation)
}

fn make_claim(harness: &mut Harness<'_, ArglineApp>) {
    harness.get_by_role_and_label(Role::Button, "New claim from selection").click();
    harness.run();
}

#[test]
fn a_passage_found_in_the_reader_becomes_a_claim_quoting_it_exactly() {
    let mut harness = tutorial_with_reader();
    let passage = "In early April the river rose.";
    harness.get_by_role_and_label(Role::TextInput, "Find").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Find").type_text(passage);
    harness.run();
    let before = map_of(&harness);
    make_claim(&mut harness);
    let after = map_of(&harness);
    let (claim, citation) = new_claim(&before, &after);
    assert_eq!(citation.quote, passage);
    assert_eq!(citation.source.as_str(), "tutorial-note");
    let start = NOTE[..NOTE.find(passage).expect("in the note")].chars().count();
    let anchor = citation.anchor.expect("anchored");
    assert_eq!((anchor.start, anchor.end), (start, start + passage.chars().count()));
    assert!(anchor.suffix.starts_with(" For a week"), "{:?}", anchor.suffix);
    assert_eq!(harness.state().selection().items(), [argline::model::ItemRef::Claim(claim.id.clone())]);
    assert_eq!(harness.state().document().history().undo_label(), Some("New claim from selection"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(map_of(&harness), before, "one undo step takes it away");
}

#[test]
fn a_passage_dragged_over_in_the_reader_becomes_a_claim_quoting_the_selected_text() {
    let mut harness = tutorial_with_reader();
    let text = harness.get_by_role_and_label(Role::MultilineTextInput, "The source's text").rect();
    let from = egui::pos2(text.min.x + 1.0, text.min.y + 8.0);
    let to = egui::pos2(text.min.x + 220.0, text.min.y + 8.0);
    harness.hover_at(from);
    crate::harness::press(&harness, from, true);
    harness.step();
    harness.hover_at(to);
    harness.step();
    crate::harness::press(&harness, to, false);
    harness.run();
    let before = map_of(&harness);
    make_claim(&mut harness);
    let (_, citation) = new_claim(&before, &map_of(&harness));
    let anchor = citation.anchor.expect("anchored");
    let selected: String = NOTE.chars().skip(anchor.start).take(anchor.end - anchor.start).collect();
    assert!(citation.quote.len() > 10, "a passage was selected: {:?}", citation.quote);
    assert_eq!(citation.quote, selected, "the quote is the selected text exactly");
    assert!(NOTE.starts_with(&citation.quote), "dragged along the first line: {:?}", citation.quote);
}

#[test]
fn a_changed_quote_is_listed_in_find_and_check_and_takes_its_sources_words_in_one_step() {
    let folder = tempfile::tempdir().expect("a scratch folder");
    let tutorial = std::fs::read_to_string("sample_maps/tutorial.ron").expect("the tutorial");
    let quoted = "quote: \"Corrosion found on the main girders; recommend closure if the river rises again.\",";
    let (event_part, link_part) = tutorial.split_at(tutorial.rfind(quoted).expect("the link quotes the note"));
    let edited = format!("{event_part}{}", link_part.replacen("main girders", "main beams", 1));
    std::fs::write(folder.path().join("tutorial.ron"), edited).expect("the map is written");
    std::fs::write(folder.path().join("tutorial_note.txt"), NOTE).expect("the text is written");
    let document = Document::open(folder.path().join("tutorial.ron")).expect("the copy opens");
    let mut harness = crate::harness::harness_with(crate::harness::app(document), 0.25);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();

    let heading = harness.get_by_label_contains("Quote check:").accesskit_node().label().unwrap_or_default();
    assert!(heading.contains("1 changed"), "{heading}");
    let link = argline::model::ItemRef::Link("l-inspection-safety".into());
    let name = harness.state().document().map().item_name(&link);
    harness.get_by_role_and_label(Role::Link, &name).click();
    harness.run();
    assert_eq!(harness.state().selection().items(), std::slice::from_ref(&link));

    let before = map_of(&harness);
    harness.get_by_role_and_label(Role::Button, "Take the source's words").click();
    harness.run();
    let after = map_of(&harness);
    let fixed = &after.link(&"l-inspection-safety".into()).expect("the link").citations[0].quote;
    assert!(fixed.contains("main girders") && NOTE.contains(fixed.as_str()), "{fixed}");
    let heading = harness.get_by_label_contains("Quote check:").accesskit_node().label().unwrap_or_default();
    assert!(!heading.contains("changed"), "{heading}");
    crate::harness::undo(&mut harness);
    assert_eq!(map_of(&harness), before, "one undo step puts the quote back");
}

#[test]
fn a_folder_of_texts_attached_in_the_window_names_each_sources_text_in_one_undo_step() {
    let folder = tempfile::tempdir().expect("a scratch folder");
    let tutorial = std::fs::read_to_string("sample_maps/tutorial.ron").expect("the tutorial");
    let reference = tutorial.find("            text: Some((").expect("the source names its text");
    let end = reference + tutorial[reference..].find("            )),\n").expect("closed") + "            )),\n".len();
    let unattached = format!("{}{}", &tutorial[..reference], &tutorial[end..]);
    std::fs::write(folder.path().join("tutorial.ron"), unattached).expect("the map is written");
    let texts = folder.path().join("articles");
    std::fs::create_dir(&texts).expect("a folder of texts");
    std::fs::write(texts.join("tutorial_note.txt"), NOTE).expect("the text is written");
    let document = Document::open(folder.path().join("tutorial.ron")).expect("the copy opens");
    let mut harness = crate::harness::harness_with(crate::harness::app(document), 0.25);
    let before = map_of(&harness);
    assert!(before.sources[0].text.is_none());

    harness.state_mut().push(argline::ui::Action::PathChosen(argline::ui::Purpose::AttachTexts, texts));
    harness.run();
    crate::harness::finish_jobs(&mut harness);
    let attached = map_of(&harness);
    let file = attached.sources[0].text.as_ref().expect("the source names its text now");
    assert_eq!(file.file, "articles/tutorial_note.txt", "relative to the map's folder");
    harness.get_by_label_contains("1 source text attached");
    harness.get_by_role_and_label(Role::MultilineTextInput, "The source's text");
    crate::harness::undo(&mut harness);
    assert_eq!(map_of(&harness), before, "one undo step takes the references away");
}
