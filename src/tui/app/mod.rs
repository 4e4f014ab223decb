//! The dashboard's state and `update`, the one place it changes. `update` never touches the
//! store: what needs the database comes back as an `Effect`, and its result as an `Action`.
//! The children hold the parts of `update`: lists and screens, loads, the export, dialogs, the
//! lifecycle and the buyer search.

mod buyers;
mod dialogs;
mod export;
pub mod layout;
mod lifecycle;
mod lists;
mod loads;
mod mouse;
mod notices;
mod outbox_send;
mod spend;

pub use spend::SpendState;

use super::action::{Action, Screen};
use super::buyers::BuyerSearch;
use super::dialogs::Dialog;
use super::effect::Effect;
use super::keymap::{self, Mode};
use super::lifecycle::LifecycleState;
use super::list::{LoadState, Pane};
use super::rows::{ProductItem, SubsKey, UserLine};
use super::session::{Message, Session};
use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;
use selfserve_core::model::{AuditEvent, Email, SubscriptionId};
use selfserve_core::query::{PolicyRow, SubscriptionRow};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// How many messages the history keeps.
const HISTORY: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Users,
}

#[derive(Debug, Clone, Default)]
pub struct ExportState {
    pub path: String,
    /// The path being edited, until Enter keeps it or Esc drops it.
    pub editing: Option<String>,
    pub busy: bool,
    /// Rows written of rows in all, once the writing has begun.
    pub progress: Option<(usize, usize)>,
    pub last: Option<String>,
}

pub struct App {
    pub session: Session,
    pub screen: Screen,
    /// The screen help was opened from, and goes back to.
    pub help_from: Screen,
    /// The first row of help shown (drawing keeps it within the help's length).
    pub help_scroll: usize,
    pub size: (u16, u16),
    pub clock: String,
    /// The clock's time at the last tick: what writes and the lifecycle are dated with.
    pub now: DateTime<Utc>,
    pub message: Option<Message>,
    /// The messages of this session, oldest first, with the clock's time (the last `HISTORY`).
    pub history: VecDeque<(DateTime<Utc>, Message)>,
    pub self_service: bool,
    /// The Subscriptions screen shows orphaned purchases of every product (issue 14).
    pub orphans: bool,
    pub products: Pane<ProductItem>,
    /// Product rows already read, per filter (index 1: self-service only).
    product_cache: [Option<(Vec<ProductItem>, Vec<String>)>; 2],
    pub subs: Pane<SubscriptionRow>,
    pub subs_key: Option<SubsKey>,
    pub subs_product: String,
    pub focus: Focus,
    pub users: Pane<UserLine>,
    /// How many users (not buyer headings) the pane holds.
    pub users_count: usize,
    /// The subscriptions whose users the pane shows, the ones it should show, and whether a
    /// load is on its way (one at a time: a held arrow key does not queue a load per row).
    pub users_for: Vec<SubscriptionId>,
    users_wanted: Vec<SubscriptionId>,
    users_in_flight: bool,
    /// Marked subscriptions (for the export and the users pane), with their assigned counts.
    pub marked: BTreeMap<SubscriptionId, u32>,
    /// Users marked in the users pane (by UPN), for unassigning their licenses.
    pub marked_users: BTreeSet<String>,
    pub policies: Pane<PolicyRow>,
    /// The products waiting for review, marked on the Policies screen (issue 14).
    pub review: Vec<selfserve_core::model::ProductId>,
    pub audit: Pane<AuditEvent>,
    pub outbox: Pane<Email>,
    /// Whether the detail of the selected audit event, e-mail or policy is open.
    pub detail: bool,
    /// Whether keys go to the search box.
    pub searching: bool,
    pub export: ExportState,
    pub lifecycle: LifecycleState,
    /// Whether the outbox is being sent (`s` on the Outbox screen).
    pub sending: bool,
    /// Products found by their buyers' names and UPNs.
    pub buyers: BuyerSearch,
    /// The Spend screen's report and lists.
    pub spend: SpendState,
    /// The subscription the Spend screen's Enter opened, selected once its list is read.
    pending_sub: Option<SubscriptionId>,
    /// The dialog open over the screen, if any: it reads the keys until it closes.
    pub dialog: Option<Box<dyn Dialog>>,
    pub quit: bool,
    /// Why the session ended by itself (its server went away), said after the terminal is back.
    pub gone: Option<String>,
    /// Whether the last update changed anything to draw.
    pub dirty: bool,
}

impl App {
    pub fn new(session: Session, size: (u16, u16), clock: String) -> App {
        let export = ExportState {
            path: session.export_path.clone(),
            ..ExportState::default()
        };
        App {
            now: session.now,
            session,
            screen: Screen::Products,
            help_from: Screen::Products,
            help_scroll: 0,
            size,
            clock,
            message: None,
            history: VecDeque::new(),
            self_service: false,
            orphans: false,
            products: Pane::default(),
            product_cache: [None, None],
            subs: Pane::default(),
            subs_key: None,
            subs_product: String::new(),
            focus: Focus::List,
            users: Pane::default(),
            users_count: 0,
            users_for: Vec::new(),
            users_wanted: Vec::new(),
            users_in_flight: false,
            marked: BTreeMap::new(),
            marked_users: BTreeSet::new(),
            policies: Pane::default(),
            review: Vec::new(),
            audit: Pane::default(),
            outbox: Pane::default(),
            detail: false,
            searching: false,
            export,
            lifecycle: Default::default(),
            sending: false,
            buyers: Default::default(),
            spend: SpendState::default(),
            pending_sub: None,
            dialog: None,
            quit: false,
            gone: None,
            dirty: true,
        }
    }

