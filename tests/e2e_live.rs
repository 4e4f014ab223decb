//! Live updates in the real binary: two dashboards on one server, a write from the command
//! line, and both show it (the message line says what changed and who did it) with no key
//! pressed. Every wait polls the screen with a deadline.

mod common;

use common::pty::*;
use common::server::{socket_beside, Server};
use common::{code, stderr, Env, ADMIN, READER};
use std::time::{Duration, Instant};

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

#[test]
fn two_dashboards_show_a_command_line_write_without_a_key() {
    let env = Env::demo_in_process();
    let server = Server::start(&env.db, &socket_beside(&env.db), &[]);
    let admin = Tui::start(&env, env.dir.path(), &[]);
    let mut reader = Tui::start_as(&env, env.dir.path(), READER, &[]);
    for t in [&admin, &reader] {
        t.wait_for("Products · 1 of 17");
    }
    // The reader looks at the policies, where the write shows.
    reader.send("3");
    reader.wait_for("Self-service trials and purchases");
    reader.wait_for("Power BI Pro");
    let before = row(&reader, "Power BI Pro");
    assert!(
        before.trim_end_matches([' ', '│']).ends_with(" Allow"),
        "{before}"
    );
    // Both watch before the write: the server lists their notice connections.
    let deadline = Instant::now() + DEADLINE;
    while server.log_text().matches(", dashboard notices)").count() < 2 {
        assert!(Instant::now() < deadline, "{}", server.log_text());
        std::thread::sleep(Duration::from_millis(20));
    }

    let out = env.run(ADMIN, &["policy", "set", POWER_BI_PRO, "disabled"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let written = Instant::now();
    for t in [&admin, &reader] {
        t.wait_for("adele.vance@contoso.example changed the policy: policy CFQ7TTC0H9MP");
    }
    eprintln!(
        "both dashboards said so {:?} after the command ended",
        written.elapsed()
    );
    // The rows follow the message once read again.
    let deadline = Instant::now() + DEADLINE;
    while !row(&reader, "Power BI Pro").contains("Do not allow") {
        assert!(
            Instant::now() < deadline,
            "not read again:\n{}",
            reader.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The screen's line that shows `text`.
fn row(t: &Tui, text: &str) -> String {
    let screen = t.screen();
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no {text:?} on:\n{screen}"))
        .to_string()
}

#[test]
fn a_dashboard_whose_server_goes_away_says_so_and_exits_5_with_the_terminal_restored() {
    let env = Env::demo_in_process();
    let mut server = Server::start(&env.db, &socket_beside(&env.db), &[]);
    let mut admin = Tui::start(&env, env.dir.path(), &[]);
    admin.wait_for("Products · 1 of 17");
    let deadline = Instant::now() + DEADLINE;
    while !server.log_text().contains(", dashboard notices)") {
        assert!(Instant::now() < deadline, "{}", server.log_text());
        std::thread::sleep(Duration::from_millis(20));
    }
    server.kill();
    assert_eq!(admin.exit_code(), 5);
    admin.assert_restored();
    admin.wait_for("went away");
}
