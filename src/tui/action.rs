//! Everything a user can ask for, and every result a background load brings back.

use super::buyers::BuyerIndex;
use super::dialogs::Opener;
use super::effect::Reply;
use super::input::DialogKey;
use super::lifecycle::Summary;
use super::list::{Loaded, Nav};
use super::rows::{ProductItem, SubsKey, UserLine};
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use selfserve_core::model::{AuditEvent, Email, ProductId, SubscriptionId};
use selfserve_core::query::{PolicyRow, SubscriptionRow};
use selfserve_server::protocol::Notice;
use std::path::PathBuf;

/// The screens, in the order the number keys reach them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    Products,
    Subscriptions,
    Policies,
    Export,
    Audit,
    Outbox,
    Spend,
    Help,
}

impl Screen {
    pub const ALL: [Screen; 8] = [
        Screen::Products,
        Screen::Subscriptions,
        Screen::Policies,
        Screen::Export,
        Screen::Audit,
        Screen::Outbox,
        Screen::Spend,
        Screen::Help,
    ];

    /// The key that reaches it, and the message ids of its name on the tab line (short enough
    /// for 80 columns in either language) and of its title.
    const fn info(self) -> (char, &'static str, &'static str) {
        match self {
            Screen::Products => ('1', "tab-products", "title-products"),
            Screen::Subscriptions => ('2', "tab-subscriptions", "title-subscriptions"),
            Screen::Policies => ('3', "tab-policies", "title-policies"),
            Screen::Export => ('4', "tab-export", "title-export"),
            Screen::Audit => ('5', "tab-audit", "title-audit"),
            Screen::Outbox => ('6', "tab-outbox", "title-outbox"),
            Screen::Spend => ('7', "spend-tab", "spend-title-screen"),
            Screen::Help => ('?', "tab-help", "title-help"),
        }
    }

    pub fn key(self) -> char {
        self.info().0
    }

    pub fn tab(self, lang: Lang) -> String {
        lang.t(self.info().1)
    }

    pub fn title(self, lang: Lang) -> String {
        lang.t(self.info().2)
    }
}

#[derive(Debug, Clone)]
pub enum Action {
    Nav(Nav),
    Enter,
    Back,
    NextPane,
    ToggleSelfService,
    /// Orphaned purchases only, on the Subscriptions screen (issue 14).
    ToggleOrphans,
    Goto(Screen),
    Help,
    Quit,
    SearchStart,
    SearchChar(char),
    SearchBackspace,
    SearchCancel,
    SearchAccept,
    Mark,
    MarkAll,
    EditPath,
    PathChar(char),
    PathBackspace,
    PathAccept,
    PathCancel,
    Write,
    /// The Outbox screen's `s`: send the pending e-mails now; then how far it is, and what came
    /// of it.
    SendOutbox,
    OutboxProgress {
        done: usize,
        total: usize,
    },
    OutboxSent(Result<selfserve_server::mail::Summary, String>),
    /// A dialog: open one (the binding carries the function that opens it), a key inside it,
    /// and what its work brought back.
    OpenDialog(Opener),
    Dialog(DialogKey),
    /// A character typed into a dialog's search box; None is Backspace.
    DialogType(Option<char>),
    DialogReply(Reply),
    Resize(u16, u16),
    /// A key this session may not use, with why (its role, or --readonly).
    Refused(String),
    /// A lifecycle run (or preview) came back.
    LifecycleDone(Result<Summary, String>),
    /// Every product's buyers, folded for the products search.
    BuyersLoaded(Result<BuyerIndex, String>),
    /// The clock: as the status bar shows it, and the time it stands at.
    Tick {
        clock: String,
        now: DateTime<Utc>,
    },
    ProductsLoaded {
        self_service: bool,
        rows: Loaded<ProductItem>,
    },
    SubscriptionsLoaded {
        key: SubsKey,
        rows: Loaded<SubscriptionRow>,
    },
    UsersLoaded {
        subs: Vec<SubscriptionId>,
        lines: Result<Vec<UserLine>, String>,
    },
    /// Every product's policy, and the products waiting for review (issue 14).
    PoliciesLoaded(Loaded<PolicyRow>, Vec<ProductId>),
    AuditLoaded(Loaded<AuditEvent>),
    OutboxLoaded(Loaded<Email>),
    Exported {
        path: PathBuf,
        result: Result<usize, String>,
    },
    /// Another administrator's change, from the server.
    Notice(Notice),
    /// The notices stopped coming (the server went away), and why.
    NoticesLost(String),
    /// How many rows of the export's CSV are written, of how many.
    ExportProgress {
        done: usize,
        total: usize,
    },
    /// A left click at this cell (the mouse, where the config file turns it on).
    Click {
        column: u16,
        row: u16,
    },
    /// The spend report, for the Spend screen.
    SpendLoaded(Result<Box<super::spend::SpendData>, String>),
}
