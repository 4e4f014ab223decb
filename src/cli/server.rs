//! `selfserve server status`: who is connected to the server on the socket. With no server
//! answering there it says so and exits 5, so scripts can test whether one runs.

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::Error;
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
    let client = ctx.server("cli")?.ok_or_else(|| {
        Error::database(format!(
            "no selfserve server answers on {}; start one with `selfserve serve --db {}`",
            ctx.socket.display(),
            ctx.db_path.display()
        ))
    })?;
    let connected = client.server_status()?;
    if ctx.json {
        print_json(&connected)?;
    } else {
        let mut t = Table::new(&["Login", "Role", "Since", "Front end", "Uid>", "Pid>"]);
        for c in &connected {
            let front_end = if c.read_only {
                format!("{} (read-only)", c.front_end)
            } else {
                c.front_end.clone()
            };
            t.row(vec![
                c.login.clone(),
                c.role.as_str().to_string(),
                c.since.format("%Y-%m-%d %H:%M:%S").to_string(),
                front_end,
                c.uid.to_string(),
                c.pid.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
            ]);
        }
        print_lines(&t.lines())?;
    }
    Ok(ExitCode::SUCCESS)
}
