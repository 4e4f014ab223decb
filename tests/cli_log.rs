//! The log file under the state directory: one line per write (who, what, outcome, ms) and
//! per refusal (why), written where the request is dispatched (in-process, or in the server
//! under `SELFSERVE_TEST_VIA_SERVER=1`); nothing of it on the terminal.

mod common;

use common::{Env, ADMIN, READER};

#[test]
fn a_write_and_a_refusal_each_log_one_line() {
    let env = Env::demo();
    let out = env.run(ADMIN, &["policy", "set", "CFQ7TTC0H9MP", "Disabled"]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "the log is not the terminal");
    let out = env.run(READER, &["policy", "set", "CFQ7TTC0H9MP", "Enabled"]);
    assert_eq!(out.status.code(), Some(3));
    let out = env.run(ADMIN, &["subscription", "take-over", "ffffffff"]);
    assert_eq!(out.status.code(), Some(4));
    let log = env.log_text();
    let writes: Vec<_> = log.lines().filter(|l| l.contains(" write ")).collect();
    assert_eq!(writes.len(), 1, "{log}");
    let write = writes[0];
    for field in [
        "INFO",
        "login=\"admin\"",
        "upn=\"adele.vance@contoso.example\"",
        "request=\"SetPolicy\"",
        "outcome=\"done\"",
        " ms=",
    ] {
        assert!(write.contains(field), "{field} in {write}");
    }
    let refusals: Vec<_> = log.lines().filter(|l| l.contains(" refused ")).collect();
    assert_eq!(refusals.len(), 2, "{log}");
    let denied = refusals[0];
    for field in [
        "WARN",
        "login=\"reader\"",
        "request=\"SetPolicy\"",
        "outcome=\"denied\"",
        "exit=3",
        "reason=\"",
        "GlobalReader",
        " ms=",
    ] {
        assert!(denied.contains(field), "{field} in {denied}");
    }
    assert!(
        refusals[1].contains("outcome=\"not-found\""),
        "{}",
        refusals[1]
    );
    // Reads are not written at the default level.
    assert!(!log.contains(" read "), "{log}");
}

#[test]
fn verbose_adds_the_reads_and_rust_log_decides_over_it() {
    let env = Env::demo_in_process();
    let out = env.run(ADMIN, &["-v", "product", "list"]);
    assert!(out.status.success());
    let log = env.log_text();
    assert!(
        log.lines()
            .any(|l| l.contains("DEBUG") && l.contains(" read ") && l.contains("\"ProductRows\"")),
        "{log}"
    );
    let quiet = Env::demo_in_process();
    let out = quiet
        .cmd(ADMIN, &["-vv", "policy", "set", "CFQ7TTC0H9MP", "Disabled"])
        .env("RUST_LOG", "error")
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(
        !quiet.log_text().contains(" write "),
        "{}",
        quiet.log_text()
    );
}

#[test]
fn a_log_past_10_mb_becomes_the_previous_file_and_only_one_is_kept() {
    let env = Env::demo();
    let dir = env.state_home().join("selfserve");
    let (log, previous) = (dir.join("selfserve.log"), dir.join("selfserve.log.1"));
    for round in 0..2 {
        let line = format!("an old line of round {round}\n");
        let old = line.repeat(10 * 1024 * 1024 / line.len() + 1);
        std::fs::write(&log, &old).expect("a full log");
        let out = env.run(ADMIN, &["policy", "set", "CFQ7TTC0H9MP", "Disabled"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let now = std::fs::read_to_string(&log).expect("the new log");
        assert!(now.contains(" write "), "round {round}: {now}");
        assert!(!now.contains("an old line"), "round {round}");
        // The previous file is this round's full log: the one before it is gone.
        assert!(now.len() < 100_000, "round {round}: {} bytes", now.len());
        assert_eq!(std::fs::read_to_string(&previous).expect("previous"), old);
        let files: Vec<_> = std::fs::read_dir(&dir)
            .expect("log dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(files.len(), 2, "round {round}: {files:?}");
    }
}
