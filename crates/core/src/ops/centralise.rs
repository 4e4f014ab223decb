//! Centralise a product as issue 4 had it: buy one central subscription sized for every user of
//! the product's live self-service subscriptions, move them all into it, cancel those
//! subscriptions and e-mail each buyer. One plan, one transaction.
//!
//! SPEC §2 rule 6 now reuses what the organisation owns first: that is `centralise_owned`, which
//! the command line uses. The dashboard still sends `Request::Centralise` here until its review
//! page shows `CentraliseOwnedPlan` (reused, added, bought); then this module goes.

use super::buy::{apply_buy, plan_buy, BuyPlan};
use super::move_users::{apply_move, plan_move, MovePlan};
use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CentralisePlan {
    pub product_id: ProductId,
    pub product_name: String,
    /// The central subscription bought, sized for every user moved.
    pub purchase: BuyPlan,
    /// One move per live self-service subscription, into the new central one.
    pub moves: Vec<MovePlan>,
    pub users_moved: u32,
    pub audit: Vec<PlannedAudit>,
}

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
        "centralise purchases",
        dry_run,
    )?;
    let p = store.product(&product.0)?;
    let live: Vec<Subscription> = store
        .subscriptions_of_product(&p.id)?
        .into_iter()
        .filter(|s| s.origin.is_self_service() && s.status != Status::Deleted)
        .collect();
    if live.is_empty() {
        return Err(Error::Refused(format!(
            "{} has no live self-service subscriptions: there is nothing to centralise",
            p.name
        )));
    }
    let total: u64 = live.iter().map(|s| u64::from(s.assigned)).sum();
    let total = u32::try_from(total).unwrap_or(u32::MAX);
    if total == 0 {
        return Err(Error::Refused(format!(
            "the self-service subscriptions of {} have no users to move; cancel them with `selfserve subscription cancel SUB --reason moving-to-central`",
            p.name
        )));
    }
    let (purchase, bought) = plan_buy(store, &p.id, total, term, now)?;
    // Each move is planned against the central subscription as the previous ones leave it.
    let mut central = bought.clone();
    let mut moves = Vec::with_capacity(live.len());
    let mut writes = Vec::with_capacity(live.len());
    for sub in live {
        let (m, w) = plan_move(store, actor, sub, &central, now)?;
        central = w.to_after.clone();
        moves.push(m);
        writes.push(w);
    }
    let audit = vec![PlannedAudit {
        action: "product.centralise".into(),
        target: p.id.to_string(),
        before: Some(format!(
            "{} live self-service subscriptions with {}",
            moves.len(),
            count(u64::from(total), "user")
        )),
        after: Some(format!(
            "central subscription {} holds them; the {} self-service subscriptions are Deleted (moving-to-central)",
            central.id,
            moves.len()
        )),
    }];
    let plan = CentralisePlan {
        product_id: p.id,
        product_name: p.name,
        purchase,
        moves,
        users_moved: total,
        audit,
    };
    if !dry_run {
        let upn = &actor.user.upn;
        store.transact(|tx| {
            apply_buy(tx, &plan.purchase, &bought, upn, now)?;
            for (m, w) in plan.moves.iter().zip(&writes) {
                apply_move(tx, m, w, upn, now)?;
            }
            tx.put_subscription(&central)?;
            for a in &plan.audit {
                write_audit(tx, upn, now, a)?;
            }
            Ok(())
        })?;
    }
    Ok(Outcome { dry_run, plan })
}
