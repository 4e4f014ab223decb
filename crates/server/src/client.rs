//! The one client type of the front ends. Its transport is private, so a socket to
//! `selfserve serve` can join the in-process one without changing a caller.

use selfserve_core::api::{dispatch, Request, Response};
use selfserve_core::{Actor, Result, Store};
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// Sends requests, gets responses. `Send + Sync`: the dashboard shares one between threads.
pub struct Client {
    transport: Transport,
    /// Records read by requests so far; a watchdog watching it tells slow from stuck.
    progress: Arc<AtomicU64>,
}

enum Transport {
    /// The database opened by this process; requests go straight to the dispatcher.
    InProcess { store: Arc<Store>, actor: Actor },
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
        Client {
            transport: Transport::InProcess { store, actor },
            progress: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Sends `request` and waits for its response.
    pub fn call(&self, request: Request) -> Result<Response> {
        match &self.transport {
            Transport::InProcess { store, actor } => {
                dispatch(store, actor, request, &self.progress)
            }
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

    /// A counter that moves while requests read: give it to a watchdog.
    pub fn progress(&self) -> Arc<AtomicU64> {
        self.progress.clone()
    }
}
