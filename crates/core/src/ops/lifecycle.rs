//! The passage of time (SPEC §1 Status, §2 rules 1 and 2): renewals, conversions of trials with a
//! card, and Active → Expired (30 days) → Disabled (90 days) → Deleted for the rest.
//!
//! Every step happens on a date fixed by the subscription (its expiration, then 30 and 90 days
//! later), never on the date of the run, so a late run ends where daily runs would have, and a
//! second run finds nothing to do. Dates are UTC dates of the clock.

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::mail::Mail;
use crate::model::*;
use crate::store::{abort, Store, Tx, TxResult};
use crate::text;
use crate::words::count;
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Days an expired subscription keeps its users' access before it is disabled.
pub const EXPIRED_DAYS: u64 = 30;
/// Days a disabled subscription can still be reactivated before it is deleted.
pub const DISABLED_DAYS: u64 = 90;
/// Subscriptions changed per transaction: each batch is whole, and a large catch-up never holds
/// one huge transaction.
const BATCH: usize = 128;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Renewed,
    Converted,
    Expired,
    Disabled,
    Deleted,
}

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Renewed => "renewed",
            Step::Converted => "converted",
            Step::Expired => "expired",
            Step::Disabled => "disabled",
            Step::Deleted => "deleted",
        }
    }
}

/// One step one subscription took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifecycleChange {
    pub subscription: SubscriptionId,
    pub product_id: ProductId,
    pub product_name: String,
    /// The buyer's UPN; none for central subscriptions.
    pub buyer: Option<String>,
    pub step: Step,
    /// The date the step belongs to (not the date of the run).
    pub on: NaiveDate,
    /// Terms renewed at once when a run catches up (1 otherwise).
    pub terms: u32,
    pub status: Status,
    pub expires: NaiveDate,
    pub licenses_removed: u32,
    /// Who was e-mailed about it.
    pub emailed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifecycleReport {
    pub until: DateTime<Utc>,
    /// False for a preview: nothing was written.
    pub applied: bool,
    pub changes: Vec<LifecycleChange>,
}

fn last_day_of_month(first: NaiveDate) -> Option<u32> {
    first
        .checked_add_months(Months::new(1))?
        .pred_opt()
        .map(|d| d.day())
}

/// The first expiration after `today` reached by whole terms of `months` from `expires`, and how
/// many terms that is. The day of the month follows the start where a short month cut it
/// (bought Jan 31: Feb 28, then Mar 31, Apr 30), so expirations never drift.
pub fn next_expiration(
    start: NaiveDate,
    expires: NaiveDate,
    months: u32,
    today: NaiveDate,
) -> Option<(NaiveDate, u32)> {
    let first = expires.with_day(1)?;
    let cut_short = last_day_of_month(first) == Some(expires.day());
    let day = if cut_short && start.day() > expires.day() {
        start.day()
    } else {
        expires.day()
    };
    let at = |terms: u32| -> Option<NaiveDate> {
        let month = first.checked_add_months(Months::new(terms.checked_mul(months)?))?;
        month.with_day(day.min(last_day_of_month(month)?))
    };
    let elapsed =
        (today.year() - expires.year()) * 12 + today.month() as i32 - expires.month() as i32;
    let mut terms = u32::try_from(elapsed).unwrap_or(0) / months.max(1);
    terms = terms.max(1);
    loop {
        let date = at(terms)?;
        if date > today {
            return Some((date, terms));
        }
        terms = terms.checked_add(1)?;
    }
}

/// One step, with the subscription's status and expiration right after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub step: Step,
    pub on: NaiveDate,
    pub terms: u32,
    pub status: Status,
    pub expires: NaiveDate,
}

/// Moves `sub` through every step due by `today`, in order.
pub fn advance(sub: &mut Subscription, today: NaiveDate) -> Vec<Taken> {
    let mut steps = Vec::new();
    loop {
        let (step, on, terms) = match sub.status {
            Status::Active if sub.expires <= today => {
                let on = sub.expires;
                let paid = sub.auto_renew && sub.payment_method != PaymentMethod::None;
                let months = sub.price.term.months();
                match sub.origin {
                    Origin::SelfServiceTrial if paid => {
                        let Some((next, _)) = next_expiration(on, on, months, on) else {
                            break;
                        };
                        sub.origin = Origin::SelfServicePurchase;
                        sub.start = on;
                        sub.expires = next;
                        (Step::Converted, on, 1)
                    }
                    Origin::SelfServicePurchase | Origin::Central if paid => {
                        let Some((next, terms)) = next_expiration(sub.start, on, months, today)
                        else {
                            break;
                        };
                        sub.expires = next;
                        (Step::Renewed, on, terms)
                    }
                    _ => {
                        sub.status = Status::Expired;
                        sub.status_since = on;
                        sub.auto_renew = false;
                        (Step::Expired, on, 1)
                    }
                }
            }
            Status::Expired => match sub.status_since.checked_add_days(Days::new(EXPIRED_DAYS)) {
                Some(on) if on <= today => {
                    sub.status = Status::Disabled;
                    sub.status_since = on;
                    (Step::Disabled, on, 1)
                }
                _ => break,
            },
            Status::Disabled => match sub.status_since.checked_add_days(Days::new(DISABLED_DAYS)) {
                Some(on) if on <= today => {
                    sub.status = Status::Deleted;
                    sub.status_since = on;
                    (Step::Deleted, on, 1)
                }
                _ => break,
            },
            _ => break,
        };
        steps.push(Taken {
            step,
            on,
            terms,
            status: sub.status,
            expires: sub.expires,
        });
    }
    steps
}

