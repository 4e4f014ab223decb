//! Take over, move users and centralise (SPEC §2 rules 4–6 and 9): every rule and refusal, on
//! real demo databases.

mod common;
mod ops_support;

use common::*;
use ops_support::*;
use selfserve_core::model::{
    CancelReason, EmailKind, Origin, ProductId, Status, Subscription, SubscriptionId, TakeOver,
    Term,
};
use selfserve_core::ops::buy::buy_central;
use selfserve_core::ops::centralise::centralise;
use selfserve_core::ops::move_users::{move_targets, move_users, WhyNot};
use selfserve_core::ops::take_over::take_over;

/// A fresh central subscription of `product` with `quantity` licenses, bought through the op.
fn central(t: &Tenant, product: &ProductId, quantity: u32) -> SubscriptionId {
    buy_central(
        &t.store,
        &t.actor(BILLING),
        product,
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
fn take_over_marks_the_subscription_once_and_audits_it() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let sub = self_service_with_users(&t.store);
    let audit_before = audit_events(&t.store).len();

    let dry = take_over(&t.store, &billing, sub.id, now(), true).expect("dry run");
    assert!(dry.dry_run && !dry.plan.already_taken_over);
    assert_eq!(get(&t.store, sub.id), sub, "a dry run changes nothing");

    let out = take_over(&t.store, &billing, sub.id, now(), false).expect("take over");
    assert_eq!(
        out.plan, dry.plan,
        "the dry run planned exactly what was done"
    );
    let after = get(&t.store, sub.id);
    assert_eq!(
        after.taken_over,
        Some(TakeOver {
            by: billing.user.id,
            at: now()
        })
    );
    assert_eq!((after.status, after.assigned), (sub.status, sub.assigned));
    let audit = audit_events(&t.store);
    assert_eq!(audit.len(), audit_before + 1);
    let last = audit.last().expect("event");
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("subscription.take-over", billing.user.upn.as_str())
    );
    assert_eq!(last.target, sub.id.to_string());

    let again = take_over(&t.store, &t.actor(ADMIN), sub.id, now(), false).expect("again");
    assert!(again.plan.already_taken_over);
    assert_eq!(again.plan.taken_over_by, billing.user.upn);
    assert_eq!(
        audit_events(&t.store).len(),
        audit_before + 1,
        "nothing new to record"
    );
    assert_clean(&t.store, &billing);
}

#[test]
fn take_over_refuses_readers_central_and_deleted_subscriptions() {
    let t = Tenant::demo();
    let sub = self_service_with_users(&t.store);
    let before = snapshot(&t.store);
    let m = denied(take_over(&t.store, &t.actor(READER), sub.id, now(), false));
    assert!(
        m.contains("GlobalReader") && m.contains("GlobalAdministrator or BillingAdministrator"),
        "{m}"
    );
    let c = find(&t.store, "central subscription", |s| {
        s.origin == Origin::Central
    });
    let m = refused(take_over(&t.store, &t.actor(ADMIN), c.id, now(), false));
    assert!(m.contains("central subscription"), "{m}");
    let d = find(&t.store, "deleted self-service subscription", |s| {
        s.origin.is_self_service() && s.status == Status::Deleted
    });
    let m = refused(take_over(&t.store, &t.actor(ADMIN), d.id, now(), false));
    assert!(m.contains("Deleted"), "{m}");
    assert_eq!(snapshot(&t.store), before, "refusals change nothing");
}

#[test]
fn move_users_moves_everyone_cancels_the_source_and_emails_its_buyer() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let from = self_service_with_users(&t.store);
    let to = central(&t, &from.product_id, from.assigned + 3);
    let moving = users_of(&t.store, from.id);
    let buyer = t
        .store
        .user(from.buyer.expect("buyer"))
        .expect("read")
        .expect("buyer exists");
    let (audit_before, outbox_before) = (audit_events(&t.store).len(), emails(&t.store).len());

    let before = snapshot(&t.store);
    let dry = move_users(&t.store, &billing, from.id, to, now(), true).expect("dry run");
    assert_eq!(snapshot(&t.store), before, "a dry run changes nothing");
    assert!(dry.dry_run && dry.plan.takes_over);
    assert_eq!(dry.plan.users.len(), moving.len());

    let out = move_users(&t.store, &billing, from.id, to, now(), false).expect("move");
    assert!(!out.dry_run);
    assert_eq!(
        out.plan, dry.plan,
        "the dry run planned exactly what was done"
    );

    let old = get(&t.store, from.id);
    assert_eq!(old.status, Status::Deleted);
    assert_eq!(old.cancellation, Some(CancelReason::MovingToCentral));
    assert_eq!(old.assigned, 0);
    assert!(!old.auto_renew);
    assert_eq!(old.taken_over.map(|t| t.by), Some(billing.user.id));
    assert!(users_of(&t.store, from.id).is_empty());
    let new = get(&t.store, to);
    assert_eq!(new.assigned, from.assigned);
    assert_eq!(new.free(), 3);
    let mut now_in_to = users_of(&t.store, to);
    now_in_to.sort();
    let mut expected = moving.clone();
    expected.sort();
    assert_eq!(now_in_to, expected);

    let mail = emails(&t.store);
    assert_eq!(mail.len(), outbox_before + 1);
    let last = mail.last().expect("e-mail");
    assert_eq!(
        (last.to.as_str(), last.kind),
        (buyer.upn.as_str(), EmailKind::UsersMoved)
    );
    assert!(last.body.contains(&from.id.to_string()));
    let audit = audit_events(&t.store);
    let actions: Vec<&str> = audit[audit_before..]
        .iter()
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(
        actions,
        ["subscription.take-over", "subscription.move-users"]
    );
    assert_clean(&t.store, &billing);
}

