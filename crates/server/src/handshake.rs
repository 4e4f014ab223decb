//! The server's side of a connection's first exchange: is this a client of our protocol version,
//! and which administrator acts for it.

use crate::frame::decode;
use crate::identity::acting_login;
use crate::protocol::{Hello, PROTOCOL};
use selfserve_core::{text, Actor, Error, Store};
use std::path::Path;

/// The client's hello, or the refusal to send it: a client of another version is told which
/// side to upgrade.
pub fn read_hello(payload: &[u8], socket: &Path) -> Result<Hello, Error> {
    if let Some(hello) = decode::<Hello>(payload).filter(|h| h.protocol == PROTOCOL) {
        return Ok(hello);
    }
    // Whatever else a client of another version sends, its hello starts with its version.
    let theirs = postcard::take_from_bytes::<u32>(payload).map(|(v, _)| v);
    let ours = env!("CARGO_PKG_VERSION");
    match theirs {
        Ok(v) if v < PROTOCOL => Err(Error::database(text!(
            "server-protocol-older-client",
            theirs = v.to_string(),
            socket = socket.display().to_string(),
            version = ours,
            ours = PROTOCOL.to_string()
        ))),
        Ok(v) if v > PROTOCOL => Err(Error::database(text!(
            "server-protocol-older-server",
            socket = socket.display().to_string(),
            version = ours,
            ours = PROTOCOL.to_string(),
            theirs = v.to_string()
        ))),
        _ => Err(Error::usage(text!("server-not-a-hello"))),
    }
}

/// The administrator acting for a peer of uid `peer` on a server running as `server`; read-only
/// where the client or the server asks.
pub fn actor_for(
    store: &Store,
    peer: u32,
    server: u32,
    hello: &Hello,
    read_only: bool,
) -> Result<Actor, Error> {
    let login = acting_login(peer, server, hello.login.as_deref())?;
    let actor = store.actor(&login)?;
    Ok(if read_only || hello.read_only {
        actor.read_only()
    } else {
        actor
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::encode;

    fn hello(protocol: u32) -> Vec<u8> {
        encode(&Hello {
            protocol,
            front_end: "cli".into(),
            login: None,
            read_only: false,
        })
        .expect("encode")
    }

    #[test]
    fn each_side_is_told_what_to_upgrade() {
        let socket = Path::new("/run/selfserve.sock");
        assert!(read_hello(&hello(PROTOCOL), socket).is_ok());
        let old = read_hello(&hello(PROTOCOL - 1), socket).expect_err("refused");
        assert!(
            old.to_string().contains("upgrade selfserve on this host"),
            "{old}"
        );
        assert_eq!(old.exit_code(), 5);
        let new = read_hello(&hello(PROTOCOL + 1), socket).expect_err("refused");
        assert!(
            new.to_string().contains("upgrade selfserve on the server"),
            "{new}"
        );
    }

    #[test]
    fn garbage_is_no_hello() {
        let err =
            read_hello(&[0x81, 0x80, 0x80, 0x80, 0x80, 0x80], Path::new("s")).expect_err("no");
        assert_eq!(err.exit_code(), 2);
    }
}
