//! Policy as code (issue 14) through the core: a plan is the exact difference, apply is one
//! transaction and one audit event, drift after apply is none, export plans as no change, and
//! bad files are refused with their line and key, changing nothing.

mod common;

use common::{now, Tenant, ADMIN, READER};
use selfserve_core::import::ImportFile;
use selfserve_core::model::{PolicyValue, ProductId};
use selfserve_core::ops::apply_policy::apply_policy;
use selfserve_core::ops::set_policy::{set_policy, PolicyScope};
use selfserve_core::policy::plan::{self, PolicyPlan, Subject};
use selfserve_core::Error;

const COPILOT: &str = "CFQ7TTC0MM8R";
const PURVIEW: &str = "CFQ7TTC0N8SL";
const PLANNER: &str = "CFQ7TTC0HDB1";
const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

fn file(text: &str) -> ImportFile {
    ImportFile {
        name: "desired.toml".into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn changed_ids(plan: &PolicyPlan) -> Vec<String> {
    plan.items
        .iter()
        .filter(|i| i.change().is_some())
        .map(|i| i.id.clone())
        .collect()
}

const DESIRED: &str = r#"
[policy]
default_for_new = "Disabled"
all = "Disabled"
exclude = ["CFQ7TTC0HDB1"]

[products]
CFQ7TTC0N8SL = "OnlyTrialsWithoutPaymentMethod"
"#;

#[test]
fn the_plan_is_the_exact_difference_and_changes_nothing() {
    let t = Tenant::demo();
    let reader = t.actor(READER);
    let revision = t.store.revision().expect("revision");
    let plan = plan::plan(&t.store, &reader, &file(DESIRED)).expect("plan");
    // By hand: the demo has Copilot Disabled, Purview trials only and every other product
    // Enabled; Planner is excluded (stays Enabled). So the default and the 14 others change.
    let mut expected: Vec<String> = t
        .store
        .products()
        .expect("products")
        .into_iter()
        .map(|p| p.id.0)
        .filter(|id| ![COPILOT, PURVIEW, PLANNER].contains(&id.as_str()))
        .collect();
    expected.insert(0, "default_for_new".into());
    assert_eq!(changed_ids(&plan), expected);
    assert_eq!(plan.changes, 15);
    assert!(!plan.matches && !plan.applied);
    let item = |id: &str| {
        plan.items
            .iter()
            .find(|i| i.id == id)
            .expect("item")
            .clone()
    };
    assert_eq!(item(PLANNER).key.as_deref(), Some("policy.exclude"));
    assert!(item(PLANNER).pass);
    assert_eq!(item(COPILOT).key.as_deref(), Some("policy.all"));
    assert!(item(COPILOT).pass);
    assert_eq!(item(PURVIEW).key.as_deref(), Some("products.CFQ7TTC0N8SL"));
    let pbi = item(POWER_BI_PRO);
    assert_eq!(
        (pbi.expected, pbi.actual, pbi.pass),
        (Some(PolicyValue::Disabled), PolicyValue::Enabled, false)
    );
    // Offer types: the file is silent, so they are left and pass.
    assert!(plan
        .items
        .iter()
        .filter(|i| i.kind == Subject::OfferType)
        .all(|i| i.pass && i.expected.is_none()));
    assert_eq!(t.store.revision().expect("revision"), revision);
}

#[test]
fn apply_is_one_transaction_and_one_audit_event_then_drift_is_none() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let revision = t.store.revision().expect("revision");
    let audit_before = t.store.audit().count();
    let applied = apply_policy(&t.store, &admin, &file(DESIRED), now()).expect("apply");
    assert!(applied.applied);
    assert_eq!(applied.changes, 15);
    assert_eq!(t.store.revision().expect("revision"), revision + 1);
    let events: Vec<_> = t
        .store
        .audit()
        .skip(audit_before)
        .map(|e| e.expect("event"))
        .collect();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].action, "policy.apply");
    assert_eq!(events[0].target, "desired.toml");
    let after = events[0].after.clone().unwrap_or_default();
    assert!(
        after.contains("default_for_new: Enabled -> Disabled"),
        "{after}"
    );
    assert!(
        after.contains("CFQ7TTC0H9MP: Enabled -> Disabled"),
        "{after}"
    );
    assert!(!after.contains(PLANNER), "{after}");
    assert_eq!(
        t.store
            .policy(&ProductId(POWER_BI_PRO.into()))
            .expect("policy"),
        PolicyValue::Disabled
    );
    assert_eq!(
        t.store.policy_default().expect("default"),
        PolicyValue::Disabled
    );

    let drift = plan::plan(&t.store, &admin, &file(DESIRED)).expect("drift");
    assert!(drift.matches && drift.changes == 0, "{drift:?}");
    // Applying again changes nothing and writes nothing.
    let again = apply_policy(&t.store, &admin, &file(DESIRED), now()).expect("again");
    assert!(!again.applied);
    assert_eq!(t.store.revision().expect("revision"), revision + 1);

    // A change by hand is drift, named.
    set_policy(
        &t.store,
        &admin,
        &PolicyScope::Product(POWER_BI_PRO.into()),
        PolicyValue::Enabled,
        now(),
    )
    .expect("set");
    let drift = plan::plan(&t.store, &admin, &file(DESIRED)).expect("drift");
    assert!(!drift.matches);
    assert_eq!(changed_ids(&drift), [POWER_BI_PRO]);
}

