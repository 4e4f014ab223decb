//! Storefront rules through the core API where the command line cannot reach: a tenant without
//! an existing agreement, disabled directory users, and the policy rules as pure functions.

mod common;

use common::{now, Tenant, ADMIN};
use selfserve_core::model::*;
use selfserve_core::ops::set_policy::{self, PolicyScope, DATA_NOTICE};
use selfserve_core::ops::storefront::{self, policy_permits, Attempt, Purchase, Trial};
use selfserve_core::Error;

fn refused(result: Result<(), Error>) -> String {
    match result {
        Err(Error::Refused(m)) => m.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_trial_without_a_card_needs_the_tenants_existing_agreement() {
    let t = Tenant::demo();
    let planner = t.store.product("CFQ7TTC0HDB1").expect("Planner Plan 1");
    let mut tenant = t.store.tenant().clone();
    assert!(storefront::cardless_trial_permitted(&tenant, &planner).is_ok());
    tenant.existing_agreement = false;
    let m = refused(storefront::cardless_trial_permitted(&tenant, &planner));
    assert!(
        m.contains("existing agreement") && m.contains("rule 2"),
        "{m}"
    );
    let pbi = t.store.product("CFQ7TTC0H9MP").expect("Power BI Pro");
    let m = refused(storefront::cardless_trial_permitted(t.store.tenant(), &pbi));
    assert!(m.contains("needs a payment method"), "{m}");
}

#[test]
fn rule_3_as_a_table() {
    let t = Tenant::demo();
    let p = t.store.product("CFQ7TTC0HDB1").expect("product");
    let attempts = [
        Attempt::Purchase,
        Attempt::TrialWithCard,
        Attempt::TrialWithoutCard,
    ];
    let expected = [
        (PolicyValue::Enabled, [true, true, true]),
        (
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
            [false, false, true],
        ),
        (PolicyValue::Disabled, [false, false, false]),
    ];
    for (policy, allowed) in expected {
        for (attempt, ok) in attempts.iter().zip(allowed) {
            let result = policy_permits(&p, policy, *attempt);
            assert_eq!(result.is_ok(), ok, "{policy:?} / {attempt:?}: {result:?}");
            if let Err(e) = result {
                assert!(e.to_string().contains("rule 3"), "{e}");
                assert_eq!(e.exit_code(), 1);
            }
        }
    }
}

#[test]
fn disabled_directory_users_neither_buy_nor_try() {
    let t = Tenant::demo();
    let disabled = t
        .store
        .users()
        .map(|u| u.expect("user"))
        .find(|u| !u.enabled)
        .expect("the demo has disabled users");
    let admin = t.actor(ADMIN);
    let buy = storefront::purchase(
        &t.store,
        &admin,
        &Purchase {
            user: disabled.upn.clone(),
            product: "CFQ7TTC0HDB1".into(),
            quantity: 1,
            card_last4: "4242".into(),
            term: Term::Monthly,
        },
        now(),
    );
    assert!(
        matches!(buy, Err(Error::Refused(ref m)) if m.to_string().contains("disabled")),
        "{buy:?}"
    );
    let try_out = storefront::trial(
        &t.store,
        &admin,
        &Trial {
            user: disabled.upn,
            product: "CFQ7TTC0HDB1".into(),
            card_last4: None,
        },
        now(),
    );
    assert!(matches!(try_out, Err(Error::Refused(_))), "{try_out:?}");
}

#[test]
fn the_outcome_carries_the_very_notice_the_dashboard_shows() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    // Teams Exploratory: trials only needs a trial without a payment method (issue 14).
    let scope = PolicyScope::Product("CFQ7TTC0J1FV".into());
    let out = set_policy::set_policy(
        &t.store,
        &admin,
        &scope,
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
        now(),
    )
    .expect("set");
    assert_eq!(out.data_notice, Some(DATA_NOTICE));
    assert_eq!(
        t.store
            .policy(&ProductId("CFQ7TTC0J1FV".into()))
            .expect("policy"),
        PolicyValue::OnlyTrialsWithoutPaymentMethod
    );
}
