//! What self-service costs, what is charged next, what is paid for and unused, and what
//! centralising would save (issue 15): one scan of the subscriptions, each as the lifecycle has
//! it at the clock's date, and the centralise plan for the money saved.
//!
//! How statuses count (README, "Spend"): the run-rate, the upcoming charges and the waste count
//! Active subscriptions only (an Expired one is no longer charged: it does not renew); Deleted
//! ones count only in the history, for the charges they made before they ended. Trials cost
//! nothing until they convert. Amounts are minor units of the tenant's currency.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::formats::money_json;
use crate::model::*;
use crate::ops::centralise;
use crate::ops::lifecycle::{self, Step};
use crate::store::Store;
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The windows of the upcoming charges, in days.
pub const WINDOWS: [u32; 3] = [30, 60, 90];
/// Months of history before the clock's month, and months forecast after it.
pub const MONTHS_BACK: u32 = 11;
pub const MONTHS_AHEAD: u32 = 3;
/// Buyers listed one by one; the rest are summed.
pub const BUYERS_SHOWN: usize = 20;

/// What something costs per month and per year. The yearly figure is exact; the monthly figure
/// of an annual subscription is its yearly charge divided by 12, rounded down to the cent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    #[serde(serialize_with = "money_json")]
    pub monthly: Money,
    #[serde(serialize_with = "money_json")]
    pub yearly: Money,
}

impl Rate {
    fn zero(currency: &str) -> Rate {
        Rate {
            monthly: Money::new(0, currency),
            yearly: Money::new(0, currency),
        }
    }
    fn add(&mut self, other: &Rate) {
        self.add_minor(other.minor());
    }
    fn add_minor(&mut self, other: Minor) {
        self.monthly.minor = self.monthly.minor.saturating_add(other.monthly);
        self.yearly.minor = self.yearly.minor.saturating_add(other.yearly);
    }
    fn minor(&self) -> Minor {
        Minor {
            monthly: self.monthly.minor,
            yearly: self.yearly.minor,
        }
    }
}

/// A rate in minor units alone, while the subscriptions are added up: a `Rate` holds its
/// currency twice, two strings to allocate per subscription and per buyer.
#[derive(Debug, Clone, Copy, Default)]
struct Minor {
    monthly: i64,
    yearly: i64,
}

impl Minor {
    fn add(&mut self, other: Minor) {
        self.monthly = self.monthly.saturating_add(other.monthly);
        self.yearly = self.yearly.saturating_add(other.yearly);
    }
    fn rate(self, currency: &str) -> Rate {
        Rate {
            monthly: Money::new(self.monthly, currency),
            yearly: Money::new(self.yearly, currency),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSpend {
    pub product_id: ProductId,
    pub product_name: String,
    pub self_service: Rate,
    pub central: Rate,
    pub total: Rate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerSpend {
    pub buyer: String,
    pub buyer_name: String,
    pub department: String,
    /// Their Active self-service subscriptions that are charged.
    pub subscriptions: u32,
    pub rate: Rate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentSpend {
    /// The buyers' department (empty where the directory has none).
    pub department: String,
    pub buyers: u32,
    pub rate: Rate,
}

/// The buyers beyond the first `BUYERS_SHOWN`, summed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherBuyers {
    pub buyers: u32,
    pub rate: Rate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChargeKind {
    /// A paid subscription renews for another term.
    Renewal,
    /// A trial with a card becomes a paid subscription.
    Conversion,
    /// A trial without a card ends, charging nothing.
    TrialEnd,
    /// A subscription that does not renew ends, charging nothing.
    Expiry,
}

impl ChargeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChargeKind::Renewal => "renewal",
            ChargeKind::Conversion => "conversion",
            ChargeKind::TrialEnd => "trial-end",
            ChargeKind::Expiry => "expiry",
        }
    }
}

/// One charge (or end) due within 90 days of the clock's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charge {
    pub on: NaiveDate,
    /// Days from the clock's date.
    pub days: u32,
    pub kind: ChargeKind,
    pub subscription: SubscriptionId,
    pub product_id: ProductId,
    pub product_name: String,
    pub origin: Origin,
    pub buyer: Option<String>,
    pub buyer_name: Option<String>,
    pub quantity: u32,
    /// What is charged that day: every license for one term (nothing for an end).
    #[serde(serialize_with = "money_json")]
    pub amount: Money,
    /// Whether the subscription goes on after that day.
    pub auto_renew: bool,
}

/// Licenses of a charged Active subscription that nobody holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionWaste {
    pub subscription: SubscriptionId,
    pub product_id: ProductId,
    pub product_name: String,
    pub origin: Origin,
    pub buyer: Option<String>,
    pub buyer_name: Option<String>,
    pub quantity: u32,
    pub assigned: u32,
    pub unused: u32,
    /// What the unused licenses cost per month.
    #[serde(serialize_with = "money_json")]
    pub monthly: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductWaste {
    pub product_id: ProductId,
    pub product_name: String,
    pub unused: u64,
    #[serde(serialize_with = "money_json")]
    pub monthly: Money,
}

/// A charged self-service subscription whose users fit in free central licenses now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavingSubscription {
    pub subscription: SubscriptionId,
    /// The buyer's UPN.
    pub buyer: Option<String>,
    pub users: u32,
    /// Its run-rate: what cancelling it saves.
    pub rate: Rate,
}

