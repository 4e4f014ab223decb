//! The one key table: it dispatches the keys and `?` draws the help from it, so the two cannot
//! disagree. A binding that writes names the capability it needs: `--readonly` drops it, and so
//! does a role without that capability (`withheld` says why, for help).

use super::action::{Action, Screen};
use super::app::{App, Session};
use super::list::Nav;
use super::screens::dialog::{DialogKey, Open};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use selfserve_core::Capability;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// On every screen.
    Global,
    /// On these screens only.
    On(&'static [Screen]),
    /// While typing in the search box or the export path.
    Typing,
    /// While a yes/no question is open.
    Confirm,
    /// While the policy panel is open.
    Panel,
    /// While a take-over dialog is open (move users, cancel, centralise).
    Dialog,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    /// How help names the keys.
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    pub scope: Scope,
    /// What the action needs beyond reading: hidden with `--readonly` or a role without it.
    pub needs: Option<Capability>,
}

const LISTS: &[Screen] = &[
    Screen::Products,
    Screen::Subscriptions,
    Screen::Policies,
    Screen::Export,
    Screen::Audit,
    Screen::Outbox,
];
const SUBS: &[Screen] = &[Screen::Subscriptions, Screen::Export];
const DETAILS: &[Screen] = &[Screen::Audit, Screen::Outbox];

macro_rules! bind {
    ($scope:expr, [$($key:expr),+], $label:literal, $action:expr, $help:literal) => {
        Binding {
            keys: &[$($key),+],
            label: $label,
            action: $action,
            help: $help,
            scope: $scope,
            needs: None,
        }
    };
    // A binding that writes: withheld from a role without `$cap` and with --readonly.
    (needs $cap:expr, $scope:expr, [$($key:expr),+], $label:literal, $action:expr, $help:literal) => {
        Binding {
            keys: &[$($key),+],
            label: $label,
            action: $action,
            help: $help,
            scope: $scope,
            needs: Some($cap),
        }
    };
}

