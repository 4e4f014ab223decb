//! The command line, parsed and dispatched as `selfserve` does it, on a demo tenant in a
//! temporary directory. The input is the arguments, NUL-separated (any bytes: invalid UTF-8,
//! escapes, huge numbers); a panic anywhere is a crash.
//!
//! Commands that would wait forever or reach outside the temporary tenant are parsed but not run:
//! the dashboard, `serve`, `watch`, `connect`, `outbox send`, `backup` (it writes a file where
//! it is told), `demo --force`, and any `--db`, `--socket`, `--remote`, `--output` or `--config`
//! other than the target's own. The config and state homes (config file, logs) are the
//! temporary directory's. Every 200 runs the tenant
//! is put back as it was, so what one run removes (an administrator) does not starve the rest.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[path = "../../src/main.rs"]
#[allow(dead_code)]
mod app;

// src/cli names these by their paths in the binary's crate root.
use app::{cli, config, watchdog, Args};

/// The tenant the runs use, its pristine copy, and how many runs since it was put back.
struct Tenant {
    _dir: tempfile::TempDir,
    db: PathBuf,
    socket: PathBuf,
    pristine: PathBuf,
    runs: u32,
}

static TENANT: Mutex<Option<Tenant>> = Mutex::new(None);

const LOGIN: &str = "fuzz";

fn selfserve(db: &Path, socket: &Path, args: impl IntoIterator<Item = OsString>) {
    let mut raw: Vec<OsString> = ["selfserve", "--db"].map(OsString::from).to_vec();
    raw.push(db.into());
    raw.push("--socket".into());
    raw.push(socket.into());
    raw.extend(args);
    let _ = app::run_with(raw);
}

fn tenant() -> Tenant {
    for (name, _) in std::env::vars_os() {
        if name.as_bytes().starts_with(b"SELFSERVE_") {
            std::env::remove_var(name);
        }
    }
    std::env::set_var("SELFSERVE_USER", LOGIN);
    std::env::set_var("SELFSERVE_NOW", "2026-11-23T12:00:00Z");
    std::env::set_var("LANG", "C.UTF-8");
    // The harness's own set-up: if the temporary directory cannot be made there is nothing to
    // fuzz, and stopping loudly is right (it is not the program under test failing).
    let dir = tempfile::tempdir().expect("temp dir");
    std::env::set_var("XDG_CONFIG_HOME", dir.path().join("config"));
    std::env::set_var("XDG_STATE_HOME", dir.path().join("state"));
    let pristine = dir.path().join("pristine.db");
    let socket = dir.path().join("none.sock");
    selfserve(
        &pristine,
        &socket,
        ["demo", "--users", "10"].map(OsString::from),
    );
    assert!(pristine.join("db").exists(), "the demo tenant was made");
    let db = dir.path().join("tenant.db");
    Tenant {
        db,
        socket,
        pristine,
        _dir: dir,
        runs: u32::MAX,
    }
}

/// Puts the pristine tenant back. Harness code: a copy that fails in the temporary directory
/// leaves nothing meaningful to fuzz, so it stops the run rather than fuzz a broken tenant.
fn copy_dir(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Whether the parsed command line may run here (see the module's comment).
fn runs_here(args: &[OsString]) -> bool {
    use clap::CommandFactory;
    let outside = |a: &OsString| {
        let a = a.as_bytes();
        ["--db", "--socket", "--remote", "--output", "--config"]
            .iter()
            .any(|flag| a.starts_with(flag.as_bytes()))
            || (a.starts_with(b"-") && !a.starts_with(b"--") && a.contains(&b'o'))
    };
    if args.iter().any(outside) {
        return false;
    }
    let mut raw = vec![OsString::from("selfserve")];
    raw.extend(args.iter().cloned());
    let Ok(matches) = Args::command().try_get_matches_from(raw) else {
        // A usage error: run, to exercise the one-line report.
        return true;
    };
    match matches.subcommand() {
        None => false,
        Some(("tui" | "serve" | "watch" | "connect" | "backup", _)) => false,
        Some(("outbox", sub)) => sub.subcommand_name() != Some("send"),
        Some(("demo", sub)) => !sub.get_flag("force"),
        Some(_) => true,
    }
}

fuzz_target!(|data: &[u8]| {
    let args: Vec<OsString> = data
        .split(|&b| b == 0)
        .map(|a| OsString::from_vec(a.to_vec()))
        .collect();
    if args.len() > 24 || !runs_here(&args) {
        return;
    }
    let mut guard = TENANT.lock().unwrap_or_else(|e| e.into_inner());
    let tenant = guard.get_or_insert_with(tenant);
    if tenant.runs >= 200 {
        copy_dir(&tenant.pristine, &tenant.db);
        tenant.runs = 0;
    }
    tenant.runs += 1;
    selfserve(&tenant.db, &tenant.socket, args);
});
