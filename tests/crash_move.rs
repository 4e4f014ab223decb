//! SIGKILL in the middle of moving 10,000 users (SPEC §2 rule 9): after every kill the database
//! reopens with the move done whole or not at all, its audit event and buyer e-mail with it, and
//! `check` clean.
//!
//! The tenant is built through the core operations: a demo of 11,000 users; a self-service
//! purchase of 10,000 licenses from the storefront, taken over and assigned to 10,000 users; and
//! a central subscription to move them into. Each round starts `selfserve subscription
//! move-users` and kills it at a random moment within its own slice of twice the time a whole
//! move takes, so the early rounds land before the move commits and the late ones after it;
//! every loop must see both, or its kills proved nothing. When a move completes, the users go
//! back into a fresh self-service purchase for the next round.
//!
//! `SELFSERVE_KILL_ITERATIONS` bounds the ignored long loop (10 by default, at least 2);
//! `SELFSERVE_KILL_SEED` replays a run.

mod common;

use common::*;
use selfserve_core::check::check;
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::model::{EmailKind, ProductId, Status, SubscriptionId, Term, UserId};
use selfserve_core::ops::storefront::{self, Purchase};
use selfserve_core::ops::{assign, buy, move_users, take_over};
use selfserve_core::{Actor, Store};
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};

const USERS: usize = 10_000;
const PRODUCT: &str = "CFQ7TTC0HD32"; // Visio Plan 2: few demo users hold it

fn now() -> chrono::DateTime<chrono::Utc> {
    selfserve_core::clock::parse_now(NOW).expect("clock")
}

/// A small xorshift: the test needs unpredictable delays, and a seed to replay them.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn buy(store: &Store, actor: &Actor, quantity: u32) -> SubscriptionId {
    let product = ProductId(PRODUCT.into());
    buy::buy_central(store, actor, &product, quantity, Term::Annual, now(), false)
        .expect("buy")
        .plan
        .subscription
        .id
}

/// A self-service purchase of 10,000 licenses by `buyer`, taken over by the administrator.
fn self_service(store: &Store, actor: &Actor, buyer: UserId) -> SubscriptionId {
    let upn = store.user(buyer).expect("read").expect("buyer").upn;
    let request = Purchase {
        user: upn,
        product: PRODUCT.into(),
        quantity: USERS as u32,
        card_last4: "4242".into(),
        term: Term::Monthly,
    };
    let id = storefront::purchase(store, actor, &request, now())
        .expect("storefront purchase")
        .subscription
        .id;
    take_over::take_over(store, actor, id, now(), false).expect("take over");
    id
}

/// The tenant: `from` is a self-service subscription holding 10,000 users, `to` an empty central
/// one just as large.
fn setup(db: &Path) -> (SubscriptionId, SubscriptionId) {
    let options = DemoOptions {
        users: 11_000,
        seed: 7,
        now: now(),
        login: ADMIN.to_string(),
        force: false,
    };
    create_demo(db, &options, &mut |_| {}).expect("demo");
    let store = Store::open(db).expect("open");
    let admin = store.actor(ADMIN).expect("admin");
    let product = ProductId(PRODUCT.into());
    let mut free: Vec<UserId> = Vec::with_capacity(USERS);
    for user in store.users() {
        let user = user.expect("user");
        let holds = store
            .licenses_of_user(user.id)
            .expect("licenses")
            .into_iter()
            .any(|s| {
                store.subscription(s).expect("read").map(|s| s.product_id) == Some(product.clone())
            });
        if user.enabled && !holds {
            free.push(user.id);
        }
        if free.len() == USERS {
            break;
        }
    }
    assert_eq!(free.len(), USERS, "enough users without {PRODUCT}");
    // The buyer gets the first license; the administrator assigns the rest.
    let from = self_service(&store, &admin, free[0]);
    assign::assign(&store, &admin, from, &free[1..], now(), false).expect("assign 9,999 users");
    assert_eq!(store.assignments_of(from).expect("users").len(), USERS);
    let to = buy(&store, &admin, USERS as u32);
    (from, to)
}

/// After a whole move into `central`: moves the users back into a fresh self-service purchase
/// (not killed) and buys the next target.
fn next_round(
    db: &Path,
    central: SubscriptionId,
    buyer: UserId,
) -> (SubscriptionId, SubscriptionId) {
    let store = Store::open(db).expect("open");
    let admin = store.actor(ADMIN).expect("admin");
    let from = self_service(&store, &admin, buyer);
    move_users::move_users(&store, &admin, central, from, now(), false).expect("move back");
    (from, buy(&store, &admin, USERS as u32))
}

/// Move audit events and users-moved e-mails recorded so far.
fn recorded(store: &Store) -> (usize, usize) {
    let moves = store
        .audit()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.action == "subscription.move-users")
        })
        .count();
    let emails = store
        .outbox()
        .filter(|e| e.as_ref().is_ok_and(|e| e.kind == EmailKind::UsersMoved))
        .count();
    (moves, emails)
}

