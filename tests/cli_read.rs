//! The read-only command line on a real demo database: JSON fields, CSV, exit codes, `check`.

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashMap;

fn rows(v: &Value) -> &Vec<Value> {
    v.as_array().expect("a JSON array")
}

#[test]
fn product_list_has_one_row_per_product_with_the_contract_fields() {
    let env = Env::demo();
    let products = env.json(ADMIN, &["product", "list"]);
    assert_eq!(rows(&products).len(), 17);
    for p in rows(&products) {
        for field in [
            "product_id",
            "product_name",
            "subscriptions",
            "quantity",
            "assigned",
            "next_expiration",
            "monthly_spend",
        ] {
            assert!(p.get(field).is_some(), "product row lacks {field}: {p}");
        }
        assert!(p["monthly_spend"]["currency"].is_string());
    }
    // The total quantity is the sum over the product's live subscriptions.
    let subs = env.json(ADMIN, &["subscription", "list"]);
    let mut totals: HashMap<String, u64> = HashMap::new();
    for s in rows(&subs).iter().filter(|s| s["status"] != "Deleted") {
        *totals
            .entry(s["product_id"].as_str().unwrap_or_default().to_string())
            .or_default() += s["quantity"].as_u64().unwrap_or_default();
    }
    for p in rows(&products) {
        let id = p["product_id"].as_str().unwrap_or_default();
        assert_eq!(
            p["quantity"].as_u64(),
            Some(totals.get(id).copied().unwrap_or(0)),
            "{id}"
        );
    }
}

#[test]
fn self_service_filter_keeps_products_with_self_service_subscriptions_only() {
    let env = Env::demo();
    let all = env.json(ADMIN, &["product", "list"]);
    let filtered = env.json(ADMIN, &["product", "list", "--self-service"]);
    assert!(!rows(&filtered).is_empty() && rows(&filtered).len() <= rows(&all).len());
    let subs = env.json(ADMIN, &["subscription", "list", "--self-service"]);
    for p in rows(&filtered) {
        let id = &p["product_id"];
        let live: Vec<&Value> = rows(&subs)
            .iter()
            .filter(|s| &s["product_id"] == id && s["status"] != "Deleted")
            .collect();
        assert_eq!(p["subscriptions"].as_u64(), Some(live.len() as u64));
        let q: u64 = live
            .iter()
            .map(|s| s["quantity"].as_u64().unwrap_or(0))
            .sum();
        assert_eq!(p["quantity"].as_u64(), Some(q));
    }
}

