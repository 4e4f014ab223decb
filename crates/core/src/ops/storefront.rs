//! The users' side of the workflow: a directory user buys or starts a trial on their own
//! (SPEC §2 rules 1, 2 and 3). An administrator with `GlobalAdministrator` or
//! `BillingAdministrator` runs it on the user's behalf, to simulate or to reproduce what a user
//! did; a `GlobalReader` only reads (rule 7), so it may not.

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::mail::Mail;
use crate::model::*;
use crate::query::{self, SubscriptionRow};
use crate::store::{abort, Store, Tx, TxResult};
use crate::text;
use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Licenses a self-service trial holds, as in the admin center.
pub const TRIAL_LICENSES: u32 = 25;
/// The most licenses one self-service purchase may hold.
pub const MAX_QUANTITY: u32 = 10_000;

/// `storefront purchase --user UPN PRODUCT --quantity N --card LAST4 [--term T]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purchase {
    pub user: String,
    pub product: String,
    pub quantity: u32,
    pub card_last4: String,
    pub term: Term,
}

/// `storefront trial --user UPN PRODUCT [--card LAST4]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trial {
    pub user: String,
    pub product: String,
    pub card_last4: Option<String>,
}

/// What a user asks the storefront for, as rule 3 tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attempt {
    Purchase,
    TrialWithCard,
    TrialWithoutCard,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorefrontOutcome {
    pub subscription: SubscriptionRow,
    /// Whether the buyer got one of the licenses (not when they already hold one of the product).
    pub buyer_licensed: bool,
    /// Administrators told of the tenant's first trial of this product.
    pub admins_notified: Vec<String>,
}

/// Rule 3: whether `policy` lets a user make `attempt`; the refusal names the rule.
pub fn policy_permits(product: &Product, policy: PolicyValue, attempt: Attempt) -> Result<()> {
    let allowed = match policy {
        PolicyValue::Enabled => true,
        PolicyValue::OnlyTrialsWithoutPaymentMethod => attempt == Attempt::TrialWithoutCard,
        PolicyValue::Disabled => false,
    };
    if allowed {
        return Ok(());
    }
    let what = match policy {
        PolicyValue::Disabled => "error-policy-so-neither",
        _ if attempt == Attempt::TrialWithCard && product.trial_without_payment_method => {
            "error-policy-so-trials-leave-card"
        }
        _ => "error-policy-so-trials-only",
    };
    Err(Error::refused(text!(
        "error-policy-forbids",
        product = &product.name,
        product_id = product.id.to_string(),
        value = policy.as_str(),
        words = policy,
        so = text!(what)
    )))
}

/// Rule 2: a trial without a payment method needs the tenant's agreement and a product that offers one.
pub fn cardless_trial_permitted(tenant: &Tenant, product: &Product) -> Result<()> {
    if !product.trial_without_payment_method {
        return Err(Error::refused(text!(
            "error-trial-needs-card",
            product = &product.name
        )));
    }
    if !tenant.existing_agreement {
        return Err(Error::refused(text!(
            "error-trial-needs-agreement",
            tenant = &tenant.display_name
        )));
    }
    Ok(())
}

fn card(last4: &str) -> Result<PaymentMethod> {
    let last4 = last4.trim();
    if last4.len() == 4 && last4.bytes().all(|b| b.is_ascii_digit()) {
        Ok(PaymentMethod::Card {
            last4: last4.to_string(),
        })
    } else {
        Err(Error::usage(text!(
            "error-not-a-card",
            given = last4.escape_debug().to_string()
        )))
    }
}

fn too_late(today: NaiveDate) -> Error {
    Error::usage(text!("error-clock-too-late-term", today = today))
}

/// The buyer, who must be enabled in the directory.
fn buyer(store: &Store, upn: &str) -> Result<User> {
    let user = store.user_by_upn(upn)?;
    if !user.enabled {
        return Err(Error::refused(text!(
            "error-buyer-disabled",
            upn = &user.upn
        )));
    }
    Ok(user)
}

/// The subscriptions of `product` whose license `user` holds (two while they are paid twice).
fn held_licenses(store: &Store, user: UserId, product: &ProductId) -> Result<Vec<SubscriptionId>> {
    let mut held = Vec::new();
    for id in store.licenses_of_user(user)? {
        if store
            .subscription(id)?
            .is_some_and(|s| s.product_id == *product)
        {
            held.push(id);
        }
    }
    Ok(held)
}

