//! Everything a user can ask for, and every result a background load brings back.

use super::list::Nav;
use chrono::{DateTime, Utc};
use selfserve_core::model::{AuditEvent, Email, ProductId, SubscriptionId};
use selfserve_core::query::{PolicyRow, SubscriptionRow};
use std::path::PathBuf;

use super::effect::{ProductItem, UserLine};

/// The screens, in the order the number keys reach them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    Products,
    Subscriptions,
    Policies,
    Export,
    Audit,
    Outbox,
    Help,
}

impl Screen {
    pub const ALL: [Screen; 7] = [
        Screen::Products,
        Screen::Subscriptions,
        Screen::Policies,
        Screen::Export,
        Screen::Audit,
        Screen::Outbox,
        Screen::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Products => "Products",
            Screen::Subscriptions => "Subscriptions",
            Screen::Policies => "Self-service trials and purchases",
            Screen::Export => "Export users",
            Screen::Audit => "Audit log",
            Screen::Outbox => "Outbox",
            Screen::Help => "Help",
        }
    }

    /// The name on the tab line, short enough for 80 columns.
    pub fn tab(self) -> &'static str {
        match self {
            Screen::Products => "Products",
            Screen::Subscriptions => "Subscriptions",
            Screen::Policies => "Policies",
            Screen::Export => "Export",
            Screen::Audit => "Audit",
            Screen::Outbox => "Outbox",
            Screen::Help => "Help",
        }
    }

    pub fn key(self) -> char {
        match self {
            Screen::Products => '1',
            Screen::Subscriptions => '2',
            Screen::Policies => '3',
            Screen::Export => '4',
            Screen::Audit => '5',
            Screen::Outbox => '6',
            Screen::Help => '?',
        }
    }
}

/// Which product's subscriptions, under which filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsKey {
    pub product: ProductId,
    pub self_service: bool,
}

/// Rows and their folded search keys, or the one-line reason they could not be read.
pub type Loaded<T> = Result<(Vec<T>, Vec<String>), String>;

#[derive(Debug, Clone)]
pub enum Action {
    Nav(Nav),
    Enter,
    Back,
    NextPane,
    ToggleSelfService,
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
    ConfirmYes,
    ConfirmNo,
    /// The take-over dialogs (move users, cancel, centralise): open one, a key inside it, and
    /// what its work brought back.
    OpenDialog(super::screens::dialog::Open),
    Dialog(super::screens::dialog::DialogKey),
    DialogReply(Box<super::screens::dialog::Reply>),
    Resize(u16, u16),
    /// A key this session may not use, with why (its role, or --readonly).
    Refused(String),
    /// The policy panel: open it on every product, move its choice, save, close; the result.
    SetAllPolicies,
    PanelMove(Nav),
    PanelSave,
    PanelClose,
    PolicySaved(Result<super::screens::policy_panel::Saved, String>),
    /// A lifecycle run (or preview) came back.
    LifecycleDone(Result<super::lifecycle::Summary, String>),
    /// Every product's buyers, folded for the products search.
    BuyersLoaded(Result<super::buyers::BuyerIndex, String>),
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
    PoliciesLoaded(Loaded<PolicyRow>),
    AuditLoaded(Loaded<AuditEvent>),
    OutboxLoaded(Loaded<Email>),
    Exported {
        path: PathBuf,
        result: Result<usize, String>,
    },
}
