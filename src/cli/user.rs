//! `selfserve user export`

use super::{print_json, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::api::Request;
use selfserve_core::export::{self, Export, ExportSelection};
use selfserve_core::model::ProductId;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum UserCommand {
    Export {
        #[arg(long, value_name = "ID")]
        product: Option<String>,
        #[arg(long = "subscription", value_name = "SUB")]
        subscriptions: Vec<String>,
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Serialize)]
struct Written {
    path: PathBuf,
    rows: usize,
    subscriptions: usize,
}

pub fn run(ctx: &Ctx, command: &UserCommand) -> Result<ExitCode, Failure> {
    let UserCommand::Export {
        product,
        subscriptions,
        output,
    } = command;
    let client = ctx.client()?;
    let selection = ExportSelection {
        product: product
            .as_ref()
            .map(|p| ProductId(p.trim().to_ascii_uppercase())),
        subscriptions: subscriptions.clone(),
    };
    let export: Export = client.ask(Request::Export {
        selection,
        now: ctx.now,
    })?;
    // The file is written here, by the user running the command, not by whoever holds the database.
    match output.as_ref().filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            let rows = export::write_csv_file(&export.rows, path)?;
            if ctx.json {
                print_json(&Written {
                    path: path.clone(),
                    rows,
                    subscriptions: export.subscriptions,
                })?;
            } else {
                super::eprint_line(&say!(
                    ctx.lang,
                    "cli-export-wrote",
                    users = rows,
                    subscriptions = export.subscriptions,
                    path = path.display().to_string()
                ));
            }
        }
        None => {
            let stdout = std::io::stdout();
            export::write_csv(&export.rows, stdout.lock())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
