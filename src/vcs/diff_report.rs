//! A [`MapDiff`] written out: as lines a person reads, or as JSON for scripts.

use super::diff::{Change, MapDiff};
use serde_json::Value;

/// One line per added or removed item; a changed item's line, then one
/// indented line per field: `    text: "before" → "after"`. Empty when the
/// maps are the same.
pub fn to_text(diff: &MapDiff) -> String {
    let mut text = String::new();
    for change in &diff.changes {
        let title = if change.title.is_empty() { String::new() } else { format!(": {}", quoted(&change.title)) };
        match &change.change {
            Change::Added => text.push_str(&format!("{} added{title}\n", change.item)),
            Change::Removed => text.push_str(&format!("{} removed{title}\n", change.item)),
            Change::Changed { fields } => {
                text.push_str(&format!("{} changed{title}\n", change.item));
                for field in fields {
                    let verb = if field.field == "position" { "moved " } else { "" };
                    text.push_str(&format!(
                        "    {}: {verb}{} → {}\n",
                        field.field,
                        human(&field.before),
                        human(&field.after)
                    ));
                }
            }
        }
    }
    text
}

/// `{"same": bool, "changes": [...]}`, pretty-printed, ending in a newline.
pub fn to_json(diff: &MapDiff) -> String {
    let report = serde_json::json!({ "same": diff.is_empty(), "changes": diff.changes });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

fn quoted(text: &str) -> String {
    Value::from(text).to_string()
}

/// A field's value for a person: text quoted, `none` for nothing, a point as
/// `(x, y)`, a group of plain values as `name value, …`, anything else as JSON.
pub(super) fn human(value: &Value) -> String {
    match value {
        Value::Null => "none".to_owned(),
        Value::String(text) => quoted(text),
        Value::Object(parts) if parts.len() == 2 && parts.contains_key("x") && parts.contains_key("y") => {
            format!("({}, {})", parts["x"], parts["y"])
        }
        Value::Object(parts) if parts.values().all(|part| !part.is_object() && !part.is_array()) => {
            if parts.is_empty() {
                return "none".to_owned();
            }
            let shown: Vec<String> = parts.iter().map(|(name, part)| format!("{name} {}", plain(part))).collect();
            shown.join(", ")
        }
        other => other.to_string(),
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, Date, Event, Map, Position};
    use crate::vcs::diff::diff;

    fn map_with(claims: Vec<Claim>, events: Vec<Event>) -> Map {
        Map { claims, events, ..Map::default() }
    }

    #[test]
    fn a_changed_claim_lists_each_field() {
        let before = Claim::new("blinked", ClaimKind::Explanation, "China blinked", Position::new(10.0, 20.0));
        let after = Claim { text: "China gave way".into(), position: Position::new(30.0, 20.0), ..before.clone() };
        let added = Claim::new("new", ClaimKind::Question, "Why now?", Position::default());
        let text = to_text(&diff(&map_with(vec![before], vec![]), &map_with(vec![after, added], vec![])));
        assert_eq!(
            text,
            "claim \"blinked\" changed: \"China gave way\"\n    text: \"China blinked\" → \"China gave way\"\n    \
             position: moved (10.0, 20.0) → (30.0, 20.0)\nclaim \"new\" added: \"Why now?\"\n"
        );
    }

    #[test]
    fn dates_read_as_words_and_json_keeps_values() {
        let point = Event::new("summit", Date::day(2015, 9, 25), "Summit", "us".into());
        let span = Event { end: Some(Date::day(2015, 9, 28)), ..point.clone() };
        let changes = diff(&map_with(vec![], vec![point]), &map_with(vec![], vec![span]));
        assert!(to_text(&changes).contains("dates: date 2015-09-25 → date 2015-09-25, end 2015-09-28"));
        let json: Value = serde_json::from_str(&to_json(&changes)).expect("json");
        assert_eq!(json["same"], false);
        assert_eq!(json["changes"][0]["item"], serde_json::json!({ "kind": "event", "id": "summit" }));
        assert_eq!(json["changes"][0]["change"], "changed");
        assert_eq!(json["changes"][0]["fields"][0]["after"]["end"], "2015-09-28");
    }
}
