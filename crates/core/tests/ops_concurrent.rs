//! Operations racing in one process (the dashboard runs them off its event loop): the re-check
//! inside each transaction refuses a plan made stale by another, so licenses are never
//! oversold, counts never drift, and check stays clean.

mod common;
mod ops_support;

use common::*;
use ops_support::*;
use selfserve_core::model::{ProductId, Status, SubscriptionId, Term};
use selfserve_core::ops::{assign, buy, move_users};
use selfserve_core::Error;

const PRODUCT: &str = "CFQ7TTC0H9MP";

fn buy(t: &Tenant, quantity: u32) -> SubscriptionId {
    let p = ProductId(PRODUCT.into());
    buy::buy_central(
        &t.store,
        &t.actor(ADMIN),
        &p,
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
fn racing_assignments_never_oversell_a_subscription() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let users = free_users(&t.store, &ProductId(PRODUCT.into()), 40);
    // Races are chancy: many rounds, threads released together, make a lost update show.
    for _round in 0..15 {
        let sub = buy(&t, 10);
        let start = std::sync::Barrier::new(4);
        let results: Vec<Result<(), Error>> = std::thread::scope(|s| {
            let handles: Vec<_> = users
                .chunks(10)
                .map(|mine| {
                    let (t, start) = (&t, &start);
                    s.spawn(move || {
                        let actor = t.actor(BILLING);
                        start.wait();
                        mine.iter()
                            .map(|u| {
                                assign::assign(&t.store, &actor, sub, &[*u], now(), false).map(drop)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("thread"))
                .collect()
        });
        for r in &results {
            assert!(matches!(r, Ok(()) | Err(Error::Refused(_))), "{r:?}");
        }
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            10,
            "exactly the quantity"
        );
        assert_eq!(get(&t.store, sub).assigned, 10);
        assert_clean(&t.store, &admin);
        let holders = users_of(&t.store, sub);
        assert_eq!(holders.len(), 10);
        assign::unassign(&t.store, &admin, sub, &holders, now(), false).expect("free them again");
    }
}

#[test]
fn racing_moves_into_one_subscription_take_only_the_room_it_has() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let p = ProductId(PRODUCT.into());
    let users = free_users(&t.store, &p, 12);
    let sources: Vec<SubscriptionId> = users
        .chunks(3)
        .map(|three| {
            let s = buy(&t, 3);
            assign::assign(&t.store, &admin, s, three, now(), false).expect("assign");
            s
        })
        .collect();
    let target = buy(&t, 6);
    let start = std::sync::Barrier::new(sources.len());
    let results: Vec<Result<(), Error>> = std::thread::scope(|s| {
        let handles: Vec<_> = sources
            .iter()
            .map(|from| {
                let (t, start) = (&t, &start);
                s.spawn(move || {
                    start.wait();
                    move_users::move_users(&t.store, &t.actor(BILLING), *from, target, now(), false)
                        .map(drop)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    for r in &results {
        assert!(matches!(r, Ok(()) | Err(Error::Refused(_))), "{r:?}");
    }
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 2);
    assert_eq!(get(&t.store, target).assigned, 6);
    let deleted = sources
        .iter()
        .filter(|s| get(&t.store, **s).status == Status::Deleted)
        .count();
    assert_eq!(
        deleted, 2,
        "only the moves that happened cancelled their source"
    );
    assert_clean(&t.store, &admin);
}
