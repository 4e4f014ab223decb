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
    let watcher = Watcher::connect(&ctx.connect("watch"))?.ok_or_else(|| super::no_server(ctx))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            Error::database(selfserve_core::text!(
                "cli-watch-cannot-start",
                detail = e.to_string()
            ))
        })?;
    let outcome = runtime.block_on(print_until_stopped(watcher, ctx));
    // The reading thread waits on the socket; the process is ending, so do not wait for it.
    runtime.shutdown_background();
    outcome
}

async fn print_until_stopped(watcher: Watcher, ctx: &Ctx) -> Result<ExitCode, Failure> {
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    // The revision is written plainly: it is an id, and scripts read it from this line.
    super::eprint_line(&say!(
        ctx.lang,
        "cli-watch-started",
        socket = ctx.socket.display().to_string(),
        revision = watcher.revision.to_string()
    ));
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
                Some(notice) => print(&notice?, ctx)?,
                None => return Ok(ExitCode::SUCCESS),
            },
            _ = term.recv() => return Ok(ExitCode::SUCCESS),
            _ = int.recv() => return Ok(ExitCode::SUCCESS),
        }
    }
}

fn print(notice: &Notice, ctx: &Ctx) -> Result<(), Failure> {
    let lang = ctx.lang;
    let line = match notice {
        Notice::Changed { change, .. } if ctx.json => {
            let mut value = serde_json::to_value(change)?;
            value["notice"] = json!("change");
            value.to_string()
        }
        Notice::Reload { missed } if ctx.json => {
            json!({"notice": "reload", "missed": missed}).to_string()
        }
        Notice::Changed { change, .. } => super::to_locale(&say!(
            lang,
            "cli-watch-change",
            at = super::seconds(lang, change.at),
            revision = change.revision.to_string(),
            summary = sanitize(&change.summary().in_lang(lang))
        )),
        Notice::Reload { missed } => super::to_locale(&say!(
            lang,
            "cli-watch-reload",
            at = super::seconds(lang, Utc::now()),
            count = *missed
        )),
    };
    let mut out = io::stdout().lock();
    // Human lines went through to_locale; JSON ones keep their value, escaped for a terminal.
    writeln!(out, "{}", selfserve::text::escape_json(&line))?;
    out.flush()?;
    Ok(())
}
