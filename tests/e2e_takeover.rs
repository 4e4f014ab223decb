//! The real binary in a pseudo-terminal: one move through the wizard and one cancellation
//! through the dialog on the demo tenant, then the real command line confirms what changed.

// The dashboard still opens the database itself (it moves to the client separately): its
// tests run in-process even under SELFSERVE_TEST_VIA_SERVER=1.

mod common;

use common::pty::*;
use common::{Env, ADMIN};
use serde_json::Value;

const PRO: &str = "CFQ7TTC0H9MP";

fn show(env: &Env, id: &str) -> Value {
    env.json(ADMIN, &["subscription", "show", id])
}

fn upns(sub: &Value) -> Vec<String> {
    sub["users"]
        .as_array()
        .expect("users")
        .iter()
        .map(|u| u["user_principal_name"].as_str().expect("upn").to_string())
        .collect()
}

#[test]
fn move_users_and_cancel_from_the_dashboard() {
    let env = Env::demo_in_process();
    // The dashboard lists them in this order: the first is moved, the second cancelled; the
    // central subscription is the only one with room for the first's users.
    let rows = env.json(ADMIN, &["subscription", "list", "--product", PRO]);
    let rows = rows.as_array().expect("rows");
    let id = |i: usize| rows[i]["id"].as_str().expect("id").to_string();
    let (moved, cancelled) = (id(0), id(1));
    let central = rows
        .iter()
        .find(|r| r["origin"] == "central")
        .and_then(|r| r["id"].as_str())
        .expect("a central subscription")
        .to_string();
    let moving = upns(&show(&env, &moved));
    let losing = upns(&show(&env, &cancelled));
    assert!(!moving.is_empty() && !losing.is_empty());

    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    t.send("/pówer bi pro");
    t.wait_for("1 match ");
    t.send("\r\r");
    t.wait_for("Power BI Pro · 1 of 7");

    // The wizard: take over, target, review, confirm, result.
    t.send("m");
    t.wait_for("step 1 of 6: take over");
    t.wait_for("It is not taken over yet");
    t.send("\r");
    t.wait_for("step 2 of 6");
    t.wait_for(&format!("yes, takes all {}", moving.len()));
    t.send("\r");
    t.wait_for("step 3 of 6: review");
    t.wait_for(&format!("Who moves ({})", moving.len()));
    t.send("\r");
    t.wait_for("step 4 of 6: confirm");
    t.send("y");
    t.wait_for("step 6 of 6: result");
    t.wait_for(&format!("Moved {} users", moving.len()));
    t.send("\r");
    t.wait_for("Deleted");

    // The cancel dialog on the next subscription: reason, are you sure, result.
    t.send("j");
    t.wait_for("Power BI Pro · 2 of 7");
    t.send("c");
    t.wait_for("Cancel subscription · why?");
    t.send("\r");
    t.wait_for("Are you sure you want to cancel?");
    t.wait_for(&format!("Who loses access ({})", losing.len()));
    t.send("y");
    t.wait_for("Cancel subscription · result");
    t.wait_for(&format!("{} users lost access", losing.len()));
    t.send("\r");

    // The outbox shows the e-mail each buyer got.
    t.send("6");
    t.wait_for("Outbox");
    t.wait_for("users-moved");
    t.wait_for("subscription-cancelled");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();

    let from = show(&env, &moved);
    assert_eq!(from["status"], "Deleted");
    assert_eq!(from["cancellation_reason"], "moving-to-central");
    assert!(upns(&from).is_empty());
    let to = upns(&show(&env, &central));
    for u in &moving {
        assert!(to.contains(u), "{u} is in the central subscription");
    }
    let gone = show(&env, &cancelled);
    assert_eq!(gone["status"], "Deleted");
    assert_eq!(gone["cancellation_reason"], "no-longer-needed");
    assert!(upns(&gone).is_empty());

    let check = env.run(ADMIN, &["check"]);
    assert!(
        check.status.success(),
        "check: {}{}",
        common::stdout(&check),
        common::stderr(&check)
    );
}
