//! Reading an exported file as the tools write it: UTF-16LE with a BOM (Windows PowerShell 5.1),
//! UTF-8 with or without one (PowerShell 7, the admin center), CRLF or LF line ends; JSON
//! (`ConvertTo-Json`) or CSV (`Export-Csv`, the admin center's "Export users", `,` or `;`),
//! told apart by content. Every record keeps the line it starts on, for the messages.

use super::{bad_field, ImportFile};
use crate::error::{Error, Result};
use crate::text;
use serde_json::{Map, Value};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// The file's text. A BOM names the encoding; without one it must be UTF-8.
pub fn decode(file: &ImportFile) -> Result<String> {
    let bytes = file.bytes.as_slice();
    let (encoding, bom) = encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding_rs::UTF_8, 0));
    encoding
        .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
        .map(|text| text.into_owned())
        .ok_or_else(|| {
            Error::usage(text!(
                "import-bad-encoding",
                file = file.name.clone(),
                encoding = encoding.name()
            ))
        })
}

/// JSON starts with `[` or `{`; anything else is taken for CSV.
pub fn format_of(text: &str) -> Format {
    match text.trim_start().chars().next() {
        Some('[') | Some('{') => Format::Json,
        _ => Format::Csv,
    }
}

/// One record: the line it starts on and its fields by name.
#[derive(Debug, Clone)]
pub struct Record {
    pub line: usize,
    pub fields: Fields,
}

#[derive(Debug, Clone)]
pub enum Fields {
    /// Header names (trimmed, shared by every row) and this row's values.
    Csv(Arc<Vec<String>>, Vec<String>),
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
                values.get(at).map(|v| (v.clone(), self.line))
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

/// Every record of the file, in order.
pub fn records(file: &ImportFile, text: &str) -> Result<(Format, Vec<Record>)> {
    match format_of(text) {
        Format::Json => Ok((Format::Json, json_records(file, text)?)),
        Format::Csv => Ok((Format::Csv, csv_records(file, text)?)),
    }
}

fn csv_records(file: &ImportFile, text: &str) -> Result<Vec<Record>> {
    // Windows PowerShell's Export-Csv writes a "#TYPE …" line first unless told not to.
    let (skipped, body) = match text.strip_prefix("#TYPE") {
        Some(rest) => (1, rest.split_once('\n').map_or("", |(_, body)| body)),
        None => (0, text),
    };
    let header = body.lines().next().unwrap_or("");
    // A French-locale export separates with ';' (the list separator where ',' is the decimal one).
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(body.as_bytes());
    let names: Arc<Vec<String>> = match reader.headers() {
        Ok(h) => Arc::new(h.iter().map(|n| n.trim().to_string()).collect()),
        Err(e) => return Err(csv_error(file, body, skipped, &e)),
    };
    if names.iter().all(|n| n.is_empty()) {
        return Err(bad_field(
            file,
            skipped + 1,
            "header",
            text!("import-problem-no-header"),
        ));
    }
    let mut out = Vec::new();
    let mut lines = Lines::new(body);
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(file, body, skipped, &e))?;
        // From the byte offset: csv's own line count is one short after CRLF line ends, and
        // its record may start on the '\n' that ends the line before.
        let line = row
            .position()
            .map_or(0, |p| record_line(&mut lines, p.byte() as usize))
            + skipped;
        if row.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let fields = Fields::Csv(names.clone(), row.iter().map(str::to_string).collect());
        out.push(Record { line, fields });
    }
    Ok(out)
}

fn csv_error(file: &ImportFile, body: &str, skipped: usize, e: &csv::Error) -> Error {
    let line = e
        .position()
        .map_or(1, |p| record_line(&mut Lines::new(body), p.byte() as usize))
        + skipped;
    let problem = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => text!(
            "import-problem-columns",
            expected = *expected_len as i64,
            found = *len as i64
        ),
        _ => text!("import-problem-syntax", detail = e.to_string()),
    };
    bad_field(file, line, "CSV", problem)
}

