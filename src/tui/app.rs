//! The dashboard's state and `update`, the one place it changes. `update` never touches the
//! store: what needs the database comes back as an `Effect`, and its result as an `Action`.

use super::action::{Action, Loaded, Screen, SubsKey};
use super::effect::{Effect, ProductItem, UserLine};
use super::list::{Listing, Nav};
use super::screens;
use chrono::{DateTime, Utc};
use selfserve_core::model::{AuditEvent, Email, Role, SubscriptionId};
use selfserve_core::query::{PolicyRow, SubscriptionRow};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Who is looking at what: fixed for the session.
#[derive(Debug, Clone)]
pub struct Session {
    pub upn: String,
    pub role: Role,
    pub tenant: String,
    pub demo: bool,
    pub db: String,
    pub readonly: bool,
    /// Where the export goes unless the user edits it.
    pub export_path: String,
    pub theme: super::theme::Theme,
    /// The clock when the session began (`App::now` moves on with each tick).
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Idle,
    Loading,
    Ready,
    Failed(String),
}

/// A list and whether its data has arrived.
#[derive(Debug, Clone)]
pub struct Pane<T> {
    pub list: Listing<T>,
    pub state: LoadState,
}

impl<T> Default for Pane<T> {
    fn default() -> Self {
        Pane {
            list: Listing::default(),
            state: LoadState::Idle,
        }
    }
}

