//! `selfserve import subscriptions|assignments`, `tenant export` and `policy list --format
//! ps-json` (issue 12, points 4 to 7), on the files in tests/fixtures/import/ (see its README),
//! against results written by hand; and the round trip from a demo tenant to a new one.

mod common;

use common::*;
use serde_json::{json, Value};

const ADMIN_UPN: &str = "adele.vance@fabrikam.example";
/// The subscriptions of subscriptions-graph.json end in e01 … e06.
const SUB: &str = "0b7d2f4e-6a1c-4e3b-8d5f-1a2b3c4d5e0";

/// A tenant made by `init`, with users-en.csv's four users (served where the switch says).
fn with_users() -> Env {
    let env = Env::init(ADMIN_UPN, &[]);
    import(&env, "users", &import_fixture("users-en.csv"), &[]);
    env
}

fn import(env: &Env, kind: &str, file: &str, extra: &[&str]) -> Value {
    let mut args = vec!["import", kind, file];
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

/// The fields of `subscription list --json` the imports set, one row per subscription by id.
fn subscriptions(env: &Env, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["subscription", "list"];
    args.extend_from_slice(extra);
    let mut rows: Vec<Value> = env
        .json(ADMIN, &args)
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| {
            json!([
                s["id"],
                s["product_id"],
                s["origin"],
                s["buyer"],
                s["quantity"],
                s["assigned"],
                s["expires"],
                s["price"]["amount"],
                s["price"]["term"],
                s["status"],
                s["auto_renew"],
                s["payment_method"]
            ])
        })
        .collect();
    rows.sort_by_key(|r| r[0].as_str().unwrap_or_default().to_string());
    rows
}

fn sub(n: u8) -> String {
    format!("{SUB}{n}")
}

