//! Property tests: random sequences of take-overs, moves, cancellations, purchases, license
//! changes and centralisations, by random roles, keep `selfserve check` clean; a refusal or a dry
//! run changes nothing; no input makes the database fail.
//! `PROPTEST_CASES` sets how many sequences run (32 by default).

mod common;
mod ops_support;

use common::*;
use ops_support::*;
use proptest::prelude::*;
use selfserve_core::model::{CancelReason, ProductId, SubscriptionId, Term, UserId};
use selfserve_core::ops::{assign, buy, cancel, centralise, move_users, take_over};
use selfserve_core::Error;

#[derive(Debug, Clone)]
enum Op {
    TakeOver(usize),
    Move(usize, usize),
    Cancel(usize, usize),
    Buy(usize, u32, bool),
    Assign(usize, Vec<usize>),
    Unassign(usize, Vec<usize>),
    Centralise(usize),
}

#[derive(Debug, Clone)]
struct Step {
    op: Op,
    login: usize,
    dry_run: bool,
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0usize..10_000;
    prop_oneof![
        2 => i().prop_map(Op::TakeOver),
        3 => (i(), i()).prop_map(|(a, b)| Op::Move(a, b)),
        1 => (i(), 0usize..5).prop_map(|(a, r)| Op::Cancel(a, r)),
        2 => (i(), 0u32..40, any::<bool>()).prop_map(|(p, q, y)| Op::Buy(p, q, y)),
        3 => (i(), prop::collection::vec(i(), 1..6)).prop_map(|(s, u)| Op::Assign(s, u)),
        2 => (i(), prop::collection::vec(i(), 1..4)).prop_map(|(s, u)| Op::Unassign(s, u)),
        1 => (0usize..17).prop_map(Op::Centralise),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    (op(), 0usize..5, prop::bool::weighted(0.2)).prop_map(|(op, login, dry_run)| Step {
        op,
        login,
        dry_run,
    })
}

/// Runs one step against the tenant; indices wrap around the current lists.
fn run(t: &Tenant, step: &Step, users: &[UserId], products: &[ProductId]) -> Result<(), Error> {
    let actor = t.actor([ADMIN, BILLING, ADMIN, BILLING, READER][step.login]);
    let all = subs(&t.store);
    let ids: Vec<SubscriptionId> = all.iter().map(|s| s.id).collect();
    let sub = |i: usize| ids[i % ids.len()];
    // A move's target is drawn among the source's product, else nearly every move is refused.
    let same_product = |from: usize, i: usize| {
        let from = &all[from % all.len()];
        let same: Vec<SubscriptionId> = all
            .iter()
            .filter(|s| s.product_id == from.product_id)
            .map(|s| s.id)
            .collect();
        same[i % same.len()]
    };
    let pick = |v: &[usize]| -> Vec<UserId> {
        // Users named twice are part of the input space too.
        v.iter().map(|i| users[i % users.len()]).collect()
    };
    let (store, now, dry) = (&t.store, now(), step.dry_run);
    match &step.op {
        Op::TakeOver(s) => take_over::take_over(store, &actor, sub(*s), now, dry).map(drop),
        Op::Move(a, b) => {
            move_users::move_users(store, &actor, sub(*a), same_product(*a, *b), now, dry).map(drop)
        }
        Op::Cancel(s, r) => {
            cancel::cancel(store, &actor, sub(*s), CancelReason::ALL[*r], now, dry).map(drop)
        }
        Op::Buy(p, q, annual) => {
            let term = if *annual { Term::Annual } else { Term::Monthly };
            let p = &products[p % products.len()];
            buy::buy_central(store, &actor, p, *q, term, now, dry).map(drop)
        }
        Op::Assign(s, u) => assign::assign(store, &actor, sub(*s), &pick(u), now, dry).map(drop),
        Op::Unassign(s, u) => {
            // Mostly the subscription's own users (a stranger now and then), else nothing happens.
            let id = sub(*s);
            let holders = users_of(store, id);
            let named: Vec<UserId> = if holders.is_empty() || u[0] % 8 == 0 {
                pick(u)
            } else {
                u.iter().map(|i| holders[i % holders.len()]).collect()
            };
            assign::unassign(store, &actor, id, &named, now, dry).map(drop)
        }
        Op::Centralise(p) => {
            let p = &products[p % products.len()];
            centralise::centralise(store, &actor, p, Term::Annual, now, dry).map(drop)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(32),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_operations_keep_the_database_clean(seed in 0u64..1_000, steps in prop::collection::vec(step(), 1..25)) {
        let t = Tenant::demo_sized(40, seed);
        let admin = t.actor(ADMIN);
        let users: Vec<UserId> = t.store.users().map(|u| u.expect("user").id).collect();
        let products: Vec<ProductId> = t.store.products().expect("products").into_iter().map(|p| p.id).collect();
        let mut done = 0usize;
        for step in &steps {
            let before = snapshot(&t.store);
            let result = run(&t, step, &users, &products);
            if let Err(e) = &result {
                prop_assert!(!matches!(e, Error::Database(_)), "{step:?} failed the database: {e}");
            }
            if result.is_err() || step.dry_run {
                prop_assert_eq!(snapshot(&t.store), before, "{:?} ({:?}) changed something", step, result);
            } else {
                done += 1;
            }
            assert_clean(&t.store, &admin);
        }
        if std::env::var_os("OPS_PROPS_VERBOSE").is_some() {
            eprintln!("{done} of {} steps changed the tenant", steps.len());
        }
    }
}
