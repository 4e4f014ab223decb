//! Taking over a self-service subscription (SPEC §2 rule 4): only then may administrators
//! assign, unassign, move or cancel its licenses.
//!
//! Also what the operations of this family share: the plan types a dry run returns, the
//! "changed meanwhile" re-check, and writing a planned audit event or e-mail.

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Text};
use crate::mail::{self, Mail};
use crate::model::*;
use crate::store::{abort, Store, Tx, TxResult};
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What an operation did, or with `dry_run` would do: the very plan the real run carries out.
/// In JSON the plan's fields stand beside `dry_run` (`formats`).
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<P> {
    pub dry_run: bool,
    pub plan: P,
}

/// A subscription as a plan names it (its state before the change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubRef {
    pub id: SubscriptionId,
    pub product_id: ProductId,
    pub product_name: String,
    pub origin: Origin,
    /// The buyer's UPN; none for central subscriptions.
    pub buyer: Option<String>,
    pub status: Status,
    pub quantity: u32,
    pub assigned: u32,
}

impl SubRef {
    /// "Power BI Pro subscription 3f2a1b2c…", as refusals name it.
    pub fn named(&self) -> Text {
        named(&self.product_name, self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    pub id: UserId,
    pub display_name: String,
    pub user_principal_name: String,
}

/// An e-mail the operation puts in the outbox. `subject` and `body` are worded in the tenant's
/// language when planned; the transaction that writes it words `mail` again in the language it
/// reads, which is what the outbox gets.
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
pub struct PlannedEmail {
    pub to: String,
    pub subject: String,
    pub kind: EmailKind,
    pub body: String,
    /// The messages; only the core that planned the e-mail writes it, so they never travel.
    #[serde(skip)]
    pub(crate) mail: Option<Mail>,
}

/// Two planned e-mails are the same when they say the same: `mail` only words them again.
impl PartialEq for PlannedEmail {
    fn eq(&self, other: &PlannedEmail) -> bool {
        (&self.to, &self.subject, self.kind, &self.body)
            == (&other.to, &other.subject, other.kind, &other.body)
    }
}

impl PlannedEmail {
    /// `mail` to `to`, worded in `lang` for the plan.
    pub(crate) fn new(lang: Lang, to: String, kind: EmailKind, mail: Mail) -> PlannedEmail {
        let (subject, body) = mail.render(lang);
        PlannedEmail {
            to,
            subject,
            kind,
            body,
            mail: Some(mail),
        }
    }
}

/// An audit event the operation records, in the same transaction as the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedAudit {
    pub action: String,
    pub target: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// `take_over`'s plan. With `already_taken_over`, nothing changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TakeOverPlan {
    pub subscription: SubRef,
    pub already_taken_over: bool,
    pub taken_over_by: String,
    pub taken_over_at: DateTime<Utc>,
    pub audit: Vec<PlannedAudit>,
}

/// Marks a self-service subscription as taken over by the acting administrator.
/// Taking over one already taken over changes nothing and says by whom.
pub fn take_over(
    store: &Store,
    actor: &Actor,
    sub: SubscriptionId,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Outcome<TakeOverPlan>> {
    actor.require_change(
        Capability::ManageSubscriptions,
        crate::text!("core-do-take-over"),
        dry_run,
    )?;
    let before = load(store, sub)?;
    let subscription = sub_ref(store, &before)?;
    // `after` is what gets written; None where the subscription is taken over already.
    let (plan, after) = match plan_take_over(store, actor, &before, now)? {
        Some((after, audit)) => (
            TakeOverPlan {
                subscription,
                already_taken_over: false,
                taken_over_by: actor.user.upn.clone(),
                taken_over_at: now,
                audit: vec![audit],
            },
            Some(after),
        ),
        None => {
            let by = before.taken_over.as_ref().map(|t| t.by);
            let at = before.taken_over.as_ref().map_or(now, |t| t.at);
            let by = match by {
                Some(id) => store.user(id)?.map(|u| u.upn).unwrap_or_default(),
                None => String::new(),
            };
            let plan = TakeOverPlan {
                subscription,
                already_taken_over: true,
                taken_over_by: by,
                taken_over_at: at,
                audit: Vec::new(),
            };
            (plan, None)
        }
    };
    if let (false, Some(after)) = (dry_run, &after) {
        let upn = &actor.user.upn;
        store.transact(|tx| {
            recheck(tx, &before)?;
            tx.put_subscription(after)?;
            for a in &plan.audit {
                write_audit(tx, upn, now, a)?;
            }
            Ok(())
        })?;
    }
    Ok(Outcome { dry_run, plan })
}

/// The taken-over subscription and its audit event, or None where it is taken over already.
/// Refuses central and Deleted subscriptions.
pub(crate) fn plan_take_over(
    store: &Store,
    actor: &Actor,
    sub: &Subscription,
    now: DateTime<Utc>,
) -> Result<Option<(Subscription, PlannedAudit)>> {
    let name = product_name(store, &sub.product_id)?;
    if !sub.origin.is_self_service() {
        return Err(Error::refused(text!(
            "error-take-over-central",
            sub = named(&name, sub.id)
        )));
    }
    if sub.status == Status::Deleted {
        return Err(Error::refused(text!(
            "error-take-over-deleted",
            sub = named(&name, sub.id)
        )));
    }
    if sub.taken_over.is_some() {
        return Ok(None);
    }
    let mut after = sub.clone();
    after.taken_over = Some(TakeOver {
        by: actor.user.id,
        at: now,
    });
    let audit = PlannedAudit {
        action: "subscription.take-over".into(),
        target: sub.id.to_string(),
        before: Some(state(sub)),
        after: Some(format!(
            "{}, taken over by {}",
            state(&after),
            actor.user.upn
        )),
    };
    Ok(Some((after, audit)))
}

/// A subscription by id, or NotFound.
pub(crate) fn load(store: &Store, id: SubscriptionId) -> Result<Subscription> {
    store
        .subscription(id)?
        .ok_or_else(|| Error::not_found(text!("error-no-subscription", id = id.to_string())))
}

pub(crate) fn product_name(store: &Store, id: &ProductId) -> Result<String> {
    Ok(store.product(&id.0)?.name)
}

pub(crate) fn sub_ref(store: &Store, sub: &Subscription) -> Result<SubRef> {
    let buyer = match sub.buyer {
        Some(id) => store.user(id)?.map(|u| u.upn),
        None => None,
    };
    Ok(SubRef {
        id: sub.id,
        product_id: sub.product_id.clone(),
        product_name: product_name(store, &sub.product_id)?,
        origin: sub.origin,
        buyer,
        status: sub.status,
        quantity: sub.quantity,
        assigned: sub.assigned,
    })
}

pub(crate) fn user_ref(store: &Store, id: UserId) -> Result<UserRef> {
    Ok(match store.user(id)? {
        Some(u) => UserRef {
            id,
            display_name: u.display_name,
            user_principal_name: u.upn,
        },
        None => UserRef {
            id,
            display_name: format!("(unknown user {id})"),
            user_principal_name: String::new(),
        },
    })
}

/// "Power BI Pro subscription 3f2a1b2c…".
pub(crate) fn named(product_name: &str, id: SubscriptionId) -> Text {
    let short: String = id.to_string().chars().take(8).collect();
    text!(
        "core-subscription-named",
        product = product_name,
        id = short
    )
}

/// "2 free licenses", "1 user": the ops' messages count with the crate's one helper.
pub(crate) use crate::words::count;

/// One line on a subscription's state for audit events.
pub(crate) fn state(sub: &Subscription) -> String {
    let mut s = format!(
        "{} {}, {} of {} assigned",
        sub.origin.as_str(),
        sub.status.as_str(),
        sub.assigned,
        count(u64::from(sub.quantity), "license")
    );
    if let Some(reason) = sub.cancellation {
        s.push_str(&format!(", cancelled ({})", reason.as_str()));
    }
    s
}

/// At most ten UPNs, then how many more: audit events of big moves stay readable.
pub(crate) fn some_users(users: &[UserRef]) -> String {
    let mut s: Vec<&str> = users
        .iter()
        .take(10)
        .map(|u| u.user_principal_name.as_str())
        .collect();
    let more = users.len().saturating_sub(10);
    let more = (more > 0).then(|| format!("and {more} more"));
    s.extend(more.as_deref());
    s.join(", ")
}

/// Inside the transaction: the subscription must be exactly as it was planned from, or nothing
/// is written (someone assigned, moved or cancelled in between).
pub(crate) fn recheck(tx: &Tx, planned: &Subscription) -> TxResult<()> {
    if tx.subscription(planned.id)?.as_ref() != Some(planned) {
        return abort(changed_meanwhile(planned.id));
    }
    Ok(())
}

pub(crate) fn changed_meanwhile(id: SubscriptionId) -> Error {
    Error::refused(text!("error-changed-meanwhile", id = id.to_string()))
}

pub(crate) fn write_audit(
    tx: &Tx,
    actor: &str,
    now: DateTime<Utc>,
    a: &PlannedAudit,
) -> TxResult<()> {
    tx.audit(AuditEvent {
        id: 0,
        at: now,
        actor: actor.to_string(),
        action: a.action.clone(),
        target: a.target.clone(),
        before: a.before.clone(),
        after: a.after.clone(),
    })
}

pub(crate) fn write_email(tx: &Tx, now: DateTime<Utc>, e: &PlannedEmail) -> TxResult<()> {
    // In the tenant's language as this transaction reads it, whatever it was when planned.
    let (subject, body) = match &e.mail {
        Some(mail) => mail.render(tx.language()?),
        None => (e.subject.clone(), e.body.clone()),
    };
    tx.email(Email::pending(e.to.clone(), subject, body, e.kind, now))
}

/// The e-mail telling a buyer their subscription was cancelled by an administrator, or None
/// for a central subscription (no buyer) or a buyer no longer in the directory.
pub(crate) fn buyer_email(
    store: &Store,
    actor: &Actor,
    sub: &Subscription,
    kind: EmailKind,
    subject: Text,
    what_happened: Text,
) -> Result<Option<PlannedEmail>> {
    let Some(buyer) = sub.buyer.map(|b| store.user(b)).transpose()?.flatten() else {
        return Ok(None);
    };
    let mail = Mail::new(subject)
        .paragraph([mail::hello(&buyer.display_name)])
        .paragraph([what_happened])
        .paragraph([
            text!("mail-not-charged"),
            mail::questions(&actor.user.display_name, &actor.user.upn),
        ]);
    Ok(Some(PlannedEmail::new(
        store.language()?,
        buyer.upn,
        kind,
        mail,
    )))
}
