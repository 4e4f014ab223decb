//! `selfserve outbox list` and `outbox show ID`

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::i18n::Lang;
use selfserve::text::{sanitize, width};
use selfserve_core::api::Request;
use selfserve_core::model::{Delivery, Email, EmailKind};
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

fn delivery(lang: Lang, e: &Email) -> String {
    lang.t(match e.delivery {
        Delivery::Pending => "cli-delivery-pending",
        Delivery::Sent => "cli-delivery-sent",
    })
}

/// What kind of e-mail: its name in English (as `--json` has it), words in French.
fn kind(lang: Lang, kind: EmailKind) -> String {
    lang.t(match kind {
        EmailKind::SubscriptionCancelled => "cli-email-kind-subscription-cancelled",
        EmailKind::UsersMoved => "cli-email-kind-users-moved",
        EmailKind::PleaseCancel => "cli-email-kind-please-cancel",
        EmailKind::FirstTrial => "cli-email-kind-first-trial",
        EmailKind::Renewed => "cli-email-kind-renewed",
        EmailKind::Converted => "cli-email-kind-converted",
        EmailKind::Expired => "cli-email-kind-expired",
        EmailKind::Disabled => "cli-email-kind-disabled",
        EmailKind::Deleted => "cli-email-kind-deleted",
        EmailKind::Notice => "cli-email-kind-notice",
    })
}

fn list(ctx: &Ctx, limit: usize) -> Result<(), Failure> {
    let emails: Vec<Email> = ctx.client()?.ask(Request::OutboxEmails { limit })?;
    if ctx.json {
        return print_json(&emails);
    }
    let lang = ctx.lang;
    let mut t = Table::of(
        lang,
        &[
            "cli-col-id>",
            "cli-col-created",
            "cli-col-to",
            "cli-col-kind",
            "cli-col-subject",
            "cli-col-delivery",
        ],
    );
    for e in &emails {
        t.row(vec![
            e.id.to_string(),
            lang.time(e.created_at),
            e.to.clone(),
            kind(lang, e.kind),
            e.subject.clone(),
            delivery(lang, e),
        ]);
    }
    let mut lines = t.lines();
    if emails.is_empty() {
        lines.push(lang.t("cli-outbox-empty"));
    }
    print_lines(&lines)
}

/// The e-mail as a mail reader shows it: headers, a blank line, the body with its line breaks.
fn show(ctx: &Ctx, id: u64) -> Result<(), Failure> {
    let e: Email = ctx.client()?.ask(Request::OutboxEmail { id })?;
    if ctx.json {
        return print_json(&e);
    }
    let lang = ctx.lang;
    let headers = [
        ("cli-email-id", e.id.to_string()),
        ("cli-email-to", sanitize(&e.to)),
        ("cli-email-subject", sanitize(&e.subject)),
        ("cli-email-date", say!(lang, "cli-utc", time = e.created_at)),
        ("cli-email-kind", kind(lang, e.kind)),
        ("cli-email-delivery", delivery(lang, &e)),
    ];
    // The values start in one column, after the longest label and its colon.
    let labels: Vec<String> = headers
        .iter()
        .map(|(id, _)| say!(lang, "cli-label", label = lang.t(id)))
        .collect();
    let widest = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let mut lines: Vec<String> = labels
        .iter()
        .zip(headers.iter())
        .map(|(label, (_, value))| {
            let pad = " ".repeat(widest + 1 - width(label));
            format!("{label}{pad}{value}")
        })
        .collect();
    lines.push(String::new());
    // Each line is cleaned on its own so the body keeps its paragraphs.
    lines.extend(e.body.lines().map(sanitize));
    print_lines(&lines)
}