impl<T> Pane<T> {
    /// Takes loaded rows (keeping the query and cursor) or the reason they failed.
    fn fill(&mut self, rows: Loaded<T>) -> Option<String> {
        match rows {
            Ok((items, keys)) => {
                self.list.replace(items, keys);
                self.state = LoadState::Ready;
                None
            }
            Err(e) => {
                self.state = LoadState::Failed(e.clone());
                Some(e)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Users,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// A question that carries the very effect it will run when answered yes.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: String,
    pub effect: Effect,
}

#[derive(Debug, Clone, Default)]
pub struct ExportState {
    pub path: String,
    /// The path being edited, until Enter keeps it or Esc drops it.
    pub editing: Option<String>,
    pub busy: bool,
    pub last: Option<String>,
}

pub struct App {
    pub session: Session,
    pub screen: Screen,
    /// The screen help was opened from, and goes back to.
    pub help_from: Screen,
    pub size: (u16, u16),
    pub clock: String,
    /// The clock's time at the last tick: what writes and the lifecycle are dated with.
    pub now: DateTime<Utc>,
    pub message: Option<Message>,
    pub self_service: bool,
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
    pub policies: Pane<PolicyRow>,
    pub audit: Pane<AuditEvent>,
    pub outbox: Pane<Email>,
    /// Whether the detail of the selected audit event, e-mail or policy is open.
    pub detail: bool,
    /// Whether keys go to the search box.
    pub searching: bool,
    pub export: ExportState,
    pub confirm: Option<Confirm>,
    /// The policy panel open over the policies screen.
    pub policy_panel: Option<screens::policy_panel::PolicyPanel>,
    pub lifecycle: super::lifecycle::LifecycleState,
    /// Products found by their buyers' names and UPNs.
    pub buyers: super::buyers::BuyerSearch,
    /// The take-over dialog open over the screen (move users, cancel, centralise).
    pub dialog: Option<screens::dialog::Dialog>,
    pub quit: bool,
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
            size,
            clock,
            message: None,
            self_service: false,
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
            policies: Pane::default(),
            audit: Pane::default(),
            outbox: Pane::default(),
            detail: false,
            searching: false,
            export,
            confirm: None,
            policy_panel: None,
            lifecycle: Default::default(),
            buyers: Default::default(),
            dialog: None,
            quit: false,
            dirty: true,
        }
    }

    /// The loads the first screen needs.
    pub fn start(&mut self) -> Vec<Effect> {
        self.products.state = LoadState::Loading;
        let mut fx = vec![Effect::LoadProducts {
            self_service: false,
        }];
        fx.extend(self.lifecycle_due());
        fx
    }

    pub(crate) fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub(crate) fn fail(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Rows the list of `screen` shows at the current size.
    fn page(&self, screen: Screen) -> usize {
        screens::list_rows(self, screen)
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
            Action::Goto(screen) => self.goto(screen, &mut fx),
            Action::Help => {
                if self.screen == Screen::Help {
                    self.screen = self.help_from;
                } else {
                    self.goto(Screen::Help, &mut fx);
                }
            }
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
            Action::EditPath => {
                if self.screen == Screen::Export {
                    self.export.editing = Some(self.export.path.clone());
                }
            }
            Action::PathChar(c) => {
                if let Some(p) = &mut self.export.editing {
                    if !c.is_control() {
                        p.push(c);
                    }
                }
            }
            Action::PathBackspace => {
                if let Some(p) = &mut self.export.editing {
                    p.pop();
                }
            }
            Action::PathAccept => {
                if let Some(p) = self.export.editing.take() {
                    let p = p.trim().to_string();
                    if p.is_empty() {
                        self.fail("The export path is empty; kept the previous one");
                    } else {
                        self.export.path = p;
                    }
                }
            }
            Action::PathCancel => self.export.editing = None,
            Action::Write => self.write(&mut fx),
            Action::ConfirmYes => {
                if let Some(c) = self.confirm.take() {
                    if let Effect::Export { .. } = c.effect {
                        self.export.busy = true;
                        self.say("Writing the export…");
                    }
                    if let Effect::SetPolicy { .. } = c.effect {
                        self.mark_saving();
                    }
                    fx.push(c.effect);
                }
            }
            a @ (Action::OpenDialog(_) | Action::Dialog(_) | Action::DialogReply(_)) => {
                self.dialog_action(a, &mut fx)
            }
            Action::ConfirmNo => {
                if self.confirm.take().is_some() {
                    self.say("Nothing was written");
                }
            }
            Action::ProductsLoaded { self_service, rows } => {
                if let Ok(rows) = &rows {
                    self.product_cache[usize::from(self_service)] = Some(rows.clone());
                    if self.buyers.state == LoadState::Idle {
                        self.buyers.state = LoadState::Loading;
                        fx.push(Effect::LoadBuyers);
                    }
                }
                if self_service == self.self_service {
                    let rows = rows.map(|(items, keys)| {
                        let keys = self.buyers.keys(&items, keys);
                        (items, keys)
                    });
                    if let Some(e) = self.products.fill(rows) {
                        self.fail(e);
                    }
                    self.refit();
                }
            }
            Action::SubscriptionsLoaded { key, rows } => {
                if self.subs_key.as_ref() == Some(&key) {
                    if let Some(e) = self.subs.fill(rows) {
                        self.fail(e);
                    }
                    self.refit();
                    self.want_users(&mut fx);
                }
            }
            Action::UsersLoaded { subs, lines } => {
                self.users_in_flight = false;
                if subs == self.users_wanted {
                    self.users_for = subs;
                    match lines {
                        Ok(lines) => {
                            self.users_count = lines
                                .iter()
                                .filter(|l| matches!(l, UserLine::User(_)))
                                .count();
                            self.users.list = Listing::new(lines, Vec::new());
                            self.users.state = LoadState::Ready;
                        }
                        Err(e) => {
                            self.users.state = LoadState::Failed(e.clone());
                            self.fail(e);
                        }
                    }
                    self.refit();
                } else {
                    self.want_users(&mut fx);
                }
            }
            Action::BuyersLoaded(index) => {
                if let Some(e) = self.buyers.fill(index) {
                    self.fail(format!("Search by buyer is off: {e}"));
                }
                if let Some((items, keys)) = &self.product_cache[usize::from(self.self_service)] {
                    let keys = self.buyers.keys(items, keys.clone());
                    self.products.list.replace(items.clone(), keys);
                }
            }
            Action::Refused(why) => self.fail(why),
            Action::SetAllPolicies => self.open_policy_panel(true),
            Action::PanelMove(nav) => self.panel_move(nav),
            Action::PanelSave => self.panel_save(&mut fx),
            Action::PanelClose => self.panel_close(),
            Action::PolicySaved(result) => self.policy_saved(result, &mut fx),
            Action::LifecycleDone(result) => self.lifecycle_done(result, &mut fx),
            Action::PoliciesLoaded(rows) => {
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
            Action::OutboxLoaded(rows) => {
                if let Some(e) = self.outbox.fill(rows) {
                    self.fail(e);
                }
                self.refit();
            }
            Action::Exported { path, result } => {
                self.export.busy = false;
                match result {
                    Ok(n) => {
                        let shown = std::path::absolute(&path).unwrap_or(path);
                        let text = format!(
                            "Wrote {n} user row{} to {}",
                            if n == 1 { "" } else { "s" },
                            crate::text::sanitize(&shown.display().to_string())
                        );
                        self.export.last = Some(text.clone());
                        self.say(text);
                    }
                    Err(e) => self.fail(e),
                }
            }
        }
        if self.screen == Screen::Products {
            let selected = self.products.list.selected().map(|p| &p.id);
            self.buyers
                .refresh(selected, self.products.list.folded_query());
        }
        fx
    }

    /// The searchable list of the current screen, if it has one.
    fn searchable(&self) -> bool {
        matches!(
            self.screen,
            Screen::Products
                | Screen::Subscriptions
                | Screen::Export
                | Screen::Policies
                | Screen::Audit
                | Screen::Outbox
        )
    }

    /// The query of the current screen's list.
    pub fn query(&self) -> &str {
        match self.screen {
            Screen::Products => self.products.list.query(),
            Screen::Subscriptions | Screen::Export => self.subs.list.query(),
            Screen::Policies => self.policies.list.query(),
            Screen::Audit => self.audit.list.query(),
            Screen::Outbox => self.outbox.list.query(),
            Screen::Help => "",
        }
    }

    fn set_query(&mut self, query: &str, fx: &mut Vec<Effect>) {
        match self.screen {
            Screen::Products => self.products.list.set_query(query),
            Screen::Subscriptions | Screen::Export => {
                self.subs.list.set_query(query);
                self.want_users(fx);
            }
            Screen::Policies => self.policies.list.set_query(query),
            Screen::Audit => self.audit.list.set_query(query),
            Screen::Outbox => self.outbox.list.set_query(query),
            Screen::Help => {}
        }
    }

    fn nav(&mut self, nav: Nav, fx: &mut Vec<Effect>) {
        let page = self.page(self.screen);
        match self.screen {
            Screen::Products => self.products.list.nav(nav, page),
            Screen::Subscriptions if self.focus == Focus::Users => {
                self.users.list.nav(nav, screens::users_rows(self))
            }
            Screen::Subscriptions | Screen::Export => {
                self.subs.list.nav(nav, page);
                self.want_users(fx);
            }
            Screen::Policies => self.policies.list.nav(nav, page),
            Screen::Audit => self.audit.list.nav(nav, page),
            Screen::Outbox => self.outbox.list.nav(nav, page),
            Screen::Help => {}
        }
    }

    /// Keeps every cursor visible after the window or a list changed size.
    fn refit(&mut self) {
        let (p, s, u) = (
            self.page(Screen::Products),
            self.page(Screen::Subscriptions),
            screens::users_rows(self),
        );
        self.products.list.fit(p);
        self.subs.list.fit(if self.screen == Screen::Export {
            self.page(Screen::Export)
        } else {
            s
        });
        self.users.list.fit(u);
        let (po, a, o) = (
            self.page(Screen::Policies),
            self.page(Screen::Audit),
            self.page(Screen::Outbox),
        );
        self.policies.list.fit(po);
        self.audit.list.fit(a);
        self.outbox.list.fit(o);
    }

    fn enter(&mut self, fx: &mut Vec<Effect>) {
        match self.screen {
            Screen::Products => {
                if self.open_product(fx) {
                    self.screen = Screen::Subscriptions;
                    self.focus = Focus::List;
                    self.refit();
                }
            }
            Screen::Subscriptions => {
                if self.focus == Focus::List && self.subs.list.selected().is_some() {
                    self.focus = Focus::Users;
                    self.refit();
                }
            }
            Screen::Export => self.write(fx),
            Screen::Policies => self.open_policy_panel(false),
            Screen::Audit | Screen::Outbox => self.detail = !self.detail,
            Screen::Help => self.screen = self.help_from,
        }
    }

    fn back(&mut self, fx: &mut Vec<Effect>) {
        if !self.query().is_empty() {
            self.set_query("", fx);
            return;
        }
        match self.screen {
            Screen::Products => self.say("Press q to quit"),
            Screen::Subscriptions if self.focus == Focus::Users => {
                self.focus = Focus::List;
                self.refit();
            }
            Screen::Help => self.screen = self.help_from,
            Screen::Policies | Screen::Audit | Screen::Outbox if self.detail => self.detail = false,
            _ => {
                self.screen = Screen::Products;
                self.refit();
            }
        }
    }

    fn next_pane(&mut self, fx: &mut Vec<Effect>) {
        match self.screen {
            Screen::Subscriptions => {
                self.focus = match self.focus {
                    Focus::List => Focus::Users,
                    Focus::Users => Focus::List,
                };
                self.refit();
                self.want_users(fx);
            }
            Screen::Policies | Screen::Audit | Screen::Outbox => self.detail = !self.detail,
            _ => self.dirty = false,
        }
    }

    fn goto(&mut self, screen: Screen, fx: &mut Vec<Effect>) {
        if screen == Screen::Help && self.screen != Screen::Help {
            self.help_from = self.screen;
        }
        self.searching = false;
        self.detail = false;
        let needs_product = matches!(screen, Screen::Subscriptions | Screen::Export);
        if needs_product && self.subs_key.is_none() && !self.open_product(fx) {
            self.say("No product to show yet: wait for the products to load");
            return;
        }
        match screen {
            Screen::Policies if self.policies.state == LoadState::Idle => {
                self.policies.state = LoadState::Loading;
                fx.push(Effect::LoadPolicies);
            }
            Screen::Audit if self.audit.state == LoadState::Idle => {
                self.audit.state = LoadState::Loading;
                fx.push(Effect::LoadAudit);
            }
            Screen::Outbox if self.outbox.state == LoadState::Idle => {
                self.outbox.state = LoadState::Loading;
                fx.push(Effect::LoadOutbox);
            }
            _ => {}
        }
        self.screen = screen;
        self.refit();
        if screen == Screen::Subscriptions {
            self.want_users(fx);
        }
    }

    /// Points the subscriptions list at the selected product; false if there is none.
    fn open_product(&mut self, fx: &mut Vec<Effect>) -> bool {
        let Some(p) = self.products.list.selected() else {
            return false;
        };
        let key = SubsKey {
            product: p.id.clone(),
            self_service: self.self_service,
        };
        self.subs_product = p.name.clone();
        if self.subs_key.as_ref() != Some(&key) {
            self.load_subs(key, fx);
        }
        true
    }

    fn load_subs(&mut self, key: SubsKey, fx: &mut Vec<Effect>) {
        let same_product = self.subs_key.as_ref().map(|k| &k.product) == Some(&key.product);
        if !same_product {
            self.subs.list = Listing::default();
            self.users.list = Listing::default();
            self.users_for.clear();
            self.focus = Focus::List;
        }
        self.subs_key = Some(key.clone());
        self.subs.state = LoadState::Loading;
        fx.push(Effect::LoadSubscriptions(key));
    }

    fn toggle_self_service(&mut self, fx: &mut Vec<Effect>) {
        self.self_service = !self.self_service;
        let slot = usize::from(self.self_service);
        match &self.product_cache[slot] {
            Some((items, keys)) => {
                let keys = self.buyers.keys(items, keys.clone());
                self.products.list.replace(items.clone(), keys);
                self.products.state = LoadState::Ready;
            }
            None => {
                self.products.state = LoadState::Loading;
                fx.push(Effect::LoadProducts {
                    self_service: self.self_service,
                });
            }
        }
        if let Some(key) = &self.subs_key {
            let key = SubsKey {
                product: key.product.clone(),
                self_service: self.self_service,
            };
            self.load_subs(key, fx);
        }
        self.refit();
        self.say(if self.self_service {
            "Self-service filter on: only self-service subscriptions count"
        } else {
            "Self-service filter off: every subscription counts"
        });
    }

    fn mark(&mut self, fx: &mut Vec<Effect>) {
        if !matches!(self.screen, Screen::Subscriptions | Screen::Export) {
            self.dirty = false;
            return;
        }
        let Some(row) = self.subs.list.selected() else {
            return;
        };
        let (id, assigned) = (row.id, row.assigned);
        if self.marked.remove(&id).is_none() {
            self.marked.insert(id, assigned);
        }
        let page = self.page(self.screen);
        self.subs.list.nav(Nav::Down, page);
        self.want_users(fx);
    }

    fn mark_all(&mut self, fx: &mut Vec<Effect>) {
        if !matches!(self.screen, Screen::Subscriptions | Screen::Export) {
            self.dirty = false;
            return;
        }
        let shown: Vec<(SubscriptionId, u32)> =
            self.subs.list.shown().map(|r| (r.id, r.assigned)).collect();
        if shown.iter().all(|(id, _)| self.marked.contains_key(id)) {
            for (id, _) in &shown {
                self.marked.remove(id);
            }
        } else {
            self.marked.extend(shown);
        }
        self.want_users(fx);
    }

    fn write(&mut self, fx: &mut Vec<Effect>) {
        if self.export.busy {
            self.say("The export is still being written");
            return;
        }
        if self.marked.is_empty() {
            self.fail("Mark subscriptions with Space first (a marks every one shown)");
            return;
        }
        let effect = Effect::Export {
            subs: self.marked.keys().copied().collect(),
            path: PathBuf::from(&self.export.path),
        };
        if std::path::Path::new(&self.export.path).exists() {
            self.confirm = Some(Confirm {
                question: format!("{} exists. Replace it?", self.export.path),
                effect,
            });
        } else {
            self.export.busy = true;
            self.say("Writing the export…");
            fx.push(effect);
        }
    }

    /// After a change: every list already read is read again, so each screen shows it.
    pub fn reload(&mut self, fx: &mut Vec<Effect>) {
        self.product_cache = [None, None];
        self.products.state = LoadState::Loading;
        fx.push(Effect::LoadProducts {
            self_service: self.self_service,
        });
        if let Some(key) = self.subs_key.clone() {
            self.subs.state = LoadState::Loading;
            fx.push(Effect::LoadSubscriptions(key));
        }
        // The users pane follows once the subscriptions are back (`want_users`).
        self.users_for.clear();
        self.reload_buyers(fx);
        for (state, effect) in [
            (&mut self.policies.state, Effect::LoadPolicies),
            (&mut self.audit.state, Effect::LoadAudit),
            (&mut self.outbox.state, Effect::LoadOutbox),
        ] {
            if *state != LoadState::Idle {
                *state = LoadState::Loading;
                fx.push(effect);
            }
        }
    }

    /// Asks for the users pane's data: the marked subscriptions, else the selected one.
    fn want_users(&mut self, fx: &mut Vec<Effect>) {
        if self.screen != Screen::Subscriptions {
            return;
        }
        self.users_wanted = if self.marked.is_empty() {
            self.subs
                .list
                .selected()
                .map(|r| r.id)
                .into_iter()
                .collect()
        } else {
            self.marked.keys().copied().collect()
        };
        if self.users_wanted.is_empty() {
            self.users.list = Listing::default();
            self.users_for.clear();
            self.users.state = LoadState::Idle;
            return;
        }
        if self.users_wanted == self.users_for {
            if self.users.state == LoadState::Loading {
                self.users.state = LoadState::Ready;
            }
            return;
        }
        self.users.state = LoadState::Loading;
        if !self.users_in_flight {
            self.users_in_flight = true;
            fx.push(Effect::LoadUsers(self.users_wanted.clone()));
        }
    }
}
