//! Read models for the screens and the command line. Their serde field names are the JSON
//! contract of SPEC §3 (`formats` gives them their binary form too).

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::formats::{money_json, payment_method, price_json, StaticName};
use crate::model::*;
use crate::ops::lifecycle::{self, Step, Taken};
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One row per product: SPEC §4 screen 1 and `product list`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductRow {
    pub product_id: ProductId,
    pub product_name: String,
    /// Subscriptions counted in this row (not Deleted; only self-service ones under the filter).
    pub subscriptions: u32,
    pub self_service_subscriptions: u32,
    /// Licenses bought: the total of all the row's subscriptions ("available quantity").
    pub quantity: u64,
    pub assigned: u64,
    /// The earliest expiration among the row's Active subscriptions.
    pub next_expiration: Option<NaiveDate>,
    #[serde(serialize_with = "money_json")]
    pub monthly_spend: Money,
    pub policy: PolicyValue,
    /// Users holding licenses of the product from two or more live subscriptions (SPEC §1,
    /// "paid twice"), whatever the filter.
    pub paid_twice: u64,
    /// Subscriptions of the product with lifecycle steps due at the clock but not applied yet
    /// (`selfserve lifecycle run` applies them); the row already counts them as the clock has them.
    pub lifecycle_due: u32,
}

/// A lifecycle step due at the clock but not applied yet: the read shows its result already.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueStep {
    pub step: Step,
    /// The date the step belongs to.
    pub on: NaiveDate,
}

fn due_steps(steps: &[Taken]) -> Vec<DueStep> {
    steps
        .iter()
        .map(|t| DueStep {
            step: t.step,
            on: t.on,
        })
        .collect()
}

/// Product rows by product name, with every subscription as the lifecycle has it at `now`.
/// With `self_service_only`, only products that have live self-service subscriptions,
/// aggregated over those subscriptions alone.
pub fn product_rows(
    store: &Store,
    actor: &Actor,
    self_service_only: bool,
    now: DateTime<Utc>,
) -> Result<Vec<ProductRow>> {
    actor.require(Capability::Read, crate::text!("core-do-read-products"))?;
    let currency = store.tenant().currency.clone();
    let products = store.products()?;
    let mut rows: Vec<ProductRow> = Vec::with_capacity(products.len());
    let mut index: HashMap<ProductId, usize> = HashMap::new();
    for p in &products {
        index.insert(p.id.clone(), rows.len());
        rows.push(ProductRow {
            product_id: p.id.clone(),
            product_name: p.name.clone(),
            subscriptions: 0,
            self_service_subscriptions: 0,
            quantity: 0,
            assigned: 0,
            next_expiration: None,
            monthly_spend: Money::new(0, &currency),
            policy: store.policy(&p.id)?,
            paid_twice: 0,
            lifecycle_due: 0,
        });
    }
    let mut live: HashMap<SubscriptionId, usize> = HashMap::new();
    let today = now.date_naive();
    for sub in store.subscriptions() {
        let (sub, steps) = lifecycle::as_of(&sub?, today);
        let Some(&i) = index.get(&sub.product_id) else {
            continue;
        };
        let row = &mut rows[i];
        if !steps.is_empty() && (sub.origin.is_self_service() || !self_service_only) {
            row.lifecycle_due += 1;
        }
        if sub.status == Status::Deleted {
            continue;
        }
        live.insert(sub.id, i);
        let row = &mut rows[i];
        if sub.origin.is_self_service() {
            row.self_service_subscriptions += 1;
        } else if self_service_only {
            continue;
        }
        row.subscriptions += 1;
        row.quantity += u64::from(sub.quantity);
        row.assigned += u64::from(sub.assigned);
        row.monthly_spend.minor += sub.monthly_spend();
        if sub.status == Status::Active {
            row.next_expiration = Some(match row.next_expiration {
                Some(d) => d.min(sub.expires),
                None => sub.expires,
            });
        }
    }
    for (i, users) in paid_twice_by_product(store, &live)? {
        rows[i].paid_twice = users;
    }
    if self_service_only {
        rows.retain(|r| r.self_service_subscriptions > 0);
    }
    Ok(rows)
}

