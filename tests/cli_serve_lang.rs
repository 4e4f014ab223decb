//! The server's words (issue 11): its log lines are in the language of the administrator who
//! runs it; its refusals reach each client in the client's own language.

mod common;

use common::server::socket_beside;
use common::*;
use std::process::Stdio;
use std::time::{Duration, Instant};

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

#[test]
fn a_server_run_under_a_french_locale_logs_in_french_and_each_client_reads_its_own_language() {
    let env = Env::demo_in_process();
    let socket = socket_beside(&env.db);
    let log = env.dir.path().join("serve.log");
    let mut server = bin()
        .env("LANG", "fr_FR.UTF-8")
        .args(["serve", "--db"])
        .arg(&env.db)
        .arg("--socket")
        .arg(&socket)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("start selfserve serve");
    let text = || std::fs::read_to_string(&log).unwrap_or_default();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !text().contains(" selfserve serve: sert ") {
        assert!(Instant::now() < deadline, "no server: {}", text());
        assert!(server.try_wait().expect("poll").is_none(), "{}", text());
        std::thread::sleep(Duration::from_millis(20));
    }

    // A write, logged in French.
    let set = env.json(ADMIN, &["policy", "set", POWER_BI_PRO, "Disabled"]);
    assert_eq!(set["policies"][0]["Changed"], true, "{set}");
    assert!(
        text().contains("admin : SetPolicy fait (révision "),
        "{}",
        text()
    );
    // A refusal: logged in French, read by an English client in English and a French one in
    // French.
    let err = assert_fails(&env.run(READER, &["tenant", "set-language", "fr"]), 3);
    assert!(
        err.contains("may not change the tenant's language"),
        "{err}"
    );
    assert!(
        text().contains(": SetLanguage refusé (code 3) : "),
        "{}",
        text()
    );
    let out = env
        .cmd(ADMIN, &["subscription", "show", "ffffffff"])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run selfserve");
    assert_eq!(code(&out), 4, "{}", stderr(&out));

    // SIGTERM: the last lines say so in French.
    // SAFETY: kill only sends a signal to the child this test started.
    unsafe {
        libc::kill(server.id() as i32, libc::SIGTERM);
    }
    server.wait().expect("wait for the server");
    let log = text();
    assert!(
        log.contains("SIGTERM : plus de nouvelles connexions ; attente des demandes en cours"),
        "{log}"
    );
    assert!(log.trim_end().ends_with("selfserve serve: arrêté"), "{log}");
}

#[test]
fn the_servers_own_refusals_are_in_the_readers_language() {
    let env = Env::empty();
    // No server on a named socket, reached through `connect` (the ssh bridge's end).
    let socket = env.dir.path().join("none.sock");
    let out = env
        .cmd(ADMIN, &["connect", "--socket"])
        .arg(&socket)
        .env("LANG", "fr_FR.UTF-8")
        .stdin(Stdio::null())
        .output()
        .expect("run selfserve");
    let err = assert_fails(&out, 5);
    assert!(
        err.contains("aucun serveur selfserve ne répond sur "),
        "{err}"
    );
    let err = assert_fails(
        &env.run(ADMIN, &["product", "list", "--remote", "jump:port"]),
        2,
    );
    assert!(err.contains("the port is not a number"), "{err}");
    let err = assert_fails(
        &env.run(
            ADMIN,
            &["product", "list", "--remote", "jump:port", "--lang", "fr"],
        ),
        2,
    );
    assert!(err.contains("le port n'est pas un nombre"), "{err}");
}