pub static BINDINGS: &[Binding] = &[
    bind!(
        Scope::Confirm,
        [k('y'), code(KeyCode::Enter)],
        "y Enter",
        Action::ConfirmYes,
        "Yes, go ahead"
    ),
    bind!(
        Scope::Confirm,
        [k('n'), code(KeyCode::Esc)],
        "n Esc",
        Action::ConfirmNo,
        "No, change nothing"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Enter)],
        "Enter",
        Action::SearchAccept,
        "Keep what you typed"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Esc)],
        "Esc",
        Action::SearchCancel,
        "Clear it and stop typing"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Backspace)],
        "Backspace",
        Action::SearchBackspace,
        "Delete the last character"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Up)],
        "↑",
        Action::Nav(Nav::Up),
        "Move up while typing"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Down)],
        "↓",
        Action::Nav(Nav::Down),
        "Move down while typing"
    ),
    bind!(
        Scope::Global,
        [k('q'), ctrl('c')],
        "q Ctrl-C",
        Action::Quit,
        "Quit"
    ),
    bind!(
        Scope::Global,
        [k('?')],
        "?",
        Action::Help,
        "Help for this screen"
    ),
    bind!(
        Scope::Global,
        [k('1')],
        "1",
        Action::Goto(Screen::Products),
        "Products"
    ),
    bind!(
        Scope::Global,
        [k('2')],
        "2",
        Action::Goto(Screen::Subscriptions),
        "Subscriptions of the product"
    ),
    bind!(
        Scope::Global,
        [k('3')],
        "3",
        Action::Goto(Screen::Policies),
        "Self-service policies"
    ),
    bind!(
        Scope::Global,
        [k('4')],
        "4",
        Action::Goto(Screen::Export),
        "Export users"
    ),
    bind!(
        Scope::Global,
        [k('5')],
        "5",
        Action::Goto(Screen::Audit),
        "Audit log"
    ),
    bind!(
        Scope::Global,
        [k('6')],
        "6",
        Action::Goto(Screen::Outbox),
        "Outbox"
    ),
    bind!(
        Scope::On(LISTS),
        [code(KeyCode::Up), k('k')],
        "↑ k",
        Action::Nav(Nav::Up),
        "Move up"
    ),
    bind!(
        Scope::On(LISTS),
        [code(KeyCode::Down), k('j')],
        "↓ j",
        Action::Nav(Nav::Down),
        "Move down"
    ),
    bind!(
        Scope::On(LISTS),
        [code(KeyCode::PageUp)],
        "PgUp",
        Action::Nav(Nav::PageUp),
        "Page up"
    ),
    bind!(
        Scope::On(LISTS),
        [code(KeyCode::PageDown)],
        "PgDn",
        Action::Nav(Nav::PageDown),
        "Page down"
    ),
    bind!(
        Scope::On(LISTS),
        [code(KeyCode::Home), k('g')],
        "Home g",
        Action::Nav(Nav::Home),
        "First row"
    ),
    bind!(
        Scope::On(LISTS),
        [code(KeyCode::End), k('G')],
        "End G",
        Action::Nav(Nav::End),
        "Last row"
    ),
    bind!(
        Scope::On(LISTS),
        [k('/')],
        "/",
        Action::SearchStart,
        "Search product, buyer, UPN"
    ),
    bind!(
        Scope::On(&[Screen::Products, Screen::Subscriptions, Screen::Export]),
        [k('f')],
        "f",
        Action::ToggleSelfService,
        "Self-service filter on/off"
    ),
    bind!(
        Scope::On(&[Screen::Products]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Enter,
        "Open product's subscriptions"
    ),
    bind!(
        Scope::On(&[Screen::Subscriptions]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Enter,
        "Open subscription and users"
    ),
    bind!(
        Scope::On(&[Screen::Subscriptions]),
        [code(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "Switch list / users pane"
    ),
    bind!(
        Scope::On(SUBS),
        [k(' ')],
        "Space",
        Action::Mark,
        "Mark / unmark subscription"
    ),
    bind!(
        Scope::On(SUBS),
        [k('a')],
        "a",
        Action::MarkAll,
        "Mark all shown (or unmark)"
    ),
    bind!(
        Scope::On(&[Screen::Export]),
        [k('e')],
        "e",
        Action::EditPath,
        "Edit the export path"
    ),
    bind!(
        Scope::On(&[Screen::Export]),
        [k('w'), code(KeyCode::Enter)],
        "w Enter",
        Action::Write,
        "Write the CSV of the marked"
    ),
    bind!(
        Scope::On(DETAILS),
        [code(KeyCode::Enter), code(KeyCode::Tab)],
        "Enter Tab",
        Action::Enter,
        "Show or hide the details"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('m')],
        "m",
        Action::OpenDialog(Open::Move),
        "Move its users elsewhere (wizard)"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('c')],
        "c",
        Action::OpenDialog(Open::Cancel),
        "Cancel the subscription"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Products]),
        [k('C')],
        "C",
        Action::OpenDialog(Open::Centralise),
        "Centralise: one central sub for all"
    ),
    bind!(
        Scope::Dialog,
        [code(KeyCode::Up), k('k')],
        "↑ k",
        Action::Dialog(DialogKey::Up),
        "Move up, or scroll"
    ),
    bind!(
        Scope::Dialog,
        [code(KeyCode::Down), k('j')],
        "↓ j",
        Action::Dialog(DialogKey::Down),
        "Move down, or scroll"
    ),
    bind!(
        Scope::Dialog,
        [code(KeyCode::Enter)],
        "Enter",
        Action::Dialog(DialogKey::Next),
        "Next step (changes nothing)"
    ),
    bind!(
        Scope::Dialog,
        [k('y')],
        "y",
        Action::Dialog(DialogKey::Yes),
        "Yes: carry out what is shown"
    ),
    bind!(
        Scope::Dialog,
        [code(KeyCode::Esc), k('n')],
        "Esc n",
        Action::Dialog(DialogKey::Back),
        "Back a step, or close"
    ),
    bind!(
        Scope::Dialog,
        [k('b')],
        "b",
        Action::Dialog(DialogKey::Buy),
        "Buy licenses for the users"
    ),
    bind!(
        Scope::Dialog,
        [k('t')],
        "t",
        Action::Dialog(DialogKey::Term),
        "Purchase: annual / monthly term"
    ),
    bind!(
        Scope::On(&[Screen::Policies]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Enter,
        "Open the product's policy panel"
    ),
    bind!(
        Scope::On(&[Screen::Policies]),
        [code(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "Show or hide the details"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::On(&[Screen::Policies]),
        [k('a')],
        "a",
        Action::SetAllPolicies,
        "Set every product's policy"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::Panel,
        [code(KeyCode::Up), k('k')],
        "↑ k",
        Action::PanelMove(Nav::Up),
        "Choose the value above"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::Panel,
        [code(KeyCode::Down), k('j')],
        "↓ j",
        Action::PanelMove(Nav::Down),
        "Choose the value below"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::Panel,
        [code(KeyCode::Enter), k('s')],
        "Enter s",
        Action::PanelSave,
        "Save changes"
    ),
    bind!(
        Scope::Panel,
        [code(KeyCode::Esc)],
        "Esc",
        Action::PanelClose,
        "Close, changing nothing"
    ),
    bind!(
        Scope::Global,
        [code(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "Clear the search, or go back"
    ),
];

fn scope_has(scope: Scope, screen: Screen) -> bool {
    match scope {
        Scope::Global => true,
        Scope::On(screens) => screens.contains(&screen),
        Scope::Typing | Scope::Confirm | Scope::Dialog | Scope::Panel => false,
    }
}

fn matches(b: &Binding, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    b.keys.iter().any(|k| {
        k.ctrl == ctrl
            && match (k.code, key.code) {
                // Letters arrive with SHIFT when upper case; the char already says so.
                (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
                (a, b) => a == b,
            }
    })
}

/// Why this session may not use `b`, or None when it may.
pub fn withheld_because(b: &Binding, session: &Session) -> Option<String> {
    let cap = b.needs?;
    if session.readonly {
        Some("the dashboard runs --readonly".to_string())
    } else if !cap.allowed(session.role) {
        Some(format!(
            "{} may not: it needs {}",
            session.role.as_str(),
            cap.needs()
        ))
    } else {
        None
    }
}

/// What the session's role lets it do, in one line (help's "This session").
pub fn role_limits(session: &Session) -> String {
    if session.readonly {
        return "look, search and export only (--readonly)".to_string();
    }
    let policies = Capability::ManagePolicies;
    let subs = Capability::ManageSubscriptions;
    match (subs.allowed(session.role), policies.allowed(session.role)) {
        (true, true) => "change subscriptions, licenses and policies".to_string(),
        (true, false) => format!(
            "change subscriptions and licenses; policies need {}",
            policies.needs()
        ),
        _ => format!("look, search and export; changes need {}", subs.needs()),
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

/// What a key asks for, given what the app is doing.
pub fn action_for(app: &App, key: &KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if app.confirm.is_some() {
        return for_scope(Scope::Confirm)
            .find(|b| matches(b, key))
            .map(|b| b.action.clone());
    }
    if app.policy_panel.is_some() {
        return for_scope(Scope::Panel).find(|b| matches(b, key)).map(|b| {
            match withheld_because(b, &app.session) {
                None => b.action.clone(),
                Some(why) => refused(b, &why),
            }
        });
    }
    if app.dialog.is_some() {
        return for_scope(Scope::Dialog)
            .find(|b| matches(b, key))
            .map(|b| b.action.clone());
    }
    if app.export.editing.is_some() {
        // The path editor reuses the typing keys, with its own meaning for them.
        return match key.code {
            KeyCode::Enter => Some(Action::PathAccept),
            KeyCode::Esc => Some(Action::PathCancel),
            KeyCode::Backspace => Some(Action::PathBackspace),
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::PathChar(c))
            }
            _ => None,
        };
    }
    if app.searching {
        if let Some(b) = for_scope(Scope::Typing).find(|b| matches(b, key)) {
            return Some(b.action.clone());
        }
        return match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::SearchChar(c))
            }
            _ => None,
        };
    }
    if let Some(b) = for_screen(app.screen, &app.session).find(|b| matches(b, key)) {
        return Some(b.action.clone());
    }
    // A key this session may not use says why, rather than doing nothing.
    withheld(app.screen, &app.session)
        .find(|(b, _)| matches(b, key))
        .map(|(b, why)| refused(b, &why))
}

fn refused(b: &Binding, why: &str) -> Action {
    Action::Refused(format!("{} is not available: {why}", b.help))
}
