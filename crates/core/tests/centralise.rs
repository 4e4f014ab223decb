//! Centralising with what the organisation owns (SPEC §2 rule 6, issue 10): free central
//! licenses first, then licenses added to one central subscription, a purchase only where there
//! is none. Figures are worked out by hand from the catalogue price of Power BI Pro.

mod common;
mod ops_owned;
mod ops_support;

use common::*;
use ops_owned::*;
use ops_support::*;
use selfserve_core::model::{
    CancelReason, EmailKind, Money, Origin, PaymentMethod, Status, SubscriptionId, Term, UserId,
};
use selfserve_core::ops::centralise::centralise;
use selfserve_core::ops::move_provisioned::{move_users_provisioned, Provision};

fn held(t: &Tenant, id: SubscriptionId) -> Vec<UserId> {
    let mut users = users_of(&t.store, id);
    users.sort();
    users
}

fn sorted(users: &[UserId]) -> Vec<UserId> {
    let mut users = users.to_vec();
    users.sort();
    users
}

#[test]
fn free_central_licenses_are_reused_and_nothing_is_bought() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let u = cleared(&t, 8);
    // A: u0 (buyer), u1, u2; B: u3 (buyer), u4. u2 already holds a central license (paid twice).
    let a = self_service(&t, &u[0..3]);
    let b = self_service(&t, &u[3..5]);
    let c = central(&t, 10, Term::Annual, &[u[5], u[6], u[2]]);
    let outbox = emails(&t.store).len();
    let subs_before = subs(&t.store).len();

    let before = snapshot(&t.store);
    let dry = centralise(&t.store, &billing, &pro(), Term::Annual, now(), true).expect("dry");
    assert_eq!(snapshot(&t.store), before, "a dry run changes nothing");
    let p = &dry.plan;
    // 5 users, 1 of them licensed centrally already: 4 need a license; C has 7 free.
    assert_eq!((p.users_moved, p.users_already_central), (4, 1));
    assert_eq!(p.reused.len(), 1);
    assert_eq!(p.reused[0].subscription.id, c);
    assert_eq!(p.reused[0].licenses, 4);
    assert_eq!(p.reused[0].value_per_term, eur(4 * PRO_ANNUAL)); // 672.00 EUR
    assert_eq!(p.reused[0].value_per_term.to_string(), "672.00 EUR");
    assert!(p.added.is_none() && p.bought.is_none());
    assert_eq!(p.moves.len(), 2);
    let from_a = p.moves.iter().find(|m| m.from.id == a).expect("A moves");
    assert_eq!(from_a.users(), 3);
    assert_eq!(from_a.already_central.len(), 1);
    assert_eq!(from_a.already_central[0].id, u[2]);

    let out = centralise(&t.store, &billing, &pro(), Term::Annual, now(), false).expect("run");
    assert_eq!(out.plan.reused, dry.plan.reused);
    let c = get(&t.store, c);
    assert_eq!((c.quantity, c.assigned), (10, 7));
    assert_eq!(
        held(&t, c.id),
        sorted(&[u[0], u[1], u[2], u[3], u[4], u[5], u[6]])
    );
    for s in [a, b] {
        let s = get(&t.store, s);
        assert_eq!(
            (s.status, s.cancellation, s.assigned),
            (Status::Deleted, Some(CancelReason::MovingToCentral), 0)
        );
        assert!(users_of(&t.store, s.id).is_empty());
    }
    let mail = emails(&t.store);
    assert_eq!(mail.len(), outbox + 2, "each buyer is e-mailed");
    assert!(mail[outbox..]
        .iter()
        .all(|e| e.kind == EmailKind::UsersMoved));
    let audit = audit_events(&t.store);
    assert!(audit
        .iter()
        .any(|e| e.action == "product.centralise" && e.target == PRO));
    assert_eq!(subs(&t.store).len(), subs_before, "nothing bought");
    assert_clean(&t.store, &billing);
}

