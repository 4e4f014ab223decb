//! `selfserve server status`: who is connected to the server on the socket. With no server
//! answering there it says so and exits 5, so scripts can test whether one runs.

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum ServerCommand {
    Status,
}

pub fn run(ctx: &Ctx, command: &ServerCommand) -> Result<ExitCode, Failure> {
    match command {
        ServerCommand::Status => status(ctx),
    }
}

fn status(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let client = ctx.server("cli")?.ok_or_else(|| super::no_server(ctx))?;
    let connected = client.server_status()?;
    if ctx.json {
        print_json(&connected)?;
    } else {
        let lang = ctx.lang;
        let mut t = Table::of(
            lang,
            &[
                "cli-col-login",
                "cli-col-role",
                "cli-col-since",
                "cli-col-front-end",
                "cli-col-uid>",
                "cli-col-pid>",
            ],
        );
        for c in &connected {
            let front_end = if c.read_only {
                say!(
                    lang,
                    "cli-read-only-front-end",
                    front_end = c.front_end.as_str()
                )
            } else {
                c.front_end.clone()
            };
            t.row(vec![
                c.login.clone(),
                super::admin::role(lang, c.role),
                super::seconds(lang, c.since),
                front_end,
                c.uid.to_string(),
                c.pid.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
            ]);
        }
        print_lines(&t.lines())?;
    }
    Ok(ExitCode::SUCCESS)
}
