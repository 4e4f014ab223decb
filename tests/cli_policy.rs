//! `policy list|get|set` on a real demo database: MSCommerce field names, every spelling of
//! the values, --all, the data notice, audit, and refusals.

mod common;

use common::*;
use serde_json::Value;

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";
const COPILOT: &str = "CFQ7TTC0MM8R";
/// Has a trial without a payment method, so it may be set to trials only (issue 14).
const PLANNER: &str = "CFQ7TTC0HDB1";
const PURVIEW: &str = "CFQ7TTC0N8SL";
const VALUES: [&str; 3] = ["Enabled", "OnlyTrialsWithoutPaymentMethod", "Disabled"];

fn value_of(env: &Env, product: &str) -> String {
    env.json(READER, &["policy", "get", product])["PolicyValue"]
        .as_str()
        .expect("PolicyValue")
        .to_string()
}

fn audit_count(env: &Env, action: &str) -> usize {
    env.json(READER, &["audit", "list", "--limit", "100000"])
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["action"] == action)
        .count()
}

#[test]
fn policy_list_on_the_demo_has_all_17_products_with_the_module_fields() {
    let env = Env::demo();
    let list = env.json(READER, &["policy", "list"]);
    let rows = list.as_array().expect("array");
    assert_eq!(rows.len(), 17);
    for r in rows {
        let obj = r.as_object().expect("object");
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["PolicyId", "PolicyValue", "ProductId", "ProductName"]
        );
        assert_eq!(r["PolicyId"], "AllowSelfServicePurchase");
        assert!(
            VALUES.contains(&r["PolicyValue"].as_str().unwrap_or("")),
            "{r}"
        );
    }
    let value = |id: &str| {
        rows.iter()
            .find(|r| r["ProductId"] == id)
            .map(|r| r["PolicyValue"].clone())
    };
    assert_eq!(value(COPILOT), Some(Value::from("Disabled")));
    assert_eq!(
        value(PURVIEW),
        Some(Value::from("OnlyTrialsWithoutPaymentMethod"))
    );
    assert_eq!(value(POWER_BI_PRO), Some(Value::from("Enabled")));
}

#[test]
fn policy_get_returns_one_row_and_unknown_products_exit_4() {
    let env = Env::demo();
    let row = env.json(READER, &["policy", "get", "cfq7ttc0mm8r"]);
    assert_eq!(row["ProductId"], COPILOT);
    assert_eq!(row["ProductName"], "Microsoft 365 Copilot");
    assert_eq!(row["PolicyValue"], "Disabled");
    let out = env.run(READER, &["policy", "get", "NOPE"]);
    assert_fails(&out, 4);
}

#[test]
fn every_spelling_of_every_value_is_accepted() {
    let env = Env::demo();
    let cases = [
        ("Disabled", "Disabled"),
        ("enabled", "Enabled"),
        (
            "ONLYTRIALSWITHOUTPAYMENTMETHOD",
            "OnlyTrialsWithoutPaymentMethod",
        ),
        ("DoNotAllow", "Disabled"),
        ("allow", "Enabled"),
        ("AllowTrialsOnly", "OnlyTrialsWithoutPaymentMethod"),
        ("donotallow", "Disabled"),
        ("Allow for trials only", "OnlyTrialsWithoutPaymentMethod"),
        ("Enabled", "Enabled"),
    ];
    for (typed, stored) in cases {
        let out = env.run(ADMIN, &["policy", "set", PLANNER, typed]);
        assert_eq!(code(&out), 0, "{typed}: {}", stderr(&out));
        assert_eq!(value_of(&env, PLANNER), stored, "{typed}");
    }
}

