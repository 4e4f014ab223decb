//! `storefront purchase|trial` on a real demo database: every policy value against purchase and
//! trial with and without a card, payment rules, one license per product, the first-trial notice.

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashSet;

/// Trials without a payment method exist for these (catalogue).
const PLANNER: &str = "CFQ7TTC0HDB1";
const TEAMS_PREMIUM_INTRO: &str = "CFQ7TTC0RM8K";
/// Trials need a card.
const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

/// Every UPN that appears in the demo: licensed users and the administrators.
fn all_upns(env: &Env) -> Vec<String> {
    let out = env.run(READER, &["user", "export"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut upns: Vec<String> = vec![
        "adele.vance@contoso.example".into(),
        "megan.bowen@contoso.example".into(),
        "lee.gu@contoso.example".into(),
    ];
    for line in stdout(&out).lines().skip(1) {
        if let Some(upn) = line.split(',').nth(1) {
            if !upns.iter().any(|u| u == upn) {
                upns.push(upn.to_string());
            }
        }
    }
    upns
}

/// The UPNs holding a license of `product`.
fn holders(env: &Env, product: &str) -> HashSet<String> {
    let out = env.run(READER, &["user", "export", "--product", product]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1).map(str::to_string))
        .collect()
}

/// `n` users without a license of `product`.
fn newcomers(env: &Env, product: &str, n: usize) -> Vec<String> {
    let held = holders(env, product);
    let found: Vec<String> = all_upns(env)
        .into_iter()
        .filter(|u| !held.contains(u))
        .take(n)
        .collect();
    assert_eq!(found.len(), n, "the demo has {n} users without {product}");
    found
}

fn purchase(env: &Env, login: &str, user: &str, product: &str) -> std::process::Output {
    env.run(
        login,
        &[
            "storefront",
            "purchase",
            "--user",
            user,
            product,
            "--quantity",
            "3",
            "--card",
            "4242",
            "--json",
        ],
    )
}

fn trial(
    env: &Env,
    login: &str,
    user: &str,
    product: &str,
    card: Option<&str>,
) -> std::process::Output {
    let mut args = vec!["storefront", "trial", "--user", user, product, "--json"];
    if let Some(c) = card {
        args.extend(["--card", c]);
    }
    env.run(login, &args)
}

fn parse(out: &std::process::Output) -> Value {
    assert_eq!(code(out), 0, "{}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

fn count_subs(env: &Env, product: &str) -> usize {
    env.json(READER, &["subscription", "list", "--product", product])
        .as_array()
        .map(Vec::len)
        .unwrap_or(0)
}

#[test]
fn every_policy_value_against_purchase_and_trials_with_and_without_a_card() {
    let env = Env::demo();
    // (policy, purchase, trial with card, trial without card): 0 allowed, 1 refused by rule 3.
    let table = [
        ("Enabled", 0, 0, 0),
        ("OnlyTrialsWithoutPaymentMethod", 1, 1, 0),
        ("Disabled", 1, 1, 1),
    ];
    let users = newcomers(&env, PLANNER, 9);
    let mut next = users.iter();
    for (policy, buy, with_card, without_card) in table {
        env.json(ADMIN, &["policy", "set", PLANNER, policy]);
        let attempts = [
            (
                "purchase",
                buy,
                purchase(&env, ADMIN, next.next().expect("user"), PLANNER),
            ),
            (
                "trial with card",
                with_card,
                trial(
                    &env,
                    ADMIN,
                    next.next().expect("user"),
                    PLANNER,
                    Some("1111"),
                ),
            ),
            (
                "trial without card",
                without_card,
                trial(&env, ADMIN, next.next().expect("user"), PLANNER, None),
            ),
        ];
        for (what, expected, out) in attempts {
            if expected == 0 {
                parse(&out);
            } else {
                let before = count_subs(&env, PLANNER);
                let err = assert_fails(&out, 1);
                assert!(err.contains("rule 3"), "{policy} / {what}: {err}");
                assert!(err.contains(policy), "{policy} / {what}: {err}");
                assert_eq!(
                    count_subs(&env, PLANNER),
                    before,
                    "a refusal writes nothing"
                );
            }
        }
    }
    let check = env.run(ADMIN, &["check"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
}

#[test]
fn a_purchase_needs_a_card_renews_and_licenses_the_buyer() {
    let env = Env::demo();
    let buyer = newcomers(&env, POWER_BI_PRO, 1).remove(0);
    let out = parse(&env.run(
        BILLING,
        &[
            "storefront",
            "purchase",
            "--user",
            &buyer,
            POWER_BI_PRO,
            "--quantity",
            "5",
            "--card",
            "0042",
            "--term",
            "annual",
            "--json",
        ],
    ));
    let s = &out["subscription"];
    assert_eq!(s["product_id"], POWER_BI_PRO);
    assert_eq!(s["origin"], "self-service-purchase");
    assert_eq!(s["buyer"], buyer.as_str());
    assert_eq!(s["quantity"], 5);
    assert_eq!(s["assigned"], 1);
    assert_eq!(s["auto_renew"], true);
    assert_eq!(s["payment_method"], "card");
    assert_eq!(s["card_last4"], "0042");
    assert_eq!(s["status"], "Active");
    assert_eq!(s["expires"], "2027-11-23");
    assert_eq!(s["price"]["term"], "annual");
    assert_eq!(s["price"]["amount"], 168.0);
    assert_eq!(out["buyer_licensed"], true);
    assert!(holders(&env, POWER_BI_PRO).contains(&buyer));

    // Rule 1: no card, no purchase.
    let no_card = env.run(
        ADMIN,
        &[
            "storefront",
            "purchase",
            "--user",
            &buyer,
            POWER_BI_PRO,
            "--quantity",
            "1",
        ],
    );
    assert_fails(&no_card, 2);
    for (flag, bad) in [
        ("--card", "42"),
        ("--card", "abcd"),
        ("--quantity", "0"),
        ("--term", "weekly"),
    ] {
        let mut args = vec![
            "storefront",
            "purchase",
            "--user",
            &buyer,
            POWER_BI_PRO,
            "--quantity",
            "1",
            "--card",
            "4242",
        ];
        let at = args.iter().position(|a| *a == flag).map(|i| i + 1);
        match at {
            Some(i) => args[i] = bad,
            None => args.extend([flag, bad]),
        }
        assert_fails(&env.run(ADMIN, &args), 2);
    }
    assert_fails(
        &purchase(&env, ADMIN, "nobody@contoso.example", POWER_BI_PRO),
        4,
    );
    assert_fails(&purchase(&env, ADMIN, &buyer, "CFQ7TTC0XXXX"), 4);

    let audit = env.json(READER, &["audit", "list"]);
    let newest = &audit[0];
    assert_eq!(newest["action"], "storefront.purchase");
    assert_eq!(newest["actor"], "megan.bowen@contoso.example");
    assert_eq!(newest["target"], s["id"]);
}

#[test]
fn the_storefront_gives_an_already_licensed_buyer_no_second_license() {
    let env = Env::demo();
    let buyer = newcomers(&env, POWER_BI_PRO, 1).remove(0);
    parse(&purchase(&env, ADMIN, &buyer, POWER_BI_PRO));
    // A second purchase goes through, but its licenses all stay free for others.
    let again = parse(&purchase(&env, ADMIN, &buyer, POWER_BI_PRO));
    assert_eq!(again["buyer_licensed"], false);
    assert_eq!(again["subscription"]["assigned"], 0);
    // A trial would give them nothing: refused.
    let err = assert_fails(&trial(&env, ADMIN, &buyer, POWER_BI_PRO, Some("4242")), 1);
    assert!(err.contains("a trial would give them nothing"), "{err}");
    let check = env.run(ADMIN, &["check"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
}

#[test]
fn trials_with_and_without_a_card_follow_rule_2() {
    let env = Env::demo();
    let users = newcomers(&env, PLANNER, 2);
    let carded = parse(&trial(&env, ADMIN, &users[0], PLANNER, Some("9876")));
    let s = &carded["subscription"];
    assert_eq!(s["origin"], "self-service-trial");
    assert_eq!(s["auto_renew"], true, "converts to paid at its end");
    assert_eq!(s["payment_method"], "card");
    assert_eq!(
        s["expires"], "2026-12-23",
        "Planner Plan 1 trials last 30 days"
    );
    assert_eq!(s["quantity"], 25);
    assert_eq!(s["assigned"], 1);

    let free = parse(&trial(&env, ADMIN, &users[1], PLANNER, None));
    let s = &free["subscription"];
    assert_eq!(s["auto_renew"], false, "does not renew");
    assert_eq!(s["payment_method"], "none");
    assert_eq!(s["price"]["amount"], 0.0);

    // A product whose trial needs a card.
    let buyer = newcomers(&env, POWER_BI_PRO, 1).remove(0);
    let err = assert_fails(&trial(&env, ADMIN, &buyer, POWER_BI_PRO, None), 1);
    assert!(err.contains("rule 2") && err.contains("--card"), "{err}");
    parse(&trial(&env, ADMIN, &buyer, POWER_BI_PRO, Some("1234")));
}

#[test]
fn the_first_trial_of_a_product_notifies_the_administrators_once() {
    let env = Env::demo();
    let existing = env.json(
        READER,
        &["subscription", "list", "--product", TEAMS_PREMIUM_INTRO],
    );
    assert!(
        existing
            .as_array()
            .expect("rows")
            .iter()
            .all(|s| s["origin"] != "self-service-trial"),
        "the demo has no trial of Teams Premium Introductory Pricing"
    );
    let users = newcomers(&env, TEAMS_PREMIUM_INTRO, 2);
    let first = parse(&trial(&env, BILLING, &users[0], TEAMS_PREMIUM_INTRO, None));
    let notified: Vec<&str> = first["admins_notified"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        notified,
        [
            "adele.vance@contoso.example",
            "megan.bowen@contoso.example",
            "lee.gu@contoso.example"
        ]
    );
    let first_trial_mails = |env: &Env| -> Vec<String> {
        env.json(READER, &["outbox", "list"])
            .as_array()
            .expect("emails")
            .iter()
            .filter(|e| e["kind"] == "first-trial")
            .filter_map(|e| e["to"].as_str().map(str::to_string))
            .collect()
    };
    let mut to = first_trial_mails(&env);
    to.sort();
    assert_eq!(
        to,
        [
            "adele.vance@contoso.example",
            "lee.gu@contoso.example",
            "megan.bowen@contoso.example"
        ]
    );
    let second = parse(&trial(&env, ADMIN, &users[1], TEAMS_PREMIUM_INTRO, None));
    assert_eq!(second["admins_notified"], Value::Array(Vec::new()));
    assert_eq!(first_trial_mails(&env).len(), 3);
}
