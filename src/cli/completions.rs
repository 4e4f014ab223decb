//! `selfserve completions SHELL` and `selfserve man`: from the very clap command `--help`
//! parses with, its texts from the catalogue in the reader's language.

use super::{Ctx, Failure};
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use std::io::{self, Write};
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Args, Debug)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    shell: Shell,
}

/// The command as `--help` shows it, in `ctx.lang`.
fn command(ctx: &Ctx) -> clap::Command {
    super::help::localise(crate::Args::command(), ctx.lang)
}

pub fn run(ctx: &Ctx, args: &CompletionsArgs) -> Result<ExitCode, Failure> {
    // Into memory first: clap_complete panics where its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command(ctx), "selfserve", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The manual page, in roff, on stdout.
pub fn man(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_mangen::Man::new(command(ctx)).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