#[test]
fn graph_subscriptions_then_the_self_service_users_export_give_the_tenant_written_by_hand() {
    let env = with_users();
    let report = import(
        &env,
        "subscriptions",
        &import_fixture("subscriptions-graph.json"),
        &[],
    );
    assert_eq!(
        (&report["format"], &report["added"], &report["written"]),
        (&json!("json"), &json!(6), &json!(true))
    );
    assert_clean(&env);
    let zoe = "zoe.haddad@fabrikam.example";
    let misaki = "misaki.tanaka@fabrikam.example";
    // Graph's statuses mapped, owners as buyers, trials told from purchases, list prices (no
    // agreement: the trial keeps a card), a Deleted one without a lifecycle date one month on.
    assert_eq!(
        subscriptions(&env, &["--self-service"]),
        vec![
            json!([
                sub(2),
                "CFQ7TTC0HD32",
                "self-service-purchase",
                zoe,
                3,
                0,
                "2026-12-15",
                15.0,
                "monthly",
                "Active",
                true,
                "card"
            ]),
            json!([
                sub(3),
                "CFQ7TTC0HDB1",
                "self-service-trial",
                misaki,
                25,
                0,
                "2026-12-10",
                10.0,
                "monthly",
                "Active",
                true,
                "card"
            ]),
            json!([
                sub(4),
                "CFQ7TTC0H9MP",
                "self-service-purchase",
                ADMIN_UPN,
                1,
                0,
                "2026-11-10",
                14.0,
                "monthly",
                "Expired",
                false,
                "card"
            ]),
            json!([
                sub(6),
                "CFQ7TTC0RM8K",
                "self-service-purchase",
                zoe,
                2,
                0,
                "2026-07-01",
                7.0,
                "monthly",
                "Deleted",
                false,
                "card"
            ]),
        ]
    );
    let central: Vec<Value> = subscriptions(&env, &[])
        .into_iter()
        .filter(|r| r[2] == "central")
        .collect();
    assert_eq!(
        central,
        vec![
            json!([
                sub(1),
                "CFQ7TTC0H9MP",
                "central",
                null,
                5,
                0,
                "2026-12-31",
                168.0,
                "annual",
                "Active",
                true,
                "invoice"
            ]),
            json!([
                sub(5),
                "CFQ7TTC0MM8R",
                "central",
                null,
                10,
                0,
                "2026-09-30",
                360.0,
                "annual",
                "Disabled",
                false,
                "invoice"
            ]),
        ]
    );
    let products = env.json(ADMIN, &["product", "list"]);
    let pbi = products
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["product_id"] == "CFQ7TTC0H9MP")
        .expect("Power BI Pro");
    // The central 5 at 168.00 a year (14.00 a month each) and Adèle's Expired one at 14.00.
    assert_eq!(
        (
            &pbi["subscriptions"],
            &pbi["quantity"],
            &pbi["monthly_spend"]["amount"]
        ),
        (&json!(2), &json!(6), &json!(84.0))
    );

    // The same subscriptions from Windows PowerShell 5.1 (UTF-16, ConvertTo-Json): nothing to do.
    let events = audit_len(&env);
    let again = import(
        &env,
        "subscriptions",
        &import_fixture("subscriptions-ps51.json"),
        &[],
    );
    assert_eq!(
        (&again["changes"], &again["unchanged"], &again["written"]),
        (&json!([]), &json!(6), &json!(false))
    );
    assert_eq!(audit_len(&env), events);

    // The self-service users export; Adèle's Power BI Pro license (users-en.csv) is on no
    // subscription the file names, so it is placed on the central one.
    let report = import(&env, "assignments", &import_fixture("assignments.csv"), &[]);
    assert_eq!(
        (&report["added"], &report["unplaced"]),
        (&json!(5), &json!([]))
    );
    let placed: Vec<&Value> = report["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| !c["detail"].is_null())
        .collect();
    assert_eq!(placed.len(), 1);
    assert_eq!(
        placed[0]["id"],
        format!("{}/3f1c2b7a-1d2e-4c5b-9a8f-0e1d2c3b4a51", sub(1))
    );
    assert_clean(&env);
    let export = env.run(ADMIN, &["user", "export"]);
    assert_eq!(code(&export), 0, "{}", stderr(&export));
    let expected = format!(
        "Display name,User principal name,Product,Product ID,Subscription ID,Purchased by,Buyer UPN,Assigned on\n\
         Zoë Haddad,{zoe},Visio Plan 2,CFQ7TTC0HD32,{s2},Zoë Haddad,{zoe},2026-11-15\n\
         田中 美咲,{misaki},Visio Plan 2,CFQ7TTC0HD32,{s2},Zoë Haddad,{zoe},2026-11-16\n\
         Zoë Haddad,{zoe},Planner Plan 1,CFQ7TTC0HDB1,{s3},田中 美咲,{misaki},2026-11-12\n\
         田中 美咲,{misaki},Planner Plan 1,CFQ7TTC0HDB1,{s3},田中 美咲,{misaki},2026-11-10\n",
        s2 = sub(2),
        s3 = sub(3)
    );
    assert_eq!(stdout(&export), expected);
    let assigned: Vec<(Value, Value)> = subscriptions(&env, &[])
        .into_iter()
        .map(|r| (r[0].clone(), r[5].clone()))
        .collect();
    assert_eq!(
        assigned,
        [(1, 1), (2, 2), (3, 2), (4, 0), (5, 0), (6, 0)]
            .map(|(n, a)| (json!(sub(n)), json!(a)))
            .to_vec()
    );
    // Twice: nothing changes, nothing is written.
    let events = audit_len(&env);
    let again = import(&env, "assignments", &import_fixture("assignments.csv"), &[]);
    assert_eq!(
        (&again["changes"], &again["written"]),
        (&json!([]), &json!(false))
    );
    assert_eq!(audit_len(&env), events);
    let audit = env.json(ADMIN, &["audit", "list"]);
    let actions: Vec<&str> = audit
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions[..3],
        ["import.assignments", "import.subscriptions", "import.users"]
    );
}

#[test]
fn a_prices_file_prices_the_subscriptions_instead_of_the_list_prices() {
    let env = with_users();
    let prices = import_fixture("prices.csv");
    import(
        &env,
        "subscriptions",
        &import_fixture("subscriptions-graph.json"),
        &["--prices", &prices],
    );
    let prices: Vec<(Value, Value, Value)> = subscriptions(&env, &[])
        .into_iter()
        .map(|r| (r[0].clone(), r[7].clone(), r[8].clone()))
        .collect();
    // Power BI Pro is priced for the annual term only: its subscriptions take that term.
    assert_eq!(
        prices,
        [
            (1, 150.0, "annual"),
            (2, 13.5, "monthly"),
            (3, 10.0, "monthly"),
            (4, 150.0, "annual"),
            (5, 360.0, "annual"),
            (6, 7.0, "monthly"),
        ]
        .map(|(n, amount, term)| (json!(sub(n)), json!(amount), json!(term)))
        .to_vec()
    );
    assert_clean(&env);
}