/// For each product (by its row index in `live`, live subscription → product), how many users
/// hold licenses of it from two or more live subscriptions. One pass over the user license
/// index: its keys (user, subscription) come grouped by user.
fn paid_twice_by_product(
    store: &Store,
    live: &HashMap<SubscriptionId, usize>,
) -> Result<HashMap<usize, u64>> {
    let mut counts: HashMap<usize, u64> = HashMap::new();
    let mut user: Option<UserId> = None;
    let mut held: Vec<usize> = Vec::new();
    let mut flush = |held: &mut Vec<usize>| {
        held.sort_unstable();
        let mut counted = None;
        for w in held.windows(2) {
            if w[0] == w[1] && counted != Some(w[0]) {
                *counts.entry(w[0]).or_default() += 1;
                counted = Some(w[0]);
            }
        }
        held.clear();
    };
    for key in store.t.assignments_by_user.iter().keys() {
        let key = key?;
        let (Some(u), Some(sub)) = (
            key.get(..16).and_then(UserId::from_slice),
            key.get(16..).and_then(SubscriptionId::from_slice),
        ) else {
            continue;
        };
        if user != Some(u) {
            flush(&mut held);
            user = Some(u);
        }
        if let Some(&i) = live.get(&sub) {
            held.push(i);
        }
    }
    flush(&mut held);
    Ok(counts)
}

/// Tells whether a user holds a license of a subscription's product from another live
/// subscription too: "paid twice" (SPEC §1). Reads each other subscription once.
pub(crate) struct PaidTwice<'a> {
    store: &'a Store,
    subs: HashMap<SubscriptionId, Option<(ProductId, Status)>>,
}

impl<'a> PaidTwice<'a> {
    pub(crate) fn new(store: &'a Store) -> Self {
        PaidTwice {
            store,
            subs: HashMap::new(),
        }
    }

    pub(crate) fn check(&mut self, user: UserId, sub: &Subscription) -> Result<bool> {
        for held in self.store.licenses_of_user(user)? {
            if held == sub.id {
                continue;
            }
            let other = match self.subs.get(&held) {
                Some(known) => known.clone(),
                None => {
                    let read = self
                        .store
                        .subscription(held)?
                        .map(|s| (s.product_id, s.status));
                    self.subs.insert(held, read.clone());
                    read
                }
            };
            if other.is_some_and(|(p, st)| p == sub.product_id && st != Status::Deleted) {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// A subscription as lists show it: SPEC §3's subscription fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionRow {
    pub id: SubscriptionId,
    pub product_id: ProductId,
    pub product_name: String,
    pub origin: Origin,
    pub buyer: Option<String>,
    pub buyer_name: Option<String>,
    pub quantity: u32,
    pub assigned: u32,
    pub start: NaiveDate,
    pub expires: NaiveDate,
    /// What one license costs per term.
    #[serde(serialize_with = "price_json")]
    pub price: Price,
    pub status: Status,
    pub auto_renew: bool,
    #[serde(deserialize_with = "payment_method")]
    pub payment_method: StaticName,
    pub card_last4: Option<String>,
    pub taken_over_by: Option<String>,
    pub taken_over_at: Option<DateTime<Utc>>,
    pub cancellation_reason: Option<CancelReason>,
    /// Lifecycle steps due at the clock but not applied yet (`selfserve lifecycle run` applies
    /// them); `status` and `expires` already show where they lead.
    pub lifecycle_due: Vec<DueStep>,
}

impl SubscriptionRow {
    pub fn free(&self) -> u32 {
        self.quantity.saturating_sub(self.assigned)
    }
}

/// Which subscriptions `subscription list` and the screens show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionFilter {
    pub self_service_only: bool,
    pub product: Option<ProductId>,
    pub status: Option<Status>,
    pub buyer_upn: Option<String>,
}

/// Resolves users once per listing: buyers repeat across subscriptions.
struct UserNames<'a> {
    store: &'a Store,
    cache: HashMap<UserId, Option<(String, String)>>,
}

impl<'a> UserNames<'a> {
    fn new(store: &'a Store) -> Self {
        UserNames {
            store,
            cache: HashMap::new(),
        }
    }

