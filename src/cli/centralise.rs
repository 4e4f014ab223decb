//! `selfserve product centralise PRODUCT [--term monthly|annual] [--dry-run]`

use super::subscription::{done, email_lines, named, parse_term, report};
use super::{Ctx, Failure};
use clap::Args;
use selfserve_core::api::Request;
use selfserve_core::model::ProductId;
use selfserve_core::ops::centralise::CentralisePlan;
use selfserve_core::ops::take_over::Outcome;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Args, Debug)]
pub struct CentraliseArgs {
    #[arg(value_name = "PRODUCT")]
    product: String,
    #[arg(long, value_name = "TERM", default_value = "annual")]
    term: String,
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
    let mut lines = vec![format!(
        "{} {} central licenses of {} and {} {} self-service {} (moving-to-central):",
        done(&out, "Gave", "Would give"),
        users(p.users_moved),
        p.product_name,
        done(&out, "cancelled", "cancel"),
        p.moves.len(),
        if p.moves.len() == 1 {
            "subscription"
        } else {
            "subscriptions"
        }
    )];
    for r in &p.reused {
        lines.push(format!(
            "  reused: {} free {} of {} ({} per term, paid already)",
            r.licenses,
            if r.licenses == 1 {
                "license"
            } else {
                "licenses"
            },
            r.subscription.label(),
            r.value_per_term
        ));
    }
    if let Some(add) = &p.added {
        lines.push(format!(
            "  added: {} to {} at {} per license per {} term ({} per term)",
            licenses(add.added),
            add.subscription.label(),
            add.price.amount,
            add.price.term.as_str(),
            add.cost_per_term
        ));
    }
    if let Some(buy) = &p.bought {
        lines.push(format!(
            "  bought: {} in new subscription {} at {} per license per {} term ({} per term, invoice)",
            licenses(buy.subscription.quantity),
            buy.subscription.id,
            buy.price.amount,
            buy.price.term.as_str(),
            buy.cost_per_term
        ));
    }
    if p.users_already_central > 0 {
        lines.push(format!(
            "{} a central license already (paid twice) and only {} the self-service one.",
            match p.users_already_central {
                1 => "1 user holds".to_string(),
                n => format!("{n} users hold"),
            },
            done(&out, "lost", "would lose")
        ));
    }
    for m in &p.moves {
        lines.push(format!("  {}: {}", named(&m.from), users(m.users() as u32)));
    }
    for m in &p.moves {
        lines.extend(email_lines(&out, &m.emails));
    }
    report(ctx, &out, lines)?;
    Ok(ExitCode::SUCCESS)
}

fn users(n: u32) -> String {
    if n == 1 {
        "1 user".to_string()
    } else {
        format!("{n} users")
    }
}

fn licenses(n: u32) -> String {
    if n == 1 {
        "1 license".to_string()
    } else {
        format!("{n} licenses")
    }
}
