//! selfserve-server: how a front end reaches the core. `Client` sends `selfserve_core::api`
//! requests and returns their responses, in-process or through `selfserve serve` on a Unix socket
//! (the server is here too).

mod client;
mod connections;
mod frame;
mod handshake;
mod identity;
mod notices;
pub mod protocol;
mod server;
mod socket_client;
mod watcher;

pub use client::{open_in_process, Client};
pub use server::{default_socket, serve, ServeOptions};
pub use socket_client::Connect;
pub use watcher::Watcher;
