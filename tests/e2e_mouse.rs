//! The mouse in a real terminal (issue 16, point 5): taken only where the config file says so,
//! a click as the terminal sends it (SGR) changes screen, and the mouse is given back on quit
//! and on SIGTERM.

mod common;

use common::pty::Tui;

/// What crossterm sends to take the mouse and to give it back (X10 clicks, the first of each).
const TAKE: &str = "\u{1b}[?1000h";
const GIVE_BACK: &str = "\u{1b}[?1000l";

fn mouse_on(env: &common::Env) {
    let dir = env.dir.path().join("config").join("selfserve");
    std::fs::create_dir_all(&dir).expect("config dir");
    std::fs::write(dir.join("config.toml"), "[ui]\nmouse = true\n").expect("config file");
}

/// A left click at `column`, `row` (from 0), as an SGR terminal sends it: press then release.
fn click(t: &mut Tui, column: u16, row: u16) {
    let (x, y) = (column + 1, row + 1);
    t.send(&format!("\u{1b}[<0;{x};{y}M\u{1b}[<0;{x};{y}m"));
}

#[test]
fn off_by_default_the_terminal_keeps_the_mouse() {
    let env = common::Env::demo();
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    assert!(!t.output().contains(TAKE), "the mouse was taken");
}

#[test]
fn on_in_the_config_a_click_changes_screen_and_every_exit_gives_the_mouse_back() {
    let env = common::Env::demo();
    mouse_on(&env);
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    assert!(t.output().contains(TAKE), "the mouse was not taken");
    // "3 Policies" covers columns 27 to 36 of the tab line.
    click(&mut t, 30, 0);
    t.wait_for("Self-service trials and purchases");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
    let out = t.output();
    assert!(
        out.rfind(GIVE_BACK) > out.rfind(TAKE),
        "not given back on quit"
    );

    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    // SAFETY: kill only sends a signal to the child this test started.
    unsafe {
        libc::kill(t.pid(), libc::SIGTERM);
    }
    assert_eq!(t.exit_code(), 128 + 15);
    t.assert_restored();
    let out = t.output();
    assert!(
        out.rfind(GIVE_BACK) > out.rfind(TAKE),
        "not given back on SIGTERM"
    );
}
