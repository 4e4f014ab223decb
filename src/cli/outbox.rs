//! `selfserve outbox list`, `outbox show ID` and `outbox send`

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use chrono::{DateTime, Utc};
use clap::Subcommand;
use selfserve::i18n::Lang;
use selfserve::text::{sanitize, width};
use selfserve_core::api::Request;
use selfserve_core::model::{Delivery, Email, EmailKind};
use serde::Serialize;
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
    Send,
}

pub fn run(ctx: &Ctx, command: &OutboxCommand) -> Result<ExitCode, Failure> {
    match command {
        OutboxCommand::List { limit } => list(ctx, *limit)?,
        OutboxCommand::Show { id } => show(ctx, *id)?,
        OutboxCommand::Send => return super::outbox_send::run(ctx),
    }
    Ok(ExitCode::SUCCESS)
}

/// An e-mail as `--json` has it: the fields it always had, then its delivery (SPEC §3).
#[derive(Serialize)]
pub struct Row<'a> {
    id: u64,
    to: &'a str,
    subject: &'a str,
    body: &'a str,
    kind: EmailKind,
    created_at: DateTime<Utc>,
    delivery: Delivery,
    state: Delivery,
    attempts: u32,
    last_error: Option<&'a str>,
    message_id: &'a str,
}

impl<'a> Row<'a> {
    pub fn of(e: &'a Email) -> Row<'a> {
        Row {
            id: e.id,
            to: &e.to,
            subject: &e.subject,
            body: &e.body,
            kind: e.kind,
            created_at: e.created_at,
            delivery: e.delivery,
            state: e.delivery,
            attempts: e.status.attempts,
            last_error: e.status.last_error.as_deref(),
            message_id: &e.message_id,
        }
    }
}

/// `outbox show --json`: the row, and when it was sent with the relay's answer, or when it is
/// tried next.
#[derive(Serialize)]
struct Whole<'a> {
    #[serde(flatten)]
    row: Row<'a>,
    sent_at: Option<DateTime<Utc>>,
    relay_answer: Option<&'a str>,
    next_attempt: Option<DateTime<Utc>>,
}

pub fn delivery(lang: Lang, state: Delivery) -> String {
    lang.t(match state {
        Delivery::Pending => "cli-delivery-pending",
        Delivery::Sent => "cli-delivery-sent",
        Delivery::Failed => "delivery-state-failed",
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
        return print_json(&emails.iter().map(Row::of).collect::<Vec<_>>());
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
            "delivery-col-attempts>",
            "delivery-col-last-error",
        ],
    );
    for e in &emails {
        t.row(vec![
            e.id.to_string(),
            lang.time(e.created_at),
            e.to.clone(),
            kind(lang, e.kind),
            e.subject.clone(),
            delivery(lang, e.delivery),
            e.status.attempts.to_string(),
            e.status.last_error.clone().unwrap_or_default(),
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
        return print_json(&Whole {
            row: Row::of(&e),
            sent_at: e.status.sent_at,
            relay_answer: e.status.answer.as_deref(),
            next_attempt: e.status.next_attempt,
        });
    }
    let lang = ctx.lang;
    let utc = |at| say!(lang, "cli-utc", time = at);
    let mut headers = vec![
        ("cli-email-id", e.id.to_string()),
        ("cli-email-to", sanitize(&e.to)),
        ("cli-email-subject", sanitize(&e.subject)),
        ("cli-email-date", utc(e.created_at)),
        ("delivery-label-message-id", sanitize(&e.message_id)),
        ("cli-email-kind", kind(lang, e.kind)),
        ("cli-email-delivery", delivery(lang, e.delivery)),
        ("delivery-label-attempts", e.status.attempts.to_string()),
    ];
    let s = &e.status;
    headers.extend(s.sent_at.map(|at| ("delivery-label-sent-at", utc(at))));
    headers.extend(
        s.answer
            .as_deref()
            .map(|a| ("delivery-label-answer", sanitize(a))),
    );
    headers.extend(
        s.last_error
            .as_deref()
            .map(|a| ("delivery-label-last-error", sanitize(a))),
    );
    headers.extend(
        s.next_attempt
            .map(|at| ("delivery-label-next-attempt", utc(at))),
    );
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