/// What centralising a product with its free central licenses alone would save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSaving {
    pub product_id: ProductId,
    pub product_name: String,
    /// The product's self-service run-rate; the saving never exceeds it.
    pub self_service: Rate,
    pub subscriptions: Vec<SavingSubscription>,
    /// The users of these subscriptions (those who hold a central license already need none).
    pub users: u32,
    /// Free central licenses of the product now.
    pub free_central: u32,
    pub saving: Rate,
}

/// Self-service charges of one month: made (up to the clock's date) and forecast (after it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthSpend {
    /// The month's first day.
    pub month: NaiveDate,
    #[serde(serialize_with = "money_json")]
    pub charged: Money,
    #[serde(serialize_with = "money_json")]
    pub forecast: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendReport {
    pub today: NaiveDate,
    pub currency: String,
    pub self_service: Rate,
    pub central: Rate,
    pub total: Rate,
    /// Every product with a run-rate, by product order.
    pub products: Vec<ProductSpend>,
    /// The buyers who pay most, most first.
    pub buyers: Vec<BuyerSpend>,
    pub other_buyers: OtherBuyers,
    /// By department name.
    pub departments: Vec<DepartmentSpend>,
    /// Charges and ends within 90 days, by date.
    pub upcoming: Vec<Charge>,
    /// Most costly first.
    pub waste: Vec<SubscriptionWaste>,
    pub waste_by_product: Vec<ProductWaste>,
    pub savings: Vec<ProductSaving>,
    /// `MONTHS_BACK` months before the clock's, its month, and `MONTHS_AHEAD` after.
    pub history: Vec<MonthSpend>,
}

impl SpendReport {
    /// The upcoming charges within `days`.
    pub fn upcoming_within(&self, days: u32) -> impl Iterator<Item = &Charge> {
        self.upcoming.iter().filter(move |c| c.days <= days)
    }

    /// What the charges within `days` add up to.
    pub fn charged_within(&self, days: u32) -> Money {
        let minor = self
            .upcoming_within(days)
            .fold(0i64, |sum, c| sum.saturating_add(c.amount.minor));
        Money::new(minor, &self.currency)
    }

    pub fn waste_total(&self) -> Money {
        let minor = self
            .waste_by_product
            .iter()
            .fold(0i64, |sum, w| sum.saturating_add(w.monthly.minor));
        Money::new(minor, &self.currency)
    }

    pub fn saving_total(&self) -> Rate {
        let mut total = Rate::zero(&self.currency);
        for s in &self.savings {
            total.add(&s.saving);
        }
        total
    }
}

/// What one term of every license of `sub` costs.
fn term_charge(sub: &Subscription) -> i64 {
    sub.price
        .amount
        .minor
        .saturating_mul(i64::from(sub.quantity))
}

