//! Moving about: screens, lists, the search, marks and the users pane.

use super::layout;
use super::{App, Focus};
use crate::tui::action::Screen;
use crate::tui::effect::Effect;
use crate::tui::list::{Listing, LoadState, Nav, Searchable};
use crate::tui::rows::{SubsKey, UserLine};
use crate::tui::spend::SpendTab;
use selfserve_core::model::SubscriptionId;

impl App {
    pub(super) fn help(&mut self, fx: &mut Vec<Effect>) {
        if self.screen == Screen::Help {
            self.screen = self.help_from;
        } else {
            self.help_scroll = 0;
            self.goto(Screen::Help, fx);
        }
    }

    /// The list `screen` shows and searches; help has none. Subscriptions and Export share one.
    pub fn list_of(&self, screen: Screen) -> Option<&dyn Searchable> {
        Some(match screen {
            Screen::Products => &self.products.list,
            Screen::Subscriptions | Screen::Export => &self.subs.list,
            Screen::Policies => &self.policies.list,
            Screen::Audit => &self.audit.list,
            Screen::Outbox => &self.outbox.list,
            Screen::Spend => match self.spend.tab {
                SpendTab::Upcoming => &self.spend.upcoming,
                SpendTab::Waste => &self.spend.waste,
                SpendTab::Savings => &self.spend.savings,
            },
            Screen::Help => return None,
        })
    }

    pub(super) fn list_of_mut(&mut self, screen: Screen) -> Option<&mut dyn Searchable> {
        Some(match screen {
            Screen::Products => &mut self.products.list,
            Screen::Subscriptions | Screen::Export => &mut self.subs.list,
            Screen::Policies => &mut self.policies.list,
            Screen::Audit => &mut self.audit.list,
            Screen::Outbox => &mut self.outbox.list,
            Screen::Spend => match self.spend.tab {
                SpendTab::Upcoming => &mut self.spend.upcoming,
                SpendTab::Waste => &mut self.spend.waste,
                SpendTab::Savings => &mut self.spend.savings,
            },
            Screen::Help => return None,
        })
    }

    /// Whether the current screen has a list to search.
    pub(super) fn searchable(&self) -> bool {
        self.list_of(self.screen).is_some()
    }

    /// The query of the current screen's list.
    pub fn query(&self) -> &str {
        self.list_of(self.screen).map_or("", |l| l.query())
    }

    pub(super) fn set_query(&mut self, query: &str, fx: &mut Vec<Effect>) {
        if let Some(list) = self.list_of_mut(self.screen) {
            list.set_query(query);
        }
        self.want_users(fx);
    }

    pub(super) fn nav(&mut self, nav: Nav, fx: &mut Vec<Effect>) {
        if self.screen == Screen::Help {
            let page = usize::from(self.size.1.saturating_sub(5)).max(1);
            self.help_scroll = match nav {
                Nav::Up => self.help_scroll.saturating_sub(1),
                Nav::Down => self.help_scroll + 1,
                Nav::PageUp => self.help_scroll.saturating_sub(page),
                Nav::PageDown => self.help_scroll + page,
                Nav::Home => 0,
                // Drawing stops at the last row.
                Nav::End => usize::from(u16::MAX),
            }
            .min(usize::from(u16::MAX));
            return;
        }
        if self.screen == Screen::Subscriptions && self.focus == Focus::Users {
            let page = layout::users_rows(self);
            self.users.list.nav(nav, page);
            return;
        }
        let page = self.page(self.screen);
        if let Some(list) = self.list_of_mut(self.screen) {
            list.nav(nav, page);
        }
        self.want_users(fx);
    }

    /// Keeps every cursor visible after the window or a list changed size.
    pub(super) fn refit(&mut self) {
        for screen in Screen::ALL {
            // The two screens sharing a list fit it to the one in view.
            let hidden_twin = match screen {
                Screen::Subscriptions => self.screen == Screen::Export,
                Screen::Export => self.screen != Screen::Export,
                _ => false,
            };
            let page = self.page(screen);
            if let (false, Some(list)) = (hidden_twin, self.list_of_mut(screen)) {
                list.fit(page);
            }
        }
        let users = layout::users_rows(self);
        self.users.list.fit(users);
    }

