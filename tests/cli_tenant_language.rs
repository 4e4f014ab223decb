//! The tenant's language (issue 11): `tenant show` shows it, `tenant set-language` changes it
//! (a GlobalAdministrator only), a demo tenant created under a French locale starts in French,
//! and the core's e-mails follow it.

mod common;

use common::*;
use serde_json::Value;

/// Every audit event's action, newest first.
fn audit_actions(env: &Env) -> Vec<String> {
    env.json(READER, &["audit", "list", "--limit", "100000"])
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["action"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The `tenant show` line of `field`.
fn shown(env: &Env, lang: &str, field: &str) -> String {
    let out = env.run(READER, &["tenant", "show", "--lang", lang]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
        .lines()
        .find(|l| l.starts_with(field))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_global_administrator_sets_the_language_and_tenant_show_shows_it() {
    let env = Env::demo();
    let json = env.json(READER, &["tenant", "show"]);
    assert_eq!(json["language"], "en", "created under an English locale");
    assert!(
        shown(&env, "en", "E-mail language").ends_with("English (en)"),
        "{}",
        shown(&env, "en", "E-mail language")
    );

    // Only a GlobalAdministrator: the others are refused (exit 3), and nothing changes.
    let audit_before = audit_actions(&env);
    for login in [READER, BILLING] {
        let err = assert_fails(&env.run(login, &["tenant", "set-language", "fr"]), 3);
        assert!(err.contains("GlobalAdministrator"), "{err}");
    }
    assert_eq!(env.json(READER, &["tenant", "show"])["language"], "en");
    assert_eq!(audit_actions(&env), audit_before, "no audit event");

    let change = env.json(ADMIN, &["tenant", "set-language", "fr"]);
    assert_eq!(
        change,
        serde_json::json!({"language": "fr", "previous": "en", "changed": true})
    );
    assert_eq!(env.json(READER, &["tenant", "show"])["language"], "fr");
    assert_eq!(audit_actions(&env)[0], "tenant.set-language");
    assert!(
        shown(&env, "fr", "Langue des e-mails").ends_with("français (fr)"),
        "{}",
        shown(&env, "fr", "Langue des e-mails")
    );
    assert!(shown(&env, "en", "E-mail language").ends_with("French (fr)"));

    // The same value again changes nothing and says so, in the reader's language.
    let out = env.run(ADMIN, &["tenant", "set-language", "FR", "--lang", "fr"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim_end(),
        "Les e-mails du locataire sont déjà rédigés en français ; rien n'a changé."
    );
    let out = env.run(ADMIN, &["tenant", "set-language", "en"]);
    assert_eq!(
        stdout(&out).trim_end(),
        "The tenant's e-mails are now written in English."
    );

    // Not a language: a usage error.
    let err = assert_fails(&env.run(ADMIN, &["tenant", "set-language", "de"]), 2);
    assert!(err.contains("\"de\""), "{err}");
}

#[test]
fn tenant_show_json_gains_only_the_language_and_is_the_same_in_both_languages() {
    let env = Env::demo();
    let english = env.run(READER, &["tenant", "show", "--json", "--lang", "en"]);
    let french = env.run(READER, &["tenant", "show", "--json", "--lang", "fr"]);
    assert_eq!(english.stdout, french.stdout);
    let json: Value = serde_json::from_slice(&english.stdout).expect("json");
    let mut keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "admin_center_url",
            "cloud",
            "created_at",
            "currency",
            "demo",
            "display_name",
            "existing_agreement",
            "id",
            "language",
            // Issue 15: whether administrators get the purchase notice.
            "purchase_notice"
        ]
    );
}

#[test]
fn a_demo_created_under_a_french_locale_is_french_and_so_are_its_emails() {
    let env = Env::empty();
    let out = env
        .cmd(ADMIN, &["demo"])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run selfserve");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(env.json(READER, &["tenant", "show"])["language"], "fr");

    // An English-speaking administrator cancels: the buyer still reads French.
    let sub = env
        .json(
            READER,
            &[
                "subscription",
                "list",
                "--self-service",
                "--status",
                "Active",
            ],
        )
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["assigned"] == 2)
        .and_then(|r| r["id"].as_str())
        .expect("a subscription with two users")
        .to_string();
    let out = env.run(
        ADMIN,
        &["subscription", "cancel", &sub, "--reason", "too-expensive"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mail = env.json(READER, &["outbox", "list"])[0].clone();
    let subject = mail["subject"].as_str().expect("subject");
    assert!(subject.starts_with("Votre abonnement "), "{subject}");
    assert!(subject.ends_with(" a été annulé"), "{subject}");
    let id = mail["id"].to_string();
    let body = env.json(READER, &["outbox", "show", &id])["body"].clone();
    let body = body.as_str().expect("body");
    assert!(body.starts_with("Bonjour "), "{body}");
    assert!(body.contains("motif : trop cher"), "{body}");
    assert!(
        body.contains("2 utilisateurs n'en reçoivent plus de licence."),
        "{body}"
    );
    assert!(
        body.contains("Cet abonnement ne vous sera plus facturé."),
        "{body}"
    );
}
