//! `selfserve serve`: one process owns the database (sled admits one) and answers every front end
//! on a Unix socket. Reads run side by side; writes take turns; the kernel says who each peer is.

use crate::connections::{Connections, Ticket};
use crate::frame::{codec, decode, encode, MAX_REPLY, MAX_REQUEST};
use crate::handshake::{actor_for, read_hello};
use crate::mail::{self, Relay, RelaySettings};
use crate::notices::{small_send_buffer, Notices};
use crate::protocol::{Connected, Hello, HelloReply, ToClient, ToServer, Welcome, PROTOCOL};
use bytes::Bytes;
use chrono::Utc;
use futures_util::{SinkExt, StreamExt};
use selfserve_core::api::{dispatch, Change, Request, Response};
use selfserve_core::i18n::{Lang, Text};
use selfserve_core::import::{import_from, ImportKind, Input};
use selfserve_core::{text, Actor, Error, Store};
use std::io::{self, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tempfile::NamedTempFile;
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
    /// The language of the log lines: that of the administrator running the server. (Each
    /// client reads its errors in its own language: they cross the socket as messages.)
    pub lang: Lang,
    /// Where a relay is set, the server delivers the outbox through it (issue 16).
    pub relay: Option<RelaySettings>,
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
        .map_err(|e| Error::database(text!("server-runtime", error = e.to_string())))?;
    let outcome = runtime.block_on(run(options));
    // A read still running (a long check) need not finish: nothing it does changes the database.
    runtime.shutdown_timeout(Duration::from_millis(200));
    outcome
}

pub(crate) struct Shared {
    pub(crate) store: Arc<Store>,
    socket: PathBuf,
    /// The uid the server runs as: its peers may act as any login (see identity.rs).
    uid: u32,
    read_only: bool,
    connections: Arc<Connections>,
    /// Held by the write running, so writes take turns.
    pub(crate) writes: Mutex<()>,
    /// Read-held by every request until its answer is sent; a stop takes it to wait for them.
    in_flight: RwLock<()>,
    /// Where each committed write is announced to the watching connections.
    pub(crate) notices: Notices,
    /// The log's language.
    pub(crate) lang: Lang,
}

async fn run(options: &ServeOptions) -> Result<(), Error> {
    let lang = options.lang;
    let gid = options.group.as_deref().map(group_id).transpose()?;
    // A relay set wrong is said before anything is served.
    let relay = options.relay.as_ref().map(Relay::new).transpose()?;
    refuse_live_socket(&options.socket, lang).await?;
    let store = Arc::new(Store::open(&options.db)?);
    let listener = bind(&options.socket, gid, options.group.as_deref())?;
    let inode = std::fs::metadata(&options.socket).map(|m| m.ino()).ok();
    store.note_serving(&options.socket);
    let mode = if gid.is_some() { "0660" } else { "0600" };
    log(
        lang,
        text!(
            "server-log-serving",
            db = options.db.display().to_string(),
            socket = options.socket.display().to_string(),
            mode = mode,
            pid = std::process::id().to_string()
        ),
    );

    let shared = Arc::new(Shared {
        store,
        socket: options.socket.clone(),
        uid: nix::unistd::geteuid().as_raw(),
        read_only: options.read_only,
        connections: Arc::new(Connections::default()),
        writes: Mutex::new(()),
        in_flight: RwLock::new(()),
        notices: Notices::default(),
        lang,
    });
    if let (Some(relay), Some(settings)) = (relay, &options.relay) {
        log(
            lang,
            text!(
                "delivery-log-relay",
                host = &settings.host,
                port = settings.port.to_string()
            ),
        );
        tokio::spawn(mail::task::run(shared.clone(), Arc::new(relay)));
    }
    let stopped_by = accept_until_signal(&listener, &shared).await?;
    drop(listener);
    log(lang, text!("server-log-stopping", signal = stopped_by));
    let _last = tokio::time::timeout(STOP_GRACE, shared.in_flight.write()).await;
    // Past the grace, a write still running must end before the database is let go.
    let _turn = shared.writes.lock().await;
    // Remove the socket only if it is still ours (not one a later server bound).
    if std::fs::metadata(&options.socket).map(|m| m.ino()).ok() == inode {
        let _ = std::fs::remove_file(&options.socket);
    }
    shared.store.clear_serving_note();
    log(lang, text!("server-log-stopped"));
    Ok(())
}

