//! The keys: one table (`table.rs`, one row per binding) and the lookups over it. What a key
//! does depends on the mode the app is in (a dialog, typing, or a screen); help lists the same
//! rows. A binding that writes names the capability it needs: `--readonly` drops it, and so does
//! a role without that capability (`withheld_because` says why). The config file may give a
//! screen's actions other keys (`rebind.rs`): each lookup here asks the session's `Rebound`.

mod rebind;
mod table;

pub use rebind::{action_names, key_label, key_name, name_of, parse_key, RebindError, Rebound};
pub use table::BINDINGS;

use super::action::{Action, Screen};
use super::input::{DialogKeys, Key};
use super::labels;
use super::session::Session;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use selfserve_core::Capability;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// On every screen.
    Global,
    /// On these screens only.
    On(&'static [Screen]),
    /// While typing in the search box.
    Typing,
    /// While editing the export path.
    Path,
    /// While a dialog that reads these keys is open.
    Dialog(DialogKeys),
}

#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How help names the keys.
    pub label: &'static str,
    pub action: Action,
    /// The message id of what it does (`assets/i18n`): `Lang::t` gives the words.
    pub help: &'static str,
    pub scope: Scope,
    /// What the action needs beyond reading: hidden with `--readonly` or a role without it.
    pub needs: Option<Capability>,
}

fn scope_has(scope: Scope, screen: Screen) -> bool {
    match scope {
        Scope::Global => true,
        Scope::On(screens) => screens.contains(&screen),
        Scope::Typing | Scope::Path | Scope::Dialog(_) => false,
    }
}

fn matches(b: &Binding, session: &Session, key: &KeyEvent) -> bool {
    session.keys.keys(b).iter().any(|k| k.matches(key))
}

/// The first key of the first row `which` picks, as this session has it: the tab bar and the
/// status line name it.
pub fn first_key(session: &Session, which: impl Fn(&Binding) -> bool) -> Option<String> {
    let b = BINDINGS.iter().find(|b| which(b))?;
    session.keys.keys(b).first().map(|k| key_label(*k))
}

/// How help names the keys of `b` in this session (rebound or the table's).
pub fn label<'a>(b: &'a Binding, session: &'a Session) -> &'a str {
    session.keys.label(b)
}

/// Why this session may not use `b`, or None when it may.
pub fn withheld_because(b: &Binding, session: &Session) -> Option<String> {
    let cap = b.needs?;
    let lang = session.lang;
    if session.readonly {
        Some(labels::word(lang, "key-why-readonly").to_string())
    } else if !cap.allowed(session.role) {
        Some(lang.tr(
            "key-why-role",
            &[
                ("role", session.role.as_str().into()),
                ("needs", labels::needs(lang, cap).into()),
            ],
        ))
    } else {
        None
    }
}

/// What the session's role lets it do, in one line (help's "This session").
pub fn role_limits(session: &Session) -> String {
    let lang = session.lang;
    if session.readonly {
        return labels::word(lang, "key-can-readonly").to_string();
    }
    let policies = Capability::ManagePolicies;
    let subs = Capability::ManageSubscriptions;
    match (subs.allowed(session.role), policies.allowed(session.role)) {
        (true, true) => labels::word(lang, "key-can-everything").to_string(),
        (true, false) => lang.tr(
            "key-can-subscriptions",
            &[("needs", labels::needs(lang, policies).into())],
        ),
        _ => lang.tr(
            "key-can-look",
            &[("needs", labels::needs(lang, subs).into())],
        ),
    }
}

/// The bindings in force on `screen` for this session, as help lists them.
pub fn for_screen<'a>(
    screen: Screen,
    session: &'a Session,
) -> impl Iterator<Item = &'static Binding> + 'a {
    BINDINGS
        .iter()
        .filter(move |b| scope_has(b.scope, screen) && withheld_because(b, session).is_none())
}

/// The bindings of `screen` this session may not use, each with the reason.
pub fn withheld<'a>(
    screen: Screen,
    session: &'a Session,
) -> impl Iterator<Item = (&'static Binding, String)> + 'a {
    BINDINGS
        .iter()
        .filter(move |b| scope_has(b.scope, screen))
        .filter_map(move |b| withheld_because(b, session).map(|why| (b, why)))
}

/// The bindings of a mode (typing or confirming).
pub fn for_scope(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.scope == scope)
}

/// What the app is doing, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A dialog is open and reads these keys.
    Dialog(DialogKeys),
    EditingPath,
    Searching,
    /// The screen's own keys.
    Screen(Screen),
}

/// What a key asks for in `mode`; None for a key with no binding there.
pub fn action_for(mode: Mode, session: &Session, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    // The typing modes: a key without a row types itself.
    let typed = |to: fn(char) -> Action| match key.code {
        KeyCode::Char(c) if !ctrl => Some(to(c)),
        _ => None,
    };
    match mode {
        Mode::Dialog(keys) => for_scope(Scope::Dialog(keys))
            .find(|b| matches(b, session, key))
            .map(|b| match withheld_because(b, session) {
                None => b.action.clone(),
                Some(why) => refused(b, &why, session),
            })
            // A search box types every other character.
            .or_else(|| match keys {
                DialogKeys::Typing => typed(|c| Action::DialogType(Some(c))),
                _ => None,
            }),
        Mode::EditingPath => for_scope(Scope::Path)
            .find(|b| matches(b, session, key))
            .map(|b| b.action.clone())
            .or_else(|| typed(Action::PathChar)),
        Mode::Searching => for_scope(Scope::Typing)
            .find(|b| matches(b, session, key))
            .map(|b| b.action.clone())
            .or_else(|| typed(Action::SearchChar)),
        Mode::Screen(screen) => {
            if let Some(b) = for_screen(screen, session).find(|b| matches(b, session, key)) {
                return Some(b.action.clone());
            }
            // A key this session may not use says why, rather than doing nothing.
            withheld(screen, session)
                .find(|(b, _)| matches(b, session, key))
                .map(|(b, why)| refused(b, &why, session))
        }
    }
}

fn refused(b: &Binding, why: &str, session: &Session) -> Action {
    let lang = session.lang;
    Action::Refused(lang.tr(
        "key-refused",
        &[
            ("what", lang.t(b.help).into()),
            ("why", why.to_string().into()),
        ],
    ))
}
