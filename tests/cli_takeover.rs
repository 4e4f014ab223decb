//! `subscription take-over|move-users|cancel` and `product centralise` through the real binary:
//! success, dry run (which changes nothing), refusals and their exit codes.

mod common;
mod ops_cli;

use common::*;
use ops_cli::*;

#[test]
fn take_over_marks_the_subscription_and_says_so_when_repeated() {
    let env = Env::demo();
    let sub = untaken_with_users(&env);
    let sid = id(&sub);
    let before = state(&env);
    let dry = env.json(BILLING, &["subscription", "take-over", &sid, "--dry-run"]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(state(&env), before, "a dry run changes nothing");

    let out = env.run(BILLING, &["subscription", "take-over", &sid[..8]]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("taken over by megan.bowen@contoso.example"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        show(&env, &sid)["taken_over_by"],
        "megan.bowen@contoso.example"
    );
    let again = env.run(ADMIN, &["subscription", "take-over", &sid]);
    assert_eq!(code(&again), 0);
    assert!(
        stdout(&again).contains("already taken over by megan.bowen"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn take_over_refusals_have_their_exit_codes() {
    let env = Env::demo();
    let sub = untaken_with_users(&env);
    let before = state(&env);
    let err = assert_fails(
        &env.run(READER, &["subscription", "take-over", &id(&sub)]),
        3,
    );
    assert!(err.contains("GlobalReader"), "{err}");
    let central = subscriptions(&env, &[])
        .into_iter()
        .find(|s| s["origin"] == "central")
        .expect("central");
    let err = assert_fails(
        &env.run(ADMIN, &["subscription", "take-over", &id(&central)]),
        1,
    );
    assert!(err.contains("central subscription"), "{err}");
    assert_fails(
        &env.run(ADMIN, &["subscription", "take-over", "0000ffff"]),
        4,
    );
    assert_fails(&env.run(ADMIN, &["subscription", "take-over", "zz"]), 2);
    assert_eq!(state(&env), before);
}

#[test]
fn move_users_dry_run_then_move_cancels_the_source_and_emails_the_buyer() {
    let env = Env::demo();
    let sub = untaken_with_users(&env);
    let (sid, product) = (
        id(&sub),
        sub["product_id"].as_str().expect("product").to_string(),
    );
    let n = sub["assigned"].as_u64().expect("assigned");
    let to = buy(&env, &product, n as u32 + 1);
    let before = state(&env);

    let dry = env.json(
        ADMIN,
        &["subscription", "move-users", &sid, "--to", &to, "--dry-run"],
    );
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["users"].as_array().expect("users").len() as u64, n);
    assert_eq!(dry["emails"][0]["to"], sub["buyer"]);
    assert_eq!(state(&env), before, "a dry run changes nothing");
    let human = env.run(
        ADMIN,
        &["subscription", "move-users", &sid, "--to", &to, "--dry-run"],
    );
    assert!(
        stdout(&human).starts_with("Dry run: nothing was changed."),
        "{}",
        stdout(&human)
    );
    assert_eq!(state(&env), before);

    let out = env.run(ADMIN, &["subscription", "move-users", &sid, "--to", &to]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("Moved {n} users")),
        "{}",
        stdout(&out)
    );
    let from = show(&env, &sid);
    assert_eq!(
        (from["status"].as_str(), from["assigned"].as_u64()),
        (Some("Deleted"), Some(0))
    );
    assert_eq!(from["cancellation_reason"], "moving-to-central");
    assert_eq!(show(&env, &to)["assigned"].as_u64(), Some(n));
    let mail = env.json(ADMIN, &["outbox", "list"]);
    assert_eq!(mail[0]["to"], sub["buyer"]);
    assert_eq!(mail[0]["kind"], "users-moved");
    let audit = env.json(ADMIN, &["audit", "list"]);
    assert_eq!(audit[0]["action"], "subscription.move-users");
    assert_eq!(audit[0]["actor"], "adele.vance@contoso.example");
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
}

#[test]
fn move_users_refusals_name_the_rule_and_change_nothing() {
    let env = Env::demo();
    let sub = untaken_with_users(&env);
    let (sid, product) = (
        id(&sub),
        sub["product_id"].as_str().expect("product").to_string(),
    );
    let n = sub["assigned"].as_u64().expect("assigned");
    let small = buy(&env, &product, 1);
    let before = state(&env);
    let err = assert_fails(
        &env.run(ADMIN, &["subscription", "move-users", &sid, "--to", &small]),
        1,
    );
    let expected = format!(
        "has 1 free license; moving {n} users needs {} more: buy more or choose another subscription",
        n - 1
    );
    assert!(err.contains(&expected), "{err}");
    assert!(err.contains(&small[..8]), "{err}");
    assert_fails(
        &env.run(
            READER,
            &["subscription", "move-users", &sid, "--to", &small],
        ),
        3,
    );
    assert_fails(
        &env.run(ADMIN, &["subscription", "move-users", &sid, "--to", &sid]),
        2,
    );
    assert_fails(&env.run(ADMIN, &["subscription", "move-users", &sid]), 2);
    assert_fails(
        &env.run(
            ADMIN,
            &["subscription", "move-users", &sid, "--to", "abcd0000"],
        ),
        4,
    );
    assert_eq!(state(&env), before, "refusals change nothing");
    let other = buy(&env, "CFQ7TTC0HD32", 50);
    let before = state(&env);
    let err = assert_fails(
        &env.run(ADMIN, &["subscription", "move-users", &sid, "--to", &other]),
        1,
    );
    assert!(err.contains("same product"), "{err}");
    assert_eq!(state(&env), before, "refusals change nothing");
    assert_eq!(
        show(&env, &sid)["taken_over_by"],
        serde_json::Value::Null,
        "not even taken over"
    );
}

#[test]
fn cancel_with_a_reason_deletes_and_emails_and_a_bad_reason_is_a_usage_error() {
    let env = Env::demo();
    let sub = untaken_with_users(&env);
    let sid = id(&sub);
    let before = state(&env);
    let err = assert_fails(
        &env.run(
            ADMIN,
            &["subscription", "cancel", &sid, "--reason", "because"],
        ),
        2,
    );
    for r in [
        "no-longer-needed",
        "bought-by-mistake",
        "moving-to-central",
        "too-expensive",
        "other",
    ] {
        assert!(err.contains(r), "{err}");
    }
    assert_fails(
        &env.run(
            READER,
            &["subscription", "cancel", &sid, "--reason", "other"],
        ),
        3,
    );
    let dry = env.json(
        BILLING,
        &[
            "subscription",
            "cancel",
            &sid,
            "--reason",
            "bought-by-mistake",
            "--dry-run",
        ],
    );
    assert_eq!(dry["dry_run"], true);
    assert_eq!(
        dry["users"].as_array().expect("users").len() as u64,
        sub["assigned"].as_u64().expect("n")
    );
    assert_eq!(state(&env), before, "refusals and dry runs change nothing");

    let out = env.run(
        BILLING,
        &[
            "subscription",
            "cancel",
            &sid,
            "--reason",
            "bought-by-mistake",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let s = show(&env, &sid);
    assert_eq!(
        (s["status"].as_str(), s["assigned"].as_u64()),
        (Some("Deleted"), Some(0))
    );
    assert_eq!(s["cancellation_reason"], "bought-by-mistake");
    assert!(s["users"].as_array().expect("users").is_empty());
    let mail = env.json(ADMIN, &["outbox", "list"]);
    assert_eq!(
        (&mail[0]["to"], &mail[0]["kind"]),
        (&sub["buyer"], &serde_json::json!("subscription-cancelled"))
    );
    let err = assert_fails(
        &env.run(
            BILLING,
            &["subscription", "cancel", &sid, "--reason", "other"],
        ),
        1,
    );
    assert!(err.contains("already Deleted"), "{err}");
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
}

#[test]
fn centralise_gives_every_self_service_user_a_central_license_at_once() {
    let env = Env::demo();
    let live: Vec<_> = subscriptions(&env, &["--self-service", "--product", POWER_BI_PRO])
        .into_iter()
        .filter(|s| s["status"] != "Deleted")
        .collect();
    let users: u64 = live
        .iter()
        .map(|s| s["assigned"].as_u64().expect("n"))
        .sum();
    let before = state(&env);
    assert_fails(
        &env.run(READER, &["product", "centralise", POWER_BI_PRO]),
        3,
    );
    assert_fails(
        &env.run(
            ADMIN,
            &["product", "centralise", POWER_BI_PRO, "--term", "weekly"],
        ),
        2,
    );
    let dry = env.json(ADMIN, &["product", "centralise", POWER_BI_PRO, "--dry-run"]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["users_moved"].as_u64(), Some(users));
    assert_eq!(dry["moves"].as_array().expect("moves").len(), live.len());
    assert_eq!(state(&env), before, "a dry run changes nothing");

    // SPEC §2 rule 6 (changed by issue 10): the demo's central Power BI Pro subscription gives
    // its free licenses first, the missing ones are added to it, and nothing is bought.
    let out = env.json(ADMIN, &["product", "centralise", POWER_BI_PRO]);
    assert!(out["bought"].is_null(), "{out}");
    let central = out["added"]["subscription"]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let reused = out["reused"][0]["licenses"].as_u64().expect("reused");
    let added = out["added"]["added"].as_u64().expect("added");
    assert_eq!(reused + added, users);
    let c = show(&env, &central);
    assert_eq!(
        c["assigned"], c["quantity"],
        "its free licenses are all used"
    );
    assert_eq!(c["payment_method"], "invoice");
    for s in &live {
        assert_eq!(show(&env, &id(s))["status"], "Deleted");
    }
    let mail = env.json(ADMIN, &["outbox", "list"]);
    let moved = mail
        .as_array()
        .expect("mail")
        .iter()
        .filter(|m| m["kind"] == "users-moved")
        .count();
    assert_eq!(moved, live.len());
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
    let err = assert_fails(&env.run(ADMIN, &["product", "centralise", POWER_BI_PRO]), 1);
    assert!(err.contains("nothing to centralise"), "{err}");
}