#[test]
fn a_license_the_directory_names_and_no_central_subscription_can_hold_is_reported_by_name() {
    let env = with_users();
    // Lars holds Visio Plan 2 in the directory; the tenant has no central Visio Plan 2.
    let text = std::fs::read_to_string(import_fixture("users-en.csv")).expect("fixture");
    let licensed = text.replace("Øberg,,c4b3a291", "Øberg,VISIO_PLAN2_DEPT,c4b3a291");
    assert_ne!(licensed, text);
    let users = env.dir.path().join("users.csv");
    std::fs::write(&users, licensed).expect("write");
    let changed = import(&env, "users", users.to_str().unwrap_or_default(), &[]);
    assert_eq!(changed["changes"][0]["detail"], "licenses - → CFQ7TTC0HD32");
    import(
        &env,
        "subscriptions",
        &import_fixture("subscriptions-graph.json"),
        &[],
    );
    let report = import(
        &env,
        "assignments",
        &import_fixture("assignments.csv"),
        &["--dry-run"],
    );
    assert_eq!(
        report["unplaced"],
        json!([{
            "display_name": "Lars Øberg",
            "user_principal_name": "lars.oberg@fabrikam.example",
            "product_id": "CFQ7TTC0HD32",
            "product_name": "Visio Plan 2"
        }])
    );
    let out = env.run(
        ADMIN,
        &["import", "assignments", &import_fixture("assignments.csv")],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains(
            "not placed: Lars Øberg (lars.oberg@fabrikam.example) holds Visio Plan 2 in the directory"
        ),
        "{}",
        stdout(&out)
    );
    assert_clean(&env);
}

#[test]
fn dry_runs_write_nothing_and_only_prune_removes() {
    let env = with_users();
    let events = audit_len(&env);
    let dry = import(
        &env,
        "subscriptions",
        &import_fixture("subscriptions-graph.json"),
        &["--dry-run"],
    );
    assert_eq!((&dry["added"], &dry["written"]), (&json!(6), &json!(false)));
    assert_eq!(subscriptions(&env, &[]), Vec::<Value>::new());
    assert_eq!(audit_len(&env), events);
    let real = import(
        &env,
        "subscriptions",
        &import_fixture("subscriptions-graph.json"),
        &[],
    );
    assert_eq!(real["changes"], dry["changes"]);

    // The file without the central Copilot subscription: kept unless --prune.
    let text =
        std::fs::read_to_string(import_fixture("subscriptions-graph.json")).expect("fixture");
    let mut graph: Value = serde_json::from_str(&text).expect("json");
    graph["value"]
        .as_array_mut()
        .expect("value")
        .retain(|s| s["id"] != sub(5).as_str());
    let fewer = env.dir.path().join("fewer.json");
    std::fs::write(&fewer, graph.to_string()).expect("write");
    let fewer = fewer.to_str().unwrap_or_default();
    assert_eq!(import(&env, "subscriptions", fewer, &[])["removed"], 0);
    let dry = import(&env, "subscriptions", fewer, &["--prune", "--dry-run"]);
    assert_eq!(
        (&dry["removed"], &dry["written"]),
        (&json!(1), &json!(false))
    );
    assert_eq!(dry["changes"][0]["id"], sub(5));
    let pruned = import(&env, "subscriptions", fewer, &["--prune"]);
    assert_eq!(pruned["removed"], 1);
    let status = subscriptions(&env, &[])
        .into_iter()
        .find(|r| r[0] == sub(5).as_str())
        .map(|r| r[9].clone());
    assert_eq!(status, Some(json!("Deleted")));
    assert_clean(&env);

    // Assignments: Zoë's Visio Plan 2 row gone from the file; Adèle's placed license stays
    // (the directory still names it).
    import(&env, "assignments", &import_fixture("assignments.csv"), &[]);
    let text = std::fs::read_to_string(import_fixture("assignments.csv")).expect("fixture");
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !(l.starts_with("Zoë") && l.contains("Visio")))
        .collect();
    let fewer = env.dir.path().join("fewer.csv");
    std::fs::write(&fewer, kept.join("\r\n")).expect("write");
    let fewer = fewer.to_str().unwrap_or_default();
    let kept = import(&env, "assignments", fewer, &[]);
    assert_eq!(
        (&kept["removed"], &kept["unchanged"]),
        (&json!(0), &json!(3))
    );
    let pruned = import(&env, "assignments", fewer, &["--prune"]);
    assert_eq!(pruned["removed"], 1);
    assert_eq!(
        pruned["changes"][0]["name"],
        "Zoë Haddad <zoe.haddad@fabrikam.example> · CFQ7TTC0HD32"
    );
    assert_clean(&env);
}

