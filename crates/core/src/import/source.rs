//! Reading an exported file as the tools write it: UTF-16LE with a BOM (Windows PowerShell 5.1),
//! UTF-8 with or without one (PowerShell 7, the admin center), CRLF or LF line ends; JSON
//! (`ConvertTo-Json`) or CSV (`Export-Csv`, the admin center's "Export users", `,` or `;`),
//! told apart by content. Every record keeps the line it starts on, for the messages.
//!
//! The file is read as a stream, one record at a time (a million users is never held whole);
//! its SHA-256 is taken on the way.

use super::json_stream::{self, Problem};
pub use super::record::{Fields, Record};
use super::text_stream::{self, Watch};
use super::{bad_field, cannot_read, ImportFile};
use crate::error::{Error, Result};
use crate::text;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, BufRead, Read};
use std::path::Path;
use std::rc::Rc;
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

/// Where an import's bytes come from: the front end's copy (through a server) or the file itself,
/// read as a stream (in-process).
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    Bytes(&'a ImportFile),
    Path { name: &'a str, path: &'a Path },
}

impl Input<'_> {
    pub fn name(&self) -> &str {
        match self {
            Input::Bytes(file) => &file.name,
            Input::Path { name, .. } => name,
        }
    }

    fn open(&self) -> Result<Box<dyn Read + '_>> {
        match self {
            Input::Bytes(file) => Ok(Box::new(file.bytes.as_slice())),
            Input::Path { path, .. } => std::fs::File::open(path)
                .map(|f| Box::new(f) as Box<dyn Read>)
                .map_err(|e| cannot_read(&path.display().to_string(), &e)),
        }
    }
}

/// What reading a whole file found, besides its records.
#[derive(Debug, Clone)]
pub struct Scanned {
    pub format: Format,
    pub records: u64,
    pub sha256: String,
}

/// Calls `each` with every record of the file, in order, stopping at the first error (the
/// file's, or the one `each` returns).
pub fn scan(input: Input<'_>, mut each: impl FnMut(Record) -> Result<()>) -> Result<Scanned> {
    let watch = Rc::new(Watch::default());
    let name = input.name();
    let mut reader = text_stream::utf8(input.open()?, watch.clone())
        .map_err(|e| read_error(name, &watch, &e))?;
    let format = match reader.fill_buf() {
        Ok(head) => format_of_head(head),
        Err(e) => return Err(read_error(name, &watch, &e)),
    };
    let records = match format {
        Format::Json => match json_stream::records(&mut reader, &mut each) {
            Ok(n) => n,
            Err(Problem::Refused(e)) => return Err(e),
            Err(_) if watch.bad_encoding().is_some() => return Err(encoding_error(name, &watch)),
            Err(Problem::NotObjects(line)) => {
                return Err(bad_field(
                    &input,
                    line,
                    "JSON",
                    text!("import-problem-not-objects"),
                ))
            }
            Err(Problem::Syntax(e)) => {
                return Err(bad_field(
                    &input,
                    e.line().max(1),
                    "JSON",
                    text!("import-problem-syntax", detail = e.to_string()),
                ))
            }
        },
        Format::Csv => csv_records(&input, &mut reader, &watch, &mut each)?,
    };
    // The hash covers the whole file, past what the parser needed (trailing blank lines).
    io::copy(&mut reader, &mut io::sink()).map_err(|e| read_error(name, &watch, &e))?;
    Ok(Scanned {
        format,
        records,
        sha256: watch.sha256(),
    })
}

fn read_error(name: &str, watch: &Watch, e: &io::Error) -> Error {
    match watch.bad_encoding() {
        Some(_) => encoding_error(name, watch),
        None => cannot_read(name, e),
    }
}

fn encoding_error(name: &str, watch: &Watch) -> Error {
    Error::usage(text!(
        "import-bad-encoding",
        file = name.to_string(),
        encoding = watch.bad_encoding().map_or("UTF-8", |e| e.name())
    ))
}

/// JSON starts with `[` or `{`; anything else is taken for CSV.
fn format_of_head(head: &[u8]) -> Format {
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') | Some(b'{') => Format::Json,
        _ => Format::Csv,
    }
}

/// Every record of a file already read into memory, in order (the small files: policies,
/// prices, assignments).
pub fn records(file: &ImportFile) -> Result<(Scanned, Vec<Record>)> {
    let mut out = Vec::new();
    let scanned = scan(Input::Bytes(file), |record| {
        out.push(record);
        Ok(())
    })?;
    Ok((scanned, out))
}

