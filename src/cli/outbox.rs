//! `selfserve outbox list`

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::api::Request;
use selfserve_core::model::Email;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum OutboxCommand {
    /// E-mails, newest first
    List {
        /// At most this many e-mails
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
}

pub fn run(ctx: &Ctx, command: &OutboxCommand) -> Result<ExitCode, Failure> {
    let OutboxCommand::List { limit } = command;
    let emails: Vec<Email> = ctx.client()?.ask(Request::OutboxEmails { limit: *limit })?;
    if ctx.json {
        print_json(&emails)?;
    } else {
        let mut t = Table::new(&["Created", "To", "Kind", "Subject", "Delivery"]);
        for e in &emails {
            t.row(vec![
                e.created_at.format("%Y-%m-%d %H:%M").to_string(),
                e.to.clone(),
                e.kind.as_str().to_string(),
                e.subject.clone(),
                format!("{:?}", e.delivery).to_lowercase(),
            ]);
        }
        let mut lines = t.lines();
        if emails.is_empty() {
            lines.push("(the outbox is empty)".to_string());
        }
        print_lines(&lines)?;
    }
    Ok(ExitCode::SUCCESS)
}
