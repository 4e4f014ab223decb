//! `subscription buy` and `license assign|unassign` through the real binary: success, dry run
//! (which changes nothing), refusals and their exit codes.

mod common;
mod ops_cli;

use common::*;
use ops_cli::*;

#[test]
fn buy_creates_a_central_invoiced_subscription_at_the_catalogue_price() {
    let env = Env::demo();
    let before = state(&env);
    let dry = env.json(
        BILLING,
        &[
            "subscription",
            "buy",
            POWER_BI_PRO,
            "--quantity",
            "12",
            "--dry-run",
        ],
    );
    assert_eq!(dry["dry_run"], true);
    assert_eq!(state(&env), before, "a dry run changes nothing");

    let out = env.json(
        BILLING,
        &[
            "subscription",
            "buy",
            POWER_BI_PRO,
            "--quantity",
            "12",
            "--term",
            "monthly",
        ],
    );
    assert_eq!(out["dry_run"], false);
    let sid = out["subscription"]["id"].as_str().expect("id");
    let s = show(&env, sid);
    assert_eq!(s["origin"], "central");
    assert_eq!(s["buyer"], serde_json::Value::Null);
    assert_eq!(
        (s["quantity"].as_u64(), s["assigned"].as_u64()),
        (Some(12), Some(0))
    );
    assert_eq!(s["payment_method"], "invoice");
    assert_eq!(s["auto_renew"], true);
    assert_eq!(s["status"], "Active");
    assert_eq!(s["price"]["term"], "monthly");
    assert_eq!(s["price"]["amount"], out["price"]["amount"]);
    assert_eq!(s["expires"], "2026-12-23");
    let annual = env.run(
        ADMIN,
        &["subscription", "buy", POWER_BI_PRO, "--quantity", "1"],
    );
    assert_eq!(code(&annual), 0, "{}", stderr(&annual));
    assert!(
        stdout(&annual).contains("per annual term"),
        "{}",
        stdout(&annual)
    );
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
}

#[test]
fn buy_refusals_have_their_exit_codes() {
    let env = Env::demo();
    let before = state(&env);
    assert_fails(
        &env.run(
            READER,
            &["subscription", "buy", POWER_BI_PRO, "--quantity", "1"],
        ),
        3,
    );
    assert_fails(
        &env.run(
            ADMIN,
            &["subscription", "buy", POWER_BI_PRO, "--quantity", "0"],
        ),
        2,
    );
    assert_fails(
        &env.run(
            ADMIN,
            &["subscription", "buy", POWER_BI_PRO, "--quantity", "-3"],
        ),
        2,
    );
    assert_fails(
        &env.run(
            ADMIN,
            &[
                "subscription",
                "buy",
                POWER_BI_PRO,
                "--quantity",
                "99999999999",
            ],
        ),
        2,
    );
    assert_fails(
        &env.run(
            ADMIN,
            &[
                "subscription",
                "buy",
                POWER_BI_PRO,
                "--quantity",
                "2",
                "--term",
                "weekly",
            ],
        ),
        2,
    );
    assert_fails(
        &env.run(ADMIN, &["subscription", "buy", "NOPE", "--quantity", "2"]),
        4,
    );
    assert_eq!(state(&env), before);
}

#[test]
fn license_assign_and_unassign_on_a_central_subscription() {
    let env = Env::demo();
    let sid = buy(&env, POWER_BI_PRO, 3);
    let upns = upns_without(&env, POWER_BI_PRO, 2);
    let before = state(&env);
    let dry = env.json(
        ADMIN,
        &["license", "assign", &sid, &upns[0], &upns[1], "--dry-run"],
    );
    assert_eq!(
        (dry["dry_run"].as_bool(), dry["assigned_after"].as_u64()),
        (Some(true), Some(2))
    );
    assert_eq!(state(&env), before, "a dry run changes nothing");

    let out = env.run(BILLING, &["license", "assign", &sid, &upns[0], &upns[1]]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 of 3 now assigned, 1 free"),
        "{}",
        stdout(&out)
    );
    let s = show(&env, &sid);
    let held: Vec<&str> = s["users"]
        .as_array()
        .expect("users")
        .iter()
        .map(|u| u["user_principal_name"].as_str().expect("upn"))
        .collect();
    assert!(held.contains(&upns[0].as_str()) && held.contains(&upns[1].as_str()));
    assert_eq!(
        env.json(ADMIN, &["audit", "list"])[0]["action"],
        "license.assign"
    );

    let out = env.json(BILLING, &["license", "unassign", &sid, &upns[0]]);
    assert_eq!(out["assigned_after"].as_u64(), Some(1));
    assert_eq!(show(&env, &sid)["assigned"].as_u64(), Some(1));
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
}

