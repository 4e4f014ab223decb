//! `selfserve lifecycle run`: renewals, conversions and expirations up to the clock.

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::i18n::Lang;
use selfserve_core::api::Request;
use selfserve_core::clock;
use selfserve_core::ops::lifecycle::LifecycleReport;
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
        print_lines(&human(ctx.lang, &report))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn human(lang: Lang, r: &LifecycleReport) -> Vec<String> {
    let mut t = Table::of(
        lang,
        &[
            "cli-col-subscription",
            "cli-col-product",
            "cli-col-bought-by",
            "cli-col-step",
            "cli-col-on",
            "cli-col-status",
            "cli-col-expires",
        ],
    );
    for c in &r.changes {
        let step = if c.terms > 1 {
            format!("{} x{}", super::due::step(lang, c.step), c.terms)
        } else {
            super::due::step(lang, c.step)
        };
        t.row(vec![
            c.subscription.to_string().chars().take(8).collect(),
            c.product_name.clone(),
            c.buyer.clone().unwrap_or_else(|| "-".into()),
            step,
            lang.date(c.on),
            super::subscription::status(lang, c.status),
            lang.date(c.expires),
        ]);
    }
    let mut lines = if r.changes.is_empty() {
        Vec::new()
    } else {
        t.lines()
    };
    lines.push(say!(
        lang,
        "cli-lifecycle-summary",
        applied = if r.applied { "yes" } else { "no" },
        count = r.changes.len(),
        until = r.until
    ));
    lines
}
