//! `selfserve report …`: here `orphans` (issue 14, point 6; src/cli/orphans.rs).

use super::{Ctx, Failure};
use clap::Subcommand;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    Orphans,
}

pub fn run(ctx: &Ctx, command: &ReportCommand) -> Result<ExitCode, Failure> {
    match command {
        ReportCommand::Orphans => super::orphans::run(ctx),
    }
}
