//! `selfserve serve [--socket PATH] [--group NAME]`: own the database at --db and serve it to
//! every front end on a Unix socket, in the foreground, until SIGTERM or SIGINT.

use super::{Ctx, Failure};
use clap::Args;
use selfserve_server::ServeOptions;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Args, Debug)]
pub struct ServeArgs {
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
}

pub fn run(ctx: &Ctx, args: &ServeArgs) -> Result<ExitCode, Failure> {
    ctx.local_only("serve")?;
    // Absolute, so the note beside the database names a socket usable from anywhere.
    let socket = std::path::absolute(&ctx.socket).unwrap_or_else(|_| ctx.socket.clone());
    selfserve_server::serve(&ServeOptions {
        db: ctx.db_path.clone(),
        socket,
        group: args.group.clone(),
        read_only: ctx.readonly,
        // The log is read by the administrator running the server, in their language.
        lang: ctx.lang,
        relay: ctx.relay.settings()?,
    })?;
    Ok(ExitCode::SUCCESS)
}
