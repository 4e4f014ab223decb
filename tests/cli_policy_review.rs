//! `policy default`, `policy review` and `catalogue update` (issue 14, point 1) on a real demo
//! database: a product that appears takes the default, waits in the queue, the
//! GlobalAdministrators are told, and accepting takes it off; every command with --json.

mod common;

use common::*;
use serde_json::Value;

const NEW: &str = "CFQ7TTC0ZZ01";

fn catalogue(env: &Env) -> String {
    let path = env.dir.path().join("catalogue.json");
    std::fs::write(
        &path,
        format!(
            "{{\n  \"products\": [\n    {{ \"id\": \"{NEW}\", \"name\": \"Contoso Widgets\", \"trial_without_payment_method\": false, \"trial_days\": 30, \"monthly_price\": 900, \"annual_price\": 10800 }}\n  ]\n}}\n"
        ),
    )
    .expect("write");
    path.to_str().expect("path").to_string()
}

fn notices(env: &Env) -> Vec<Value> {
    env.json(READER, &["outbox", "list", "--limit", "100000"])
        .as_array()
        .expect("emails")
        .iter()
        .filter(|e| e["kind"] == "notice")
        .cloned()
        .collect()
}

#[test]
fn the_default_is_enabled_until_set_and_only_a_global_administrator_sets_it() {
    let env = Env::demo();
    assert_eq!(
        env.json(READER, &["policy", "default"])["default_for_new"],
        "Enabled"
    );
    let out = env.run(READER, &["policy", "default", "Disabled"]);
    assert_fails(&out, 3);
    let out = env.run(ADMIN, &["policy", "default", "Sometimes"]);
    assert_fails(&out, 2);
    let change = env.json(ADMIN, &["policy", "default", "do not allow"]);
    assert_eq!(change["default_for_new"], "Disabled");
    assert_eq!(change["previous"], "Enabled");
    assert_eq!(change["changed"], true);
    let out = env.run(READER, &["policy", "default"]);
    assert_eq!(
        stdout(&out).trim(),
        "New products get Disabled (Do not allow) when they appear."
    );
    // Existing products keep their values.
    assert_eq!(
        env.json(READER, &["policy", "get", "CFQ7TTC0H9MP"])["PolicyValue"],
        "Enabled"
    );
}

#[test]
fn a_catalogue_update_queues_its_new_product_with_the_default_and_tells_the_global_admins() {
    let env = Env::demo();
    env.json(ADMIN, &["policy", "default", "Disabled"]);
    let file = catalogue(&env);
    let before = notices(&env).len();
    let dry = env.json(ADMIN, &["catalogue", "update", &file, "--dry-run"]);
    assert_eq!(dry["written"], false);
    assert_eq!(dry["added"][0]["id"], NEW);
    let out = env.run(ADMIN, &["policy", "get", NEW]);
    assert_fails(&out, 4);
    let out = env.run(BILLING, &["catalogue", "update", &file]);
    assert_fails(&out, 3);

    let report = env.json(ADMIN, &["catalogue", "update", &file]);
    assert_eq!(report["written"], true);
    assert_eq!(
        env.json(READER, &["policy", "get", NEW])["PolicyValue"],
        "Disabled"
    );
    let queue = env.json(READER, &["policy", "review"]);
    let queue = queue.as_array().expect("queue");
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0]["product_id"], NEW);
    assert_eq!(queue[0]["policy_value"], "Disabled");
    assert_eq!(queue[0]["arrival"], "catalogue-update");
    let globals = env
        .json(READER, &["admin", "list"])
        .as_array()
        .expect("admins")
        .iter()
        .filter(|a| a["role"] == "GlobalAdministrator")
        .count();
    let told: Vec<Value> = notices(&env).into_iter().skip(before).collect();
    assert_eq!(told.len(), globals);
    assert!(told
        .iter()
        .all(|e| e["subject"] == "New self-service product to review: Contoso Widgets"));
    let out = env.run(READER, &["policy", "review"]);
    let text = stdout(&out);
    assert!(
        text.contains("Contoso Widgets  CFQ7TTC0ZZ01  Disabled"),
        "{text}"
    );
    assert!(text.contains("1 product is waiting for review"), "{text}");

    let out = env.run(READER, &["policy", "review", "--accept", NEW]);
    assert_fails(&out, 3);
    let out = env.run(ADMIN, &["policy", "review", "--accept", NEW, "--all"]);
    assert_fails(&out, 2);
    let out = env.run(ADMIN, &["policy", "review", "--accept", "CFQ7TTC0H9MP"]);
    assert_fails(&out, 4);
    let accepted = env.json(
        ADMIN,
        &["policy", "review", "--accept", &NEW.to_lowercase()],
    );
    assert_eq!(accepted[0]["product_id"], NEW);
    assert_eq!(
        env.json(READER, &["policy", "review"]),
        Value::Array(Vec::new())
    );
    let out = env.run(ADMIN, &["policy", "review", "--all"]);
    assert_eq!(
        stdout(&out).trim(),
        "No product was waiting for review; nothing was changed."
    );
}

#[test]
fn a_policies_import_of_an_unknown_product_queues_it() {
    let env = Env::demo();
    env.json(ADMIN, &["policy", "default", "Disabled"]);
    let path = env.dir.path().join("policies.csv");
    std::fs::write(
        &path,
        "ProductName,ProductId,PolicyId,PolicyValue\nNew thing,CFQ7TTC0ZZ02,AllowSelfServicePurchase,Enabled\n",
    )
    .expect("write");
    env.json(ADMIN, &["import", "policies", path.to_str().expect("path")]);
    assert_eq!(
        env.json(READER, &["policy", "get", "CFQ7TTC0ZZ02"])["PolicyValue"],
        "Disabled"
    );
    let queue = env.json(READER, &["policy", "review"]);
    assert_eq!(queue[0]["arrival"], "policies-import");
    let accepted = env.json(ADMIN, &["policy", "review", "--all"]);
    assert_eq!(accepted.as_array().map(Vec::len), Some(1));
}

#[test]
fn a_bad_catalogue_file_is_refused_with_its_line() {
    let env = Env::demo();
    let path = env.dir.path().join("bad.json");
    std::fs::write(
        &path,
        "{\n  \"products\": [\n    { \"id\": \"X\" \n  ]\n}\n",
    )
    .expect("write");
    let out = env.run(
        ADMIN,
        &["catalogue", "update", path.to_str().expect("path")],
    );
    let err = assert_fails(&out, 2);
    assert!(err.contains("bad.json, line 4"), "{err}");
}
