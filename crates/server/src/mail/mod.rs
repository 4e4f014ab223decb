//! Delivering the outbox through a mail relay (issue 16): the relay's settings, the SMTP client
//! (lettre), one delivery run, and the server's task that runs one now and then.

mod deliver;
mod relay;
mod smtp;
pub(crate) mod task;

pub use deliver::{deliver, Outbox, Summary};
pub use relay::{RelaySettings, Secret, Security};
pub use smtp::{Relay, Tried};