fn csv_records(
    input: &Input<'_>,
    reader: &mut dyn BufRead,
    watch: &Watch,
    each: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<u64> {
    let name = input.name();
    let mut first = Vec::new();
    reader
        .read_until(b'\n', &mut first)
        .map_err(|e| read_error(name, watch, &e))?;
    // Windows PowerShell's Export-Csv writes a "#TYPE …" line first unless told not to.
    let (skipped, header) = if first.starts_with(b"#TYPE") {
        let mut header = Vec::new();
        reader
            .read_until(b'\n', &mut header)
            .map_err(|e| read_error(name, watch, &e))?;
        (1, header)
    } else {
        (0, first)
    };
    // A French-locale export separates with ';' (the list separator where ',' is the decimal one).
    let count = |c: u8| header.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else {
        b','
    };
    let ends = Rc::new(RefCell::new(VecDeque::new()));
    let mut lines = Lines {
        ends: ends.clone(),
        line: 1 + skipped,
    };
    note_ends(&ends, 0, &header);
    let body = io::Cursor::new(header.clone()).chain(LineEnds {
        inner: reader,
        at: header.len() as u64,
        ends,
    });
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(body);
    let names: Arc<Vec<String>> = match csv.headers() {
        Ok(h) => Arc::new(h.iter().map(|n| n.trim().to_string()).collect()),
        Err(e) => return Err(csv_error(input, &mut lines, watch, &e)),
    };
    if names.iter().all(|n| n.is_empty()) {
        return Err(bad_field(
            input,
            skipped + 1,
            "header",
            text!("import-problem-no-header"),
        ));
    }
    let mut count = 0;
    let mut row = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut row) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(input, &mut lines, watch, &e)),
        }
        let line = row.position().map_or(0, |p| lines.at(p.byte()));
        if row.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        count += 1;
        each(Record {
            line,
            fields: Fields::Csv(names.clone(), row.clone()),
        })?;
    }
    Ok(count)
}

fn csv_error(input: &Input<'_>, lines: &mut Lines, watch: &Watch, e: &csv::Error) -> Error {
    if watch.bad_encoding().is_some() {
        return encoding_error(input.name(), watch);
    }
    let line = e.position().map_or(lines.line, |p| lines.at(p.byte()));
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
    bad_field(input, line, "CSV", problem)
}

/// The offsets of the line-end bytes (`\r`, `\n`) not yet counted, in order.
type Ends = Rc<RefCell<VecDeque<(u64, u8)>>>;

fn note_ends(ends: &Ends, from: u64, bytes: &[u8]) {
    let mut ends = ends.borrow_mut();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || b == b'\r' {
            ends.push_back((from + i as u64, b));
        }
    }
}

/// The bytes the CSV reader reads, their line ends noted on the way: csv's own line count is
/// one short after CRLF line ends, so lines are counted here from its byte offsets.
struct LineEnds<R> {
    inner: R,
    at: u64,
    ends: Ends,
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        note_ends(&self.ends, self.at, &buf[..n]);
        self.at += n as u64;
        Ok(n)
    }
}

/// 1-based lines of byte offsets asked for in increasing order; only the line ends not yet
/// passed are kept (the CSV reader is at most a buffer ahead).
struct Lines {
    ends: Ends,
    line: usize,
}

impl Lines {
    /// The line a record at `offset` starts on, past the line end it may start on.
    fn at(&mut self, offset: u64) -> usize {
        let mut ends = self.ends.borrow_mut();
        while let Some(&(at, b)) = ends.front() {
            if at >= offset {
                break;
            }
            self.line += usize::from(b == b'\n');
            ends.pop_front();
        }
        let mut cursor = offset;
        while let Some(&(at, b)) = ends.front() {
            if at != cursor {
                break;
            }
            self.line += usize::from(b == b'\n');
            ends.pop_front();
            cursor += 1;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Record> {
        let file = ImportFile {
            name: "f".into(),
            bytes: text.as_bytes().to_vec(),
        };
        records(&file).expect("records").1
    }

    #[test]
    fn json_records_know_their_lines() {
        let text = "[\r\n  {\r\n    \"A\": 1,\r\n    \"B\": \"}\"\r\n  },\r\n  {\r\n    \"A\": 2\r\n  }\r\n]";
        let records = all(text);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].line, 2);
        assert_eq!(records[0].get(&["b"]), Some(("}".to_string(), 4)));
        assert_eq!(records[1].line, 6);
        assert_eq!(records[1].get(&["A"]), Some(("2".to_string(), 7)));
        let one = all("{\n\"A\": 3\n}");
        assert_eq!(one[0].get(&["A"]), Some(("3".to_string(), 2)));
    }

    #[test]
    fn a_graph_response_gives_the_records_of_its_value() {
        let text = "{\n \"@odata.context\": \"x\",\n \"value\": [\n  {\"A\": 1},\n  {\n   \"A\": 2}\n ]\n}\n";
        let records = all(text);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].get(&["A"]), Some(("1".to_string(), 4)));
        assert_eq!(records[1].line, 5);
        assert_eq!(records[1].get(&["A"]), Some(("2".to_string(), 6)));
        // A `value` that is not a list is a field of one bare record.
        let bare = all("{\"value\": 3, \"B\": {\"C\": 1}}");
        assert_eq!(bare.len(), 1);
        assert_eq!(bare[0].get(&["value"]), Some(("3".to_string(), 1)));
    }

    #[test]
    fn csv_rows_know_their_lines_after_a_type_line_and_with_semicolons() {
        let text = "#TYPE Selected.X\r\n\"A\";\"B\"\r\n\"1\";\"x;y\"\r\n\"2\";\"z\"\r\n";
        let records = all(text);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].get(&["b"]), Some(("x;y".to_string(), 3)));
        assert_eq!(records[1].line, 4);
    }

    #[test]
    fn csv_lines_stay_right_past_many_buffers_and_a_quoted_line_end() {
        let mut text = String::from("A,B\r\n");
        for i in 0..20_000 {
            if i == 10_000 {
                text.push_str("\"two\r\nlines\",x\r\n");
            } else {
                text.push_str(&format!("{i},y\r\n"));
            }
        }
        let records = all(&text);
        assert_eq!(records[9_999].line, 10_001);
        assert_eq!(records[10_000].line, 10_002);
        assert_eq!(records[10_001].line, 10_004);
        assert_eq!(records[19_999].line, 20_002);
    }
}
