//! The receiving end of the change notices: a connection of its own that, once it has asked to
//! watch, only reads. The dashboard keeps one beside the connection it sends requests on.

use crate::protocol::Notice;
use crate::socket_client::{connect_socket, Connect, FramedClient};
use selfserve_core::Error;
use std::os::unix::net::UnixStream;

pub struct Watcher {
    socket: FramedClient<UnixStream>,
    /// The database's revision when the notices started.
    pub revision: u64,
}

impl Watcher {
    /// Connects to the server on `to.socket` and asks for its notices; `None` when no server
    /// answers there.
    pub fn connect(to: &Connect) -> Result<Option<Watcher>, Error> {
        let Some((socket, _)) = connect_socket(to)? else {
            return Ok(None);
        };
        let revision = socket.watch()?;
        Ok(Some(Watcher { socket, revision }))
    }

    /// Waits for the next notice; an error when the server went away.
    pub fn next(&self) -> Result<Notice, Error> {
        self.socket.next_notice()
    }
}
