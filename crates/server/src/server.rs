//! `selfserve serve`: one process owns the database (sled admits one) and answers every front end
//! on a Unix socket. Reads run side by side; writes take turns; the kernel says who each peer is.

use crate::connections::{Connections, Ticket};
use crate::frame::{codec, decode, encode, MAX_REPLY, MAX_REQUEST};
use crate::handshake::{actor_for, read_hello};
use crate::notices::{small_send_buffer, Notices};
use crate::protocol::{Connected, Hello, HelloReply, ToClient, ToServer, Welcome, PROTOCOL};
use bytes::Bytes;
use chrono::Utc;
use futures_util::{SinkExt, StreamExt};
use selfserve_core::api::{dispatch, Change, Request, Response};
use selfserve_core::{Error, Store};
use std::fmt::Display;
use std::io;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{UnixListener, UnixStream};
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::{Mutex, RwLock};
use tokio_util::codec::{FramedRead, FramedWrite, LengthDelimitedCodec};

/// What `selfserve serve` was asked to do.
pub struct ServeOptions {
    pub db: PathBuf,
    pub socket: PathBuf,
    /// The group whose members may connect (socket mode 0660); else the owner only (0600).
    pub group: Option<String>,
    /// Every connection read-only.
    pub read_only: bool,
}

/// The socket beside a database when none is named: `tenant.db` → `tenant.db.sock`.
pub fn default_socket(db: &Path) -> PathBuf {
    let mut socket = db.as_os_str().to_owned();
    socket.push(".sock");
    PathBuf::from(socket)
}

/// A client must say hello within this time, or its place is given back.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
/// How often a long read reports its progress.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);
/// How long a stop waits for answers in flight to reach slow clients.
const STOP_GRACE: Duration = Duration::from_secs(5);

/// Serves until SIGTERM or SIGINT; the socket is gone when this returns.
pub fn serve(options: &ServeOptions) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::database(format!("cannot start the server's runtime: {e}")))?;
    let outcome = runtime.block_on(run(options));
    // A read still running (a long check) need not finish: nothing it does changes the database.
    runtime.shutdown_timeout(Duration::from_millis(200));
    outcome
}

struct Shared {
    store: Arc<Store>,
    socket: PathBuf,
    /// The uid the server runs as: its peers may act as any login (see identity.rs).
    uid: u32,
    read_only: bool,
    connections: Arc<Connections>,
    /// Held by the write running, so writes take turns.
    writes: Mutex<()>,
    /// Read-held by every request until its answer is sent; a stop takes it to wait for them.
    in_flight: RwLock<()>,
    /// Where each committed write is announced to the watching connections.
    notices: Notices,
}

async fn run(options: &ServeOptions) -> Result<(), Error> {
    let gid = options.group.as_deref().map(group_id).transpose()?;
    refuse_live_socket(&options.socket).await?;
    let store = Arc::new(Store::open(&options.db)?);
    let listener = bind(&options.socket, gid, options.group.as_deref())?;
    let inode = std::fs::metadata(&options.socket).map(|m| m.ino()).ok();
    store.note_serving(&options.socket);
    let mode = if gid.is_some() { "0660" } else { "0600" };
    log(format_args!(
        "serving {} on {} (mode {mode}, pid {})",
        options.db.display(),
        options.socket.display(),
        std::process::id()
    ));

    let shared = Arc::new(Shared {
        store,
        socket: options.socket.clone(),
        uid: nix::unistd::geteuid().as_raw(),
        read_only: options.read_only,
        connections: Arc::new(Connections::default()),
        writes: Mutex::new(()),
        in_flight: RwLock::new(()),
        notices: Notices::default(),
    });
    let stopped_by = accept_until_signal(&listener, &shared).await?;
    drop(listener);
    log(format_args!(
        "{stopped_by}: no new connections; waiting for the requests in flight"
    ));
    let _last = tokio::time::timeout(STOP_GRACE, shared.in_flight.write()).await;
    // Past the grace, a write still running must end before the database is let go.
    let _turn = shared.writes.lock().await;
    // Remove the socket only if it is still ours (not one a later server bound).
    if std::fs::metadata(&options.socket).map(|m| m.ino()).ok() == inode {
        let _ = std::fs::remove_file(&options.socket);
    }
    shared.store.clear_serving_note();
    log("stopped");
    Ok(())
}

