//! `selfserve config path|show|check`: where the config file is, the settings in force (the
//! flags, the environment, the file and the defaults, in that order), and whether the file is
//! valid (a broken one never gets this far: its one line and exit 2 come first).

use super::{print_json, print_lines, Ctx, Failure};
use crate::config::{Config, MailSettings};
use clap::Subcommand;
use selfserve::tui::keymap::{self, BINDINGS};
use selfserve::tui::theme::{self, ROLES};
use serde::Serialize;
use std::collections::BTreeMap;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    Path,
    Show,
    Check,
}

/// The settings in force, written as the file would hold them.
#[derive(Serialize)]
struct Shown {
    db: String,
    socket: String,
    lang: &'static str,
    theme: BTreeMap<&'static str, &'static str>,
    keys: BTreeMap<String, Vec<String>>,
    ui: Ui,
    #[serde(skip_serializing_if = "Option::is_none")]
    mail: Option<MailSettings>,
}

/// `[ui]` in force.
#[derive(Serialize)]
struct Ui {
    mouse: bool,
}

/// `config show --json`: the settings and the file they came from.
#[derive(Serialize)]
struct ShownJson<'a> {
    file: String,
    found: bool,
    #[serde(flatten)]
    settings: &'a Shown,
}

pub fn run(ctx: &Ctx, config: &Config, command: &ConfigCommand) -> Result<ExitCode, Failure> {
    let file = config.path.display().to_string();
    match command {
        ConfigCommand::Path => print_lines(&[file])?,
        ConfigCommand::Show => show(ctx, config)?,
        ConfigCommand::Check => {
            let line = if config.found {
                say!(ctx.lang, "config-valid", file = file)
            } else {
                say!(ctx.lang, "config-absent", file = file)
            };
            print_lines(&[line])?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(ctx: &Ctx, config: &Config) -> Result<(), Failure> {
    let theme = ROLES
        .iter()
        .map(|role| (*role, theme::colour_name(config.palette.role(role))))
        .collect();
    let mut keys = BTreeMap::new();
    for b in BINDINGS {
        if let Some(name) = keymap::name_of(b) {
            let names = config.keys.keys(b).iter().map(|k| keymap::key_name(*k));
            keys.insert(name, names.collect());
        }
    }
    let shown = Shown {
        db: ctx.db_path.display().to_string(),
        socket: ctx.socket.display().to_string(),
        lang: ctx.lang.code(),
        theme,
        keys,
        ui: Ui {
            mouse: config.mouse,
        },
        mail: config.mail.clone(),
    };
    if ctx.json {
        return print_json(&ShownJson {
            file: config.path.display().to_string(),
            found: config.found,
            settings: &shown,
        });
    }
    let text = toml::to_string(&shown).map_err(std::io::Error::other)?;
    let mut lines = vec![format!("# {}", config.path.display())];
    lines.extend(text.lines().map(str::to_string));
    print_lines(&lines)
}
