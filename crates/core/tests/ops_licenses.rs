//! License assignment, cancellation and central purchase: every rule and refusal, on real demo
//! databases.

mod common;
mod ops_support;

use chrono::NaiveDate;
use common::*;
use ops_support::*;
use selfserve_core::model::{
    CancelReason, EmailKind, Money, Origin, PaymentMethod, ProductId, Status, SubscriptionId, Term,
};
use selfserve_core::ops::assign::{assign, unassign};
use selfserve_core::ops::buy::buy_central;
use selfserve_core::ops::cancel::cancel;
use selfserve_core::ops::take_over::take_over;
use selfserve_core::Error;

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

fn buy(t: &Tenant, product: &str, quantity: u32) -> SubscriptionId {
    buy_central(
        &t.store,
        &t.actor(BILLING),
        &ProductId(product.into()),
        quantity,
        Term::Annual,
        now(),
        false,
    )
    .expect("buy")
    .plan
    .subscription
    .id
}

#[test]
fn buy_central_creates_an_invoiced_auto_renewing_subscription_at_the_catalogue_price() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let product = t.store.product(POWER_BI_PRO).expect("product");
    for (term, months) in [(Term::Annual, 12), (Term::Monthly, 1)] {
        let before = snapshot(&t.store);
        let dry = buy_central(&t.store, &billing, &product.id, 7, term, now(), true).expect("dry");
        assert_eq!(snapshot(&t.store), before, "a dry run changes nothing");
        assert_eq!(
            dry.plan.cost_per_term,
            Money::new(product.list_price(term) * 7, "EUR")
        );
        let out = buy_central(&t.store, &billing, &product.id, 7, term, now(), false).expect("buy");
        let s = get(&t.store, out.plan.subscription.id);
        assert_eq!(
            (s.origin, s.buyer, s.quantity, s.assigned),
            (Origin::Central, None, 7, 0)
        );
        assert_eq!(s.payment_method, PaymentMethod::Invoice);
        assert!(s.auto_renew);
        assert_eq!(s.status, Status::Active);
        assert_eq!(s.price.amount.minor, product.list_price(term));
        assert_eq!(s.price.amount.currency, "EUR");
        assert_eq!(s.price.term, term);
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        assert_eq!(s.start, today);
        assert_eq!(
            s.expires,
            today
                .checked_add_months(chrono::Months::new(months))
                .expect("date")
        );
        let last = audit_events(&t.store).pop().expect("audit");
        assert_eq!(
            (last.action.as_str(), last.target.clone()),
            ("subscription.buy", s.id.to_string())
        );
    }
    assert_clean(&t.store, &billing);
}

#[test]
fn buy_central_refuses_bad_quantities_unknown_products_and_readers() {
    let t = Tenant::demo();
    let p = ProductId(POWER_BI_PRO.into());
    let before = snapshot(&t.store);
    let admin = t.actor(ADMIN);
    usage(buy_central(
        &t.store,
        &admin,
        &p,
        0,
        Term::Annual,
        now(),
        false,
    ));
    usage(buy_central(
        &t.store,
        &admin,
        &p,
        1_000_001,
        Term::Annual,
        now(),
        false,
    ));
    let r = buy_central(
        &t.store,
        &admin,
        &ProductId("NOPE".into()),
        1,
        Term::Annual,
        now(),
        false,
    );
    assert!(matches!(r, Err(Error::NotFound(_))), "{r:?}");
    denied(buy_central(
        &t.store,
        &t.actor(READER),
        &p,
        1,
        Term::Annual,
        now(),
        false,
    ));
    assert_eq!(snapshot(&t.store), before);
}

#[test]
fn assign_and_unassign_keep_counts_and_indexes_in_step() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let p = ProductId(POWER_BI_PRO.into());
    let sub = buy(&t, POWER_BI_PRO, 5);
    let users = free_users(&t.store, &p, 3);

    let before = snapshot(&t.store);
    let dry = assign(&t.store, &billing, sub, &users, now(), true).expect("dry");
    assert_eq!(snapshot(&t.store), before);
    let out = assign(&t.store, &billing, sub, &users, now(), false).expect("assign");
    assert_eq!(out.plan, dry.plan);
    assert_eq!((out.plan.assigned_after, out.plan.free_after), (3, 2));
    assert_eq!(get(&t.store, sub).assigned, 3);
    for u in &users {
        assert_eq!(
            t.store
                .licenses_of_user(*u)
                .expect("licenses")
                .iter()
                .filter(|s| **s == sub)
                .count(),
            1
        );
    }
    assert_eq!(
        audit_events(&t.store).pop().expect("audit").action,
        "license.assign"
    );
    assert_clean(&t.store, &billing);

    let out = unassign(&t.store, &billing, sub, &users[..2], now(), false).expect("unassign");
    assert_eq!(out.plan.assigned_after, 1);
    assert_eq!(users_of(&t.store, sub), vec![users[2]]);
    assert!(!holds_product(&t.store, users[0], &p));
    assert_eq!(
        audit_events(&t.store).pop().expect("audit").action,
        "license.unassign"
    );
    assert_clean(&t.store, &billing);
}