#[test]
fn export_then_plan_on_the_same_tenant_shows_no_change() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    apply_policy(&t.store, &admin, &file(DESIRED), now()).expect("apply");
    let export = plan::export(&t.store, &t.actor(READER)).expect("export");
    let plan = plan::plan(&t.store, &admin, &file(&export.toml)).expect("plan");
    assert!(plan.matches, "{}\n{plan:?}", export.toml);
    // And every setting is named by it: nothing is left to the tenant's chance.
    assert!(plan.items.iter().all(|i| i.expected.is_some()));
}

#[test]
fn bad_files_name_the_line_and_key_and_change_nothing() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let revision = t.store.revision().expect("revision");
    let cases = [
        (
            "[products]\nNOPE123 = \"Disabled\"\n",
            "line 2, products.NOPE123",
            "no product NOPE123",
        ),
        (
            "[policy]\nall = \"Maybe\"\n",
            "line 2, policy.all",
            "\"Maybe\" is not a policy value",
        ),
        ("[policy]\n\nall = Disabled\n", "line 3", ""),
        (
            "[policy]\nevery = \"Disabled\"\n",
            "line 2, policy.every",
            "no such key",
        ),
        (
            "[offer_types]\nSaaS = \"OnlyTrialsWithoutPaymentMethod\"\n",
            "line 2, offer_types.SaaS",
            "Enabled or Disabled",
        ),
        (
            "[offer_types]\nAPPS = \"Disabled\"\n",
            "line 2, offer_types.APPS",
            "no such offer type",
        ),
        (
            "[policy]\nexclude = [\"CFQ7TTC0HDB1\"]\n[products]\nCFQ7TTC0HDB1 = \"Disabled\"\n",
            "line 4, products.CFQ7TTC0HDB1",
            "policy.exclude and in [products]",
        ),
    ];
    for (text, at, why) in cases {
        let e = apply_policy(&t.store, &admin, &file(text), now()).expect_err(text);
        assert!(matches!(e, Error::Usage(_)), "{text}: {e:?}");
        let line = e.to_string();
        assert!(
            line.starts_with(&format!("desired.toml, {at}")),
            "{text}: {line}"
        );
        assert!(line.contains(why), "{text}: {line}");
        assert!(line.ends_with("nothing was changed"), "{line}");
        assert!(plan::plan(&t.store, &admin, &file(text)).is_err());
    }
    assert_eq!(t.store.revision().expect("revision"), revision);
}

#[test]
fn only_a_global_administrator_applies_and_every_role_plans() {
    let t = Tenant::demo();
    let e = apply_policy(&t.store, &t.actor(READER), &file(DESIRED), now()).expect_err("reader");
    assert_eq!(e.exit_code(), 3);
    let e =
        apply_policy(&t.store, &t.actor("billing"), &file(DESIRED), now()).expect_err("billing");
    assert_eq!(e.exit_code(), 3);
    assert!(plan::plan(&t.store, &t.actor("billing"), &file(DESIRED)).is_ok());
}

#[test]
fn trials_only_is_refused_for_a_product_without_a_cardless_trial() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let revision = t.store.revision().expect("revision");
    let scope = PolicyScope::Product(POWER_BI_PRO.into());
    let e = set_policy(
        &t.store,
        &admin,
        &scope,
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
        now(),
    )
    .expect_err("Power BI Pro has no card-less trial");
    assert_eq!(e.exit_code(), 1);
    assert!(
        e.to_string().contains("no trial without a payment method"),
        "{e}"
    );
    // --all: one product that cannot take it refuses the whole change.
    let e = set_policy(
        &t.store,
        &admin,
        &PolicyScope::All,
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
        now(),
    )
    .expect_err("all");
    assert_eq!(e.exit_code(), 1);
    // Planner Plan 1 has one.
    set_policy(
        &t.store,
        &admin,
        &PolicyScope::Product(PLANNER.into()),
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
        now(),
    )
    .expect("Planner");
    let revision = revision + 1;
    // In a file: refused with its line and key.
    let text = "[products]\nCFQ7TTC0H9MP = \"OnlyTrialsWithoutPaymentMethod\"\n";
    let e = apply_policy(&t.store, &admin, &file(text), now()).expect_err("file");
    assert_eq!(e.exit_code(), 1);
    assert!(
        e.to_string()
            .starts_with("desired.toml, line 2, products.CFQ7TTC0H9MP: Power BI Pro"),
        "{e}"
    );
    let text = "[policy]\nall = \"OnlyTrialsWithoutPaymentMethod\"\n";
    let e = apply_policy(&t.store, &admin, &file(text), now()).expect_err("all in a file");
    assert!(
        e.to_string()
            .starts_with("desired.toml, line 2, policy.all:"),
        "{e}"
    );
    assert_eq!(t.store.revision().expect("revision"), revision);
}

