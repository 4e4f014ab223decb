//! `selfserve lifecycle run`: renewals, conversions and expirations up to the clock.

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::api::Request;
use selfserve_core::clock;
use selfserve_core::ops::lifecycle::LifecycleReport;
use selfserve_core::words::count;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum LifecycleCommand {
    Run {
        #[arg(long, value_name = "TIME")]
        until: Option<String>,
        #[arg(long)]
        dry_run: bool,
    },
}

pub fn run(ctx: &Ctx, command: &LifecycleCommand) -> Result<ExitCode, Failure> {
    let LifecycleCommand::Run { until, dry_run } = command;
    let until = until.as_deref().map(clock::parse_now).transpose()?;
    let request = if *dry_run {
        Request::LifecyclePreview {
            until: until.unwrap_or(ctx.now),
        }
    } else {
        Request::LifecycleRun {
            now: ctx.now,
            until,
        }
    };
    let report: LifecycleReport = ctx.client()?.ask(request)?;
    if ctx.json {
        print_json(&report)?;
    } else {
        print_lines(&human(&report))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn human(r: &LifecycleReport) -> Vec<String> {
    let mut t = Table::new(&[
        "Subscription",
        "Product",
        "Bought by",
        "Step",
        "On",
        "Status",
        "Expires",
    ]);
    for c in &r.changes {
        let step = if c.terms > 1 {
            format!("{} x{}", c.step.as_str(), c.terms)
        } else {
            c.step.as_str().to_string()
        };
        t.row(vec![
            c.subscription.to_string().chars().take(8).collect(),
            c.product_name.clone(),
            c.buyer.clone().unwrap_or_else(|| "-".into()),
            step,
            c.on.to_string(),
            c.status.as_str().to_string(),
            c.expires.to_string(),
        ]);
    }
    let mut lines = if r.changes.is_empty() {
        Vec::new()
    } else {
        t.lines()
    };
    let verb = if r.applied {
        "applied"
    } else {
        "due (dry run, nothing changed)"
    };
    lines.push(format!(
        "{} {verb} up to {}",
        count(r.changes.len() as u64, "lifecycle step"),
        r.until.to_rfc3339()
    ));
    lines
}
