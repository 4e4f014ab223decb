//! `selfserve outbox send`: every pending e-mail (and every failed one whose next attempt has
//! come) handed to the relay now, each attempt recorded as soon as the relay answered. One line
//! per e-mail on stderr while it runs; the summary on stdout (`--json`: counts and the e-mails).
//! Exit 0 when all went out; 1 when some are left pending or failed (`outbox list` says why).

use super::outbox::{delivery, Row};
use super::{eprint_line, print_json, print_lines, Ctx, Failure};
use selfserve_core::model::Email;
use selfserve_server::mail::{deliver, Relay, Summary};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct Sent<'a> {
    #[serde(flatten)]
    summary: Summary,
    emails: Vec<Row<'a>>,
}

pub fn run(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let relay = Relay::new(&ctx.relay.required()?)?;
    let client = ctx.client()?;
    let lang = ctx.lang;
    let mut emails: Vec<Email> = Vec::new();
    let summary = deliver(
        &mut &client,
        &relay,
        true,
        &|| ctx.now,
        &mut |email, done, total| {
            if !ctx.json {
                eprint_line(&say!(
                    lang,
                    "delivery-progress",
                    done = done,
                    total = total,
                    to = email.to.as_str(),
                    state = delivery(lang, email.delivery)
                ));
            }
            emails.push(email.clone());
        },
    )?;
    if ctx.json {
        print_json(&Sent {
            summary,
            emails: emails.iter().map(Row::of).collect(),
        })?;
    } else if emails.is_empty() {
        print_lines(&[lang.t("delivery-none-due")])?;
    } else {
        print_lines(&[say!(
            lang,
            "delivery-summary",
            sent = summary.sent,
            pending = summary.pending,
            failed = summary.failed
        )])?;
    }
    Ok(if summary.pending + summary.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