#[test]
fn an_unknown_value_exits_2_naming_the_valid_values_and_changes_nothing() {
    let env = Env::demo();
    for bad in ["Maybe", "", "Enable", "true"] {
        let out = env.run(ADMIN, &["policy", "set", POWER_BI_PRO, bad]);
        let err = assert_fails(&out, 2);
        for valid in VALUES
            .iter()
            .chain(&["Allow", "AllowTrialsOnly", "DoNotAllow"])
        {
            assert!(err.contains(valid), "{bad:?}: {err}");
        }
    }
    assert_eq!(value_of(&env, POWER_BI_PRO), "Enabled");
    assert_eq!(audit_count(&env, "policy.set"), 0);
    // Wrong shapes of the command are usage errors too.
    assert_fails(&env.run(ADMIN, &["policy", "set", POWER_BI_PRO]), 2);
    assert_fails(&env.run(ADMIN, &["policy", "set"]), 2);
    assert_fails(
        &env.run(ADMIN, &["policy", "set", "--all", POWER_BI_PRO, "Disabled"]),
        2,
    );
    assert_fails(&env.run(ADMIN, &["policy", "set", "NOPE", "Disabled"]), 4);
}

#[test]
fn set_reports_before_and_after_with_the_data_notice_when_it_allows_anything() {
    let env = Env::demo();
    let out = env.json(ADMIN, &["policy", "set", PLANNER, "AllowTrialsOnly"]);
    let row = &out["policies"][0];
    assert_eq!(row["ProductId"], PLANNER);
    assert_eq!(row["PolicyId"], "AllowSelfServicePurchase");
    assert_eq!(row["PolicyValue"], "OnlyTrialsWithoutPaymentMethod");
    assert_eq!(row["PreviousValue"], "Enabled");
    assert_eq!(row["Changed"], true);
    let notice = out["data_notice"]
        .as_str()
        .expect("a notice when trials are allowed");
    for words in [
        "first and last name",
        "e-mail address",
        "IP address",
        "tenant and user GUIDs",
        "license",
        "e-mail them",
    ] {
        assert!(
            notice.contains(words),
            "the notice names {words:?}: {notice}"
        );
    }

    let enabled = env.json(ADMIN, &["policy", "set", PLANNER, "Enabled"]);
    assert!(enabled["data_notice"].is_string());
    let disabled = env.json(ADMIN, &["policy", "set", PLANNER, "Disabled"]);
    assert!(
        disabled["data_notice"].is_null(),
        "no notice when nothing is allowed"
    );

    // The audit log keeps each change with its value before and after.
    let events = env.json(READER, &["audit", "list"]);
    let sets: Vec<&Value> = events
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["action"] == "policy.set")
        .collect();
    assert_eq!(sets.len(), 3);
    let newest = sets[0];
    assert_eq!(newest["actor"], "adele.vance@contoso.example");
    assert!(newest["target"].as_str().unwrap_or("").contains(PLANNER));
    assert_eq!(newest["before"], "Enabled");
    assert_eq!(newest["after"], "Disabled");

    // Setting the value a product already has changes and records nothing.
    let same = env.json(ADMIN, &["policy", "set", PLANNER, "disabled"]);
    assert_eq!(same["policies"][0]["Changed"], false);
    assert_eq!(audit_count(&env, "policy.set"), 3);

    let human = env.run(ADMIN, &["policy", "set", PLANNER, "Allow"]);
    assert_eq!(code(&human), 0);
    assert!(stdout(&human).contains("IP address"), "{}", stdout(&human));
}

#[test]
fn trials_only_is_refused_for_a_product_without_a_cardless_trial_and_changes_nothing() {
    let env = Env::demo();
    let out = env.run(ADMIN, &["policy", "set", POWER_BI_PRO, "AllowTrialsOnly"]);
    let err = assert_fails(&out, 1);
    assert!(
        err.contains("Power BI Pro (CFQ7TTC0H9MP) has no trial without a payment method"),
        "{err}"
    );
    let out = env.run(
        ADMIN,
        &["policy", "set", "--all", "OnlyTrialsWithoutPaymentMethod"],
    );
    assert_fails(&out, 1);
    assert_eq!(value_of(&env, POWER_BI_PRO), "Enabled");
    assert_eq!(audit_count(&env, "policy.set"), 0);
}

