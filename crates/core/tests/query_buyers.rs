//! `query::product_buyers`: each product's buyers, once each, from its live subscriptions only.

mod common;

use common::{now, Tenant, READER};
use selfserve_core::model::Status;
use selfserve_core::query::{self, SubscriptionFilter};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn every_live_buyer_once_per_product_and_none_of_the_deleted() {
    let t = Tenant::demo();
    let reader = t.actor(READER);
    let rows = query::subscription_rows(&t.store, &reader, &SubscriptionFilter::default(), now())
        .expect("subscriptions");
    let mut expected: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for r in &rows {
        if r.status == Status::Deleted {
            continue;
        }
        if let (Some(name), Some(upn)) = (&r.buyer_name, &r.buyer) {
            expected
                .entry(r.product_id.0.clone())
                .or_default()
                .insert((name.clone(), upn.clone()));
        }
    }
    let only_deleted = rows.iter().any(|r| {
        r.status == Status::Deleted
            && r.buyer.as_ref().is_some_and(|upn| {
                !expected
                    .get(&r.product_id.0)
                    .is_some_and(|b| b.iter().any(|(_, u)| u == upn))
            })
    });
    assert!(
        only_deleted,
        "the demo has a buyer whose only subscription of a product is deleted, to leave out"
    );
    let got = query::product_buyers(&t.store, &reader).expect("a reader may read buyers");
    assert_eq!(got.len(), 17, "every product, buyers or not");
    for p in got {
        let want = expected.remove(&p.product_id.0).unwrap_or_default();
        let mut sorted = p.buyers.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, p.buyers, "{}: sorted, each once", p.product_id);
        assert_eq!(
            p.buyers.into_iter().collect::<BTreeSet<_>>(),
            want,
            "{}",
            p.product_id
        );
    }
}
