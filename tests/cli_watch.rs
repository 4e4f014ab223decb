//! `selfserve watch` against a real server on a temporary socket: each committed write is one
//! notice naming its revision, kind, ids and who; a watcher that falls behind hears "reload";
//! without a server, or once it goes away, watch says so in one line and exits 5.

mod common;

use common::server::{socket_beside, Server};
use common::*;
use selfserve_core::api::Request;
use selfserve_core::model::PolicyValue;
use selfserve_core::ops::set_policy::PolicyScope;
use selfserve_server::{Client, Connect};
use serde_json::Value;
use std::io::Read;
use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStderr, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";
const DEADLINE: Duration = Duration::from_secs(20);

/// A `selfserve watch` child, its stdout read line by line on a thread.
struct Watch {
    child: Child,
    /// Kept open: a watch whose stderr is closed cannot say why it ends.
    err: BufReader<ChildStderr>,
    lines: Receiver<String>,
    /// The revision it said it starts from.
    from: u64,
}

impl Watch {
    fn start(env: &Env, args: &[&str]) -> Watch {
        let mut all = vec!["watch"];
        all.extend_from_slice(args);
        let mut child = env
            .cmd(ADMIN, &all)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start watch");
        // Its first stderr line says it is watching: no write can be missed after it.
        let mut err = BufReader::new(child.stderr.take().expect("stderr"));
        let mut first = String::new();
        err.read_line(&mut first).expect("stderr line");
        let from = first
            .split("from revision ")
            .nth(1)
            .and_then(|rest| rest.split(';').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no revision in {first:?}"));
        let out = BufReader::new(child.stdout.take().expect("stdout"));
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in out.lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        Watch {
            child,
            err,
            lines,
            from,
        }
    }

    /// The next line, waiting up to the deadline.
    fn next(&self) -> String {
        match self.lines.recv_timeout(DEADLINE) {
            Ok(line) => line,
            Err(RecvTimeoutError::Timeout) => panic!("no notice within {DEADLINE:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("watch ended"),
        }
    }

    fn next_json(&self) -> Value {
        let line = self.next();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{line:?} is not JSON: {e}"))
    }

    fn signal(&self, signal: i32) {
        // SAFETY: kill only sends a signal to the child this test started.
        unsafe {
            libc::kill(self.child.id() as i32, signal);
        }
    }

    /// Waits for it to end; its exit code and the rest of its stderr.
    fn end(mut self) -> (i32, String) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                let mut rest = String::new();
                self.err.read_to_string(&mut rest).expect("stderr");
                return (status.code().unwrap_or(-1), rest);
            }
            assert!(Instant::now() < deadline, "watch did not end");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn served() -> (Env, Server) {
    let env = Env::demo_in_process();
    let server = Server::start(&env.db, &socket_beside(&env.db), &[]);
    (env, server)
}

fn set_policy(env: &Env, login: &str, value: &str) {
    let out = env.run(login, &["policy", "set", POWER_BI_PRO, value]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

fn upn_of(env: &Env, login: &str) -> String {
    env.json(ADMIN, &["admin", "list"])
        .as_array()
        .expect("admins")
        .iter()
        .find(|a| a["login"] == login)
        .and_then(|a| a["user_principal_name"].as_str())
        .expect("the admin's upn")
        .to_string()
}

#[test]
fn a_write_is_one_notice_with_its_revision_kind_ids_and_who() {
    let (env, server) = served();
    let watch = Watch::start(&env, &["--json"]);
    let admin = upn_of(&env, ADMIN);

    // Reads, a dry run and a refusal commit nothing and announce nothing.
    assert_eq!(code(&env.run(ADMIN, &["product", "list"])), 0);
    let sub = env
        .json(ADMIN, &["subscription", "list"])
        .as_array()
        .expect("rows")
        .iter()
        .find(|s| s["status"] == "Active")
        .and_then(|s| s["id"].as_str())
        .expect("an active subscription")
        .to_string();
    let cancel = ["subscription", "cancel", &sub, "--reason", "other"];
    let out = env.run(ADMIN, &[&cancel[..], &["--dry-run"]].concat());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_ne!(
        code(&env.run(READER, &["policy", "set", POWER_BI_PRO, "disabled"])),
        0
    );

    set_policy(&env, ADMIN, "disabled");
    let notice = watch.next_json();
    let revision = watch.from + 1;
    assert_eq!(notice["notice"], "change");
    assert_eq!(notice["revision"], revision);
    assert_eq!(notice["kind"], "policy");
    assert_eq!(notice["action"], "changed the policy");
    assert_eq!(notice["ids"], serde_json::json!([POWER_BI_PRO]));
    assert_eq!(notice["login"], ADMIN);
    assert_eq!(notice["upn"], admin.as_str());
    assert!(
        notice["at"].as_str().is_some_and(|at| at.ends_with('Z')),
        "{notice}"
    );
    let mut keys: Vec<&str> = notice
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["action", "at", "ids", "kind", "login", "notice", "revision", "upn"]
    );
    assert!(
        server
            .log_text()
            .contains(&format!("admin: SetPolicy done (revision {revision})")),
        "{}",
        server.log_text()
    );

    // The next notice is the next write's: the first write made exactly one.
    let out = env.run(BILLING, &cancel);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let next = watch.next_json();
    assert_eq!(next["revision"], revision + 1);
    assert_eq!(next["kind"], "subscription");
    assert_eq!(next["action"], "cancelled");
    assert_eq!(next["ids"], serde_json::json!([sub]));
    assert_eq!(next["login"], BILLING);
}

#[test]
fn the_human_line_says_when_which_revision_who_and_what() {
    let (env, _server) = served();
    let watch = Watch::start(&env, &[]);
    set_policy(&env, ADMIN, "disabled");
    let line = watch.next();
    let expected = format!(
        "revision {}: {} changed the policy: policy {POWER_BI_PRO}",
        watch.from + 1,
        upn_of(&env, ADMIN)
    );
    assert!(line.ends_with(&expected), "{line:?}");
    watch.signal(libc::SIGTERM);
    let (code, _) = watch.end();
    assert_eq!(code, 0, "SIGTERM ends a watch cleanly");
}

#[test]
fn a_watcher_that_falls_behind_is_told_to_reload() {
    let (env, server) = served();
    let watch = Watch::start(&env, &["--json"]);
    // Stopped, it reads nothing: its backlog on the server fills while the writes go on.
    watch.signal(libc::SIGSTOP);
    let client = Client::connect(&Connect {
        socket: &server.socket,
        front_end: "test",
        login: Some(ADMIN),
        read_only: false,
    })
    .expect("connect")
    .expect("a server");
    let writes = 400;
    let started = Instant::now();
    for i in 0..writes {
        let value = if i % 2 == 0 {
            PolicyValue::Disabled
        } else {
            PolicyValue::Enabled
        };
        client
            .call(Request::SetPolicy {
                scope: PolicyScope::Product(POWER_BI_PRO.into()),
                value,
                now: chrono::Utc::now(),
            })
            .expect("a write, never held up by the stopped watcher");
    }
    let took = started.elapsed();
    watch.signal(libc::SIGCONT);

    let last = watch.from + writes;
    let mut reloads = 0;
    loop {
        let notice = watch.next_json();
        match notice["notice"].as_str() {
            Some("reload") => {
                reloads += 1;
                assert!(notice["missed"].as_u64().is_some_and(|m| m > 0), "{notice}");
            }
            Some("change") if notice["revision"] == last => break,
            Some("change") => {}
            _ => panic!("{notice}"),
        }
    }
    assert_eq!(reloads, 1, "one reload for one stretch behind");
    assert!(
        took < Duration::from_secs(60),
        "{writes} writes took {took:?}"
    );
}

#[test]
fn watch_needs_a_server_and_ends_when_it_goes_away() {
    let env = Env::demo_in_process();
    let out = env.run(ADMIN, &["watch"]);
    let err = assert_fails(&out, 5);
    assert!(err.contains("no selfserve server answers on"), "{err}");

    let mut server = Server::start(&env.db, &socket_beside(&env.db), &[]);
    let watch = Watch::start(&env, &[]);
    server.stop();
    let (code, err) = watch.end();
    assert_eq!(code, 5, "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("went away"), "{err}");
}

#[test]
fn twenty_watchers_and_three_writers_at_once_lose_no_write_and_see_every_one() {
    let (env, _server) = served();
    let watchers: Vec<Watch> = (0..20).map(|_| Watch::start(&env, &["--json"])).collect();
    let from = watchers[0].from;
    // Three writers at once, each flipping its own product's policy: every write is a change.
    const PRODUCTS: [&str; 3] = ["CFQ7TTC0H9MP", "CFQ7TTC0MM8R", "CFQ7TTC0HDB1"];
    const WRITES: usize = 10;
    std::thread::scope(|s| {
        for product in PRODUCTS {
            let env = &env;
            s.spawn(move || {
                for i in 0..WRITES {
                    let value = if i % 2 == 0 { "Disabled" } else { "Enabled" };
                    let out = env.run(ADMIN, &["policy", "set", product, value]);
                    assert_eq!(code(&out), 0, "{}", stderr(&out));
                }
            });
        }
    });
    let total = PRODUCTS.len() * WRITES;
    for w in &watchers {
        let mut revisions: Vec<u64> = (0..total)
            .map(|_| {
                let n = w.next_json();
                assert_eq!(n["notice"], "change", "{n}");
                n["revision"].as_u64().expect("a revision")
            })
            .collect();
        revisions.sort_unstable();
        // One notice per committed write, none lost, none twice.
        let expected: Vec<u64> = (from + 1..=from + total as u64).collect();
        assert_eq!(revisions, expected);
    }
}
