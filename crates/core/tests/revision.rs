//! The revision counter: one step per committed write, none for a read, a dry run or a refusal;
//! and the change a notice carries for a write.

mod common;

use common::{now, Tenant, ADMIN, READER};
use selfserve_core::api::{dispatch, Change, RecordKind, Request};
use selfserve_core::model::PolicyValue;
use selfserve_core::ops::set_policy::PolicyScope;
use std::sync::atomic::AtomicU64;

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

fn set_policy(value: PolicyValue) -> Request {
    Request::SetPolicy {
        scope: PolicyScope::Product(POWER_BI_PRO.into()),
        value,
        now: now(),
    }
}

#[test]
fn each_committed_write_moves_the_revision_by_one() {
    let t = Tenant::demo();
    let (admin, reader) = (t.actor(ADMIN), t.actor(READER));
    let progress = AtomicU64::new(0);
    let before = t.store.revision().expect("revision");

    dispatch(&t.store, &admin, Request::PolicyRows, &progress).expect("a read");
    assert!(dispatch(
        &t.store,
        &reader,
        set_policy(PolicyValue::Disabled),
        &progress
    )
    .is_err());
    assert_eq!(
        t.store.revision().expect("revision"),
        before,
        "nothing committed"
    );

    let request = set_policy(PolicyValue::Disabled);
    dispatch(&t.store, &admin, request.clone(), &progress).expect("a write");
    let after = t.store.revision().expect("revision");
    assert_eq!(after, before + 1);

    let change = Change::of(&request, &admin, after, now()).expect("a change");
    assert_eq!(change.kind, RecordKind::Policy);
    assert_eq!(change.ids, vec![POWER_BI_PRO.to_string()]);
    assert_eq!(change.login, ADMIN);
    assert_eq!(change.upn, admin.user.upn);
    assert!(change
        .summary()
        .to_string()
        .contains("changed the policy: policy CFQ7TTC0H9MP"));
    assert!(change
        .summary()
        .in_lang(selfserve_core::i18n::Lang::Fr)
        .contains("a modifié la stratégie : stratégie CFQ7TTC0H9MP"));
    assert_eq!(Change::of(&Request::PolicyRows, &admin, after, now()), None);
}
