//! `selfserve subscription add-licenses SUB --quantity N [--dry-run]`

use super::{dry, label, report, resolve};
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
    let lang = ctx.lang;
    let lines = vec![
        say!(
            lang,
            "cli-add-licenses-done",
            dry = dry(&out),
            count = p.added,
            sub = label(lang, &p.subscription),
            quantity = p.quantity_after,
            free = p.free_after
        ),
        say!(
            lang,
            "cli-add-licenses-terms",
            price = &p.price.amount,
            term = p.price.term.as_str(),
            cost = &p.cost_per_term,
            expires = p.expires
        ),
    ];
    report(ctx, &out, lines)
}
