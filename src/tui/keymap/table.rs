//! The key table: one row per binding. It dispatches the keys and `?` draws the help from it,
//! so the two cannot disagree. A binding that writes names the capability it needs.

use super::{Binding, Scope};
use crate::tui::action::{Action, Screen};
use crate::tui::dialogs::{
    ask_cancel, assign, cancel, centralise, email, messages, move_wizard, policy_panel, take_over,
    unassign,
};
use crate::tui::input::{code, ctrl, k, DialogKey, DialogKeys};
use crate::tui::list::Nav;
use crossterm::event::KeyCode;
use selfserve_core::Capability;

const LISTS: &[Screen] = &[
    Screen::Products,
    Screen::Subscriptions,
    Screen::Policies,
    Screen::Export,
    Screen::Audit,
    Screen::Outbox,
];
/// Where the moving keys work: every list, and help, which scrolls.
const MOVES: &[Screen] = &[
    Screen::Products,
    Screen::Subscriptions,
    Screen::Policies,
    Screen::Export,
    Screen::Audit,
    Screen::Outbox,
    Screen::Help,
];
const SUBS: &[Screen] = &[Screen::Subscriptions, Screen::Export];

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
    // A step dialog's key: its keys and label are the dialog's own (`DialogKey`).
    ($scope:expr, DialogKey::$key:ident, $help:literal) => {
        Binding {
            keys: DialogKey::$key.keys(),
            label: DialogKey::$key.label(),
            action: Action::Dialog(DialogKey::$key),
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
        Scope::Dialog(DialogKeys::Question),
        [k('y')],
        "y",
        Action::Dialog(DialogKey::Yes),
        "Yes, go ahead"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Question),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Dialog(DialogKey::Next),
        "Nothing: only y says yes"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Question),
        [k('n'), code(KeyCode::Esc)],
        "n Esc",
        Action::Dialog(DialogKey::Back),
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
        Scope::Path,
        [code(KeyCode::Enter)],
        "Enter",
        Action::PathAccept,
        "Keep the path"
    ),
    bind!(
        Scope::Path,
        [code(KeyCode::Esc)],
        "Esc",
        Action::PathCancel,
        "Drop the edit, keep the old path"
    ),
    bind!(
        Scope::Path,
        [code(KeyCode::Backspace)],
        "Backspace",
        Action::PathBackspace,
        "Delete the last character"
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
        [k('M')],
        "M",
        Action::OpenDialog(messages::open),
        "Messages so far, each whole"
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
        Scope::On(MOVES),
        [code(KeyCode::Up), k('k')],
        "↑ k",
        Action::Nav(Nav::Up),
        "Move up"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::Down), k('j')],
        "↓ j",
        Action::Nav(Nav::Down),
        "Move down"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::PageUp)],
        "PgUp",
        Action::Nav(Nav::PageUp),
        "Page up"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::PageDown)],
        "PgDn",
        Action::Nav(Nav::PageDown),
        "Page down"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::Home), k('g')],
        "Home g",
        Action::Nav(Nav::Home),
        "First row"
    ),
    bind!(
        Scope::On(MOVES),
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
        "Mark / unmark (a user, in the users pane)"
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
        Scope::On(&[Screen::Audit]),
        [code(KeyCode::Enter), code(KeyCode::Tab)],
        "Enter Tab",
        Action::Enter,
        "Show or hide the details"
    ),
    bind!(
        Scope::On(&[Screen::Outbox]),
        [code(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "Show or hide the details"
    ),
    bind!(
        Scope::On(&[Screen::Outbox]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::OpenDialog(email::open),
        "Read the e-mail whole"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('A')],
        "A",
        Action::OpenDialog(assign::open),
        "Assign licenses (search users)"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('u')],
        "u",
        Action::OpenDialog(unassign::open),
        "Unassign the marked users' licenses"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('r')],
        "r",
        Action::OpenDialog(ask_cancel::open),
        "Request its buyer cancel (e-mail)"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('t')],
        "t",
        Action::OpenDialog(take_over::open),
        "Take it over (then assign licenses)"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('m')],
        "m",
        Action::OpenDialog(move_wizard::open),
        "Move its users elsewhere (wizard)"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('c')],
        "c",
        Action::OpenDialog(cancel::open),
        "Cancel the subscription"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Products]),
        [k('C')],
        "C",
        Action::OpenDialog(centralise::open),
        "Centralise: one central sub for all"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Up,
        "Move up, or scroll"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Down,
        "Move down, or scroll"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Next,
        "Next step (changes nothing)"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Yes,
        "Yes: carry out what is shown"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Back,
        "Back a step, or close"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Buy,
        "Buy licenses for the users"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Term,
        "Purchase: annual / monthly term"
    ),
    bind!(
        Scope::On(&[Screen::Policies]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::OpenDialog(policy_panel::open),
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
        Action::OpenDialog(policy_panel::open_all),
        "Set every product's policy"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::Dialog(DialogKeys::Panel),
        [code(KeyCode::Up), k('k')],
        "↑ k",
        Action::Dialog(DialogKey::Up),
        "Choose the value above"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::Dialog(DialogKeys::Panel),
        [code(KeyCode::Down), k('j')],
        "↓ j",
        Action::Dialog(DialogKey::Down),
        "Choose the value below"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::Dialog(DialogKeys::Panel),
        [code(KeyCode::Enter), k('s')],
        "Enter s",
        Action::Dialog(DialogKey::Next),
        "Save changes"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Up)],
        "↑",
        Action::Dialog(DialogKey::Up),
        "Move up the results"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Down)],
        "↓",
        Action::Dialog(DialogKey::Down),
        "Move down the results"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Dialog(DialogKey::Next),
        "Pick or unpick the user"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        DialogKey::Review,
        "Review what is picked"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Backspace)],
        "Backspace",
        Action::DialogType(None),
        "Delete the last character"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Esc)],
        "Esc",
        Action::Dialog(DialogKey::Back),
        "Close, changing nothing"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Panel),
        [code(KeyCode::Esc)],
        "Esc",
        Action::Dialog(DialogKey::Back),
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
