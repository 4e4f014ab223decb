//! The backup file's layout (see mod.rs): writing it, and reading it back with every check.

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

pub const FORMAT: &str = "selfserve-backup";
pub const VERSION: u32 = 1;
/// The longest record a reader accepts: a store value is far smaller; a larger length is damage.
const MAX_RECORD: u32 = 64 * 1024 * 1024;
/// The first line is short: a longer one is not ours.
const MAX_LINE: usize = 64;
const CHECKSUM_LEN: u64 = 32;

/// What a backup says of itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupHeader {
    /// The store's schema version (`store::SCHEMA_VERSION`) of the records inside.
    pub schema_version: u32,
    /// The database's revision: the number of writes it had committed.
    pub revision: u64,
    pub taken_at: DateTime<Utc>,
    pub tenant: String,
}

#[derive(Debug, Serialize, Deserialize)]
enum Record {
    Header(BackupHeader),
    Tree { name: String, entries: u64 },
    Entry { key: Vec<u8>, value: Vec<u8> },
    End { trees: u32, entries: u64 },
}

/// Builds a backup in memory; `finish` adds the checksum.
pub(super) struct Encoder {
    out: Vec<u8>,
}

impl Encoder {
    pub fn new(header: BackupHeader) -> Result<Encoder> {
        let mut e = Encoder {
            out: format!("{FORMAT} {VERSION}\n").into_bytes(),
        };
        e.record(&Record::Header(header))?;
        Ok(e)
    }

    fn record(&mut self, record: &Record) -> Result<()> {
        let bytes = postcard::to_stdvec(record)?;
        let len = u32::try_from(bytes.len())
            .ok()
            .filter(|len| *len <= MAX_RECORD)
            .ok_or_else(|| Error::database(text!("backup-record-too-large")))?;
        self.out.extend_from_slice(&len.to_be_bytes());
        self.out.extend_from_slice(&bytes);
        Ok(())
    }

    pub fn tree(&mut self, name: &str, entries: u64) -> Result<()> {
        self.record(&Record::Tree {
            name: name.to_string(),
            entries,
        })
    }

    pub fn entry(&mut self, key: &[u8], value: &[u8]) -> Result<()> {
        self.record(&Record::Entry {
            key: key.to_vec(),
            value: value.to_vec(),
        })
    }

    pub fn finish(mut self, trees: u32, entries: u64) -> Result<Vec<u8>> {
        self.record(&Record::End { trees, entries })?;
        let sum = Sha256::digest(&self.out);
        self.out.extend_from_slice(&sum);
        Ok(self.out)
    }
}

/// Where a reader hands each entry: its tree's name, its key and its value.
pub(super) type Sink<'a> = dyn FnMut(&str, &[u8], &[u8]) -> Result<()> + 'a;

/// What a backup holds, once read whole.
#[derive(Debug, Clone)]
pub(super) struct Contents {
    pub header: BackupHeader,
    pub entries: u64,
    pub checksum: [u8; 32],
}

