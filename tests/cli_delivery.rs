//! Issue 16, point 1: the outbox delivered through a real SMTP server on 127.0.0.1 (started by
//! each test), by `outbox send` and by `selfserve serve`.

mod common;

use common::smtp::{free_port, Relay};
use common::{assert_fails, code, stderr, stdout, Env, ADMIN, READER};
use mail_parser::MessageParser;
use serde_json::Value;
use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Later than the demo's clock: the lifecycle then renews and converts, and e-mails the buyers.
const LATER: &str = "2027-03-01T12:00:00Z";
const FROM: &str = "selfserve@contoso.example";

/// A demo tenant whose outbox holds the lifecycle's e-mails, all pending.
fn tenant_with_mail() -> (Env, Vec<Value>) {
    let env = Env::demo();
    let out = env.run(ADMIN, &["lifecycle", "run", "--now", LATER]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let emails = outbox(&env);
    assert!(
        emails.len() >= 20,
        "the lifecycle e-mails buyers: {}",
        emails.len()
    );
    assert!(emails.iter().all(|e| e["state"] == "pending"));
    (env, emails)
}

fn outbox(env: &Env) -> Vec<Value> {
    let list = env.json(ADMIN, &["outbox", "list", "--limit", "100000"]);
    list.as_array().expect("rows").clone()
}

/// `selfserve outbox send` through the relay on `port`, without TLS.
fn send(env: &Env, login: &str, port: u16) -> Command {
    let mut cmd = env.cmd(login, &["outbox", "send"]);
    relay_env(&mut cmd, port);
    cmd
}

fn relay_env(cmd: &mut Command, port: u16) {
    cmd.env("SELFSERVE_SMTP_HOST", "127.0.0.1")
        .env("SELFSERVE_SMTP_PORT", port.to_string())
        .env("SELFSERVE_SMTP_SECURITY", "none")
        .env("SELFSERVE_SMTP_FROM", FROM)
        .env("SELFSERVE_SMTP_TIMEOUT", "5");
}

/// The received messages by Message-ID (without brackets), each with how often it came.
fn by_message_id(relay: &Relay) -> HashMap<String, Vec<Vec<u8>>> {
    let mut out: HashMap<String, Vec<Vec<u8>>> = HashMap::new();
    for r in relay.received() {
        let parsed = MessageParser::default().parse(&r.data).expect("a message");
        let id = parsed.message_id().expect("a Message-ID").to_string();
        out.entry(id).or_default().push(r.data.clone());
    }
    out
}

#[test]
fn every_pending_email_arrives_once_with_its_headers_and_body() {
    let (env, emails) = tenant_with_mail();
    let relay = Relay::start();
    let out = send(&env, ADMIN, relay.port).output().expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("{} e-mails sent", emails.len())),
        "{}",
        stdout(&out)
    );

    let received = relay.received();
    assert_eq!(received.len(), emails.len(), "each e-mail once");
    let by_id = by_message_id(&relay);
    for e in &emails {
        let id = e["message_id"].as_str().expect("message_id");
        let copies = &by_id[id];
        assert_eq!(copies.len(), 1, "{id} arrived once");
        let m = MessageParser::default().parse(&copies[0]).expect("parse");
        let to = e["to"].as_str().expect("to");
        assert_eq!(
            m.from().and_then(|a| a.first()).and_then(|a| a.address()),
            Some(FROM)
        );
        assert_eq!(
            m.to().and_then(|a| a.first()).and_then(|a| a.address()),
            Some(to)
        );
        assert_eq!(m.subject(), e["subject"].as_str());
        let date = m.date().expect("Date").to_rfc3339();
        let written = chrono::DateTime::parse_from_rfc3339(e["created_at"].as_str().expect("at"))
            .expect("created_at");
        assert_eq!(
            chrono::DateTime::parse_from_rfc3339(&date).expect("date"),
            written,
            "Date is when it was written"
        );
        let body = m.body_text(0).expect("a text body");
        assert_eq!(
            body.replace("\r\n", "\n").trim_end(),
            e["body"].as_str().expect("body").trim_end()
        );
    }
    // The envelope too.
    assert!(received.iter().all(|r| r.from == FROM && r.to.len() == 1));

    let after = outbox(&env);
    for e in &after {
        assert_eq!(e["state"], "sent", "{e}");
        assert_eq!(e["delivery"], "sent");
        assert_eq!(e["attempts"], 1);
        assert_eq!(e["last_error"], Value::Null);
    }
    let shown = env.json(ADMIN, &["outbox", "show", &after[0]["id"].to_string()]);
    assert!(
        shown["relay_answer"]
            .as_str()
            .is_some_and(|a| a.starts_with("250")),
        "{shown}"
    );
    assert!(shown["sent_at"].is_string());

    // Nothing is left to send, and nothing goes twice.
    let again = send(&env, ADMIN, relay.port).output().expect("run");
    assert_eq!(code(&again), 0, "{}", stderr(&again));
    assert!(
        stdout(&again).contains("No e-mail to send"),
        "{}",
        stdout(&again)
    );
    assert_eq!(relay.received().len(), emails.len());
}

