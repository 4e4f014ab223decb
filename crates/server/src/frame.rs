//! The framing both ends speak: each message is a 4-byte big-endian length, then that many bytes
//! of postcard. The server reads with tokio-util's `LengthDelimitedCodec` (its default layout is
//! this one); the command-line client, which is synchronous, reads and writes the same layout on a
//! blocking socket with the two functions below.

use selfserve_core::{text, Error};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io::{self, Read, Write};
use tokio_util::codec::LengthDelimitedCodec;

/// The largest frame a server reads: a request is small; a larger frame is an attack or a bug,
/// and its connection is closed.
pub const MAX_REQUEST: usize = 16 * 1024 * 1024;

/// The largest frame a client reads: answers can list a whole tenant, so allow much more.
pub const MAX_REPLY: usize = 1024 * 1024 * 1024;

/// A codec of this layout refusing frames over `max` bytes.
pub fn codec(max: usize) -> LengthDelimitedCodec {
    LengthDelimitedCodec::builder()
        .max_frame_length(max)
        .new_codec()
}

/// A message as a frame's payload.
pub fn encode<T: Serialize>(message: &T) -> Result<Vec<u8>, Error> {
    postcard::to_stdvec(message)
        .map_err(|e| Error::database(text!("server-encode", error = e.to_string())))
}

/// A frame's payload as a message; `None` when it is not one (garbage or another version).
pub fn decode<T: DeserializeOwned>(payload: &[u8]) -> Option<T> {
    postcard::from_bytes(payload).ok()
}

/// Writes one frame to a blocking stream.
pub fn write_frame(stream: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    let len = u32::try_from(payload.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "frame too large"))?;
    stream.write_all(&len.to_be_bytes())?;
    stream.write_all(payload)?;
    stream.flush()
}

/// Reads one frame from a blocking stream; a length over `max` is an error before anything is
/// allocated for it.
pub fn read_frame(stream: &mut impl Read, max: usize) -> io::Result<Vec<u8>> {
    let mut len = [0u8; 4];
    stream.read_exact(&mut len)?;
    let len = u32::from_be_bytes(len) as usize;
    if len > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("a frame of {len} bytes, more than the {max} allowed"),
        ));
    }
    let mut payload = vec![0u8; len];
    stream.read_exact(&mut payload)?;
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::BytesMut;
    use tokio_util::codec::{Decoder, Encoder};

    #[test]
    fn the_blocking_frames_are_the_codecs_frames() {
        let mut written = Vec::new();
        write_frame(&mut written, b"hello").expect("write");
        let mut buf = BytesMut::from(&written[..]);
        let frame = codec(MAX_REQUEST).decode(&mut buf).expect("decode");
        assert_eq!(frame.as_deref(), Some(&b"hello"[..]));

        let mut encoded = BytesMut::new();
        codec(MAX_REPLY)
            .encode(bytes::Bytes::from_static(b"world"), &mut encoded)
            .expect("encode");
        let read = read_frame(&mut &encoded[..], MAX_REPLY).expect("read");
        assert_eq!(read, b"world");
    }

    #[test]
    fn a_frame_over_the_limit_is_refused_before_it_is_read() {
        let claim = u32::MAX.to_be_bytes();
        let err = read_frame(&mut &claim[..], MAX_REQUEST).expect_err("refused");
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        let mut buf = BytesMut::from(&claim[..]);
        assert!(codec(MAX_REQUEST).decode(&mut buf).is_err());
    }
}