    /// (display name, UPN) of a user, or None if the user is gone.
    fn get(&mut self, id: UserId) -> Result<Option<(String, String)>> {
        if let Some(hit) = self.cache.get(&id) {
            return Ok(hit.clone());
        }
        let found = self.store.user(id)?.map(|u| (u.display_name, u.upn));
        self.cache.insert(id, found.clone());
        Ok(found)
    }
}

fn product_names(store: &Store) -> Result<HashMap<ProductId, String>> {
    Ok(store
        .products()?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}

/// The row of `sub` as it is at the clock, after `due` (the steps `lifecycle::as_of` took).
fn to_row(
    sub: Subscription,
    due: &[Taken],
    products: &HashMap<ProductId, String>,
    names: &mut UserNames<'_>,
) -> Result<SubscriptionRow> {
    let (buyer, buyer_name) = match sub.buyer {
        Some(id) => match names.get(id)? {
            Some((name, upn)) => (Some(upn), Some(name)),
            None => (None, None),
        },
        None => (None, None),
    };
    let taken_over_by = match &sub.taken_over {
        Some(t) => names.get(t.by)?.map(|(_, upn)| upn),
        None => None,
    };
    let (payment_method, card_last4) = match &sub.payment_method {
        PaymentMethod::None => ("none", None),
        PaymentMethod::Card { last4 } => ("card", Some(last4.clone())),
        PaymentMethod::Invoice => ("invoice", None),
    };
    Ok(SubscriptionRow {
        id: sub.id,
        product_name: products.get(&sub.product_id).cloned().unwrap_or_default(),
        product_id: sub.product_id,
        origin: sub.origin,
        buyer,
        buyer_name,
        quantity: sub.quantity,
        assigned: sub.assigned,
        start: sub.start,
        expires: sub.expires,
        price: sub.price,
        status: sub.status,
        auto_renew: sub.auto_renew,
        payment_method,
        card_last4,
        taken_over_by,
        taken_over_at: sub.taken_over.map(|t| t.at),
        cancellation_reason: sub.cancellation,
        lifecycle_due: due_steps(due),
    })
}

/// Subscriptions matching `filter` as the lifecycle has them at `now`, ordered by product name,
/// then buyer, then expiration.
pub fn subscription_rows(
    store: &Store,
    actor: &Actor,
    filter: &SubscriptionFilter,
    now: DateTime<Utc>,
) -> Result<Vec<SubscriptionRow>> {
    actor.require(Capability::Read, crate::text!("core-do-read-subscriptions"))?;
    let subs: Vec<Subscription> = match (&filter.buyer_upn, &filter.product) {
        (Some(upn), _) => store.subscriptions_of_buyer(store.user_by_upn(upn)?.id)?,
        (None, Some(product)) => {
            store.product(&product.0)?;
            store.subscriptions_of_product(product)?
        }
        (None, None) => store.subscriptions().collect::<Result<_>>()?,
    };
    let products = product_names(store)?;
    let order: HashMap<ProductId, usize> = store
        .products()?
        .into_iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let mut names = UserNames::new(store);
    let mut rows = Vec::new();
    for sub in subs {
        let (sub, due) = lifecycle::as_of(&sub, now.date_naive());
        if filter.self_service_only && !sub.origin.is_self_service() {
            continue;
        }
        if filter
            .product
            .as_ref()
            .is_some_and(|p| *p != sub.product_id)
        {
            continue;
        }
        if filter.status.is_some_and(|s| s != sub.status) {
            continue;
        }
        rows.push(to_row(sub, &due, &products, &mut names)?);
    }
    rows.sort_by(|a, b| {
        let pa = order.get(&a.product_id).copied().unwrap_or(usize::MAX);
        let pb = order.get(&b.product_id).copied().unwrap_or(usize::MAX);
        pa.cmp(&pb)
            .then_with(|| a.buyer_name.is_none().cmp(&b.buyer_name.is_none()))
            .then_with(|| a.buyer_name.cmp(&b.buyer_name))
            .then_with(|| a.expires.cmp(&b.expires))
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(rows)
}

/// A user holding a license, as `subscription show`, the screens and the export show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LicensedUser {
    pub display_name: String,
    pub user_principal_name: String,
    pub department: String,
    pub assigned_on: NaiveDate,
    pub subscription_id: SubscriptionId,
    /// Whether the user holds a license of the product from another live subscription too.
    pub paid_twice: bool,
}

/// The users of a set of subscriptions that share one buyer ("Central" where there is none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuyerGroup {
    pub buyer_name: Option<String>,
    pub buyer: Option<String>,
    pub users: Vec<LicensedUser>,
}

impl BuyerGroup {
    /// The heading the admin center shows, as a sentence in the reader's language:
    /// "Purchased by NAME <UPN>", or that the subscriptions are central.
    pub fn heading_text(&self) -> crate::i18n::Text {
        match (&self.buyer_name, &self.buyer) {
            (Some(name), Some(upn)) => {
                crate::text!("core-buyer-heading", name = name, upn = upn)
            }
            _ => crate::text!("core-buyer-central"),
        }
    }
}

/// `subscription show`: the row, plus the users with licenses (in JSON, the row's fields beside
/// `users`).
#[derive(Debug, Clone, PartialEq)]
pub struct SubscriptionDetail {
    pub row: SubscriptionRow,
    pub users: Vec<LicensedUser>,
}

/// The subscription an id or prefix names, as the lifecycle has it at `now`, with its users.
pub fn subscription_detail(
    store: &Store,
    actor: &Actor,
    id_or_prefix: &str,
    now: DateTime<Utc>,
) -> Result<SubscriptionDetail> {
    actor.require(Capability::Read, crate::text!("core-do-read-subscriptions"))?;
    let sub = store.resolve_subscription(id_or_prefix)?;
    let mut groups = users_by_buyer(store, actor, &[sub.id])?;
    let products = product_names(store)?;
    let (sub, due) = lifecycle::as_of(&sub, now.date_naive());
    let row = to_row(sub, &due, &products, &mut UserNames::new(store))?;
    Ok(SubscriptionDetail {
        row,
        users: groups.pop().map(|g| g.users).unwrap_or_default(),
    })
}

/// The users of `subs`, grouped by buyer (buyers by name, central last), users by name.
pub fn users_by_buyer(
    store: &Store,
    actor: &Actor,
    subs: &[SubscriptionId],
) -> Result<Vec<BuyerGroup>> {
    actor.require(Capability::Read, crate::text!("core-do-read-assignments"))?;
    let mut names = UserNames::new(store);
    let mut paid_twice = PaidTwice::new(store);
    let mut groups: Vec<BuyerGroup> = Vec::new();
    let mut by_buyer: HashMap<Option<UserId>, usize> = HashMap::new();
    for &id in subs {
        let Some(sub) = store.subscription(id)? else {
            return Err(Error::not_found(crate::text!(
                "error-no-subscription",
                id = id.to_string()
            )));
        };
        let slot = *by_buyer.entry(sub.buyer).or_insert_with(|| {
            groups.push(BuyerGroup {
                buyer_name: None,
                buyer: None,
                users: Vec::new(),
            });
            groups.len() - 1
        });
        if let Some(buyer) = sub.buyer {
            if let Some((name, upn)) = names.get(buyer)? {
                groups[slot].buyer_name = Some(name);
                groups[slot].buyer = Some(upn);
            }
        }
        for a in store.assignments_of(id)? {
            let Some(user) = store.user(a.user)? else {
                continue;
            };
            groups[slot].users.push(LicensedUser {
                display_name: user.display_name,
                user_principal_name: user.upn,
                department: user.department,
                assigned_on: a.assigned_at.date_naive(),
                subscription_id: id,
                paid_twice: paid_twice.check(a.user, &sub)?,
            });
        }
    }
    for g in &mut groups {
        g.users.sort_by(|a, b| {
            a.display_name
                .cmp(&b.display_name)
                .then_with(|| a.user_principal_name.cmp(&b.user_principal_name))
        });
    }
    groups.sort_by(|a, b| {
        a.buyer_name
            .is_none()
            .cmp(&b.buyer_name.is_none())
            .then_with(|| a.buyer_name.cmp(&b.buyer_name))
            .then_with(|| a.buyer.cmp(&b.buyer))
    });
    Ok(groups)
}

/// A product's policy, with the PowerShell module's field names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyRow {
    #[serde(rename = "ProductName")]
    pub product_name: String,
    #[serde(rename = "ProductId")]
    pub product_id: ProductId,
    #[serde(rename = "PolicyId")]
    pub policy_id: String,
    #[serde(rename = "PolicyValue")]
    pub policy_value: PolicyValue,
}

pub fn policy_rows(store: &Store, actor: &Actor) -> Result<Vec<PolicyRow>> {
    actor.require(Capability::Read, crate::text!("core-do-read-policies"))?;
    // An id the catalogue said changed answers through its new one (issue 14).
    store
        .policy_products()?
        .into_iter()
        .map(|p| {
            Ok(PolicyRow {
                policy_value: store.policy(&p.id)?,
                product_name: p.name,
                product_id: p.id,
                policy_id: POLICY_ID.to_string(),
            })
        })
        .collect()
}

pub fn policy_row(store: &Store, actor: &Actor, product: &str) -> Result<PolicyRow> {
    actor.require(Capability::Read, crate::text!("core-do-read-policies"))?;
    let p = store.policy_product(product)?;
    Ok(PolicyRow {
        policy_value: store.policy(&p.id)?,
        product_name: p.name,
        product_id: p.id,
        policy_id: POLICY_ID.to_string(),
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminRow {
    pub login: String,
    pub user_principal_name: String,
    pub display_name: String,
    pub role: Role,
}

pub fn admin_rows(store: &Store, actor: &Actor) -> Result<Vec<AdminRow>> {
    actor.require(Capability::Read, crate::text!("core-do-read-admins"))?;
    let mut rows = Vec::new();
    for admin in store.admins()? {
        let (upn, name) = match store.user(admin.user)? {
            Some(u) => (u.upn, u.display_name),
            None => (String::new(), String::new()),
        };
        rows.push(AdminRow {
            login: admin.login,
            user_principal_name: upn,
            display_name: name,
            role: admin.role,
        });
    }
    Ok(rows)
}

/// Audit events, newest first, at most `limit`.
pub fn audit_events(store: &Store, actor: &Actor, limit: usize) -> Result<Vec<AuditEvent>> {
    actor.require(Capability::Read, crate::text!("core-do-read-audit"))?;
    store.audit().rev().take(limit).collect()
}

/// Outbox e-mails, newest first, at most `limit`.
pub fn outbox_emails(store: &Store, actor: &Actor, limit: usize) -> Result<Vec<Email>> {
    actor.require(Capability::Read, crate::text!("core-do-read-outbox"))?;
    store.outbox().rev().take(limit).collect()
}

/// One outbox e-mail, whole (`outbox show ID`).
pub fn outbox_email(store: &Store, actor: &Actor, id: u64) -> Result<Email> {
    actor.require(Capability::Read, crate::text!("core-do-read-outbox"))?;
    store
        .email(id)?
        .ok_or_else(|| Error::not_found(crate::text!("error-no-email", id = id.to_string())))
}

/// The buyers of one product's live (not Deleted) subscriptions, each once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductBuyers {
    pub product_id: ProductId,
    /// (display name, UPN), by display name.
    pub buyers: Vec<(String, String)>,
}

/// Every product's buyers, for searching products by buyer name and UPN. One scan of the
/// subscriptions, then one read per distinct buyer in id order (neighbouring keys share pages).
pub fn product_buyers(store: &Store, actor: &Actor) -> Result<Vec<ProductBuyers>> {
    actor.require(Capability::Read, crate::text!("core-do-read-subscriptions"))?;
    let products = store.products()?;
    let index: HashMap<&ProductId, usize> = products
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, i))
        .collect();
    let mut pairs: Vec<(UserId, usize)> = Vec::new();
    for sub in store.subscriptions() {
        let sub = sub?;
        if sub.status == Status::Deleted {
            continue;
        }
        if let (Some(buyer), Some(&i)) = (sub.buyer, index.get(&sub.product_id)) {
            pairs.push((buyer, i));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut out: Vec<ProductBuyers> = products
        .iter()
        .map(|p| ProductBuyers {
            product_id: p.id.clone(),
            buyers: Vec::new(),
        })
        .collect();
    let mut last: Option<(UserId, Option<(String, String)>)> = None;
    for (buyer, i) in pairs {
        if last.as_ref().map(|(id, _)| *id) != Some(buyer) {
            let found = store.user(buyer)?.map(|u| (u.display_name, u.upn));
            last = Some((buyer, found));
        }
        if let Some((_, Some(names))) = &last {
            out[i].buyers.push(names.clone());
        }
    }
    for p in &mut out {
        p.buyers.sort_unstable();
    }
    Ok(out)
}

pub mod spend;
