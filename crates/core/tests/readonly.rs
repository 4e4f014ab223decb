//! A read-only actor (`--readonly`) is refused every change by the core itself, with one line
//! that says why, and changes nothing; reads and dry runs work as for its role.

mod common;
mod ops_support;

use common::*;
use ops_support::*;
use selfserve_core::model::{Admin, CancelReason, PolicyValue, ProductId, Role, Term, UserId};
use selfserve_core::ops::admin::{self, AddAdmin};
use selfserve_core::ops::set_policy::{self, PolicyScope};
use selfserve_core::ops::storefront::{self, Purchase, Trial};
use selfserve_core::ops::{assign, buy, cancel, centralise, lifecycle, move_users, take_over};
use selfserve_core::{query, Actor, Capability, Store};

const PLANNER: &str = "CFQ7TTC0HDB1";

/// Everything a write may touch: subscriptions, assignments, audit, outbox, policies, admins.
type Everything = (Snapshot, Vec<PolicyValue>, Vec<Admin>);

fn everything(store: &Store) -> Everything {
    let policies = store
        .products()
        .expect("products")
        .iter()
        .map(|p| store.policy(&p.id).expect("policy"))
        .collect();
    (snapshot(store), policies, store.admins().expect("admins"))
}

fn assert_read_only_refusal<T: std::fmt::Debug>(what: &str, result: selfserve_core::Result<T>) {
    let message = denied(result);
    assert!(
        message.contains("read-only (--readonly)") && message.contains("without --readonly"),
        "{what}: {message}"
    );
    assert!(!message.contains('\n'), "{what}: one line: {message}");
}

#[test]
fn a_read_only_global_administrator_is_refused_every_change_and_changes_nothing() {
    let t = Tenant::demo();
    let ro = t.actor(ADMIN).read_only();
    assert!(ro.is_read_only() && !t.actor(ADMIN).is_read_only());
    let store = &t.store;
    let sub = self_service_with_users(store);
    let product = sub.product_id.clone();
    let central = roomy_central(store, &product, sub.assigned).map(|c| c.id);
    let users: Vec<UserId> = free_users(store, &ProductId(PLANNER.into()), 2);
    let planner = ProductId(PLANNER.into());
    let to = central.unwrap_or(sub.id);
    let upn = |u: UserId| store.user(u).expect("read").expect("user").upn;
    let before = everything(store);

    let n = now();
    assert_read_only_refusal(
        "take over",
        take_over::take_over(store, &ro, sub.id, n, false),
    );
    assert_read_only_refusal(
        "move",
        move_users::move_users(store, &ro, sub.id, to, n, false),
    );
    assert_read_only_refusal(
        "cancel",
        cancel::cancel(store, &ro, sub.id, CancelReason::Other, n, false),
    );
    assert_read_only_refusal(
        "buy",
        buy::buy_central(store, &ro, &planner, 1, Term::Annual, n, false),
    );
    assert_read_only_refusal(
        "assign",
        assign::assign(store, &ro, sub.id, &users, n, false),
    );
    let holders = users_of(store, sub.id);
    assert_read_only_refusal(
        "unassign",
        assign::unassign(store, &ro, sub.id, &holders[..1], n, false),
    );
    assert_read_only_refusal(
        "centralise",
        centralise::centralise(store, &ro, &product, Term::Annual, n, false),
    );
    assert_read_only_refusal(
        "policy",
        set_policy::set_policy(store, &ro, &PolicyScope::All, PolicyValue::Disabled, n),
    );
    let add = AddAdmin {
        upn: upn(users[0]),
        role: Role::GlobalReader,
        login: "isa".into(),
    };
    assert_read_only_refusal("admin add", admin::add_admin(store, &ro, &add, n));
    assert_read_only_refusal("admin remove", admin::remove_admin(store, &ro, READER, n));
    let purchase = Purchase {
        user: upn(users[0]),
        product: PLANNER.into(),
        quantity: 1,
        card_last4: "4242".into(),
        term: Term::Monthly,
    };
    assert_read_only_refusal("purchase", storefront::purchase(store, &ro, &purchase, n));
    let trial = Trial {
        user: upn(users[1]),
        product: PLANNER.into(),
        card_last4: None,
    };
    assert_read_only_refusal("trial", storefront::trial(store, &ro, &trial, n));
    let year_later = n + chrono::Duration::days(400);
    assert_read_only_refusal("lifecycle", lifecycle::run(store, &ro, year_later, None));

    // (not assert_eq: the whole tenant would fill the screen)
    assert!(
        everything(store) == before,
        "a read-only actor changed something"
    );
    assert_clean(store, &t.actor(ADMIN));
}

#[test]
fn a_read_only_actor_reads_and_dry_runs_as_its_role_allows() {
    let t = Tenant::demo();
    let store = &t.store;
    let sub = self_service_with_users(store);
    let product = sub.product_id.clone();
    let to = roomy_central(store, &product, sub.assigned)
        .map(|c| c.id)
        .unwrap_or(sub.id);
    let n = now();
    let before = everything(store);
    for login in [ADMIN, BILLING, READER] {
        let (rw, ro) = (t.actor(login), t.actor(login).read_only());
        // The same answer, success or refusal, as the writable actor's dry run.
        let same = |what: &str, dry: &dyn Fn(&Actor) -> String| {
            assert_eq!(dry(&ro), dry(&rw), "{login} {what}");
        };
        same("take over", &|a| {
            format!("{:?}", take_over::take_over(store, a, sub.id, n, true))
        });
        same("move", &|a| {
            format!(
                "{:?}",
                move_users::move_users(store, a, sub.id, to, n, true)
            )
        });
        same("cancel", &|a| {
            format!(
                "{:?}",
                cancel::cancel(store, a, sub.id, CancelReason::Other, n, true)
            )
        });
        same("lifecycle preview", &|a| {
            format!("{:?}", lifecycle::preview(store, a, n))
        });
        assert!(query::policy_rows(store, &ro).is_ok(), "{login} reads");
        assert!(ro.can(Capability::Read));
        assert!(!ro.can(Capability::ManageSubscriptions) && !ro.can(Capability::ManagePolicies));
    }
    // Centralising plans a new subscription, with a fresh id each time: the outcome's kind only.
    let centralise = |a: &Actor| {
        centralise::centralise(store, a, &product, Term::Annual, n, true).map(|o| o.dry_run)
    };
    assert_eq!(centralise(&t.actor(ADMIN).read_only()), Ok(true));
    assert_eq!(
        centralise(&t.actor(READER).read_only()).map_err(|e| e.exit_code()),
        Err(3)
    );
    // A dry run a role allows works read-only; one it does not is refused for the role.
    let admin_ro = t.actor(ADMIN).read_only();
    assert!(take_over::take_over(store, &admin_ro, sub.id, n, true).is_ok());
    let reader_ro = t.actor(READER).read_only();
    let err = denied(take_over::take_over(store, &reader_ro, sub.id, n, true));
    assert!(err.contains("GlobalReader"), "{err}");
    assert!(everything(store) == before, "dry runs changed something");
}