/// Re-checks inside the transaction the licenses read before it.
fn still_holds(tx: &Tx, user: UserId, held: &[SubscriptionId]) -> TxResult<bool> {
    for &id in held {
        if tx.assignment(id, user)?.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Everything a new self-service subscription needs, checked, before the transaction.
struct NewSubscription {
    sub: Subscription,
    product: Product,
    buyer: User,
    held: Vec<SubscriptionId>,
    /// Set for a trial: refuse rather than start a trial the buyer could not use.
    refuse_if_held: bool,
    /// Admins (UPNs) to tell of the tenant's first trial of the product; empty otherwise.
    notify: Vec<String>,
    action: &'static str,
    summary: String,
}

pub fn purchase(
    store: &Store,
    actor: &Actor,
    req: &Purchase,
    now: DateTime<Utc>,
) -> Result<StorefrontOutcome> {
    actor.require(
        Capability::ManageSubscriptions,
        crate::text!("core-do-storefront"),
    )?;
    if req.quantity == 0 || req.quantity > MAX_QUANTITY {
        return Err(Error::usage(text!(
            "error-purchase-quantity",
            max = MAX_QUANTITY,
            quantity = req.quantity
        )));
    }
    // Rule 1: a purchase needs a payment method.
    let payment_method = card(&req.card_last4)?;
    let product = store.product(&req.product)?;
    policy_permits(&product, store.policy(&product.id)?, Attempt::Purchase)?;
    let buyer = buyer(store, &req.user)?;
    let today = now.date_naive();
    let expires = today
        .checked_add_months(Months::new(req.term.months()))
        .ok_or_else(|| too_late(today))?;
    let unit = Money::new(product.list_price(req.term), &store.tenant().currency);
    let summary = format!(
        "{} bought {} x {} at {} per license per {} term, {payment_method}, renews {expires}",
        buyer.upn,
        req.quantity,
        product.name,
        unit,
        req.term.as_str()
    );
    let sub = Subscription {
        id: SubscriptionId(Uuid::new_v4()),
        product_id: product.id.clone(),
        origin: Origin::SelfServicePurchase,
        buyer: Some(buyer.id),
        quantity: req.quantity,
        assigned: 0,
        price: Price {
            amount: unit,
            term: req.term,
        },
        start: today,
        expires,
        // Rule 1: purchases renew at the end of their term.
        auto_renew: true,
        payment_method,
        status: Status::Active,
        status_since: today,
        taken_over: None,
        cancellation: None,
    };
    let held = held_licenses(store, buyer.id, &product.id)?;
    create(
        store,
        actor,
        NewSubscription {
            sub,
            product,
            buyer,
            held,
            refuse_if_held: false,
            notify: Vec::new(),
            action: "storefront.purchase",
            summary,
        },
        now,
    )
}

pub fn trial(
    store: &Store,
    actor: &Actor,
    req: &Trial,
    now: DateTime<Utc>,
) -> Result<StorefrontOutcome> {
    actor.require(
        Capability::ManageSubscriptions,
        crate::text!("core-do-storefront"),
    )?;
    let payment_method = match &req.card_last4 {
        Some(last4) => card(last4)?,
        None => PaymentMethod::None,
    };
    let with_card = payment_method != PaymentMethod::None;
    let product = store.product(&req.product)?;
    let attempt = if with_card {
        Attempt::TrialWithCard
    } else {
        Attempt::TrialWithoutCard
    };
    policy_permits(&product, store.policy(&product.id)?, attempt)?;
    if !with_card {
        cardless_trial_permitted(store.tenant(), &product)?;
    }
    let buyer = buyer(store, &req.user)?;
    let held = held_licenses(store, buyer.id, &product.id)?;
    if !held.is_empty() {
        return Err(already_licensed(&buyer, &product));
    }
    let today = now.date_naive();
    let expires = today
        .checked_add_days(Days::new(u64::from(product.trial_days)))
        .ok_or_else(|| too_late(today))?;
    // A trial with a card is priced as the monthly purchase it converts to (rule 2); one without
    // a card costs nothing and ends.
    let price = if with_card { product.monthly_price } else { 0 };
    let first_trial = !store
        .subscriptions_of_product(&product.id)?
        .iter()
        .any(|s| s.origin == Origin::SelfServiceTrial);
    let notify = if first_trial {
        admin_upns(store, |_| true)?
    } else {
        Vec::new()
    };
    let summary = format!(
        "{} started a {}-day trial of {} ({TRIAL_LICENSES} licenses), {payment_method}, {} {expires}",
        buyer.upn,
        product.trial_days,
        product.name,
        if with_card {
            "converts to paid on"
        } else {
            "ends on"
        }
    );
    let sub = Subscription {
        id: SubscriptionId(Uuid::new_v4()),
        product_id: product.id.clone(),
        origin: Origin::SelfServiceTrial,
        buyer: Some(buyer.id),
        quantity: TRIAL_LICENSES,
        assigned: 0,
        price: Price {
            amount: Money::new(price, &store.tenant().currency),
            term: Term::Monthly,
        },
        start: today,
        expires,
        // Rule 2: with a card it converts at its end; without one it does not renew.
        auto_renew: with_card,
        payment_method,
        status: Status::Active,
        status_since: today,
        taken_over: None,
        cancellation: None,
    };
    create(
        store,
        actor,
        NewSubscription {
            sub,
            product,
            buyer,
            held,
            refuse_if_held: true,
            notify,
            action: "storefront.trial",
            summary,
        },
        now,
    )
}

fn already_licensed(buyer: &User, product: &Product) -> Error {
    Error::refused(text!(
        "error-trial-already-licensed",
        upn = &buyer.upn,
        product = &product.name
    ))
}

/// The UPNs of the administrators whose role passes `which`, once each, in login order.
pub(crate) fn admin_upns(store: &Store, which: impl Fn(Role) -> bool) -> Result<Vec<String>> {
    let mut upns: Vec<String> = Vec::new();
    for admin in store.admins()? {
        if !which(admin.role) {
            continue;
        }
        if let Some(user) = store.user(admin.user)? {
            if !upns.contains(&user.upn) {
                upns.push(user.upn);
            }
        }
    }
    Ok(upns)
}

fn create(
    store: &Store,
    actor: &Actor,
    new: NewSubscription,
    now: DateTime<Utc>,
) -> Result<StorefrontOutcome> {
    let NewSubscription {
        sub,
        product,
        buyer,
        held,
        refuse_if_held,
        notify,
        action,
        summary,
    } = new;
    // Rule 12: every GlobalAdministrator and BillingAdministrator hears of it, unless the
    // tenant turned the notice off (read inside the transaction).
    let billing = admin_upns(store, |r| {
        matches!(r, Role::GlobalAdministrator | Role::BillingAdministrator)
    })?;
    let notice = purchase_notice_mail(&buyer, &product, &sub, now);
    let licensed = store.transact(|tx| {
        let holds = still_holds(tx, buyer.id, &held)?;
        if holds && refuse_if_held {
            return abort(already_licensed(&buyer, &product));
        }
        let mut sub = sub.clone();
        if !holds {
            tx.put_assignment(&Assignment {
                subscription: sub.id,
                user: buyer.id,
                assigned_at: now,
            })?;
            sub.assigned = 1;
        }
        tx.put_subscription(&sub)?;
        tx.audit(AuditEvent {
            id: 0,
            at: now,
            actor: actor.user.upn.clone(),
            action: action.to_string(),
            target: sub.id.to_string(),
            before: None,
            after: Some(summary.clone()),
        })?;
        // In the tenant's language as this transaction reads it.
        let (subject, body) = first_trial_mail(&buyer, &product, &sub, now).render(tx.language()?);
        for to in &notify {
            tx.email(Email::pending(
                to.clone(),
                subject.clone(),
                body.clone(),
                EmailKind::FirstTrial,
                now,
            ))?;
        }
        if tx.purchase_notice()? {
            let (subject, body) = notice.render(tx.language()?);
            for to in &billing {
                tx.email(Email::pending(
                    to.clone(),
                    subject.clone(),
                    body.clone(),
                    EmailKind::Notice,
                    now,
                ))?;
            }
        }
        Ok(!holds)
    })?;
    let subscription = query::subscription_detail(store, actor, &sub.id.to_string(), now)?.row;
    Ok(StorefrontOutcome {
        subscription,
        buyer_licensed: licensed,
        admins_notified: notify,
    })
}

/// The notice of a self-service purchase or trial to the administrators who pay (rule 12):
/// product, buyer, quantity, price and the date it renews, converts or ends.
fn purchase_notice_mail(
    buyer: &User,
    product: &Product,
    sub: &Subscription,
    now: DateTime<Utc>,
) -> Mail {
    let term = crate::text!(match sub.price.term {
        Term::Monthly => "spend-term-month",
        Term::Annual => "spend-term-year",
    });
    let total = Money::new(
        sub.price
            .amount
            .minor
            .saturating_mul(i64::from(sub.quantity)),
        &sub.price.amount.currency,
    );
    let (subject, body) = match (sub.origin, &sub.payment_method) {
        (Origin::SelfServiceTrial, PaymentMethod::None) => {
            ("spend-notice-trial-subject", "spend-notice-trial-free-body")
        }
        (Origin::SelfServiceTrial, _) => {
            ("spend-notice-trial-subject", "spend-notice-trial-card-body")
        }
        _ => (
            "spend-notice-purchase-subject",
            "spend-notice-purchase-body",
        ),
    };
    Mail::new(crate::text!(
        subject,
        product = &product.name,
        buyer = &buyer.display_name
    ))
    .paragraph([crate::text!(
        body,
        buyer = &buyer.display_name,
        buyer_upn = &buyer.upn,
        product = &product.name,
        quantity = sub.quantity,
        on = now.date_naive(),
        price = &sub.price.amount,
        term = term,
        total = total,
        renews = sub.expires,
    )])
    .paragraph([crate::text!("spend-notice-see", id = sub.id.to_string())])
}

/// The notice to the administrators of a product's first self-service trial.
fn first_trial_mail(
    buyer: &User,
    product: &Product,
    sub: &Subscription,
    now: DateTime<Utc>,
) -> Mail {
    Mail::new(crate::text!(
        "mail-first-trial-subject",
        product = &product.name
    ))
    .paragraph([crate::text!(
        "mail-first-trial-body",
        buyer = &buyer.display_name,
        buyer_upn = &buyer.upn,
        product = &product.name,
        on = now.date_naive(),
        id = sub.id.to_string(),
        product_id = product.id.0.as_str(),
    )])
}
