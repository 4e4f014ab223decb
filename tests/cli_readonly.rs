//! `--readonly` through the real binary: every command that writes exits 3 with one line saying
//! why and what to do, and the database is unchanged; reads and dry runs still work.

mod common;
mod ops_cli;

use common::*;
use ops_cli::*;
use serde_json::Value;

const PLANNER: &str = "CFQ7TTC0HDB1";
const REFUSAL: &str = "it changes nothing; run the command without --readonly";

/// Runs `args` with `--readonly` as the GlobalAdministrator.
fn readonly(env: &Env, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--readonly"];
    all.extend_from_slice(args);
    env.run(ADMIN, &all)
}

/// Everything a write could change, as the binary reports it.
fn everything(env: &Env, subs: &[&str]) -> Vec<Value> {
    let mut all = vec![
        env.json(ADMIN, &["policy", "list"]),
        env.json(ADMIN, &["subscription", "list"]),
        env.json(ADMIN, &["audit", "list", "--limit", "100000"]),
        env.json(ADMIN, &["outbox", "list"]),
        env.json(ADMIN, &["admin", "list"]),
    ];
    all.extend(subs.iter().map(|s| show(env, s)));
    all
}

#[test]
fn every_write_under_readonly_exits_3_with_one_line_and_changes_nothing() {
    let env = Env::demo();
    let sub = untaken_with_users(&env);
    let sid = id(&sub);
    let product = sub["product_id"].as_str().expect("product").to_string();
    let to = buy(&env, &product, 100);
    let holder = show(&env, &sid)["users"][0]["user_principal_name"]
        .as_str()
        .expect("a user")
        .to_string();
    let newcomers = upns_without(&env, PLANNER, 2);
    let (buyer, trier) = (newcomers[0].as_str(), newcomers[1].as_str());
    let before = everything(&env, &[&sid, &to]);

    let writes: Vec<Vec<&str>> = vec![
        vec!["policy", "set", PLANNER, "Disabled"],
        vec!["policy", "set", "--all", "Enabled"],
        vec![
            "admin",
            "add",
            buyer,
            "--role",
            "GlobalReader",
            "--login",
            "isa",
        ],
        vec!["admin", "remove", "reader"],
        vec![
            "storefront",
            "purchase",
            "--user",
            buyer,
            PLANNER,
            "--quantity",
            "1",
            "--card",
            "4242",
        ],
        vec!["storefront", "trial", "--user", trier, PLANNER],
        vec!["lifecycle", "run"],
        vec!["subscription", "take-over", &sid],
        vec!["subscription", "move-users", &sid, "--to", &to],
        vec!["subscription", "cancel", &sid, "--reason", "other"],
        vec!["subscription", "buy", PLANNER, "--quantity", "1"],
        vec!["license", "assign", &to, buyer],
        vec!["license", "unassign", &sid, &holder],
        vec!["product", "centralise", &product],
        vec!["demo", "--force"],
        vec!["demo"],
    ];
    for args in &writes {
        let err = assert_fails(&readonly(&env, args), 3);
        assert!(
            err.starts_with("selfserve: this session is read-only (--readonly) and may not ")
                && err.trim_end().ends_with(REFUSAL),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        everything(&env, &[&sid, &to]),
        before,
        "a --readonly command changed something"
    );
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);

    // Without --readonly the same commands are not refused: the flag, not the command, was.
    let out = env.run(ADMIN, &["policy", "set", PLANNER, "Disabled"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn reads_and_dry_runs_work_under_readonly_as_without() {
    let env = Env::demo();
    let sub = untaken_with_users(&env);
    let sid = id(&sub);
    let product = sub["product_id"].as_str().expect("product").to_string();
    let to = buy(&env, &product, 100);
    let newcomer = upns_without(&env, &product, 1).remove(0);
    let before = everything(&env, &[&sid, &to]);

    // The same JSON as without --readonly.
    let same: Vec<Vec<&str>> = vec![
        vec!["product", "list"],
        vec!["subscription", "list", "--self-service"],
        vec!["subscription", "show", &sid],
        vec!["policy", "list"],
        vec!["policy", "get", PLANNER],
        vec!["audit", "list"],
        vec!["outbox", "list"],
        vec!["admin", "list"],
        vec!["subscription", "take-over", &sid, "--dry-run"],
        vec!["subscription", "move-users", &sid, "--to", &to, "--dry-run"],
        vec![
            "subscription",
            "cancel",
            &sid,
            "--reason",
            "other",
            "--dry-run",
        ],
        vec!["license", "assign", &to, &newcomer, "--dry-run"],
        vec!["lifecycle", "run", "--dry-run"],
    ];
    for args in &same {
        let mut ro = vec!["--readonly"];
        ro.extend_from_slice(args);
        assert_eq!(env.json(ADMIN, &ro), env.json(ADMIN, args), "{args:?}");
    }
    // These plan a new subscription (a fresh id each time): they only have to succeed.
    for args in [
        &[
            "subscription",
            "buy",
            PLANNER,
            "--quantity",
            "1",
            "--dry-run",
        ][..],
        &["product", "centralise", &product, "--dry-run"],
        &["user", "export"],
        &["check"],
    ] {
        let out = readonly(&env, args);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    }
    assert_eq!(everything(&env, &[&sid, &to]), before);
}

#[test]
fn readonly_keeps_the_role_refusal_for_a_role_that_may_not_act() {
    let env = Env::demo();
    let out = env.run(
        READER,
        &["--readonly", "policy", "set", PLANNER, "Disabled"],
    );
    let err = assert_fails(&out, 3);
    assert!(
        err.contains("GlobalReader"),
        "the role stands in the way: {err}"
    );
}