#[test]
fn a_relay_that_is_down_leaves_them_pending_with_the_reason_and_a_later_send_delivers() {
    let (env, emails) = tenant_with_mail();
    let port = free_port();
    let out = send(&env, ADMIN, port).output().expect("run");
    assert_eq!(code(&out), 1, "left pending: {}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("{} left pending", emails.len())),
        "{}",
        stdout(&out)
    );
    for e in outbox(&env) {
        assert_eq!(e["state"], "pending", "{e}");
        assert_eq!(e["attempts"], 1);
        let why = e["last_error"].as_str().expect("the reason");
        assert!(why.to_lowercase().contains("connect"), "{why}");
    }
    let human = stdout(&env.run(ADMIN, &["outbox", "list"]));
    assert!(
        human.to_lowercase().contains("connect"),
        "outbox list shows why: {human}"
    );

    let relay = Relay::start_on(port);
    let out = send(&env, ADMIN, port).output().expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(relay.received().len(), emails.len());
    for e in outbox(&env) {
        assert_eq!(e["state"], "sent", "{e}");
        assert_eq!(e["attempts"], 2);
    }
}

#[test]
fn a_relay_answering_5xx_marks_them_failed_with_its_answer() {
    let (env, emails) = tenant_with_mail();
    let relay = Relay::start();
    relay.reject_all(true);
    let out = send(&env, ADMIN, relay.port).output().expect("run");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("{} failed", emails.len())),
        "{}",
        stdout(&out)
    );
    for e in outbox(&env) {
        assert_eq!(e["state"], "failed", "{e}");
        assert_eq!(e["attempts"], 1);
        let answer = e["last_error"].as_str().expect("the answer");
        assert!(
            answer.contains("550") && answer.contains("Relaying denied"),
            "{answer}"
        );
    }
    // A failed e-mail waits for its next attempt: sending again now sends nothing.
    relay.reject_all(false);
    let again = send(&env, ADMIN, relay.port).output().expect("run");
    assert_eq!(code(&again), 0, "{}", stderr(&again));
    assert!(relay.received().is_empty());
    let shown = env.json(ADMIN, &["outbox", "show", &emails[0]["id"].to_string()]);
    assert!(shown["next_attempt"].is_string(), "{shown}");
}

