//! The move wizard's move when no subscription has room (SPEC §2 rule 6, issue 10): the licenses
//! a central target lacks are added to it, or, where the product has no central subscription to
//! grow, one is bought for the move's users; then the users move. The purchase is part of the
//! plan and happens with the move, in one transaction, or not at all.

use super::add_licenses::{plan_add, AddLicensesPlan};
use super::buy::{apply_buy, plan_buy, BuyPlan};
use super::move_users::{apply_move, plan_move, MovePlan};
use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Where the licenses of a provisioned move come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provision {
    /// Move to `to`, a central subscription, adding the licenses it lacks first.
    AddMissing { to: SubscriptionId },
    /// Move to a central subscription bought for the move's users, for `term`.
    Buy { term: Term },
}

/// Boxed parts: the plan travels in a `Response` beside much smaller ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvisionedMovePlan {
    /// Licenses added to the target; None where it had room.
    pub added: Option<Box<AddLicensesPlan>>,
    /// The central subscription bought for the move.
    pub bought: Option<Box<BuyPlan>>,
    pub moved: MovePlan,
}

/// Moves every user of `from` to the subscription `provision` names or buys, then cancels `from`.
pub fn move_users_provisioned(
    store: &Store,
    actor: &Actor,
    from: SubscriptionId,
    provision: Provision,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<ProvisionedMovePlan>> {
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-move-users"),
        dry_run,
    )?;
    let from_sub = load(store, from)?;
    let upn = &actor.user.upn;
    match provision {
        Provision::AddMissing { to } => {
            let to_sub = load(store, to)?;
            // Users holding a license of `to` already need no new one there.
            let in_to: HashSet<UserId> = store
                .assignments_of(to)?
                .into_iter()
                .map(|a| a.user)
                .collect();
            let moving = store
                .assignments_of(from)?
                .iter()
                .filter(|a| !in_to.contains(&a.user))
                .count() as u32;
            let missing = moving.saturating_sub(to_sub.free());
            let (added, target) = if missing > 0 {
                let (plan, grown) = plan_add(store, &to_sub, missing)?;
                (Some(Box::new(plan)), grown)
            } else {
                (None, to_sub.clone())
            };
            let (moved, writes) = plan_move(store, actor, from_sub, &target, now)?;
            let plan = ProvisionedMovePlan {
                added,
                bought: None,
                moved,
            };
            if !dry_run {
                store.transact(|tx| {
                    recheck(tx, &to_sub)?;
                    for a in plan.added.iter().flat_map(|a| &a.audit) {
                        write_audit(tx, upn, now, a)?;
                    }
                    apply_move(tx, &plan.moved, &writes, upn, now)?;
                    tx.put_subscription(&writes.to_after)
                })?;
            }
            Ok(Outcome { dry_run, plan })
        }
        Provision::Buy { term } => {
            if from_sub.assigned == 0 {
                return Err(Error::refused(text!(
                    "error-buy-for-no-users",
                    sub = sub_ref(store, &from_sub)?.named(),
                    id = from_sub.id.to_string()
                )));
            }
            let (bought, sub) =
                plan_buy(store, &from_sub.product_id, from_sub.assigned, term, now)?;
            let (moved, writes) = plan_move(store, actor, from_sub, &sub, now)?;
            let plan = ProvisionedMovePlan {
                added: None,
                bought: Some(Box::new(bought)),
                moved,
            };
            if !dry_run {
                store.transact(|tx| {
                    if let Some(b) = &plan.bought {
                        apply_buy(tx, b, &sub, upn, now)?;
                    }
                    apply_move(tx, &plan.moved, &writes, upn, now)?;
                    tx.put_subscription(&writes.to_after)
                })?;
            }
            Ok(Outcome { dry_run, plan })
        }
    }
}
