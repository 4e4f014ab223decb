//! Assigning and unassigning licenses (SPEC §1, §2 rule 4): never on a self-service subscription
//! that is not taken over, never beyond its quantity, never a second license of one subscription.
//! A user may hold licenses of one product from two subscriptions: the article's manual
//! centralisation assigns the central license first, then asks the buyer to cancel; until then
//! the user is "paid twice", and the plan names them.

use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::query::PaidTwice;
use crate::store::{abort, Store};
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LicenseChange {
    Assign,
    Unassign,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LicensePlan {
    pub change: LicenseChange,
    pub subscription: SubRef,
    pub users: Vec<UserRef>,
    pub assigned_after: u32,
    pub free_after: u32,
    pub audit: Vec<PlannedAudit>,
    /// Users assigned who hold a license of the product from another live subscription too:
    /// paid twice until that one is cancelled (`ask_cancel`). Empty for an unassignment.
    pub paid_twice: Vec<UserRef>,
}

/// Gives each of `users` a license of `sub`.
pub fn assign(
    store: &Store,
    actor: &Actor,
    sub: SubscriptionId,
    users: &[UserId],
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<LicensePlan>> {
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-assign"),
        dry_run,
    )?;
    let before = load(store, sub)?;
    let subscription = sub_ref(store, &before)?;
    let users = distinct_users(store, users)?;
    manageable(&before, &subscription, LicenseChange::Assign)?;
    let n = users.len() as u32;
    if before.free() < n {
        return Err(Error::refused(text!(
            "error-assign-no-room",
            sub = subscription.named(),
            free = before.free(),
            users = n,
            more = n - before.free(),
            product_id = before.product_id.to_string(),
            quantity = (n - before.free()).to_string()
        )));
    }
    let held = store.assignments_of(sub)?;
    if let Some(u) = users.iter().find(|u| held.iter().any(|a| a.user == u.id)) {
        return Err(Error::refused(text!(
            "error-assign-already-held",
            upn = &u.user_principal_name,
            sub = subscription.named()
        )));
    }
    let mut paid_twice = Vec::new();
    let mut elsewhere = PaidTwice::new(store);
    for u in &users {
        if elsewhere.check(u.id, &before)? {
            paid_twice.push(u.clone());
        }
    }
    let mut after = before.clone();
    after.assigned += n;
    let plan = LicensePlan {
        change: LicenseChange::Assign,
        audit: vec![PlannedAudit {
            action: "license.assign".into(),
            target: sub.to_string(),
            before: Some(state(&before)),
            after: Some(format!(
                "{}; assigned to {}: {}",
                state(&after),
                count(u64::from(n), "user"),
                some_users(&users)
            )),
        }],
        assigned_after: after.assigned,
        free_after: after.free(),
        subscription,
        users,
        paid_twice,
    };
    if !dry_run {
        let upn = &actor.user.upn;
        store.transact(|tx| {
            recheck(tx, &before)?;
            for u in &plan.users {
                if tx.assignment(sub, u.id)?.is_some() {
                    return abort(changed_meanwhile(sub));
                }
                tx.put_assignment(&Assignment {
                    subscription: sub,
                    user: u.id,
                    assigned_at: now,
                })?;
            }
            tx.put_subscription(&after)?;
            for a in &plan.audit {
                write_audit(tx, upn, now, a)?;
            }
            Ok(())
        })?;
    }
    Ok(Outcome { dry_run, plan })
}

/// Takes the license of `sub` away from each of `users`.
pub fn unassign(
    store: &Store,
    actor: &Actor,
    sub: SubscriptionId,
    users: &[UserId],
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<LicensePlan>> {
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-unassign"),
        dry_run,
    )?;
    let before = load(store, sub)?;
    let subscription = sub_ref(store, &before)?;
    let users = distinct_users(store, users)?;
    manageable(&before, &subscription, LicenseChange::Unassign)?;
    for u in &users {
        if !store.licenses_of_user(u.id)?.contains(&sub) {
            return Err(Error::refused(text!(
                "error-unassign-not-held",
                upn = &u.user_principal_name,
                sub = subscription.named(),
                id = sub.to_string()
            )));
        }
    }
    let n = users.len() as u32;
    let mut after = before.clone();
    after.assigned = after.assigned.saturating_sub(n);
    let plan = LicensePlan {
        change: LicenseChange::Unassign,
        audit: vec![PlannedAudit {
            action: "license.unassign".into(),
            target: sub.to_string(),
            before: Some(state(&before)),
            after: Some(format!(
                "{}; unassigned from {}: {}",
                state(&after),
                count(u64::from(n), "user"),
                some_users(&users)
            )),
        }],
        assigned_after: after.assigned,
        free_after: after.free(),
        subscription,
        users,
        paid_twice: Vec::new(),
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
            Ok(())
        })?;
    }
    Ok(Outcome { dry_run, plan })
}

/// Whether administrators may change this subscription's licenses at all.
fn manageable(sub: &Subscription, r: &SubRef, change: LicenseChange) -> Result<()> {
    let change_word = match change {
        LicenseChange::Assign => "assign",
        LicenseChange::Unassign => "unassign",
    };
    if sub.status == Status::Deleted
        || (change == LicenseChange::Assign && sub.status == Status::Disabled)
    {
        return Err(Error::refused(text!(
            "error-licenses-status",
            sub = r.named(),
            status = sub.status.text(),
            change = change_word
        )));
    }
    if sub.origin.is_self_service() && sub.taken_over.is_none() {
        return Err(Error::refused(text!(
            "error-licenses-not-taken-over",
            sub = r.named(),
            change = change_word,
            id = sub.id.to_string()
        )));
    }
    Ok(())
}

/// The named users, each once; a user named twice is a usage error.
fn distinct_users(store: &Store, users: &[UserId]) -> Result<Vec<UserRef>> {
    if users.is_empty() {
        return Err(Error::usage(text!("error-no-user-named")));
    }
    let mut seen = HashSet::with_capacity(users.len());
    let mut out = Vec::with_capacity(users.len());
    for &id in users {
        let Some(u) = store.user(id)? else {
            return Err(Error::not_found(text!(
                "error-no-user-id",
                id = id.to_string()
            )));
        };
        if !seen.insert(id) {
            return Err(Error::usage(text!("error-user-named-twice", upn = &u.upn)));
        }
        out.push(UserRef {
            id,
            display_name: u.display_name,
            user_principal_name: u.upn,
        });
    }
    Ok(out)
}
