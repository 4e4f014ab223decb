//! Centralise a product with what the organisation already owns (SPEC §2 rule 6, issue 10): the
//! users of its live self-service subscriptions get licenses of its Active central
//! subscriptions — their free licenses first, then licenses added to one of them, and a new
//! central subscription only where the product has none — and the self-service subscriptions are
//! taken over, cancelled (moving-to-central) and their buyers e-mailed. One plan, one transaction.
//!
//! Users who hold a central license already (paid twice, after a manual centralisation) need no
//! other: they only lose their self-service one. A user of two self-service subscriptions gets
//! one central license.

use super::add_licenses::{plan_add, AddLicensesPlan};
use super::buy::{apply_buy, plan_buy, BuyPlan};
use super::move_users::{assigned_mismatch, leaving, moved_email, moved_out};
use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::formats::{money_json, price_json};
use crate::model::*;
use crate::store::{abort, Store, Tx, TxResult};
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CentralisePlan {
    pub product_id: ProductId,
    pub product_name: String,
    /// Users who get a central license.
    pub users_moved: u32,
    /// Users who hold a license of an Active central subscription already: they only lose
    /// their self-service one.
    pub users_already_central: u32,
    /// Free licenses of existing central subscriptions given to users, most free first.
    pub reused: Vec<ReusedLicenses>,
    /// Licenses added to one existing central subscription where its free ones are not enough.
    pub added: Option<AddLicensesPlan>,
    /// A new central subscription, only where the product has no Active central one (boxed:
    /// the plan travels in a `Response` beside much smaller ones).
    pub bought: Option<Box<BuyPlan>>,
    /// One per live self-service subscription, each cancelled: who gets a license where.
    pub moves: Vec<CentraliseMove>,
    pub audit: Vec<PlannedAudit>,
}

/// Free licenses of an existing central subscription that the plan gives to users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReusedLicenses {
    pub subscription: SubRef,
    pub licenses: u32,
    /// What one license costs per term.
    #[serde(serialize_with = "price_json")]
    pub price: Price,
    /// What these licenses cost per term: paid already, used from now on.
    #[serde(serialize_with = "money_json")]
    pub value_per_term: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CentraliseMove {
    pub from: SubRef,
    /// Whether `from` is taken over by this plan (it was not yet).
    pub takes_over: bool,
    /// Users who get a central license, by the subscription they get it from.
    pub to: Vec<Allocation>,
    /// Users who hold a central license already, or get one through another subscription of
    /// this plan.
    pub already_central: Vec<UserRef>,
    pub emails: Vec<PlannedEmail>,
}