fn json_records(file: &ImportFile, text: &str) -> Result<Vec<Record>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        bad_field(
            file,
            e.line(),
            "JSON",
            text!("import-problem-syntax", detail = e.to_string()),
        )
    })?;
    let mut spans = top_level_spans(text);
    // ConvertTo-Json writes one object bare, and several as an array; a Graph response wraps
    // its collection in `value` (`Invoke-MgGraphRequest -OutputType Json`).
    let objects = match value {
        Value::Array(items) => items,
        Value::Object(mut map) if map.get("value").is_some_and(Value::is_array) => {
            spans = spans_at_depth(text, 2);
            match map.remove("value") {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            }
        }
        object @ Value::Object(_) => vec![object],
        _ => {
            return Err(bad_field(
                file,
                1,
                "JSON",
                text!("import-problem-not-objects"),
            ))
        }
    };
    let mut out = Vec::with_capacity(objects.len());
    let mut lines = Lines::new(text);
    for (i, item) in objects.into_iter().enumerate() {
        let (start, end) = spans.get(i).copied().unwrap_or((0, text.len()));
        let line = lines.at(start);
        let Value::Object(map) = item else {
            return Err(bad_field(
                file,
                line,
                "JSON",
                text!("import-problem-not-objects"),
            ));
        };
        let lines = map
            .keys()
            .map(|k| {
                let quoted = format!("\"{k}\"");
                let at = text[start..end].find(&quoted).map_or(line, |off| {
                    line + newlines(&text.as_bytes()[start..start + off])
                });
                (k.clone(), at)
            })
            .collect();
        out.push(Record {
            line,
            fields: Fields::Json(map, lines),
        });
    }
    Ok(out)
}

/// The line of a CSV record starting at `offset`, past the line end it may start on.
fn record_line(lines: &mut Lines<'_>, offset: usize) -> usize {
    let rest = lines.bytes.get(offset..).unwrap_or_default();
    let ends = rest
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    lines.at(offset + ends)
}

fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
}

/// 1-based lines of byte offsets, asked for mostly in increasing order: each stretch of the
/// text is counted once (a file of a million rows would otherwise be counted a million times).
struct Lines<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        self.line += newlines(&self.bytes[self.offset..offset]);
        self.offset = offset;
        self.line
    }
}

/// Where each element of the top-level array (or the one top-level object) starts and ends,
/// found by walking the text outside strings; serde_json keeps no positions.
fn top_level_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = None;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                // Elements of a top-level array start at depth 1; a bare object at depth 0.
                if b == b'{' && (depth == 1 || (depth == 0 && spans.is_empty())) && start.is_none()
                {
                    start = Some(i);
                }
                depth += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if b == b'}' && (depth == 1 || depth == 0) {
                    if let Some(s) = start.take() {
                        spans.push((s, i + 1));
                    }
                }
            }
            _ => {}
        }
    }
    spans
}

/// Where each object nested `depth` levels down starts and ends (2: the items of a Graph
/// response's `value`).
fn spans_at_depth(text: &str, depth: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let (mut level, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                if b == b'{' && level == depth && start.is_none() {
                    start = Some(i);
                }
                level += 1;
            }
            b'}' | b']' => {
                level = level.saturating_sub(1);
                if b == b'}' && level == depth {
                    if let Some(s) = start.take() {
                        spans.push((s, i + 1));
                    }
                }
            }
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(bytes: &[u8]) -> ImportFile {
        ImportFile {
            name: "f".into(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn utf16le_with_a_bom_and_utf8_with_or_without_one_read_the_same() {
        let text = "[{\"a\":\"Adèle\"}]\r\n";
        let mut utf16 = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let mut bom8 = vec![0xef, 0xbb, 0xbf];
        bom8.extend_from_slice(text.as_bytes());
        for bytes in [utf16, bom8, text.as_bytes().to_vec()] {
            assert_eq!(decode(&file(&bytes)).ok().as_deref(), Some(text));
        }
        assert!(decode(&file(&[0x41, 0xff, 0x42])).is_err());
    }

    #[test]
    fn json_records_know_their_lines() {
        let text = "[\r\n  {\r\n    \"A\": 1,\r\n    \"B\": \"}\"\r\n  },\r\n  {\r\n    \"A\": 2\r\n  }\r\n]";
        let records = json_records(&file(b""), text).expect("records");
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].line, 2);
        assert_eq!(records[0].get(&["b"]), Some(("}".to_string(), 4)));
        assert_eq!(records[1].line, 6);
        assert_eq!(records[1].get(&["A"]), Some(("2".to_string(), 7)));
        let one = json_records(&file(b""), "{\n\"A\": 3\n}").expect("one");
        assert_eq!(one[0].get(&["A"]), Some(("3".to_string(), 2)));
    }

    #[test]
    fn csv_rows_know_their_lines_after_a_type_line_and_with_semicolons() {
        let text = "#TYPE Selected.X\r\n\"A\";\"B\"\r\n\"1\";\"x;y\"\r\n\"2\";\"z\"\r\n";
        let records = csv_records(&file(b""), text).expect("records");
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].get(&["b"]), Some(("x;y".to_string(), 3)));
        assert_eq!(records[1].line, 4);
    }
}
