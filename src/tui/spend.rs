//! The Spend screen's data (issue 15): the core's spend report, its text sanitized and each
//! list keyed for the search off the UI thread, as `runner` reads it.

use super::fold::fold;
use crate::text::sanitize;
use selfserve_core::model::{Money, ProductId, SubscriptionId};
use selfserve_core::query::spend::{Charge, Rate, SpendReport, SubscriptionWaste, WINDOWS};

/// The lists below the chart, in the order Tab goes through them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SpendTab {
    #[default]
    Upcoming,
    Waste,
    Savings,
}

impl SpendTab {
    pub const ALL: [SpendTab; 3] = [SpendTab::Upcoming, SpendTab::Waste, SpendTab::Savings];

    pub fn next(self) -> SpendTab {
        match self {
            SpendTab::Upcoming => SpendTab::Waste,
            SpendTab::Waste => SpendTab::Savings,
            SpendTab::Savings => SpendTab::Upcoming,
        }
    }

    /// The message id of its name.
    pub fn name(self) -> &'static str {
        match self {
            SpendTab::Upcoming => "spend-tab-upcoming",
            SpendTab::Waste => "spend-tab-waste",
            SpendTab::Savings => "spend-tab-savings",
        }
    }
}

/// One self-service subscription whose users fit in free central licenses.
#[derive(Debug, Clone, PartialEq)]
pub struct SavingRow {
    pub product_id: ProductId,
    pub product_name: String,
    pub subscription: SubscriptionId,
    pub buyer: Option<String>,
    pub users: u32,
    pub rate: Rate,
}

/// Rows and their folded search keys.
pub type Keyed<T> = (Vec<T>, Vec<String>);

/// What the totals above the chart say, summed once when the report arrives (a frame must not
/// walk half a million charges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendSums {
    /// Charged within 30, 60 and 90 days.
    pub due: [Money; 3],
    /// Unused licenses a month.
    pub unused: Money,
    /// What centralising into free licenses saves a month.
    pub saving: Money,
}

/// The report without its lists, and the lists keyed.
#[derive(Debug, Clone)]
pub struct SpendData {
    pub report: SpendReport,
    pub sums: SpendSums,
    pub upcoming: Keyed<Charge>,
    pub waste: Keyed<SubscriptionWaste>,
    pub savings: Keyed<SavingRow>,
}

fn clean(text: &mut Option<String>) {
    if let Some(t) = text {
        *t = sanitize(t);
    }
}

impl SpendData {
    pub fn of(mut report: SpendReport) -> SpendData {
        let sums = SpendSums {
            due: WINDOWS.map(|days| report.charged_within(days)),
            unused: report.waste_total(),
            saving: report.saving_total().monthly,
        };
        let upcoming = std::mem::take(&mut report.upcoming)
            .into_iter()
            .map(|mut c| {
                c.product_name = sanitize(&c.product_name);
                clean(&mut c.buyer);
                clean(&mut c.buyer_name);
                let key = fold(&format!(
                    "{}\n{}\n{}\n{}",
                    c.product_name,
                    c.buyer_name.as_deref().unwrap_or_default(),
                    c.buyer.as_deref().unwrap_or_default(),
                    c.subscription
                ));
                (c, key)
            })
            .unzip();
        let waste = std::mem::take(&mut report.waste)
            .into_iter()
            .map(|mut w| {
                w.product_name = sanitize(&w.product_name);
                clean(&mut w.buyer);
                clean(&mut w.buyer_name);
                let key = fold(&format!(
                    "{}\n{}\n{}\n{}",
                    w.product_name,
                    w.buyer_name.as_deref().unwrap_or_default(),
                    w.buyer.as_deref().unwrap_or_default(),
                    w.subscription
                ));
                (w, key)
            })
            .unzip();
        let savings = std::mem::take(&mut report.savings)
            .into_iter()
            .flat_map(|p| {
                let name = sanitize(&p.product_name);
                let id = p.product_id;
                p.subscriptions.into_iter().map(move |s| SavingRow {
                    product_id: id.clone(),
                    product_name: name.clone(),
                    subscription: s.subscription,
                    buyer: s.buyer.as_deref().map(sanitize),
                    users: s.users,
                    rate: s.rate,
                })
            })
            .map(|r| {
                let key = fold(&format!(
                    "{}\n{}\n{}",
                    r.product_name,
                    r.buyer.as_deref().unwrap_or_default(),
                    r.subscription
                ));
                (r, key)
            })
            .unzip();
        for p in &mut report.products {
            p.product_name = sanitize(&p.product_name);
        }
        SpendData {
            report,
            sums,
            upcoming,
            waste,
            savings,
        }
    }
}
