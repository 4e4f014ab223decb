//! The Spend screen's state: the report once read, and which list below the chart is shown.
//! Enter opens the selected row's subscription on the Subscriptions screen.

use super::{App, Focus};
use crate::tui::action::Screen;
use crate::tui::effect::Effect;
use crate::tui::list::{Listing, LoadState};
use crate::tui::rows::{ProductItem, SubsKey};
use crate::tui::spend::{SavingRow, SpendData, SpendSums, SpendTab};
use selfserve_core::model::{ProductId, SubscriptionId};
use selfserve_core::query::spend::{Charge, SpendReport, SubscriptionWaste};

#[derive(Debug, Clone)]
pub struct SpendState {
    pub state: LoadState,
    pub tab: SpendTab,
    /// The report without its lists (they are below).
    pub report: Option<SpendReport>,
    /// What the totals say, with the report.
    pub sums: Option<SpendSums>,
    pub upcoming: Listing<Charge>,
    pub waste: Listing<SubscriptionWaste>,
    pub savings: Listing<SavingRow>,
}

impl Default for SpendState {
    fn default() -> Self {
        SpendState {
            state: LoadState::Idle,
            tab: SpendTab::default(),
            report: None,
            sums: None,
            upcoming: Listing::default(),
            waste: Listing::default(),
            savings: Listing::default(),
        }
    }
}

impl SpendState {
    /// The product and subscription of the selected row of the list shown, and whether that
    /// subscription is central.
    pub fn target(&self) -> Option<(ProductId, SubscriptionId, bool)> {
        match self.tab {
            SpendTab::Upcoming => self.upcoming.selected().map(|c| {
                let central = !c.origin.is_self_service();
                (c.product_id.clone(), c.subscription, central)
            }),
            SpendTab::Waste => self.waste.selected().map(|w| {
                let central = !w.origin.is_self_service();
                (w.product_id.clone(), w.subscription, central)
            }),
            // Savings are self-service subscriptions only.
            SpendTab::Savings => self
                .savings
                .selected()
                .map(|s| (s.product_id.clone(), s.subscription, false)),
        }
    }
}

impl App {
    /// Reads the report the first time the screen is shown (and after each change).
    pub(super) fn load_spend(&mut self, fx: &mut Vec<Effect>) {
        self.spend.state = LoadState::Loading;
        fx.push(Effect::LoadSpend { now: self.now });
    }

    pub(super) fn spend_loaded(&mut self, data: Result<Box<SpendData>, String>) {
        match data {
            Ok(data) => {
                let SpendData {
                    report,
                    sums,
                    upcoming,
                    waste,
                    savings,
                } = *data;
                self.spend.upcoming.replace(upcoming.0, upcoming.1);
                self.spend.waste.replace(waste.0, waste.1);
                self.spend.savings.replace(savings.0, savings.1);
                self.spend.report = Some(report);
                self.spend.sums = Some(sums);
                self.spend.state = LoadState::Ready;
            }
            Err(e) => {
                self.spend.state = LoadState::Failed(e.clone());
                self.fail(e);
            }
        }
        self.refit();
    }

    pub(super) fn next_spend_tab(&mut self) {
        self.spend.tab = self.spend.tab.next();
        self.refit();
    }

    /// Opens the selected row's subscription: its product's list, the cursor on it. A central
    /// one under the self-service filter turns the filter off, and says so: the administrator
    /// asked for that subscription, not for the filter.
    pub(super) fn open_spend_row(&mut self, fx: &mut Vec<Effect>) {
        let Some((product, sub, central)) = self.spend.target() else {
            return;
        };
        let filter_off = central && self.self_service;
        if filter_off {
            self.toggle_self_service(fx);
        }
        let name = self
            .products
            .list
            .items()
            .iter()
            .find(|p| p.id == product)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| product.0.clone());
        let key = SubsKey {
            product,
            self_service: self.self_service,
            orphans: false,
        };
        self.subs_product = name;
        self.pending_sub = Some(sub);
        if self.subs_key.as_ref() == Some(&key) && self.subs.state == LoadState::Ready {
            self.select_pending_sub();
        } else {
            self.load_subs(key, fx);
        }
        self.screen = Screen::Subscriptions;
        self.focus = Focus::List;
        self.refit();
        self.want_users(fx);
        if filter_off {
            self.say(self.word("spend-msg-filter-off"));
        }
    }

    /// Puts the cursor on the subscription Enter opened from the Spend screen, once listed.
    pub(super) fn select_pending_sub(&mut self) {
        let Some(id) = self.pending_sub.take() else {
            return;
        };
        self.subs.list.set_query("");
        match self.subs.list.items().iter().position(|r| r.id == id) {
            Some(i) => self.subs.list.cursor = i,
            // Gone since the report was read (cancelled, deleted, moved).
            None => self.say(self.word("spend-msg-not-listed")),
        }
        self.refit();
    }
}

impl App {
    /// The product of the selected savings row, for centralising it (`C`); none on the other
    /// lists.
    pub(super) fn spend_product(&self) -> Option<&ProductItem> {
        if self.spend.tab != SpendTab::Savings {
            return None;
        }
        let id = &self.spend.savings.selected()?.product_id;
        self.products.list.items().iter().find(|p| p.id == *id)
    }
}
