//! `selfserve product list [--self-service]` and `product centralise PRODUCT [--dry-run]`

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::i18n::{policy_words, Lang};
use selfserve_core::api::Request;
use selfserve_core::query::ProductRow;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum ProductCommand {
    List {
        #[arg(long)]
        self_service: bool,
    },
    Centralise(super::centralise::CentraliseArgs),
}

pub fn run(ctx: &Ctx, command: &ProductCommand) -> Result<ExitCode, Failure> {
    let self_service = match command {
        ProductCommand::List { self_service } => self_service,
        ProductCommand::Centralise(a) => return super::centralise::run(ctx, a),
    };
    let rows: Vec<ProductRow> = ctx.client()?.ask(Request::ProductRows {
        self_service: *self_service,
        now: ctx.now,
    })?;
    if ctx.json {
        print_json(&rows)?;
    } else {
        print_lines(&human(ctx.lang, &rows))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn human(lang: Lang, rows: &[ProductRow]) -> Vec<String> {
    let mut t = Table::of(
        lang,
        &[
            "cli-col-product",
            "cli-col-product-id",
            "cli-col-subscriptions>",
            "cli-col-quantity>",
            "cli-col-assigned>",
            "cli-col-next-expiration",
            "cli-col-monthly-spend>",
            "cli-col-paid-twice>",
            "cli-col-policy",
        ],
    );
    for r in rows {
        t.row(vec![
            r.product_name.clone(),
            r.product_id.0.clone(),
            lang.count(r.subscriptions),
            lang.count(i64::try_from(r.quantity).unwrap_or(i64::MAX)),
            lang.count(i64::try_from(r.assigned).unwrap_or(i64::MAX)),
            lang.date_or_dash(r.next_expiration),
            lang.money(&r.monthly_spend),
            lang.count(i64::try_from(r.paid_twice).unwrap_or(i64::MAX)),
            policy_words(lang, r.policy),
        ]);
    }
    let mut lines = t.lines();
    let due = rows.iter().map(|r| u64::from(r.lifecycle_due)).sum();
    lines.extend(super::due::line(lang, due));
    lines
}
