//! `selfserve audit list`

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::api::Request;
use selfserve_core::model::AuditEvent;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    List {
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
}

pub fn run(ctx: &Ctx, command: &AuditCommand) -> Result<ExitCode, Failure> {
    let AuditCommand::List { limit } = command;
    let events: Vec<AuditEvent> = ctx.client()?.ask(Request::AuditEvents { limit: *limit })?;
    if ctx.json {
        print_json(&events)?;
    } else {
        let mut t = Table::of(
            ctx.lang,
            &[
                "cli-col-at",
                "cli-col-actor",
                "cli-col-action",
                "cli-col-target",
                "cli-col-change",
            ],
        );
        for e in &events {
            let change = match (&e.before, &e.after) {
                (Some(b), Some(a)) => format!("{b} → {a}"),
                (None, Some(a)) => a.clone(),
                (Some(b), None) => format!("{b} → -"),
                (None, None) => String::new(),
            };
            t.row(vec![
                ctx.lang.time(e.at),
                e.actor.clone(),
                e.action.clone(),
                e.target.clone(),
                change,
            ]);
        }
        print_lines(&t.lines())?;
    }
    Ok(ExitCode::SUCCESS)
}
