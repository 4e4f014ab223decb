//! `selfserve subscription ask-cancel SUB [--dry-run]`

use super::{email_lines, report, resolve, user_lines};
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
    let mut lines = email_lines(&out, &p.emails);
    let users = p.paid_twice.len() + p.only_licensed_here.len();
    lines.push(format!(
        "{} of its {} {} a license of {} from another subscription too (paid twice).",
        p.paid_twice.len(),
        users,
        if users == 1 {
            "user holds"
        } else {
            "users hold"
        },
        p.subscription.product_name
    ));
    if !p.only_licensed_here.is_empty() {
        lines.push(format!(
            "{} {} only from it and would lose access when it is cancelled: assign them a central license first (`selfserve license assign`).",
            p.only_licensed_here.len(),
            if p.only_licensed_here.len() == 1 { "holds a license" } else { "hold a license" }
        ));
        lines.extend(user_lines(&p.only_licensed_here));
    }
    lines.push(format!(
        "{} stays as it is until its buyer cancels it.",
        p.subscription.label()
    ));
    report(ctx, &out, lines)
}
