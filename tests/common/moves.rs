//! A tenant holding a write of 10,000 users, for the kill loops (crash_move.rs, crash_serve.rs):
//! a move, a cancellation or a centralisation.
//!
//! Built through the core operations: a demo of 11,000 users whose own self-service
//! subscriptions of the product are centralised first; a self-service purchase of 10,000
//! licenses from the storefront, taken over and assigned to 10,000 users; and a central
//! subscription to move them into. When a write completes, the users go back into a fresh
//! self-service purchase for the next round.

use super::{ADMIN, NOW};
use selfserve_core::check::check;
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::model::{EmailKind, ProductId, Status, SubscriptionId, Term, UserId};
use selfserve_core::ops::storefront::{self, Purchase};
use selfserve_core::ops::{assign, buy, centralise, move_users, take_over};
use selfserve_core::{Actor, Store};
use std::path::Path;
use std::sync::atomic::AtomicU64;

pub const USERS: usize = 10_000;
const PRODUCT: &str = "CFQ7TTC0HD32"; // Visio Plan 2: few demo users hold it

/// The write a kill loop interrupts: each leaves `from` Deleted and empty when whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `subscription move-users FROM --to TO`
    Move,
    /// `subscription cancel FROM --reason other`: its users lose their licenses.
    Cancel,
    /// `product centralise PRODUCT`: FROM's users get TO's free licenses.
    Centralise,
}

impl Op {
    pub fn args(self, from: SubscriptionId, to: SubscriptionId) -> Vec<String> {
        let (from, to) = (from.to_string(), to.to_string());
        let args: Vec<&str> = match self {
            Op::Move => vec!["subscription", "move-users", &from, "--to", &to],
            Op::Cancel => vec!["subscription", "cancel", &from, "--reason", "other"],
            Op::Centralise => vec!["product", "centralise", PRODUCT],
        };
        args.into_iter().map(String::from).collect()
    }

    /// The audit event and the buyer's e-mail its commit records.
    fn records(self) -> (&'static str, EmailKind) {
        match self {
            Op::Move => ("subscription.move-users", EmailKind::UsersMoved),
            Op::Cancel => ("subscription.cancel", EmailKind::SubscriptionCancelled),
            Op::Centralise => ("product.centralise", EmailKind::UsersMoved),
        }
    }

    /// How many users TO holds once the write is whole.
    fn to_after(self) -> usize {
        match self {
            Op::Cancel => 0,
            Op::Move | Op::Centralise => USERS,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Op::Move => "move",
            Op::Cancel => "cancellation",
            Op::Centralise => "centralisation",
        }
    }
}

pub fn now() -> chrono::DateTime<chrono::Utc> {
    selfserve_core::clock::parse_now(NOW).expect("clock")
}

/// A small xorshift: the test needs unpredictable delays, and a seed to replay them.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

pub fn buy(store: &Store, actor: &Actor, quantity: u32) -> SubscriptionId {
    let product = ProductId(PRODUCT.into());
    buy::buy_central(store, actor, &product, quantity, Term::Annual, now(), false)
        .expect("buy")
        .plan
        .subscription
        .id
}

