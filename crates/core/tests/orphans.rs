//! Orphaned purchases (issue 14, point 6) through the core: the demo's buyers who left, a buyer
//! disabled, a buyer gone from the directory, and a deleted purchase no longer listed.

mod common;

use common::{now, Tenant, ADMIN, READER};
use selfserve_core::model::{CancelReason, Origin};
use selfserve_core::ops::cancel::cancel;
use selfserve_core::ops::take_over::take_over;
use selfserve_core::orphans::{orphans, OrphanReason};

#[test]
fn disabled_and_gone_buyers_make_orphans_until_the_purchase_is_deleted() {
    let t = Tenant::demo();
    let reader = t.actor(READER);
    let found = orphans(&t.store, &reader, now()).expect("orphans");
    assert_eq!(found.len(), 3, "the demo's three buyers who left");
    assert!(found.iter().all(|o| o.reason == OrphanReason::BuyerDisabled
        && o.subscription.origin == Origin::SelfServicePurchase));

    // A buyer removed from the directory: their purchases become orphans, as gone.
    let sub = t
        .store
        .subscriptions()
        .map(|s| s.expect("sub"))
        .find(|s| {
            s.origin.is_self_service()
                && s.buyer.is_some()
                && !found.iter().any(|o| o.subscription.id == s.id)
        })
        .expect("another self-service purchase");
    let buyer = t
        .store
        .user(sub.buyer.expect("buyer"))
        .expect("read")
        .expect("user");
    t.store
        .transact(|tx| tx.remove_user(&buyer))
        .expect("remove the buyer");
    let found = orphans(&t.store, &reader, now()).expect("orphans");
    let gone: Vec<_> = found
        .iter()
        .filter(|o| o.reason == OrphanReason::BuyerGone)
        .collect();
    assert!(
        gone.iter().any(|o| o.subscription.id == sub.id),
        "{found:?}"
    );

    // Cancelled: deleted, so no longer an orphan.
    let admin = t.actor(ADMIN);
    let first = found[0].subscription.id;
    take_over(&t.store, &admin, first, now(), false).expect("take over");
    cancel(
        &t.store,
        &admin,
        first,
        CancelReason::NoLongerNeeded,
        now(),
        false,
    )
    .expect("cancel");
    let after = orphans(&t.store, &reader, now()).expect("orphans");
    assert_eq!(after.len(), found.len() - 1);
    assert!(after.iter().all(|o| o.subscription.id != first));
}