#[test]
fn offer_types_are_listed_and_set_enabled_or_disabled_only() {
    let env = Env::demo();
    let list = env.json(READER, &["policy", "list", "--offer-types"]);
    let names: Vec<&str> = list
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["OfferType"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        ["SaaS", "POWERBIVISUALS", "DYNAMICSCE", "DYNAMICSBC"]
    );
    assert!(list
        .as_array()
        .expect("rows")
        .iter()
        .all(|r| r["PolicyValue"] == "Enabled" && r["PolicyId"] == "AllowSelfServicePurchase"));
    let set = env.json(
        ADMIN,
        &["policy", "set", "--offer-type", "SaaS", "Disabled"],
    );
    assert_eq!(set["OfferType"], "SaaS");
    assert_eq!(set["PolicyValue"], "Disabled");
    assert_eq!(set["PreviousValue"], "Enabled");
    assert_eq!(set["Changed"], true);
    let list = env.json(READER, &["policy", "list", "--offer-types"]);
    assert_eq!(list[0]["PolicyValue"], "Disabled");
    assert_eq!(list[1]["PolicyValue"], "Enabled");
    let trials = env.run(
        ADMIN,
        &[
            "policy",
            "set",
            "--offer-type",
            "DYNAMICSBC",
            "OnlyTrialsWithoutPaymentMethod",
        ],
    );
    assert_fails(&trials, 1);
    assert_fails(
        &env.run(
            ADMIN,
            &["policy", "set", "--offer-type", "APPS", "Disabled"],
        ),
        2,
    );
    assert_fails(
        &env.run(ADMIN, &["policy", "set", "--offer-type", "SaaS"]),
        2,
    );
    assert_fails(
        &env.run(
            READER,
            &["policy", "set", "--offer-type", "SaaS", "Enabled"],
        ),
        3,
    );
    assert_eq!(audit_count(&env, "policy.offer-type"), 1);
}

#[test]
fn an_old_product_id_answers_for_the_new_one_with_its_policy() {
    let env = Env::demo();
    let path = env.dir.path().join("catalogue.json");
    std::fs::write(
        &path,
        r#"{
  "products": [
    { "id": "CFQ7TTC0NEW1", "name": "Microsoft 365 Copilot", "trial_without_payment_method": false, "trial_days": 30, "monthly_price": 3000, "annual_price": 36000 }
  ],
  "remaps": [ { "from": "CFQ7TTC0MM8R", "to": "CFQ7TTC0NEW1" } ]
}"#,
    )
    .expect("write");
    let report = env.json(
        ADMIN,
        &["catalogue", "update", path.to_str().expect("path")],
    );
    assert_eq!(report["remapped"][0]["from"], COPILOT);
    let row = env.json(READER, &["policy", "get", COPILOT]);
    assert_eq!(row["ProductId"], "CFQ7TTC0NEW1");
    assert_eq!(row["PolicyValue"], "Disabled");
    let list = env.json(READER, &["policy", "list"]);
    assert!(list
        .as_array()
        .expect("rows")
        .iter()
        .all(|r| r["ProductId"] != COPILOT));
    env.json(ADMIN, &["policy", "set", COPILOT, "Enabled"]);
    assert_eq!(value_of(&env, "CFQ7TTC0NEW1"), "Enabled");
}

#[test]
fn set_all_changes_every_product_in_one_go() {
    let env = Env::demo();
    let out = env.json(ADMIN, &["policy", "set", "--all", "DoNotAllow"]);
    let rows = out["policies"].as_array().expect("rows");
    assert_eq!(rows.len(), 17);
    assert!(rows.iter().all(|r| r["PolicyValue"] == "Disabled"));
    let changed = rows.iter().filter(|r| r["Changed"] == true).count();
    assert_eq!(changed, 16, "Copilot was Disabled already");
    assert!(out["data_notice"].is_null());
    let list = env.json(READER, &["policy", "list"]);
    assert!(list
        .as_array()
        .expect("rows")
        .iter()
        .all(|r| r["PolicyValue"] == "Disabled"));
    assert_eq!(audit_count(&env, "policy.set"), 16);

    let back = env.json(ADMIN, &["policy", "set", "--all", "Enabled"]);
    assert!(back["data_notice"].is_string());
    assert_eq!(value_of(&env, PURVIEW), "Enabled");
}

