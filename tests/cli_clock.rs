//! Statuses as of the clock (SPEC §2 rule 11) through the real binary: a read at a later
//! `--now` shows what the lifecycle says then, before `lifecycle run`, and says what is due.

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashSet;

/// Planner Plan 1: a 30-day trial without a payment method, which expires at its end.
const PLANNER: &str = "CFQ7TTC0HDB1";
/// After the trial's end (2026-12-23) and before it is disabled 30 days later.
const LATER: &str = "2027-01-10";

/// Starts a card-less Planner trial for a user without Planner; returns its id and expiry.
fn cardless_trial(env: &Env) -> (String, String) {
    let upns = |args: &[&str]| -> Vec<String> {
        let out = env.run(ADMIN, args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        stdout(&out)
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(1).map(str::to_string))
            .collect()
    };
    let held: HashSet<String> = upns(&["user", "export", "--product", PLANNER])
        .into_iter()
        .collect();
    let user = upns(&["user", "export"])
        .into_iter()
        .find(|u| !held.contains(u))
        .expect("a user without Planner");
    let out = env.json(ADMIN, &["storefront", "trial", "--user", &user, PLANNER]);
    let sub = &out["subscription"];
    (
        sub["id"].as_str().expect("id").to_string(),
        sub["expires"].as_str().expect("expires").to_string(),
    )
}

fn row(env: &Env, id: &str, now: &str) -> Value {
    let rows = env.json(
        READER,
        &["subscription", "list", "--product", PLANNER, "--now", now],
    );
    rows.as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
        .expect("the trial is listed")
}

#[test]
fn a_subscription_past_its_expiry_reads_expired_before_any_lifecycle_run() {
    let env = Env::demo();
    let (id, expires) = cardless_trial(&env);
    assert_eq!(expires, "2026-12-23");

    let now = row(&env, &id, NOW);
    assert_eq!(now["status"], "Active");
    assert_eq!(now["lifecycle_due"], serde_json::json!([]));

    let later = row(&env, &id, LATER);
    assert_eq!(later["status"], "Expired", "{later}");
    assert_eq!(
        later["lifecycle_due"],
        serde_json::json!([{"step": "expired", "on": "2026-12-23"}])
    );
    // The same status under the filter, and in the detail.
    let expired = env.json(
        READER,
        &[
            "subscription",
            "list",
            "--status",
            "Expired",
            "--now",
            LATER,
        ],
    );
    assert!(expired
        .as_array()
        .expect("rows")
        .iter()
        .any(|r| r["id"] == id));
    let detail = env.json(READER, &["subscription", "show", &id, "--now", LATER]);
    assert_eq!(detail["status"], "Expired");
    assert_eq!(detail["lifecycle_due"][0]["step"], "expired");

    // Human output says the steps are due and how to apply them.
    let out = env.run(READER, &["subscription", "show", &id, "--now", LATER]);
    let text = stdout(&out);
    assert!(text.contains("Expired"), "{text}");
    assert!(
        text.contains("Lifecycle steps due but not applied: expired on 2026-12-23"),
        "{text}"
    );
    assert!(text.contains("`selfserve lifecycle run`"), "{text}");
    let out = env.run(READER, &["subscription", "list", "--now", LATER]);
    let last = stdout(&out).lines().last().unwrap_or_default().to_string();
    assert!(
        last.contains("lifecycle steps due but not applied")
            && last.contains("`selfserve lifecycle run`"),
        "{last}"
    );

    // Nothing was written by reading: at the first clock it is still Active.
    assert_eq!(row(&env, &id, NOW)["status"], "Active");

    // Once the run has applied it, the status stays and nothing is due any more.
    let report = env.json(ADMIN, &["lifecycle", "run", "--now", LATER]);
    assert_eq!(report["applied"], true);
    let applied = row(&env, &id, LATER);
    assert_eq!(applied["status"], "Expired");
    assert_eq!(applied["lifecycle_due"], serde_json::json!([]));
}

#[test]
fn product_rows_count_what_is_due_and_say_so() {
    let env = Env::demo();
    let planner = |now: &str| -> Value {
        env.json(READER, &["product", "list", "--now", now])
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["product_id"] == PLANNER)
            .cloned()
            .expect("Planner's row")
    };
    assert_eq!(planner(NOW)["lifecycle_due"], 0);
    let out = env.run(READER, &["product", "list"]);
    assert!(!stdout(&out).contains("lifecycle run"), "{}", stdout(&out));

    cardless_trial(&env);
    assert!(planner(LATER)["lifecycle_due"].as_u64().expect("count") >= 1);
    let out = env.run(READER, &["product", "list", "--now", LATER]);
    let last = stdout(&out).lines().last().unwrap_or_default().to_string();
    assert!(last.contains("`selfserve lifecycle run`"), "{last}");
}
