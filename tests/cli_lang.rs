//! The language switch (`--lang`, `SELFSERVE_LANG`, the locale): an unknown language is a usage
//! error, and machine output is the same in every language (SPEC §3: scripts rely on it).

mod common;

use common::*;
use std::process::Output;

#[test]
fn an_unknown_language_is_a_usage_error_from_the_flag_or_the_environment() {
    let env = Env::empty();
    let err = assert_fails(&env.run(ADMIN, &["tenant", "show", "--lang", "de"]), 2);
    assert!(err.contains("--lang"), "{err}");
    let out = env
        .cmd(ADMIN, &["tenant", "show"])
        .env("SELFSERVE_LANG", "de")
        .output()
        .expect("run selfserve");
    let err = assert_fails(&out, 2);
    assert!(err.contains("de"), "{err}");
}

/// One run of `args` as `login`, in English (`--lang en`) and in French three ways: the flag,
/// `SELFSERVE_LANG`, and the locale alone.
fn each_language(env: &Env, login: &str, args: &[&str]) -> (Output, Vec<Output>) {
    let with = |lang: &'static str| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--lang", lang]);
        all
    };
    let english = env.run(login, &with("en"));
    let flag = env.run(login, &with("fr"));
    let by_env = env
        .cmd(login, args)
        .env("SELFSERVE_LANG", "fr")
        .output()
        .expect("run selfserve");
    let by_locale = env
        .cmd(login, args)
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run selfserve");
    (english, vec![flag, by_env, by_locale])
}

/// A self-service subscription of the demo with at least two users, by its full id.
fn shared_subscription(env: &Env) -> String {
    env.json(
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
    .find(|r| r["assigned"].as_u64() >= Some(2))
    .and_then(|r| r["id"].as_str())
    .expect("a shared subscription")
    .to_string()
}

#[test]
fn json_is_byte_identical_in_french_and_english() {
    let env = Env::demo();
    let sub = shared_subscription(&env);
    let central = env
        .json(READER, &["subscription", "list"])
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["origin"] == "central" && r["assigned"].as_u64() >= Some(1))
        .and_then(|r| r["id"].as_str())
        .expect("a central subscription with users")
        .to_string();
    let upn = env.json(READER, &["subscription", "show", &central])["users"][0]
        ["user_principal_name"]
        .as_str()
        .expect("a user")
        .to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec!["product", "list"],
        vec!["product", "list", "--self-service"],
        vec!["policy", "list"],
        vec!["policy", "get", "CFQ7TTC0H9MP"],
        vec!["subscription", "list"],
        vec!["subscription", "show", &sub],
        vec!["subscription", "take-over", &sub, "--dry-run"],
        vec![
            "subscription",
            "cancel",
            &sub,
            "--reason",
            "other",
            "--dry-run",
        ],
        vec!["subscription", "ask-cancel", &sub, "--dry-run"],
        vec!["license", "unassign", &central, &upn, "--dry-run"],
        vec!["product", "centralise", "CFQ7TTC0H9MP", "--dry-run"],
        vec!["lifecycle", "run", "--dry-run", "--until", "2026-11-23"],
        vec!["admin", "list"],
        vec!["audit", "list"],
        vec!["outbox", "list"],
        vec!["check"],
    ];
    for args in &commands {
        let mut json = args.clone();
        json.push("--json");
        let (english, french) = each_language(&env, ADMIN, &json);
        assert!(english.status.success(), "{args:?}: {}", stderr(&english));
        for french in french {
            assert!(french.status.success(), "{args:?}: {}", stderr(&french));
            assert_eq!(english.stdout, french.stdout, "{args:?}");
        }
    }
    // The CSV of `user export` (SPEC §3 header) too.
    let (english, french) = each_language(&env, READER, &["user", "export"]);
    assert!(english.status.success(), "{}", stderr(&english));
    assert!(!english.stdout.is_empty());
    for french in french {
        assert_eq!(english.stdout, french.stdout, "user export");
    }
}

#[test]
fn human_output_is_french_under_the_flag_and_under_a_french_locale() {
    let env = Env::demo();
    let (english, french) = each_language(&env, READER, &["product", "list"]);
    let english = stdout(&english);
    assert!(english.starts_with("Product "), "{english}");
    assert!(english.contains("Do not allow"), "{english}");
    for out in french {
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        let header = text.lines().next().unwrap_or_default();
        for column in ["Produit", "ID produit", "Qté disponible", "Stratégie"] {
            assert!(header.contains(column), "{header}");
        }
        assert!(text.contains("Ne pas autoriser"), "{text}");
        // Amounts and dates as French writes them: "1 234,56 €", "24/11/2026".
        assert!(text.contains(",00\u{a0}€"), "{text}");
        assert!(!text.contains("EUR") && !text.contains("Allow"), "{text}");
        assert!(
            text.lines()
                .skip(1)
                .any(|l| l.contains("/2026") || l.contains("/2027")),
            "{text}"
        );
    }

    let sub = shared_subscription(&env);
    let (_, french) = each_language(&env, READER, &["subscription", "show", &sub]);
    for out in french {
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("Statut"), "{text}");
        assert!(text.contains("Actif"), "{text}");
        assert!(text.contains("Utilisateurs avec licence ("), "{text}");
    }

    let dry = [
        "subscription",
        "cancel",
        &sub,
        "--reason",
        "other",
        "--dry-run",
    ];
    let (english, french) = each_language(&env, ADMIN, &dry);
    let english = stdout(&english);
    assert!(
        english.starts_with("Dry run: nothing was changed."),
        "{english}"
    );
    assert!(english.contains("users lose their licenses."), "{english}");
    for out in french {
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.starts_with("Simulation : rien n'a été modifié."),
            "{text}"
        );
        assert!(text.contains("serait annulé (motif : autre)"), "{text}");
        assert!(
            text.contains("utilisateurs perdraient leur licence."),
            "{text}"
        );
    }
}

#[test]
fn error_lines_the_cli_builds_are_french_too() {
    let env = Env::demo();
    let (english, french) =
        each_language(&env, READER, &["subscription", "list", "--status", "Gone"]);
    let err = assert_fails(&english, 2);
    assert!(
        err.contains("\"Gone\" is not a status; use Active"),
        "{err}"
    );
    for out in french {
        let err = assert_fails(&out, 2);
        assert!(
            err.starts_with("selfserve: « Gone » n'est pas un statut ; utilisez Active"),
            "{err}"
        );
    }
    let cancel = ["subscription", "cancel", "ffffffff", "--reason", "bored"];
    let (_, french) = each_language(&env, ADMIN, &cancel);
    for out in french {
        let err = assert_fails(&out, 2);
        assert!(err.contains("n'est pas un motif d'annulation"), "{err}");
        assert!(err.contains("no-longer-needed"), "{err}");
    }
}