#[test]
fn free_licenses_then_licenses_added_to_the_biggest_central_subscription() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let u = cleared(&t, 9);
    // A: 4 users, B: 3 users: 7 need a license.
    let a = self_service(&t, &u[0..4]);
    let b = self_service(&t, &u[4..7]);
    // C1: annual, 4 licenses, 2 assigned (2 free). C2: monthly, 3 licenses, none assigned.
    let c1 = central(&t, 4, Term::Annual, &u[7..9]);
    let c2 = central(&t, 3, Term::Monthly, &[]);
    let subs_before = subs(&t.store).len();

    let out = centralise(&t.store, &billing, &pro(), Term::Annual, now(), false).expect("run");
    let p = &out.plan;
    assert_eq!((p.users_moved, p.users_already_central), (7, 0));
    // Most free first: C2's 3 (3 × 14.00 = 42.00 EUR a month), then C1's 2 (2 × 168.00 = 336.00
    // EUR a year); the 2 missing are added to C1, the bigger one, at its price (336.00 EUR).
    let reused: Vec<(SubscriptionId, u32, Money)> = p
        .reused
        .iter()
        .map(|r| (r.subscription.id, r.licenses, r.value_per_term.clone()))
        .collect();
    assert_eq!(
        reused,
        vec![(c2, 3, eur(3 * PRO_MONTHLY)), (c1, 2, eur(2 * PRO_ANNUAL))]
    );
    assert_eq!(p.reused[0].value_per_term.to_string(), "42.00 EUR");
    let added = p.added.as_ref().expect("licenses added");
    assert_eq!(added.subscription.id, c1);
    assert_eq!((added.added, added.quantity_after), (2, 6));
    assert_eq!(added.cost_per_term, eur(2 * PRO_ANNUAL));
    assert_eq!(added.cost_per_term.to_string(), "336.00 EUR");
    assert_eq!(added.price.term, Term::Annual);
    assert!(p.bought.is_none());
    assert_eq!(subs(&t.store).len(), subs_before, "nothing bought");

    let (c1s, c2s) = (get(&t.store, c1), get(&t.store, c2));
    assert_eq!((c1s.quantity, c1s.assigned), (6, 6));
    assert_eq!((c2s.quantity, c2s.assigned), (3, 3));
    let mut everyone = held(&t, c1);
    everyone.extend(held(&t, c2));
    assert_eq!(sorted(&everyone), sorted(&u));
    for s in [a, b] {
        assert_eq!(get(&t.store, s).status, Status::Deleted);
    }
    assert!(audit_events(&t.store)
        .iter()
        .any(|e| e.action == "subscription.add-licenses" && e.target == c1.to_string()));
    assert_clean(&t.store, &billing);
}

#[test]
fn a_new_central_subscription_is_bought_only_where_none_exists() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let u = cleared(&t, 6);
    // A user of both A and B needs one license: A u0,u1,u2; B u3,u2 → 4 users.
    let a = self_service(&t, &u[0..3]);
    let b = self_service(&t, &[u[3], u[2]]);
    // A central subscription is a target while it is Active, not once cancelled.
    let old = central(&t, 50, Term::Annual, &[]);
    let dry = centralise(&t.store, &billing, &pro(), Term::Monthly, now(), true).expect("dry");
    assert!(dry.plan.reused.iter().any(|r| r.subscription.id == old));
    let admin = t.actor(ADMIN);
    selfserve_core::ops::cancel::cancel(&t.store, &admin, old, CancelReason::Other, now(), false)
        .expect("cancel the central one");

    let out = centralise(&t.store, &billing, &pro(), Term::Monthly, now(), false).expect("run");
    let p = &out.plan;
    assert_eq!((p.users_moved, p.users_already_central), (4, 1));
    assert!(p.reused.is_empty() && p.added.is_none());
    let bought = p.bought.as_ref().expect("bought");
    assert_eq!(bought.subscription.quantity, 4);
    assert_eq!(bought.price.term, Term::Monthly);
    assert_eq!(bought.cost_per_term, eur(4 * PRO_MONTHLY)); // 56.00 EUR a month
    assert_eq!(bought.cost_per_term.to_string(), "56.00 EUR");
    let new = get(&t.store, bought.subscription.id);
    assert_eq!(
        (new.origin, new.quantity, new.assigned, new.payment_method),
        (Origin::Central, 4, 4, PaymentMethod::Invoice)
    );
    assert_eq!(held(&t, new.id), sorted(&u[0..4]));
    for s in [a, b] {
        assert_eq!(get(&t.store, s).status, Status::Deleted);
    }
    assert_clean(&t.store, &billing);

    let m = refused(centralise(
        &t.store,
        &billing,
        &pro(),
        Term::Annual,
        now(),
        false,
    ));
    assert!(m.contains("nothing to centralise"), "{m}");
}