#[test]
fn move_users_needs_one_free_license_per_user_and_says_how_many_are_missing() {
    let t = Tenant::demo();
    let from = self_service_with_users(&t.store);
    let to = central(&t, &from.product_id, from.assigned - 1);
    let before = snapshot(&t.store);
    let m = refused(move_users(
        &t.store,
        &t.actor(ADMIN),
        from.id,
        to,
        now(),
        false,
    ));
    let short: String = to.to_string().chars().take(8).collect();
    let name = t.store.product(&from.product_id.0).expect("product").name;
    let free = from.assigned - 1;
    let expected = format!(
        "{name} subscription {short}… has {free} free license{}; moving {} users needs 1 more: buy more or choose another subscription",
        if free == 1 { "" } else { "s" },
        from.assigned
    );
    assert_eq!(m, expected);
    assert_eq!(
        snapshot(&t.store),
        before,
        "a refused move changes nothing, not even the take-over"
    );
    // The dry run refuses the same way.
    let m2 = refused(move_users(
        &t.store,
        &t.actor(ADMIN),
        from.id,
        to,
        now(),
        true,
    ));
    assert_eq!(m2, expected);
}

#[test]
fn move_users_refuses_another_product_an_inactive_or_untaken_target_and_itself() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    // A live self-service subscription with users, and another untaken one of the same product.
    let all = subs(&t.store);
    let live = |s: &&Subscription| {
        s.origin.is_self_service() && s.status == Status::Active && s.taken_over.is_none()
    };
    let (from, untaken) = all
        .iter()
        .filter(live)
        .filter(|a| a.assigned > 0)
        .find_map(|a| {
            all.iter()
                .filter(live)
                .find(|b| b.id != a.id && b.product_id == a.product_id)
                .map(|b| (a.clone(), b.clone()))
        })
        .expect("two untaken self-service subscriptions of one product");
    let other_product = find(&t.store, "central subscription of another product", |s| {
        s.origin == Origin::Central && s.product_id != from.product_id
    });
    let cancelled = central(&t, &from.product_id, 100);
    selfserve_core::ops::cancel::cancel(
        &t.store,
        &admin,
        cancelled,
        CancelReason::BoughtByMistake,
        now(),
        false,
    )
    .expect("cancel the spare central subscription");

    let before = snapshot(&t.store);
    let m = refused(move_users(
        &t.store,
        &admin,
        from.id,
        other_product.id,
        now(),
        false,
    ));
    assert!(m.contains("same product"), "{m}");
    let m = refused(move_users(
        &t.store,
        &admin,
        from.id,
        cancelled,
        now(),
        false,
    ));
    assert!(
        m.contains("is Deleted: users move only to an Active subscription"),
        "{m}"
    );
    let m = refused(move_users(
        &t.store,
        &admin,
        from.id,
        untaken.id,
        now(),
        false,
    ));
    assert!(m.contains("not taken over"), "{m}");
    let m = usage(move_users(&t.store, &admin, from.id, from.id, now(), false));
    assert!(m.contains("itself"), "{m}");
    assert_eq!(snapshot(&t.store), before, "refusals change nothing");
}

#[test]
fn move_users_into_a_taken_over_self_service_subscription_is_allowed_and_untaken_is_not() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    // Two live self-service subscriptions of one product, the target with room for the source.
    let all = subs(&t.store);
    let pair = all.iter().find_map(|a| {
        all.iter()
            .find(|b| {
                a.id != b.id
                    && a.product_id == b.product_id
                    && a.origin.is_self_service()
                    && b.origin.is_self_service()
                    && a.status == Status::Active
                    && b.status == Status::Active
                    && a.assigned > 0
                    && b.free() >= a.assigned
            })
            .map(|b| (a.clone(), b.clone()))
    });
    let (from, to) = pair.expect("two self-service subscriptions of one product");
    if to.taken_over.is_none() {
        let m = refused(move_users(&t.store, &admin, from.id, to.id, now(), false));
        assert!(
            m.contains("not taken over") && m.contains("take-over"),
            "{m}"
        );
        take_over(&t.store, &admin, to.id, now(), false).expect("take over the target");
    }
    move_users(&t.store, &admin, from.id, to.id, now(), false).expect("move");
    assert_eq!(get(&t.store, to.id).assigned, to.assigned + from.assigned);
    assert_clean(&t.store, &admin);
}

