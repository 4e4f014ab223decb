//! `selfserve` with no command. Where no database exists yet it creates the demo tenant first.
//! The dashboard is its own issue; until it lands, the bare command lists the products.

use super::{print_lines, product, Ctx, Failure};
use selfserve_core::store::database_exists;
use selfserve_core::{demo, query};
use std::process::ExitCode;

pub fn run(ctx: &Ctx) -> Result<ExitCode, Failure> {
    if !database_exists(&ctx.db_path) {
        eprintln!(
            "No database at {}: creating the demo tenant there.",
            ctx.db_path.display()
        );
        let summary = super::demo::create(ctx, demo::DEFAULT_USERS, demo::DEFAULT_SEED, false)?;
        super::demo::println_summary(&summary);
    }
    let (store, actor) = ctx.open()?;
    let tenant = store.tenant();
    let label = if tenant.demo {
        " — DEMO TENANT, not real data"
    } else {
        ""
    };
    let mut lines = vec![
        format!("{}{label}", crate::text::sanitize(&tenant.display_name)),
        format!(
            "You are {} ({}); database {}",
            actor.user.upn,
            actor.role().as_str(),
            store.path().display()
        ),
        String::new(),
    ];
    lines.extend(product::human(&query::product_rows(&store, &actor, false)?));
    print_lines(&lines)?;
    Ok(ExitCode::SUCCESS)
}
