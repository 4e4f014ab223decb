//! Issue 10 items 1 and 2 through the real binary: `subscription add-licenses`, the article's
//! manual centralisation (`license assign` to holders of a self-service license, `paid_twice`,
//! `subscription ask-cancel`) and what `product centralise` says it reuses, adds and buys.

mod common;
mod ops_cli;

use common::*;
use ops_cli::*;
use serde_json::Value;

fn pro_row(env: &Env) -> Value {
    env.json(READER, &["product", "list"])
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["product_id"] == POWER_BI_PRO)
        .expect("Power BI Pro")
        .clone()
}

/// `subscription add-licenses SUB --quantity N`, as JSON, with `--dry-run` where asked.
fn add(env: &Env, login: &str, sub: &str, n: &str, dry_run: bool) -> std::process::Output {
    let mut args = vec![
        "--json",
        "subscription",
        "add-licenses",
        sub,
        "--quantity",
        n,
    ];
    if dry_run {
        args.push("--dry-run");
    }
    env.run(login, &args)
}

#[test]
fn add_licenses_grows_a_central_subscription_and_refuses_the_rest() {
    let env = Env::demo();
    let central = buy(&env, POWER_BI_PRO, 3);
    let own = id(&untaken_with_users(&env));
    let before = state(&env);
    let dry: Value = serde_json::from_slice(&add(&env, BILLING, &central, "4", true).stdout)
        .expect("one JSON document");
    assert_eq!(dry["dry_run"], true);
    assert_eq!(
        (dry["added"].as_u64(), dry["quantity_after"].as_u64()),
        (Some(4), Some(7))
    );
    // The catalogue's annual price of Power BI Pro, 168.00 EUR, four times.
    assert_eq!(dry["price"]["amount"], 168.0);
    assert_eq!(dry["price"]["term"], "annual");
    assert_eq!(dry["cost_per_term"]["amount"], 672.0);
    assert_eq!(dry["cost_per_term"]["currency"], "EUR");
    assert_fails(&add(&env, BILLING, &own, "1", false), 1);
    assert_fails(&add(&env, READER, &central, "1", false), 3);
    assert_fails(&add(&env, BILLING, &central, "0", false), 2);
    assert_fails(&add(&env, BILLING, "ffffffff", "1", false), 4);
    assert_eq!(state(&env), before, "dry runs and refusals change nothing");

    let out = env.run(
        BILLING,
        &["subscription", "add-licenses", &central, "--quantity", "4"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Added 4 licenses"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("€672.00"), "{}", stdout(&out));
    assert_eq!(show(&env, &central)["quantity"], 7);
    let audit = env.json(READER, &["audit", "list"]);
    assert_eq!(audit[0]["action"], "subscription.add-licenses");
    assert_eq!(audit[0]["target"].as_str(), Some(central.as_str()));
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
}

#[test]
fn manual_centralisation_shows_users_paid_twice_and_asks_the_buyer_to_cancel() {
    let env = Env::demo();
    let own = untaken_with_users(&env);
    let (own_id, buyer) = (id(&own), own["buyer"].as_str().expect("buyer").to_string());
    let product = own["product_id"].as_str().expect("product").to_string();
    let users: Vec<String> = show(&env, &own_id)["users"]
        .as_array()
        .expect("users")
        .iter()
        .map(|u| u["user_principal_name"].as_str().expect("upn").to_string())
        .collect();
    let n = users.len() as u32;
    let central = buy(&env, &product, n);
    let twice_before = env
        .json(READER, &["product", "list"])
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["product_id"] == product.as_str())
        .expect("row")["paid_twice"]
        .as_u64()
        .expect("paid_twice count");

    // Step 5 of the article: the central license first.
    let mut assign = vec!["license", "assign", &central];
    assign.extend(users.iter().map(String::as_str));
    let out = env.json(ADMIN, &assign);
    assert_eq!(
        out["paid_twice"].as_array().map(Vec::len),
        Some(users.len())
    );
    let detail = show(&env, &own_id);
    assert!(
        detail["users"]
            .as_array()
            .expect("users")
            .iter()
            .all(|u| u["paid_twice"] == true),
        "{detail}"
    );
    let row = env
        .json(READER, &["product", "list"])
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["product_id"] == product.as_str())
        .expect("row")
        .clone();
    assert_eq!(
        row["paid_twice"].as_u64(),
        Some(twice_before + u64::from(n))
    );
    let human = stdout(&env.run(READER, &["subscription", "show", &own_id]));
    assert!(human.contains("Paid twice"), "{human}");
    assert!(
        human.contains("paid twice until one of the two is cancelled"),
        "{human}"
    );
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);

    // Step 6: ask the buyer to cancel.
    let before = state(&env);
    let dry = env.json(ADMIN, &["subscription", "ask-cancel", &own_id, "--dry-run"]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["emails"][0]["to"].as_str(), Some(buyer.as_str()));
    assert_eq!(dry["emails"][0]["kind"], "please-cancel");
    assert_eq!(state(&env), before, "a dry run changes nothing");
    assert_fails(
        &env.run(READER, &["subscription", "ask-cancel", &own_id]),
        3,
    );
    assert_fails(
        &env.run(ADMIN, &["subscription", "ask-cancel", &central]),
        1,
    );
    assert_eq!(state(&env), before, "refusals change nothing");
    let out = env.run(ADMIN, &["subscription", "ask-cancel", &own_id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("E-mailed {buyer}")),
        "{}",
        stdout(&out)
    );
    let mail = env.json(READER, &["outbox", "list"]);
    assert_eq!(mail[0]["kind"], "please-cancel");
    assert_eq!(mail[0]["to"].as_str(), Some(buyer.as_str()));
    let audit = env.json(READER, &["audit", "list"]);
    assert_eq!(audit[0]["action"], "subscription.ask-cancel");
    assert_eq!(audit[0]["target"].as_str(), Some(own_id.as_str()));
    assert_eq!(
        show(&env, &own_id)["status"],
        "Active",
        "it stays the buyer's"
    );
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
}

#[test]
fn centralise_says_what_it_reuses_adds_and_buys() {
    let env = Env::demo();
    let human = stdout(&env.run(ADMIN, &["product", "centralise", POWER_BI_PRO, "--dry-run"]));
    assert!(human.contains("reused: "), "{human}");
    assert!(human.contains("added: "), "{human}");
    assert!(!human.contains("bought: "), "{human}");
    let dry = env.json(ADMIN, &["product", "centralise", POWER_BI_PRO, "--dry-run"]);
    let reused = &dry["reused"][0];
    // Money per term at the central subscription's own price.
    let licenses = reused["licenses"].as_f64().expect("licenses");
    assert_eq!(
        reused["value_per_term"]["amount"].as_f64(),
        Some(licenses * reused["price"]["amount"].as_f64().expect("price"))
    );
    assert_eq!(pro_row(&env)["paid_twice"], 0);
}
