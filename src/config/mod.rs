//! The config file: `--config PATH`, else `SELFSERVE_CONFIG`, else `selfserve/config.toml` in
//! the platform's config directory (`$XDG_CONFIG_HOME`, `~/.config`). Read with serde + toml;
//! an unknown key or a bad value is one line naming the file, the line and the key (exit 2).
//! Command-line flags win over the environment (clap reads both), which wins over the file.

mod mail;

pub use mail::MailSettings;

use selfserve::i18n::{Lang, Text};
use selfserve::tui::keymap::{self, RebindError, Rebound};
use selfserve::tui::theme::{self, Palette};
use selfserve_core::toml_place::{TomlRefusal, TomlText};
use selfserve_core::{text, Error};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The settings the file gives (defaults where it is silent or absent).
#[derive(Debug, Default)]
pub struct Config {
    pub path: PathBuf,
    /// Whether there is a file (without one every default is in force).
    pub found: bool,
    pub db: Option<PathBuf>,
    pub socket: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub palette: Palette,
    pub keys: Rebound,
    pub mail: Option<MailSettings>,
    /// `[ui] mouse`: the dashboard takes the mouse (off by default: the terminal keeps its own
    /// selection and scrolling).
    pub mouse: bool,
}

/// The file as written: every key it may have (serde refuses any other).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shape {
    db: Option<Spanned<String>>,
    socket: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    mail: Option<mail::Shape>,
    ui: Option<Ui>,
}

/// `[ui]`: how the dashboard meets the terminal.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ui {
    mouse: Option<bool>,
}

/// Where the file is: the flag or `SELFSERVE_CONFIG` (clap gives either as `given`), else the
/// platform's config directory.
pub fn path(given: Option<&Path>) -> Result<PathBuf, Error> {
    match given {
        Some(path) => Ok(path.to_path_buf()),
        None => dirs::config_dir()
            .map(|d| d.join("selfserve").join("config.toml"))
            .ok_or_else(|| Error::usage(text!("config-no-directory"))),
    }
}

/// Reads the file at `path`. A missing file is no error at the default place (defaults are
/// in force), but is one where `--config` or `SELFSERVE_CONFIG` named it.
pub fn load(path: PathBuf, named: bool) -> Result<Config, Error> {
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => {
            return Ok(Config {
                path,
                ..Config::default()
            })
        }
        Err(e) => {
            return Err(Error::usage(text!(
                "config-unreadable",
                file = path.display().to_string(),
                detail = e.to_string()
            )))
        }
    };
    let file = File {
        path: &path,
        text: &text,
    };
    let shape: Shape = toml::from_str(&text).map_err(|e| file.serde(&e))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let lang = match &shape.lang {
        None => None,
        Some(lang) => Some(
            lang.get_ref()
                .parse::<Lang>()
                .map_err(|_| file.bad(lang.span(), "lang", text!("config-why-lang")))?,
        ),
    };
    let mut palette = Palette::default();
    for (role, name) in &shape.theme {
        let key = format!("theme.{}", role.get_ref());
        let Some(slot) = palette.role_mut(role.get_ref()) else {
            let roles = theme::ROLES.join(", ");
            return Err(file.bad(role.span(), &key, text!("config-why-role", roles = roles)));
        };
        *slot = theme::colour(name.get_ref()).ok_or_else(|| {
            let colours: Vec<_> = theme::COLOURS.iter().map(|(n, _)| *n).collect();
            file.bad(
                name.span(),
                &key,
                text!("config-why-colour", colours = colours.join(", ")),
            )
        })?;
    }
    let keys = file.keys(&shape.keys)?;
    let mail = shape.mail.map(|m| m.settings(&file, base)).transpose()?;
    Ok(Config {
        db: shape.db.map(|p| resolve(base, p.get_ref())),
        socket: shape.socket.map(|p| resolve(base, p.get_ref())),
        path,
        found: true,
        lang,
        palette,
        keys,
        mail,
        mouse: shape.ui.and_then(|ui| ui.mouse).unwrap_or(false),
    })
}

/// A path of the file: `~/` is the home directory, and a relative one is beside the file.
fn resolve(base: &Path, path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), dirs::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => base.join(path),
    }
}

/// The file being read, for errors that say where.
struct File<'a> {
    path: &'a Path,
    text: &'a str,
}

impl File<'_> {
    /// The line at `offset` (from 1).
    fn line(&self, offset: usize) -> usize {
        TomlText(self.text).line(offset)
    }

    /// The one line for a bad value at `span`.
    fn bad(&self, span: Range<usize>, key: &str, why: Text) -> Error {
        if key.is_empty() {
            // Not TOML before any key: the line says where.
            return Error::usage(text!(
                "config-error-at",
                file = self.path.display().to_string(),
                line = self.line(span.start).to_string(),
                why = why
            ));
        }
        Error::usage(text!(
            "config-error",
            file = self.path.display().to_string(),
            line = self.line(span.start).to_string(),
            key = key,
            why = why
        ))
    }

    /// The one line for what serde or toml refused.
    fn serde(&self, e: &toml::de::Error) -> Error {
        let TomlRefusal {
            at,
            key,
            unknown_key,
            message,
        } = TomlText(self.text).refusal(e);
        let why = if unknown_key {
            text!("config-why-unknown-key")
        } else {
            text!("config-why-value", detail = message)
        };
        self.bad(at, &key, why)
    }

    /// `[keys]`: each action's new keys, one (`cancel = "x"`) or several (`["x", "ctrl-x"]`).
    fn keys(
        &self,
        written: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    ) -> Result<Rebound, Error> {
        let entries: Vec<_> = written.iter().collect();
        let mut binds = Vec::new();
        for (name, value) in &entries {
            let key = format!("keys.{}", name.get_ref());
            let names = match value.get_ref() {
                toml::Value::String(one) => vec![one.clone()],
                toml::Value::Array(many) => many
                    .iter()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| self.bad(value.span(), &key, text!("config-why-key-list")))?,
                _ => return Err(self.bad(value.span(), &key, text!("config-why-key-list"))),
            };
            binds.push((name.get_ref().clone(), names));
        }
        Rebound::new(&binds).map_err(|(i, e)| {
            let (name, value) = entries[i];
            let key = format!("keys.{}", name.get_ref());
            match e {
                RebindError::UnknownAction => self.bad(
                    name.span(),
                    &key,
                    text!(
                        "config-why-action",
                        actions = keymap::action_names().join(", ")
                    ),
                ),
                RebindError::BadKey(written) => self.bad(
                    value.span(),
                    &key,
                    text!("config-why-key", written = written),
                ),
                RebindError::NoKey => self.bad(value.span(), &key, text!("config-why-no-key")),
                RebindError::Clash { key: k, other, .. } => self.bad(
                    value.span(),
                    &key,
                    text!("config-why-clash", written = k, other = other),
                ),
            }
        })
    }
}
