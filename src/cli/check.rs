//! `selfserve check`: exit 0 when every invariant holds, else exit 1 and one line per breach.

use super::{print_json, print_lines, Ctx, Failure};
use crate::watchdog::Watchdog;
use selfserve_core::check;
use std::process::ExitCode;
use std::time::Duration;

pub fn run(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let (store, actor) = ctx.open()?;
    let watchdog = Watchdog::start("the check", Duration::from_secs(20));
    let report = check::check(&store, &actor, &watchdog.progress)?;
    drop(watchdog);
    if ctx.json {
        print_json(&report)?;
    } else if report.ok {
        print_lines(&[format!(
            "ok: {} subscriptions, {} users, {} license assignments; every invariant holds",
            report.subscriptions, report.users, report.assignments
        )])?;
    } else {
        let lines: Vec<String> = report
            .breaches
            .iter()
            .map(|b| format!("breach [{}]: {}", b.invariant, b.message))
            .collect();
        print_lines(&lines)?;
    }
    if report.ok {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "selfserve: {} invariant breaches in {}; restore the database from a backup",
            report.breaches.len(),
            store.path().display()
        );
        Ok(ExitCode::from(1))
    }
}
