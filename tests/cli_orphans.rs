//! `report orphans` (issue 14, point 6) on a real demo database: the demo's buyers who left,
//! each purchase with the subscription fields and why; a cancelled one leaves the report.

mod common;

use common::*;
use serde_json::Value;

fn orphans(env: &Env) -> Vec<Value> {
    env.json(READER, &["report", "orphans"])
        .as_array()
        .expect("rows")
        .clone()
}

#[test]
fn the_demo_has_orphaned_purchases_and_cancelling_one_takes_it_off() {
    let env = Env::demo();
    let rows = orphans(&env);
    assert_eq!(rows.len(), 3, "{rows:?}");
    for r in &rows {
        assert_eq!(r["orphan_reason"], "buyer-disabled");
        assert_eq!(r["origin"], "self-service-purchase");
        for field in [
            "id",
            "product_id",
            "product_name",
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
            assert!(r.get(field).is_some(), "{field} in {r}");
        }
    }
    let out = env.run(READER, &["report", "orphans"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("buyer disabled"), "{text}");
    assert!(text.contains("3 orphaned purchases"), "{text}");
    let out = env.run(READER, &["--lang", "fr", "report", "orphans"]);
    assert!(
        stdout(&out).contains("acheteur désactivé"),
        "{}",
        stdout(&out)
    );

    let id = rows[0]["id"].as_str().expect("id").to_string();
    let out = env.run(ADMIN, &["subscription", "take-over", &id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(orphans(&env).len(), 3, "taken over, still to clean up");
    let out = env.run(
        ADMIN,
        &[
            "subscription",
            "cancel",
            &id,
            "--reason",
            "no-longer-needed",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = orphans(&env);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["id"] != id.as_str()));
}