fn recorded_at(db: &Path) -> (usize, usize) {
    recorded(&Store::open(db).expect("open"))
}

/// Reopens the database after a kill and proves the move whole (with its audit event and the
/// buyer's e-mail) or absent. Returns whether it happened.
fn verify(db: &Path, from: SubscriptionId, to: SubscriptionId, before: (usize, usize)) -> bool {
    let store = Store::open(db).expect("the database reopens after a kill");
    let admin = store.actor(ADMIN).expect("admin");
    let report = check(&store, &admin, &AtomicU64::new(0)).expect("check");
    assert!(report.ok, "check after a kill: {:#?}", report.breaches);
    let f = store.subscription(from).expect("read").expect("from");
    let t = store.subscription(to).expect("read").expect("to");
    assert_eq!(t.status, Status::Active, "the target stays Active");
    let (moves, emails) = recorded(&store);
    let state = (
        f.status,
        store.assignments_of(from).expect("from").len(),
        store.assignments_of(to).expect("to").len(),
        moves - before.0,
        emails - before.1,
    );
    match state {
        (Status::Active, USERS, 0, 0, 0) => false,
        (Status::Deleted, 0, USERS, 1, 1) => true,
        other => panic!(
            "a partial move survived a kill: (from status, from users, to users, audit events, e-mails) = {other:?}"
        ),
    }
}

/// Runs `rounds` kills and asserts each left the move whole or absent, and that both happened.
fn kill_loop(rounds: usize) {
    assert!(
        rounds >= 2,
        "a kill loop needs two rounds or more to see both outcomes"
    );
    let env = Env::empty();
    let (mut from, mut to) = setup(&env.db);
    let buyer = {
        let store = Store::open(&env.db).expect("open");
        let sub = store.subscription(from).expect("read").expect("from");
        sub.buyer.expect("a self-service buyer")
    };
    let seed = std::env::var("SELFSERVE_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1);
            t | 1
        });
    eprintln!("SELFSERVE_KILL_SEED={seed}");
    let mut rng = Rng(seed);
    // A first, unkilled move tells how long a whole one takes.
    let mut whole_ms: u64 = {
        let before = recorded_at(&env.db);
        let started = Instant::now();
        let (from_s, to_s) = (from.to_string(), to.to_string());
        let out = env.run(
            ADMIN,
            &["subscription", "move-users", &from_s, "--to", &to_s],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let ms = started.elapsed().as_millis() as u64;
        assert!(verify(&env.db, from, to, before));
        (from, to) = next_round(&env.db, to, buyer);
        ms.max(50)
    };
    eprintln!("a whole move of {USERS} users takes {whole_ms} ms");
    let (mut nothing, mut whole) = (0, 0);
    for round in 0..rounds {
        let before = recorded_at(&env.db);
        // Round `round` of `rounds` gets the slice [round, round + 1) * 2 * whole_ms / rounds.
        let slice = (2 * whole_ms / rounds as u64).max(1);
        let delay = round as u64 * slice + rng.next() % slice;
        let (from_s, to_s) = (from.to_string(), to.to_string());
        let mut child = env
            .cmd(
                ADMIN,
                &["subscription", "move-users", &from_s, "--to", &to_s],
            )
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let started = Instant::now();
        let deadline = started + Duration::from_millis(delay);
        // Poll rather than sleep: a move that ends before its kill tells how long a whole one
        // takes (the time slept would only tell the delay, and feed it back into the next).
        let finished = loop {
            if child.try_wait().expect("poll").is_some() {
                whole_ms = whole_ms.max(started.elapsed().as_millis() as u64);
                break true;
            }
            if Instant::now() >= deadline {
                break false;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        if !finished {
            child.kill().expect("SIGKILL");
        }
        child.wait().expect("reap");
        let happened = verify(&env.db, from, to, before);
        eprintln!(
            "round {round}: {} {delay} ms: move {}",
            if finished {
                "finished before its kill at"
            } else {
                "killed after"
            },
            if happened { "whole" } else { "absent" }
        );
        if happened {
            whole += 1;
            (from, to) = next_round(&env.db, to, buyer);
        } else {
            nothing += 1;
        }
    }
    eprintln!("{rounds} kills: {nothing} moves absent, {whole} whole");
    assert_eq!(nothing + whole, rounds);
    // Only both outcomes show that the kills spanned the write.
    assert!(
        nothing > 0,
        "no kill landed before a move committed (SELFSERVE_KILL_SEED={seed})"
    );
    assert!(
        whole > 0,
        "no move completed: every kill came before its commit (SELFSERVE_KILL_SEED={seed})"
    );
}

#[test]
fn a_kill_during_a_move_of_10000_users_leaves_it_whole_or_absent() {
    kill_loop(3);
}

#[test]
#[ignore = "long: SIGKILLs many moves of 10,000 users; CI runs it with SELFSERVE_KILL_ITERATIONS"]
fn many_kills_during_moves_of_10000_users_leave_each_whole_or_absent() {
    let rounds = std::env::var("SELFSERVE_KILL_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    kill_loop(rounds);
}
