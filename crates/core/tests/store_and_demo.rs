//! The store's reads and the demo tenant's shape, on real databases in temporary directories.

mod common;

use common::*;
use selfserve_core::check::check;
use selfserve_core::model::{Origin, ProductId, SubscriptionId};
use selfserve_core::query::{self, SubscriptionFilter};
use selfserve_core::Error;
use std::collections::HashSet;
use std::sync::atomic::AtomicU64;

#[test]
fn the_demo_tenant_has_the_shape_the_screens_need() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    assert!(t.store.tenant().demo && t.store.tenant().existing_agreement);
    assert_eq!(t.store.users_count(), 250);
    let subs = query::subscription_rows(&t.store, &admin, &SubscriptionFilter::default(), now())
        .expect("rows");
    assert!(
        (60..=100).contains(&subs.len()),
        "{} subscriptions",
        subs.len()
    );
    let products: HashSet<&ProductId> = subs.iter().map(|s| &s.product_id).collect();
    assert_eq!(products.len(), 17, "every product has subscriptions");
    let trial_without_card = subs
        .iter()
        .any(|s| s.origin == Origin::SelfServiceTrial && s.payment_method == "none");
    let trial_with_card = subs
        .iter()
        .any(|s| s.origin == Origin::SelfServiceTrial && s.payment_method == "card");
    assert!(trial_with_card && trial_without_card);
    let central: Vec<_> = subs
        .iter()
        .filter(|s| s.origin == Origin::Central)
        .collect();
    assert!(
        central.iter().any(|s| s.free() >= 5),
        "a central subscription with room for moves"
    );
    assert!(
        central.iter().any(|s| s.free() <= 1),
        "a central subscription too full for moves"
    );
    // Several products bought by several buyers.
    let multi = products
        .iter()
        .filter(|p| {
            let buyers: HashSet<_> = subs
                .iter()
                .filter(|s| &s.product_id == **p && s.buyer.is_some())
                .map(|s| s.buyer.clone())
                .collect();
            buyers.len() >= 2
        })
        .count();
    assert!(multi >= 5, "only {multi} products have several buyers");
    let names: String = subs.iter().filter_map(|s| s.buyer_name.clone()).collect();
    assert!(
        names
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)
                || ('\u{ac00}'..='\u{d7af}').contains(&c)),
        "CJK names"
    );
    assert!(
        names.chars().any(|c| "éèëïöüçøåñ".contains(c)),
        "accented names"
    );
}

#[test]
fn the_demo_is_deterministic_and_consistent_at_several_sizes() {
    for (users, seed) in [(250, 42), (1_000, 7), (5_000, 99)] {
        let a = Tenant::demo_sized(users, seed);
        let admin = a.actor(ADMIN);
        let report = check(&a.store, &admin, &AtomicU64::new(0)).expect("check");
        assert!(
            report.ok,
            "{users} users, seed {seed}: {:?}",
            report.breaches
        );
        assert_eq!(report.users, users as u64);
        if users == 1_000 {
            let b = Tenant::demo_sized(users, seed);
            let rows = |t: &Tenant| {
                query::subscription_rows(
                    &t.store,
                    &t.actor(ADMIN),
                    &SubscriptionFilter::default(),
                    now(),
                )
                .expect("rows")
            };
            assert_eq!(rows(&a), rows(&b));
        }
    }
}

#[test]
fn subscriptions_resolve_by_unique_prefix() {
    let t = Tenant::demo();
    let sub = t
        .store
        .subscriptions()
        .next()
        .expect("one")
        .expect("readable");
    let id = sub.id.to_string();
    assert_eq!(
        t.store.resolve_subscription(&id).expect("whole id").id,
        sub.id
    );
    assert_eq!(
        t.store
            .resolve_subscription(&id[..9])
            .expect("prefix with hyphen")
            .id,
        sub.id
    );
    assert_eq!(
        t.store
            .resolve_subscription(&id[..5].to_uppercase())
            .expect("odd-length prefix")
            .id,
        sub.id
    );
    assert!(matches!(
        t.store.resolve_subscription("abc"),
        Err(Error::Usage(_))
    ));
    assert!(matches!(
        t.store.resolve_subscription("zzzz"),
        Err(Error::Usage(_))
    ));
}