    pub(super) fn enter(&mut self, fx: &mut Vec<Effect>) {
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
            // The policy panel opens from its binding (a dialog).
            Screen::Policies => {}
            Screen::Audit | Screen::Outbox => self.detail = !self.detail,
            Screen::Spend => self.open_spend_row(fx),
            Screen::Help => self.screen = self.help_from,
        }
    }

    pub(super) fn back(&mut self, fx: &mut Vec<Effect>) {
        if !self.query().is_empty() {
            self.set_query("", fx);
            return;
        }
        match self.screen {
            Screen::Products => self.say(self.word("msg-press-q")),
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

    pub(super) fn next_pane(&mut self, fx: &mut Vec<Effect>) {
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
            Screen::Spend => self.next_spend_tab(),
            _ => self.dirty = false,
        }
    }

    pub(super) fn goto(&mut self, screen: Screen, fx: &mut Vec<Effect>) {
        if screen == Screen::Help && self.screen != Screen::Help {
            self.help_from = self.screen;
        }
        self.searching = false;
        self.detail = false;
        let needs_product = matches!(screen, Screen::Subscriptions | Screen::Export);
        if needs_product && self.subs_key.is_none() && !self.open_product(fx) {
            self.say(self.word("msg-no-product-yet"));
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
            Screen::Spend if self.spend.state == LoadState::Idle => self.load_spend(fx),
            _ => {}
        }
        self.screen = screen;
        self.refit();
        if screen == Screen::Subscriptions {
            self.want_users(fx);
        }
    }

    /// Points the subscriptions list at the selected product; false if there is none.
    pub(super) fn open_product(&mut self, fx: &mut Vec<Effect>) -> bool {
        let Some(p) = self.products.list.selected() else {
            return false;
        };
        let key = SubsKey {
            product: p.id.clone(),
            self_service: self.self_service,
            orphans: self.orphans,
        };
        self.subs_product = p.name.clone();
        if self.subs_key.as_ref() != Some(&key) {
            self.load_subs(key, fx);
        }
        true
    }

    pub(super) fn load_subs(&mut self, key: SubsKey, fx: &mut Vec<Effect>) {
        let same_product = self.subs_key.as_ref().map(|k| &k.product) == Some(&key.product);
        if !same_product {
            self.subs.list = Listing::default();
            self.users.list = Listing::default();
            self.users_for.clear();
            self.focus = Focus::List;
        }
        self.subs_key = Some(key.clone());
        self.subs.state = LoadState::Loading;
        fx.push(Effect::LoadSubscriptions(key, self.now));
    }

    /// The Subscriptions screen between the selected product's subscriptions and the orphaned
    /// purchases of every product (issue 14), where take-over, move and cancel work the same.
    pub(super) fn toggle_orphans(&mut self, fx: &mut Vec<Effect>) {
        self.orphans = !self.orphans;
        if let Some(key) = &self.subs_key {
            let key = SubsKey {
                orphans: self.orphans,
                ..key.clone()
            };
            self.subs.list = crate::tui::list::Listing::default();
            self.users.list = crate::tui::list::Listing::default();
            self.users_for.clear();
            self.load_subs(key, fx);
        }
        self.say(self.word(if self.orphans {
            "gov-msg-orphans-on"
        } else {
            "gov-msg-orphans-off"
        }));
    }

    pub(super) fn toggle_self_service(&mut self, fx: &mut Vec<Effect>) {
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
                    now: self.now,
                });
            }
        }
        if let Some(key) = &self.subs_key {
            let key = SubsKey {
                product: key.product.clone(),
                self_service: self.self_service,
                orphans: self.orphans,
            };
            self.load_subs(key, fx);
        }
        self.refit();
        self.say(self.word(if self.self_service {
            "msg-self-service-on"
        } else {
            "msg-self-service-off"
        }));
    }

    pub(super) fn mark(&mut self, fx: &mut Vec<Effect>) {
        if !matches!(self.screen, Screen::Subscriptions | Screen::Export) {
            self.dirty = false;
            return;
        }
        if self.screen == Screen::Subscriptions && self.focus == Focus::Users {
            self.mark_user();
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

    /// Marks or unmarks the user under the users pane's cursor, and moves on.
    fn mark_user(&mut self) {
        if let Some(UserLine::User(u)) = self.users.list.selected() {
            let upn = u.user_principal_name.clone();
            if !self.marked_users.remove(&upn) {
                self.marked_users.insert(upn);
            }
        }
        let page = layout::users_rows(self);
        self.users.list.nav(Nav::Down, page);
    }

    /// The users a license change is for: the marked ones, else the one under the users
    /// pane's cursor.
    pub(super) fn chosen_users(&self) -> Vec<String> {
        if !self.marked_users.is_empty() {
            return self.marked_users.iter().cloned().collect();
        }
        match (self.focus, self.users.list.selected()) {
            (Focus::Users, Some(UserLine::User(u))) => vec![u.user_principal_name.clone()],
            _ => Vec::new(),
        }
    }

    pub(super) fn mark_all(&mut self, fx: &mut Vec<Effect>) {
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

    /// Asks for the users pane's data: the marked subscriptions, else the selected one.
    pub(super) fn want_users(&mut self, fx: &mut Vec<Effect>) {
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

    /// Rows the list of `screen` shows at the current size.
    fn page(&self, screen: Screen) -> usize {
        layout::list_rows(self, screen)
    }
}
