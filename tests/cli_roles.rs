//! Every role against every operation of issue 5, and `admin list|add|remove` with the
//! last-GlobalAdministrator guard, on a real demo database.

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashSet;

const PLANNER: &str = "CFQ7TTC0HDB1";
const ADELE: &str = "adele.vance@contoso.example";
const MEGAN: &str = "megan.bowen@contoso.example";
const LEE: &str = "lee.gu@contoso.example";

fn audit_len(env: &Env) -> usize {
    env.json(ADMIN, &["audit", "list", "--limit", "100000"])
        .as_array()
        .map(Vec::len)
        .unwrap_or(0)
}

/// Licensed users of the demo without a license of `product`.
fn newcomers(env: &Env, product: &str) -> Vec<String> {
    let list = |args: &[&str]| -> Vec<String> {
        let out = env.run(ADMIN, args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        stdout(&out)
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(1).map(str::to_string))
            .collect()
    };
    let held: HashSet<String> = list(&["user", "export", "--product", product])
        .into_iter()
        .collect();
    let mut out: Vec<String> = Vec::new();
    for u in list(&["user", "export"]) {
        if !held.contains(&u) && !out.contains(&u) {
            out.push(u);
        }
    }
    out
}

/// A command of issue 5 that changes the tenant, for a role check.
fn writes(users: &[String]) -> Vec<Vec<String>> {
    let (buyer, trier) = (users[0].as_str(), users[1].as_str());
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        v(&["policy", "set", PLANNER, "Disabled"]),
        v(&["policy", "set", "--all", "Enabled"]),
        v(&[
            "admin",
            "add",
            buyer,
            "--role",
            "GlobalReader",
            "--login",
            "isa",
        ]),
        v(&["admin", "remove", "reader"]),
        v(&[
            "storefront",
            "purchase",
            "--user",
            buyer,
            PLANNER,
            "--quantity",
            "1",
            "--card",
            "4242",
        ]),
        v(&["storefront", "trial", "--user", trier, PLANNER]),
        v(&["lifecycle", "run"]),
    ]
}

#[test]
fn readers_and_unbound_logins_may_change_nothing() {
    let env = Env::demo();
    let users = newcomers(&env, PLANNER);
    let before = audit_len(&env);
    for login in [READER, "stranger"] {
        for args in writes(&users) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = env.run(login, &args);
            let err = assert_fails(&out, 3);
            if login == READER {
                assert!(err.contains("GlobalReader"), "{args:?}: {err}");
            } else {
                assert!(err.contains("admin add"), "says what to do next: {err}");
            }
        }
    }
    assert_eq!(audit_len(&env), before, "no refused command wrote anything");
    // Readers read, and may preview the lifecycle.
    for args in [
        &["policy", "list"][..],
        &["policy", "get", PLANNER],
        &["admin", "list"],
        &["lifecycle", "run", "--dry-run"],
    ] {
        env.json(READER, args);
        assert_fails(&env.run("stranger", args), 3);
    }
}

#[test]
fn billing_administrators_act_in_the_storefront_and_lifecycle_but_not_on_policies_or_admins() {
    let env = Env::demo();
    let users = newcomers(&env, PLANNER);
    for args in writes(&users) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = env.run(BILLING, &args);
        match args[0] {
            "policy" | "admin" => {
                let err = assert_fails(&out, 3);
                assert!(err.contains("BillingAdministrator"), "{err}");
            }
            _ => assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out)),
        }
    }
}

