//! Asking a buyer to cancel their self-service subscription (the article's manual centralisation,
//! step 6): an e-mail in the outbox and its audit event, in one transaction. Nothing else
//! changes: the subscription stays the buyer's until they cancel it, or until an administrator
//! takes it over and cancels it.

use super::take_over::*;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::mail::{self, Mail};
use crate::model::*;
use crate::query::PaidTwice;
use crate::store::Store;
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AskCancelPlan {
    pub subscription: SubRef,
    /// Its users who hold a license of the product from another subscription too.
    pub paid_twice: Vec<UserRef>,
    /// Its users who would lose access if it were cancelled now.
    pub only_licensed_here: Vec<UserRef>,
    pub emails: Vec<PlannedEmail>,
    pub audit: Vec<PlannedAudit>,
}

/// E-mails the buyer of the self-service subscription `sub`, asking them to cancel it.
pub fn ask_cancel(
    store: &Store,
    actor: &Actor,
    sub: SubscriptionId,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<AskCancelPlan>> {
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-ask-cancel"),
        dry_run,
    )?;
    let s = load(store, sub)?;
    let subscription = sub_ref(store, &s)?;
    if !s.origin.is_self_service() {
        return Err(Error::refused(text!(
            "error-ask-cancel-central",
            sub = subscription.named(),
            id = s.id.to_string()
        )));
    }
    if s.status == Status::Deleted {
        return Err(Error::refused(text!(
            "error-cancel-deleted",
            sub = subscription.named()
        )));
    }
    let Some(buyer) = s.buyer.map(|b| store.user(b)).transpose()?.flatten() else {
        return Err(Error::refused(text!(
            "error-ask-cancel-buyer-gone",
            sub = subscription.named(),
            id = s.id.to_string()
        )));
    };
    let mut paid_twice = Vec::new();
    let mut only_licensed_here = Vec::new();
    let mut elsewhere = PaidTwice::new(store);
    for a in store.assignments_of(s.id)? {
        let user = user_ref(store, a.user)?;
        if elsewhere.check(a.user, &s)? {
            paid_twice.push(user);
        } else {
            only_licensed_here.push(user);
        }
    }
    let users = paid_twice.len() + only_licensed_here.len();
    let email = ask_cancel_email(
        store,
        actor,
        &s,
        &buyer,
        &subscription,
        paid_twice.len(),
        users,
    )?;
    let audit = PlannedAudit {
        action: "subscription.ask-cancel".into(),
        target: s.id.to_string(),
        before: Some(state(&s)),
        after: Some(format!(
            "{} asked to cancel it; {} of its {} paid twice",
            buyer.upn,
            paid_twice.len(),
            count(users as u64, "user")
        )),
    };
    let plan = AskCancelPlan {
        subscription,
        paid_twice,
        only_licensed_here,
        emails: vec![email],
        audit: vec![audit],
    };
    if !dry_run {
        let upn = &actor.user.upn;
        store.transact(|tx| {
            // Asking about a subscription that changed meanwhile would say the wrong thing.
            recheck(tx, &s)?;
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

/// The e-mail asking `buyer` to cancel `s`, of whose `users` `twice` are licensed centrally too.
fn ask_cancel_email(
    store: &Store,
    actor: &Actor,
    s: &Subscription,
    buyer: &User,
    subscription: &SubRef,
    twice: usize,
    users: usize,
) -> Result<PlannedEmail> {
    let product = &subscription.product_name;
    let bought = match mail::charge(s) {
        Some((amount, term)) => text!(
            "mail-ask-cancel-bought-paid",
            licenses = s.quantity,
            product = product,
            bought = s.start,
            id = s.id.to_string(),
            amount = amount,
            term = term,
        ),
        None => text!(
            "mail-ask-cancel-bought",
            licenses = s.quantity,
            product = product,
            bought = s.start,
            id = s.id.to_string(),
        ),
    };
    let covered = match (twice, users - twice) {
        (0, 0) => text!("mail-ask-cancel-unassigned"),
        (_, 0) => text!("mail-ask-cancel-all-twice", users = users),
        (0, _) => text!("mail-ask-cancel-all-central", users = users),
        (twice, _) => text!("mail-ask-cancel-some-twice", twice = twice, users = users),
    };
    let please = text!(
        "mail-ask-cancel-please",
        url = store.tenant().cloud.admin_center_url()
    );
    let mail = Mail::new(text!("mail-ask-cancel-subject", product = product))
        .paragraph([mail::hello(&buyer.display_name)])
        .paragraph([bought, covered, please])
        .paragraph([mail::questions(&actor.user.display_name, &actor.user.upn)]);
    Ok(PlannedEmail::new(
        store.language()?,
        buyer.upn.clone(),
        EmailKind::PleaseCancel,
        mail,
    ))
}
