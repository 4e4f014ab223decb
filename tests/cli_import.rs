//! `selfserve init` and `selfserve import policies|users` (issue 12), on the files in
//! tests/fixtures/import/ written in the formats the tools export (see its README).

mod common;

use common::*;
use serde_json::Value;

const ADMIN_UPN: &str = "adele.vance@fabrikam.example";

/// A tenant made by `init` as the login `admin` (served where the switch says).
fn initialised() -> Env {
    Env::init(ADMIN_UPN, &["--currency", "eur"])
}

fn import(env: &Env, kind: &str, file: &str, extra: &[&str]) -> Value {
    let path = import_fixture(file);
    let mut args = vec!["import", kind, path.as_str()];
    args.extend_from_slice(extra);
    env.json(ADMIN, &args)
}

fn audit_len(env: &Env) -> usize {
    env.json(ADMIN, &["audit", "list"])
        .as_array()
        .map_or(0, Vec::len)
}

fn assert_clean(env: &Env) {
    let out = env.run(ADMIN, &["check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
}

/// Each product's policy, as `policy list --json` has it.
fn policies(env: &Env) -> Vec<(String, String)> {
    let list = env.json(ADMIN, &["policy", "list"]);
    let mut out: Vec<(String, String)> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|p| {
            (
                p["ProductId"].as_str().unwrap_or_default().to_string(),
                p["PolicyValue"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn init_makes_an_empty_tenant_whose_creator_is_its_global_administrator() {
    let env = initialised();
    assert_clean(&env);
    let tenant = env.json(ADMIN, &["tenant", "show"]);
    assert_eq!(tenant["display_name"], "Fabrikam");
    assert_eq!(tenant["demo"], false);
    assert_eq!(tenant["currency"], "EUR");
    assert_eq!(tenant["existing_agreement"], false);
    assert_eq!(tenant["language"], "en");
    let admins = env.json(ADMIN, &["admin", "list"]);
    assert_eq!(admins.as_array().map(Vec::len), Some(1));
    assert_eq!(admins[0]["login"], ADMIN);
    assert_eq!(admins[0]["role"], "GlobalAdministrator");
    assert_eq!(admins[0]["user_principal_name"], ADMIN_UPN);
    // The catalogue's products, nothing bought yet.
    let products = env.json(ADMIN, &["product", "list"]);
    assert_eq!(products.as_array().map(Vec::len), Some(17));
    assert!(products
        .as_array()
        .into_iter()
        .flatten()
        .all(|p| p["subscriptions"] == 0));
    assert_eq!(
        env.json(ADMIN, &["subscription", "list", "--self-service"]),
        serde_json::json!([])
    );
    // Another login is bound to nothing in it.
    assert_fails(&env.run(READER, &["product", "list"]), 3);
}

#[test]
fn init_takes_the_creating_logins_language_and_says_so_in_it() {
    let env = Env::empty();
    let out = env
        .cmd(
            ADMIN,
            &[
                "init",
                "--tenant",
                "Fabrikam",
                "--admin",
                ADMIN_UPN,
                "--agreement",
            ],
        )
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Locataire « Fabrikam » créé"),
        "{}",
        stderr(&out)
    );
    let tenant = env.json(ADMIN, &["tenant", "show"]);
    assert_eq!(tenant["language"], "fr");
    assert_eq!(tenant["existing_agreement"], true);
}

#[test]
fn init_over_a_database_is_refused_without_force_and_needs_a_global_administrator_with_it() {
    let env = Env::demo_in_process();
    let init = ["init", "--tenant", "Fabrikam", "--admin", ADMIN_UPN];
    let err = assert_fails(&env.run(ADMIN, &init), 1);
    assert!(err.contains("--force"), "{err}");
    let forced: Vec<&str> = init.iter().copied().chain(["--force"]).collect();
    // The demo's GlobalReader may not replace the tenant; nothing changes.
    assert_fails(&env.run(READER, &forced), 3);
    assert_eq!(env.json(ADMIN, &["tenant", "show"])["demo"], true);
    let out = env.run(ADMIN, &forced);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let tenant = env.json(ADMIN, &["tenant", "show"]);
    assert_eq!(
        (tenant["display_name"].as_str(), tenant["demo"].as_bool()),
        (Some("Fabrikam"), Some(false))
    );
    assert_clean(&env);
}

#[test]
fn bad_init_arguments_are_usage_errors_and_create_nothing() {
    let env = Env::empty();
    for args in [
        ["init", "--tenant", "Fabrikam", "--admin", "not-a-upn"],
        ["init", "--tenant", "Fabrikam", "--admin", "a@b"],
        ["init", "--tenant", " ", "--admin", ADMIN_UPN],
    ] {
        assert_fails(&env.run(ADMIN, &args), 2);
    }
    let out = env.run(
        ADMIN,
        &[
            "init",
            "--tenant",
            "F",
            "--admin",
            ADMIN_UPN,
            "--currency",
            "EURO",
        ],
    );
    assert_fails(&out, 2);
    assert!(!env.db.exists());
}

#[test]
fn policies_from_windows_powershell_json_and_powershell_7_csv_agree() {
    let env = initialised();
    let report = import(&env, "policies", "policies-ps51.json", &[]);
    assert_eq!(report["format"], "json");
    assert_eq!(
        (&report["added"], &report["changed"], &report["unchanged"]),
        (&Value::from(1), &Value::from(3), &Value::from(1))
    );
    assert_eq!(report["written"], true);
    assert_eq!(report["sha256"].as_str().map(str::len), Some(64));
    assert_clean(&env);
    let mut expected: Vec<(String, String)> = env
        .json(ADMIN, &["product", "list"])
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            (
                p["product_id"].as_str().unwrap_or_default().to_string(),
                "Enabled".to_string(),
            )
        })
        .collect();
    for (id, value) in [
        ("CFQ7TTC0H9MP", "Disabled"),
        ("CFQ7TTC0MM8R", "Disabled"),
        ("CFQ7TTC0N8SL", "OnlyTrialsWithoutPaymentMethod"),
        ("CFQ7TTC0X1LP", "OnlyTrialsWithoutPaymentMethod"),
    ] {
        match expected.iter_mut().find(|(p, _)| p == id) {
            Some(row) => row.1 = value.to_string(),
            None => panic!("{id} missing from product list"),
        }
    }
    expected.sort();
    assert_eq!(policies(&env), expected);
    // The unknown product joined the catalogue under the file's name.
    let products = env.json(ADMIN, &["product", "list"]);
    assert!(products
        .as_array()
        .into_iter()
        .flatten()
        .any(|p| p["product_id"] == "CFQ7TTC0X1LP" && p["product_name"] == "Microsoft Loop"));
    // The same policies as CSV, from either PowerShell, change nothing and write nothing.
    let events = audit_len(&env);
    for csv in [
        "policies-ps7.csv",
        "policies-ps51.csv",
        "policies-ps51.json",
    ] {
        let again = import(&env, "policies", csv, &[]);
        assert_eq!(again["changes"], serde_json::json!([]), "{csv}");
        assert_eq!(again["unchanged"], 5, "{csv}");
        assert_eq!(again["written"], false, "{csv}");
    }
    assert_eq!(audit_len(&env), events);
    assert_eq!(policies(&env), expected);
}

#[test]
fn users_from_the_admin_center_in_english_and_french_and_from_graph() {
    let env = initialised();
    let report = import(&env, "users", "users-en.csv", &[]);
    assert_eq!(
        (&report["added"], &report["changed"], &report["unchanged"]),
        (&Value::from(3), &Value::from(1), &Value::from(0))
    );
    assert_clean(&env);
    // init's administrator took the directory's object id and name.
    let admins = env.json(ADMIN, &["admin", "list"]);
    assert_eq!(admins[0]["display_name"], "Adèle Vance");
    let events = env.json(ADMIN, &["audit", "list"]);
    let event = &events[0];
    assert_eq!(event["action"], "import.users");
    assert_eq!(event["actor"], ADMIN_UPN);
    assert_eq!(event["target"], "users-en.csv");
    // The French export: same people, same ids; only Zoë's department differs.
    let fr = import(&env, "users", "users-fr.csv", &[]);
    assert_eq!(
        (&fr["added"], &fr["changed"], &fr["unchanged"]),
        (&Value::from(0), &Value::from(1), &Value::from(3))
    );
    assert_eq!(
        fr["changes"][0]["id"],
        "7b2e4d6f-8a9c-4b1d-8e2f-3a4b5c6d7e82"
    );
    assert_eq!(fr["changes"][0]["detail"], "department Finance → Achats");
    let mg = import(&env, "users", "users-mg.json", &[]);
    assert_eq!(mg["format"], "json");
    assert_eq!(
        (&mg["added"], &mg["changed"]),
        (&Value::from(0), &Value::from(1))
    );
    assert_clean(&env);
    let export = env.run(ADMIN, &["user", "export"]);
    assert_eq!(code(&export), 0, "{}", stderr(&export));
    assert_eq!(
        stdout(&export).trim_end(),
        "Display name,User principal name,Product,Product ID,Subscription ID,Purchased by,Buyer UPN,Assigned on"
    );
}

#[test]
fn a_dry_run_lists_the_changes_and_writes_nothing() {
    let env = initialised();
    let events = audit_len(&env);
    let dry = import(&env, "users", "users-en.csv", &["--dry-run"]);
    assert_eq!(
        (&dry["dry_run"], &dry["written"]),
        (&Value::from(true), &Value::from(false))
    );
    let changes = dry["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 4);
    assert!(
        changes
            .iter()
            .any(|c| c["action"] == "added"
                && c["name"] == "Lars Øberg <lars.oberg@fabrikam.example>")
    );
    assert_eq!(audit_len(&env), events);
    assert_eq!(
        env.json(ADMIN, &["admin", "list"])[0]["display_name"],
        ADMIN_UPN
    );
    // Then the real import does exactly what the dry run said.
    let real = import(&env, "users", "users-en.csv", &[]);
    assert_eq!(real["changes"], dry["changes"]);
    assert_eq!(audit_len(&env), events + 1);
    let text = env.run(
        ADMIN,
        &[
            "import",
            "users",
            &import_fixture("users-en.csv"),
            "--dry-run",
        ],
    );
    assert_eq!(code(&text), 0);
    assert!(
        stdout(&text).contains(
            "(dry run, nothing written): 0 would be added, 0 changed, 0 removed; 4 unchanged."
        ),
        "{}",
        stdout(&text)
    );
}

#[test]
fn prune_removes_the_users_the_file_no_longer_has_but_never_an_administrator() {
    let env = initialised();
    import(&env, "users", "users-en.csv", &[]);
    // The French file has the same four: nothing to prune.
    let fr = import(&env, "users", "users-fr.csv", &["--prune"]);
    assert_eq!(fr["removed"], 0);
    let tmp = env.dir.path().join("three.csv");
    let text = std::fs::read_to_string(import_fixture("users-en.csv")).expect("fixture");
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("lars.oberg")).collect();
    std::fs::write(&tmp, kept.join("\r\n")).expect("write");
    let pruned = env.json(
        ADMIN,
        &[
            "import",
            "users",
            tmp.to_str().unwrap_or_default(),
            "--prune",
        ],
    );
    assert_eq!(pruned["removed"], 1);
    let removed: Vec<&Value> = pruned["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["action"] == "removed")
        .collect();
    assert_eq!(removed.len(), 1);
    assert_eq!(
        removed[0]["name"],
        "Lars Øberg <lars.oberg@fabrikam.example>"
    );
    assert_clean(&env);
    // A file without the administrator: refused whole, naming them.
    let no_admin: Vec<&str> = text
        .lines()
        .filter(|l| !l.contains("adele.vance"))
        .collect();
    std::fs::write(&tmp, no_admin.join("\r\n")).expect("write");
    let err = assert_fails(
        &env.run(
            ADMIN,
            &[
                "import",
                "users",
                tmp.to_str().unwrap_or_default(),
                "--prune",
            ],
        ),
        1,
    );
    assert!(
        err.contains("Adèle Vance (adele.vance@fabrikam.example)"),
        "{err}"
    );
}

#[test]
fn a_bad_file_is_refused_whole_with_its_line_and_field_and_nothing_changes() {
    let env = initialised();
    import(&env, "policies", "policies-ps7.csv", &[]);
    import(&env, "users", "users-en.csv", &[]);
    let before = (audit_len(&env), policies(&env));
    for (kind, file, expected) in [
        ("policies", "bad-policy-value.json", "bad-policy-value.json, line 24, field PolicyValue: \"Allow\" is not a policy value"),
        ("policies", "bad-policy-trials-only.csv", "bad-policy-trials-only.csv, line 3, field PolicyValue: Visio Plan 2 (CFQ7TTC0HD32) has no trial without a payment method"),
        ("policies", "bad-policy-id.csv", "bad-policy-id.csv, line 5, field PolicyId: \"AllowSelfServiceTrial\" is not AllowSelfServicePurchase"),
        ("users", "bad-user-guid.csv", "bad-user-guid.csv, line 4, field Object Id: \"not-a-guid\" is not an object id"),
        ("users", "bad-user-columns.csv", "bad-user-columns.csv, line 3, field CSV: 15 values where the header has 14"),
        ("users", "bad-encoding.csv", "bad-encoding.csv is not valid UTF-8 text"),
        ("users", "policies-ps7.csv", "policies-ps7.csv, line 2, field Object Id: the field is missing"),
    ] {
        let out = env.run(ADMIN, &["import", kind, &import_fixture(file)]);
        let err = assert_fails(&out, 2);
        assert!(err.contains(expected), "{file}: {err}");
        // The same refusal on a dry run.
        assert_fails(&env.run(ADMIN, &["import", kind, &import_fixture(file), "--dry-run"]), 2);
    }
    assert_eq!((audit_len(&env), policies(&env)), before);
    assert_clean(&env);
    assert_fails(
        &env.run(ADMIN, &["import", "users", "/nonexistent/users.csv"]),
        4,
    );
}

#[test]
fn only_a_global_administrator_imports() {
    let env = Env::demo();
    for login in [BILLING, READER] {
        let out = env.run(
            login,
            &["import", "policies", &import_fixture("policies-ps7.csv")],
        );
        assert_fails(&out, 3);
    }
    let out = env.run(
        ADMIN,
        &[
            "--readonly",
            "import",
            "users",
            &import_fixture("users-en.csv"),
        ],
    );
    assert_fails(&out, 3);
}
