//! Moving about: screens, lists, the search, marks and the users pane.

use super::layout;
use super::{App, Focus};
use crate::tui::action::Screen;
use crate::tui::effect::Effect;
use crate::tui::list::{Listing, LoadState, Nav};
use crate::tui::rows::SubsKey;
use selfserve_core::model::SubscriptionId;

impl App {
    pub(super) fn help(&mut self, fx: &mut Vec<Effect>) {
        if self.screen == Screen::Help {
            self.screen = self.help_from;
        } else {
            self.goto(Screen::Help, fx);
        }
    }

    /// The searchable list of the current screen, if it has one.
    pub(super) fn searchable(&self) -> bool {
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

    pub(super) fn set_query(&mut self, query: &str, fx: &mut Vec<Effect>) {
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

    pub(super) fn nav(&mut self, nav: Nav, fx: &mut Vec<Effect>) {
        let page = self.page(self.screen);
        match self.screen {
            Screen::Products => self.products.list.nav(nav, page),
            Screen::Subscriptions if self.focus == Focus::Users => {
                self.users.list.nav(nav, layout::users_rows(self))
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
    pub(super) fn refit(&mut self) {
        let (p, s, u) = (
            self.page(Screen::Products),
            self.page(Screen::Subscriptions),
            layout::users_rows(self),
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
            Screen::Help => self.screen = self.help_from,
        }
    }

    pub(super) fn back(&mut self, fx: &mut Vec<Effect>) {
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
    pub(super) fn open_product(&mut self, fx: &mut Vec<Effect>) -> bool {
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
        fx.push(Effect::LoadSubscriptions(key));
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

    pub(super) fn mark(&mut self, fx: &mut Vec<Effect>) {
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