async fn accept_until_signal(
    listener: &UnixListener,
    shared: &Arc<Shared>,
) -> Result<&'static str, Error> {
    let signal_error = |e: io::Error| Error::database(format!("cannot watch for signals: {e}"));
    let mut term = signal(SignalKind::terminate()).map_err(signal_error)?;
    let mut int = signal(SignalKind::interrupt()).map_err(signal_error)?;
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    tokio::spawn(connection(stream, shared.clone()));
                }
                Err(e) => {
                    // Out of file descriptors, most likely: wait rather than spin.
                    log(format_args!("cannot accept a connection: {e}"));
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            _ = term.recv() => return Ok("SIGTERM"),
            _ = int.recv() => return Ok("SIGINT"),
        }
    }
}

/// Fails if a server answers on `socket`; removes a socket nobody answers on (a killed server's).
async fn refuse_live_socket(socket: &Path) -> Result<(), Error> {
    let meta = match std::fs::symlink_metadata(socket) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(socket_error(socket, &e)),
    };
    if !meta.file_type().is_socket() {
        return Err(Error::usage(format!(
            "{} exists and is not a socket; remove it or pass another --socket",
            socket.display()
        )));
    }
    match UnixStream::connect(socket).await {
        Ok(stream) => {
            let pid = stream
                .peer_cred()
                .ok()
                .and_then(|c| c.pid())
                .map(|pid| format!(" (pid {pid})"))
                .unwrap_or_default();
            Err(Error::database(format!(
                "a server{pid} already answers on {}; stop it first, or pass another --socket",
                socket.display()
            )))
        }
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
            log(format_args!(
                "replacing the stale socket {} (nobody answers on it)",
                socket.display()
            ));
            std::fs::remove_file(socket).map_err(|e| socket_error(socket, &e))
        }
        Err(e) => Err(socket_error(socket, &e)),
    }
}

fn bind(socket: &Path, gid: Option<u32>, group: Option<&str>) -> Result<UnixListener, Error> {
    let listener = UnixListener::bind(socket).map_err(|e| socket_error(socket, &e))?;
    if let (Some(gid), Some(group)) = (gid, group) {
        std::os::unix::fs::chown(socket, None, Some(gid)).map_err(|e| {
            Error::database(format!(
                "cannot give the socket {} to the group {group}: {e}; run the server as root or as a member of {group}",
                socket.display()
            ))
        })?;
    }
    let mode = if gid.is_some() { 0o660 } else { 0o600 };
    std::fs::set_permissions(socket, std::fs::Permissions::from_mode(mode))
        .map_err(|e| socket_error(socket, &e))?;
    Ok(listener)
}

fn group_id(name: &str) -> Result<u32, Error> {
    match nix::unistd::Group::from_name(name) {
        Ok(Some(group)) => Ok(group.gid.as_raw()),
        Ok(None) => Err(Error::usage(format!(
            "there is no group {name:?} on this host; create it (`groupadd {name}`) or pass another --group"
        ))),
        Err(e) => Err(Error::database(format!(
            "cannot look up the group {name:?}: {e}; check the host's group database"
        ))),
    }
}

fn socket_error(socket: &Path, e: &io::Error) -> Error {
    Error::database(format!(
        "cannot use the socket {}: {e}; check its directory and permissions, or pass another --socket",
        socket.display()
    ))
}

/// One log line on stderr.
fn log(line: impl Display) {
    eprintln!(
        "{} selfserve serve: {line}",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ")
    );
}

type Reader = FramedRead<OwnedReadHalf, LengthDelimitedCodec>;
type Writer = FramedWrite<OwnedWriteHalf, LengthDelimitedCodec>;

/// One client, from its hello to its last request. Whatever it sends, only its own connection
/// can end.
async fn connection(stream: UnixStream, shared: Arc<Shared>) {
    let (uid, pid) = match stream.peer_cred() {
        Ok(cred) => (cred.uid(), cred.pid()),
        Err(e) => return log(format_args!("a peer with no credentials, closed: {e}")),
    };
    let (read, write) = stream.into_split();
    let mut reader = FramedRead::new(read, codec(MAX_REQUEST));
    let mut writer = FramedWrite::new(write, codec(MAX_REPLY));
    let ticket = match shared.connections.admit(uid) {
        Ok(ticket) => ticket,
        Err(refusal) => {
            log(format_args!(
                "refused a connection from uid {uid}: {refusal}"
            ));
            let _ = send(&mut writer, &HelloReply::Refused(refusal)).await;
            return;
        }
    };
    let hello = match handshake(&mut reader, &mut writer, &shared, &ticket, uid, pid).await {
        Ok(session) => session,
        Err(why) => {
            return log(format_args!(
                "connection {} (uid {uid}) closed: {why}",
                ticket.id
            ))
        }
    };
    if let Err(why) = requests(&mut reader, &mut writer, &shared, uid, &hello, ticket.id).await {
        log(format_args!(
            "connection {} (uid {uid}) closed: {why}",
            ticket.id
        ));
    }
}