#[test]
fn centralise_obeys_roles_and_read_only() {
    let t = Tenant::demo();
    let u = cleared(&t, 2);
    self_service(&t, &u);
    let before = snapshot(&t.store);
    let run = |login: &str, ro: bool, dry: bool| {
        let actor = t.actor(login);
        let actor = if ro { actor.read_only() } else { actor };
        centralise(&t.store, &actor, &pro(), Term::Annual, now(), dry).map(|o| o.dry_run)
    };
    denied(run(READER, false, true));
    denied(run(ADMIN, true, false));
    assert_eq!(run(ADMIN, true, true), Ok(true), "a read-only dry run");
    assert_eq!(snapshot(&t.store), before);
}

/// The move wizard's move when the target lacks licenses: they are added to it (at its price)
/// with the move, in one transaction; a dry run changes nothing.
#[test]
fn a_move_adds_the_licenses_its_central_target_lacks_in_the_same_transaction() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let u = cleared(&t, 5);
    // A: u0, u1, u2, u3; C: 3 licenses, u3 (paid twice) and u4 assigned, 1 free. 3 move, 2 missing.
    let a = self_service(&t, &u[0..4]);
    let c = central(&t, 3, Term::Annual, &[u[3], u[4]]);
    let to = Provision::AddMissing { to: c };
    let before = snapshot(&t.store);
    let dry = move_users_provisioned(&t.store, &billing, a, to, now(), true).expect("dry run");
    assert_eq!(snapshot(&t.store), before, "a dry run changes nothing");
    let added = dry.plan.added.as_ref().expect("licenses added");
    assert_eq!((added.added, added.quantity_after), (2, 5));
    assert_eq!(added.cost_per_term, eur(2 * PRO_ANNUAL));
    assert!(dry.plan.bought.is_none());
    assert_eq!(
        (
            dry.plan.moved.users.len(),
            dry.plan.moved.already_in_target.len()
        ),
        (3, 1)
    );

    move_users_provisioned(&t.store, &billing, a, to, now(), false).expect("move");
    let c = get(&t.store, c);
    assert_eq!((c.quantity, c.assigned), (5, 5));
    assert_eq!(held(&t, c.id), sorted(&u));
    assert_eq!(get(&t.store, a).status, Status::Deleted);
    let actions: Vec<String> = audit_events(&t.store)
        .iter()
        .rev()
        .take(2)
        .map(|e| e.action.clone())
        .collect();
    assert_eq!(
        actions,
        ["subscription.move-users", "subscription.add-licenses"]
    );
    assert_clean(&t.store, &billing);
}

#[test]
fn a_move_buys_a_central_subscription_for_its_users_where_asked() {
    let t = Tenant::demo();
    let billing = t.actor(BILLING);
    let u = cleared(&t, 4);
    let a = self_service(&t, &u[0..3]);
    let own = self_service(&t, &u[3..4]);
    let buy = Provision::Buy {
        term: Term::Monthly,
    };
    let m = refused(move_users_provisioned(
        &t.store,
        &billing,
        a,
        Provision::AddMissing { to: own },
        now(),
        false,
    ));
    assert!(
        m.contains("is a self-service subscription not taken over"),
        "{m}"
    );

    let out = move_users_provisioned(&t.store, &billing, a, buy, now(), false).expect("move");
    let bought = out.plan.bought.as_ref().expect("bought");
    assert_eq!(bought.cost_per_term, eur(3 * PRO_MONTHLY));
    let new = get(&t.store, bought.subscription.id);
    assert_eq!(
        (new.origin, new.quantity, new.assigned),
        (Origin::Central, 3, 3)
    );
    assert_eq!(held(&t, new.id), sorted(&u[0..3]));
    assert_eq!(get(&t.store, a).status, Status::Deleted);
    assert_clean(&t.store, &billing);
}
