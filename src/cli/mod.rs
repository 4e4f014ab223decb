//! The command line: one file per noun, each a thin front end that sends `selfserve_core::api`
//! requests through a `selfserve_server::Client`. Every line a person reads comes from the
//! catalogue (`assets/i18n/*/cli.ftl`) in `ctx.lang`; `--json` and CSV never do.

/// `say!(lang, "cli-id", name = value, …)`: a message of the catalogue with its arguments
/// (counts, money, dates formatted for the language), read in `lang`.
macro_rules! say {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        selfserve_core::text!($id $(, $name = $value)*).in_lang($lang)
    };
}

pub mod admin;
pub mod audit;
pub mod backup;
pub mod catalogue;
pub mod centralise;
pub mod check;
pub mod completions;
pub mod config;
pub mod connect;
pub mod demo;
pub mod due;
pub mod export_progress;
pub mod first_run;
pub mod help;
pub mod import;
pub mod init;
pub mod license;
pub mod lifecycle;
pub mod orphans;
pub mod outbox;
pub mod outbox_send;
pub mod policy;
pub mod policy_file;
pub mod policy_review;
pub mod product;
pub mod relay;
pub mod report;
pub mod restore;
pub mod serve;
pub mod server;
pub mod storefront;
pub mod subscription;
pub mod table;
pub mod tenant;
pub mod user;
pub mod watch;

use crate::config::Config;
use crate::watchdog::Watchdog;
use chrono::{DateTime, Utc};
use selfserve::i18n::Lang;
use selfserve_core::{clock, Error};
use selfserve_server::{default_socket, Client, Connect, Remote};
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

/// What every command needs: where the database is, the clock, the output mode and who acts.
pub struct Ctx {
    pub db_path: PathBuf,
    pub now: DateTime<Utc>,
    pub json: bool,
    pub login: String,
    /// `SELFSERVE_USER`, where set: a server honours it only from its own uid or root.
    pub requested_login: Option<String>,
    /// Where a server may answer: `--socket`, `SELFSERVE_SOCKET`, or beside the database.
    pub socket: PathBuf,
    /// `--readonly`: the actor is made read-only, so the core refuses every change.
    pub readonly: bool,
    /// `--remote`: the server is on another host, reached over ssh.
    pub remote: Option<Remote>,
    /// `SELFSERVE_SSH`: the command run instead of `ssh` for `--remote`.
    pub ssh: Option<String>,
    /// The language of every line a person reads (never of `--json`).
    pub lang: Lang,
    /// The mail relay's flags and variables (`outbox send`, `serve`, the dashboard).
    pub relay: relay::RelayArgs,
}

