//! Products that appear (issue 14, point 1): the tenant's default for new products, the review
//! queue, and the GlobalAdministrators' notices, through a catalogue update and a policies
//! import, each one transaction.

mod common;

use common::{now, Tenant, ADMIN, READER};
use selfserve_core::import::{self, ImportFile, ImportKind, ImportOptions};
use selfserve_core::model::{EmailKind, PolicyValue, ProductId, Role};
use selfserve_core::ops::review_policy::{accept, ReviewScope};
use selfserve_core::ops::set_policy_default::set_policy_default;
use selfserve_core::ops::update_catalogue::update_catalogue;
use selfserve_core::policy::review::{governance, Arrival};
use selfserve_core::Error;

const NEW: &str = "CFQ7TTC0ZZ01";

fn catalogue(products: &[(&str, &str)]) -> ImportFile {
    let rows: Vec<String> = products
        .iter()
        .map(|(id, name)| {
            format!(
                r#"    {{ "id": "{id}", "name": "{name}", "trial_without_payment_method": false, "trial_days": 30, "monthly_price": 900, "annual_price": 10800 }}"#
            )
        })
        .collect();
    ImportFile {
        name: "catalogue.json".into(),
        bytes: format!("{{\n  \"products\": [\n{}\n  ]\n}}\n", rows.join(",\n")).into_bytes(),
    }
}

fn global_admins(t: &Tenant) -> usize {
    t.store
        .admins()
        .expect("admins")
        .iter()
        .filter(|a| a.role == Role::GlobalAdministrator)
        .count()
}

#[test]
fn a_new_product_takes_the_default_joins_the_queue_and_every_global_admin_is_told() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    assert_eq!(
        t.store.policy_default().expect("default"),
        PolicyValue::Enabled
    );
    let change = set_policy_default(&t.store, &admin, PolicyValue::Disabled, now()).expect("set");
    assert!(change.changed);
    assert_eq!(change.previous, PolicyValue::Enabled);
    let revision = t.store.revision().expect("revision");
    let outbox = t.store.outbox().count();
    let report = update_catalogue(
        &t.store,
        &admin,
        &catalogue(&[("CFQ7TTC0H9MP", "Power BI Pro"), (NEW, "Contoso Widgets")]),
        false,
        now(),
    )
    .expect("update");
    assert_eq!(report.added.len(), 1);
    assert!(report.written);
    // Power BI Pro's price differs from the shipped catalogue's: changed, its policy kept.
    assert_eq!(report.changed.len(), 1);
    assert_eq!(
        t.store.revision().expect("revision"),
        revision + 1,
        "one transaction"
    );
    assert_eq!(
        t.store.policy(&ProductId(NEW.into())).expect("policy"),
        PolicyValue::Disabled
    );
    assert_eq!(
        t.store
            .policy(&ProductId("CFQ7TTC0H9MP".into()))
            .expect("policy"),
        PolicyValue::Enabled
    );
    let queue = governance(&t.store, &t.actor(READER))
        .expect("queue")
        .review;
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].product_id.0, NEW);
    assert_eq!(queue[0].policy_value, PolicyValue::Disabled);
    assert_eq!(queue[0].arrival, Arrival::CatalogueUpdate);
    let notices: Vec<_> = t
        .store
        .outbox()
        .skip(outbox)
        .map(|e| e.expect("email"))
        .collect();
    assert_eq!(notices.len(), global_admins(&t));
    assert!(notices.iter().all(|e| e.kind == EmailKind::Notice
        && e.subject.contains("Contoso Widgets")
        && e.body.contains("policy review --accept CFQ7TTC0ZZ01")));

    // The same file again changes nothing.
    let again = update_catalogue(
        &t.store,
        &admin,
        &catalogue(&[(NEW, "Contoso Widgets")]),
        false,
        now(),
    )
    .expect("again");
    assert!(!again.written && again.unchanged == 1);
    assert_eq!(t.store.revision().expect("revision"), revision + 1);

    let e = accept(&t.store, &t.actor(READER), &ReviewScope::All, now()).expect_err("reader");
    assert_eq!(e.exit_code(), 3);
    let e = accept(
        &t.store,
        &admin,
        &ReviewScope::Product("CFQ7TTC0H9MP".into()),
        now(),
    )
    .expect_err("not queued");
    assert!(matches!(e, Error::NotFound(_)), "{e:?}");
    let accepted = accept(
        &t.store,
        &admin,
        &ReviewScope::Product(NEW.to_lowercase()),
        now(),
    )
    .expect("accept");
    assert_eq!(accepted.len(), 1);
    assert!(t.store.review_queue().expect("queue").is_empty());
}

#[test]
fn a_policies_import_queues_its_new_products_with_the_default_where_one_is_set() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let file = |id: &str| {
        ImportFile {
        name: "policies.csv".into(),
        bytes: format!(
            "ProductName,ProductId,PolicyId,PolicyValue\nNew thing,{id},AllowSelfServicePurchase,Enabled\n"
        )
        .into_bytes(),
    }
    };
    let options = ImportOptions {
        dry_run: false,
        prune: false,
    };
    // No default set: the file's value stays, as the module has it; the product is queued.
    import::import(
        &t.store,
        &admin,
        ImportKind::Policies,
        &file("CFQ7TTC0ZZ02"),
        None,
        options,
        now(),
    )
    .expect("import");
    assert_eq!(
        t.store
            .policy(&ProductId("CFQ7TTC0ZZ02".into()))
            .expect("policy"),
        PolicyValue::Enabled
    );
    set_policy_default(&t.store, &admin, PolicyValue::Disabled, now()).expect("default");
    let outbox = t.store.outbox().count();
    import::import(
        &t.store,
        &admin,
        ImportKind::Policies,
        &file("CFQ7TTC0ZZ03"),
        None,
        options,
        now(),
    )
    .expect("import");
    assert_eq!(
        t.store
            .policy(&ProductId("CFQ7TTC0ZZ03".into()))
            .expect("policy"),
        PolicyValue::Disabled
    );
    assert_eq!(t.store.outbox().count() - outbox, global_admins(&t));
    let queue = t.store.review_queue().expect("queue");
    let ids: Vec<&str> = queue.iter().map(|i| i.product_id.0.as_str()).collect();
    assert_eq!(ids, ["CFQ7TTC0ZZ02", "CFQ7TTC0ZZ03"]);
    assert!(queue.iter().all(|i| i.arrival == Arrival::PoliciesImport));
    let accepted = accept(&t.store, &admin, &ReviewScope::All, now()).expect("all");
    assert_eq!(accepted.len(), 2);
    assert!(t.store.review_queue().expect("queue").is_empty());
}

#[test]
fn a_bad_catalogue_file_is_refused_with_its_line_and_changes_nothing() {
    let t = Tenant::demo();
    let admin = t.actor(ADMIN);
    let revision = t.store.revision().expect("revision");
    let cases = [
        (catalogue(&[("BAD-ID", "Thing")]), "line 3"),
        (catalogue(&[(NEW, "A"), (NEW, "B")]), "named twice"),
        (
            ImportFile {
                name: "catalogue.json".into(),
                bytes: b"{\n  \"products\": [\n    { \"id\": 5 }\n  ]\n}\n".to_vec(),
            },
            "line 3",
        ),
    ];
    for (file, said) in cases {
        let e = update_catalogue(&t.store, &admin, &file, false, now()).expect_err("bad");
        assert_eq!(e.exit_code(), 2, "{e}");
        assert!(e.to_string().contains(said), "{e}");
    }
    assert_eq!(t.store.revision().expect("revision"), revision);
}