async fn accept_until_signal(
    listener: &UnixListener,
    shared: &Arc<Shared>,
) -> Result<&'static str, Error> {
    let signal_error =
        |e: io::Error| Error::database(text!("server-signals", error = e.to_string()));
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
                    log(shared.lang, text!("server-log-accept", error = e.to_string()));
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            _ = term.recv() => return Ok("SIGTERM"),
            _ = int.recv() => return Ok("SIGINT"),
        }
    }
}

/// Fails if a server answers on `socket`; removes a socket nobody answers on (a killed server's).
async fn refuse_live_socket(socket: &Path, lang: Lang) -> Result<(), Error> {
    let meta = match std::fs::symlink_metadata(socket) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(socket_error(socket, &e)),
    };
    if !meta.file_type().is_socket() {
        return Err(Error::usage(text!(
            "server-not-a-socket",
            path = socket.display().to_string()
        )));
    }
    match UnixStream::connect(socket).await {
        Ok(stream) => {
            let socket = socket.display().to_string();
            Err(Error::database(
                match stream.peer_cred().ok().and_then(|c| c.pid()) {
                    Some(pid) => text!(
                        "server-already-serving-pid",
                        pid = pid.to_string(),
                        socket = socket
                    ),
                    None => text!("server-already-serving", socket = socket),
                },
            ))
        }
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
            log(
                lang,
                text!(
                    "server-log-stale-socket",
                    socket = socket.display().to_string()
                ),
            );
            std::fs::remove_file(socket).map_err(|e| socket_error(socket, &e))
        }
        Err(e) => Err(socket_error(socket, &e)),
    }
}