#[test]
fn a_sigkill_in_the_middle_of_a_batch_loses_no_email() {
    let (env, emails) = tenant_with_mail();
    let relay = Relay::start();
    relay.delay(Duration::from_millis(60));
    let mut child = send(&env, ADMIN, relay.port)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start outbox send");
    let deadline = Instant::now() + Duration::from_secs(60);
    while relay.received().len() < emails.len() / 3 {
        assert!(Instant::now() < deadline, "the batch did not start");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    let cut = relay.received().len();
    assert!(
        cut < emails.len(),
        "killed in the middle ({cut} of {})",
        emails.len()
    );

    // Each e-mail is either sent and marked, or still pending: none failed, none lost.
    let states: Vec<Value> = outbox(&env).iter().map(|e| e["state"].clone()).collect();
    assert!(
        states.iter().all(|s| s == "sent" || s == "pending"),
        "{states:?}"
    );
    let marked = states.iter().filter(|s| *s == "sent").count();
    assert!(marked <= cut, "marked sent only once the relay had it");

    relay.delay(Duration::ZERO);
    let out = send(&env, ADMIN, relay.port).output().expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let by_id = by_message_id(&relay);
    for e in outbox(&env) {
        assert_eq!(e["state"], "sent", "{e}");
        let id = e["message_id"].as_str().expect("message_id");
        let copies = by_id.get(id).map_or(0, Vec::len);
        // A copy sent twice (accepted, then killed before its record) is the same message.
        assert!((1..=2).contains(&copies), "{id}: {copies} copies");
        if copies == 2 {
            assert_eq!(
                by_id[id][0], by_id[id][1],
                "a duplicate is the very same message"
            );
        }
    }
    let duplicates = relay.received().len() - emails.len();
    assert!(duplicates <= 1, "at most the one in flight: {duplicates}");
}

#[test]
fn a_reader_may_not_send_and_no_relay_is_one_line() {
    let (env, _) = tenant_with_mail();
    let relay = Relay::start();
    let out = send(&env, READER, relay.port).output().expect("run");
    let err = assert_fails(&out, 3);
    assert!(err.contains("send the outbox"), "{err}");
    assert!(relay.received().is_empty());

    let out = env.run(ADMIN, &["outbox", "send"]);
    let err = assert_fails(&out, 2);
    assert!(err.contains("--smtp-host"), "{err}");
    let mut bad = send(&env, ADMIN, relay.port);
    bad.env("SELFSERVE_SMTP_FROM", "not an address");
    assert_fails(&bad.output().expect("run"), 2);
    assert!(
        outbox(&env).iter().all(|e| e["attempts"] == 0),
        "nothing tried"
    );
}

#[test]
fn the_relay_password_is_never_printed_nor_stored() {
    let (env, _) = tenant_with_mail();
    let relay = Relay::start();
    let secret = "pw-4f1d9c2e-never-shown";
    let file = env.dir.path().join("relay-password");
    std::fs::write(&file, format!("{secret}\n")).expect("write");
    let mut cmd = send(&env, ADMIN, relay.port);
    cmd.env("SELFSERVE_SMTP_USER", "mailer")
        .env("SELFSERVE_SMTP_PASSWORD_FILE", &file);
    // This relay offers no login: lettre refuses to send the credentials in the clear anyway.
    let out = cmd.output().expect("run");
    let shown = format!("{}{}", stdout(&out), stderr(&out));
    assert!(!shown.contains(secret), "{shown}");
    let listed = stdout(&env.run(ADMIN, &["outbox", "list", "--json"]));
    assert!(!listed.contains(secret));
    for entry in std::fs::read_dir(&env.db).expect("db dir") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            let bytes = std::fs::read(&path).expect("read");
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{} holds the password",
                path.display()
            );
        }
    }
}

#[test]
fn serve_delivers_continuously_where_a_relay_is_set() {
    let (env, emails) = tenant_with_mail();
    if env.server.is_some() {
        // Under SELFSERVE_TEST_VIA_SERVER the database is served already, without a relay.
        return;
    }
    let relay = Relay::start();
    let socket = common::server::socket_beside(&env.db);
    let mut cmd = common::bin();
    cmd.env("SELFSERVE_USER", ADMIN);
    relay_env(&mut cmd, relay.port);
    let mut server = common::server::Server::start_with(cmd, &env.db, &socket, &[]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while relay.received().len() < emails.len() {
        assert!(
            Instant::now() < deadline,
            "delivered {}",
            relay.received().len()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Recorded through the server: `outbox list` (through the socket) shows them sent.
    let deadline = Instant::now() + Duration::from_secs(30);
    while outbox(&env).iter().any(|e| e["state"] != "sent") {
        assert!(Instant::now() < deadline, "not all recorded");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(relay.received().len(), emails.len(), "each once");
    assert!(
        server.log_text().contains("outbox delivery"),
        "{}",
        server.log_text()
    );
    server.stop();
}

#[test]
fn the_config_files_mail_section_is_the_relay_and_a_flag_wins_over_it() {
    let file_relay = Relay::start();
    let flag_relay = Relay::start();
    let config = |env: &Env| {
        let file = env.dir.path().join("config.toml");
        let text = format!(
            "[mail]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\n",
            file_relay.port
        );
        std::fs::write(&file, text).expect("config");
        file
    };
    // The file alone sets the relay.
    let (env, emails) = tenant_with_mail();
    let out = env
        .cmd(ADMIN, &["outbox", "send"])
        .env("SELFSERVE_CONFIG", config(&env))
        .env("SELFSERVE_SMTP_FROM", FROM)
        .output()
        .expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(file_relay.received().len(), emails.len());
    // A flag wins over the file.
    let (env, emails) = tenant_with_mail();
    let port = flag_relay.port.to_string();
    let out = env
        .cmd(ADMIN, &["outbox", "send", "--smtp-port", &port])
        .env("SELFSERVE_CONFIG", config(&env))
        .env("SELFSERVE_SMTP_FROM", FROM)
        .output()
        .expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(flag_relay.received().len(), emails.len());
    assert_eq!(file_relay.received().len(), emails.len(), "none more");
}
