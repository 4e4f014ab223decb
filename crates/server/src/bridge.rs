//! `selfserve connect`: standard input and output joined to the server's socket, byte for byte,
//! so that `ssh HOST selfserve connect` carries the socket protocol (remote.rs is the other end).
//! The server sees this process as its peer: the SSH login acts, and nothing here says otherwise.

use selfserve_core::{text, Error};
use std::fs::File;
use std::io::{self, Read, Write};
use std::net::Shutdown;
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::path::Path;

/// Copies stdin to the socket and the socket to stdout until the server closes; stdin ending
/// first is passed on as the end of our half, and the server then closes its own.
pub fn bridge(socket: &Path) -> Result<(), Error> {
    let stream = UnixStream::connect(socket).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused => Error::database(text!(
            "server-no-server",
            socket = socket.display().to_string()
        )),
        io::ErrorKind::PermissionDenied => Error::denied(text!(
            "server-connect-denied",
            socket = socket.display().to_string(),
            error = e.to_string()
        )),
        _ => Error::database(text!(
            "server-connect-failed",
            socket = socket.display().to_string(),
            error = e.to_string()
        )),
    })?;
    let cannot =
        |e: io::Error| Error::database(text!("server-bridge-streams", error = e.to_string()));
    // Unbuffered handles on fds 0 and 1: Rust's stdout buffers until a newline, and frames
    // must pass at once.
    let mut input = File::from(io::stdin().as_fd().try_clone_to_owned().map_err(cannot)?);
    let mut output = File::from(io::stdout().as_fd().try_clone_to_owned().map_err(cannot)?);
    let mut to_server = stream.try_clone().map_err(cannot)?;
    // The thread ends with stdin; the process may end first, when the server closes.
    std::thread::spawn(move || {
        let _ = pump(&mut input, &mut to_server);
        let _ = to_server.shutdown(Shutdown::Write);
    });
    let mut from_server = stream;
    pump(&mut from_server, &mut output).map_err(|e| {
        Error::database(text!(
            "server-bridge-broke",
            socket = socket.display().to_string(),
            error = e.to_string()
        ))
    })?;
    Ok(())
}

/// Copies until `from` ends, through a buffer of our own. Not `io::copy`: between a pipe and a
/// socket it uses splice(2), and on a 6.18 kernel here bytes spliced from the socket into the
/// pipe did not all reach its reader (a frame's length arrived, its payload never did).
fn pump(from: &mut impl Read, to: &mut impl Write) -> io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        to.write_all(&buf[..n])?;
    }
}
