//! An import file as a stream of UTF-8 bytes, read once and never whole: its SHA-256 is taken
//! from the raw bytes as they pass, a BOM names the encoding (UTF-16 is transcoded on the way),
//! and text that is not what it claims is caught as it is read.

use encoding_rs::{DecoderResult, Encoding, UTF_8};
use sha2::{Digest, Sha256};
use std::cell::{Cell, RefCell};
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

/// What the stream found out, kept by the caller while the readers are owned by a parser.
#[derive(Default)]
pub(crate) struct Watch {
    hash: RefCell<Sha256>,
    /// The encoding, once the BOM was looked at, when the bytes are not valid in it.
    bad_encoding: Cell<Option<&'static Encoding>>,
}

impl Watch {
    pub(crate) fn bad_encoding(&self) -> Option<&'static Encoding> {
        self.bad_encoding.get()
    }

    /// The hex SHA-256 of every raw byte read so far.
    pub(crate) fn sha256(&self) -> String {
        super::hex(&self.hash.borrow().clone().finalize())
    }
}

/// The raw bytes, hashed as they are read.
struct Hashed<R> {
    inner: R,
    watch: Rc<Watch>,
}

impl<R: Read> Read for Hashed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.watch.hash.borrow_mut().update(&buf[..n]);
        Ok(n)
    }
}

/// The file as UTF-8: `raw` after its BOM, transcoded from UTF-16 where the BOM says so.
pub(crate) fn utf8<'a>(raw: impl Read + 'a, watch: Rc<Watch>) -> io::Result<Box<dyn BufRead + 'a>> {
    const CAPACITY: usize = 64 * 1024;
    let mut reader = BufReader::with_capacity(
        CAPACITY,
        Hashed {
            inner: raw,
            watch: watch.clone(),
        },
    );
    let head = fill_at_least(&mut reader, 3)?;
    let (encoding, bom) = Encoding::for_bom(&head).unwrap_or((UTF_8, 0));
    reader.consume(bom);
    if encoding == UTF_8 {
        let checked = Utf8Checked {
            inner: reader,
            pending: Vec::new(),
            at: 0,
            checked: 0,
            watch,
        };
        return Ok(Box::new(BufReader::with_capacity(CAPACITY, checked)));
    }
    let transcoded = Transcoded {
        inner: reader,
        decoder: encoding.new_decoder_without_bom_handling(),
        encoding,
        pending: Vec::new(),
        at: 0,
        done: false,
        watch,
    };
    Ok(Box::new(BufReader::with_capacity(CAPACITY, transcoded)))
}

/// The first bytes of the stream (at least `n` unless it is shorter), left unconsumed.
fn fill_at_least(reader: &mut impl BufRead, n: usize) -> io::Result<Vec<u8>> {
    let buffer = reader.fill_buf()?;
    // A BufReader returns what one read gave; a BOM split over two reads is not worth more.
    Ok(buffer[..buffer.len().min(n)].to_vec())
}

fn invalid(watch: &Watch, encoding: &'static Encoding) -> io::Error {
    watch.bad_encoding.set(Some(encoding));
    io::Error::new(io::ErrorKind::InvalidData, "not valid text")
}

/// UTF-8 passed through, failing at the first byte that is not UTF-8. A character split
/// between two reads waits in `pending` for the rest of it.
struct Utf8Checked<R> {
    inner: R,
    /// Bytes read: `..checked` are valid and not yet given out from `at`; the rest is the start
    /// of a character cut by the end of a read.
    pending: Vec<u8>,
    at: usize,
    checked: usize,
    watch: Rc<Watch>,
}

impl<R: Read> Read for Utf8Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.checked {
            self.pending.drain(..self.checked);
            (self.at, self.checked) = (0, 0);
            let kept = self.pending.len();
            self.pending.resize(kept + 64 * 1024, 0);
            let read = self.inner.read(&mut self.pending[kept..])?;
            self.pending.truncate(kept + read);
            if self.pending.is_empty() {
                return Ok(0);
            }
            self.checked = match std::str::from_utf8(&self.pending) {
                Ok(_) => self.pending.len(),
                // Cut by the end of the read, not by the end of the file: wait for the rest.
                Err(e) if e.error_len().is_none() && read > 0 => e.valid_up_to(),
                Err(_) => return Err(invalid(&self.watch, UTF_8)),
            };
        }
        let n = buf.len().min(self.checked - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// UTF-16 (either order) decoded to UTF-8 as it is read, failing on an unpaired surrogate.
struct Transcoded<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    encoding: &'static Encoding,
    pending: Vec<u8>,
    at: usize,
    done: bool,
    watch: Rc<Watch>,
}

impl<R: BufRead> Read for Transcoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.pending.len() {
            if self.done {
                return Ok(0);
            }
            let input = self.inner.fill_buf()?;
            let last = input.is_empty();
            self.pending.clear();
            self.pending.resize(input.len() * 3 / 2 + 16, 0);
            self.at = 0;
            let (result, read, written) =
                self.decoder
                    .decode_to_utf8_without_replacement(input, &mut self.pending, last);
            self.inner.consume(read);
            self.pending.truncate(written);
            match result {
                DecoderResult::Malformed(..) => return Err(invalid(&self.watch, self.encoding)),
                DecoderResult::InputEmpty => self.done = last,
                DecoderResult::OutputFull => {}
            }
        }
        let n = buf.len().min(self.pending.len() - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8]) -> (io::Result<String>, Rc<Watch>) {
        let watch = Rc::new(Watch::default());
        let outcome = utf8(io::Cursor::new(bytes.to_vec()), watch.clone()).and_then(|mut r| {
            let mut text = String::new();
            r.read_to_string(&mut text).map(|_| text)
        });
        (outcome, watch)
    }

    #[test]
    fn utf16le_with_a_bom_and_utf8_with_or_without_one_read_the_same() {
        let text = "[{\"a\":\"Adèle 😀\"}]\r\n".repeat(5000);
        let text = text.as_str();
        let mut utf16 = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let mut bom8 = vec![0xef, 0xbb, 0xbf];
        bom8.extend_from_slice(text.as_bytes());
        for (name, bytes) in [("utf-16", utf16), ("bom", bom8), ("utf-8", text.into())] {
            let (read, watch) = read_all(&bytes);
            let read = read.map_err(|e| format!("{name}: {e}"));
            assert!(
                read.as_deref() == Ok(text),
                "{name} differs: {:?}",
                read.err()
            );
            let whole: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(watch.sha256(), whole);
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_and_named() {
        let (read, watch) = read_all(&[0x41, 0xff, 0x42]);
        assert!(read.is_err());
        assert_eq!(watch.bad_encoding(), Some(UTF_8));
        // A character cut at the very end of the file is not a whole one either.
        let (read, _) = read_all(&[0x41, 0xc3]);
        assert!(read.is_err());
    }
}
