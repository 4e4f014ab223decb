//! Moving 10,000 users from one subscription to another: the whole operation as the dashboard
//! and the CLI run it (plan, one transaction, flush to disk before it returns).
//!
//! `cargo bench --bench move_users`

use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::model::{ProductId, SubscriptionId, Term, UserId};
use selfserve_core::ops::{assign, buy, move_users};
use selfserve_core::{Actor, Store};
use std::time::{Duration, Instant};

const USERS: usize = 10_000;
const PRODUCT: &str = "CFQ7TTC0HD32";

fn now() -> DateTime<Utc> {
    selfserve_core::clock::parse_now("2026-11-23T12:00:00Z").expect("clock")
}

fn buy(store: &Store, actor: &Actor) -> SubscriptionId {
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
    .expect("buy")
    .plan
    .subscription
    .id
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("tenant.db");
    let options = DemoOptions {
        users: 11_000,
        seed: 7,
        now: now(),
        login: "admin".into(),
        force: false,
    };
    create_demo(&db, &options, &mut |_| {}).expect("demo");
    let store = Store::open(&db).expect("open");
    let admin = store.actor("admin").expect("admin");
    let product = ProductId(PRODUCT.into());
    let users: Vec<UserId> = store
        .users()
        .map(|u| u.expect("user"))
        .filter(|u| {
            !store
                .licenses_of_user(u.id)
                .expect("licenses")
                .into_iter()
                .any(|s| {
                    store.subscription(s).expect("read").map(|s| s.product_id)
                        == Some(product.clone())
                })
        })
        .map(|u| u.id)
        .take(USERS)
        .collect();
    assert_eq!(users.len(), USERS);
    let mut from = buy(&store, &admin);
    assign::assign(&store, &admin, from, &users, now(), false).expect("assign");

    let mut group = c.benchmark_group("move_users");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("10000 users, flushed", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let to = buy(&store, &admin);
                let started = Instant::now();
                let out =
                    move_users::move_users(&store, &admin, from, to, now(), false).expect("move");
                total += started.elapsed();
                assert_eq!(out.plan.users.len(), USERS);
                from = to;
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
