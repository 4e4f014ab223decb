//! `selfserve policy list|get`, with the MSCommerce module's field names.

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::query::{self, PolicyRow};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum PolicyCommand {
    /// Every product's AllowSelfServicePurchase value (Get-MSCommerceProductPolicies)
    List,
    /// One product's value (Get-MSCommerceProductPolicy)
    Get {
        #[arg(value_name = "PRODUCT")]
        product: String,
    },
}

pub fn run(ctx: &Ctx, command: &PolicyCommand) -> Result<ExitCode, Failure> {
    let (store, actor) = ctx.open()?;
    let rows = match command {
        PolicyCommand::List => query::policy_rows(&store, &actor)?,
        PolicyCommand::Get { product } => vec![query::policy_row(&store, &actor, product)?],
    };
    match (ctx.json, command) {
        (true, PolicyCommand::Get { .. }) => print_json(&rows[0])?,
        (true, PolicyCommand::List) => print_json(&rows)?,
        (false, _) => print_lines(&human(&rows))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn human(rows: &[PolicyRow]) -> Vec<String> {
    let mut t = Table::new(&[
        "ProductName",
        "ProductId",
        "PolicyId",
        "PolicyValue",
        "Shown as",
    ]);
    for r in rows {
        t.row(vec![
            r.product_name.clone(),
            r.product_id.0.clone(),
            r.policy_id.to_string(),
            r.policy_value.as_str().to_string(),
            r.policy_value.words().to_string(),
        ]);
    }
    t.lines()
}
