//! Keys rebound as the config file's `[keys]` does: the new key does the action, the old one
//! no longer does, and help names the new one.

use super::*;
use crate::tui::dialogs::cancel::CancelDialog;
use crate::tui::keymap::Rebound;

fn rebound(binds: &[(&str, &[&str])]) -> Rebound {
    let binds: Vec<(String, Vec<String>)> = binds
        .iter()
        .map(|(name, keys)| {
            (
                name.to_string(),
                keys.iter().map(|k| k.to_string()).collect(),
            )
        })
        .collect();
    Rebound::new(&binds).expect("a valid rebinding")
}

#[test]
fn a_rebound_key_does_the_action_and_help_names_it() {
    let mut h = Harness::with_session(
        80,
        24,
        Session {
            keys: rebound(&[("cancel", &["x", "ctrl-x"]), ("help", &["h"])]),
            ..session(false)
        },
    );
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    // `c` no longer cancels, and `?` no longer opens help: neither has a binding here now.
    h.unbound("c?");
    h.keys("x");
    assert!(h.app.dialog_as::<CancelDialog>().is_some(), "x cancels");
    h.keys("<Esc>");
    assert!(h.app.dialog.is_none());
    h.keys("h");
    assert_eq!(h.app.screen, Screen::Help);
    let help = whole_help(&mut h);
    assert!(help.contains("x Ctrl-X"), "{help}");
    h.keys("g");
    insta::assert_snapshot!("help_rebound_80x24", h.render());
}