fn bind(socket: &Path, gid: Option<u32>, group: Option<&str>) -> Result<UnixListener, Error> {
    let listener = UnixListener::bind(socket).map_err(|e| socket_error(socket, &e))?;
    if let (Some(gid), Some(group)) = (gid, group) {
        std::os::unix::fs::chown(socket, None, Some(gid)).map_err(|e| {
            Error::database(text!(
                "server-group-chown",
                socket = socket.display().to_string(),
                group = group,
                error = e.to_string()
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
        Ok(None) => Err(Error::usage(text!("server-no-group", group = name))),
        Err(e) => Err(Error::database(text!(
            "server-group-lookup",
            group = name,
            error = e.to_string()
        ))),
    }
}

fn socket_error(socket: &Path, e: &io::Error) -> Error {
    Error::database(text!(
        "server-socket",
        socket = socket.display().to_string(),
        error = e.to_string()
    ))
}

/// One log line on stderr, in the language of the administrator running the server.
pub(crate) fn log(lang: Lang, line: Text) {
    eprintln!(
        "{} selfserve serve: {}",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ"),
        line.in_lang(lang)
    );
}

type Reader = FramedRead<OwnedReadHalf, LengthDelimitedCodec>;
type Writer = FramedWrite<OwnedWriteHalf, LengthDelimitedCodec>;

/// One client, from its hello to its last request. Whatever it sends, only its own connection
/// can end.
async fn connection(stream: UnixStream, shared: Arc<Shared>) {
    let lang = shared.lang;
    let (uid, pid) = match stream.peer_cred() {
        Ok(cred) => (cred.uid(), cred.pid()),
        Err(e) => {
            return log(
                lang,
                text!("server-log-no-credentials", error = e.to_string()),
            )
        }
    };
    let (read, write) = stream.into_split();
    let mut reader = FramedRead::new(read, codec(MAX_REQUEST));
    let mut writer = FramedWrite::new(write, codec(MAX_REPLY));
    let ticket = match shared.connections.admit(uid) {
        Ok(ticket) => ticket,
        Err(refusal) => {
            log(
                lang,
                text!(
                    "server-log-refused",
                    uid = uid.to_string(),
                    why = refusal.text().clone()
                ),
            );
            let _ = send(&mut writer, &HelloReply::Refused(refusal)).await;
            return;
        }
    };
    let hello = match handshake(&mut reader, &mut writer, &shared, &ticket, uid, pid).await {
        Ok(session) => session,
        Err(why) => return log(lang, closed(ticket.id, uid, why)),
    };
    if let Err(why) = requests(&mut reader, &mut writer, &shared, uid, &hello, ticket.id).await {
        log(lang, closed(ticket.id, uid, why));
    }
}

/// "connection 3 (uid 1000) closed: …".
fn closed(connection: u64, uid: u32, why: Text) -> Text {
    text!(
        "server-log-closed",
        connection = connection.to_string(),
        uid = uid.to_string(),
        why = why
    )
}

/// Reads the hello, decides who acts, and welcomes or refuses; `Err` says why the connection ends.
async fn handshake(
    reader: &mut Reader,
    writer: &mut Writer,
    shared: &Arc<Shared>,
    ticket: &Ticket,
    uid: u32,
    pid: Option<i32>,
) -> Result<Hello, Text> {
    let frame = match tokio::time::timeout(HELLO_TIMEOUT, reader.next()).await {
        Err(_) => return Err(text!("server-why-no-hello")),
        Ok(None) => return Err(text!("server-why-gone")),
        Ok(Some(Err(e))) => {
            return Err(text!("server-why-unreadable-hello", error = e.to_string()))
        }
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
            let why = text!("server-why-refused", why = refusal.text().clone());
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
    let mut details = vec![format!("{:?}", connected.role)];
    if connected.read_only {
        details.push(shared.lang.t("server-log-read-only"));
    }
    details.push(format!("uid {uid}"));
    details.extend(pid.map(|p| format!("pid {p}")));
    details.push(connected.front_end.clone());
    log(
        shared.lang,
        text!(
            "server-log-connected",
            connection = ticket.id.to_string(),
            login = &connected.login,
            details = details.join(", ")
        ),
    );
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
        .map_err(|e| text!("server-why-welcome", error = e.to_string()))?;
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
) -> Result<(), Text> {
    // The file the next `CallUploaded` imports, as its pieces come.
    let mut upload: Option<Upload> = None;
    while let Some(frame) = reader.next().await {
        let frame =
            frame.map_err(|e| text!("server-why-unreadable-frame", error = e.to_string()))?;
        let message =
            decode::<ToServer>(&frame).ok_or_else(|| text!("server-why-not-a-message"))?;
        // Each answer is in flight until sent: a stop waits for it (not for watchers).
        let (reply, _answering) = match message {
            ToServer::Upload(piece) => {
                // File I/O: the runtime moves its other tasks off this thread meanwhile.
                tokio::task::block_in_place(|| {
                    upload.get_or_insert_with(Upload::new).append(&piece)
                });
                continue;
            }
            ToServer::CallUploaded(request) => {
                let answering = shared.in_flight.read().await;
                let spool = upload.take().unwrap_or_else(Upload::new).finish();
                let answer =
                    call(shared, uid, hello, request, writer, connection, Some(spool)).await?;
                (ToClient::Answer(Box::new(answer)), answering)
            }
            ToServer::Watch => return watch(reader, writer, shared).await,
            ToServer::Status => {
                let answering = shared.in_flight.read().await;
                (ToClient::Status(shared.connections.list()), answering)
            }
            ToServer::Call(request) => {
                let answering = shared.in_flight.read().await;
                let answer = call(shared, uid, hello, request, writer, connection, None).await?;
                (ToClient::Answer(Box::new(answer)), answering)
            }
        };
        send(writer, &reply)
            .await
            .map_err(|e| text!("server-why-answer", error = e.to_string()))?;
    }
    Ok(())
}

/// An import file as its pieces arrive: spooled to a private temporary file (mode 0600,
/// removed when dropped), so the server never holds it in memory. A piece that cannot be
/// written (a full disk) fails the import it belongs to, not the connection.
struct Upload {
    spool: Result<NamedTempFile, Error>,
}

impl Upload {
    fn new() -> Upload {
        Upload {
            spool: NamedTempFile::new().map_err(upload_failed),
        }
    }

    fn append(&mut self, piece: &[u8]) {
        if let Ok(file) = &mut self.spool {
            if let Err(e) = file.write_all(piece) {
                self.spool = Err(upload_failed(e));
            }
        }
    }

    fn finish(mut self) -> Result<NamedTempFile, Error> {
        if let Ok(file) = &mut self.spool {
            if let Err(e) = file.flush() {
                return Err(upload_failed(e));
            }
        }
        self.spool
    }
}

fn upload_failed(e: io::Error) -> Error {
    Error::database(text!("server-upload-failed", error = e.to_string()))
}

/// Runs an import of an uploaded file: the core reads the spool as a stream.
fn import_uploaded(
    store: &Store,
    actor: &Actor,
    request: Request,
    spool: &Path,
) -> Result<Response, Error> {
    let (kind, name, prices, options, now) = match request {
        Request::Import {
            kind,
            file,
            options,
            now,
        } => (kind, file.name, None, options, now),
        Request::ImportSubscriptions {
            file,
            prices,
            options,
            now,
        } => (ImportKind::Subscriptions, file.name, prices, options, now),
        _ => return Err(Error::usage(text!("server-upload-not-import"))),
    };
    let input = Input::Path {
        name: &name,
        path: spool,
    };
    import_from(store, actor, kind, input, prices.as_ref(), options, now).map(Response::Import)
}

/// Sends the client a notice of every committed write until it closes; it may ask nothing more.
async fn watch(reader: &mut Reader, writer: &mut Writer, shared: &Arc<Shared>) -> Result<(), Text> {
    // Subscribed before the revision is read, so no write falls between the two.
    let mut notices = shared.notices.watch();
    let revision = shared
        .store
        .revision()
        .map_err(|e| text!("server-why-revision", error = e.text().clone()))?;
    small_send_buffer(writer.get_ref().as_ref())
        .map_err(|e| text!("server-why-buffer", error = e.to_string()))?;
    send(writer, &ToClient::Watching(revision))
        .await
        .map_err(|e| text!("server-why-notices", error = e.to_string()))?;
    loop {
        tokio::select! {
            notice = notices.next() => match notice {
                Some(notice) => send(writer, &notice)
                    .await
                    .map_err(|e| text!("server-why-notice", error = e.to_string()))?,
                None => return Ok(()),
            },
            frame = reader.next() => return match frame {
                None => Ok(()),
                Some(_) => Err(text!("server-why-watcher-asked")),
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
    upload: Option<Result<NamedTempFile, Error>>,
) -> Result<Result<Response, Error>, Text> {
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
        let response = match upload {
            Some(spool) => import_uploaded(&store, &actor, request, spool?.path())?,
            None => dispatch(&store, &actor, request, &counter)?,
        };
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
                        .map_err(|e| text!("server-why-progress", error = e.to_string()))?;
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
            Ok((_, login, change)) => log(
                shared.lang,
                match change {
                    Some(c) => text!(
                        "server-log-done-revision",
                        login = login,
                        request = name,
                        revision = c.revision.to_string()
                    ),
                    None => text!("server-log-done", login = login, request = name),
                },
            ),
            Err(e) => log(
                shared.lang,
                text!(
                    "server-log-request-refused",
                    uid = uid.to_string(),
                    request = name,
                    code = e.exit_code().to_string(),
                    error = e.text().clone()
                ),
            ),
        }
    }
    Ok(answer.map(|(response, _, _)| response))
}

fn failed() -> Error {
    Error::database(text!("server-failed"))
}

/// Sends one message; an answer too large for a frame becomes an error the client can show.
async fn send<T: serde::Serialize>(writer: &mut Writer, message: &T) -> io::Result<()> {
    let payload = encode(message).map_err(io::Error::other)?;
    let payload = if payload.len() > MAX_REPLY {
        encode(&ToClient::Answer(Box::new(Err(Error::refused(text!(
            "server-answer-too-large"
        ))))))
        .map_err(io::Error::other)?
    } else {
        payload
    };
    writer.send(Bytes::from(payload)).await
}