#[test]
fn a_policy_change_leaves_existing_purchases_and_trials_alone() {
    let env = Env::demo();
    let before = env.json(READER, &["subscription", "list"]);
    env.json(ADMIN, &["policy", "set", "--all", "Disabled"]);
    let after = env.json(READER, &["subscription", "list"]);
    assert_eq!(before, after);
}

#[test]
fn only_a_global_administrator_sets_policies() {
    let env = Env::demo();
    for login in [BILLING, READER, "stranger"] {
        let one = env.run(login, &["policy", "set", POWER_BI_PRO, "Disabled"]);
        let err = assert_fails(&one, 3);
        if login != "stranger" {
            assert!(err.contains("GlobalAdministrator"), "{err}");
        }
        assert_fails(&env.run(login, &["policy", "set", "--all", "Disabled"]), 3);
    }
    assert_eq!(value_of(&env, POWER_BI_PRO), "Enabled");
    assert_eq!(audit_count(&env, "policy.set"), 0);
    // Every administrator may read them.
    for login in [ADMIN, BILLING, READER] {
        assert_eq!(
            env.json(login, &["policy", "list"])
                .as_array()
                .map(Vec::len),
            Some(17)
        );
    }
    assert_fails(&env.run("stranger", &["policy", "list"]), 3);
    let check = env.run(ADMIN, &["check"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
}

#[test]
fn set_dry_run_shows_what_it_leaves_untouched_and_changes_nothing() {
    let env = Env::demo();
    let preview = env.json(
        ADMIN,
        &["policy", "set", POWER_BI_PRO, "Disabled", "--dry-run"],
    );
    assert_eq!(preview["dry_run"], true);
    assert_eq!(preview["policies"][0]["Changed"], true);
    assert_eq!(preview["policies"][0]["PreviousValue"], "Enabled");
    let untouched = &preview["untouched"][0];
    assert_eq!(untouched["ProductId"], POWER_BI_PRO);
    // By hand: the product's self-service subscriptions not deleted, their users and spend.
    let subs = env.json(
        READER,
        &[
            "subscription",
            "list",
            "--self-service",
            "--product",
            POWER_BI_PRO,
        ],
    );
    let live: Vec<&Value> = subs
        .as_array()
        .expect("subs")
        .iter()
        .filter(|s| s["status"] != "Deleted")
        .collect();
    assert_eq!(untouched["subscriptions"], live.len());
    let users: u64 = live
        .iter()
        .map(|s| s["assigned"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(untouched["users"], users);
    assert_eq!(
        untouched["subscription_ids"].as_array().map(Vec::len),
        Some(live.len())
    );
    let products = env.json(READER, &["product", "list", "--self-service"]);
    let row = products
        .as_array()
        .expect("rows")
        .iter()
        .find(|p| p["product_id"] == POWER_BI_PRO)
        .expect("Power BI Pro");
    assert_eq!(untouched["monthly_spend"], row["monthly_spend"]);
    // Nothing changed.
    assert_eq!(value_of(&env, POWER_BI_PRO), "Enabled");
    assert_eq!(audit_count(&env, "policy.set"), 0);
    let out = env.run(
        ADMIN,
        &["policy", "set", POWER_BI_PRO, "Disabled", "--dry-run"],
    );
    let text = stdout(&out);
    assert!(text.contains("1 of 1 policy would change"), "{text}");
    assert!(
        text.contains("Untouched: Power BI Pro (CFQ7TTC0H9MP) keeps"),
        "{text}"
    );
    assert!(text.contains("Dry run: nothing was changed."), "{text}");
    // A dry run needs the role; trials only is refused there too.
    assert_fails(
        &env.run(
            READER,
            &["policy", "set", POWER_BI_PRO, "Disabled", "--dry-run"],
        ),
        3,
    );
    assert_fails(
        &env.run(
            ADMIN,
            &[
                "policy",
                "set",
                POWER_BI_PRO,
                "AllowTrialsOnly",
                "--dry-run",
            ],
        ),
        1,
    );
}
