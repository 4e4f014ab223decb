//! `lifecycle run` on a real demo database: JSON fields, month and year ends, leap days,
//! time zones in --now, --until, idempotence, e-mails and audit, roles.

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashSet;

const PYTHON_IN_EXCEL: &str = "CFQ7TTC0S3X1";

/// A licensed demo user without a license of `product`.
fn newcomer(env: &Env, product: &str) -> String {
    let upns = |args: &[&str]| -> Vec<String> {
        let out = env.run(ADMIN, args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        stdout(&out)
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(1).map(str::to_string))
            .collect()
    };
    let held: HashSet<String> = upns(&["user", "export", "--product", product])
        .into_iter()
        .collect();
    upns(&["user", "export"])
        .into_iter()
        .find(|u| !held.contains(u))
        .expect("a user without the product")
}

/// Buys 2 licenses of Python in Excel at `now`; returns the subscription id.
fn buy(env: &Env, term: &str, now: &str) -> String {
    let user = newcomer(env, PYTHON_IN_EXCEL);
    let out = env.json(
        ADMIN,
        &[
            "storefront",
            "purchase",
            "--user",
            &user,
            PYTHON_IN_EXCEL,
            "--quantity",
            "2",
            "--card",
            "4242",
            "--term",
            term,
            "--now",
            now,
        ],
    );
    out["subscription"]["id"].as_str().expect("id").to_string()
}

fn run(env: &Env, login: &str, now: &str) -> Vec<Value> {
    let report = env.json(login, &["lifecycle", "run", "--now", now]);
    assert_eq!(report["applied"], true);
    report["changes"].as_array().expect("changes").clone()
}

fn of<'a>(changes: &'a [Value], id: &str) -> Vec<&'a Value> {
    changes.iter().filter(|c| c["subscription"] == id).collect()
}

fn show(env: &Env, id: &str) -> Value {
    env.json(READER, &["subscription", "show", id])
}

#[test]
fn nothing_is_due_on_the_demo_at_its_own_clock() {
    let env = Env::demo();
    let report = env.json(ADMIN, &["lifecycle", "run"]);
    assert_eq!(report["changes"], Value::Array(Vec::new()));
    assert_eq!(report["until"], "2026-11-23T12:00:00Z");
    let human = env.run(ADMIN, &["lifecycle", "run"]);
    assert_eq!(code(&human), 0);
    assert!(
        stdout(&human).contains("0 lifecycle steps applied"),
        "{}",
        stdout(&human)
    );
}

#[test]
fn renewals_cross_the_year_end_and_february_with_every_field_reported() {
    let env = Env::demo();
    let id = buy(&env, "monthly", "2026-12-31T18:00:00Z");
    assert_eq!(show(&env, &id)["expires"], "2027-01-31");

    let changes = run(&env, ADMIN, "2027-01-31T00:00:00Z");
    let mine = of(&changes, &id);
    assert_eq!(mine.len(), 1);
    let c = mine[0];
    for field in [
        "subscription",
        "product_id",
        "product_name",
        "buyer",
        "step",
        "on",
        "terms",
        "status",
        "expires",
        "licenses_removed",
        "emailed",
    ] {
        assert!(c.get(field).is_some(), "change lacks {field}: {c}");
    }
    assert_eq!(c["step"], "renewed");
    assert_eq!(c["on"], "2027-01-31");
    assert_eq!(c["expires"], "2027-02-28");
    assert_eq!(c["status"], "Active");
    assert_eq!(c["emailed"], Value::Array(vec![c["buyer"].clone()]));

    run(&env, ADMIN, "2027-03-01");
    assert_eq!(show(&env, &id)["expires"], "2027-03-31");

    let renewed_to_buyer = env
        .json(READER, &["outbox", "list", "--limit", "100000"])
        .as_array()
        .expect("emails")
        .iter()
        .filter(|e| e["kind"] == "renewed" && e["to"] == c["buyer"])
        .filter(|e| {
            e["subject"]
                .as_str()
                .unwrap_or("")
                .contains("Python in Excel")
        })
        .count();
    assert_eq!(renewed_to_buyer, 2);
    let audit = env.json(READER, &["audit", "list", "--limit", "100000"]);
    let mine: Vec<&Value> = audit
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["target"] == id.as_str() && e["action"] == "lifecycle.renewed")
        .collect();
    assert_eq!(mine.len(), 2);
    assert!(mine.iter().all(|e| e["actor"] == "system"));
}