#[test]
fn assign_refuses_beyond_the_quantity_and_says_how_many_are_missing() {
    let t = Tenant::demo();
    let p = ProductId(POWER_BI_PRO.into());
    let sub = buy(&t, POWER_BI_PRO, 2);
    let users = free_users(&t.store, &p, 5);
    let before = snapshot(&t.store);
    let m = refused(assign(&t.store, &t.actor(ADMIN), sub, &users, now(), false));
    assert!(
        m.contains("has 2 free licenses; assigning 5 users needs 3 more"),
        "{m}"
    );
    assert_eq!(snapshot(&t.store), before);
}

/// SPEC §1 (changed by issue 10): a second license of one product from another subscription is
/// allowed and the plan says the user is paid twice; a second license of one subscription is not.
#[test]
fn assign_allows_a_second_product_license_but_never_a_second_license_of_one_subscription() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let p = ProductId(POWER_BI_PRO.into());
    let a = buy(&t, POWER_BI_PRO, 5);
    let b = buy(&t, POWER_BI_PRO, 5);
    let user = free_users(&t.store, &p, 1);
    let first = assign(&t.store, &admin, a, &user, now(), false).expect("first license");
    assert!(first.plan.paid_twice.is_empty());
    let before = snapshot(&t.store);
    let m = refused(assign(&t.store, &admin, a, &user, now(), false));
    assert!(
        m.contains("already holds a license of Power BI Pro subscription")
            && m.contains("at most one license of each subscription"),
        "{m}"
    );
    assert_eq!(snapshot(&t.store), before);
    let second = assign(&t.store, &admin, b, &user, now(), false).expect("second product license");
    assert_eq!(
        second
            .plan
            .paid_twice
            .iter()
            .map(|u| u.id)
            .collect::<Vec<_>>(),
        user
    );
    assert_eq!(
        (get(&t.store, a).assigned, get(&t.store, b).assigned),
        (1, 1)
    );
    assert_clean(&t.store, &admin);
}

#[test]
fn licenses_of_a_self_service_subscription_need_a_take_over_first() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let sub = find(
        &t.store,
        "untaken self-service subscription with room",
        |s| {
            s.origin.is_self_service()
                && s.status == Status::Active
                && s.taken_over.is_none()
                && s.free() > 0
        },
    );
    let user = free_users(&t.store, &sub.product_id, 1);
    let holder = users_of(&t.store, sub.id);
    let before = snapshot(&t.store);
    let m = refused(assign(&t.store, &admin, sub.id, &user, now(), false));
    assert!(
        m.contains("not taken over") && m.contains("take-over"),
        "{m}"
    );
    let m = refused(unassign(
        &t.store,
        &admin,
        sub.id,
        &holder[..1],
        now(),
        false,
    ));
    assert!(m.contains("not taken over"), "{m}");
    assert_eq!(snapshot(&t.store), before);

    take_over(&t.store, &admin, sub.id, now(), false).expect("take over");
    assign(&t.store, &admin, sub.id, &user, now(), false).expect("assign after take-over");
    unassign(&t.store, &admin, sub.id, &holder[..1], now(), false)
        .expect("unassign after take-over");
    assert_eq!(get(&t.store, sub.id).assigned, sub.assigned);
    assert_clean(&t.store, &admin);
}

#[test]
fn licenses_of_deleted_or_disabled_subscriptions_cannot_be_assigned() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let disabled = find(&t.store, "disabled subscription", |s| {
        s.status == Status::Disabled
    });
    take_over(&t.store, &admin, disabled.id, now(), false).expect("take over");
    let user = free_users(&t.store, &disabled.product_id, 1);
    let m = refused(assign(&t.store, &admin, disabled.id, &user, now(), false));
    assert!(m.contains("is Disabled"), "{m}");
    // A Disabled subscription's users may still be freed.
    if let Some(holder) = users_of(&t.store, disabled.id).first() {
        unassign(&t.store, &admin, disabled.id, &[*holder], now(), false).expect("unassign");
    }
    let deleted = buy(&t, POWER_BI_PRO, 3);
    cancel(
        &t.store,
        &admin,
        deleted,
        CancelReason::BoughtByMistake,
        now(),
        false,
    )
    .expect("cancel");
    let user = free_users(&t.store, &ProductId(POWER_BI_PRO.into()), 1);
    let m = refused(assign(&t.store, &admin, deleted, &user, now(), false));
    assert!(m.contains("is Deleted"), "{m}");
    let m = refused(unassign(&t.store, &admin, deleted, &user, now(), false));
    assert!(m.contains("is Deleted"), "{m}");
    assert_clean(&t.store, &admin);
}

