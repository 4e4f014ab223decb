//! `policy plan|apply|drift|export` (issue 14) on a real demo database: the plan's exact
//! difference, apply with and without --yes (a terminal asks, a script is refused), drift's
//! exit codes and JSON, the export's round trip, and bad files refused with file, line and key.

mod common;

use common::pty::Tui;
use common::*;
use serde_json::Value;
use std::path::PathBuf;

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";
const PLANNER: &str = "CFQ7TTC0HDB1";

const DESIRED: &str = r#"[policy]
default_for_new = "Disabled"
all = "Disabled"
exclude = ["CFQ7TTC0HDB1"]

[products]
CFQ7TTC0N8SL = "OnlyTrialsWithoutPaymentMethod"

[offer_types]
SaaS = "Disabled"
"#;

fn write(env: &Env, name: &str, text: &str) -> PathBuf {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).expect("write the file");
    path
}

fn revision(env: &Env) -> usize {
    env.json(READER, &["audit", "list", "--limit", "100000"])
        .as_array()
        .expect("events")
        .len()
}

fn item<'a>(plan: &'a Value, id: &str) -> &'a Value {
    plan["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item {id} in {plan}"))
}

#[test]
fn plan_shows_what_changes_and_what_stays_and_why_changing_nothing() {
    let env = Env::demo();
    let file = write(&env, "desired.toml", DESIRED);
    let file = file.to_str().expect("path");
    let events = revision(&env);
    let plan = env.json(READER, &["policy", "plan", file]);
    // The demo: Copilot Disabled, Purview trials only, every other product Enabled. The
    // default, 14 products (all but Copilot, Purview and the excluded Planner) and SaaS change.
    assert_eq!(plan["changes"], 16);
    assert_eq!(plan["matches"], false);
    assert_eq!(plan["applied"], false);
    let pbi = item(&plan, POWER_BI_PRO);
    assert_eq!(pbi["expected"], "Disabled");
    assert_eq!(pbi["actual"], "Enabled");
    assert_eq!(pbi["pass"], false);
    assert_eq!(pbi["key"], "policy.all");
    assert_eq!(item(&plan, PLANNER)["key"], "policy.exclude");
    assert_eq!(item(&plan, PLANNER)["pass"], true);
    assert_eq!(item(&plan, "DYNAMICSBC")["expected"], Value::Null);
    let out = env.run(READER, &["policy", "plan", file]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "change Power BI Pro (CFQ7TTC0H9MP): Enabled → Disabled (as policy.all says)"
        ),
        "{text}"
    );
    assert!(
        text.contains("keep Planner Plan 1 (CFQ7TTC0HDB1): Enabled (as policy.exclude says)"),
        "{text}"
    );
    assert!(
        text.contains("leave offer type DYNAMICSBC: Enabled (the file does not name it)"),
        "{text}"
    );
    assert!(text.contains("16 to change, 6 kept or left"), "{text}");
    assert_eq!(revision(&env), events, "a plan writes nothing");
}

#[test]
fn apply_yes_then_drift_is_clean_and_a_change_by_hand_is_drift() {
    let env = Env::demo();
    let path = write(&env, "desired.toml", DESIRED);
    let file = path.to_str().expect("path");
    let events = revision(&env);
    let applied = env.json(ADMIN, &["policy", "apply", file, "--yes"]);
    assert_eq!(applied["applied"], true);
    assert_eq!(applied["changes"], 16);
    let audit = env.json(READER, &["audit", "list", "--limit", "100000"]);
    assert_eq!(audit.as_array().expect("events").len(), events + 1);
    assert!(audit
        .as_array()
        .expect("events")
        .iter()
        .any(|e| e["action"] == "policy.apply" && e["target"] == file));
    assert_eq!(
        env.json(READER, &["policy", "get", POWER_BI_PRO])["PolicyValue"],
        "Disabled"
    );

    let out = env.run(READER, &["policy", "drift", file]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), format!("The tenant matches {file}."));
    let drift = env.json(READER, &["policy", "drift", file]);
    assert_eq!(drift["matches"], true);

    let out = env.run(ADMIN, &["policy", "set", POWER_BI_PRO, "Enabled"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = env.run(READER, &["policy", "drift", file]);
    assert_eq!(code(&out), 1);
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(
        lines,
        [
            "Power BI Pro (CFQ7TTC0H9MP): expected Disabled, actual Enabled (policy.all)"
                .to_string(),
            format!("1 setting differs from {file}."),
        ]
    );
    let out = env.run(READER, &["policy", "drift", file, "--json"]);
    assert_eq!(code(&out), 1);
    let drift: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(drift["matches"], false);
    let failing: Vec<&Value> = drift["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["pass"] == false)
        .collect();
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0]["id"], POWER_BI_PRO);
    assert_eq!(failing[0]["expected"], "Disabled");
    assert_eq!(failing[0]["actual"], "Enabled");
}

