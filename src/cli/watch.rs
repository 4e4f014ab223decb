//! `selfserve watch`: prints a line for every change committed through the server, as it comes
//! (one JSON object a line with --json, for scripts). Needs a server; ends with exit 0 on
//! SIGINT or SIGTERM, and with exit 5 when the server goes away.

use super::{Ctx, Failure};
use chrono::Utc;
use selfserve::text::sanitize;
use selfserve_core::Error;
use selfserve_server::protocol::Notice;
use selfserve_server::Watcher;
use serde_json::json;
use std::io::{self, Write};
use std::process::ExitCode;
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::mpsc;

pub fn run(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let watcher = Watcher::connect(&ctx.connect("watch"))?.ok_or_else(|| {
        Error::database(format!(
            "no selfserve server answers on {}; start one with `selfserve serve --db {}`",
            ctx.socket.display(),
            ctx.db_path.display()
        ))
    })?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::database(format!("cannot start watching: {e}")))?;
    let outcome = runtime.block_on(print_until_stopped(watcher, ctx));
    // The reading thread waits on the socket; the process is ending, so do not wait for it.
    runtime.shutdown_background();
    outcome
}

async fn print_until_stopped(watcher: Watcher, ctx: &Ctx) -> Result<ExitCode, Failure> {
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    eprintln!(
        "watching the changes on {} from revision {}; Ctrl-C ends",
        ctx.socket.display(),
        watcher.revision
    );
    // The socket is read on a thread of its own, so a signal is heard while it waits.
    let (tx, mut rx) = mpsc::channel(1);
    tokio::task::spawn_blocking(move || loop {
        let notice = watcher.next();
        let gone = notice.is_err();
        if tx.blocking_send(notice).is_err() || gone {
            return;
        }
    });
    loop {
        tokio::select! {
            notice = rx.recv() => match notice {
                Some(notice) => print(&notice?, ctx.json)?,
                None => return Ok(ExitCode::SUCCESS),
            },
            _ = term.recv() => return Ok(ExitCode::SUCCESS),
            _ = int.recv() => return Ok(ExitCode::SUCCESS),
        }
    }
}

fn print(notice: &Notice, json: bool) -> Result<(), Failure> {
    let line = match notice {
        Notice::Changed { change, .. } if json => {
            let mut value = serde_json::to_value(change)?;
            value["notice"] = json!("change");
            value.to_string()
        }
        Notice::Reload { missed } if json => {
            json!({"notice": "reload", "missed": missed}).to_string()
        }
        Notice::Changed { change, .. } => format!(
            "{} revision {}: {}",
            change.at.format("%Y-%m-%d %H:%M:%S"),
            change.revision,
            sanitize(&change.summary().to_string())
        ),
        Notice::Reload { missed } => format!(
            "{} {missed} changes were missed while this watcher was behind: reload everything",
            Utc::now().format("%Y-%m-%d %H:%M:%S")
        ),
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}