#[test]
fn a_leap_day_purchase_renews_on_the_last_day_of_february() {
    let env = Env::demo();
    let id = buy(&env, "annual", "2028-02-29T09:00:00Z");
    assert_eq!(show(&env, &id)["expires"], "2029-02-28");
    run(&env, BILLING, "2029-02-28");
    assert_eq!(show(&env, &id)["expires"], "2030-02-28");
    // The next leap year's February gets its 29th back, and renews on that very day.
    run(&env, BILLING, "2031-03-01");
    assert_eq!(show(&env, &id)["expires"], "2032-02-29");
    assert!(of(&run(&env, BILLING, "2032-02-28T23:59:59Z"), &id).is_empty());
    let c = run(&env, BILLING, "2032-02-29T00:00:00Z");
    assert_eq!(of(&c, &id)[0]["on"], "2032-02-29");
    assert_eq!(show(&env, &id)["expires"], "2033-02-28");
}

#[test]
fn the_clock_offset_is_honoured_in_utc() {
    let env = Env::demo();
    let id = buy(&env, "monthly", "2026-12-31T18:00:00Z");
    // 01:00 on the 31st at UTC+2 is still the 30th in UTC: not due.
    assert!(of(&run(&env, ADMIN, "2027-01-31T01:00:00+02:00"), &id).is_empty());
    assert_eq!(show(&env, &id)["expires"], "2027-01-31");
    // 23:30 on the 30th at UTC-1 is already the 31st in UTC: due.
    assert_eq!(
        of(&run(&env, ADMIN, "2027-01-30T23:30:00-01:00"), &id).len(),
        1
    );
    assert_eq!(show(&env, &id)["expires"], "2027-02-28");
}

#[test]
fn a_second_run_changes_nothing_and_the_database_stays_sound() {
    let env = Env::demo();
    let first = run(&env, ADMIN, "2027-12-31");
    assert!(
        first.len() > 20,
        "a year on, much has happened: {}",
        first.len()
    );
    let steps: HashSet<&str> = first.iter().filter_map(|c| c["step"].as_str()).collect();
    for step in ["renewed", "converted", "expired", "disabled", "deleted"] {
        assert!(
            steps.contains(step),
            "the demo goes through {step}: {steps:?}"
        );
    }
    let subs = env.json(READER, &["subscription", "list"]);
    let outbox = env.json(READER, &["outbox", "list", "--limit", "100000"]);
    assert!(run(&env, ADMIN, "2027-12-31").is_empty());
    assert_eq!(env.json(READER, &["subscription", "list"]), subs);
    assert_eq!(
        env.json(READER, &["outbox", "list", "--limit", "100000"]),
        outbox
    );
    let check = env.run(ADMIN, &["check", "--now", "2027-12-31"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
    // Deleted subscriptions hold no licenses.
    for s in subs.as_array().expect("rows") {
        if s["status"] == "Deleted" {
            assert_eq!(s["assigned"], 0, "{s}");
        }
    }
}

#[test]
fn until_runs_only_up_to_an_earlier_time() {
    let env = Env::demo();
    let report = env.json(
        ADMIN,
        &[
            "lifecycle",
            "run",
            "--now",
            "2027-06-01",
            "--until",
            "2027-01-01T00:00:00+01:00",
        ],
    );
    assert_eq!(report["until"], "2026-12-31T23:00:00Z");
    for c in report["changes"].as_array().expect("changes") {
        assert!(c["on"].as_str().unwrap_or("9999") <= "2026-12-31", "{c}");
    }
    let err = assert_fails(
        &env.run(ADMIN, &["lifecycle", "run", "--until", "2027-06-01"]),
        2,
    );
    assert!(err.contains("--now"), "{err}");
    assert_fails(&env.run(ADMIN, &["lifecycle", "run", "--until", "soon"]), 2);
}

#[test]
fn readers_preview_and_managers_apply() {
    let env = Env::demo();
    let err = assert_fails(
        &env.run(READER, &["lifecycle", "run", "--now", "2027-06-01"]),
        3,
    );
    assert!(err.contains("GlobalReader"), "{err}");
    assert_fails(&env.run("stranger", &["lifecycle", "run", "--dry-run"]), 3);
    let preview = env.json(
        READER,
        &["lifecycle", "run", "--now", "2027-06-01", "--dry-run"],
    );
    assert_eq!(preview["applied"], false);
    let due = preview["changes"].as_array().expect("changes").len();
    assert!(due > 0);
    // The preview wrote nothing: the same steps are still due, and billing applies them.
    let applied = run(&env, BILLING, "2027-06-01");
    assert_eq!(applied.len(), due);
    assert_eq!(&applied, preview["changes"].as_array().expect("changes"));
}