/// Reads the hello, decides who acts, and welcomes or refuses; `Err` says why the connection ends.
async fn handshake(
    reader: &mut Reader,
    writer: &mut Writer,
    shared: &Arc<Shared>,
    ticket: &Ticket,
    uid: u32,
    pid: Option<i32>,
) -> Result<Hello, String> {
    let frame = match tokio::time::timeout(HELLO_TIMEOUT, reader.next()).await {
        Err(_) => return Err("no hello in time".into()),
        Ok(None) => return Err("gone before its hello".into()),
        Ok(Some(Err(e))) => return Err(format!("an unreadable hello: {e}")),
        Ok(Some(Ok(frame))) => frame,
    };
    let decided = match read_hello(&frame, &shared.socket) {
        Ok(hello) => {
            let (store, server, read_only, asked) = (
                shared.store.clone(),
                shared.uid,
                shared.read_only,
                hello.clone(),
            );
            tokio::task::spawn_blocking(move || actor_for(&store, uid, server, &asked, read_only))
                .await
                .unwrap_or_else(|_| Err(failed()))
                .map(|actor| (hello, actor))
        }
        Err(refusal) => Err(refusal),
    };
    let (hello, actor) = match decided {
        Ok(accepted) => accepted,
        Err(refusal) => {
            let why = format!("refused: {refusal}");
            let _ = send(writer, &HelloReply::Refused(refusal)).await;
            return Err(why);
        }
    };
    let connected = Connected {
        login: actor.admin.login.clone(),
        role: actor.role(),
        since: chrono::Utc::now(),
        front_end: hello.front_end.clone(),
        uid,
        pid,
        read_only: actor.is_read_only(),
    };
    log(format_args!(
        "connection {}: {} ({:?}{}, uid {uid}{}, {})",
        ticket.id,
        connected.login,
        connected.role,
        if connected.read_only {
            ", read-only"
        } else {
            ""
        },
        pid.map(|p| format!(", pid {p}")).unwrap_or_default(),
        connected.front_end
    ));
    let welcome = Welcome {
        protocol: PROTOCOL,
        version: env!("CARGO_PKG_VERSION").to_string(),
        pid: std::process::id(),
        login: connected.login.clone(),
        role: connected.role,
        connection: ticket.id,
    };
    shared.connections.welcome(ticket, connected);
    send(writer, &HelloReply::Welcome(welcome))
        .await
        .map_err(|e| format!("cannot send the welcome: {e}"))?;
    Ok(Hello {
        read_only: hello.read_only || actor.is_read_only(),
        ..hello
    })
}

/// Answers requests until the client closes; `Err` says why the server closed it instead.
async fn requests(
    reader: &mut Reader,
    writer: &mut Writer,
    shared: &Arc<Shared>,
    uid: u32,
    hello: &Hello,
    connection: u64,
) -> Result<(), String> {
    while let Some(frame) = reader.next().await {
        let frame = frame.map_err(|e| format!("an unreadable frame: {e}"))?;
        let message = decode::<ToServer>(&frame).ok_or("a frame that is no selfserve message")?;
        // Each answer is in flight until sent: a stop waits for it (not for watchers).
        let (reply, _answering) = match message {
            ToServer::Watch => return watch(reader, writer, shared).await,
            ToServer::Status => {
                let answering = shared.in_flight.read().await;
                (ToClient::Status(shared.connections.list()), answering)
            }
            ToServer::Call(request) => {
                let answering = shared.in_flight.read().await;
                let answer = call(shared, uid, hello, request, writer, connection).await?;
                (ToClient::Answer(Box::new(answer)), answering)
            }
        };
        send(writer, &reply)
            .await
            .map_err(|e| format!("cannot send an answer: {e}"))?;
    }
    Ok(())
}