    /// The loads the first screen needs.
    pub fn start(&mut self) -> Vec<Effect> {
        self.products.state = LoadState::Loading;
        let mut fx = vec![Effect::LoadProducts {
            self_service: false,
            now: self.now,
        }];
        fx.extend(self.lifecycle_due());
        fx
    }

    pub(crate) fn say(&mut self, text: impl Into<String>) {
        self.tell(Message::ok(text));
    }

    /// A fixed message of the catalogue in the session's language.
    pub(crate) fn word(&self, id: &'static str) -> &'static str {
        super::labels::word(self.session.lang, id)
    }

    pub(crate) fn fail(&mut self, text: impl Into<String>) {
        self.tell(Message::error(text));
    }

    /// Shows `message` on the message line and keeps it in the history, where a message longer
    /// than the line can be read whole.
    pub(crate) fn tell(&mut self, message: Message) {
        if self.history.len() == HISTORY {
            self.history.pop_front();
        }
        self.history.push_back((self.now, message.clone()));
        self.message = Some(message);
    }

    /// What the app is doing, as far as keys are concerned.
    pub fn mode(&self) -> Mode {
        if let Some(d) = &self.dialog {
            Mode::Dialog(d.keys())
        } else if self.export.editing.is_some() {
            Mode::EditingPath
        } else if self.searching {
            Mode::Searching
        } else {
            Mode::Screen(self.screen)
        }
    }

    /// What a key asks for now; None for a key with no binding here.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        keymap::action_for(self.mode(), &self.session, key)
    }

    /// The open dialog, if it is a `T`.
    pub fn dialog_as<T: Dialog>(&self) -> Option<&T> {
        let d: &dyn Dialog = self.dialog.as_deref()?;
        d.as_any().downcast_ref::<T>()
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        self.dirty = true;
        let mut fx = Vec::new();
        match action {
            Action::Tick { clock, now } => {
                self.dirty = clock != self.clock;
                self.clock = clock;
                self.now = now;
                fx.extend(self.lifecycle_due());
                if let Some(d) = &mut self.dialog {
                    self.dirty |= d.tick();
                }
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.refit();
            }
            Action::Quit => self.quit = true,
            Action::Nav(nav) => self.nav(nav, &mut fx),
            Action::Enter => self.enter(&mut fx),
            Action::Back => self.back(&mut fx),
            Action::NextPane => self.next_pane(&mut fx),
            Action::ToggleSelfService => self.toggle_self_service(&mut fx),
            Action::ToggleOrphans => self.toggle_orphans(&mut fx),
            Action::Goto(screen) => self.goto(screen, &mut fx),
            Action::Help => self.help(&mut fx),
            Action::SearchStart => {
                if self.searchable() {
                    self.searching = true;
                }
            }
            Action::SearchChar(c) => {
                let query = format!("{}{c}", self.query());
                self.set_query(&query, &mut fx);
            }
            Action::SearchBackspace => {
                let mut query = self.query().to_string();
                query.pop();
                self.set_query(&query, &mut fx);
            }
            Action::SearchCancel => {
                self.searching = false;
                self.set_query("", &mut fx);
            }
            Action::SearchAccept => self.searching = false,
            Action::Mark => self.mark(&mut fx),
            Action::MarkAll => self.mark_all(&mut fx),
            Action::EditPath => self.edit_path(),
            Action::PathChar(c) => self.path_char(c),
            Action::PathBackspace => self.path_backspace(),
            Action::PathAccept => self.path_accept(),
            Action::PathCancel => self.export.editing = None,
            Action::Write => self.write(&mut fx),
            Action::Exported { path, result } => self.exported(path, result),
            Action::Click { column, row } => self.click(column, row, &mut fx),
            Action::ExportProgress { done, total } => {
                // A late one after the result would show the export running again.
                if self.export.busy {
                    self.export.progress = Some((done, total));
                }
            }
            Action::Notice(notice) => self.notice(notice, &mut fx),
            Action::NoticesLost(why) => self.notices_lost(&why),
            Action::OpenDialog(open) => self.open_dialog(open, &mut fx),
            Action::Dialog(key) => self.dialog_key(key, &mut fx),
            Action::DialogType(c) => self.dialog_typed(c, &mut fx),
            Action::DialogReply(reply) => self.dialog_reply(&reply, &mut fx),
            Action::Refused(why) => self.fail(why),
            Action::LifecycleDone(result) => self.lifecycle_done(result, &mut fx),
            Action::ProductsLoaded { self_service, rows } => {
                self.products_loaded(self_service, rows, &mut fx)
            }
            Action::SubscriptionsLoaded { key, rows } => {
                self.subscriptions_loaded(key, rows, &mut fx)
            }
            Action::UsersLoaded { subs, lines } => self.users_loaded(subs, lines, &mut fx),
            Action::BuyersLoaded(index) => self.buyers_loaded(index),
            Action::PoliciesLoaded(rows, review) => {
                self.review = review;
                if let Some(e) = self.policies.fill(rows) {
                    self.fail(e);
                }
                self.refit();
            }
            Action::AuditLoaded(rows) => {
                if let Some(e) = self.audit.fill(rows) {
                    self.fail(e);
                }
                self.refit();
            }
            Action::SendOutbox => self.send_outbox(&mut fx),
            Action::OutboxProgress { done, total } => self.outbox_progress(done, total),
            Action::OutboxSent(result) => self.outbox_sent(result, &mut fx),
            Action::SpendLoaded(data) => self.spend_loaded(data),
            Action::OutboxLoaded(rows) => {
                if let Some(e) = self.outbox.fill(rows) {
                    self.fail(e);
                }
                self.refit();
            }
        }
        if self.screen == Screen::Products {
            let selected = self.products.list.selected().map(|p| &p.id);
            self.buyers
                .refresh(selected, self.products.list.folded_query());
        }
        fx
    }
}
