//! Runs the real binary on a real demo database in a temporary directory.
#![allow(dead_code)]

pub mod moves;
pub mod pty;
pub mod server;
pub mod smtp;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

/// The fixed clock every CLI test runs at.
pub const NOW: &str = "2026-11-23T12:00:00Z";
/// Logins the demo binds: the creator (GlobalAdministrator), `billing` and `reader`.
pub const ADMIN: &str = "admin";
pub const BILLING: &str = "billing";
pub const READER: &str = "reader";

pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    /// With `SELFSERVE_TEST_VIA_SERVER=1`, the server every command of the test talks to.
    pub server: Option<server::Server>,
}

/// `SELFSERVE_TEST_VIA_SERVER=1`: each test's database is served by `selfserve serve`, and its
/// commands find the server on the socket beside it, so the same tests run through the socket.
pub fn via_server() -> bool {
    std::env::var("SELFSERVE_TEST_VIA_SERVER").is_ok_and(|v| v == "1")
}

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_selfserve"));
    c.env_remove("SELFSERVE_DB")
        .env_remove("SELFSERVE_NOW")
        .env_remove("SELFSERVE_USER")
        .env_remove("SELFSERVE_SOCKET")
        .env_remove("SELFSERVE_LANG")
        .env_remove("LC_MESSAGES")
        // Human output follows the locale (ASCII where it is not UTF-8): pin it.
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .env("NO_COLOR", "1")
        // Never the developer's own config file or log: an empty config and state home.
        .env_remove("SELFSERVE_CONFIG")
        .env_remove("RUST_LOG")
        .env("XDG_CONFIG_HOME", shared_home().join("config"))
        .env("XDG_STATE_HOME", shared_home().join("state"));
    c
}

/// Where commands without an `Env` look for a config file (there is none) and log.
fn shared_home() -> PathBuf {
    std::env::temp_dir().join(format!("selfserve-tests-{}", std::process::id()))
}

impl Env {
    /// A fresh demo tenant (default size, seed 42) created by the login `admin`; served by
    /// `selfserve serve` under `SELFSERVE_TEST_VIA_SERVER=1`.
    pub fn demo() -> Env {
        Env::demo_with(&[])
    }

    /// A demo tenant made with these extra `demo` arguments (served where the switch says).
    pub fn demo_with(extra: &[&str]) -> Env {
        let mut env = Env::unserved_demo(extra);
        if via_server() {
            env.serve();
        }
        env
    }

    /// A demo tenant never served, whatever the switch: for tests that open, hold or damage
    /// the database themselves (a server would hold it).
    pub fn demo_in_process() -> Env {
        Env::unserved_demo(&[])
    }

    fn unserved_demo(extra: &[&str]) -> Env {
        let env = Env::empty();
        let mut args = vec!["demo"];
        args.extend_from_slice(extra);
        let out = env.run(ADMIN, &args);
        assert!(
            out.status.success(),
            "demo failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        env
    }

    /// An Env whose database does not exist yet.
    pub fn empty() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("tenant.db");
        Env {
            dir,
            db,
            server: None,
        }
    }

    /// A tenant made by `selfserve init` as `ADMIN`, bound to `admin_upn`, with `extra`
    /// arguments; served where `SELFSERVE_TEST_VIA_SERVER` says.
    pub fn init(admin_upn: &str, extra: &[&str]) -> Env {
        let mut env = Env::init_unserved(admin_upn, extra);
        if via_server() {
            env.serve();
        }
        env
    }

    /// `init`'s tenant never served, whatever the switch: for tests that serve it themselves,
    /// or copy or kill what opens it.
    pub fn init_unserved(admin_upn: &str, extra: &[&str]) -> Env {
        let env = Env::empty();
        let mut args = vec!["init", "--tenant", "Fabrikam", "--admin", admin_upn];
        args.extend_from_slice(extra);
        let out = env.run(ADMIN, &args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        env
    }

    /// Starts a server on the database, on the socket beside it where commands look first.
    pub fn serve(&mut self) {
        let socket = server::socket_beside(&self.db);
        let mut cmd = bin();
        cmd.env("XDG_STATE_HOME", self.state_home());
        self.server = Some(server::Server::start_with(cmd, &self.db, &socket, &[]));
    }

    /// This test's state home: its commands and its server write their log under it.
    pub fn state_home(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// The log files' text, all of them (`selfserve.log` and the previous one, under the state home).
    pub fn log_text(&self) -> String {
        let dir = self.state_home().join("selfserve");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap_or_default())
            .collect()
    }

    pub fn cmd(&self, login: &str, args: &[&str]) -> Command {
        let mut c = bin();
        c.env("XDG_STATE_HOME", self.state_home())
            .env("SELFSERVE_DB", &self.db)
            .env("SELFSERVE_NOW", NOW)
            .env("SELFSERVE_USER", login)
            .args(args);
        c
    }

    pub fn run(&self, login: &str, args: &[&str]) -> Output {
        self.cmd(login, args).output().expect("run selfserve")
    }

    /// Runs with `--json`, asserts exit 0, and parses stdout.
    pub fn json(&self, login: &str, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.run(login, &all);
        assert!(
            out.status.success(),
            "{args:?} failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
    }
}

/// A file of tests/fixtures/import/, written in the formats the tools export.
pub fn import_fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Asserts a failure: the exit code, and exactly one line on stderr.
pub fn assert_fails(out: &Output, expected: i32) -> String {
    let err = stderr(out);
    assert_eq!(code(out), expected, "stderr: {err}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line on stderr, got: {err}"
    );
    err
}

/// Lets `child` run until `delay` has passed, then SIGKILLs it and reaps it. Returns whether it
/// finished by itself first, and how long it ran. Polls rather than sleeps: a command that ends
/// before its kill tells how long a whole one takes.
pub fn kill_after(child: &mut Child, delay: Duration) -> (bool, Duration) {
    let started = Instant::now();
    let finished = loop {
        if child.try_wait().expect("poll").is_some() {
            break true;
        }
        if started.elapsed() >= delay {
            break false;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let ran = started.elapsed();
    if !finished {
        child.kill().expect("SIGKILL");
    }
    child.wait().expect("reap");
    (finished, ran)
}

/// An admin center users export of `count` users (`user{i}@fabrikam.example`, each licensed
/// for Power BI Pro), whose ignored Title column is `title_width` characters wide.
pub fn write_users_csv(path: &Path, count: usize, title_width: usize) {
    let title = "T".repeat(title_width);
    let mut out = String::from(
        "Display name,User principal name,Department,Object Id,Block credential,Title,Licenses\r\n",
    );
    for i in 0..count {
        let _ = write!(
            out,
            "User {i},user{i}@fabrikam.example,Dept {},{:08x}-0000-4000-8000-{:012x},False,{title},POWER_BI_PRO\r\n",
            i % 40,
            i as u32,
            i
        );
    }
    std::fs::write(path, out).expect("users file");
}
