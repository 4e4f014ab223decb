//! Cancelling a subscription with a reason from the fixed list (SPEC §2 rule 5): its users lose
//! their licenses, it shows Deleted, and its buyer gets an e-mail, in one transaction.

use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::{abort, Store};
use crate::text;
use crate::words::agree;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CancelPlan {
    pub subscription: SubRef,
    pub reason: CancelReason,
    /// Whether a self-service subscription is taken over by this cancellation (it was not yet).
    pub takes_over: bool,
    /// The users who lose their license.
    pub users: Vec<UserRef>,
    pub status_after: Status,
    pub emails: Vec<PlannedEmail>,
    pub audit: Vec<PlannedAudit>,
}

/// Cancels `sub` for `reason`. A self-service subscription is taken over first if need be.
pub fn cancel(
    store: &Store,
    actor: &Actor,
    sub: SubscriptionId,
    reason: CancelReason,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<CancelPlan>> {
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-cancel"),
        dry_run,
    )?;
    let before = load(store, sub)?;
    let subscription = sub_ref(store, &before)?;
    if before.status == Status::Deleted {
        return Err(Error::refused(text!(
            "error-cancel-deleted",
            sub = subscription.named()
        )));
    }
    let taken = if before.origin.is_self_service() {
        plan_take_over(store, actor, &before, now)?
    } else {
        None
    };
    let takes_over = taken.is_some();
    let (mut after, take_over_audit) = match taken {
        Some((after, audit)) => (after, Some(audit)),
        None => (before.clone(), None),
    };
    let assignments = store.assignments_of(sub)?;
    if assignments.len() != before.assigned as usize {
        return Err(super::move_users::assigned_mismatch(
            sub,
            before.assigned,
            assignments.len(),
        ));
    }
    let users = assignments
        .iter()
        .map(|a| user_ref(store, a.user))
        .collect::<Result<Vec<_>>>()?;
    after.assigned = 0;
    after.status = Status::Deleted;
    after.status_since = now.date_naive();
    after.cancellation = Some(reason);
    after.auto_renew = false;

    let mut audit: Vec<PlannedAudit> = take_over_audit.into_iter().collect();
    audit.push(PlannedAudit {
        action: "subscription.cancel".into(),
        target: sub.to_string(),
        before: Some(state(&before)),
        after: Some(if users.is_empty() {
            state(&after)
        } else {
            format!(
                "{}; {} lost their {}: {}",
                state(&after),
                count(users.len() as u64, "user"),
                agree(users.len() as u64, "license", "licenses"),
                some_users(&users)
            )
        }),
    });
    let emails: Vec<PlannedEmail> = buyer_email(
        store,
        actor,
        &before,
        EmailKind::SubscriptionCancelled,
        crate::text!(
            "mail-cancelled-subject",
            product = &subscription.product_name
        ),
        crate::text!(
            "mail-cancelled-body",
            product = &subscription.product_name,
            id = sub.to_string(),
            licenses = before.quantity,
            bought = before.start,
            reason = crate::mail::reason(reason),
            users = users.len(),
        ),
    )?
    .into_iter()
    .collect();

    let plan = CancelPlan {
        subscription,
        reason,
        takes_over,
        users,
        status_after: Status::Deleted,
        emails,
        audit,
    };
    if !dry_run {
        let upn = &actor.user.upn;
        store.transact(|tx| {
            recheck(tx, &before)?;
            for u in &plan.users {
                if !tx.remove_assignment(sub, u.id)? {
                    return abort(changed_meanwhile(sub));
                }
            }
            tx.put_subscription(&after)?;
            for a in &plan.audit {
                write_audit(tx, upn, now, a)?;
            }
            for e in &plan.emails {
                write_email(tx, now, e)?;
            }
            Ok(())
        })?;
    }
    Ok(Outcome { dry_run, plan })
}
