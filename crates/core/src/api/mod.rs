//! The one request/response API of the core (ARCHITECTURE.md, "The way data flows"): a front
//! end sends a `Request` value and gets a `Response` value or an `Error`, the same whether the
//! dispatcher runs in its own process or behind `selfserve serve`. Both are plain serde types:
//! they cross the wire as postcard (`formats` keeps that lossless), and the responses' JSON is
//! the command line's contract.

mod change;
mod dispatch;
mod request;
mod response;

pub use change::{Change, RecordKind};
pub use dispatch::dispatch;
pub use request::Request;
pub use response::{Response, SessionInfo};
