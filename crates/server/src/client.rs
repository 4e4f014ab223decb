//! The one client type of the front ends. Its transport is private: a front end sends requests
//! the same way whether a server answers on a socket or the database is opened in-process.

use crate::protocol::Connected;
use crate::remote::{Remote, SshClient};
use crate::socket_client::{connect_socket, Connect, FramedClient};
use chrono::{DateTime, Utc};
use selfserve_core::api::{dispatch, Request, Response};
use selfserve_core::import::{
    file_name, import_from, ImportFile, ImportKind, ImportOptions, ImportReport, Input,
};
use selfserve_core::{text, Actor, Error, Result, Store};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// Sends requests, gets responses. `Send + Sync`: the dashboard shares one between threads.
pub struct Client {
    transport: Transport,
    /// Records read by requests so far; a watchdog watching it tells slow from stuck.
    progress: Arc<AtomicU64>,
    /// The server's number for the connection (notices name it); none in-process.
    connection: Option<u64>,
}

enum Transport {
    /// The database opened by this process (shared: tests keep a handle to look inside);
    /// requests go straight to the dispatcher.
    InProcess { store: Arc<Store>, actor: Actor },
    /// `selfserve serve` on a Unix socket, running the same dispatcher.
    Socket(FramedClient<UnixStream>),
    /// The same protocol to a server on another host, through `ssh HOST selfserve connect`.
    Ssh(SshClient),
}

/// Opens the database at `db` and finds the administrator `login` is bound to (exit 3 if none);
/// with `readonly`, that administrator may change nothing.
pub fn open_in_process(db: &Path, login: &str, readonly: bool) -> Result<(Store, Actor)> {
    let store = Store::open(db)?;
    let actor = store.actor(login)?;
    let actor = if readonly { actor.read_only() } else { actor };
    Ok((store, actor))
}

impl Client {
    /// A client over the database at `db`, opened by this process, acting as `login`.
    pub fn open(db: &Path, login: &str, readonly: bool) -> Result<Client> {
        let (store, actor) = open_in_process(db, login, readonly)?;
        Ok(Client::in_process(Arc::new(store), actor))
    }

    /// A client over a store this process holds already (tests keep a handle to look inside).
    pub fn in_process(store: Arc<Store>, actor: Actor) -> Client {
        Client::with(Transport::InProcess { store, actor })
    }

    /// A client of the server on `to.socket`, or `None` when no server answers there. The
    /// server refusing (another protocol version, a login bound to no administrator,
    /// `SELFSERVE_USER` from another user) is an error.
    pub fn connect(to: &Connect) -> Result<Option<Client>> {
        Ok(connect_socket(to)?.map(|(socket, welcome)| Client {
            connection: Some(welcome.connection),
            ..Client::with(Transport::Socket(socket))
        }))
    }

    /// A client of the server on another host, through ssh (`ssh` replaces the `ssh` command:
    /// `SELFSERVE_SSH`). The SSH login there is who acts.
    pub fn remote(
        remote: &Remote,
        ssh: Option<&str>,
        front_end: &str,
        read_only: bool,
    ) -> Result<Client> {
        let ssh = SshClient::connect(remote, ssh, front_end, read_only)?;
        Ok(Client::with(Transport::Ssh(ssh)))
    }

    fn with(transport: Transport) -> Client {
        Client {
            transport,
            progress: Arc::new(AtomicU64::new(0)),
            connection: None,
        }
    }

    /// The server's number for this client's connection; `None` in-process, where no other
    /// process writes and no notices come.
    pub fn connection(&self) -> Option<u64> {
        self.connection
    }

    /// Sends `request` and waits for its response.
    pub fn call(&self, request: Request) -> Result<Response> {
        match &self.transport {
            Transport::InProcess { store, actor } => {
                dispatch(store, actor, request, &self.progress)
            }
            Transport::Socket(socket) => socket.call(request, &self.progress),
            Transport::Ssh(ssh) => ssh.framed.call(request, &self.progress),
        }
    }

    /// Sends `request` and takes out the answer of the type the caller expects:
    /// `let rows: Vec<ProductRow> = client.ask(Request::ProductRows { self_service })?`.
    pub fn ask<T: TryFrom<Response, Error = selfserve_core::Error>>(
        &self,
        request: Request,
    ) -> Result<T> {
        self.call(request).and_then(T::try_from)
    }

    /// Imports the file at `path` (issue 12). In-process the core reads it as a stream, never
    /// whole (a directory of a million users); a server, which may not read the administrator's
    /// files, is sent it in pieces it spools to disk and reads the same way.
    pub fn import(
        &self,
        kind: ImportKind,
        path: &Path,
        prices: Option<ImportFile>,
        options: ImportOptions,
        now: DateTime<Utc>,
    ) -> Result<ImportReport> {
        let name = file_name(path);
        // A server is sent the file in pieces, then the request naming it.
        let file = ImportFile {
            name: name.clone(),
            bytes: Vec::new(),
        };
        let request = match prices {
            Some(prices) => Request::ImportSubscriptions {
                file,
                prices: Some(prices),
                options,
                now,
            },
            None => Request::Import {
                kind,
                file,
                options,
                now,
            },
        };
        let response = match &self.transport {
            Transport::InProcess { store, actor } => {
                let input = Input::Path { name: &name, path };
                let prices = match &request {
                    Request::ImportSubscriptions { prices, .. } => prices.as_ref(),
                    _ => None,
                };
                return import_from(store, actor, kind, input, prices, options, now);
            }
            Transport::Socket(socket) => socket.call_uploaded(request, path, &self.progress),
            Transport::Ssh(ssh) => ssh.framed.call_uploaded(request, path, &self.progress),
        };
        response.and_then(ImportReport::try_from)
    }

    /// A counter that moves while requests read: give it to a watchdog.
    pub fn progress(&self) -> Arc<AtomicU64> {
        self.progress.clone()
    }

    /// Who is connected to the server; a client with no server has no answer (exit 5).
    pub fn server_status(&self) -> Result<Vec<Connected>> {
        match &self.transport {
            Transport::Socket(socket) => socket.status(),
            Transport::Ssh(ssh) => ssh.framed.status(),
            Transport::InProcess { .. } => Err(Error::database(text!("server-in-process"))),
        }
    }
}
