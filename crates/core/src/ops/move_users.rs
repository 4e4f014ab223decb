//! Moving every user of a subscription to another of the same product (SPEC §2 rule 5): the old
//! subscription is taken over if need be, cancelled (Deleted, moving-to-central) and its buyer
//! e-mailed, all in one transaction.

use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::{abort, Store, Tx, TxResult};
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MovePlan {
    pub from: SubRef,
    pub to: SubRef,
    /// Whether `from` is taken over by this move (it was not yet).
    pub takes_over: bool,
    pub users: Vec<UserRef>,
    /// Users of `from` who hold a license of `to` already (paid twice, SPEC §1): they only lose
    /// `from`'s and need no free license.
    pub already_in_target: Vec<UserRef>,
    /// What `from` becomes: Deleted, cancelled as moving-to-central.
    pub from_status_after: Status,
    pub cancellation_reason: CancelReason,
    pub to_assigned_after: u32,
    pub to_free_after: u32,
    pub emails: Vec<PlannedEmail>,
    pub audit: Vec<PlannedAudit>,
}

/// The two subscriptions as a move was planned from and as it leaves them: the transaction
/// writes `*_after` only where the stored ones still equal `*_before`.
pub(crate) struct MoveWrites {
    from_before: Subscription,
    from_after: Subscription,
    to_before: Subscription,
    pub(crate) to_after: Subscription,
}

/// Moves every user of `from` to `to` and cancels `from`. With `dry_run`, only says what it would do.
pub fn move_users(
    store: &Store,
    actor: &Actor,
    from: SubscriptionId,
    to: SubscriptionId,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<MovePlan>> {
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-move-users"),
        dry_run,
    )?;
    if from == to {
        return Err(Error::usage(text!(
            "error-move-to-itself",
            id = from.to_string()
        )));
    }
    let from_sub = load(store, from)?;
    let to_sub = load(store, to)?;
    let (plan, writes) = plan_move(store, actor, from_sub, &to_sub, now)?;
    if !dry_run {
        let upn = &actor.user.upn;
        store.transact(|tx| {
            recheck(tx, &writes.to_before)?;
            apply_move(tx, &plan, &writes, upn, now)?;
            tx.put_subscription(&writes.to_after)
        })?;
    }
    Ok(Outcome { dry_run, plan })
}

/// Checks the rules and computes the move. `to` may be a subscription not stored yet (the
/// central one `centralise` buys in the same transaction).
pub(crate) fn plan_move(
    store: &Store,
    actor: &Actor,
    from: Subscription,
    to: &Subscription,
    now: DateTime<Utc>,
) -> Result<(MovePlan, MoveWrites)> {
    let from_ref = sub_ref(store, &from)?;
    let to_ref = sub_ref(store, to)?;
    let (from_taken, take_over_audit) = leaving(store, actor, &from, &from_ref, now)?;
    let takes_over = take_over_audit.is_some();
    let assignments = assignments_of(store, &from)?;
    let in_to: HashSet<UserId> = store
        .assignments_of(to.id)?
        .into_iter()
        .map(|a| a.user)
        .collect();
    let mut users = Vec::with_capacity(assignments.len());
    let mut already_in_target = Vec::new();
    for a in &assignments {
        let user = user_ref(store, a.user)?;
        if in_to.contains(&a.user) {
            already_in_target.push(user);
        } else {
            users.push(user);
        }
    }
    let moving = users.len() as u32;
    target_rules(&from, &from_ref, to, &to_ref, moving)?;

    let from_after = moved_out(from_taken, now);
    let mut to_after = to.clone();
    to_after.assigned += moving;

    let mut audit: Vec<PlannedAudit> = take_over_audit.into_iter().collect();
    let mut after = format!(
        "{}; {} moved to {} ({}): {}",
        state(&from_after),
        count(u64::from(moving), "user"),
        to.id,
        state(&to_after),
        some_users(&users)
    );
    if !already_in_target.is_empty() {
        after.push_str(&format!(
            "; {} held a license of it already: {}",
            count(already_in_target.len() as u64, "user"),
            some_users(&already_in_target)
        ));
    }
    audit.push(PlannedAudit {
        action: "subscription.move-users".into(),
        target: from.id.to_string(),
        before: Some(state(&from)),
        after: Some(after),
    });
    let emails: Vec<PlannedEmail> = moved_email(store, actor, &from, &from_ref, assignments.len())?
        .into_iter()
        .collect();

    let plan = MovePlan {
        from: from_ref,
        to: to_ref,
        takes_over,
        users,
        already_in_target,
        from_status_after: from_after.status,
        cancellation_reason: CancelReason::MovingToCentral,
        to_assigned_after: to_after.assigned,
        to_free_after: to_after.free(),
        emails,
        audit,
    };
    let writes = MoveWrites {
        from_before: from,
        from_after,
        to_before: to.clone(),
        to_after,
    };
    Ok((plan, writes))
}

