//! Moving 10,000 users out of a taken-over self-service purchase into a central subscription:
//! the whole operation as the dashboard and the CLI run it (plan, one transaction with the
//! audit events and the buyer's e-mail, flush to disk before it returns).
//!
//! Then what durability costs each write: sled's own flush of a write the size of one
//! assignment and of this move, alone and followed by the `fsync` of the data file that the
//! store adds before it reports a write done (sled's flush does not empty the disk's cache).
//!
//! `cargo bench --bench move_users`

#[path = "support/or_exit.rs"]
mod or_exit;
use or_exit::OrExit;

use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::model::{ProductId, SubscriptionId, Term, UserId};
use selfserve_core::ops::storefront::{self, Purchase};
use selfserve_core::ops::{assign, buy, move_users, take_over};
use selfserve_core::{Actor, Store};
use std::time::{Duration, Instant};

const USERS: usize = 10_000;
const PRODUCT: &str = "CFQ7TTC0HD32";

fn now() -> DateTime<Utc> {
    selfserve_core::clock::parse_now("2026-11-23T12:00:00Z").or_exit("clock")
}

fn central(store: &Store, actor: &Actor) -> SubscriptionId {
    let product = ProductId(PRODUCT.into());
    buy::buy_central(
        store,
        actor,
        &product,
        USERS as u32,
        Term::Annual,
        now(),
        false,
    )
    .or_exit("buy")
    .plan
    .subscription
    .id
}

/// A storefront purchase of 10,000 licenses by `buyer`, taken over.
fn self_service(store: &Store, actor: &Actor, buyer: &str) -> SubscriptionId {
    let request = Purchase {
        user: buyer.into(),
        product: PRODUCT.into(),
        quantity: USERS as u32,
        card_last4: "4242".into(),
        term: Term::Monthly,
    };
    let id = storefront::purchase(store, actor, &request, now())
        .or_exit("purchase")
        .subscription
        .id;
    take_over::take_over(store, actor, id, now(), false).or_exit("take over");
    id
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().or_exit("temp dir");
    let db = dir.path().join("tenant.db");
    let options = DemoOptions {
        users: 11_000,
        seed: 7,
        now: now(),
        login: "admin".into(),
        force: false,
    };
    create_demo(&db, &options, &mut |_| {}).or_exit("demo");
    let store = Store::open(&db).or_exit("open");
    let admin = store.actor("admin").or_exit("admin");
    let product = ProductId(PRODUCT.into());
    let users: Vec<(UserId, String)> = store
        .users()
        .map(|u| u.or_exit("user"))
        .filter(|u| {
            u.enabled
                && !store
                    .licenses_of_user(u.id)
                    .or_exit("licenses")
                    .into_iter()
                    .any(|s| {
                        store.subscription(s).or_exit("read").map(|s| s.product_id)
                            == Some(product.clone())
                    })
        })
        .map(|u| (u.id, u.upn))
        .take(USERS)
        .collect();
    assert_eq!(users.len(), USERS);
    let buyer = users[0].1.clone();
    // The buyer holds the first license; the administrator assigns the rest.
    let first = self_service(&store, &admin, &buyer);
    let rest: Vec<UserId> = users[1..].iter().map(|(id, _)| *id).collect();
    assign::assign(&store, &admin, first, &rest, now(), false).or_exit("assign");
    let mut holder = first;

    let mut group = c.benchmark_group("move_users");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("10000 users from self-service to central, flushed", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                // Untimed: the users back in a fresh taken-over purchase, and an empty target.
                let from = if holder == first {
                    first
                } else {
                    let s = self_service(&store, &admin, &buyer);
                    move_users::move_users(&store, &admin, holder, s, now(), false)
                        .or_exit("move back");
                    s
                };
                let to = central(&store, &admin);
                let started = Instant::now();
                let out =
                    move_users::move_users(&store, &admin, from, to, now(), false).or_exit("move");
                total += started.elapsed();
                assert_eq!((out.plan.users.len(), out.plan.emails.len()), (USERS, 1));
                holder = to;
            }
            total
        })
    });
    group.finish();
}

/// sled's flush, then (when `sync`) the fsync the store adds, after writing `records` records
/// of `size` bytes: the difference between the two figures is the fsync's cost per write.
fn durability(c: &mut Criterion) {
    let dir = tempfile::tempdir().or_exit("temp dir");
    let db = sled::Config::new()
        .path(dir.path().join("tenant.db"))
        .mode(sled::Mode::HighThroughput)
        .open()
        .or_exit("open sled");
    let data = std::fs::File::open(dir.path().join("tenant.db").join("db")).or_exit("data file");
    let mut group = c.benchmark_group("durability");
    group.sample_size(20);
    let mut key: u64 = 0;
    for (what, records) in [("one assignment", 3), ("10000-user move", 3 * USERS)] {
        for sync in [false, true] {
            let name = if sync {
                format!("{what}: flush + fsync")
            } else {
                format!("{what}: flush")
            };
            group.bench_function(name, |b| {
                b.iter_custom(|iterations| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iterations {
                        for _ in 0..records {
                            key += 1;
                            db.insert(key.to_be_bytes(), &[7u8; 120][..])
                                .or_exit("insert");
                        }
                        let started = Instant::now();
                        db.flush().or_exit("flush");
                        if sync {
                            data.sync_all().or_exit("fsync");
                        }
                        total += started.elapsed();
                    }
                    total
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench, durability);
criterion_main!(benches);