#[test]
fn global_administrators_may_do_everything() {
    let env = Env::demo();
    let users = newcomers(&env, PLANNER);
    for args in writes(&users) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = env.run(ADMIN, &args);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    }
    let check = env.run(ADMIN, &["check"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
}

fn admins(env: &Env) -> Vec<(String, String, String)> {
    env.json(READER, &["admin", "list"])
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["login"].as_str().unwrap_or("").to_string(),
                r["user_principal_name"].as_str().unwrap_or("").to_string(),
                r["role"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn admin_add_binds_a_login_that_then_acts_with_its_role() {
    let env = Env::demo();
    let upn = newcomers(&env, PLANNER).remove(0);
    assert_fails(&env.run("newbie", &["policy", "list"]), 3);

    let out = env.json(
        ADMIN,
        &[
            "admin",
            "add",
            &upn,
            "--role",
            "billingadministrator",
            "--login",
            "newbie",
        ],
    );
    assert_eq!(out["login"], "newbie");
    assert_eq!(out["user_principal_name"], upn.as_str());
    assert_eq!(out["role"], "BillingAdministrator");
    assert_eq!(out["previous_role"], Value::Null);
    assert_eq!(out["changed"], true);
    assert!(admins(&env).contains(&("newbie".into(), upn.clone(), "BillingAdministrator".into())));
    // The new login acts with its role: it reads, and may not set policies.
    env.json("newbie", &["policy", "list"]);
    assert_fails(
        &env.run("newbie", &["policy", "set", PLANNER, "Disabled"]),
        3,
    );

    // Changing the role of the binding.
    let promoted = env.json(
        ADMIN,
        &[
            "admin",
            "add",
            &upn,
            "--role",
            "GlobalAdministrator",
            "--login",
            "newbie",
        ],
    );
    assert_eq!(promoted["previous_role"], "BillingAdministrator");
    assert_eq!(promoted["role"], "GlobalAdministrator");
    let out = env.run("newbie", &["policy", "set", PLANNER, "Disabled"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    // Adding the same binding again changes nothing.
    let same = env.json(
        ADMIN,
        &[
            "admin",
            "add",
            &upn,
            "--role",
            "GlobalAdministrator",
            "--login",
            "newbie",
        ],
    );
    assert_eq!(same["changed"], false);

    let actions: Vec<String> = env
        .json(READER, &["audit", "list"])
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["action"].as_str().map(str::to_string))
        .filter(|a| a.starts_with("admin."))
        .collect();
    assert_eq!(actions, ["admin.change-role", "admin.add"]);

    // Removing the binding takes the login's rights away at once.
    let removed = env.json(ADMIN, &["admin", "remove", "newbie"]);
    assert_eq!(removed["role"], Value::Null);
    assert_eq!(removed["previous_role"], "GlobalAdministrator");
    assert_fails(&env.run("newbie", &["policy", "list"]), 3);
}

#[test]
fn the_last_global_administrator_can_be_neither_removed_nor_demoted() {
    let env = Env::demo();
    let before = admins(&env);
    let err = assert_fails(&env.run(ADMIN, &["admin", "remove", ADMIN]), 1);
    assert!(err.contains("last GlobalAdministrator"), "{err}");
    // By UPN too.
    assert_fails(&env.run(ADMIN, &["admin", "remove", ADELE]), 1);
    let err = assert_fails(
        &env.run(
            ADMIN,
            &[
                "admin",
                "add",
                ADELE,
                "--role",
                "GlobalReader",
                "--login",
                ADMIN,
            ],
        ),
        1,
    );
    assert!(err.contains("last GlobalAdministrator"), "{err}");
    assert_eq!(admins(&env), before);

    // With a second GlobalAdministrator, the first may step down.
    env.json(
        ADMIN,
        &[
            "admin",
            "add",
            MEGAN,
            "--role",
            "GlobalAdministrator",
            "--login",
            BILLING,
        ],
    );
    env.json(
        ADMIN,
        &[
            "admin",
            "add",
            ADELE,
            "--role",
            "GlobalReader",
            "--login",
            ADMIN,
        ],
    );
    assert_fails(&env.run(ADMIN, &["policy", "set", PLANNER, "Disabled"]), 3);
    // Now Megan is the last one.
    assert_fails(&env.run(BILLING, &["admin", "remove", BILLING]), 1);
    let check = env.run(ADMIN, &["check"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
}

#[test]
fn admin_add_and_remove_refuse_bad_input_with_one_line() {
    let env = Env::demo();
    let before = admins(&env);
    let err = assert_fails(
        &env.run(
            ADMIN,
            &["admin", "add", LEE, "--role", "Owner", "--login", "x"],
        ),
        2,
    );
    for role in [
        "GlobalAdministrator",
        "BillingAdministrator",
        "GlobalReader",
    ] {
        assert!(err.contains(role), "{err}");
    }
    assert_fails(
        &env.run(
            ADMIN,
            &[
                "admin",
                "add",
                LEE,
                "--role",
                "GlobalReader",
                "--login",
                "two words",
            ],
        ),
        2,
    );
    assert_fails(
        &env.run(
            ADMIN,
            &[
                "admin",
                "add",
                "nobody@contoso.example",
                "--role",
                "GlobalReader",
                "--login",
                "x",
            ],
        ),
        4,
    );
    // One directory user is one administrator: a second login for Lee is refused.
    let err = assert_fails(
        &env.run(
            ADMIN,
            &[
                "admin",
                "add",
                LEE,
                "--role",
                "GlobalReader",
                "--login",
                "lee2",
            ],
        ),
        1,
    );
    assert!(err.contains("\"reader\""), "{err}");
    // A login bound to someone else is not silently rebound.
    let upn = newcomers(&env, PLANNER).remove(0);
    assert_fails(
        &env.run(
            ADMIN,
            &[
                "admin",
                "add",
                &upn,
                "--role",
                "GlobalReader",
                "--login",
                READER,
            ],
        ),
        1,
    );
    assert_fails(&env.run(ADMIN, &["admin", "remove", "nobody"]), 4);
    assert_fails(
        &env.run(ADMIN, &["admin", "add", LEE, "--role", "GlobalReader"]),
        2,
    );
    assert_eq!(admins(&env), before);
}
