//! The key table: one row per binding. It dispatches the keys and `?` draws the help from it,
//! so the two cannot disagree. A binding that writes names the capability it needs. Each help
//! text is a message id of the catalogues (`assets/i18n`), looked up where it is shown.

use super::{Binding, Scope};
use crate::tui::action::{Action, Screen};
use crate::tui::dialogs::{
    accept_review, ask_cancel, assign, cancel, centralise, email, messages, move_wizard,
    policy_panel, take_over, unassign,
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
    Screen::Spend,
];
/// Where the moving keys work: every list, and help, which scrolls.
const MOVES: &[Screen] = &[
    Screen::Products,
    Screen::Subscriptions,
    Screen::Policies,
    Screen::Export,
    Screen::Audit,
    Screen::Outbox,
    Screen::Spend,
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
        "key-yes"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Question),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Dialog(DialogKey::Next),
        "key-enter-not-yes"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Question),
        [k('n'), code(KeyCode::Esc)],
        "n Esc",
        Action::Dialog(DialogKey::Back),
        "key-no"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Enter)],
        "Enter",
        Action::SearchAccept,
        "key-search-keep"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Esc)],
        "Esc",
        Action::SearchCancel,
        "key-search-clear"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Backspace)],
        "Backspace",
        Action::SearchBackspace,
        "key-delete-char"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Up)],
        "↑",
        Action::Nav(Nav::Up),
        "key-typing-up"
    ),
    bind!(
        Scope::Typing,
        [code(KeyCode::Down)],
        "↓",
        Action::Nav(Nav::Down),
        "key-typing-down"
    ),
    bind!(
        Scope::Path,
        [code(KeyCode::Enter)],
        "Enter",
        Action::PathAccept,
        "key-path-keep"
    ),
    bind!(
        Scope::Path,
        [code(KeyCode::Esc)],
        "Esc",
        Action::PathCancel,
        "key-path-drop"
    ),
    bind!(
        Scope::Path,
        [code(KeyCode::Backspace)],
        "Backspace",
        Action::PathBackspace,
        "key-delete-char"
    ),
    bind!(
        Scope::Global,
        [k('q'), ctrl('c')],
        "q Ctrl-C",
        Action::Quit,
        "key-quit"
    ),
    bind!(Scope::Global, [k('?')], "?", Action::Help, "key-help"),
    bind!(
        Scope::Global,
        [k('M')],
        "M",
        Action::OpenDialog(messages::open),
        "key-messages"
    ),
    bind!(
        Scope::Global,
        [k('1')],
        "1",
        Action::Goto(Screen::Products),
        "key-goto-products"
    ),
    bind!(
        Scope::Global,
        [k('2')],
        "2",
        Action::Goto(Screen::Subscriptions),
        "key-goto-subscriptions"
    ),
    bind!(
        Scope::Global,
        [k('3')],
        "3",
        Action::Goto(Screen::Policies),
        "key-goto-policies"
    ),
    bind!(
        Scope::Global,
        [k('4')],
        "4",
        Action::Goto(Screen::Export),
        "key-goto-export"
    ),
    bind!(
        Scope::Global,
        [k('5')],
        "5",
        Action::Goto(Screen::Audit),
        "key-goto-audit"
    ),
    bind!(
        Scope::Global,
        [k('6')],
        "6",
        Action::Goto(Screen::Outbox),
        "key-goto-outbox"
    ),
    bind!(
        Scope::Global,
        [k('7')],
        "7",
        Action::Goto(Screen::Spend),
        "spend-key-goto"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::Up), k('k')],
        "↑ k",
        Action::Nav(Nav::Up),
        "key-up"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::Down), k('j')],
        "↓ j",
        Action::Nav(Nav::Down),
        "key-down"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::PageUp)],
        "PgUp",
        Action::Nav(Nav::PageUp),
        "key-page-up"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::PageDown)],
        "PgDn",
        Action::Nav(Nav::PageDown),
        "key-page-down"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::Home), k('g')],
        "Home g",
        Action::Nav(Nav::Home),
        "key-first"
    ),
    bind!(
        Scope::On(MOVES),
        [code(KeyCode::End), k('G')],
        "End G",
        Action::Nav(Nav::End),
        "key-last"
    ),
    bind!(
        Scope::On(LISTS),
        [k('/')],
        "/",
        Action::SearchStart,
        "key-search"
    ),
    bind!(
        Scope::On(&[Screen::Products, Screen::Subscriptions, Screen::Export]),
        [k('f')],
        "f",
        Action::ToggleSelfService,
        "key-self-service"
    ),
    // Issue 14: orphaned purchases (buyer disabled or gone), of every product.
    bind!(
        Scope::On(&[Screen::Subscriptions]),
        [k('o')],
        "o",
        Action::ToggleOrphans,
        "gov-key-orphans"
    ),
    bind!(
        Scope::On(&[Screen::Products]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Enter,
        "key-open-product"
    ),
    bind!(
        Scope::On(&[Screen::Subscriptions]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Enter,
        "key-open-subscription"
    ),
    bind!(
        Scope::On(&[Screen::Subscriptions]),
        [code(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "key-switch-pane"
    ),
    bind!(Scope::On(SUBS), [k(' ')], "Space", Action::Mark, "key-mark"),
    bind!(
        Scope::On(SUBS),
        [k('a')],
        "a",
        Action::MarkAll,
        "key-mark-all"
    ),
    bind!(
        Scope::On(&[Screen::Export]),
        [k('e')],
        "e",
        Action::EditPath,
        "key-edit-path"
    ),
    bind!(
        Scope::On(&[Screen::Export]),
        [k('w'), code(KeyCode::Enter)],
        "w Enter",
        Action::Write,
        "key-write-csv"
    ),
    bind!(
        Scope::On(&[Screen::Audit]),
        [code(KeyCode::Enter), code(KeyCode::Tab)],
        "Enter Tab",
        Action::Enter,
        "key-details"
    ),
    bind!(
        Scope::On(&[Screen::Outbox]),
        [code(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "key-details"
    ),
    bind!(
        Scope::On(&[Screen::Outbox]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::OpenDialog(email::open),
        "key-read-email"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Outbox]),
        [k('s')],
        "s",
        Action::SendOutbox,
        "delivery-key-send"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('A')],
        "A",
        Action::OpenDialog(assign::open),
        "key-assign"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('u')],
        "u",
        Action::OpenDialog(unassign::open),
        "key-unassign"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('r')],
        "r",
        Action::OpenDialog(ask_cancel::open),
        "key-ask-cancel"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('t')],
        "t",
        Action::OpenDialog(take_over::open),
        "key-take-over"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('m')],
        "m",
        Action::OpenDialog(move_wizard::open),
        "key-move"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Subscriptions]),
        [k('c')],
        "c",
        Action::OpenDialog(cancel::open),
        "key-cancel"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Products]),
        [k('C')],
        "C",
        Action::OpenDialog(centralise::open),
        "key-centralise"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Up,
        "key-step-up"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Down,
        "key-step-down"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Next,
        "key-step-next"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Yes,
        "key-step-yes"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Back,
        "key-step-back"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Buy,
        "key-step-buy"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Term,
        "key-step-term"
    ),
    // Issue 14: from the every-product question, the impact's subscriptions for take-over.
    bind!(
        Scope::Dialog(DialogKeys::Steps),
        DialogKey::Open,
        "gov-key-open-untouched"
    ),
    bind!(
        Scope::On(&[Screen::Spend]),
        [code(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "spend-key-tab"
    ),
    bind!(
        Scope::On(&[Screen::Spend]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Enter,
        "spend-key-open"
    ),
    bind!(
        needs Capability::ManageSubscriptions,
        Scope::On(&[Screen::Spend]),
        [k('C')],
        "C",
        Action::OpenDialog(centralise::open),
        "spend-key-centralise"
    ),
    bind!(
        Scope::On(&[Screen::Policies]),
        [code(KeyCode::Enter)],
        "Enter",
        Action::OpenDialog(policy_panel::open),
        "key-open-policy"
    ),
    bind!(
        Scope::On(&[Screen::Policies]),
        [code(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "key-details"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::On(&[Screen::Policies]),
        [k('a')],
        "a",
        Action::OpenDialog(policy_panel::open_all),
        "key-policy-all"
    ),
    // Issue 14: accept a product that appeared and waits for review.
    bind!(
        needs Capability::ManagePolicies,
        Scope::On(&[Screen::Policies]),
        [k('v')],
        "v",
        Action::OpenDialog(accept_review::open),
        "gov-key-accept-review"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::Dialog(DialogKeys::Panel),
        [code(KeyCode::Up), k('k')],
        "↑ k",
        Action::Dialog(DialogKey::Up),
        "key-value-above"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::Dialog(DialogKeys::Panel),
        [code(KeyCode::Down), k('j')],
        "↓ j",
        Action::Dialog(DialogKey::Down),
        "key-value-below"
    ),
    bind!(
        needs Capability::ManagePolicies,
        Scope::Dialog(DialogKeys::Panel),
        [code(KeyCode::Enter), k('s')],
        "Enter s",
        Action::Dialog(DialogKey::Next),
        "key-save"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Up)],
        "↑",
        Action::Dialog(DialogKey::Up),
        "key-results-up"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Down)],
        "↓",
        Action::Dialog(DialogKey::Down),
        "key-results-down"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Enter)],
        "Enter",
        Action::Dialog(DialogKey::Next),
        "key-pick-user"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        DialogKey::Review,
        "key-review"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Backspace)],
        "Backspace",
        Action::DialogType(None),
        "key-delete-char"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Typing),
        [code(KeyCode::Esc)],
        "Esc",
        Action::Dialog(DialogKey::Back),
        "key-close"
    ),
    // Issue 14: the impact's subscriptions, opened for take-over.
    bind!(
        Scope::Dialog(DialogKeys::Panel),
        DialogKey::Open,
        "gov-key-open-untouched"
    ),
    bind!(
        Scope::Dialog(DialogKeys::Panel),
        [code(KeyCode::Esc)],
        "Esc",
        Action::Dialog(DialogKey::Back),
        "key-close"
    ),
    bind!(
        Scope::Global,
        [code(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "key-back"
    ),
];
