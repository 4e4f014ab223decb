//! `selfserve outbox list` and `outbox show ID`

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::text::sanitize;
use selfserve_core::api::Request;
use selfserve_core::model::{Delivery, Email};
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum OutboxCommand {
    List {
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    Show {
        #[arg(value_name = "ID")]
        id: u64,
    },
}

pub fn run(ctx: &Ctx, command: &OutboxCommand) -> Result<ExitCode, Failure> {
    match command {
        OutboxCommand::List { limit } => list(ctx, *limit)?,
        OutboxCommand::Show { id } => show(ctx, *id)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn delivery(e: &Email) -> &'static str {
    match e.delivery {
        Delivery::Pending => "pending",
        Delivery::Sent => "sent",
    }
}

fn list(ctx: &Ctx, limit: usize) -> Result<(), Failure> {
    let emails: Vec<Email> = ctx.client()?.ask(Request::OutboxEmails { limit })?;
    if ctx.json {
        return print_json(&emails);
    }
    let mut t = Table::new(&["ID>", "Created", "To", "Kind", "Subject", "Delivery"]);
    for e in &emails {
        t.row(vec![
            e.id.to_string(),
            e.created_at.format("%Y-%m-%d %H:%M").to_string(),
            e.to.clone(),
            e.kind.as_str().to_string(),
            e.subject.clone(),
            delivery(e).to_string(),
        ]);
    }
    let mut lines = t.lines();
    if emails.is_empty() {
        lines.push("(the outbox is empty)".to_string());
    }
    print_lines(&lines)
}

/// The e-mail as a mail reader shows it: headers, a blank line, the body with its line breaks.
fn show(ctx: &Ctx, id: u64) -> Result<(), Failure> {
    let e: Email = ctx.client()?.ask(Request::OutboxEmail { id })?;
    if ctx.json {
        return print_json(&e);
    }
    let mut lines = vec![
        format!("ID:       {}", e.id),
        format!("To:       {}", sanitize(&e.to)),
        format!("Subject:  {}", sanitize(&e.subject)),
        format!("Date:     {}", e.created_at.to_rfc2822()),
        format!("Kind:     {}", e.kind.as_str()),
        format!("Delivery: {}", delivery(&e)),
        String::new(),
    ];
    // Each line is cleaned on its own so the body keeps its paragraphs.
    lines.extend(e.body.lines().map(sanitize));
    print_lines(&lines)
}