#[test]
fn license_refusals_name_the_rule_and_change_nothing() {
    let env = Env::demo();
    let small = buy(&env, POWER_BI_PRO, 1);
    let upns = upns_without(&env, POWER_BI_PRO, 2);
    let untaken = untaken_with_users(&env);
    let holder = show(&env, &id(&untaken))["users"][0]["user_principal_name"]
        .as_str()
        .expect("holder")
        .to_string();
    let before = state(&env);

    let err = assert_fails(
        &env.run(ADMIN, &["license", "assign", &small, &upns[0], &upns[1]]),
        1,
    );
    assert!(
        err.contains("has 1 free license; assigning 2 users needs 1 more"),
        "{err}"
    );
    let err = assert_fails(
        &env.run(ADMIN, &["license", "assign", &id(&untaken), &upns[0]]),
        1,
    );
    assert!(
        err.contains("not taken over") && err.contains("take-over"),
        "{err}"
    );
    let err = assert_fails(
        &env.run(ADMIN, &["license", "unassign", &id(&untaken), &holder]),
        1,
    );
    assert!(err.contains("not taken over"), "{err}");
    let err = assert_fails(
        &env.run(ADMIN, &["license", "unassign", &small, &upns[0]]),
        1,
    );
    assert!(err.contains("holds no license"), "{err}");
    assert_fails(
        &env.run(ADMIN, &["license", "assign", &small, &upns[0], &upns[0]]),
        2,
    );
    assert_fails(&env.run(ADMIN, &["license", "assign", &small]), 2);
    assert_fails(
        &env.run(
            ADMIN,
            &["license", "assign", &small, "nobody@contoso.example"],
        ),
        4,
    );
    assert_fails(
        &env.run(READER, &["license", "assign", &small, &upns[0]]),
        3,
    );
    assert_fails(
        &env.run(READER, &["license", "unassign", &small, &upns[0]]),
        3,
    );
    assert_eq!(state(&env), before, "refusals change nothing");
}

/// SPEC §1 (changed by issue 10): another subscription of the product may license the user
/// again (they are paid twice); the same subscription may not.
#[test]
fn a_second_license_of_the_product_is_allowed_but_not_of_the_same_subscription() {
    let env = Env::demo();
    let a = buy(&env, POWER_BI_PRO, 2);
    let b = buy(&env, POWER_BI_PRO, 2);
    let upn = upns_without(&env, POWER_BI_PRO, 1).remove(0);
    assert_eq!(code(&env.run(ADMIN, &["license", "assign", &a, &upn])), 0);
    let before = state(&env);
    let err = assert_fails(&env.run(ADMIN, &["license", "assign", &a, &upn]), 1);
    assert!(
        err.contains("at most one license of each subscription") && err.contains(&upn),
        "{err}"
    );
    assert_eq!(state(&env), before);
    let out = env.json(ADMIN, &["license", "assign", &b, &upn]);
    assert_eq!(out["paid_twice"][0]["user_principal_name"], upn.as_str());
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
}

#[test]
fn money_reads_with_thousands_separators_for_people_and_as_a_decimal_number_in_json() {
    let env = Env::demo();
    let buy = [
        "subscription",
        "buy",
        POWER_BI_PRO,
        "--quantity",
        "1000",
        "--term",
        "monthly",
    ];
    let bought = env.json(ADMIN, &buy);
    let unit = bought["price"]["amount"].as_f64().expect("a number");
    assert!(bought["cost_per_term"]["amount"].is_f64());
    assert_eq!(
        bought["cost_per_term"]["amount"].as_f64(),
        Some(unit * 1000.0)
    );

    let out = env.run(ADMIN, &["product", "list", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json = stdout(&out);
    let products: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let spend = products
        .as_array()
        .and_then(|rows| rows.iter().find(|p| p["product_id"] == POWER_BI_PRO))
        .map(|p| p["monthly_spend"].clone())
        .expect("the Power BI Pro row");
    let amount = spend["amount"].as_f64().expect("a number");
    assert!((1_000.0..1_000_000.0).contains(&amount), "{amount}");
    // A decimal number as before, "14658.0": neither an integer nor a formatted string.
    assert!(spend["amount"].is_f64());
    let field = format!(r#""monthly_spend":{{"amount":{amount:?},"currency":"EUR"}}"#);
    assert!(json.contains(&field), "{json} lacks {field}");

    let human = stdout(&env.run(ADMIN, &["product", "list"]));
    let row = human
        .lines()
        .find(|l| l.contains(POWER_BI_PRO))
        .expect("the Power BI Pro row");
    let cents = (amount * 100.0).round() as u64;
    let thousands = cents / 100_000;
    let units = cents / 100 % 1_000;
    let expected = format!("€{thousands},{units:03}.{:02}", cents % 100);
    assert!(row.contains(&expected), "{row:?} lacks {expected}");
    // In French: "14 658,00 €", grouped and set apart by no-break spaces.
    let french = stdout(&env.run(ADMIN, &["product", "list", "--lang", "fr"]));
    let row = french
        .lines()
        .find(|l| l.contains(POWER_BI_PRO))
        .expect("the Power BI Pro row");
    let expected = format!("{thousands}\u{a0}{units:03},{:02}\u{a0}€", cents % 100);
    assert!(row.contains(&expected), "{row:?} lacks {expected}");
}