#[test]
fn offer_types_have_their_own_policy_enabled_or_disabled() {
    use selfserve_core::ops::set_offer_policy::set_offer_policy;
    use selfserve_core::policy::OfferType;
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    assert_eq!(
        t.store.offer_type_policy(OfferType::SaaS).expect("saas"),
        PolicyValue::Enabled
    );
    let change = set_offer_policy(
        &t.store,
        &admin,
        OfferType::SaaS,
        PolicyValue::Disabled,
        now(),
    )
    .expect("set");
    assert!(change.changed);
    assert_eq!(
        t.store.offer_type_policy(OfferType::SaaS).expect("saas"),
        PolicyValue::Disabled
    );
    assert_eq!(
        t.store
            .offer_type_policy(OfferType::DynamicsBc)
            .expect("bc"),
        PolicyValue::Enabled
    );
    let e = set_offer_policy(
        &t.store,
        &admin,
        OfferType::PowerBiVisuals,
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
        now(),
    )
    .expect_err("trials only");
    assert_eq!(e.exit_code(), 1);
    let e = set_offer_policy(
        &t.store,
        &t.actor(READER),
        OfferType::SaaS,
        PolicyValue::Enabled,
        now(),
    )
    .expect_err("reader");
    assert_eq!(e.exit_code(), 3);
    // A file names offer types too, and drift sees them.
    let text = "[offer_types]\nSaaS = \"Enabled\"\nDYNAMICSCE = \"Disabled\"\n";
    let plan = plan::plan(&t.store, &admin, &file(text)).expect("plan");
    assert_eq!(changed_ids(&plan), ["SaaS", "DYNAMICSCE"]);
}

#[test]
fn a_product_id_that_changes_carries_its_policy_over() {
    use selfserve_core::ops::update_catalogue::update_catalogue;
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    // Copilot (Disabled in the demo) becomes a new id.
    let catalogue = ImportFile {
        name: "catalogue.json".into(),
        bytes: br#"{
  "products": [
    { "id": "CFQ7TTC0NEW1", "name": "Microsoft 365 Copilot", "trial_without_payment_method": false, "trial_days": 30, "monthly_price": 3000, "annual_price": 36000 }
  ],
  "remaps": [ { "from": "CFQ7TTC0MM8R", "to": "CFQ7TTC0NEW1" } ]
}"#
        .to_vec(),
    };
    let report = update_catalogue(&t.store, &admin, &catalogue, false, now()).expect("update");
    assert_eq!(report.remapped.len(), 1);
    assert_eq!(
        t.store
            .policy(&ProductId("CFQ7TTC0NEW1".into()))
            .expect("new"),
        PolicyValue::Disabled
    );
    // Not queued: its policy came with it.
    assert!(t.store.review_queue().expect("queue").is_empty());
    let row =
        selfserve_core::query::policy_row(&t.store, &t.actor(READER), COPILOT).expect("old id");
    assert_eq!(row.product_id.0, "CFQ7TTC0NEW1");
    let rows = selfserve_core::query::policy_rows(&t.store, &t.actor(READER)).expect("rows");
    assert!(rows.iter().all(|r| r.product_id.0 != COPILOT));
    assert_eq!(rows.len(), 17);
    // Setting the old id sets the new one; a file naming the old id speaks of the new one.
    set_policy(
        &t.store,
        &admin,
        &PolicyScope::Product(COPILOT.into()),
        PolicyValue::Enabled,
        now(),
    )
    .expect("set old id");
    assert_eq!(
        t.store
            .policy(&ProductId("CFQ7TTC0NEW1".into()))
            .expect("new"),
        PolicyValue::Enabled
    );
    let plan = plan::plan(
        &t.store,
        &admin,
        &file("[products]\nCFQ7TTC0MM8R = \"Disabled\"\n"),
    )
    .expect("plan");
    assert_eq!(changed_ids(&plan), ["CFQ7TTC0NEW1"]);
    // The same file again changes nothing; a remap to an unknown id is refused.
    let again = update_catalogue(&t.store, &admin, &catalogue, false, now()).expect("again");
    assert!(!again.written);
    let bad = ImportFile {
        name: "catalogue.json".into(),
        bytes: br#"{"products": [], "remaps": [{"from": "CFQ7TTC0H9MP", "to": "CFQ7TTC0NOPE"}]}"#
            .to_vec(),
    };
    let e = update_catalogue(&t.store, &admin, &bad, false, now()).expect_err("unknown");
    assert_eq!(e.exit_code(), 2);
}
