//! One record of an import file, CSV row or JSON object, with the lines it was read from.

use serde_json::{Map, Value};
use std::sync::Arc;

/// One record: the line it starts on and its fields by name.
#[derive(Debug, Clone)]
pub struct Record {
    pub line: usize,
    pub fields: Fields,
}

#[derive(Debug, Clone)]
pub enum Fields {
    /// Header names (trimmed, shared by every row) and this row's values.
    Csv(Arc<Vec<String>>, csv::StringRecord),
    /// A JSON object, and the line each of its keys is on.
    Json(Map<String, Value>, Vec<(String, usize)>),
}
impl Record {
    /// The first of `names` present (names compared without regard to case), with the line it
    /// is on. JSON `null` counts as absent.
    pub fn get(&self, names: &[&str]) -> Option<(String, usize)> {
        match &self.fields {
            Fields::Csv(header, values) => names.iter().find_map(|n| {
                let at = header.iter().position(|k| k.eq_ignore_ascii_case(n))?;
                values.get(at).map(|v| (v.to_string(), self.line))
            }),
            Fields::Json(map, lines) => names.iter().find_map(|n| {
                let (key, value) = map.iter().find(|(k, _)| k.eq_ignore_ascii_case(n))?;
                let line = lines
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or(self.line, |(_, l)| *l);
                let text = match value {
                    Value::Null => return None,
                    Value::String(s) => s.clone(),
                    Value::Bool(b) => b.to_string(),
                    Value::Number(n) => n.to_string(),
                    other => other.to_string(),
                };
                Some((text, line))
            }),
        }
    }

    /// The raw JSON value of the first of `names` present (arrays of licenses).
    pub fn json(&self, names: &[&str]) -> Option<&Value> {
        match &self.fields {
            Fields::Json(map, _) => names.iter().find_map(|n| {
                map.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(n))
                    .map(|(_, v)| v)
            }),
            Fields::Csv(..) => None,
        }
    }
}