#[test]
fn a_bad_subscriptions_assignments_or_prices_file_is_refused_whole_and_nothing_changes() {
    let env = with_users();
    let graph = import_fixture("subscriptions-graph.json");
    let before = (audit_len(&env), subscriptions(&env, &[]));
    for (args, exit, expected) in [
        (vec!["subscriptions", "bad-subscription-status.json"], 2, "bad-subscription-status.json, line 29, field status: \"Expired\" is not a subscription status"),
        (vec!["subscriptions", "bad-subscription-owner.json"], 1, "bad-subscription-owner.json, line 23, field ownerId: no user of the directory is \"5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716\""),
        (vec!["subscriptions", "bad-subscription-sku.json"], 1, "bad-subscription-sku.json, line 27, field skuId: no product of the catalogue has the SKU \"05e9a617-0261-4cee-bb44-138d3ef5d965\""),
        (vec!["subscriptions", "users-en.csv"], 2, "users-en.csv, line 2, field id: the field is missing"),
        (vec!["assignments", "assignments.csv"], 1, "assignments.csv, line 2, field Subscription ID: no subscription has the id"),
    ] {
        let file = import_fixture(args[1]);
        let out = env.run(ADMIN, &["import", args[0], &file]);
        let err = assert_fails(&out, exit);
        assert!(err.contains(expected), "{}: {err}", args[1]);
        assert_fails(&env.run(ADMIN, &["import", args[0], &file, "--dry-run"]), exit);
    }
    let out = env.run(
        ADMIN,
        &[
            "import",
            "subscriptions",
            &graph,
            "--prices",
            &import_fixture("bad-prices.csv"),
        ],
    );
    let err = assert_fails(&out, 2);
    assert!(
        err.contains("bad-prices.csv, line 3, field Term: \"yearly\" is not a term"),
        "{err}"
    );
    assert_eq!((audit_len(&env), subscriptions(&env, &[])), before);
    // An assignment of a user the directory does not have.
    import(&env, "subscriptions", &graph, &[]);
    let before = (audit_len(&env), subscriptions(&env, &[]));
    let out = env.run(
        ADMIN,
        &[
            "import",
            "assignments",
            &import_fixture("bad-assignments-user.csv"),
        ],
    );
    let err = assert_fails(&out, 1);
    assert!(
        err.contains("bad-assignments-user.csv, line 3, field User principal name: no user of the directory is \"nadia.rahman@fabrikam.example\""),
        "{err}"
    );
    assert_eq!((audit_len(&env), subscriptions(&env, &[])), before);
    assert_clean(&env);
}

#[test]
fn policy_list_as_ps_json_is_what_import_policies_reads() {
    let env = Env::demo();
    let out = env.run(ADMIN, &["policy", "list", "--format", "ps-json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let listed: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(listed, env.json(ADMIN, &["policy", "list"]));
    assert!(stdout(&out).starts_with("[\n  {\n    \"ProductName\": "));
}

/// issue 12's round trip: a demo tenant exported in the import formats, read into a tenant
/// `init` made: both list the same products and subscriptions.
#[test]
fn a_demo_exported_and_imported_into_a_new_tenant_lists_the_same_products_and_subscriptions() {
    let demo = Env::demo();
    let dir = demo.dir.path();
    let file = |name: &str| dir.join(name).display().to_string();
    let policies = demo.run(ADMIN, &["policy", "list", "--format", "ps-json"]);
    assert_eq!(code(&policies), 0, "{}", stderr(&policies));
    std::fs::write(file("policies.json"), &policies.stdout).expect("write");
    let exported = demo.json(
        ADMIN,
        &[
            "tenant",
            "export",
            "--users",
            &file("users.json"),
            "--subscriptions",
            &file("subscriptions.json"),
        ],
    );
    assert!(exported["users"].as_u64() > Some(0));
    // Every subscription's users, central ones too.
    let subs = demo.json(ADMIN, &["subscription", "list"]);
    let mut args = vec!["user".to_string(), "export".to_string()];
    for s in subs.as_array().into_iter().flatten() {
        args.push("--subscription".into());
        args.push(s["id"].as_str().unwrap_or_default().to_string());
    }
    args.extend(["--output".to_string(), file("assignments.csv")]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = demo.run(ADMIN, &args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let admin = demo.json(ADMIN, &["admin", "list"]);
    let admin_upn = admin
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["login"] == ADMIN)
        .and_then(|a| a["user_principal_name"].as_str())
        .expect("the demo's administrator")
        .to_string();

    let mut real = Env::empty();
    let out = real.run(
        ADMIN,
        &[
            "init",
            "--tenant",
            "Contoso",
            "--admin",
            &admin_upn,
            "--agreement",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    if via_server() {
        real.serve();
    }
    for (kind, name) in [
        ("policies", "policies.json"),
        ("users", "users.json"),
        ("subscriptions", "subscriptions.json"),
        ("assignments", "assignments.csv"),
    ] {
        let report = import(&real, kind, &file(name), &[]);
        assert_eq!(report["unplaced"], json!([]), "{kind}");
    }
    assert_clean(&real);
    for list in [["product", "list"], ["subscription", "list"]] {
        assert_eq!(real.json(ADMIN, &list), demo.json(ADMIN, &list), "{list:?}");
    }
    assert_eq!(
        real.json(ADMIN, &["policy", "list"]),
        demo.json(ADMIN, &["policy", "list"])
    );
    // The new tenant is not a demo.
    assert_eq!(real.json(ADMIN, &["tenant", "show"])["demo"], false);
}
