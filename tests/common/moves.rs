//! A tenant holding a move of 10,000 users, for the kill loops (crash_move.rs, crash_serve.rs).
//!
//! Built through the core operations: a demo of 11,000 users; a self-service purchase of 10,000
//! licenses from the storefront, taken over and assigned to 10,000 users; and a central
//! subscription to move them into. When a move completes, the users go back into a fresh
//! self-service purchase for the next round.

use super::{ADMIN, NOW};
use selfserve_core::check::check;
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::model::{EmailKind, ProductId, Status, SubscriptionId, Term, UserId};
use selfserve_core::ops::storefront::{self, Purchase};
use selfserve_core::ops::{assign, buy, move_users, take_over};
use selfserve_core::{Actor, Store};
use std::path::Path;
use std::sync::atomic::AtomicU64;

pub const USERS: usize = 10_000;
const PRODUCT: &str = "CFQ7TTC0HD32"; // Visio Plan 2: few demo users hold it

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
pub fn next_round(
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
pub fn recorded(store: &Store) -> (usize, usize) {
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

pub fn recorded_at(db: &Path) -> (usize, usize) {
    recorded(&Store::open(db).expect("open"))
}

/// Reopens the database after a kill and proves the move whole (with its audit event and the
/// buyer's e-mail) or absent. Returns whether it happened.
pub fn verify(db: &Path, from: SubscriptionId, to: SubscriptionId, before: (usize, usize)) -> bool {
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
