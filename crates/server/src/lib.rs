//! selfserve-server: how a front end reaches the core. `Client` sends `selfserve_core::api`
//! requests and returns their responses, in-process, through `selfserve serve` on a Unix socket,
//! or through that socket on another host over ssh (the server is here too).

mod bridge;
mod client;
mod connections;
mod frame;
mod handshake;
mod identity;
pub mod mail;
mod notices;
pub mod protocol;
mod remote;
mod server;
mod socket_client;
mod watcher;

pub use bridge::bridge;
pub use client::{open_in_process, Client};
pub use remote::Remote;
pub use server::{default_socket, serve, ServeOptions};
pub use socket_client::Connect;
pub use watcher::Watcher;
