//! The client's end of the protocol: blocking, as the command line is. One request at a time on
//! one connection; the frames are frame.rs's. Generic over the byte stream, so the same client
//! speaks over a Unix socket here and over the pipes of `ssh HOST selfserve connect` (remote.rs).

use crate::frame::{decode, encode, read_frame, write_frame, MAX_REPLY};
use crate::protocol::{
    Connected, Hello, HelloReply, Notice, ToClient, ToServer, Welcome, PROTOCOL,
};
use selfserve_core::api::Response;
use selfserve_core::i18n::Text;
use selfserve_core::import::cannot_read;
use selfserve_core::{text, Error};
use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// A server that does not answer its hello within this time is stuck.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);

/// A connection to a server over any byte stream that reads its answers and takes its requests.
pub struct FramedClient<S> {
    stream: Mutex<S>,
    /// Where the server is, for messages: a socket path, or a host over ssh.
    server: Text,
}

/// Who connects, as the front end says: never who acts (the server asks the kernel).
pub struct Connect<'a> {
    pub socket: &'a Path,
    /// `cli`, `dashboard`, ...
    pub front_end: &'a str,
    /// `SELFSERVE_USER`, where set.
    pub login: Option<&'a str>,
    pub read_only: bool,
}

impl Connect<'_> {
    fn hello(&self) -> Hello {
        Hello {
            protocol: PROTOCOL,
            front_end: self.front_end.to_string(),
            login: self.login.map(str::to_string),
            read_only: self.read_only,
        }
    }
}

/// Connects to the socket and says hello; `None` when no server answers there (no socket, or a
/// stale one).
pub fn connect_socket(to: &Connect) -> Result<Option<(FramedClient<UnixStream>, Welcome)>, Error> {
    let socket = to.socket;
    let stream = match UnixStream::connect(socket) {
        Ok(stream) => stream,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Ok(None)
        }
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            return Err(Error::denied(text!(
                "server-connect-denied",
                socket = socket.display().to_string(),
                error = e.to_string()
            )))
        }
        Err(e) => {
            return Err(Error::database(text!(
                "server-connect-failed",
                socket = socket.display().to_string(),
                error = e.to_string()
            )))
        }
    };
    let server = Text::Verbatim(socket.display().to_string());
    let gone = |e: io::Error| went_away(&server, &e);
    stream.set_read_timeout(Some(HELLO_TIMEOUT)).map_err(gone)?;
    let (client, welcome) = FramedClient::hello(stream, server.clone(), &to.hello())??;
    client.lock().set_read_timeout(None).map_err(gone)?;
    Ok(Some((client, welcome)))
}

impl<S: Read + Write> FramedClient<S> {
    /// Says hello on `stream` to the server described by `server`. The outer error is no
    /// answer (the stream broke or timed out); the inner one the server's refusal.
    pub fn hello(
        mut stream: S,
        server: Text,
        hello: &Hello,
    ) -> Result<Result<(Self, Welcome), Error>, Error> {
        let gone = |e: io::Error| went_away(&server, &e);
        // A server that refuses at once (too many connections) may close before our hello is
        // written: its refusal is still there to read, and says more than the broken pipe.
        let sent = write_frame(&mut stream, &encode(hello)?);
        let reply = match (read_frame(&mut stream, MAX_REPLY), sent) {
            (Ok(reply), _) => reply,
            (Err(_), Err(e)) => return Err(gone(e)),
            (Err(e), Ok(())) => {
                return Err(match e.kind() {
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => Error::database(text!(
                        "server-hello-timeout",
                        server = server.clone(),
                        seconds = HELLO_TIMEOUT.as_secs()
                    )),
                    _ => gone(e),
                })
            }
        };
        Ok(match decode::<HelloReply>(&reply) {
            Some(HelloReply::Welcome(welcome)) => Ok((
                FramedClient {
                    stream: Mutex::new(stream),
                    server,
                },
                welcome,
            )),
            Some(HelloReply::Refused(why)) => Err(why),
            None => Err(Error::database(text!(
                "server-hello-garbled",
                server = server
            ))),
        })
    }