/// `from` about to lose its users: refused if Deleted, taken over first where it is a
/// self-service subscription not taken over yet (with that audit event).
pub(crate) fn leaving(
    store: &Store,
    actor: &Actor,
    from: &Subscription,
    from_ref: &SubRef,
    now: DateTime<Utc>,
) -> Result<(Subscription, Option<PlannedAudit>)> {
    if from.status == Status::Deleted {
        return Err(Error::refused(text!(
            "error-move-from-deleted",
            sub = from_ref.named()
        )));
    }
    // A central subscription is the administrators' already: moving from it consolidates.
    let taken = if from.origin.is_self_service() {
        plan_take_over(store, actor, from, now)?
    } else {
        None
    };
    Ok(match taken {
        Some((after, audit)) => (after, Some(audit)),
        None => (from.clone(), None),
    })
}

/// The assignments of `sub`, which must be as many as it records.
pub(crate) fn assignments_of(store: &Store, sub: &Subscription) -> Result<Vec<Assignment>> {
    let assignments = store.assignments_of(sub.id)?;
    if assignments.len() != sub.assigned as usize {
        return Err(assigned_mismatch(sub.id, sub.assigned, assignments.len()));
    }
    Ok(assignments)
}

/// A subscription whose count of assigned licenses is not what it holds (exit 5).
pub(crate) fn assigned_mismatch(id: SubscriptionId, records: u32, holds: usize) -> Error {
    Error::database(text!(
        "error-assigned-mismatch",
        id = id.to_string(),
        records = records,
        holds = holds
    ))
}

/// `from` as a move leaves it: no users, Deleted, cancelled as moving-to-central, not renewing.
pub(crate) fn moved_out(mut from: Subscription, now: DateTime<Utc>) -> Subscription {
    from.assigned = 0;
    from.status = Status::Deleted;
    from.status_since = now.date_naive();
    from.cancellation = Some(CancelReason::MovingToCentral);
    from.auto_renew = false;
    from
}

/// The e-mail telling `from`'s buyer that its `users` now get their licenses from the
/// organisation and that it is cancelled; None for a central subscription.
pub(crate) fn moved_email(
    store: &Store,
    actor: &Actor,
    from: &Subscription,
    from_ref: &SubRef,
    users: usize,
) -> Result<Option<PlannedEmail>> {
    buyer_email(
        store,
        actor,
        from,
        EmailKind::UsersMoved,
        crate::text!("mail-moved-subject", product = &from_ref.product_name),
        crate::text!(
            "mail-moved-body",
            product = &from_ref.product_name,
            id = from.id.to_string(),
            licenses = from.quantity,
            bought = from.start,
            users = users,
            reason = crate::mail::reason(CancelReason::MovingToCentral),
        ),
    )
}

/// What a subscription must be to receive `moving` users of `from`; the refusal says why not.
fn target_rules(
    from: &Subscription,
    from_ref: &SubRef,
    to: &Subscription,
    to_ref: &SubRef,
    moving: u32,
) -> Result<()> {
    let sub = to_ref.named();
    let why = match WhyNot::of(from, to, moving) {
        None => return Ok(()),
        Some(WhyNot::OtherProduct) => text!(
            "error-move-other-product",
            sub = sub,
            product = &to_ref.product_name,
            wanted = &from_ref.product_name,
            product_id = from.product_id.to_string()
        ),
        Some(WhyNot::NotActive(status)) => text!(
            "error-move-not-active",
            sub = sub,
            status = status.text(),
            product_id = from.product_id.to_string(),
            quantity = moving.max(1).to_string()
        ),
        Some(WhyNot::NotTakenOver) => text!(
            "error-move-not-taken-over",
            sub = sub,
            id = to.id.to_string()
        ),
        Some(WhyNot::NoRoom) => text!(
            "error-move-no-room",
            sub = sub,
            free = to.free(),
            moving = moving,
            more = moving - to.free()
        ),
    };
    Err(Error::refused(why))
}

