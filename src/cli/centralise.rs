//! `selfserve product centralise PRODUCT [--term monthly|annual] [--dry-run]`

use super::subscription::{dry, email_lines, label, named, parse_term, report};
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
    let lang = ctx.lang;
    let mut lines = vec![say!(
        lang,
        "cli-centralise-summary",
        dry = dry(&out),
        users = p.users_moved,
        product = p.product_name.as_str(),
        subscriptions = p.moves.len()
    )];
    for r in &p.reused {
        lines.push(say!(
            lang,
            "cli-centralise-reused",
            count = r.licenses,
            sub = label(lang, &r.subscription),
            value = &r.value_per_term
        ));
    }
    if let Some(add) = &p.added {
        lines.push(say!(
            lang,
            "cli-centralise-added",
            count = add.added,
            sub = label(lang, &add.subscription),
            price = &add.price.amount,
            term = add.price.term.as_str(),
            cost = &add.cost_per_term
        ));
    }
    if let Some(buy) = &p.bought {
        lines.push(say!(
            lang,
            "cli-centralise-bought",
            count = buy.subscription.quantity,
            id = buy.subscription.id.to_string(),
            price = &buy.price.amount,
            term = buy.price.term.as_str(),
            cost = &buy.cost_per_term
        ));
    }
    if p.users_already_central > 0 {
        lines.push(say!(
            lang,
            "cli-centralise-already-central",
            dry = dry(&out),
            count = p.users_already_central
        ));
    }
    for m in &p.moves {
        lines.push(say!(
            lang,
            "cli-centralise-move",
            sub = named(lang, &m.from),
            count = m.users()
        ));
    }
    for m in &p.moves {
        lines.extend(email_lines(lang, &out, &m.emails));
    }
    report(ctx, &out, lines)?;
    Ok(ExitCode::SUCCESS)
}
