//! `selfserve user export`

use super::{print_json, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::api::Request;
use selfserve_core::export::{self, Export, ExportRow, ExportSelection};
use selfserve_core::model::ProductId;
use serde::Serialize;
use std::io::IsTerminal;
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
            let bar = super::export_progress::ExportBar::new(ctx, export.rows.len());
            let written = export::write_csv_file(&export.rows, path, &mut |done| bar.at(done));
            bar.clear();
            let rows = written?;
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
            // At a terminal a person reads the CSV: each cell as `to_locale` gives a line. To a pipe
            // it is data, written as it is.
            if stdout.is_terminal() {
                let utf8 = selfserve::text::locale_is_utf8();
                let rows: Vec<ExportRow> =
                    export.rows.iter().map(|r| for_terminal(r, utf8)).collect();
                export::write_csv(&rows, stdout.lock())?;
            } else {
                export::write_csv(&export.rows, stdout.lock())?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn for_terminal(row: &ExportRow, utf8: bool) -> ExportRow {
    let clean = |text: &str| selfserve::text::for_terminal(text, utf8);
    ExportRow {
        display_name: clean(&row.display_name),
        user_principal_name: clean(&row.user_principal_name),
        product_name: clean(&row.product_name),
        product_id: ProductId(clean(&row.product_id.0)),
        subscription_id: row.subscription_id,
        buyer_name: clean(&row.buyer_name),
        buyer_upn: clean(&row.buyer_upn),
        assigned_on: row.assigned_on,
    }
}
