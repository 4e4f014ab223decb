//! `user export --output FILE`'s progress bar (issue 16, point 5): on stderr at a terminal only;
//! never with stderr redirected, never with --json, and stdout the same either way.

mod common;

use common::pty::Tui;
use common::{stderr, stdout, Env, ADMIN};

#[test]
fn no_bar_where_stderr_is_not_a_terminal_nor_with_json() {
    let env = Env::demo();
    let path = env.dir.path().join("users.csv");
    let file = path.display().to_string();
    let out = env.run(ADMIN, &["user", "export", "--output", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = std::fs::read_to_string(&path)
        .expect("written")
        .lines()
        .count()
        - 1;
    // The one line that says what was written, nothing drawn before it.
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said:?}");
    assert!(
        said.starts_with(&format!("Wrote {rows} users of")),
        "{said:?}"
    );
    assert!(!said.contains('\r') && !said.contains('\u{1b}'), "{said:?}");
    assert_eq!(stdout(&out), "");

    let json = env.json(ADMIN, &["user", "export", "--output", &file]);
    assert_eq!(json["rows"], rows);
}

#[test]
fn a_terminal_sees_the_bar_then_the_line_that_says_what_was_written() {
    let env = Env::demo();
    let path = env.dir.path().join("users.csv");
    let file = path.display().to_string();
    let mut t = Tui::start(&env, env.dir.path(), &["user", "export", "--output", &file]);
    assert_eq!(t.exit_code(), 0, "{}", t.output());
    let rows = std::fs::read_to_string(&path)
        .expect("written")
        .lines()
        .count()
        - 1;
    t.wait_for(&format!("Wrote {rows} users of"));
    let output = t.output();
    // Drawn while it wrote (as often as the terminal takes it), then cleared: the screen keeps
    // only the last line.
    assert!(
        output.contains(&format!(" of {rows} rows written")),
        "{output:?}"
    );
    assert!(!t.screen().contains("rows written"), "{}", t.screen());

    // --json at a terminal: the JSON alone.
    let mut t = Tui::start(
        &env,
        env.dir.path(),
        &["user", "export", "--output", &file, "--json"],
    );
    assert_eq!(t.exit_code(), 0, "{}", t.output());
    t.wait_for("\"rows\"");
    assert!(!t.output().contains("rows written"), "{:?}", t.output());
}