#[test]
fn subscription_list_carries_every_field_and_filters_apply() {
    let env = Env::demo();
    let all = env.json(ADMIN, &["subscription", "list"]);
    assert!(
        (60..=100).contains(&rows(&all).len()),
        "demo size {}",
        rows(&all).len()
    );
    for s in rows(&all) {
        for field in [
            "id",
            "product_id",
            "product_name",
            "origin",
            "buyer",
            "buyer_name",
            "quantity",
            "assigned",
            "expires",
            "price",
            "status",
            "auto_renew",
            "payment_method",
            "taken_over_by",
        ] {
            assert!(s.get(field).is_some(), "subscription lacks {field}: {s}");
        }
        for field in ["amount", "currency", "term"] {
            assert!(s["price"].get(field).is_some(), "price lacks {field}");
        }
        assert!(
            chrono::NaiveDate::parse_from_str(s["expires"].as_str().unwrap_or(""), "%Y-%m-%d")
                .is_ok()
        );
        assert!(s["assigned"].as_u64() <= s["quantity"].as_u64());
    }
    let origins: Vec<&str> = rows(&all)
        .iter()
        .filter_map(|s| s["origin"].as_str())
        .collect();
    for origin in ["self-service-purchase", "self-service-trial", "central"] {
        assert!(origins.contains(&origin), "demo lacks {origin}");
    }
    let statuses: Vec<&str> = rows(&all)
        .iter()
        .filter_map(|s| s["status"].as_str())
        .collect();
    for status in ["Active", "Expired", "Disabled", "Deleted"] {
        assert!(
            statuses.contains(&status),
            "demo lacks a {status} subscription"
        );
    }

    let ss = env.json(ADMIN, &["subscription", "list", "--self-service"]);
    assert!(rows(&ss)
        .iter()
        .all(|s| s["origin"] != "central" && s["buyer"].is_string()));
    let expired = env.json(ADMIN, &["subscription", "list", "--status", "expired"]);
    assert!(!rows(&expired).is_empty() && rows(&expired).iter().all(|s| s["status"] == "Expired"));
    let bi = env.json(
        ADMIN,
        &["subscription", "list", "--product", "CFQ7TTC0H9MP"],
    );
    assert!(
        !rows(&bi).is_empty()
            && rows(&bi)
                .iter()
                .all(|s| s["product_name"] == "Power BI Pro")
    );
    let buyer = rows(&ss)[0]["buyer"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let bought = env.json(ADMIN, &["subscription", "list", "--buyer", &buyer]);
    assert!(
        !rows(&bought).is_empty() && rows(&bought).iter().all(|s| s["buyer"] == buyer.as_str())
    );
}

#[test]
fn subscription_show_resolves_a_prefix_and_lists_the_users() {
    let env = Env::demo();
    let all = env.json(
        ADMIN,
        &[
            "subscription",
            "list",
            "--self-service",
            "--status",
            "Active",
        ],
    );
    let sub = rows(&all)
        .iter()
        .find(|s| s["assigned"].as_u64() >= Some(2))
        .expect("a shared subscription");
    let id = sub["id"].as_str().unwrap_or_default();
    let shown = env.json(READER, &["subscription", "show", &id[..8]]);
    assert_eq!(shown["id"], sub["id"]);
    let users = shown["users"].as_array().expect("users");
    assert_eq!(Some(users.len() as u64), sub["assigned"].as_u64());
    for u in users {
        for field in ["display_name", "user_principal_name", "assigned_on"] {
            assert!(u.get(field).is_some(), "user lacks {field}");
        }
    }
    let human = stdout(&env.run(ADMIN, &["subscription", "show", id]));
    assert!(human.contains("Users with licenses"), "{human}");
}

#[test]
fn human_output_never_carries_control_characters_from_data() {
    let env = Env::demo();
    for args in [
        vec!["subscription", "list"],
        vec!["product", "list"],
        vec!["admin", "list"],
        vec!["audit", "list"],
    ] {
        let out = env.run(ADMIN, &args);
        assert!(out.status.success());
        assert!(
            out.stdout.iter().all(|&b| b >= 0x20 || b == b'\n'),
            "{args:?} wrote a control character"
        );
    }
    // The fixture: the demo's hostile user (escape sequences and a BEL in the display name)
    // holds a license. Without one, nothing below would be tested: fail instead.
    let export = env.run(ADMIN, &["user", "export"]);
    assert_eq!(code(&export), 0, "{}", stderr(&export));
    let mut rows = csv::Reader::from_reader(export.stdout.as_slice());
    let sub = rows
        .records()
        .map(|r| r.expect("csv row"))
        .find(|r| r[1].starts_with("mallory.tables@"))
        .map(|r| r[4].to_string())
        .expect("the demo's hostile user mallory.tables holds a license");
    let detail = env.json(ADMIN, &["subscription", "show", &sub]);
    let raw = detail["users"]
        .as_array()
        .expect("users")
        .iter()
        .find_map(|u| {
            let upn = u["user_principal_name"].as_str()?;
            upn.starts_with("mallory.tables@")
                .then(|| u["display_name"].as_str())
                .flatten()
        })
        .expect("the hostile user is among the subscription's users");
    assert!(
        raw.contains("\u{1b}[31m") && raw.contains('\u{7}'),
        "the fixture's name is hostile: {raw:?}"
    );
    // The person reading sees the name without what a terminal would act on.
    let out = env.run(ADMIN, &["subscription", "show", &sub]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Mallory Red Tables"),
        "{}",
        stdout(&out)
    );
    assert!(
        !out.stdout.contains(&0x1b),
        "the raw escape reached the terminal"
    );
    assert!(out.stdout.iter().all(|&b| b >= 0x20 || b == b'\n'));
}

#[test]
fn user_export_writes_the_contract_header_grouped_by_buyer() {
    let env = Env::demo();
    let out = env.run(ADMIN, &["user", "export"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("Display name,User principal name,Product,Product ID,Subscription ID,Purchased by,Buyer UPN,Assigned on")
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    // Grouped: once a buyer's rows end, that buyer does not come back.
    let mut seen: Vec<String> = Vec::new();
    for r in &records {
        let buyer = r[6].to_string();
        if seen.last() != Some(&buyer) {
            assert!(
                !seen.contains(&buyer),
                "buyer {buyer} appears in two groups"
            );
            seen.push(buyer);
        }
    }
    let ss = env.json(ADMIN, &["subscription", "list", "--self-service"]);
    let assigned: u64 = rows(&ss)
        .iter()
        .filter(|s| s["status"] != "Deleted")
        .map(|s| s["assigned"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(records.len() as u64, assigned);

    // To a file, with a summary; narrowed to one subscription.
    let file = env.dir.path().join("users.csv");
    let sub = rows(&ss)
        .iter()
        .find(|s| s["assigned"].as_u64() >= Some(1) && s["status"] != "Deleted")
        .expect("sub");
    let id = sub["id"].as_str().unwrap_or_default();
    let written = env.json(
        ADMIN,
        &[
            "user",
            "export",
            "--subscription",
            id,
            "--output",
            file.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(written["rows"].as_u64(), sub["assigned"].as_u64());
    let content = std::fs::read_to_string(&file).expect("export file");
    assert_eq!(
        content.lines().count() as u64,
        1 + sub["assigned"].as_u64().unwrap_or(0)
    );
}

#[test]
fn policy_list_uses_the_module_field_names() {
    let env = Env::demo();
    let policies = env.json(READER, &["policy", "list"]);
    assert_eq!(rows(&policies).len(), 17);
    for p in rows(&policies) {
        assert_eq!(p["PolicyId"], "AllowSelfServicePurchase");
        assert!(p["ProductName"].is_string() && p["ProductId"].is_string());
        assert!(["Enabled", "OnlyTrialsWithoutPaymentMethod", "Disabled"]
            .contains(&p["PolicyValue"].as_str().unwrap_or("")));
    }
    let one = env.json(READER, &["policy", "get", "CFQ7TTC0MM8R"]);
    assert_eq!(one["ProductName"], "Microsoft 365 Copilot");
}

#[test]
fn audit_outbox_and_admins_are_readable() {
    let env = Env::demo();
    let audit = env.json(READER, &["audit", "list"]);
    let first = &rows(&audit)[0];
    for field in ["at", "actor", "action", "target"] {
        assert!(first.get(field).is_some(), "audit event lacks {field}");
    }
    assert_eq!(first["action"], "tenant.create-demo");
    assert!(env.json(READER, &["outbox", "list"]).is_array());
    let admins = env.json(READER, &["admin", "list"]);
    let roles: Vec<(&str, &str)> = rows(&admins)
        .iter()
        .map(|a| {
            (
                a["login"].as_str().unwrap_or(""),
                a["role"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(roles.contains(&(ADMIN, "GlobalAdministrator")));
    assert!(roles.contains(&(BILLING, "BillingAdministrator")));
    assert!(roles.contains(&(READER, "GlobalReader")));
}

#[test]
fn global_options_work_after_the_subcommand() {
    let env = Env::demo();
    let out = bin()
        .env("SELFSERVE_USER", ADMIN)
        .args(["product", "list", "--json", "--db"])
        .arg(&env.db)
        .args(["--now", "2026-11-23"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(serde_json::from_slice::<Value>(&out.stdout).is_ok());
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    let env = Env::demo();
    assert_fails(
        &env.run(ADMIN, &["subscription", "list", "--status", "Sleeping"]),
        2,
    );
    assert_fails(
        &env.run(ADMIN, &["product", "list", "--now", "yesterday"]),
        2,
    );
    assert_fails(&env.run(ADMIN, &["product", "list", "--bogus"]), 2);
    assert_fails(&env.run(ADMIN, &["subscription", "show", "ab"]), 2);
    assert_fails(&env.run(ADMIN, &["frobnicate"]), 2);
}

#[test]
fn a_login_bound_to_no_administrator_is_denied_with_exit_3() {
    let env = Env::demo();
    let err = assert_fails(&env.run("mallory", &["product", "list"]), 3);
    assert!(err.contains("admin add"), "says what to do: {err}");
}

#[test]
fn unknown_things_exit_4() {
    let env = Env::demo();
    assert_fails(&env.run(ADMIN, &["subscription", "show", "ffffffff"]), 4);
    assert_fails(
        &env.run(
            ADMIN,
            &["subscription", "list", "--product", "CFQ7TTC0XXXX"],
        ),
        4,
    );
    assert_fails(
        &env.run(
            ADMIN,
            &["subscription", "list", "--buyer", "nobody@contoso.example"],
        ),
        4,
    );
    assert_fails(&env.run(ADMIN, &["policy", "get", "NOPE"]), 4);
    let empty = Env::empty();
    assert_fails(&empty.run(ADMIN, &["product", "list"]), 4);
}

#[test]
fn a_database_held_by_another_process_exits_5_naming_the_holder() {
    // In-process even under SELFSERVE_TEST_VIA_SERVER=1: this test holds the database itself.
    let env = Env::demo_in_process();
    // This test process is the other holder.
    let held = sled::open(&env.db).expect("hold the database");
    let err = assert_fails(&env.run(ADMIN, &["product", "list"]), 5);
    assert!(err.contains("in use by another selfserve"), "{err}");
    drop(held);
    assert!(env.run(ADMIN, &["product", "list"]).status.success());
}

#[test]
fn a_newer_schema_exits_5() {
    // In-process even under SELFSERVE_TEST_VIA_SERVER=1: this test writes into the database itself.
    let env = Env::demo_in_process();
    {
        let db = sled::open(&env.db).expect("open");
        let meta = db.open_tree("meta").expect("meta");
        meta.insert("schema_version", &99u32.to_be_bytes())
            .expect("write");
        db.flush().expect("flush");
    }
    let err = assert_fails(&env.run(ADMIN, &["product", "list"]), 5);
    assert!(err.contains("newer") && err.contains("upgrade"), "{err}");
}

#[test]
fn a_damaged_database_exits_5_without_a_panic() {
    // In-process even under SELFSERVE_TEST_VIA_SERVER=1: this test damages the database file itself.
    let env = Env::demo_in_process();
    let data = env.db.join("db");
    let len = std::fs::metadata(&data).expect("db file").len();
    // Truncation made sled panic in tests here; overwrite a header-sized chunk too.
    std::fs::write(&data, vec![0xA5u8; (len / 3) as usize]).expect("damage");
    let out = env.run(ADMIN, &["check"]);
    let err = assert_fails(&out, 5);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn check_passes_on_a_healthy_database() {
    let env = Env::demo();
    let out = env.run(READER, &["check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).starts_with("ok:"));
    let report = env.json(READER, &["check"]);
    assert_eq!(report["ok"], true);
}

#[test]
fn check_reports_each_breach_and_exits_1() {
    // In-process even under SELFSERVE_TEST_VIA_SERVER=1: this test breaks the database itself.
    let env = Env::demo_in_process();
    let subs = env.json(ADMIN, &["subscription", "list"]);
    let deleted = rows(&subs)
        .iter()
        .find(|s| s["status"] == "Deleted")
        .expect("a deleted subscription");
    let deleted_id = uuid_bytes(deleted["id"].as_str().unwrap_or_default());
    {
        let db = sled::open(&env.db).expect("open");
        // 1. An index entry that matches nothing.
        let by_product = db.open_tree("subs_by_product").expect("tree");
        let (first, _) = by_product.first().expect("read").expect("an entry");
        by_product.remove(first).expect("remove");
        // 2. A copy of a live assignment put under the deleted subscription.
        let assignments = db.open_tree("assignments").expect("tree");
        let (key, _) = assignments.first().expect("read").expect("an assignment");
        let mut stolen = deleted_id.to_vec();
        stolen.extend_from_slice(&key[16..]);
        assignments.insert(stolen, &[0u8][..]).expect("insert");
        db.flush().expect("flush");
    }
    let out = env.run(READER, &["check"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = stdout(&out);
    let breaches: Vec<&str> = report.lines().collect();
    assert!(
        breaches.iter().all(|l| l.starts_with("breach [")),
        "{report}"
    );
    assert!(report.contains("breach [index]"), "{report}");
    assert!(report.contains("breach [deleted]"), "{report}");
    assert!(report.contains("breach [record]"), "{report}");
    assert_eq!(stderr(&out).lines().count(), 1);
}

/// Issue 14's meta keys: each damage is named by `check` (exit 1, invariant "governance").
#[test]
fn check_names_each_damaged_governance_key() {
    // In-process even under SELFSERVE_TEST_VIA_SERVER=1: this test breaks the database itself.
    let env = Env::demo_in_process();
    // A product that appears goes into the review queue; then it is taken out of the catalogue.
    let file = env.dir.path().join("catalogue.json");
    std::fs::write(
        &file,
        r#"{"products": [{"id": "CFQ7TTC0ZZ01", "name": "Contoso Widgets", "trial_without_payment_method": false, "trial_days": 30, "monthly_price": 900, "annual_price": 10800}]}"#,
    )
    .expect("write");
    let out = env.run(
        ADMIN,
        &["catalogue", "update", file.to_str().expect("path")],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(code(&env.run(READER, &["check"])), 0);
    {
        let db = sled::open(&env.db).expect("open");
        for tree in ["products", "policies"] {
            let tree = db.open_tree(tree).expect("tree");
            tree.remove("CFQ7TTC0ZZ01").expect("remove");
        }
        let meta = db.open_tree("meta").expect("meta");
        // A rename to a product that does not exist, and two ids renamed into each other.
        meta.insert("remap/CFQ7TTC0H9MP", "CFQ7TTC0ZZ99")
            .expect("insert");
        meta.insert("remap/CFQ7TTC0AAAA", "CFQ7TTC0BBBB")
            .expect("insert");
        meta.insert("remap/CFQ7TTC0BBBB", "CFQ7TTC0AAAA")
            .expect("insert");
        // A default for new products, and an offer type's policy, that are no policy value.
        meta.insert("policy_default", &[0xFFu8][..])
            .expect("insert");
        meta.insert("offer_type/SaaS", &[0xFFu8][..])
            .expect("insert");
        db.flush().expect("flush");
    }
    let out = env.run(READER, &["check"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = stdout(&out);
    for said in [
        "breach [governance]: the review queue names the unknown product CFQ7TTC0ZZ01",
        "breach [governance]: the product id CFQ7TTC0H9MP was renamed to CFQ7TTC0ZZ99, which is not a product",
        "breach [governance]: the renames from the product id CFQ7TTC0AAAA go round in a loop",
        "breach [governance]: the renames from the product id CFQ7TTC0BBBB go round in a loop",
        "breach [governance]: the default for new products is not a policy value",
        "breach [governance]: the policy of offer type SaaS is not Enabled or Disabled",
    ] {
        assert!(report.contains(said), "{said:?} in {report}");
    }
    let out = env.run(READER, &["check", "--json"]);
    assert_eq!(code(&out), 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["ok"], false);
    assert!(json["breaches"]
        .as_array()
        .expect("breaches")
        .iter()
        .any(|b| b["invariant"] == "governance"));
}

fn uuid_bytes(id: &str) -> [u8; 16] {
    let hex: String = id.chars().filter(|c| *c != '-').collect();
    let mut out = [0u8; 16];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    out
}

#[test]
fn demo_is_deterministic_and_refuses_to_overwrite_without_force() {
    // In-process even under SELFSERVE_TEST_VIA_SERVER=1: `demo --force` replaces the database, which a server would hold.
    let a = Env::demo_in_process();
    let b = Env::demo();
    let list = |e: &Env| e.json(ADMIN, &["subscription", "list"]);
    assert_eq!(list(&a), list(&b));
    let err = assert_fails(&a.run(ADMIN, &["demo"]), 1);
    // Never advice to discard a tenant (issue 17): another --db.
    assert!(err.contains("--db") && !err.contains("--force"), "{err}");
    let other_seed = a.run(ADMIN, &["demo", "--force", "--seed", "7"]);
    assert!(other_seed.status.success(), "{}", stderr(&other_seed));
    assert_ne!(list(&a), list(&b));
    assert_eq!(code(&a.run(ADMIN, &["check"])), 0);
}

#[test]
fn the_bare_command_without_a_terminal_says_to_use_the_commands() {
    // The dashboard and its first-run demo are tested in a real terminal (e2e_tui.rs).
    let env = Env::empty();
    let out = env.cmd(ADMIN, &[]).output().expect("run");
    let err = assert_fails(&out, 2);
    assert!(
        err.contains("needs a terminal") && err.contains("--json"),
        "{err}"
    );
    assert!(!env.db.exists(), "nothing is created without a terminal");
}

#[cfg(unix)]
#[test]
fn the_database_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::demo();
    let mode = std::fs::metadata(&env.db)
        .expect("db dir")
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "directory mode {mode:o}");
    for entry in std::fs::read_dir(&env.db).expect("list") {
        let entry = entry.expect("entry");
        let mode = entry.metadata().expect("meta").permissions().mode();
        assert_eq!(mode & 0o077, 0, "{:?} mode {mode:o}", entry.path());
    }
}