#[test]
fn apply_without_yes_and_without_a_terminal_is_refused_and_changes_nothing() {
    let env = Env::demo();
    let path = write(&env, "desired.toml", DESIRED);
    let events = revision(&env);
    let out = env.run(ADMIN, &["policy", "apply", path.to_str().expect("path")]);
    let err = assert_fails(&out, 2);
    assert!(
        err.contains("--yes") && err.contains("policy plan"),
        "{err}"
    );
    assert_eq!(revision(&env), events);
    // Only a GlobalAdministrator applies.
    let out = env.run(
        READER,
        &["policy", "apply", path.to_str().expect("path"), "--yes"],
    );
    assert_fails(&out, 3);
    let out = env.run(
        BILLING,
        &["policy", "apply", path.to_str().expect("path"), "--yes"],
    );
    assert_fails(&out, 3);
    assert_eq!(revision(&env), events);
}

#[test]
fn apply_at_a_terminal_shows_the_plan_and_only_y_applies() {
    let env = Env::demo();
    write(&env, "desired.toml", DESIRED);
    let mut no = Tui::start(&env, env.dir.path(), &["policy", "apply", "desired.toml"]);
    no.wait_for("Apply these 16 changes?");
    no.send("\r");
    no.wait_for("Nothing was changed.");
    assert_eq!(no.exit_code(), 0);
    assert_eq!(
        env.json(READER, &["policy", "get", POWER_BI_PRO])["PolicyValue"],
        "Enabled"
    );
    let mut yes = Tui::start(&env, env.dir.path(), &["policy", "apply", "desired.toml"]);
    yes.wait_for("Apply these 16 changes?");
    yes.send("y\r");
    yes.wait_for("16 settings changed from desired.toml");
    assert_eq!(yes.exit_code(), 0);
    assert_eq!(
        env.json(READER, &["policy", "get", POWER_BI_PRO])["PolicyValue"],
        "Disabled"
    );
}

#[test]
fn export_then_plan_shows_no_change() {
    let env = Env::demo();
    let out = env.run(READER, &["policy", "export"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("[policy]\ndefault_for_new = \"Enabled\"\n"),
        "{text}"
    );
    assert!(
        text.contains("CFQ7TTC0MM8R = \"Disabled\"  # Microsoft 365 Copilot\n"),
        "{text}"
    );
    let path = write(&env, "now.toml", &text);
    let plan = env.json(READER, &["policy", "plan", path.to_str().expect("path")]);
    assert_eq!(plan["changes"], 0);
    assert_eq!(plan["matches"], true);
    let out = env.run(READER, &["policy", "drift", path.to_str().expect("path")]);
    assert_eq!(code(&out), 0);
    let json = env.json(READER, &["policy", "export"]);
    assert_eq!(json["toml"].as_str(), Some(text.as_str()));
}

#[test]
fn bad_files_are_refused_with_file_line_and_key_and_change_nothing() {
    let env = Env::demo();
    let events = revision(&env);
    let cases = [
        (
            "[policy]\nall = \"Disabled\"\n\n[products]\nCFQ7TTC0NOPE = \"Disabled\"\n",
            "line 5, products.CFQ7TTC0NOPE: no product CFQ7TTC0NOPE in this tenant",
        ),
        (
            "[products]\nCFQ7TTC0H9MP = \"Sometimes\"\n",
            "line 2, products.CFQ7TTC0H9MP: \"Sometimes\" is not a policy value",
        ),
        ("[policy]\nall = \"Disabled\n", "line 2"),
        (
            "[policy]\nfor_all = \"Disabled\"\n",
            "line 2, policy.for_all: no such key",
        ),
    ];
    for (i, (text, said)) in cases.iter().enumerate() {
        let name = format!("bad{i}.toml");
        let path = write(&env, &name, text);
        let path = path.to_str().expect("path");
        for command in ["plan", "drift", "apply"] {
            let mut args = vec!["policy", command, path];
            if command == "apply" {
                args.push("--yes");
            }
            let out = env.run(ADMIN, &args);
            let err = assert_fails(&out, 2);
            assert!(
                err.contains(&format!("{path}, {said}")),
                "{command} {text}: {err}"
            );
            assert!(err.trim_end().ends_with("nothing was changed"), "{err}");
        }
    }
    let out = env.run(ADMIN, &["policy", "plan", "/nonexistent/desired.toml"]);
    assert_fails(&out, 4);
    assert_eq!(revision(&env), events);
}
