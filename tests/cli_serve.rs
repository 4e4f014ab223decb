//! `selfserve serve` for real: a server child on a temporary socket, driven by the real binary
//! and by raw sockets for what the binary never sends (garbage, a 4 GB frame, half a frame).

mod common;

use common::server::{socket_beside, Server};
use common::*;
use selfserve_server::protocol::{Hello, HelloReply, PROTOCOL};
use serde_json::Value;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

/// An in-process demo tenant and a server on the socket beside it.
fn served() -> (Env, Server) {
    let env = Env::demo_in_process();
    let server = Server::start(&env.db, &socket_beside(&env.db), &[]);
    (env, server)
}

/// Reads everything until the server closes the connection; panics if it keeps it open.
fn read_until_closed(stream: &mut UnixStream) -> Vec<u8> {
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let mut all = Vec::new();
    stream
        .read_to_end(&mut all)
        .expect("the server closes the connection");
    all
}

fn frame(payload: &[u8]) -> Vec<u8> {
    let mut out = (payload.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(payload);
    out
}

fn still_serves(env: &Env) {
    let out = env.run(READER, &["product", "list", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn commands_answer_the_same_through_the_server() {
    let env = Env::demo_in_process();
    let sub = env.json(ADMIN, &["subscription", "list"])[0]["id"]
        .as_str()
        .expect("an id")
        .to_string();
    let reads: Vec<Vec<&str>> = vec![
        vec!["product", "list"],
        vec!["subscription", "list", "--self-service"],
        vec!["subscription", "show", &sub],
        vec!["policy", "list"],
        vec!["admin", "list"],
        vec!["audit", "list"],
        vec!["outbox", "list"],
        vec!["check"],
    ];
    let direct: Vec<Value> = reads.iter().map(|r| env.json(READER, r)).collect();
    let export = stdout(&env.run(ADMIN, &["user", "export"]));

    let server = Server::start(&env.db, &socket_beside(&env.db), &[]);
    let served: Vec<Value> = reads.iter().map(|r| env.json(READER, r)).collect();
    assert_eq!(direct, served);
    assert_eq!(export, stdout(&env.run(ADMIN, &["user", "export"])));
    assert!(server
        .log_text()
        .contains("connection 1: reader (GlobalReader"));

    // A write goes through the server, is logged, and is seen by the next read.
    let set = env.json(ADMIN, &["policy", "set", POWER_BI_PRO, "Disabled"]);
    assert_eq!(set["policies"][0]["Changed"], true, "{set}");
    assert!(
        server.log_text().contains("admin: SetPolicy done"),
        "{}",
        server.log_text()
    );
    let policy = env.json(READER, &["policy", "get", POWER_BI_PRO]);
    assert_eq!(policy["PolicyValue"], "Disabled");
    assert_fails(
        &env.run(READER, &["policy", "set", POWER_BI_PRO, "Enabled"]),
        3,
    );
}

#[test]
fn readonly_is_honoured_through_the_socket() {
    let (env, _server) = served();
    let out = env.run(
        ADMIN,
        &["--readonly", "policy", "set", POWER_BI_PRO, "Disabled"],
    );
    assert_fails(&out, 3);
    let status = env.json(ADMIN, &["--readonly", "server", "status"]);
    let me = status
        .as_array()
        .and_then(|all| all.last())
        .expect("my connection");
    assert_eq!(me["read_only"], true);
    assert_eq!(
        env.json(READER, &["policy", "get", POWER_BI_PRO])["PolicyValue"],
        "Enabled"
    );
}

#[test]
fn server_status_lists_who_is_connected_and_says_when_none_runs() {
    let env = Env::demo_in_process();
    let err = assert_fails(&env.run(ADMIN, &["server", "status"]), 5);
    assert!(err.contains("no selfserve server answers"), "{err}");

    let _server = Server::start(&env.db, &socket_beside(&env.db), &[]);
    // A second connection held open while status is asked.
    let other = selfserve_server::Client::connect(&selfserve_server::Connect {
        socket: &socket_beside(&env.db),
        front_end: "dashboard",
        login: Some(BILLING),
        read_only: false,
    })
    .expect("connect")
    .expect("a server answers");
    let status = env.json(ADMIN, &["server", "status"]);
    let rows = status.as_array().expect("a list");
    let seen: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["login"].as_str().unwrap_or(""),
                r["role"].as_str().unwrap_or(""),
                r["front_end"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (BILLING, "BillingAdministrator", "dashboard"),
            (ADMIN, "GlobalAdministrator", "cli")
        ]
    );
    assert!(rows.iter().all(|r| r["since"].is_string()));
    let table = stdout(&env.run(ADMIN, &["server", "status"]));
    assert!(
        table.starts_with("Login") && table.contains("dashboard"),
        "{table}"
    );
    drop(other);
}

#[test]
fn a_stale_socket_is_replaced_and_a_live_server_is_not_stolen() {
    let (env, mut first) = served();
    let socket = first.socket.clone();

    // Another server on the same socket, or on the same database, refuses and names the holder.
    let again = env.run(ADMIN, &["serve"]);
    let err = assert_fails(&again, 5);
    assert!(err.contains(&format!("pid {}", first.pid())), "{err}");
    let elsewhere = env.dir.path().join("other.sock");
    let err = assert_fails(
        &env.run(ADMIN, &["serve", "--socket", elsewhere.to_str().unwrap()]),
        5,
    );
    assert!(err.contains("served by `selfserve serve`"), "{err}");
    // A direct open of the served database names the socket to use.
    let err = assert_fails(
        &env.run(
            ADMIN,
            &["--socket", elsewhere.to_str().unwrap(), "product", "list"],
        ),
        5,
    );
    assert!(
        err.contains(&format!("on the socket {}", socket.display())),
        "{err}"
    );
    assert!(socket.exists(), "the live socket is left alone");

    // Killed: the socket stays, and nobody answers on it.
    first.kill();
    assert!(socket.exists());
    // A command finds nobody there and opens the database itself.
    still_serves(&env);
    let second = Server::start(&env.db, &socket, &[]);
    assert!(
        second.log_text().contains("replacing the stale socket"),
        "{}",
        second.log_text()
    );
    still_serves(&env);
}

#[test]
fn sigterm_and_sigint_stop_the_server_and_remove_the_socket() {
    let env = Env::demo_in_process();
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let mut server = Server::start(&env.db, &socket_beside(&env.db), &[]);
        still_serves(&env);
        server.signal(signal);
        let status = server.stop();
        assert!(status.success(), "{status}: {}", server.log_text());
        assert!(!server.socket.exists(), "the socket is removed");
        assert!(server.log_text().contains("stopped"));
        // The database is free again.
        still_serves(&env);
        assert!(!env.db.join("selfserve.socket").exists());
    }
}

#[test]
fn hostile_frames_close_their_connection_and_the_server_keeps_serving() {
    let (env, server) = served();
    let connect = || UnixStream::connect(&server.socket).expect("connect");

    // Garbage: "GET " read as a length is over a gigabyte.
    let mut garbage = connect();
    garbage.write_all(b"GET / HTTP/1.1\r\n\r\n").expect("send");
    read_until_closed(&mut garbage);
    still_serves(&env);

    // Short garbage inside a frame: refused, then closed.
    let mut short = connect();
    short.write_all(&frame(&[0xff, 0xff, 0xff])).expect("send");
    let reply = read_until_closed(&mut short);
    assert!(reply.len() > 4, "a refusal before the close");

    // A frame claiming 4 GB.
    let mut huge = connect();
    huge.write_all(&u32::MAX.to_be_bytes()).expect("send");
    read_until_closed(&mut huge);
    still_serves(&env);

    // Half a frame, then the client stops writing.
    let mut half = connect();
    half.write_all(&100u32.to_be_bytes()).expect("send");
    half.write_all(&[1u8; 10]).expect("send");
    half.shutdown(std::net::Shutdown::Write).expect("shutdown");
    read_until_closed(&mut half);

    // Half a frame held open: others are served meanwhile.
    let mut stuck = connect();
    stuck.write_all(&100u32.to_be_bytes()).expect("send");
    still_serves(&env);

    // Thousands of quick connections, and more held open than one user may have.
    for _ in 0..2000 {
        drop(connect());
    }
    let held: Vec<UnixStream> = (0..80).map(|_| connect()).collect();
    // The server admits each connection in a task of its own, and a busy machine may run the
    // command's before the held ones': ask again until they have their places (well within
    // the 10 s a connection may wait for its hello).
    let deadline = std::time::Instant::now() + Duration::from_secs(8);
    let err = loop {
        let out = env.run(READER, &["product", "list"]);
        if code(&out) != 0 || std::time::Instant::now() > deadline {
            break assert_fails(&out, 5);
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(err.contains("too many connections"), "{err}");
    drop(held);
    drop(stuck);
    // Places come back as the server notices the closes.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while code(&env.run(READER, &["product", "list"])) != 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "{}",
            server.log_text()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        server.log_text().contains("closed: an unreadable"),
        "{}",
        server.log_text()
    );
}

/// The server's reply to a hello as another version of selfserve would send it.
fn reply_to_hello(socket: &Path, protocol: u32) -> HelloReply {
    let hello = Hello {
        protocol,
        front_end: "cli".into(),
        login: None,
        read_only: false,
    };
    let mut stream = UnixStream::connect(socket).expect("connect");
    let payload = postcard::to_stdvec(&hello).expect("encode");
    stream.write_all(&frame(&payload)).expect("send");
    let reply = read_until_closed(&mut stream);
    postcard::from_bytes(&reply[4..]).expect("a hello reply")
}

#[test]
fn a_client_of_another_protocol_version_is_told_what_to_upgrade() {
    let (_env, server) = served();
    let line = |reply: HelloReply| match reply {
        HelloReply::Refused(e) => {
            assert_eq!(e.exit_code(), 5);
            e.to_string()
        }
        other => panic!("expected a refusal, got {other:?}"),
    };
    let older = line(reply_to_hello(&server.socket, PROTOCOL - 1));
    assert!(older.contains("upgrade selfserve on this host"), "{older}");
    let newer = line(reply_to_hello(&server.socket, PROTOCOL + 1));
    assert!(newer.contains("upgrade selfserve on the server"), "{newer}");
}

#[test]
fn a_server_that_goes_away_mid_session_is_one_error_exit_5() {
    let (env, mut server) = served();
    let client = selfserve_server::Client::connect(&selfserve_server::Connect {
        socket: &server.socket,
        front_end: "cli",
        login: Some(READER),
        read_only: false,
    })
    .expect("connect")
    .expect("a server answers");
    let request = || selfserve_core::api::Request::ProductRows {
        self_service: false,
        now: chrono::Utc::now(),
    };
    assert!(client.call(request()).is_ok());
    server.kill();
    let err = client.call(request()).expect_err("the server is gone");
    assert_eq!(err.exit_code(), 5);
    assert!(err.to_string().contains("went away"), "{err}");
    drop(env);
}

#[test]
fn the_socket_is_the_owners_alone_or_its_groups() {
    let env = Env::demo_in_process();
    let socket = socket_beside(&env.db);
    let mode = |p: &Path| std::fs::metadata(p).expect("socket").permissions().mode() & 0o777;
    let mut private = Server::start(&env.db, &socket, &[]);
    assert_eq!(mode(&socket), 0o600);
    private.stop();

    // Our own primary group: any user may give a file to it.
    let gid = nix::unistd::getegid();
    let group = nix::unistd::Group::from_gid(gid)
        .expect("group database")
        .expect("a primary group")
        .name;
    let _shared = Server::start(&env.db, &socket, &["--group", &group]);
    assert_eq!(mode(&socket), 0o660);
    assert_eq!(
        std::fs::metadata(&socket).expect("socket").gid(),
        gid.as_raw()
    );

    let other = env.dir.path().join("other.sock");
    let err = assert_fails(
        &env.run(
            ADMIN,
            &[
                "serve",
                "--group",
                "no-such-group-here",
                "--socket",
                other.to_str().unwrap(),
            ],
        ),
        2,
    );
    assert!(err.contains("no group"), "{err}");
}