impl CentraliseMove {
    /// Every user of `from`.
    pub fn users(&self) -> usize {
        self.to.iter().map(|a| a.users.len()).sum::<usize>() + self.already_central.len()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    pub subscription: SubscriptionId,
    pub users: Vec<UserRef>,
}

/// A self-service subscription as planned from and as the plan leaves it.
struct SourceWrites {
    before: Subscription,
    after: Subscription,
}

/// Centralises `product`; a new central subscription, where one is needed, is bought for `term`.
pub fn centralise(
    store: &Store,
    actor: &Actor,
    product: &ProductId,
    term: Term,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<CentralisePlan>> {
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-centralise"),
        dry_run,
    )?;
    let p = store.product(&product.0)?;
    let (sources, mut targets): (Vec<Subscription>, Vec<Subscription>) = store
        .subscriptions_of_product(&p.id)?
        .into_iter()
        .filter(|s| is_source(s) || is_target(s))
        .partition(|s| s.origin.is_self_service());
    if sources.is_empty() {
        return Err(Error::refused(text!(
            "error-centralise-nothing",
            product = &p.name
        )));
    }
    targets.sort_by(|a, b| b.free().cmp(&a.free()).then(a.id.cmp(&b.id)));

    // Who needs a central license: every user of the sources, once, unless they hold one.
    let mut users_of: Vec<(Vec<UserRef>, Vec<UserRef>)> = Vec::with_capacity(sources.len());
    let mut all_users = 0usize;
    for (needing, already) in who_needs(store, &sources, &targets)? {
        all_users += needing.len() + already.len();
        let refs = |ids: Vec<UserId>| -> Result<Vec<UserRef>> {
            ids.into_iter().map(|u| user_ref(store, u)).collect()
        };
        users_of.push((refs(needing)?, refs(already)?));
    }
    if all_users == 0 {
        return Err(Error::refused(text!(
            "error-centralise-no-users",
            product = &p.name
        )));
    }
    let needed: u32 = users_of.iter().map(|(n, _)| n.len() as u32).sum();

    // Where the licenses come from: free ones first, then added to the biggest central
    // subscription, or bought where there is none.
    let mut slots: Vec<(SubscriptionId, u32)> = Vec::new();
    let mut reused = Vec::new();
    let mut remaining = needed;
    for t in &targets {
        let take = t.free().min(remaining);
        if take == 0 {
            continue;
        }
        remaining -= take;
        slots.push((t.id, take));
        reused.push(ReusedLicenses {
            subscription: sub_ref(store, t)?,
            licenses: take,
            value_per_term: Money::new(
                t.price.amount.minor.saturating_mul(i64::from(take)),
                &t.price.amount.currency,
            ),
            price: t.price.clone(),
        });
    }
    let mut after: HashMap<SubscriptionId, Subscription> =
        targets.iter().map(|t| (t.id, t.clone())).collect();
    let (mut added, mut bought) = (None, None);
    if remaining > 0 {
        let biggest = targets
            .iter()
            .max_by(|a, b| a.quantity.cmp(&b.quantity).then(b.id.cmp(&a.id)));
        match biggest {
            Some(t) => {
                let (plan, grown) = plan_add(store, t, remaining)?;
                slots.push((t.id, remaining));
                after.insert(t.id, grown);
                added = Some(plan);
            }
            None => {
                let (plan, sub) = plan_buy(store, &p.id, remaining, term, now)?;
                slots.push((sub.id, remaining));
                after.insert(sub.id, sub.clone());
                bought = Some((plan, sub));
            }
        }
    }

    // Each source's users, in order, fill the slots in order.
    let mut slots = slots.into_iter();
    let mut slot = slots.next();
    let mut moves = Vec::with_capacity(sources.len());
    let mut writes = Vec::with_capacity(sources.len());
    let mut audit: Vec<PlannedAudit> = added.iter().flat_map(|a| a.audit.clone()).collect();
    for (s, (needing, already)) in sources.iter().zip(users_of) {
        let from = sub_ref(store, s)?;
        let (taken, take_over_audit) = leaving(store, actor, s, &from, now)?;
        let mut to: Vec<Allocation> = Vec::new();
        for user in needing {
            let Some((id, left)) = slot.as_mut() else {
                return Err(Error::database(text!("error-centralise-short")));
            };
            match to.last_mut() {
                Some(a) if a.subscription == *id => a.users.push(user),
                _ => to.push(Allocation {
                    subscription: *id,
                    users: vec![user],
                }),
            }
            if let Some(t) = after.get_mut(id) {
                t.assigned += 1;
            }
            *left -= 1;
            if *left == 0 {
                slot = slots.next();
            }
        }
        let moved: usize = to.iter().map(|a| a.users.len()).sum();
        let source_after = moved_out(taken, now);
        audit.extend(take_over_audit.clone());
        audit.push(move_audit(s, &source_after, &to, &already, moved));
        let emails = moved_email(store, actor, s, &from, moved + already.len())?
            .into_iter()
            .collect();
        moves.push(CentraliseMove {
            from,
            takes_over: take_over_audit.is_some(),
            to,
            already_central: already,
            emails,
        });
        writes.push(SourceWrites {
            before: s.clone(),
            after: source_after,
        });
    }
    let reused_n: u32 = reused.iter().map(|r| r.licenses).sum();
    audit.push(PlannedAudit {
        action: "product.centralise".into(),
        target: p.id.to_string(),
        before: Some(format!(
            "{} live self-service subscriptions with {}",
            moves.len(),
            count(all_users as u64, "user")
        )),
        after: Some(format!(
            "{} got central licenses ({reused_n} free ones reused, {} added, {} bought), {} held one already; the {} self-service subscriptions are Deleted (moving-to-central)",
            count(u64::from(needed), "user"),
            added.as_ref().map_or(0, |a| a.added),
            bought.as_ref().map_or(0, |(b, _)| b.subscription.quantity),
            all_users as u32 - needed,
            moves.len()
        )),
    });
    let plan = CentralisePlan {
        product_id: p.id,
        product_name: p.name,
        users_moved: needed,
        users_already_central: all_users as u32 - needed,
        reused,
        added,
        bought: bought.as_ref().map(|(plan, _)| Box::new(plan.clone())),
        moves,
        audit,
    };
    if !dry_run {
        let upn = &actor.user.upn;
        store.transact(|tx| {
            for t in &targets {
                recheck(tx, t)?;
            }
            if let Some((plan, sub)) = &bought {
                apply_buy(tx, plan, sub, upn, now)?;
            }
            for (m, w) in plan.moves.iter().zip(&writes) {
                apply_source(tx, m, w, now)?;
            }
            for t in after.values() {
                tx.put_subscription(t)?;
            }
            for a in &plan.audit {
                write_audit(tx, upn, now, a)?;
            }
            for m in &plan.moves {
                for e in &m.emails {
                    write_email(tx, now, e)?;
                }
            }
            Ok(())
        })?;
    }
    Ok(Outcome { dry_run, plan })
}

/// A subscription centralising moves users from: a live self-service one.
pub(crate) fn is_source(s: &Subscription) -> bool {
    s.origin.is_self_service() && s.status != Status::Deleted
}

/// A subscription centralising gives licenses of: an Active central one.
pub(crate) fn is_target(s: &Subscription) -> bool {
    !s.origin.is_self_service() && s.status == Status::Active
}

/// For each of `sources` in order, the users who need a central license and those who do not:
/// a user holding a license of one of `targets` needs none, and a user of two sources gets one,
/// from the first. The plan gives them licenses in this order; the spend report prices it.
pub(crate) fn who_needs(
    store: &Store,
    sources: &[Subscription],
    targets: &[Subscription],
) -> Result<Vec<(Vec<UserId>, Vec<UserId>)>> {
    let mut out = Vec::with_capacity(sources.len());
    each_need(store, sources, targets, |needing, already| {
        out.push((needing.to_vec(), already.to_vec()))
    })?;
    Ok(out)
}

/// `who_needs` one source at a time, to `f`, without keeping the lists: the spend report
/// counts them only.
pub(crate) fn each_need(
    store: &Store,
    sources: &[Subscription],
    targets: &[Subscription],
    mut f: impl FnMut(&[UserId], &[UserId]),
) -> Result<()> {
    let held: usize = targets.iter().map(|t| t.assigned as usize).sum();
    let mut covered: HashSet<UserId> = HashSet::with_capacity(held);
    for t in targets {
        covered.extend(store.assigned_users(t.id)?);
    }
    let (mut needing, mut already) = (Vec::new(), Vec::new());
    for s in sources {
        let users = store.assigned_users(s.id)?;
        if users.len() != s.assigned as usize {
            return Err(assigned_mismatch(s.id, s.assigned, users.len()));
        }
        needing.clear();
        already.clear();
        for u in users {
            if covered.insert(u) {
                needing.push(u);
            } else {
                already.push(u);
            }
        }
        f(&needing, &already);
    }
    Ok(())
}

/// The audit event of one self-service subscription's users leaving it.
fn move_audit(
    before: &Subscription,
    after: &Subscription,
    to: &[Allocation],
    already: &[UserRef],
    moved: usize,
) -> PlannedAudit {
    let wheres: Vec<String> = to
        .iter()
        .map(|a| format!("{} to {}", a.users.len(), a.subscription))
        .collect();
    let mut text = format!(
        "{}; {} got central licenses ({})",
        state(after),
        count(moved as u64, "user"),
        wheres.join(", ")
    );
    let users: Vec<UserRef> = to.iter().flat_map(|a| a.users.iter().cloned()).collect();
    if !users.is_empty() {
        text.push_str(&format!(": {}", some_users(&users)));
    }
    if !already.is_empty() {
        text.push_str(&format!(
            "; {} held one already: {}",
            count(already.len() as u64, "user"),
            some_users(already)
        ));
    }
    PlannedAudit {
        action: "subscription.move-users".into(),
        target: before.id.to_string(),
        before: Some(state(before)),
        after: Some(text),
    }
}

/// Inside the transaction: moves one source's licenses and cancels it. The caller writes the
/// central subscriptions.
fn apply_source(tx: &Tx, m: &CentraliseMove, w: &SourceWrites, now: DateTime<Utc>) -> TxResult<()> {
    recheck(tx, &w.before)?;
    let from = w.before.id;
    for a in &m.to {
        for u in &a.users {
            if !tx.remove_assignment(from, u.id)? {
                return abort(changed_meanwhile(from));
            }
            if tx.assignment(a.subscription, u.id)?.is_some() {
                return abort(changed_meanwhile(a.subscription));
            }
            tx.put_assignment(&Assignment {
                subscription: a.subscription,
                user: u.id,
                assigned_at: now,
            })?;
        }
    }
    for u in &m.already_central {
        if !tx.remove_assignment(from, u.id)? {
            return abort(changed_meanwhile(from));
        }
    }
    tx.put_subscription(&w.after)
}