/// Reads the backup at `path`, checking its line, its checksum and then every record, and hands
/// each entry to `sink` (tree name, key, value). Any damage is an error that says what it is.
pub(super) fn read(path: &Path, sink: &mut Sink<'_>) -> Result<Contents> {
    let file_name = path.display().to_string();
    let open = || File::open(path).map_err(|e| crate::store::io_failure(path, &e));
    let len = open()?
        .metadata()
        .map_err(|e| crate::store::io_failure(path, &e))?
        .len();

    // 1. The line: which format and version.
    let mut reader = BufReader::new(open()?);
    let line = read_line(&mut reader).ok_or_else(|| not_a_backup(&file_name))?;
    let version = line
        .strip_prefix(FORMAT)
        .and_then(|rest| rest.strip_prefix(' '))
        .ok_or_else(|| not_a_backup(&file_name))?;
    if version != VERSION.to_string() {
        return Err(Error::refused(text!(
            "backup-version",
            file = file_name.as_str(),
            version = version.escape_debug().to_string(),
            known = VERSION.to_string()
        )));
    }
    let line_len = line.len() as u64 + 1;

    // 2. The checksum, over everything before its 32 bytes.
    if len < line_len + CHECKSUM_LEN {
        return Err(damaged(&file_name, text!("backup-what-truncated")));
    }
    let body = len - CHECKSUM_LEN;
    let mut hasher = Sha256::new();
    let mut whole = BufReader::new(open()?).take(body);
    std::io::copy(&mut whole, &mut hasher).map_err(|e| crate::store::io_failure(path, &e))?;
    let mut rest = whole.into_inner();
    let mut stored = [0u8; 32];
    rest.read_exact(&mut stored)
        .map_err(|_| damaged(&file_name, text!("backup-what-truncated")))?;
    let checksum: [u8; 32] = hasher.finalize().into();
    if checksum != stored {
        return Err(damaged(&file_name, text!("backup-what-checksum")));
    }

    // 3. The records, hashed again as they are read: the file may not change meanwhile.
    let mut records = Records {
        reader: reader.take(body - line_len),
        hasher: Sha256::new(),
        file: &file_name,
    };
    records.hasher.update(line.as_bytes());
    records.hasher.update(b"\n");
    let header = match records.next()? {
        Some(Record::Header(h)) => h,
        _ => return Err(damaged(&file_name, text!("backup-what-no-header"))),
    };
    if header.schema_version != crate::store::SCHEMA_VERSION {
        return Err(Error::refused(text!(
            "backup-schema",
            file = file_name.as_str(),
            version = header.schema_version.to_string(),
            known = crate::store::SCHEMA_VERSION.to_string()
        )));
    }
    let (mut trees, mut entries) = (0u32, 0u64);
    let (end_trees, end_entries) = loop {
        match records.next()? {
            Some(Record::Tree { name, entries: n }) => {
                trees += 1;
                for _ in 0..n {
                    match records.next()? {
                        Some(Record::Entry { key, value }) => sink(&name, &key, &value)?,
                        _ => return Err(damaged(&file_name, text!("backup-what-out-of-order"))),
                    }
                }
                entries += n;
            }
            Some(Record::End { trees, entries }) => break (trees, entries),
            _ => return Err(damaged(&file_name, text!("backup-what-out-of-order"))),
        }
    };
    if (end_trees, end_entries) != (trees, entries) {
        return Err(damaged(&file_name, text!("backup-what-counts")));
    }
    if records.reader.limit() != 0 {
        return Err(damaged(&file_name, text!("backup-what-trailing")));
    }
    let again: [u8; 32] = records.hasher.finalize().into();
    if again != checksum {
        return Err(damaged(&file_name, text!("backup-what-changed")));
    }
    Ok(Contents {
        header,
        entries,
        checksum,
    })
}

struct Records<'a> {
    reader: std::io::Take<BufReader<File>>,
    hasher: Sha256,
    file: &'a str,
}

impl Records<'_> {
    /// The next record; `None` at the end of the records' bytes.
    fn next(&mut self) -> Result<Option<Record>> {
        let truncated = || damaged(self.file, text!("backup-what-truncated"));
        if self.reader.limit() == 0 {
            return Ok(None);
        }
        let mut len = [0u8; 4];
        self.reader.read_exact(&mut len).map_err(|_| truncated())?;
        let n = u32::from_be_bytes(len);
        if n > MAX_RECORD {
            return Err(damaged(self.file, text!("backup-what-record-too-large")));
        }
        let mut bytes = vec![0u8; n as usize];
        self.reader
            .read_exact(&mut bytes)
            .map_err(|_| truncated())?;
        self.hasher.update(len);
        self.hasher.update(&bytes);
        postcard::from_bytes(&bytes)
            .map(Some)
            .map_err(|_| damaged(self.file, text!("backup-what-unreadable")))
    }
}

/// The first line, without its newline; `None` when there is none of a sane length.
fn read_line(reader: &mut impl Read) -> Option<String> {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while line.len() <= MAX_LINE {
        reader.read_exact(&mut byte).ok()?;
        if byte[0] == b'\n' {
            return String::from_utf8(line).ok();
        }
        line.push(byte[0]);
    }
    None
}

fn not_a_backup(file: &str) -> Error {
    Error::refused(text!("backup-not-a-backup", file = file, format = FORMAT))
}

/// A damaged backup: `what` is a `backup-what-…` message.
pub(super) fn damaged(file: &str, what: Text) -> Error {
    Error::refused(text!("backup-damaged", file = file, what = what))
}
