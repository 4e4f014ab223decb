//! `selfserve connect`: what `ssh HOST selfserve connect` runs for `--remote` on another host.
//! Joins standard input and output to the server's socket here (`--socket`, `SELFSERVE_SOCKET`,
//! or beside `--db`); the server takes this login, the SSH login, as the one who acts.

use super::{Ctx, Failure};
use std::process::ExitCode;

pub fn run(ctx: &Ctx) -> Result<ExitCode, Failure> {
    ctx.local_only("connect")?;
    selfserve_server::bridge(&ctx.socket)?;
    Ok(ExitCode::SUCCESS)
}
