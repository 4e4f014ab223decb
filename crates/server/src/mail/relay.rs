//! The mail relay the outbox is delivered through: one struct, filled from the command line and
//! the environment today (`src/cli/relay.rs`), and from a config file's `[mail]` section where
//! one is read. The password is held only in memory: never written to the database, never
//! printed (its `Debug` is a mask).

use selfserve_core::{text, Error};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How the connection to the relay is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS, which must succeed (port 587).
    #[default]
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No TLS at all: only for a relay on the same host or a trusted network (port 25).
    None,
}

impl Security {
    /// The names `--smtp-security` and the config file take.
    pub const NAMES: [&'static str; 3] = ["starttls", "tls", "none"];

    pub fn parse(name: &str) -> Option<Security> {
        match name.trim().to_ascii_lowercase().as_str() {
            "starttls" => Some(Security::StartTls),
            "tls" => Some(Security::Tls),
            "none" => Some(Security::None),
            _ => None,
        }
    }

    /// The port a relay usually listens on for this security.
    pub fn default_port(self) -> u16 {
        match self {
            Security::StartTls => 587,
            Security::Tls => 465,
            Security::None => 25,
        }
    }
}

/// A relay password: shown as a mask by `Debug`, never serialised.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(password: String) -> Secret {
        Secret(password)
    }

    /// The password in the file at `path`, without its final line break.
    pub fn from_file(path: &Path) -> Result<Secret, Error> {
        let read = std::fs::read_to_string(path).map_err(|e| {
            Error::usage(text!(
                "delivery-password-file",
                path = path.display().to_string(),
                error = e.to_string()
            ))
        })?;
        Ok(Secret(read.trim_end_matches(['\r', '\n']).to_string()))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Where and how to reach the relay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelaySettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// The login, where the relay asks for one; it then needs `password`.
    pub user: Option<String>,
    pub password: Option<Secret>,
    /// The `From` of every e-mail.
    pub from: String,
    /// How long to wait for the relay at each step before leaving the e-mail pending.
    pub timeout: Duration,
    /// A PEM file of CA certificates the relay's certificate may also chain to (a company CA
    /// the machine does not trust).
    pub ca_file: Option<PathBuf>,
}

impl RelaySettings {
    /// The `From` when none is set.
    pub const DEFAULT_FROM: &'static str = "selfserve@localhost";
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

    /// A relay on `host` with `security`, on its usual port, with no login.
    pub fn new(host: impl Into<String>, security: Security) -> RelaySettings {
        RelaySettings {
            host: host.into(),
            port: security.default_port(),
            security,
            user: None,
            password: None,
            from: RelaySettings::DEFAULT_FROM.to_string(),
            timeout: RelaySettings::DEFAULT_TIMEOUT,
            ca_file: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let mut relay = RelaySettings::new("smtp.contoso.example", Security::StartTls);
        relay.user = Some("mailer".into());
        relay.password = Some(Secret::new("hunter2".into()));
        let shown = format!("{relay:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("mailer") && shown.contains("587"), "{shown}");
    }

    #[test]
    fn a_password_file_loses_its_line_break_and_a_missing_one_is_a_usage_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("pw");
        std::fs::write(&path, "s3cret\n").expect("write");
        assert_eq!(Secret::from_file(&path).expect("read").expose(), "s3cret");
        let missing = Secret::from_file(&dir.path().join("nope")).expect_err("missing");
        assert_eq!(missing.exit_code(), 2);
    }
}