#[test]
fn move_users_refuses_a_deleted_source_and_readers() {
    let t = Tenant::demo();
    let from = self_service_with_users(&t.store);
    let to = central(&t, &from.product_id, 50);
    let before = snapshot(&t.store);
    let m = denied(move_users(
        &t.store,
        &t.actor(READER),
        from.id,
        to,
        now(),
        false,
    ));
    assert!(m.contains("may not move users"), "{m}");
    assert_eq!(snapshot(&t.store), before);

    move_users(&t.store, &t.actor(ADMIN), from.id, to, now(), false).expect("first move");
    let m = refused(move_users(
        &t.store,
        &t.actor(ADMIN),
        from.id,
        to,
        now(),
        false,
    ));
    assert!(m.contains("Deleted"), "{m}");
}

#[test]
fn moving_from_a_central_subscription_consolidates_without_an_email() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let from = find(&t.store, "central subscription with users", |s| {
        s.origin == Origin::Central && s.status == Status::Active && s.assigned > 0
    });
    let to = central(&t, &from.product_id, from.assigned);
    let outbox = emails(&t.store).len();
    let out = move_users(&t.store, &admin, from.id, to, now(), false).expect("move");
    assert!(!out.plan.takes_over && out.plan.emails.is_empty());
    assert_eq!(emails(&t.store).len(), outbox);
    assert_eq!(get(&t.store, to).free(), 0);
    assert_eq!(get(&t.store, from.id).status, Status::Deleted);
    assert_clean(&t.store, &admin);
}

#[test]
fn centralise_refuses_readers_and_unknown_products() {
    let t = Tenant::demo();
    let before = snapshot(&t.store);
    let product = ProductId("CFQ7TTC0H9MP".into());
    denied(centralise(
        &t.store,
        &t.actor(READER),
        &product,
        Term::Annual,
        now(),
        false,
    ));
    let r = centralise(
        &t.store,
        &t.actor(ADMIN),
        &ProductId("NOPE".into()),
        Term::Annual,
        now(),
        false,
    );
    assert!(
        matches!(r, Err(selfserve_core::Error::NotFound(_))),
        "{r:?}"
    );
    assert_eq!(snapshot(&t.store), before);
}

#[test]
fn move_targets_list_the_roomy_ones_first_and_say_why_the_others_cannot_receive() {
    let t = Tenant::demo();
    let from = self_service_with_users(&t.store);
    let roomy = central(&t, &from.product_id, from.assigned + 5);
    let small = central(&t, &from.product_id, 1);
    let targets = move_targets(&t.store, &t.actor(READER), from.id).expect("targets");
    assert!(targets.iter().all(|m| m.subscription.id != from.id));
    assert!(targets
        .iter()
        .all(|m| m.subscription.status != Status::Deleted));
    assert!(targets
        .iter()
        .all(|m| m.subscription.product_id == from.product_id));
    let first_refused = targets
        .iter()
        .position(|m| m.refusal.is_some())
        .unwrap_or(targets.len());
    assert!(
        targets[first_refused..].iter().all(|m| m.refusal.is_some()),
        "selectable first"
    );
    let r = targets
        .iter()
        .find(|m| m.subscription.id == roomy)
        .expect("roomy listed");
    assert_eq!(
        (r.refusal.as_ref(), r.missing, r.free),
        (None, 0, from.assigned + 5)
    );
    let s = targets
        .iter()
        .find(|m| m.subscription.id == small)
        .expect("small listed");
    assert_eq!(s.missing, from.assigned - 1);
    // Which rule refuses each, and whether the missing licenses could be added.
    assert_eq!((r.why_not, r.can_add_missing), (None, false));
    assert_eq!((s.why_not, s.can_add_missing), (Some(WhyNot::NoRoom), true));
    for m in &targets {
        assert_eq!(m.refusal.is_some(), m.why_not.is_some(), "{m:?}");
        if m.subscription.origin.is_self_service() {
            assert!(!m.can_add_missing, "{m:?}");
        }
    }
    // The refusal is the very one the move gives.
    let m = refused(move_users(
        &t.store,
        &t.actor(ADMIN),
        from.id,
        small,
        now(),
        true,
    ));
    assert_eq!(s.refusal.as_ref().map(|t| t.to_string()), Some(m));
    for m in &targets {
        let dry = move_users(
            &t.store,
            &t.actor(ADMIN),
            from.id,
            m.subscription.id,
            now(),
            true,
        );
        assert_eq!(dry.is_ok(), m.refusal.is_none(), "{:?}", m.subscription);
    }
}