#[test]
fn assign_and_unassign_refuse_readers_duplicates_and_strangers() {
    let t = Tenant::demo();
    let p = ProductId(POWER_BI_PRO.into());
    let sub = buy(&t, POWER_BI_PRO, 5);
    let users = free_users(&t.store, &p, 2);
    let before = snapshot(&t.store);
    denied(assign(
        &t.store,
        &t.actor(READER),
        sub,
        &users,
        now(),
        false,
    ));
    denied(unassign(
        &t.store,
        &t.actor(READER),
        sub,
        &users,
        now(),
        false,
    ));
    let m = usage(assign(
        &t.store,
        &t.actor(ADMIN),
        sub,
        &[users[0], users[0]],
        now(),
        false,
    ));
    assert!(m.contains("more than once"), "{m}");
    usage(assign(&t.store, &t.actor(ADMIN), sub, &[], now(), false));
    let m = refused(unassign(
        &t.store,
        &t.actor(ADMIN),
        sub,
        &users,
        now(),
        false,
    ));
    assert!(m.contains("holds no license"), "{m}");
    assert_eq!(snapshot(&t.store), before);
}

#[test]
fn cancel_removes_every_license_deletes_and_emails_the_buyer() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let sub = self_service_with_users(&t.store);
    let users = users_of(&t.store, sub.id);
    let buyer = t
        .store
        .user(sub.buyer.expect("buyer"))
        .expect("read")
        .expect("exists");
    let outbox = emails(&t.store).len();

    let before = snapshot(&t.store);
    let dry = cancel(
        &t.store,
        &billing,
        sub.id,
        CancelReason::TooExpensive,
        now(),
        true,
    )
    .expect("dry");
    assert_eq!(snapshot(&t.store), before, "a dry run changes nothing");
    let out = cancel(
        &t.store,
        &billing,
        sub.id,
        CancelReason::TooExpensive,
        now(),
        false,
    )
    .expect("cancel");
    assert_eq!(out.plan, dry.plan);
    assert!(out.plan.takes_over);
    let s = get(&t.store, sub.id);
    assert_eq!(
        (s.status, s.assigned, s.cancellation),
        (Status::Deleted, 0, Some(CancelReason::TooExpensive))
    );
    assert_eq!(
        s.status_since,
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
    );
    assert!(!s.auto_renew && s.taken_over.is_some());
    for u in users {
        assert!(
            !holds_product(&t.store, u, &sub.product_id),
            "the user lost the license"
        );
    }
    let mail = emails(&t.store);
    assert_eq!(mail.len(), outbox + 1);
    let last = mail.last().expect("mail");
    assert_eq!(
        (last.to.as_str(), last.kind),
        (buyer.upn.as_str(), EmailKind::SubscriptionCancelled)
    );
    // The reason in words a buyer reads (issue 11), not its machine name.
    assert!(last.body.contains("reason: too expensive"), "{}", last.body);
    let m = refused(cancel(
        &t.store,
        &billing,
        sub.id,
        CancelReason::Other,
        now(),
        false,
    ));
    assert!(m.contains("already Deleted"), "{m}");
    assert_clean(&t.store, &billing);
}

#[test]
fn cancel_of_a_central_subscription_emails_nobody_and_readers_may_not_cancel() {
    let t = Tenant::demo();
    let sub = find(&t.store, "central subscription with users", |s| {
        s.origin == Origin::Central && s.status == Status::Active && s.assigned > 0
    });
    let before = snapshot(&t.store);
    denied(cancel(
        &t.store,
        &t.actor(READER),
        sub.id,
        CancelReason::Other,
        now(),
        false,
    ));
    assert_eq!(snapshot(&t.store), before);
    let outbox = emails(&t.store).len();
    let out = cancel(
        &t.store,
        &t.actor(ADMIN),
        sub.id,
        CancelReason::NoLongerNeeded,
        now(),
        false,
    )
    .expect("cancel");
    assert!(out.plan.emails.is_empty() && !out.plan.takes_over);
    assert_eq!(out.plan.users.len(), sub.assigned as usize);
    assert_eq!(emails(&t.store).len(), outbox);
    assert_clean(&t.store, &t.actor(ADMIN));
}