/// The run-rate of `sub` as the clock has it: Active, charged (a card or an invoice) and not a
/// trial; zero otherwise.
fn rate_of(sub: &Subscription) -> Minor {
    let charged = sub.status == Status::Active
        && sub.payment_method != PaymentMethod::None
        && sub.origin != Origin::SelfServiceTrial;
    if !charged {
        return Minor::default();
    }
    let months = i64::from(sub.price.term.months());
    let term = term_charge(sub);
    Minor {
        monthly: term / months,
        yearly: term.saturating_mul(12 / months),
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The charges `sub` made before and on `today` from `from` on: its start, then each renewal
/// while it was paid (up to its expiration), at today's quantity and price.
fn past_charges(
    sub: &Subscription,
    from: NaiveDate,
    today: NaiveDate,
    mut f: impl FnMut(NaiveDate),
) {
    if sub.origin == Origin::SelfServiceTrial || sub.payment_method == PaymentMethod::None {
        return;
    }
    let months = sub.price.term.months();
    let mut on = sub.start;
    if on < from {
        // Straight to the first renewal on or after `from`.
        match from
            .pred_opt()
            .and_then(|before| lifecycle::next_expiration(sub.start, sub.start, months, before))
        {
            Some((next, _)) => on = next,
            None => return,
        }
    }
    // Bounded: a term is a month at least, and the window is 15 months.
    for _ in 0..32 {
        if on >= sub.expires || on > today {
            return;
        }
        f(on);
        match lifecycle::next_expiration(sub.start, on, months, on) {
            Some((next, _)) => on = next,
            None => return,
        }
    }
}

/// The charges and the end of an Active `sub` after the clock's date, up to `until`, as the
/// lifecycle will take them.
fn future_charges(
    sub: &Subscription,
    until: NaiveDate,
    mut f: impl FnMut(NaiveDate, ChargeKind, &Subscription),
) {
    // Most subscriptions charge nothing in the window: no copy of them.
    if sub.status != Status::Active || sub.expires > until {
        return;
    }
    let mut now = sub.clone();
    // Bounded like the history: monthly terms over a few months.
    for _ in 0..32 {
        let on = now.expires;
        if on > until {
            return;
        }
        let (after, steps) = lifecycle::as_of(&now, on);
        match steps.first().map(|t| t.step) {
            Some(Step::Renewed) => f(on, ChargeKind::Renewal, &after),
            Some(Step::Converted) => f(on, ChargeKind::Conversion, &after),
            Some(Step::Expired) => {
                let kind = if now.origin == Origin::SelfServiceTrial {
                    ChargeKind::TrialEnd
                } else {
                    ChargeKind::Expiry
                };
                f(on, kind, &now);
                return;
            }
            _ => return,
        }
        if after.expires <= on {
            return;
        }
        now = after;
    }
}

/// An upcoming charge before its names are read: small, as there may be half a million to sort.
struct Due {
    on: NaiveDate,
    /// The product's place in the catalogue, to sort by.
    product: usize,
    subscription: SubscriptionId,
    kind: ChargeKind,
    origin: Origin,
    buyer: Option<UserId>,
    quantity: u32,
    amount: i64,
}

/// The spend report at the clock's date. Any administrator may read it.
pub fn spend(store: &Store, actor: &Actor, now: DateTime<Utc>) -> Result<SpendReport> {
    actor.require(Capability::Read, crate::text!("spend-do-read"))?;
    let today = now.date_naive();
    let currency = store.tenant().currency.clone();
    let cur = currency.as_str();
    let products = store.products()?;
    let index: HashMap<ProductId, usize> = products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    let month0 = first_of_month(today);
    let back = month0
        .checked_sub_months(Months::new(MONTHS_BACK))
        .unwrap_or(month0);
    let months_total = (MONTHS_BACK + 1 + MONTHS_AHEAD) as usize;
    let horizon = today
        .checked_add_days(Days::new(u64::from(WINDOWS[2])))
        .unwrap_or(today);
    let forecast_end = month0
        .checked_add_months(Months::new(MONTHS_AHEAD + 1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(horizon);
    let until = horizon.max(forecast_end);
    let bucket = |on: NaiveDate| -> Option<usize> {
        let n = (on.year() - back.year()) * 12 + on.month() as i32 - back.month() as i32;
        usize::try_from(n).ok().filter(|&n| n < months_total)
    };
    let mut history: Vec<MonthSpend> = (0..months_total)
        .map(|i| MonthSpend {
            month: back
                .checked_add_months(Months::new(i as u32))
                .unwrap_or(back),
            charged: Money::new(0, cur),
            forecast: Money::new(0, cur),
        })
        .collect();

    let mut rows: Vec<ProductSpend> = products
        .iter()
        .map(|p| ProductSpend {
            product_id: p.id.clone(),
            product_name: p.name.clone(),
            self_service: Rate::zero(cur),
            central: Rate::zero(cur),
            total: Rate::zero(cur),
        })
        .collect();
    let mut by_buyer: HashMap<UserId, (u32, Minor)> = HashMap::new();
    let mut upcoming: Vec<Due> = Vec::new();
    let mut waste: Vec<(SubscriptionWaste, Option<UserId>)> = Vec::new();
    let mut self_service_rates: HashMap<SubscriptionId, Minor> = HashMap::new();
    // Per product, what centralising would move users from and to, as stored: as the
    // centralise plan reads them.
    let mut sources: Vec<Vec<Subscription>> = vec![Vec::new(); products.len()];
    let mut targets: Vec<Vec<Subscription>> = vec![Vec::new(); products.len()];

    for stored in store.subscriptions() {
        let stored = stored?;
        let (sub, _) = lifecycle::as_of(&stored, today);
        let Some(&pi) = index.get(&sub.product_id) else {
            continue;
        };
        if centralise::is_source(&stored) {
            sources[pi].push(stored);
        } else if centralise::is_target(&stored) {
            targets[pi].push(stored);
        }
        let self_service = sub.origin.is_self_service();
        if self_service {
            past_charges(&sub, back, today, |on| {
                if let Some(b) = bucket(on) {
                    let m = &mut history[b].charged.minor;
                    *m = m.saturating_add(term_charge(&sub));
                }
            });
        }
        if sub.status == Status::Deleted {
            continue;
        }
        future_charges(&sub, until, |on, kind, after| {
            let amount = match kind {
                ChargeKind::Renewal | ChargeKind::Conversion => term_charge(after),
                ChargeKind::TrialEnd | ChargeKind::Expiry => 0,
            };
            if after.origin.is_self_service() {
                if let Some(b) = bucket(on) {
                    let m = &mut history[b].forecast.minor;
                    *m = m.saturating_add(amount);
                }
            }
            if on <= horizon {
                upcoming.push(Due {
                    on,
                    product: pi,
                    subscription: sub.id,
                    kind,
                    origin: after.origin,
                    buyer: sub.buyer,
                    quantity: after.quantity,
                    amount,
                });
            }
        });
        let rate = rate_of(&sub);
        if rate.yearly == 0 {
            continue;
        }
        let row = &mut rows[pi];
        row.total.add_minor(rate);
        if self_service {
            row.self_service.add_minor(rate);
            self_service_rates.insert(sub.id, rate);
            if let Some(buyer) = sub.buyer {
                let entry = by_buyer.entry(buyer).or_default();
                entry.0 += 1;
                entry.1.add(rate);
            }
        } else {
            row.central.add_minor(rate);
        }
        let unused = sub.free();
        if unused > 0 {
            let months = i64::from(sub.price.term.months());
            let monthly = sub.price.amount.minor.saturating_mul(i64::from(unused)) / months;
            waste.push((
                SubscriptionWaste {
                    subscription: sub.id,
                    product_id: sub.product_id.clone(),
                    product_name: products[pi].name.clone(),
                    origin: sub.origin,
                    buyer: None,
                    buyer_name: None,
                    quantity: sub.quantity,
                    assigned: sub.assigned,
                    unused,
                    monthly: Money::new(monthly, cur),
                },
                sub.buyer,
            ));
        }
    }

    // Savings first: their buyers are read with the others.
    let mut savings = Vec::new();
    let mut saving_buyers = Vec::new();
    for (pi, p) in products.iter().enumerate() {
        if sources[pi].is_empty() || targets[pi].is_empty() {
            continue;
        }
        if let Some((saving, buyers)) = saving_of(
            store,
            p,
            &rows[pi],
            &sources[pi],
            &targets[pi],
            &self_service_rates,
        )? {
            savings.push(saving);
            saving_buyers.push(buyers);
        }
    }

    // Every buyer named anywhere, read once, in id order (one walk along the directory).
    let mut ids: Vec<UserId> = by_buyer
        .keys()
        .copied()
        .chain(upcoming.iter().filter_map(|d| d.buyer))
        .chain(waste.iter().filter_map(|(_, b)| *b))
        .chain(saving_buyers.iter().flatten().flatten().copied())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let users: HashMap<UserId, User> = store
        .users_among(&ids)?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let names = |id: Option<UserId>| -> (Option<String>, Option<String>) {
        match id.and_then(|id| users.get(&id)) {
            Some(u) => (Some(u.upn.clone()), Some(u.display_name.clone())),
            None => (None, None),
        }
    };

    let mut self_service = Rate::zero(cur);
    let mut central = Rate::zero(cur);
    let mut total = Rate::zero(cur);
    for r in &rows {
        self_service.add(&r.self_service);
        central.add(&r.central);
        total.add(&r.total);
    }

    let mut departments: HashMap<&str, (u32, Minor)> = HashMap::new();
    let mut ranked: Vec<(UserId, u32, Minor)> = Vec::with_capacity(by_buyer.len());
    for (id, (subscriptions, rate)) in by_buyer {
        let department = users.get(&id).map_or("", |u| u.department.as_str());
        let d = departments.entry(department).or_default();
        d.0 += 1;
        d.1.add(rate);
        ranked.push((id, subscriptions, rate));
    }
    // Only the buyers who may be among the first `BUYERS_SHOWN` are named and sorted: those
    // paying at least what the last of them pays, ties included (the names break them).
    if ranked.len() > BUYERS_SHOWN {
        ranked.select_nth_unstable_by(BUYERS_SHOWN - 1, |a, b| b.2.yearly.cmp(&a.2.yearly));
    }
    let cut = ranked
        .get(BUYERS_SHOWN - 1)
        .map_or(i64::MIN, |(_, _, r)| r.yearly);
    let mut buyers: Vec<BuyerSpend> = ranked
        .iter()
        .filter(|(_, _, r)| r.yearly >= cut)
        .map(|&(id, subscriptions, rate)| {
            let (upn, name, department) = match users.get(&id) {
                Some(u) => (u.upn.clone(), u.display_name.clone(), u.department.clone()),
                None => (String::new(), String::new(), String::new()),
            };
            BuyerSpend {
                buyer: upn,
                buyer_name: name,
                department,
                subscriptions,
                rate: rate.rate(cur),
            }
        })
        .collect();
    buyers.sort_by(|a, b| {
        b.rate
            .yearly
            .minor
            .cmp(&a.rate.yearly.minor)
            .then_with(|| a.buyer_name.cmp(&b.buyer_name))
            .then_with(|| a.buyer.cmp(&b.buyer))
    });
    buyers.truncate(BUYERS_SHOWN);
    // The rest: every buyer, less those shown.
    let mut all = Minor::default();
    for (_, _, r) in &ranked {
        all.add(*r);
    }
    let mut shown = Minor::default();
    for b in &buyers {
        shown.add(b.rate.minor());
    }
    let other_buyers = OtherBuyers {
        buyers: (ranked.len() - buyers.len()) as u32,
        rate: Minor {
            monthly: all.monthly.saturating_sub(shown.monthly),
            yearly: all.yearly.saturating_sub(shown.yearly),
        }
        .rate(cur),
    };
    let mut departments: Vec<DepartmentSpend> = departments
        .into_iter()
        .map(|(department, (buyers, rate))| DepartmentSpend {
            department: department.to_string(),
            buyers,
            rate: rate.rate(cur),
        })
        .collect();
    departments.sort_by(|a, b| a.department.cmp(&b.department));

    // By date, then in the catalogue's order of products.
    upcoming.sort_unstable_by_key(|d| (d.on, d.product, d.subscription));
    let upcoming: Vec<Charge> = upcoming
        .into_iter()
        .map(|d| {
            let (buyer, buyer_name) = names(d.buyer);
            let p = &products[d.product];
            Charge {
                on: d.on,
                days: (d.on - today).num_days().clamp(0, i64::from(u32::MAX)) as u32,
                kind: d.kind,
                subscription: d.subscription,
                product_id: p.id.clone(),
                product_name: p.name.clone(),
                origin: d.origin,
                buyer,
                buyer_name,
                quantity: d.quantity,
                amount: Money::new(d.amount, cur),
                auto_renew: matches!(d.kind, ChargeKind::Renewal | ChargeKind::Conversion),
            }
        })
        .collect();

    let mut waste_by_product: Vec<ProductWaste> = products
        .iter()
        .map(|p| ProductWaste {
            product_id: p.id.clone(),
            product_name: p.name.clone(),
            unused: 0,
            monthly: Money::new(0, cur),
        })
        .collect();
    for (w, _) in &waste {
        if let Some(&pi) = index.get(&w.product_id) {
            let p = &mut waste_by_product[pi];
            p.unused += u64::from(w.unused);
            p.monthly.minor = p.monthly.minor.saturating_add(w.monthly.minor);
        }
    }
    waste_by_product.retain(|p| p.unused > 0);
    waste.sort_by(|(a, _), (b, _)| {
        b.monthly
            .minor
            .cmp(&a.monthly.minor)
            .then_with(|| a.product_name.cmp(&b.product_name))
            .then_with(|| a.subscription.cmp(&b.subscription))
    });
    let waste: Vec<SubscriptionWaste> = waste
        .into_iter()
        .map(|(mut w, buyer)| {
            (w.buyer, w.buyer_name) = names(buyer);
            w
        })
        .collect();
    for (saving, buyers) in savings.iter_mut().zip(saving_buyers) {
        for (s, buyer) in saving.subscriptions.iter_mut().zip(buyers) {
            s.buyer = names(buyer).0;
        }
    }

    Ok(SpendReport {
        today,
        currency,
        self_service,
        central,
        total,
        products: rows
            .into_iter()
            .filter(|r| r.total.yearly.minor != 0)
            .collect(),
        buyers,
        other_buyers,
        departments,
        upcoming,
        waste,
        waste_by_product,
        savings,
        history,
    })
}

/// The saving of centralising `product` into its free central licenses, as the centralise plan
/// would make it now: it fills the free licenses of `targets` first, source by source, with
/// the users who need one (`centralise::who_needs`); the sources whose users all land in free
/// licenses are what it saves, at their run-rate. None where nothing charged fits, or where
/// there is nobody to move (centralising refuses then). Each listed subscription's buyer comes
/// back beside it, to be named.
fn saving_of(
    store: &Store,
    product: &Product,
    row: &ProductSpend,
    sources: &[Subscription],
    targets: &[Subscription],
    rates: &HashMap<SubscriptionId, Minor>,
) -> Result<Option<(ProductSaving, Vec<Option<UserId>>)>> {
    let currency = row.total.monthly.currency.as_str();
    let free: u32 = targets.iter().map(Subscription::free).sum();
    let mut used = 0u32;
    let mut anybody = false;
    let mut subscriptions = Vec::new();
    let mut buyers = Vec::new();
    let mut saving = Rate::zero(currency);
    let mut users = 0u32;
    let mut each = sources.iter();
    centralise::each_need(store, sources, targets, |needing, already| {
        let Some(s) = each.next() else {
            return;
        };
        let moved = (needing.len() + already.len()) as u32;
        anybody |= moved > 0;
        let need = needing.len() as u32;
        if used.saturating_add(need) > free {
            // The plan adds or buys licenses from here: the rest costs money to move.
            used = free;
            return;
        }
        used += need;
        // Only what is charged saves money: a trial or an Expired subscription moves for free.
        let Some(&rate) = rates.get(&s.id) else {
            return;
        };
        saving.add_minor(rate);
        let rate = rate.rate(currency);
        users += moved;
        subscriptions.push(SavingSubscription {
            subscription: s.id,
            buyer: None,
            users: moved,
            rate,
        });
        buyers.push(s.buyer);
    })?;
    // Nobody to move: centralising refuses.
    if !anybody || subscriptions.is_empty() {
        return Ok(None);
    }
    Ok(Some((
        ProductSaving {
            product_id: product.id.clone(),
            product_name: product.name.clone(),
            self_service: row.self_service.clone(),
            subscriptions,
            users,
            free_central: free,
            saving,
        },
        buyers,
    )))
}

pub mod csv;
