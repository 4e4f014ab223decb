//! The mail relay's flags (global: `outbox send`, `serve` and the dashboard use them), each also
//! read from its `SELFSERVE_SMTP_*` variable; they fill `selfserve_server::mail::RelaySettings`.
//! The password is never a flag (it would show in `ps`): it comes from the file
//! `--smtp-password-file` names, or from `SELFSERVE_SMTP_PASSWORD`.

use super::Failure;
use clap::Args;
use selfserve_core::{text, Error};
use selfserve_server::mail::{RelaySettings, Secret, Security};
use std::path::PathBuf;
use std::time::Duration;

/// The variable holding the relay password itself, where no password file is given.
const PASSWORD_VAR: &str = "SELFSERVE_SMTP_PASSWORD";

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Args, Debug, Clone, Default)]
pub struct RelayArgs {
    #[arg(long, global = true, env = "SELFSERVE_SMTP_HOST", value_name = "HOST")]
    smtp_host: Option<String>,
    #[arg(long, global = true, env = "SELFSERVE_SMTP_PORT", value_name = "PORT")]
    smtp_port: Option<u16>,
    #[arg(
        long,
        global = true,
        env = "SELFSERVE_SMTP_SECURITY",
        value_name = "MODE",
        value_parser = clap::builder::PossibleValuesParser::new(Security::NAMES)
    )]
    smtp_security: Option<String>,
    #[arg(long, global = true, env = "SELFSERVE_SMTP_USER", value_name = "USER")]
    smtp_user: Option<String>,
    #[arg(
        long,
        global = true,
        env = "SELFSERVE_SMTP_PASSWORD_FILE",
        value_name = "PATH"
    )]
    smtp_password_file: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        env = "SELFSERVE_SMTP_FROM",
        value_name = "ADDRESS"
    )]
    smtp_from: Option<String>,
    #[arg(
        long,
        global = true,
        env = "SELFSERVE_SMTP_TIMEOUT",
        value_name = "SECONDS"
    )]
    smtp_timeout: Option<String>,
    #[arg(
        long,
        global = true,
        env = "SELFSERVE_SMTP_CA_FILE",
        value_name = "PATH"
    )]
    smtp_ca_file: Option<PathBuf>,
    /// The config file's `password_env`: the variable holding the password there.
    #[arg(skip)]
    password_env: Option<String>,
}

impl RelayArgs {
    /// These flags and variables, completed by the config file's `[mail]` where they set no
    /// relay: a flag wins over its variable, which wins over the file.
    pub fn or_file(&self, mail: Option<&crate::config::MailSettings>) -> RelayArgs {
        let (Some(mail), None) = (mail, self.smtp_host.as_ref()) else {
            return self.clone();
        };
        RelayArgs {
            smtp_host: Some(mail.host.clone()),
            smtp_port: self.smtp_port.or(Some(mail.port)),
            smtp_security: self.smtp_security.clone().or(Some(mail.security.clone())),
            smtp_user: self.smtp_user.clone().or(mail.user.clone()),
            smtp_password_file: self
                .smtp_password_file
                .clone()
                .or(mail.password_file.clone()),
            password_env: mail.password_env.clone(),
            smtp_ca_file: self.smtp_ca_file.clone().or(mail.ca_file.clone()),
            ..self.clone()
        }
    }

    /// The relay, or `None` where no host is set.
    pub fn settings(&self) -> Result<Option<RelaySettings>, Failure> {
        let Some(host) = self.smtp_host.as_deref().filter(|h| !h.trim().is_empty()) else {
            return Ok(None);
        };
        let security = self
            .smtp_security
            .as_deref()
            .and_then(Security::parse)
            .unwrap_or_default();
        let mut relay = RelaySettings::new(host.trim(), security);
        if let Some(port) = self.smtp_port {
            relay.port = port;
        }
        if let Some(from) = &self.smtp_from {
            relay.from = from.clone();
        }
        if let Some(given) = &self.smtp_timeout {
            relay.timeout = timeout(given)?;
        }
        relay.ca_file = self.smtp_ca_file.clone();
        relay.user = self.smtp_user.clone().filter(|u| !u.is_empty());
        relay.password = match &self.smtp_password_file {
            Some(path) => Some(Secret::from_file(path)?),
            None => std::env::var(self.password_env.as_deref().unwrap_or(PASSWORD_VAR))
                .ok()
                .map(Secret::new),
        };
        Ok(Some(relay))
    }

    /// The relay, where one must be set (`outbox send`, the dashboard's `s`).
    pub fn required(&self) -> Result<RelaySettings, Failure> {
        self.settings()?
            .ok_or_else(|| Failure::Core(Error::usage(text!("delivery-no-relay"))))
    }
}

fn timeout(given: &str) -> Result<Duration, Failure> {
    match given.trim().parse::<u64>() {
        Ok(secs @ 1..=3600) => Ok(Duration::from_secs(secs)),
        _ => Err(Failure::Core(Error::usage(text!(
            "delivery-bad-timeout",
            given = given
        )))),
    }
}