/// A self-service purchase of 10,000 licenses by `buyer`, taken over by the administrator.
pub fn self_service(store: &Store, actor: &Actor, buyer: UserId) -> SubscriptionId {
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
pub fn setup(db: &Path) -> (SubscriptionId, SubscriptionId) {
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
    // The demo's own self-service subscriptions of the product go central first, so that a
    // centralisation in the loop moves exactly FROM's users (refused: there were none).
    match centralise::centralise(&store, &admin, &product, Term::Annual, now(), false) {
        Ok(_) => {}
        Err(e) if e.exit_code() == 1 => {}
        Err(e) => panic!("centralise the demo's own: {e:?}"),
    }
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

/// After a whole write, the next round's FROM and TO. After a move or a centralisation into
/// TO: its users go back into a fresh self-service purchase (not killed) and a new TO is bought.
/// After a cancellation: a fresh self-service purchase gets `holders` (FROM's users before it),
/// and TO, untouched, stays.
pub fn next_round(
    db: &Path,
    op: Op,
    to: SubscriptionId,
    buyer: UserId,
    holders: &[UserId],
) -> (SubscriptionId, SubscriptionId) {
    let store = Store::open(db).expect("open");
    let admin = store.actor(ADMIN).expect("admin");
    let from = self_service(&store, &admin, buyer);
    if op == Op::Cancel {
        // The buyer got the first license with the purchase.
        let rest: Vec<UserId> = holders.iter().copied().filter(|u| *u != buyer).collect();
        assign::assign(&store, &admin, from, &rest, now(), false).expect("assign again");
        return (from, to);
    }
    move_users::move_users(&store, &admin, to, from, now(), false).expect("move back");
    (from, buy(&store, &admin, USERS as u32))
}

/// The users holding a license of `from`.
pub fn holders(db: &Path, from: SubscriptionId) -> Vec<UserId> {
    let store = Store::open(db).expect("open");
    store
        .assignments_of(from)
        .expect("users")
        .into_iter()
        .map(|a| a.user)
        .collect()
}

/// `op`'s audit events and buyer e-mails recorded so far.
pub fn recorded(store: &Store, op: Op) -> (usize, usize) {
    let (action, kind) = op.records();
    let events = store
        .audit()
        .filter(|e| e.as_ref().is_ok_and(|e| e.action == action))
        .count();
    let emails = store
        .outbox()
        .filter(|e| e.as_ref().is_ok_and(|e| e.kind == kind))
        .count();
    (events, emails)
}

pub fn recorded_at(db: &Path, op: Op) -> (usize, usize) {
    recorded(&Store::open(db).expect("open"), op)
}

/// Reopens the database after a kill and proves `op` whole (with its audit event and the
/// buyer's e-mail) or absent, and `check` clean. Returns whether it happened.
pub fn verify(
    db: &Path,
    op: Op,
    from: SubscriptionId,
    to: SubscriptionId,
    before: (usize, usize),
) -> bool {
    let store = Store::open(db).expect("the database reopens after a kill");
    let admin = store.actor(ADMIN).expect("admin");
    let report = check(&store, &admin, &AtomicU64::new(0)).expect("check");
    assert!(report.ok, "check after a kill: {:#?}", report.breaches);
    let f = store.subscription(from).expect("read").expect("from");
    let t = store.subscription(to).expect("read").expect("to");
    assert_eq!(t.status, Status::Active, "the target stays Active");
    let (events, emails) = recorded(&store, op);
    let state = (
        f.status,
        store.assignments_of(from).expect("from").len(),
        store.assignments_of(to).expect("to").len(),
        events - before.0,
        emails - before.1,
    );
    match state {
        (Status::Active, USERS, 0, 0, 0) => false,
        (Status::Deleted, 0, n, 1, 1) if n == op.to_after() => true,
        other => panic!(
            "a partial {} survived a kill: (from status, from users, to users, audit events, e-mails) = {other:?}",
            op.name()
        ),
    }
}

/// The seed of a loop's random delays: `SELFSERVE_KILL_SEED`, else the clock.
pub fn seed() -> u64 {
    std::env::var("SELFSERVE_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1);
            t | 1
        })
}

/// The self-service buyer of `from`.
pub fn buyer_of(db: &Path, from: SubscriptionId) -> UserId {
    let store = Store::open(db).expect("open");
    let sub = store.subscription(from).expect("read").expect("from");
    sub.buyer.expect("a self-service buyer")
}

/// `SELFSERVE_KILL_ITERATIONS`, else 10.
pub fn iterations() -> usize {
    std::env::var("SELFSERVE_KILL_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10)
}
