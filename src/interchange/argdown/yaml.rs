//! The YAML that Argdown files carry: `{…}` data in flow style (maps, lists,
//! quoted and plain scalars, nested to a bounded depth) and the front
//! matter's block style, read to its top-level keys.

use std::collections::BTreeMap;

/// Deeper nesting than this is refused, so that hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// A data value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    List(Vec<Value>),
    Map(BTreeMap<String, Value>),
}

impl Value {
    /// The value as one line of text; a list's items joined by `, `.
    pub fn text(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Number(number) => number.to_string(),
            Self::List(items) => items.iter().map(Value::text).collect::<Vec<_>>().join(", "),
            Self::Map(entries) => {
                entries.iter().map(|(key, value)| format!("{key}: {}", value.text())).collect::<Vec<_>>().join(", ")
            }
        }
    }

    pub fn number(&self) -> Option<f64> {
        match self {
            Self::Number(number) => Some(*number),
            _ => None,
        }
    }

    /// Whether the value is one scalar (not a list or a map).
    pub fn is_scalar(&self) -> bool {
        matches!(self, Self::Text(_) | Self::Number(_))
    }
}

/// A plain scalar as YAML reads it: a number when it is one, else the text.
fn scalar(raw: &str) -> Value {
    let raw = raw.trim();
    match raw.parse::<f64>() {
        Ok(number) if !raw.is_empty() && !raw.starts_with(['+', '.']) && raw != "inf" && raw != "nan" => {
            Value::Number(number)
        }
        _ => Value::Text(raw.to_owned()),
    }
}

struct Flow<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl Flow<'_> {
    fn skip_space(&mut self) {
        while self.chars.next_if(|c| c.is_whitespace()).is_some() {}
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(format!("it is nested deeper than {MAX_DEPTH} levels"));
        }
        self.skip_space();
        match self.chars.peek() {
            Some('{') => {
                self.chars.next();
                self.map(depth + 1).map(Value::Map)
            }
            Some('[') => {
                self.chars.next();
                self.list(depth + 1).map(Value::List)
            }
            Some(&quote @ ('"' | '\'')) => {
                self.chars.next();
                self.quoted(quote).map(Value::Text)
            }
            _ => Ok(scalar(&self.plain(&[',', '}', ']']))),
        }
    }

    /// A plain scalar up to one of `ends` (not consumed).
    fn plain(&mut self, ends: &[char]) -> String {
        let mut text = String::new();
        while let Some(c) = self.chars.next_if(|c| !ends.contains(c)) {
            text.push(c);
        }
        text
    }

    fn quoted(&mut self, quote: char) -> Result<String, String> {
        let mut text = String::new();
        while let Some(c) = self.chars.next() {
            match c {
                c if c == quote && quote == '\'' && self.chars.peek() == Some(&'\'') => {
                    self.chars.next();
                    text.push('\'');
                }
                c if c == quote => return Ok(text),
                '\\' if quote == '"' => match self.chars.next() {
                    Some('n') => text.push('\n'),
                    Some('t') => text.push('\t'),
                    Some('u') => {
                        let hex: String = self.chars.by_ref().take(4).collect();
                        let code = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                        text.push(code.ok_or_else(|| format!("\"\\u{hex}\" is not a character"))?);
                    }
                    Some(other) => text.push(other),
                    None => break,
                },
                c => text.push(c),
            }
        }
        Err("a quoted text is never closed".to_owned())
    }

    fn list(&mut self, depth: usize) -> Result<Vec<Value>, String> {
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.chars.peek() {
                Some(']') => {
                    self.chars.next();
                    return Ok(items);
                }
                None => return Err("a list is never closed: add `]`".to_owned()),
                _ => {}
            }
            items.push(self.value(depth)?);
            self.skip_space();
            self.chars.next_if_eq(&',');
        }
    }

    fn map(&mut self, depth: usize) -> Result<BTreeMap<String, Value>, String> {
        let mut entries = BTreeMap::new();
        loop {
            self.skip_space();
            let key = match self.chars.peek() {
                Some('}') => {
                    self.chars.next();
                    return Ok(entries);
                }
                None => return Err("data is never closed: add `}`".to_owned()),
                Some(&quote @ ('"' | '\'')) => {
                    self.chars.next();
                    self.quoted(quote)?
                }
                _ => self.plain(&[':', ',', '}']).trim().to_owned(),
            };
            self.skip_space();
            let value =
                if self.chars.next_if_eq(&':').is_some() { self.value(depth)? } else { Value::Text(String::new()) };
            if key.is_empty() && value == Value::Text(String::new()) && self.chars.peek() != Some(&',') {
                return Err(format!("\"{}\" is not `key: value`", self.plain(&['}'])));
            }
            entries.insert(key, value);
            self.skip_space();
            self.chars.next_if_eq(&',');
        }
    }
}

