//! `selfserve import assignments` on the self-service users export as a French admin center
//! writes it (French column names, `;`, UTF-8 with a BOM, day-first dates) and as the US English
//! one writes its dates (month first, a 12-hour time): the same tenant as the English file of
//! tests/fixtures/import/ (see its README). A date that does not read refuses the file whole.

mod common;

use common::*;
use serde_json::{json, Value};

const ADMIN_UPN: &str = "adele.vance@fabrikam.example";

/// A tenant made by `init` with users-en.csv's directory and Graph's subscriptions, imported
/// in a session in `lang` (served where the switch says). Every tenant has the same directory:
/// users-fr.csv names the departments in French.
fn tenant(lang: &str) -> Env {
    let env = Env::init(ADMIN_UPN, &[]);
    import(&env, lang, "users", &import_fixture("users-en.csv"), &[]);
    import(
        &env,
        lang,
        "subscriptions",
        &import_fixture("subscriptions-graph.json"),
        &[],
    );
    env
}

fn import(env: &Env, lang: &str, kind: &str, file: &str, extra: &[&str]) -> Value {
    let mut args = vec!["--lang", lang, "import", kind, file];
    args.extend_from_slice(extra);
    env.json(ADMIN, &args)
}

/// An import's report less what names the file (its name and SHA-256).
fn outcome(mut report: Value) -> Value {
    if let Some(map) = report.as_object_mut() {
        map.remove("file");
        map.remove("sha256");
    }
    report
}

/// What the tenant holds after the import: the licenses of every subscription (who, since
/// when), each subscription's count, the audit's actions.
fn held(env: &Env) -> Vec<Value> {
    let mut out = Vec::new();
    for sub in env
        .json(ADMIN, &["subscription", "list"])
        .as_array()
        .into_iter()
        .flatten()
    {
        let id = sub["id"].as_str().unwrap_or_default();
        let show = env.json(ADMIN, &["subscription", "show", id]);
        out.push(json!([id, sub["assigned"], show["users"]]));
    }
    let audit = env.json(ADMIN, &["audit", "list"]);
    let actions: Vec<&Value> = audit
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| &e["action"])
        .collect();
    out.push(json!(actions));
    out
}

fn user_export(env: &Env, extra: &[&str]) -> String {
    let mut args = vec!["user", "export"];
    args.extend_from_slice(extra);
    let out = env.run(ADMIN, &args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn the_french_admin_centers_export_and_us_dates_give_the_tenant_the_english_file_gives() {
    let english = tenant("en");
    let report = import(
        &english,
        "en",
        "assignments",
        &import_fixture("assignments.csv"),
        &[],
    );
    assert_eq!(
        (&report["added"], &report["written"]),
        (&json!(5), &json!(true))
    );
    let expected = (outcome(report), held(&english), user_export(&english, &[]));

    let french = tenant("fr");
    let report = import(
        &french,
        "fr",
        "assignments",
        &import_fixture("assignments-fr.csv"),
        &[],
    );
    assert_eq!(report["file"], "assignments-fr.csv");
    assert_eq!(
        (outcome(report), held(&french), user_export(&french, &[])),
        expected
    );
    // Twice: nothing changes.
    let again = import(
        &french,
        "fr",
        "assignments",
        &import_fixture("assignments-fr.csv"),
        &[],
    );
    assert_eq!(
        (&again["changes"], &again["unchanged"], &again["written"]),
        (&json!([]), &json!(4), &json!(false))
    );

    // The US English admin center's dates: month first, a 12-hour time.
    let text = std::fs::read_to_string(import_fixture("assignments.csv")).expect("fixture");
    let mut us = text.clone();
    for day in [10, 12, 15, 16] {
        us = us.replace(
            &format!(",2026-11-{day}"),
            &format!(",11/{day}/2026 9:00:00 AM"),
        );
    }
    assert_eq!(us.matches(" AM").count(), 4);
    let path = english.dir.path().join("assignments-us.csv");
    std::fs::write(&path, us).expect("write");
    let us_tenant = tenant("en");
    let report = import(
        &us_tenant,
        "en",
        "assignments",
        path.to_str().unwrap_or_default(),
        &[],
    );
    assert_eq!(
        (
            outcome(report),
            held(&us_tenant),
            user_export(&us_tenant, &[])
        ),
        expected
    );
}

#[test]
fn user_export_in_a_french_session_reimports_into_a_new_tenant() {
    let french = tenant("fr");
    import(
        &french,
        "fr",
        "assignments",
        &import_fixture("assignments-fr.csv"),
        &[],
    );
    let path = french.dir.path().join("utilisateurs.csv");
    let file = path.to_str().unwrap_or_default();
    user_export(&french, &["--lang", "fr", "--output", file]);
    // SPEC §3's header whatever the session's language: a file scripts and imports read alike.
    let text = std::fs::read_to_string(&path).expect("export");
    assert!(
        text.starts_with(
            "Display name,User principal name,Product,Product ID,Subscription ID,Purchased by,Buyer UPN,Assigned on\n"
        ),
        "{text}"
    );
    let again = tenant("fr");
    let report = import(&again, "fr", "assignments", file, &[]);
    assert_eq!(report["written"], true);
    // The export holds the self-service licenses; Adèle's central one is placed again.
    assert_eq!(user_export(&again, &[]), user_export(&french, &[]));
    let licenses = |env: &Env| -> Vec<Value> {
        held(env)
            .into_iter()
            .filter(|row| row.is_array() && row[0].is_string())
            .collect()
    };
    assert_eq!(licenses(&again), licenses(&french));
}

#[test]
fn a_date_that_does_not_read_refuses_the_file_with_its_line_and_field_and_writes_nothing() {
    let env = tenant("fr");
    let before = held(&env);
    let file = import_fixture("bad-assignments-date.csv");
    for (lang, expected) in [
        (
            "en",
            "bad-assignments-date.csv, line 3, field Attribuée le: \"11/16/2026 09:00:00\" is not a date; this file's columns are French, so its dates are day first",
        ),
        (
            "fr",
            "bad-assignments-date.csv, ligne 3, champ Attribuée le : « 11/16/2026 09:00:00 » n'est pas une date ; les colonnes de ce fichier sont en français, ses dates ont donc le jour en premier",
        ),
    ] {
        for dry in [&[][..], &["--dry-run"][..]] {
            let mut args = vec!["--lang", lang, "import", "assignments", &file];
            args.extend_from_slice(dry);
            let err = assert_fails(&env.run(ADMIN, &args), 2);
            assert!(err.contains(expected), "{err}");
        }
    }
    // A French date in a file with English columns: month first, so day 15 is no month.
    let text = std::fs::read_to_string(import_fixture("assignments.csv")).expect("fixture");
    let french_date = text.replace(",2026-11-16", ",16/11/2026");
    assert_ne!(french_date, text);
    let path = env.dir.path().join("assignments.csv");
    std::fs::write(&path, french_date).expect("write");
    let out = env.run(
        ADMIN,
        &["import", "assignments", path.to_str().unwrap_or_default()],
    );
    let err = assert_fails(&out, 2);
    assert!(
        err.contains("assignments.csv, line 3, field Assigned on: \"16/11/2026\" is not a date; this file's columns are English, so its dates are month first"),
        "{err}"
    );
    assert_eq!(held(&env), before);
}