/// `sub` as the lifecycle says it is on `today`, and the steps that takes: what every read shows
/// (SPEC §2 rule 11) and what a run applies, so the two cannot disagree.
pub fn as_of(sub: &Subscription, today: NaiveDate) -> (Subscription, Vec<Taken>) {
    let mut after = sub.clone();
    let steps = advance(&mut after, today);
    (after, steps)
}

/// A subscription with steps due, and what its transaction needs read beforehand.
struct Due {
    id: SubscriptionId,
    buyer: Option<String>,
    /// The licenses a deletion removes (the transaction cannot scan; it re-checks them).
    users: Vec<UserId>,
}

/// What a run up to `until` would change, without changing anything. Any administrator may look.
pub fn preview(store: &Store, actor: &Actor, until: DateTime<Utc>) -> Result<LifecycleReport> {
    actor.require(Capability::Read, crate::text!("core-do-read-lifecycle"))?;
    let ctx = Context::read(store)?;
    let today = until.date_naive();
    let mut changes = Vec::new();
    for sub in store.subscriptions() {
        let before = sub?;
        let (_, steps) = as_of(&before, today);
        if !steps.is_empty() {
            let buyer = buyer_upn(store, &before)?;
            changes.extend(ctx.describe(&before, &steps, buyer, before.assigned));
        }
    }
    Ok(LifecycleReport {
        until,
        applied: false,
        changes,
    })
}

/// Applies every step due up to `until` (the clock where None; never later than it): each
/// subscription's steps whole, with their audit events and e-mails, in bounded transactions.
/// The dashboard calls this on start and on each tick; the report says what changed.
///
/// It deletes subscriptions and removes licenses on the strength of an operator-given clock, so
/// it needs `GlobalAdministrator` or `BillingAdministrator`; others may `preview`.
pub fn run(
    store: &Store,
    actor: &Actor,
    now: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
) -> Result<LifecycleReport> {
    actor.require(
        Capability::ManageSubscriptions,
        crate::text!("core-do-run-lifecycle"),
    )?;
    let until = until.unwrap_or(now);
    if until > now {
        return Err(Error::usage(text!(
            "error-until-after-clock",
            until = until,
            now = now
        )));
    }
    let today = until.date_naive();
    let ctx = Context::read(store)?;
    let mut due = Vec::new();
    for sub in store.subscriptions() {
        let sub = sub?;
        let (after, steps) = as_of(&sub, today);
        if steps.is_empty() {
            continue;
        }
        let users = if after.status == Status::Deleted {
            store
                .assignments_of(sub.id)?
                .into_iter()
                .map(|a| a.user)
                .collect()
        } else {
            Vec::new()
        };
        due.push(Due {
            id: sub.id,
            buyer: buyer_upn(store, &sub)?,
            users,
        });
    }
    let mut changes = Vec::new();
    for batch in due.chunks(BATCH) {
        let done = store.transact(|tx| {
            let mut done = Vec::new();
            for d in batch {
                done.extend(apply_one(tx, &ctx, d, today, now)?);
            }
            Ok(done)
        })?;
        changes.extend(done);
    }
    Ok(LifecycleReport {
        until,
        applied: true,
        changes,
    })
}

fn buyer_upn(store: &Store, sub: &Subscription) -> Result<Option<String>> {
    Ok(match sub.buyer {
        Some(b) => store.user(b)?.map(|u| u.upn),
        None => None,
    })
}

