//! `selfserve report spend|renewals|waste|savings` (issue 15) on a demo tenant: the JSON has the
//! fields the README names with money as `{amount, currency}`, the CSV has the same rows and
//! amounts, `--days` narrows the renewals; and `tenant set-purchase-notice` (GlobalAdministrator
//! only) turns the administrators' notice of each purchase off and on. Through a server too
//! (SELFSERVE_TEST_VIA_SERVER=1).

mod common;

use common::*;
use serde_json::Value;

/// Money as the JSON has it, in minor units.
fn minor(v: &Value) -> i64 {
    assert_eq!(v["currency"], "EUR", "{v}");
    (v["amount"].as_f64().expect("amount") * 100.0).round() as i64
}

/// An amount as the CSV has it ("1470.00"), in minor units.
fn csv_minor(cell: &str) -> i64 {
    let (units, cents) = cell.split_once('.').expect("a decimal");
    let sign = if units.starts_with('-') { -1 } else { 1 };
    sign * (units.trim_start_matches('-').parse::<i64>().expect("units") * 100
        + cents.parse::<i64>().expect("cents"))
}

/// The CSV's header and rows.
fn csv(env: &Env, args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut all = args.to_vec();
    all.push("--csv");
    let out = env.run(READER, &all);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut reader = ::csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn spend_adds_up_in_json_and_csv_and_reads_as_a_table() {
    let env = Env::demo();
    let j = env.json(READER, &["report", "spend"]);
    assert_eq!(j["today"], "2026-11-23");
    let products = j["products"].as_array().expect("products");
    assert!(!products.is_empty());
    for field in ["monthly", "yearly"] {
        let sum: i64 = products.iter().map(|p| minor(&p["total"][field])).sum();
        assert_eq!(sum, minor(&j["total"][field]), "{field}");
        assert_eq!(
            minor(&j["self_service"][field]) + minor(&j["central"][field]),
            minor(&j["total"][field])
        );
    }
    assert_eq!(j["history"].as_array().map(Vec::len), Some(15));
    assert_eq!(j["history"][11]["month"], "2026-11-01");
    assert!(j["buyers"].as_array().is_some_and(|b| b.len() <= 20));
    assert!(j["departments"].as_array().is_some_and(|d| !d.is_empty()));
    for key in ["upcoming", "waste", "savings"] {
        assert!(j.get(key).is_none(), "{key} belongs to its own report");
    }

    let (header, rows) = csv(&env, &["report", "spend"]);
    assert_eq!(header[..2], ["Product", "Product ID"]);
    assert_eq!(header.len(), 9);
    assert_eq!(rows.len(), products.len());
    for (row, p) in rows.iter().zip(products) {
        assert_eq!(row[1], p["product_id"].as_str().unwrap_or_default());
        assert_eq!(csv_minor(&row[6]), minor(&p["total"]["monthly"]));
        assert_eq!(csv_minor(&row[7]), minor(&p["total"]["yearly"]));
        assert_eq!(row[8], "EUR");
    }

    let out = env.run(READER, &["report", "spend"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Run-rate on 2026-11-23\n"), "{text}");
    assert!(
        text.contains("Self-service") && text.contains("Department"),
        "{text}"
    );
    let fr = env.run(READER, &["report", "spend", "--lang", "fr"]);
    assert!(
        stdout(&fr).starts_with("Coût récurrent au 23/11/2026\n"),
        "{}",
        stdout(&fr)
    );
}

#[test]
fn renewals_within_the_days_asked_and_their_total() {
    let env = Env::demo();
    let mut counts = Vec::new();
    for days in ["30", "60", "90"] {
        let j = env.json(READER, &["report", "renewals", "--days", days]);
        let limit: u64 = days.parse().expect("days");
        assert_eq!(j["days"], limit);
        let charges = j["charges"].as_array().expect("charges");
        assert!(charges.iter().all(|c| c["days"].as_u64() <= Some(limit)));
        let sum: i64 = charges.iter().map(|c| minor(&c["amount"])).sum();
        assert_eq!(sum, minor(&j["total"]));
        // An end (a trial without a card, say) charges nothing, and the subscription stops.
        for c in charges {
            let kind = c["kind"].as_str().unwrap_or_default();
            assert!(
                ["renewal", "conversion", "trial-end", "expiry"].contains(&kind),
                "{c}"
            );
            let ends = kind == "trial-end" || kind == "expiry";
            assert_eq!(c["auto_renew"], !ends, "{c}");
            if ends {
                assert_eq!(minor(&c["amount"]), 0, "{c}");
            }
        }
        let (header, rows) = csv(&env, &["report", "renewals", "--days", days]);
        assert_eq!(header[0], "Date");
        assert_eq!(rows.len(), charges.len());
        for (row, c) in rows.iter().zip(charges) {
            assert_eq!(row[0], c["on"].as_str().unwrap_or_default());
            assert_eq!(row[3], c["subscription"].as_str().unwrap_or_default());
            assert_eq!(csv_minor(&row[10]), minor(&c["amount"]));
        }
        counts.push(charges.len());
    }
    assert!(
        counts[0] <= counts[1] && counts[1] <= counts[2],
        "{counts:?}"
    );
    assert!(counts[2] > 0, "the demo renews something within 90 days");
    // The default is 90 days.
    assert_eq!(
        env.json(READER, &["report", "renewals"])["charges"]
            .as_array()
            .map(Vec::len),
        Some(counts[2])
    );
    let err = assert_fails(&env.run(READER, &["report", "renewals", "--days", "45"]), 2);
    assert!(err.contains("45"), "{err}");
    let err = assert_fails(
        &env.run(READER, &["report", "renewals", "--json", "--csv"]),
        2,
    );
    assert!(err.contains("--csv"), "{err}");
}

#[test]
fn waste_and_savings_in_json_and_csv() {
    let env = Env::demo();
    let w = env.json(READER, &["report", "waste"]);
    let subs = w["subscriptions"].as_array().expect("subscriptions");
    assert!(!subs.is_empty(), "the demo has unused licenses");
    let by_product: i64 = w["products"]
        .as_array()
        .expect("products")
        .iter()
        .map(|p| minor(&p["monthly"]))
        .sum();
    let by_sub: i64 = subs.iter().map(|s| minor(&s["monthly"])).sum();
    assert_eq!(
        (by_product, by_sub),
        (minor(&w["monthly"]), minor(&w["monthly"]))
    );
    for s in subs {
        let (q, a, u) = (&s["quantity"], &s["assigned"], &s["unused"]);
        assert_eq!(
            q.as_u64(),
            Some(a.as_u64().unwrap_or(0) + u.as_u64().unwrap_or(0))
        );
        assert!(minor(&s["monthly"]) >= 0);
    }
    let (header, rows) = csv(&env, &["report", "waste"]);
    assert_eq!(header[0], "Subscription ID");
    assert_eq!(rows.len(), subs.len());
    for (row, s) in rows.iter().zip(subs) {
        assert_eq!(row[0], s["subscription"].as_str().unwrap_or_default());
        assert_eq!(csv_minor(&row[9]), minor(&s["monthly"]));
    }

    let s = env.json(READER, &["report", "savings"]);
    let products = s["products"].as_array().expect("products");
    assert!(!products.is_empty(), "the demo has free central licenses");
    let total: i64 = products
        .iter()
        .map(|p| minor(&p["saving"]["monthly"]))
        .sum();
    assert_eq!(total, minor(&s["saving"]["monthly"]));
    for p in products {
        assert!(minor(&p["saving"]["yearly"]) <= minor(&p["self_service"]["yearly"]));
        assert!(minor(&p["saving"]["yearly"]) > 0);
    }
    let (header, rows) = csv(&env, &["report", "savings"]);
    assert_eq!(header[0], "Product");
    let listed: usize = products
        .iter()
        .map(|p| p["subscriptions"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(rows.len(), listed);
    let csv_total: i64 = rows.iter().map(|r| csv_minor(&r[5])).sum();
    assert_eq!(csv_total, total);
    let out = env.run(READER, &["report", "savings"]);
    assert!(
        stdout(&out).contains("product centralise"),
        "{}",
        stdout(&out)
    );
}

/// The e-mails of the outbox of one kind.
fn notices(env: &Env) -> Vec<Value> {
    env.json(READER, &["outbox", "list", "--limit", "100000"])
        .as_array()
        .expect("e-mails")
        .iter()
        .filter(|e| e["kind"] == "notice")
        .cloned()
        .collect()
}

fn buy(env: &Env, upn: &str) {
    let out = env.run(
        ADMIN,
        &[
            "storefront",
            "purchase",
            "--user",
            upn,
            "CFQ7TTC0H9MP",
            "--quantity",
            "2",
            "--card",
            "4242",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn the_purchase_notice_goes_to_the_administrators_who_pay_until_turned_off() {
    let env = Env::demo();
    assert_eq!(
        env.json(READER, &["tenant", "show"])["purchase_notice"],
        true
    );
    let before = notices(&env).len();
    let upn = "ana.smith@contoso.example";
    buy(&env, upn);
    let after = notices(&env);
    // The demo's GlobalAdministrator and BillingAdministrator; not the GlobalReader.
    assert_eq!(after.len(), before + 2, "{after:?}");
    assert!(after[0]["subject"]
        .as_str()
        .is_some_and(|s| s.starts_with("Self-service purchase of Power BI Pro")));

    for login in [READER, BILLING] {
        assert_fails(
            &env.run(login, &["tenant", "set-purchase-notice", "off"]),
            3,
        );
    }
    assert_eq!(
        env.json(READER, &["tenant", "show"])["purchase_notice"],
        true
    );
    let change = env.json(ADMIN, &["tenant", "set-purchase-notice", "off"]);
    assert_eq!(
        change,
        serde_json::json!({"purchase_notice": false, "previous": true, "changed": true})
    );
    let audit = env.json(READER, &["audit", "list", "--limit", "1"]);
    assert_eq!(audit[0]["action"], "tenant.set-purchase-notice");
    assert_eq!(
        env.json(READER, &["tenant", "show"])["purchase_notice"],
        false
    );
    buy(&env, "oscar.moreau@contoso.example");
    assert_eq!(notices(&env).len(), before + 2, "off: nobody is told");
    let out = env.run(ADMIN, &["tenant", "set-purchase-notice", "on"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Administrators now get"),
        "{}",
        stdout(&out)
    );
    assert_fails(
        &env.run(ADMIN, &["tenant", "set-purchase-notice", "maybe"]),
        2,
    );
}