/// `{…}` data (with its braces) as a map.
pub fn parse_flow_map(text: &str) -> Result<BTreeMap<String, Value>, String> {
    let mut flow = Flow { chars: text.chars().peekable() };
    flow.skip_space();
    if flow.chars.next_if_eq(&'{').is_none() {
        return Err("data starts with `{`".to_owned());
    }
    let map = flow.map(1)?;
    flow.skip_space();
    match flow.chars.peek() {
        None => Ok(map),
        Some(_) => Err(format!("\"{}\" follows the data's closing `}}`", flow.plain(&[]))),
    }
}

/// One value written after `key:` in block YAML: flow, quoted or plain.
fn inline_value(text: &str) -> Value {
    let text = text.trim();
    let mut flow = Flow { chars: text.chars().peekable() };
    match text.chars().next() {
        Some('{' | '[' | '"' | '\'') => flow.value(0).unwrap_or_else(|_| Value::Text(text.to_owned())),
        _ => scalar(text),
    }
}

/// A top-level key of block YAML, with the line (from 1 within the text) it is on.
pub struct Entry {
    pub key: String,
    pub value: Value,
    pub line: usize,
}

/// Block YAML's top-level `key: value` entries. An indented block under a key
/// is read as a list (`- item`, an item's `name:` standing for it) or a map of
/// scalars; what is deeper is kept as text.
pub fn parse_block(text: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let close = |entries: &mut Vec<Entry>, block: &mut Vec<&str>| {
        if let Some(entry) = entries.last_mut()
            && !block.is_empty()
        {
            entry.value = block_value(block);
        }
        block.clear();
    };
    for (index, line) in text.lines().enumerate() {
        let content = line.trim_end();
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        if !content.starts_with([' ', '\t', '-']) {
            close(&mut entries, &mut block);
            let (key, value) = content.split_once(':').unwrap_or((content, ""));
            let key = key.trim().trim_matches(['"', '\'']).to_owned();
            entries.push(Entry { key, value: inline_value(value), line: index + 1 });
        } else {
            block.push(content);
        }
    }
    close(&mut entries, &mut block);
    entries
}

fn block_value(lines: &[&str]) -> Value {
    let items: Vec<&str> = lines.iter().filter_map(|line| line.trim_start().strip_prefix('-')).collect();
    if !items.is_empty() {
        return Value::List(
            items
                .iter()
                .map(|item| match item.trim().strip_prefix("name:") {
                    Some(name) => inline_value(name),
                    None => inline_value(item),
                })
                .collect(),
        );
    }
    let entries = lines
        .iter()
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_owned(), inline_value(value)))
        .collect();
    Value::Map(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_data_nests_lists_maps_and_quoted_text() {
        let data =
            parse_flow_map("{uses: [1, 2], kind: \"claim\", note: 'it''s', deep: {a: [x, {b: 1}]}}").expect("reads");
        assert_eq!(data["uses"], Value::List(vec![Value::Number(1.0), Value::Number(2.0)]));
        assert_eq!(data["kind"], Value::Text("claim".into()));
        assert_eq!(data["note"], Value::Text("it's".into()));
        assert!(
            matches!(&data["deep"], Value::Map(inner) if matches!(&inner["a"], Value::List(items) if items.len() == 2))
        );
    }

    #[test]
    fn broken_or_hostile_data_is_an_error_not_a_panic() {
        assert!(parse_flow_map("{a: [1, 2").is_err());
        assert!(parse_flow_map("{a: \"open").is_err());
        assert!(parse_flow_map(&format!("{{a: {}", "[".repeat(10_000))).is_err());
    }

    #[test]
    fn block_front_matter_reads_scalars_lists_and_nested_maps() {
        let entries =
            parse_block("title: \"A map\"\nauthor:\n  - name: Ada\n  - Bob\nmodel:\n  mode: strict\ntags: [a, b]\n");
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["title", "author", "model", "tags"]);
        assert_eq!(entries[0].value.text(), "A map");
        assert_eq!(entries[1].value, Value::List(vec![Value::Text("Ada".into()), Value::Text("Bob".into())]));
        assert_eq!(entries[2].line, 5);
        assert!(matches!(&entries[2].value, Value::Map(map) if map["mode"] == Value::Text("strict".into())));
    }
}
