//! Who is looking, at what, and with which clock: fixed for the session, known to every layer.

use super::keymap::Rebound;
use super::theme::{Palette, Theme};
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use selfserve_core::model::{Cloud, Role};
use selfserve_server::mail::RelaySettings;
use std::time::Instant;

/// Flags and settings that change how the dashboard looks and reads keys (read-only comes with
/// the actor).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub ascii: bool,
    pub lang: Lang,
    /// The config file's `[theme]`.
    pub palette: Palette,
    /// The config file's `[keys]`.
    pub keys: Rebound,
    /// The mail relay the Outbox screen's `s` sends through, where one is set.
    pub relay: Option<RelaySettings>,
    /// The config file's `[ui] mouse`: clicks and the wheel, off unless it says so.
    pub mouse: bool,
}

/// Who is looking at what: fixed for the session.
#[derive(Debug, Clone)]
pub struct Session {
    pub upn: String,
    pub role: Role,
    pub tenant: String,
    /// The tenant's cloud (`global`, `china-21vianet`) and its admin center's address.
    pub cloud: Cloud,
    pub demo: bool,
    pub db: String,
    pub readonly: bool,
    /// Where the export goes unless the user edits it.
    pub export_path: String,
    pub theme: Theme,
    /// The keys the config file rebinds: dispatch and help both read them.
    pub keys: Rebound,
    /// The language of the dashboard's words (the data is shown as it is).
    pub lang: Lang,
    /// The clock when the session began (`App::now` moves on with each tick).
    pub now: DateTime<Utc>,
    /// The mail relay, where one is set (`--smtp-host`): the Outbox screen can send now.
    pub relay: Option<RelaySettings>,
    /// Whether the mouse is captured (the config file's `[ui] mouse`).
    pub mouse: bool,
}

/// The message line: what just happened, or why it did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

impl Message {
    pub fn ok(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            error: true,
        }
    }
}

/// The session's clock: the `--now` time (or the wall clock) moving on from the start.
#[derive(Clone, Copy)]
pub struct Clock {
    start: DateTime<Utc>,
    at: Instant,
}

impl Clock {
    pub fn new(start: DateTime<Utc>) -> Clock {
        Clock {
            start,
            at: Instant::now(),
        }
    }

    /// The clock's time now.
    pub fn now(&self) -> DateTime<Utc> {
        let elapsed = chrono::Duration::from_std(self.at.elapsed()).unwrap_or_default();
        self.start + elapsed
    }

    /// What the status bar shows: to the minute, so it redraws once a minute.
    pub fn text(&self) -> String {
        self.now().format("%Y-%m-%d %H:%M UTC").to_string()
    }
}
