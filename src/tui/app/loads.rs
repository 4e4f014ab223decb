//! What the background loads bring back, and reading everything again after a change.

use super::App;
use crate::tui::action::Screen;
use crate::tui::buyers::BuyerIndex;
use crate::tui::effect::Effect;
use crate::tui::list::{Listing, LoadState, Loaded};
use crate::tui::rows::{ProductItem, SubsKey, UserLine};
use selfserve_core::model::SubscriptionId;
use selfserve_core::query::SubscriptionRow;

impl App {
    pub(super) fn products_loaded(
        &mut self,
        self_service: bool,
        rows: Loaded<ProductItem>,
        fx: &mut Vec<Effect>,
    ) {
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

    pub(super) fn subscriptions_loaded(
        &mut self,
        key: SubsKey,
        rows: Loaded<SubscriptionRow>,
        fx: &mut Vec<Effect>,
    ) {
        if self.subs_key.as_ref() == Some(&key) {
            if let Some(e) = self.subs.fill(rows) {
                self.fail(e);
            }
            self.select_pending_sub();
            self.refit();
            self.want_users(fx);
        }
    }

    pub(super) fn users_loaded(
        &mut self,
        subs: Vec<SubscriptionId>,
        lines: Result<Vec<UserLine>, String>,
        fx: &mut Vec<Effect>,
    ) {
        self.users_in_flight = false;
        if subs == self.users_wanted {
            if subs != self.users_for {
                // Marks are for the users shown: other subscriptions, other users.
                self.marked_users.clear();
            }
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
            self.want_users(fx);
        }
    }

    pub(super) fn buyers_loaded(&mut self, index: Result<BuyerIndex, String>) {
        if let Some(e) = self.buyers.fill(index) {
            let text = self
                .session
                .lang
                .tr("msg-buyer-search-off", &[("why", e.into())]);
            self.fail(text);
        }
        if let Some((items, keys)) = &self.product_cache[usize::from(self.self_service)] {
            let keys = self.buyers.keys(items, keys.clone());
            self.products.list.replace(items.clone(), keys);
        }
    }

    /// After a change: every list already read is read again, so each screen shows it.
    pub fn reload(&mut self, fx: &mut Vec<Effect>) {
        // Marked users may have lost the licenses they were marked for.
        self.marked_users.clear();
        self.product_cache = [None, None];
        self.products.state = LoadState::Loading;
        fx.push(Effect::LoadProducts {
            self_service: self.self_service,
            now: self.now,
        });
        if let Some(key) = self.subs_key.clone() {
            self.subs.state = LoadState::Loading;
            fx.push(Effect::LoadSubscriptions(key, self.now));
        }
        // The users pane follows once the subscriptions are back (`want_users`).
        self.users_for.clear();
        self.reload_buyers(fx);
        // The spend report is the dearest read (seconds at a million users): only the screen in
        // view reads it again; otherwise it is read when next shown.
        if self.spend.state != LoadState::Idle {
            if self.screen == Screen::Spend {
                self.load_spend(fx);
            } else {
                self.spend.state = LoadState::Idle;
            }
        }
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
}
