//! Issue 16, point 1: the relay's TLS modes against a real SMTP server on 127.0.0.1 with a
//! certificate from a CA made by the test. `starttls` and `tls` deliver where the CA is given
//! (`--smtp-ca-file`, the config file's `[mail] ca_file`); without it the relay is not trusted
//! and nothing is sent in clear.

mod common;

use common::smtp::{Pki, Relay};
use common::{code, stderr, Env, ADMIN};
use serde_json::Value;
use std::process::Command;

/// Later than the demo's clock: the lifecycle then e-mails the buyers.
const LATER: &str = "2027-03-01T12:00:00Z";

fn tenant_with_mail() -> (Env, usize) {
    let env = Env::demo();
    let out = env.run(ADMIN, &["lifecycle", "run", "--now", LATER]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let pending = states(&env).len();
    assert!(pending > 0);
    (env, pending)
}

fn states(env: &Env) -> Vec<(String, Value)> {
    let list = env.json(ADMIN, &["outbox", "list", "--limit", "100000"]);
    list.as_array()
        .expect("rows")
        .iter()
        .map(|e| {
            (
                e["state"].as_str().expect("state").to_string(),
                e["last_error"].clone(),
            )
        })
        .collect()
}

/// `outbox send` to the relay on 127.0.0.1:`port` with `security`.
fn send(env: &Env, port: u16, security: &str, extra: &[&str]) -> Command {
    let mut args = vec!["outbox", "send", "--smtp-security", security];
    args.extend_from_slice(extra);
    let mut cmd = env.cmd(ADMIN, &args);
    cmd.env("SELFSERVE_SMTP_HOST", "127.0.0.1")
        .env("SELFSERVE_SMTP_PORT", port.to_string())
        .env("SELFSERVE_SMTP_FROM", "selfserve@contoso.example")
        .env("SELFSERVE_SMTP_TIMEOUT", "5");
    cmd
}

#[test]
fn starttls_delivers_to_a_relay_whose_ca_is_given_and_not_to_one_unknown() {
    let (env, pending) = tenant_with_mail();
    let pki = Pki::new(env.dir.path());
    let relay = Relay::start_starttls(&pki);
    // The machine does not trust the test's CA: nothing goes, each e-mail says why.
    let out = send(&env, relay.port, "starttls", &[])
        .output()
        .expect("run");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(relay.received().is_empty());
    for (state, error) in states(&env) {
        assert_eq!(state, "pending");
        let error = error.as_str().unwrap_or_default().to_lowercase();
        assert!(error.contains("certificate"), "{error}");
    }
    // With the CA file, every one goes, once, over TLS.
    let ca = pki.ca.display().to_string();
    let out = send(&env, relay.port, "starttls", &["--smtp-ca-file", &ca])
        .output()
        .expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(relay.received().len(), pending);
    assert!(states(&env).iter().all(|(state, _)| state == "sent"));
}

#[test]
fn tls_from_the_first_byte_delivers_with_the_config_files_ca_file() {
    let (env, pending) = tenant_with_mail();
    let pki = Pki::new(env.dir.path());
    let relay = Relay::start_tls(&pki);
    let config = env.dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[mail]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"tls\"\nca_file = \"ca.pem\"\n",
            relay.port
        ),
    )
    .expect("config");
    let mut cmd = env.cmd(ADMIN, &["outbox", "send", "--config"]);
    cmd.arg(&config)
        .env("SELFSERVE_SMTP_FROM", "selfserve@contoso.example")
        .env("SELFSERVE_SMTP_TIMEOUT", "5");
    let out = cmd.output().expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(relay.received().len(), pending);
    assert!(states(&env).iter().all(|(state, _)| state == "sent"));
    let shown = env.json(
        ADMIN,
        &["config", "show", "--config", &config.display().to_string()],
    );
    assert_eq!(
        shown["mail"]["ca_file"],
        env.dir.path().join("ca.pem").display().to_string(),
        "a relative ca_file is beside the config file"
    );
}

#[test]
fn a_ca_file_that_is_missing_or_holds_no_certificate_is_one_line_and_exit_2() {
    let (env, pending) = tenant_with_mail();
    let missing = env.dir.path().join("missing.pem");
    let empty = env.dir.path().join("empty.pem");
    std::fs::write(&empty, "not a certificate\n").expect("write");
    for (file, says) in [
        (&missing, "cannot read the relay's CA certificates from"),
        (&empty, "holds no certificate"),
    ] {
        let out = send(
            &env,
            1,
            "starttls",
            &["--smtp-ca-file", &file.display().to_string()],
        )
        .output()
        .expect("run");
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(says), "{err}");
        assert!(err.contains(&file.display().to_string()), "{err}");
    }
    assert_eq!(states(&env).len(), pending);
    assert!(states(&env).iter().all(|(state, _)| state == "pending"));
}