/// Why a command failed: a core error (its category gives the exit code) or stdout going away.
pub enum Failure {
    Core(Error),
    Output(io::Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

impl From<csv::Error> for Failure {
    fn from(e: csv::Error) -> Self {
        Failure::Output(io::Error::other(e))
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        Failure::Output(io::Error::other(e))
    }
}

impl Failure {
    /// The exit code and the one line for stderr, in `lang`.
    pub fn report(&self, lang: Lang) -> (u8, String) {
        match self {
            Failure::Core(e) => (e.exit_code(), e.in_lang(lang)),
            Failure::Output(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                (0, lang.t("cli-output-closed"))
            }
            Failure::Output(e) => (1, say!(lang, "cli-output-failed", detail = e.to_string())),
        }
    }
}

impl Ctx {
    /// From the flags (clap has read the environment into them where they were not given),
    /// then the config file, then the defaults.
    pub fn new(args: &crate::Args, config: &Config, lang: Lang) -> Result<Ctx, Failure> {
        let db_path = match args.db.as_ref().or(config.db.as_ref()) {
            Some(p) => p.clone(),
            None => default_db_path()?,
        };
        let now = match &args.now {
            Some(t) => clock::parse_now(t)?,
            None => Utc::now(),
        };
        let requested_login = requested_login()?;
        let login = requested_login
            .clone()
            .or_else(os_login)
            .unwrap_or_else(|| "unknown".to_string());
        let socket = args
            .socket
            .clone()
            .or_else(|| config.socket.clone())
            .unwrap_or_else(|| default_socket(&db_path));
        let remote = args.remote.as_deref().map(Remote::parse).transpose()?;
        Ok(Ctx {
            db_path,
            now,
            json: args.json,
            login,
            requested_login,
            socket,
            readonly: args.readonly,
            remote,
            ssh: std::env::var("SELFSERVE_SSH").ok(),
            lang,
            relay: args.relay.or_file(config.mail.as_ref()),
        })
    }

    /// The client every command sends its requests through.
    pub fn client(&self) -> Result<Client, Failure> {
        self.client_for("cli")
    }

    /// A client for the front end named `front_end` (shown by `selfserve server status`): through
    /// the server where one answers on the socket, else over the database opened in-process,
    /// acting as the login. A watchdog ends a hung open with exit 5.
    pub fn client_for(&self, front_end: &str) -> Result<Client, Failure> {
        if let Some(remote) = &self.remote {
            // No watchdog: ssh may be asking for a passphrase, and it has its own timeouts.
            return Ok(self.over_ssh(remote, front_end)?);
        }
        let stalled = say!(
            self.lang,
            "cli-stalled-opening",
            seconds = OPEN_STALL.as_secs()
        );
        let guard = Watchdog::start(stalled, OPEN_STALL);
        let client = match self.server(front_end)? {
            Some(client) => client,
            None => Client::open(&self.db_path, &self.login, self.readonly)?,
        };
        drop(guard);
        Ok(client)
    }

    /// A client of the server: over ssh with `--remote` (an error when it cannot be reached),
    /// else on the socket (`None` when no server answers there).
    pub fn server(&self, front_end: &str) -> Result<Option<Client>, Failure> {
        Ok(match &self.remote {
            Some(remote) => Some(self.over_ssh(remote, front_end)?),
            None => Client::connect(&self.connect(front_end))?,
        })
    }

    /// `SELFSERVE_USER` is not sent: the server there would honour it only from its own
    /// account or root, and the SSH login is who acts.
    fn over_ssh(&self, remote: &Remote, front_end: &str) -> Result<Client, Error> {
        Client::remote(remote, self.ssh.as_deref(), front_end, self.readonly)
    }

    /// Where the tenant is, for messages: the database here, or the host over ssh.
    pub fn tenant_location(&self) -> String {
        match &self.remote {
            Some(remote) => say!(
                self.lang,
                "cli-remote-location",
                destination = remote.destination.as_str()
            ),
            None => self.db_path.display().to_string(),
        }
    }

    /// Refuses `--remote` for a command that works on this host's files.
    pub fn local_only(&self, command: &str) -> Result<(), Failure> {
        match &self.remote {
            Some(_) => Err(Failure::Core(Error::usage(selfserve_core::text!(
                "cli-local-only",
                command = command
            )))),
            None => Ok(()),
        }
    }

    /// How to reach a server on the socket as `front_end`.
    pub fn connect<'a>(&'a self, front_end: &'a str) -> Connect<'a> {
        Connect {
            socket: &self.socket,
            front_end,
            login: self.requested_login.as_deref(),
            read_only: self.readonly,
        }
    }
}

/// The error of a command that needs a server where none answers on the socket (exit 5).
pub fn no_server(ctx: &Ctx) -> Error {
    Error::database(selfserve_core::text!(
        "cli-no-server",
        socket = ctx.socket.display().to_string(),
        db = ctx.db_path.display().to_string()
    ))
}

/// A moment to the second, in UTC: "2026-11-24 14:05:09" or "24/11/2026 14:05:09".
pub fn seconds(lang: Lang, at: DateTime<Utc>) -> String {
    format!("{} {}", lang.date(at.date_naive()), at.format("%H:%M:%S"))
}

/// How long opening the database may take before it counts as hung.
const OPEN_STALL: Duration = Duration::from_secs(60);

fn default_db_path() -> Result<PathBuf, Error> {
    dirs::data_dir()
        .map(|d| d.join("selfserve").join("tenant.db"))
        .ok_or_else(|| Error::usage(selfserve_core::text!("cli-no-data-directory")))
}

/// `SELFSERVE_USER`, where set: in-process it is who acts; a server decides for itself. It
/// enters under the core's one rule for logins; one that is not UTF-8 is refused, not ignored.
fn requested_login() -> Result<Option<String>, Error> {
    let Some(raw) = std::env::var_os("SELFSERVE_USER") else {
        return Ok(None);
    };
    let Some(user) = raw.to_str() else {
        return Err(Error::usage(selfserve_core::text!(
            "error-not-a-login",
            given = raw.to_string_lossy().escape_debug().to_string()
        )));
    };
    let user = user.trim();
    if user.is_empty() {
        return Ok(None);
    }
    selfserve_core::access::check_login(user)?;
    Ok(Some(user.to_string()))
}

#[cfg(unix)]
fn os_login() -> Option<String> {
    use nix::unistd::{geteuid, User};
    User::from_uid(geteuid())
        .ok()
        .flatten()
        .map(|user| user.name)
        .or_else(|| std::env::var("USER").ok())
}

#[cfg(not(unix))]
fn os_login() -> Option<String> {
    std::env::var("USERNAME").ok()
}

/// Writes one JSON document to stdout: indented for a person at a terminal, compact for a pipe.
/// C1 controls and bidirectional overrides, which serde_json leaves raw, are escaped (`\u0085`):
/// the same value to a parser, nothing a terminal acts on.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<(), Failure> {
    use std::io::IsTerminal;
    let stdout = io::stdout();
    let json = if stdout.is_terminal() {
        serde_json::to_string_pretty(value)?
    } else {
        serde_json::to_string(value)?
    };
    let mut out = stdout.lock();
    writeln!(out, "{}", selfserve::text::escape_json(&json))?;
    out.flush()?;
    Ok(())
}

/// Writes lines of human output to stdout, each as `to_locale` gives it.
pub fn print_lines(lines: &[String]) -> Result<(), Failure> {
    let utf8 = selfserve::text::locale_is_utf8();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in lines {
        writeln!(out, "{}", selfserve::text::for_terminal(line, utf8))?;
    }
    out.flush()?;
    Ok(())
}

/// One line of human output on stderr, as `to_locale` gives it.
pub fn eprint_line(line: &str) {
    eprintln!("{}", to_locale(line));
}

/// `text` as one line a terminal may show: escapes, control characters (line breaks included)
/// and bidirectional overrides from data removed, in ASCII where the locale is not UTF-8. Every
/// line the command line writes for people, errors included, goes through here.
pub fn to_locale(text: &str) -> String {
    selfserve::text::for_terminal(text, selfserve::text::locale_is_utf8())
}
