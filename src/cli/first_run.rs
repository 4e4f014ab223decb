//! `selfserve` with no command: the dashboard. Where no database exists yet it creates the demo
//! tenant first, so a fresh clone opens on something to look at.

use super::{Ctx, Failure};
use selfserve::tui;
use selfserve_core::api::Request;
use selfserve_core::model::Cloud;
use selfserve_core::store::database_exists;
use selfserve_core::{demo, Error};
use selfserve_server::Watcher;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, options: tui::Options) -> Result<ExitCode, Failure> {
    if !tui::have_terminal() {
        return Err(Failure::Core(Error::usage(selfserve_core::text!(
            "cli-needs-terminal"
        ))));
    }
    // Over --remote the database is the server's business, on its host.
    if ctx.remote.is_none() && !database_exists(&ctx.db_path) {
        super::eprint_line(&say!(
            ctx.lang,
            "cli-first-run",
            path = ctx.db_path.display().to_string()
        ));
        let summary = super::demo::create(
            ctx,
            demo::DEFAULT_USERS,
            demo::DEFAULT_SEED,
            Cloud::Global,
            false,
        )?;
        super::demo::println_summary(ctx.lang, &summary);
        super::eprint_line(&say!(ctx.lang, "import-first-run-real-tenant"));
    }
    let client = ctx.client_for("dashboard")?;
    // Beside a server, a second connection brings the other administrators' changes.
    let watcher = match client.connection() {
        Some(_) => Watcher::connect(&ctx.connect("dashboard notices"))?,
        None => None,
    };
    let info = client.ask(Request::Session)?;
    let db = ctx.tenant_location();
    let session = tui::session(&info, db, options, ctx.now);
    Ok(tui::run(
        client,
        watcher,
        session,
        tui::Clock::new(ctx.now),
    )?)
}