fn apply_one(
    tx: &Tx,
    ctx: &Context,
    due: &Due,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> TxResult<Vec<LifecycleChange>> {
    let Some(before) = tx.subscription(due.id)? else {
        return Ok(Vec::new());
    };
    let (mut after, steps) = as_of(&before, today);
    if steps.is_empty() {
        return Ok(Vec::new());
    }
    let mut removed = 0;
    if after.status == Status::Deleted {
        for &user in &due.users {
            if tx.remove_assignment(due.id, user)? {
                removed += 1;
            }
        }
        if removed != after.assigned {
            return abort(Error::refused(text!(
                "error-lifecycle-changed-meanwhile",
                id = due.id.to_string()
            )));
        }
        after.assigned = 0;
    }
    tx.put_subscription(&after)?;
    let changes = ctx.describe(&before, &steps, due.buyer.clone(), removed);
    for change in &changes {
        tx.audit(AuditEvent {
            id: 0,
            at: now,
            actor: "system".to_string(),
            action: format!("lifecycle.{}", change.step.as_str()),
            target: due.id.to_string(),
            before: None,
            after: Some(summary(change)),
        })?;
        for to in &change.emailed {
            tx.email(email(change, to, now, tx.language()?))?;
        }
    }
    Ok(changes)
}

/// What the report and the e-mails name, read once per run.
struct Context {
    products: HashMap<ProductId, String>,
    /// Who hears of central subscriptions: the administrators who manage subscriptions.
    managers: Vec<String>,
}

impl Context {
    fn read(store: &Store) -> Result<Context> {
        let products = store
            .products()?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let managers = super::storefront::admin_upns(store, |role| {
            Capability::ManageSubscriptions.allowed(role)
        })?;
        Ok(Context { products, managers })
    }

    fn describe(
        &self,
        sub: &Subscription,
        steps: &[Taken],
        buyer: Option<String>,
        removed: u32,
    ) -> Vec<LifecycleChange> {
        let emailed = match (&buyer, sub.buyer) {
            (Some(upn), _) => vec![upn.clone()],
            (None, None) => self.managers.clone(),
            // The buyer left the directory: there is no one to write to.
            (None, Some(_)) => Vec::new(),
        };
        let product_name = self
            .products
            .get(&sub.product_id)
            .cloned()
            .unwrap_or_else(|| sub.product_id.0.clone());
        steps
            .iter()
            .map(|t| LifecycleChange {
                subscription: sub.id,
                product_id: sub.product_id.clone(),
                product_name: product_name.clone(),
                buyer: buyer.clone(),
                step: t.step,
                on: t.on,
                terms: t.terms,
                status: t.status,
                expires: t.expires,
                licenses_removed: if t.step == Step::Deleted { removed } else { 0 },
                emailed: emailed.clone(),
            })
            .collect()
    }
}

fn summary(c: &LifecycleChange) -> String {
    match c.step {
        Step::Renewed => format!(
            "{} renewed on {} for {}; now expires {}",
            c.product_name,
            c.on,
            count(u64::from(c.terms), "term"),
            c.expires
        ),
        Step::Converted => format!(
            "{} trial converted to a paid purchase on {}; renews {}",
            c.product_name, c.on, c.expires
        ),
        Step::Expired => format!(
            "{} expired on {}; users keep access for {EXPIRED_DAYS} days",
            c.product_name, c.on
        ),
        Step::Disabled => format!(
            "{} disabled on {}; users lost access, reactivation possible for {DISABLED_DAYS} days",
            c.product_name, c.on
        ),
        Step::Deleted => format!(
            "{} deleted on {}; {} removed",
            c.product_name,
            c.on,
            count(u64::from(c.licenses_removed), "license")
        ),
    }
}

/// A lifecycle notice, worded in `lang` (the tenant's, read by the transaction writing it).
fn email(c: &LifecycleChange, to: &str, now: DateTime<Utc>, lang: Lang) -> Email {
    let product = c.product_name.as_str();
    let (kind, subject, body) = match c.step {
        Step::Renewed => (
            EmailKind::Renewed,
            text!("mail-renewed-subject", product = product),
            text!(
                "mail-renewed-body",
                product = product,
                on = c.on,
                expires = c.expires
            ),
        ),
        Step::Converted => (
            EmailKind::Converted,
            text!("mail-converted-subject", product = product),
            text!(
                "mail-converted-body",
                product = product,
                on = c.on,
                expires = c.expires
            ),
        ),
        Step::Expired => (
            EmailKind::Expired,
            text!("mail-expired-subject", product = product),
            text!(
                "mail-expired-body",
                product = product,
                on = c.on,
                days = EXPIRED_DAYS
            ),
        ),
        Step::Disabled => (
            EmailKind::Disabled,
            text!("mail-disabled-subject", product = product),
            text!(
                "mail-disabled-body",
                product = product,
                on = c.on,
                days = DISABLED_DAYS
            ),
        ),
        Step::Deleted => (
            EmailKind::Deleted,
            text!("mail-deleted-subject", product = product),
            text!(
                "mail-deleted-body",
                product = product,
                on = c.on,
                removed = c.licenses_removed
            ),
        ),
    };
    let (subject, body) = Mail::new(subject).paragraph([body]).render(lang);
    Email::pending(to.to_string(), subject, body, kind, now)
}