    /// The stream, for one exchange at a time. A poisoned lock only means another thread
    /// failed mid-exchange, and then the stream's next read says so.
    fn lock(&self) -> std::sync::MutexGuard<'_, S> {
        self.stream
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Sends `message` and reads until its answer, putting the progress reported into `progress`.
    fn exchange(&self, message: &ToServer, progress: &AtomicU64) -> Result<ToClient, Error> {
        let payload = encode(message)?;
        let mut stream = self.lock();
        let gone = |e: io::Error| went_away(&self.server, &e);
        write_frame(&mut *stream, &payload).map_err(gone)?;
        loop {
            let frame = read_frame(&mut *stream, MAX_REPLY).map_err(gone)?;
            match decode::<ToClient>(&frame) {
                Some(ToClient::Progress(records)) => progress.store(records, Ordering::Relaxed),
                Some(reply) => return Ok(reply),
                None => {
                    return Err(went_away_because(
                        &self.server,
                        text!("server-unreadable-answer"),
                    ))
                }
            }
        }
    }

    pub fn call(
        &self,
        request: selfserve_core::api::Request,
        progress: &AtomicU64,
    ) -> Result<Response, Error> {
        match self.exchange(&ToServer::Call(request), progress)? {
            ToClient::Answer(answer) => *answer,
            _ => Err(self.mismatch()),
        }
    }

    /// Sends the file at `path` in pieces, then `request`, the import of it (its own file bytes
    /// empty): a file larger than a frame goes through, and neither end holds it whole.
    pub fn call_uploaded(
        &self,
        request: selfserve_core::api::Request,
        path: &Path,
        progress: &AtomicU64,
    ) -> Result<Response, Error> {
        const PIECE: usize = 1024 * 1024;
        let unreadable = |e: io::Error| cannot_read(&path.display().to_string(), &e);
        let mut file = std::fs::File::open(path).map_err(unreadable)?;
        let mut piece = vec![0u8; PIECE];
        {
            let mut stream = self.lock();
            loop {
                let n = read_full(&mut file, &mut piece).map_err(unreadable)?;
                if n == 0 {
                    break;
                }
                let payload = encode(&ToServer::Upload(piece[..n].to_vec()))?;
                write_frame(&mut *stream, &payload).map_err(|e| went_away(&self.server, &e))?;
            }
        }
        match self.exchange(&ToServer::CallUploaded(request), progress)? {
            ToClient::Answer(answer) => *answer,
            _ => Err(self.mismatch()),
        }
    }

    pub fn status(&self) -> Result<Vec<Connected>, Error> {
        match self.exchange(&ToServer::Status, &AtomicU64::new(0))? {
            ToClient::Status(connected) => Ok(connected),
            _ => Err(self.mismatch()),
        }
    }

    /// Turns the connection into a watcher; returns the revision its notices start from.
    pub fn watch(&self) -> Result<u64, Error> {
        match self.exchange(&ToServer::Watch, &AtomicU64::new(0))? {
            ToClient::Watching(revision) => Ok(revision),
            _ => Err(self.mismatch()),
        }
    }

    /// Waits for the next notice of a watching connection.
    pub fn next_notice(&self) -> Result<Notice, Error> {
        let mut stream = self.lock();
        let frame = read_frame(&mut *stream, MAX_REPLY).map_err(|e| went_away(&self.server, &e))?;
        match decode::<ToClient>(&frame) {
            Some(ToClient::Notice(notice)) => Ok(notice),
            _ => Err(self.mismatch()),
        }
    }

    fn mismatch(&self) -> Error {
        Error::database(text!("server-mismatch", server = self.server.clone()))
    }
}

fn went_away(server: &Text, e: &io::Error) -> Error {
    went_away_because(server, Text::Verbatim(e.to_string()))
}

fn went_away_because(server: &Text, why: Text) -> Error {
    Error::database(text!(
        "server-went-away",
        server = server.clone(),
        error = why
    ))
}

/// Fills `buf` from `reader` as far as the file goes; 0 at its end.
fn read_full(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}
