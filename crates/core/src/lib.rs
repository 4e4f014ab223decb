//! selfserve-core: the domain of self-service purchases and trials, its rules and its store.
//! It knows nothing of terminals; the dashboard and the command line are thin front ends over it.

pub mod access;
pub mod api;
pub mod backup;
pub mod catalogue;
pub mod check;
pub mod clock;
pub mod demo;
pub mod directory;
pub mod error;
pub mod export;
pub mod formats;
pub mod i18n;
pub mod import;
pub mod init;
pub mod mail;
pub mod model;
pub mod ops;
pub mod orphans;
pub mod policy;
pub mod query;
pub mod store;
pub mod toml_place;
pub mod words;

pub use access::{Actor, Capability};
pub use error::{Error, Result};
pub use store::Store;
