//! `selfserve product list [--self-service]` and `product centralise PRODUCT [--dry-run]`

use super::table::Table;
use super::{date_or_dash, print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
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
        print_lines(&human(&rows))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn human(rows: &[ProductRow]) -> Vec<String> {
    let mut t = Table::new(&[
        "Product",
        "Product ID",
        "Subscriptions>",
        "Quantity>",
        "Assigned>",
        "Next expiration",
        "Monthly spend>",
        "Paid twice>",
        "Policy",
    ]);
    for r in rows {
        t.row(vec![
            r.product_name.clone(),
            r.product_id.0.clone(),
            r.subscriptions.to_string(),
            r.quantity.to_string(),
            r.assigned.to_string(),
            date_or_dash(r.next_expiration),
            r.monthly_spend.to_string(),
            r.paid_twice.to_string(),
            r.policy.words().to_string(),
        ]);
    }
    let mut lines = t.lines();
    let due = rows.iter().map(|r| u64::from(r.lifecycle_due)).sum();
    lines.extend(super::due::line(due));
    lines
}