/// A subscription the users of another could move to, as the move wizard lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoveTarget {
    pub subscription: SubRef,
    pub free: u32,
    /// Licenses missing for the move (0 when there is room).
    pub missing: u32,
    /// Why it cannot receive the users, or None where it can.
    pub refusal: Option<crate::i18n::Text>,
    /// The rule that refuses it, for a short word beside it (the refusal says it whole).
    pub why_not: Option<WhyNot>,
    /// A central, Active target short of licenses: a provisioned move can add the missing ones
    /// (the rules of `add_licenses`).
    pub can_add_missing: bool,
}

/// Which rule of `target_rules` refuses a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WhyNot {
    OtherProduct,
    NotActive(Status),
    NotTakenOver,
    NoRoom,
}

impl WhyNot {
    fn of(from: &Subscription, to: &Subscription, moving: u32) -> Option<WhyNot> {
        if to.product_id != from.product_id {
            Some(WhyNot::OtherProduct)
        } else if to.status != Status::Active {
            Some(WhyNot::NotActive(to.status))
        } else if to.origin.is_self_service() && to.taken_over.is_none() {
            Some(WhyNot::NotTakenOver)
        } else if to.free() < moving {
            Some(WhyNot::NoRoom)
        } else {
            None
        }
    }
}

/// Every other live subscription of `from`'s product, those that can receive its users first
/// (most free licenses first), each with the refusal `move_users` would give.
pub fn move_targets(store: &Store, actor: &Actor, from: SubscriptionId) -> Result<Vec<MoveTarget>> {
    actor.require(Capability::Read, crate::text!("core-do-read-subscriptions"))?;
    let from = load(store, from)?;
    let from_ref = sub_ref(store, &from)?;
    let from_users: HashSet<UserId> = store
        .assignments_of(from.id)?
        .into_iter()
        .map(|a| a.user)
        .collect();
    let mut targets = Vec::new();
    for to in store.subscriptions_of_product(&from.product_id)? {
        if to.id == from.id || to.status == Status::Deleted {
            continue;
        }
        // Users holding a license of `to` already need no free one there.
        let already = store
            .assignments_of(to.id)?
            .iter()
            .filter(|a| from_users.contains(&a.user))
            .count() as u32;
        let moving = from.assigned.saturating_sub(already);
        let to_ref = sub_ref(store, &to)?;
        let refusal = match target_rules(&from, &from_ref, &to, &to_ref, moving) {
            Ok(()) => None,
            Err(Error::Refused(why)) => Some(why),
            Err(e) => return Err(e),
        };
        let why_not = WhyNot::of(&from, &to, moving);
        targets.push(MoveTarget {
            free: to.free(),
            missing: moving.saturating_sub(to.free()),
            subscription: to_ref,
            refusal,
            why_not,
            can_add_missing: why_not == Some(WhyNot::NoRoom)
                && super::add_licenses::may_add_to(&to),
        });
    }
    targets.sort_by(|a, b| {
        a.refusal
            .is_some()
            .cmp(&b.refusal.is_some())
            .then(b.free.cmp(&a.free))
            .then(a.subscription.id.cmp(&b.subscription.id))
    });
    Ok(targets)
}

/// Inside the transaction: moves the planned assignments, cancels `from`, writes the audit
/// events and e-mails. The caller re-checks and writes `to`.
pub(crate) fn apply_move(
    tx: &Tx,
    plan: &MovePlan,
    writes: &MoveWrites,
    actor: &str,
    now: DateTime<Utc>,
) -> TxResult<()> {
    recheck(tx, &writes.from_before)?;
    let (from, to) = (plan.from.id, plan.to.id);
    for u in &plan.users {
        // `from` is unchanged, so each planned assignment is still there; the check is cheap.
        if !tx.remove_assignment(from, u.id)? {
            return abort(changed_meanwhile(from));
        }
        if tx.assignment(to, u.id)?.is_some() {
            return abort(changed_meanwhile(to));
        }
        tx.put_assignment(&Assignment {
            subscription: to,
            user: u.id,
            assigned_at: now,
        })?;
    }
    for u in &plan.already_in_target {
        if !tx.remove_assignment(from, u.id)? {
            return abort(changed_meanwhile(from));
        }
    }
    tx.put_subscription(&writes.from_after)?;
    for a in &plan.audit {
        write_audit(tx, actor, now, a)?;
    }
    for e in &plan.emails {
        write_email(tx, now, e)?;
    }
    Ok(())
}
