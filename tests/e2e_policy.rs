//! The policy panel in the real binary, in a pseudo-terminal: a GlobalAdministrator changes a
//! policy and the command line sees it; a GlobalReader sees the panel read-only with the reason.

// The dashboard still opens the database itself (it moves to the client separately): its
// tests run in-process even under SELFSERVE_TEST_VIA_SERVER=1.

mod common;

use common::pty::*;
use common::{ADMIN, READER};

/// Power BI Pro: the demo allows purchases of it.
const PRODUCT: &str = "CFQ7TTC0H9MP";

fn policy(env: &common::Env) -> String {
    let row = env.json(ADMIN, &["policy", "get", PRODUCT]);
    row["PolicyValue"].as_str().unwrap_or_default().to_string()
}

/// Policies screen, search Power BI Pro, Enter: its panel.
fn open_panel(t: &mut Tui) {
    t.send("3");
    t.wait_for("Self-service trials and purchases · 1 of 17");
    t.send("/power bi pro\r");
    t.wait_for("1 of 1 matching");
    t.send("\r");
    t.wait_for("Allow (current)");
}

#[test]
fn an_admin_changes_a_policy_and_the_command_line_sees_it() {
    let env = common::Env::demo_in_process();
    assert_eq!(policy(&env), "Enabled");
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    open_panel(&mut t);
    t.wait_for("Directory data the commerce service will process");
    t.wait_for("Save changes");
    // Down twice: "Do not allow"; the data notice goes, as nothing is processed then.
    t.send("jj");
    t.wait_for("Users can neither buy this");
    assert!(!t.screen().contains("Directory data"));
    t.send("\r");
    t.wait_for("Saved: Power BI Pro is now \"Do not allow\"");
    t.wait_for("Do not allow");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
    assert_eq!(policy(&env), "Disabled");
    // The change is audited with the value before and after.
    let audit = env.json(ADMIN, &["audit", "list"]);
    let text = audit.to_string();
    assert!(
        text.contains("policy.set") && text.contains(PRODUCT),
        "{text}"
    );
}

#[test]
fn esc_leaves_the_panel_without_changing_anything() {
    let env = common::Env::demo_in_process();
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    open_panel(&mut t);
    t.wait_for("Save changes");
    t.send("j");
    t.send("\u{1b}");
    t.wait_for("nothing was changed");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
    assert_eq!(policy(&env), "Enabled");
}

#[test]
fn a_reader_sees_the_panel_read_only_with_the_reason() {
    let env = common::Env::demo_in_process();
    let mut t = Tui::start_as(&env, env.dir.path(), READER, &[]);
    t.wait_for("Global reader");
    open_panel(&mut t);
    t.wait_for("Read-only: GlobalReader may not change policies: it needs");
    assert!(!t.screen().contains("Save changes"));
    // Neither choosing nor saving does anything.
    t.send("jj\rs");
    t.send("\u{1b}");
    t.wait_for("nothing was changed");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
    assert_eq!(policy(&env), "Enabled");
}
