//! The real binary in a pseudo-terminal: keys in, screen out, through a terminal emulator.
//! Every wait polls the screen with a deadline; nothing relies on a fixed sleep.

mod common;

use common::pty::*;

#[test]
fn browse_filter_search_open_export_and_quit() {
    let env = common::Env::demo();
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    t.wait_for("DEMO");

    t.send("f");
    t.wait_for("filter on");

    // Incremental, case- and accent-insensitive.
    t.send("/pówer bi pro");
    t.wait_for("1 match ");
    assert!(t.highlighted("Power BI Pro"), "the match is highlighted");
    t.send("\r");
    t.send("\r");
    t.wait_for("Power BI Pro (self-service only)");

    // Open the first subscription: its details and its users, under their buyer.
    t.send("\r");
    t.wait_for("Purchased by");
    t.wait_for("Licenses:");

    // Export it.
    t.send("4");
    t.wait_for("Export users to CSV");
    t.send(" ");
    t.wait_for("Marked: 1 subscription");
    t.send("w");
    t.wait_for("Wrote ");
    let file = env.dir.path().join("selfserve-users-2026-11-23.csv");
    let csv =
        std::fs::read_to_string(&file).expect("the export is written in the current directory");
    assert!(csv.starts_with("Display name,User principal name,Product,Product ID"));
    assert!(csv.lines().count() >= 2, "{csv}");
    assert!(t
        .screen()
        .contains(&format!("Wrote {} user row", csv.lines().count() - 1)));

    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    let env = common::Env::demo();
    for (signal, code) in [(libc::SIGTERM, 128 + 15), (libc::SIGHUP, 128 + 1)] {
        let mut t = Tui::start(&env, env.dir.path(), &["--readonly"]);
        t.wait_for("READ-ONLY");
        let pid = t.pid();
        // SAFETY: kill only sends a signal to the child this test started.
        unsafe {
            libc::kill(pid, signal);
        }
        assert_eq!(t.exit_code(), code);
        t.assert_restored();
    }
}

#[test]
fn too_small_says_so_plainly() {
    let env = common::Env::demo();
    let mut t = Tui::start(&env, env.dir.path(), &["--ascii"]);
    t.wait_for("+ Products");
    t.resize(10, 40);
    t.wait_for("too small");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let env = common::Env::demo();
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    t.send("\u{3}");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn the_first_run_creates_the_demo_tenant_and_opens_the_dashboard_on_it() {
    let env = common::Env::empty();
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    t.wait_for("DEMO");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
    assert!(
        env.db.join("db").exists(),
        "the demo tenant stays for the next run"
    );
}

#[test]
fn the_config_file_gives_the_dashboard_its_language_and_keys() {
    let env = common::Env::demo();
    let file = env.dir.path().join("config/selfserve/config.toml");
    std::fs::create_dir_all(file.parent().expect("dir")).expect("config dir");
    std::fs::write(
        &file,
        "lang = \"fr\"\n[theme]\nselection = \"blue\"\n[keys]\nquit = \"x\"\nhelp = \"h\"\n",
    )
    .expect("config");
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Produits");
    // The tab bar and the hints name the rebound keys; `q` no longer quits, `x` does.
    t.wait_for("h Aide");
    t.wait_for("x quitter");
    t.send("q");
    t.send("h");
    t.wait_for("Sur l'écran Produits");
    t.send("G");
    t.wait_for("x         Quitter");
    t.send("\u{1b}x");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}
