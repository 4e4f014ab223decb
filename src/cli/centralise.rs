//! `selfserve product centralise PRODUCT [--term monthly|annual] [--dry-run]`

use super::subscription::{done, email_lines, named, parse_term, report};
use super::{Ctx, Failure};
use clap::Args;
use selfserve_core::api::Request;
use selfserve_core::model::ProductId;
use selfserve_core::ops::centralise::CentralisePlan;
use selfserve_core::ops::take_over::Outcome;
use selfserve_core::words::{agree, count};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct CentraliseArgs {
    /// Product id such as CFQ7TTC0H9MP
    #[arg(value_name = "PRODUCT")]
    product: String,
    /// Term of the central subscription bought: monthly or annual
    #[arg(long, value_name = "TERM", default_value = "annual")]
    term: String,
    /// Say what would change, change nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn run(ctx: &Ctx, a: &CentraliseArgs) -> Result<ExitCode, Failure> {
    let term = parse_term(&a.term)?;
    let out: Outcome<CentralisePlan> = ctx.client()?.ask(Request::Centralise {
        product: ProductId(a.product.trim().to_ascii_uppercase()),
        term,
        now: ctx.now,
        dry_run: a.dry_run,
    })?;
    let p = &out.plan;
    let buy = &p.purchase;
    let mut lines = vec![
        format!(
            "{} {} {} {} centrally (subscription {}, {} per term, invoice).",
            done(&out, "Bought", "Would buy"),
            buy.subscription.quantity,
            p.product_name,
            agree(u64::from(buy.subscription.quantity), "license", "licenses"),
            buy.subscription.id,
            buy.cost_per_term
        ),
        format!(
            "{} {} from {} into it, cancelling {} (moving-to-central):",
            done(&out, "Moved", "Would move"),
            count(u64::from(p.users_moved), "user"),
            count(p.moves.len() as u64, "self-service subscription"),
            agree(p.moves.len() as u64, "it", "them")
        ),
    ];
    for m in &p.moves {
        lines.push(format!(
            "  {}: {}",
            named(&m.from),
            count(m.users.len() as u64, "user")
        ));
    }
    for m in &p.moves {
        lines.extend(email_lines(&out, &m.emails));
    }
    report(ctx, &out, lines)?;
    Ok(ExitCode::SUCCESS)
}
