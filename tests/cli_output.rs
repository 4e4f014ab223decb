//! Human output through the real binary: `outbox show`, tables that fit a terminal and are never
//! cut into a pipe, plurals that agree with their counts, ASCII under a non-UTF-8 locale.

mod common;

use common::pty::Tui;
use common::*;
use serde_json::Value;

/// An Active self-service subscription with exactly `users` licenses assigned.
fn with_users(env: &Env, users: u64) -> String {
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
    .find(|r| r["assigned"] == users)
    .and_then(|r| r["id"].as_str())
    .expect("a subscription with that many users")
    .to_string()
}

/// Cancels `sub` for real; its buyer's e-mail is the newest in the outbox.
fn cancel(env: &Env, sub: &str) -> Value {
    let out = env.run(
        ADMIN,
        &["subscription", "cancel", sub, "--reason", "too-expensive"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    env.json(READER, &["outbox", "list"])[0].clone()
}

#[test]
fn outbox_show_prints_one_email_whole() {
    let env = Env::demo();
    let listed = cancel(&env, &with_users(&env, 1));
    let id = listed["id"].as_u64().expect("id").to_string();

    let json = env.json(READER, &["outbox", "show", &id]);
    assert_eq!(json["id"], listed["id"]);
    assert_eq!(json["subject"], listed["subject"]);
    let body = json["body"].as_str().expect("body");
    assert!(
        body.contains("\n\n"),
        "the body keeps its paragraphs: {body:?}"
    );

    let out = env.run(READER, &["outbox", "show", &id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let to = listed["to"].as_str().expect("to");
    let subject = listed["subject"].as_str().expect("subject");
    // The values start in one column, after the longest label ("Message-ID:").
    assert!(text.contains(&format!("To:         {to}")), "{text}");
    assert!(text.contains(&format!("Subject:    {subject}")), "{text}");
    // Every line of the body, whole, after the headers and a blank line.
    let (_, shown_body) = text.split_once("\n\n").expect("headers, then the body");
    assert_eq!(shown_body.trim_end(), body.trim_end());

    let err = assert_fails(&env.run(READER, &["outbox", "show", "999999999"]), 4);
    assert!(err.contains("`selfserve outbox list`"), "{err}");
}

#[test]
fn into_a_pipe_nothing_is_cut_and_at_a_terminal_rows_fit_its_width() {
    let env = Env::demo();
    let mail = cancel(&env, &with_users(&env, 2));
    let subject = mail["subject"].as_str().expect("subject").to_string();
    assert!(
        subject.chars().count() > 42,
        "a subject long enough: {subject}"
    );

    let out = env.run(READER, &["outbox", "list"]);
    let piped = stdout(&out);
    assert!(piped.contains(&subject), "{piped}");
    assert!(!piped.contains('…'), "{piped}");
    let out = env.run(READER, &["subscription", "list"]);
    assert!(!stdout(&out).contains('…'));

    let tui = Tui::start(&env, env.dir.path(), &["outbox", "list"]);
    tui.wait_for("pending");
    let screen = tui.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("pending"))
        .expect("the e-mail's row");
    assert!(row.contains('…'), "the subject gives way: {screen}");
    assert!(!screen.contains(&subject), "{screen}");
    assert!(row
        .trim_start()
        .starts_with(mail["id"].to_string().as_str()));
}

#[test]
fn counts_agree_with_their_nouns_and_verbs() {
    let env = Env::demo();
    for (users, said) in [
        (1, "1 user loses their license."),
        (2, "2 users lose their licenses."),
    ] {
        let sub = with_users(&env, users);
        let out = env.run(
            ADMIN,
            &[
                "subscription",
                "cancel",
                &sub,
                "--reason",
                "other",
                "--dry-run",
            ],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains(said), "{text}");
        assert!(text.contains("Would take it over first."), "{text}");
    }
    // The buyer's e-mail, from the core, agrees too.
    let mail = cancel(&env, &with_users(&env, 1));
    let id = mail["id"].to_string();
    let body = env.json(READER, &["outbox", "show", &id])["body"].clone();
    assert!(
        body.as_str()
            .expect("body")
            .contains("Its 1 user no longer has a license from it."),
        "{body}"
    );
    let mail = cancel(&env, &with_users(&env, 2));
    let id = mail["id"].to_string();
    let body = env.json(READER, &["outbox", "show", &id])["body"].clone();
    assert!(
        body.as_str()
            .expect("body")
            .contains("Its 2 users no longer have a license from it."),
        "{body}"
    );
}

#[test]
fn under_a_locale_that_is_not_utf8_data_is_written_in_ascii() {
    let env = Env::demo();
    let run = |lang: &str, args: &[&str]| {
        let out = env
            .cmd(READER, args)
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .output()
            .expect("run selfserve");
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        stdout(&out)
    };
    let utf8 = run("C.UTF-8", &["admin", "list"]);
    assert!(utf8.contains("Adèle Vance"), "{utf8}");
    for lang in ["C", "fr_FR.ISO-8859-1"] {
        let ascii = run(lang, &["admin", "list"]);
        assert!(ascii.contains("Adele Vance"), "{ascii}");
        // Names in CJK and with accents, from every subscription's buyer.
        let list = run(lang, &["subscription", "list"]);
        assert!(list.is_ascii(), "{list}");
        assert!(list.lines().count() > 10);
    }
}
