//! The config file's `[mail]`: the relay the outbox is delivered through. Parsed and checked
//! here into plain data; the password itself is never read here, only where it is.

use super::File;
use selfserve_core::{text, Error};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// `[mail]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Shape {
    host: Spanned<String>,
    port: Option<Spanned<i64>>,
    security: Option<Spanned<String>>,
    user: Option<Spanned<String>>,
    password_file: Option<Spanned<String>>,
    password_env: Option<Spanned<String>>,
    ca_file: Option<Spanned<String>>,
}

/// The relay, checked: a host, a port, how the link is secured, and who logs in with the
/// password from which file or environment variable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MailSettings {
    pub host: String,
    pub port: u16,
    /// `starttls` (the default, port 587), `tls` (465) or `none` (25).
    pub security: String,
    pub user: Option<String>,
    pub password_file: Option<PathBuf>,
    pub password_env: Option<String>,
    /// A PEM file of CA certificates the relay's certificate may chain to, besides the
    /// machine's.
    pub ca_file: Option<PathBuf>,
}

const SECURITY: [(&str, u16); 3] = [("starttls", 587), ("tls", 465), ("none", 25)];

impl Shape {
    pub(super) fn settings(self, file: &File, base: &Path) -> Result<MailSettings, Error> {
        if self.host.get_ref().trim().is_empty() {
            return Err(file.bad(self.host.span(), "mail.host", text!("config-why-host")));
        }
        let (security, default_port) = match &self.security {
            None => SECURITY[0],
            Some(s) => *SECURITY
                .iter()
                .find(|(name, _)| *name == s.get_ref().as_str())
                .ok_or_else(|| file.bad(s.span(), "mail.security", text!("config-why-security")))?,
        };
        let port = match &self.port {
            None => default_port,
            Some(p) => u16::try_from(*p.get_ref())
                .ok()
                .filter(|p| *p != 0)
                .ok_or_else(|| file.bad(p.span(), "mail.port", text!("config-why-port")))?,
        };
        if let (Some(_), Some(env)) = (&self.password_file, &self.password_env) {
            return Err(file.bad(
                env.span(),
                "mail.password_env",
                text!("config-why-two-passwords"),
            ));
        }
        let password = self.password_file.as_ref().or(self.password_env.as_ref());
        match (&self.user, password) {
            (Some(user), None) => {
                return Err(file.bad(user.span(), "mail.user", text!("config-why-no-password")))
            }
            (None, Some(p)) => {
                let key = if self.password_file.is_some() {
                    "mail.password_file"
                } else {
                    "mail.password_env"
                };
                return Err(file.bad(p.span(), key, text!("config-why-no-user")));
            }
            _ => {}
        }
        Ok(MailSettings {
            host: self.host.into_inner(),
            port,
            security: security.to_string(),
            user: self.user.map(Spanned::into_inner),
            password_file: self
                .password_file
                .map(|p| super::resolve(base, p.get_ref())),
            password_env: self.password_env.map(Spanned::into_inner),
            ca_file: self.ca_file.map(|p| super::resolve(base, p.get_ref())),
        })
    }
}
