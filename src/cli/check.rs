//! `selfserve check`: exit 0 when every invariant holds, else exit 1 and one line per breach.

use super::{print_json, print_lines, Ctx, Failure};
use crate::watchdog::Watchdog;
use selfserve_core::api::Request;
use selfserve_core::check::CheckReport;
use std::process::ExitCode;
use std::time::Duration;

pub fn run(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let client = ctx.client()?;
    let stall = Duration::from_secs(20);
    let stalled = say!(ctx.lang, "cli-stalled-check", seconds = stall.as_secs());
    let watchdog = Watchdog::watching(stalled, stall, client.progress());
    let report: CheckReport = client.ask(Request::Check)?;
    drop(watchdog);
    if ctx.json {
        print_json(&report)?;
    } else if report.ok {
        print_lines(&[say!(
            ctx.lang,
            "cli-check-ok",
            subscriptions = report.subscriptions,
            users = report.users,
            assignments = report.assignments
        )])?;
    } else {
        let lines: Vec<String> = report
            .breaches
            .iter()
            .map(|b| {
                say!(
                    ctx.lang,
                    "cli-check-breach",
                    invariant = b.invariant.as_str(),
                    message = b.message.in_lang(ctx.lang)
                )
            })
            .collect();
        print_lines(&lines)?;
    }
    if report.ok {
        Ok(ExitCode::SUCCESS)
    } else {
        let failed = say!(
            ctx.lang,
            "cli-check-failed",
            count = report.breaches.len(),
            location = ctx.tenant_location()
        );
        super::eprint_line(&format!("selfserve: {}", failed));
        Ok(ExitCode::from(1))
    }
}