#[test]
fn users_are_found_by_upn_whatever_the_case() {
    let t = Tenant::demo();
    let u = t
        .store
        .user_by_upn("ADELE.VANCE@contoso.example")
        .expect("admin user");
    assert_eq!(u.display_name, "Adèle Vance");
    assert!(matches!(
        t.store.user_by_upn("nobody@contoso.example"),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn reads_need_an_administrator_and_every_role_may_read() {
    let t = Tenant::demo();
    for login in [ADMIN, BILLING, READER] {
        let actor = t.actor(login);
        assert_eq!(
            query::product_rows(&t.store, &actor, false, now())
                .expect("rows")
                .len(),
            17
        );
    }
    assert!(matches!(
        t.store.actor("stranger"),
        Err(Error::PermissionDenied(_))
    ));
}

#[test]
fn users_by_buyer_groups_every_assignment_once() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let product = ProductId("CFQ7TTC0H9MP".into());
    let subs: Vec<SubscriptionId> = t
        .store
        .subscriptions_of_product(&product)
        .expect("subs")
        .iter()
        .map(|s| s.id)
        .collect();
    let groups = query::users_by_buyer(&t.store, &admin, &subs).expect("groups");
    let total: usize = groups.iter().map(|g| g.users.len()).sum();
    let expected: u32 = t
        .store
        .subscriptions_of_product(&product)
        .expect("subs")
        .iter()
        .map(|s| s.assigned)
        .sum();
    assert_eq!(total as u32, expected);
    let buyers: Vec<_> = groups.iter().map(|g| g.buyer.clone()).collect();
    let unique: HashSet<_> = buyers.iter().collect();
    assert_eq!(unique.len(), buyers.len(), "one group per buyer");
    assert!(
        groups.last().is_some_and(|g| g.buyer.is_none()),
        "central last"
    );
}

/// `users_among` finds the users asked for, skips those missing, whether it walks the
/// directory (many wanted, close together) or seeks (few, far apart); `assigned_users` reads
/// the same users as the assignments.
#[test]
fn users_among_and_assigned_users_read_what_the_single_reads_read() {
    use selfserve_core::model::UserId;
    let t = Tenant::demo();
    let all: Vec<_> = t.store.users().map(|u| u.expect("user")).collect();
    let missing = [
        UserId::from_slice(&[0u8; 16]).expect("id"),
        UserId::from_slice(&[0x7fu8; 16]).expect("id"),
        UserId::from_slice(&[0xffu8; 16]).expect("id"),
    ];
    for every in [1usize, 2, 3, 7, 50, 249] {
        let wanted: Vec<UserId> = all.iter().step_by(every).map(|u| u.id).collect();
        let mut ids: Vec<UserId> = wanted.iter().copied().chain(missing).collect();
        ids.sort_unstable();
        let got: Vec<UserId> = t
            .store
            .users_among(&ids)
            .expect("users")
            .iter()
            .map(|u| u.id)
            .collect();
        assert_eq!(got, wanted, "every {every}th user");
    }
    assert!(t.store.users_among(&[]).expect("none").is_empty());
    assert!(t.store.users_among(&missing).expect("none").is_empty());
    for s in t.store.subscriptions() {
        let s = s.expect("subscription");
        let held: Vec<UserId> = t
            .store
            .assignments_of(s.id)
            .expect("assignments")
            .iter()
            .map(|a| a.user)
            .collect();
        assert_eq!(t.store.assigned_users(s.id).expect("users"), held);
    }
}
