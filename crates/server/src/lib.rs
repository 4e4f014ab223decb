//! selfserve-server: how a front end reaches the core. `Client` sends `selfserve_core::api`
//! requests and returns their responses; today it runs the dispatcher in-process.

mod client;

pub use client::{open_in_process, Client};