/// Sends the client a notice of every committed write until it closes; it may ask nothing more.
async fn watch(
    reader: &mut Reader,
    writer: &mut Writer,
    shared: &Arc<Shared>,
) -> Result<(), String> {
    // Subscribed before the revision is read, so no write falls between the two.
    let mut notices = shared.notices.watch();
    let revision = shared
        .store
        .revision()
        .map_err(|e| format!("cannot read the revision: {e}"))?;
    small_send_buffer(writer.get_ref().as_ref())
        .map_err(|e| format!("cannot size the socket's buffer: {e}"))?;
    send(writer, &ToClient::Watching(revision))
        .await
        .map_err(|e| format!("cannot start the notices: {e}"))?;
    loop {
        tokio::select! {
            notice = notices.next() => match notice {
                Some(notice) => send(writer, &notice)
                    .await
                    .map_err(|e| format!("cannot send a notice: {e}"))?,
                None => return Ok(()),
            },
            frame = reader.next() => return match frame {
                None => Ok(()),
                Some(_) => Err("a watching connection sent a request".into()),
            },
        }
    }
}

/// Runs one request on a blocking thread: writes one at a time, reads side by side. A write
/// that commits is announced to the watchers before the next write may start.
async fn call(
    shared: &Arc<Shared>,
    uid: u32,
    hello: &Hello,
    request: Request,
    writer: &mut Writer,
    connection: u64,
) -> Result<Result<Response, Error>, String> {
    let writes = request.writes();
    let name = request.name();
    let turn = if writes {
        Some(shared.writes.lock().await)
    } else {
        None
    };
    let progress = Arc::new(AtomicU64::new(0));
    let (store, server, read_only, asked, counter) = (
        shared.store.clone(),
        shared.uid,
        shared.read_only,
        hello.clone(),
        progress.clone(),
    );
    // The actor is looked up for each request, so a removed administrator loses access at once.
    let mut task = tokio::task::spawn_blocking(move || {
        let actor = actor_for(&store, uid, server, &asked, read_only)?;
        let login = actor.admin.login.clone();
        let announce = writes.then(|| request.clone());
        // A revision that cannot be read (a damaged counter fails the write too) means no notice.
        let before = store.revision().ok();
        let response = dispatch(&store, &actor, request, &counter)?;
        let after = store.revision().ok().filter(|after| Some(*after) != before);
        let change = announce
            .zip(after)
            .and_then(|(request, revision)| Change::of(&request, &actor, revision, Utc::now()));
        Ok((response, login, change))
    });
    let mut ticks = tokio::time::interval(PROGRESS_EVERY);
    let mut reported = 0;
    let joined = loop {
        tokio::select! {
            joined = &mut task => break joined,
            // Only reads report progress (the check): a write never waits on a client's
            // socket while it holds the turn.
            _ = ticks.tick(), if !writes => {
                let now = progress.load(Ordering::Relaxed);
                if now != reported {
                    reported = now;
                    send(writer, &ToClient::Progress(now))
                        .await
                        .map_err(|e| format!("cannot send progress: {e}"))?;
                }
            }
        }
    };
    let answer = joined.unwrap_or_else(|_| Err(failed()));
    if let Ok((_, _, Some(change))) = &answer {
        shared.notices.publish(change.clone(), connection);
    }
    drop(turn);
    if writes {
        match &answer {
            Ok((_, login, change)) => log(format_args!(
                "{login}: {name} done{}",
                change
                    .as_ref()
                    .map(|c| format!(" (revision {})", c.revision))
                    .unwrap_or_default()
            )),
            Err(e) => log(format_args!(
                "uid {uid}: {name} refused (exit {}): {e}",
                e.exit_code()
            )),
        }
    }
    Ok(answer.map(|(response, _, _)| response))
}

fn failed() -> Error {
    Error::database("the server failed while answering; see its log, and run `selfserve check`")
}

/// Sends one message; an answer too large for a frame becomes an error the client can show.
async fn send<T: serde::Serialize>(writer: &mut Writer, message: &T) -> io::Result<()> {
    let payload = encode(message).map_err(io::Error::other)?;
    let payload = if payload.len() > MAX_REPLY {
        encode(&ToClient::Answer(Box::new(Err(Error::refused(
            "the answer is larger than a frame may be; narrow the request",
        )))))
        .map_err(io::Error::other)?
    } else {
        payload
    };
    writer.send(Bytes::from(payload)).await
}
