//! The map as JSON, field for field as in the RON file, for scripts (`jq`,
//! Python). Deterministic, like the RON: items keep their order.

use crate::model::Map;

pub fn render(map: &Map) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(map)?;
    text.push('\n');
    Ok(text)
}
