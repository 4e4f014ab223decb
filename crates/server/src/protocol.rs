//! The messages on the socket. A connection opens with a `Hello` and its `HelloReply`; then the
//! client sends `ToServer` messages, one at a time, and reads `ToClient` messages until the answer.
//! A connection that sends `Watch` only receives notices from then on (`Watching`, then one
//! `Notice` per committed write, until either side closes).
//!
//! `Hello` starts with the protocol version and `HelloReply` keeps its two variants in this order
//! in every version, so that clients and servers of any two versions can tell each other to upgrade.

use chrono::{DateTime, Utc};
use selfserve_core::api::{Change, Request, Response};
use selfserve_core::model::Role;
use selfserve_core::Error;
use serde::{Deserialize, Serialize};

/// This build's protocol version: bump it whenever a message or the API types change shape.
pub const PROTOCOL: u32 = 6;

/// The first message of a connection. The client never says who it is: the server asks the kernel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    /// Must stay the first field (see the module's comment).
    pub protocol: u32,
    /// `cli`, `dashboard`, ...: shown by `selfserve server status`.
    pub front_end: String,
    /// `SELFSERVE_USER`: honoured only from the server's own uid or root.
    pub login: Option<String>,
    /// `--readonly`: this connection may change nothing.
    pub read_only: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HelloReply {
    Welcome(Welcome),
    /// Why not; the connection is then closed.
    Refused(Error),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    pub protocol: u32,
    /// The server's selfserve version.
    pub version: String,
    pub pid: u32,
    /// Who the server takes the client to be.
    pub login: String,
    pub role: Role,
    /// The server's number for this connection: notices name the connection that wrote.
    pub connection: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToServer {
    /// A request of the core's API.
    Call(Request),
    /// Who is connected: a question for the server itself, with no in-process meaning.
    Status,
    /// From now on, send this connection a notice of every committed write, and nothing else.
    Watch,
    /// A piece of the file the next `CallUploaded` imports, in order; no answer. A file of a
    /// million users goes in pieces, never in one frame, and the server keeps it on disk.
    Upload(Vec<u8>),
    /// An import (`Request::Import` or `ImportSubscriptions`) of the file uploaded before it:
    /// the request's own file bytes are left empty.
    CallUploaded(Request),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToClient {
    /// The records the request has read so far, sent while it runs, so the client's watchdog can
    /// tell slow from stuck.
    Progress(u64),
    /// The answer to a `Call` (boxed: far larger than the other messages; the bytes are the same).
    Answer(Box<Result<Response, Error>>),
    /// The answer to `Status`.
    Status(Vec<Connected>),
    /// The answer to `Watch`: the database's revision when the notices start.
    Watching(u64),
    Notice(Notice),
}

/// What a watching connection is told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// A committed write, made through the connection numbered `connection`.
    Changed { change: Change, connection: u64 },
    /// The client fell behind and `missed` notices were dropped: reload everything.
    Reload { missed: u64 },
}

/// One connection as `selfserve server status` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connected {
    pub login: String,
    pub role: Role,
    pub since: DateTime<Utc>,
    pub front_end: String,
    pub uid: u32,
    /// The client's process, where the kernel says.
    pub pid: Option<i32>,
    pub read_only: bool,
}
