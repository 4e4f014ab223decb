//! `selfserve subscription ask-cancel SUB [--dry-run]`

use super::{email_lines, label, report, resolve, user_lines};
use crate::cli::{Ctx, Failure};
use selfserve_core::api::Request;
use selfserve_core::ops::ask_cancel::AskCancelPlan;
use selfserve_core::ops::take_over::Outcome;

pub fn run(ctx: &Ctx, sub: &str, dry_run: bool) -> Result<(), Failure> {
    let client = ctx.client()?;
    let out: Outcome<AskCancelPlan> = client.ask(Request::AskCancel {
        sub: resolve(&client, sub)?,
        now: ctx.now,
        dry_run,
    })?;
    let p = &out.plan;
    let lang = ctx.lang;
    let mut lines = email_lines(lang, &out, &p.emails);
    let users = p.paid_twice.len() + p.only_licensed_here.len();
    lines.push(say!(
        lang,
        "cli-ask-cancel-paid-twice",
        count = p.paid_twice.len(),
        users = users,
        product = p.subscription.product_name.as_str()
    ));
    if !p.only_licensed_here.is_empty() {
        lines.push(say!(
            lang,
            "cli-ask-cancel-only-here",
            count = p.only_licensed_here.len()
        ));
        lines.extend(user_lines(lang, &p.only_licensed_here));
    }
    lines.push(say!(
        lang,
        "cli-ask-cancel-stays",
        sub = label(lang, &p.subscription)
    ));
    report(ctx, &out, lines)
}
