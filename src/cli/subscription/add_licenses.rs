//! `selfserve subscription add-licenses SUB --quantity N [--dry-run]`

use super::{done, report, resolve};
use crate::cli::{Ctx, Failure};
use selfserve_core::api::Request;
use selfserve_core::ops::add_licenses::AddLicensesPlan;
use selfserve_core::ops::take_over::Outcome;

pub fn run(ctx: &Ctx, sub: &str, quantity: u32, dry_run: bool) -> Result<(), Failure> {
    let client = ctx.client()?;
    let out: Outcome<AddLicensesPlan> = client.ask(Request::AddLicenses {
        sub: resolve(&client, sub)?,
        quantity,
        now: ctx.now,
        dry_run,
    })?;
    let p = &out.plan;
    let lines = vec![
        format!(
            "{} {} {} to {}: {} licenses, {} free.",
            done(&out, "Added", "Would add"),
            p.added,
            if p.added == 1 { "license" } else { "licenses" },
            p.subscription.label(),
            p.quantity_after,
            p.free_after
        ),
        format!(
            "{} per license per {} term, {} per term for the added ones; they end and renew with the subscription on {}.",
            p.price.amount,
            p.price.term.as_str(),
            p.cost_per_term,
            p.expires
        ),
    ];
    report(ctx, &out, lines)
}
