//! SIGKILL of `selfserve serve` while a move, a cancellation or a centralisation of 10,000 users
//! goes through it (issue 9, item 6; issue 17, point 8): after every kill and a restart,
//! `selfserve check` is clean, the write is whole or absent (its audit event and buyer e-mail
//! with it), and a client the kill cut off said in one line that the server went away and
//! exited 5.
//!
//! The tenant is common/moves.rs's. Each round sends the command through the server and kills
//! the server at a random moment within the round's own slice of twice the
//! time a whole one takes, so early rounds land before the commit and late ones after it; the
//! loop must see both. `SELFSERVE_KILL_ITERATIONS` bounds it (10 by default, at least 2);
//! `SELFSERVE_KILL_SEED` replays a run.

mod common;

use common::moves::*;
use common::server::{socket_beside, Server};
use common::*;
use selfserve_core::model::SubscriptionId;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

/// Starts `op`; it goes through the server on the socket beside the database.
fn through_server(env: &Env, op: Op, from: SubscriptionId, to: SubscriptionId) -> Child {
    env.cmd(ADMIN, &[])
        .args(op.args(from, to))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn")
}

/// A client cut off by the kill: exit 5 and one line saying the server went away.
fn assert_told_the_server_went_away(out: &Output) {
    let err = assert_fails(out, 5);
    assert!(err.contains("went away"), "{err}");
}

fn kill_loop(op: Op, rounds: usize) {
    assert!(
        rounds >= 2,
        "a kill loop needs two rounds or more to see both outcomes"
    );
    let env = Env::empty();
    let (mut from, mut to) = setup(&env.db);
    let buyer = buyer_of(&env.db, from);
    let seed = seed();
    eprintln!("SELFSERVE_KILL_SEED={seed}");
    let mut rng = Rng(seed);
    let socket = socket_beside(&env.db);
    // The write's events and e-mails so far, counted while no server holds the database.
    let mut before = recorded_at(&env.db, op);
    let mut users = holders(&env.db, from);
    let mut server = Server::start(&env.db, &socket, &[]);
    // A first, unkilled write through the server tells how long a whole one takes.
    let mut whole_ms: u64 = {
        let started = Instant::now();
        let out = through_server(&env, op, from, to)
            .wait_with_output()
            .expect("write");
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let ms = started.elapsed().as_millis() as u64;
        server.stop();
        assert!(verify(&env.db, op, from, to, before));
        (from, to) = next_round(&env.db, op, to, buyer, &users);
        before = recorded_at(&env.db, op);
        users = holders(&env.db, from);
        server = Server::start(&env.db, &socket, &[]);
        ms.max(50)
    };
    let name = op.name();
    eprintln!("a whole {name} of {USERS} users through the server takes {whole_ms} ms");
    let (mut nothing, mut whole, mut cut_off) = (0, 0, 0);
    for round in 0..rounds {
        let slice = (2 * whole_ms / rounds as u64).max(1);
        let delay = round as u64 * slice + rng.next() % slice;
        let mut client = through_server(&env, op, from, to);
        let started = Instant::now();
        let deadline = started + Duration::from_millis(delay);
        let finished = loop {
            if client.try_wait().expect("poll").is_some() {
                whole_ms = whole_ms.max(started.elapsed().as_millis() as u64);
                break true;
            }
            if Instant::now() >= deadline {
                break false;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        server.kill();
        let out = client.wait_with_output().expect("the client ends");
        // A client the kill came too late for finished its write (exit 0).
        if code(&out) != 0 {
            assert_told_the_server_went_away(&out);
            cut_off += 1;
        }
        let happened = verify(&env.db, op, from, to, before);
        eprintln!(
            "round {round}: server killed after {delay} ms ({}): {name} {}",
            if finished {
                "the client had finished"
            } else {
                "the client was waiting"
            },
            if happened { "whole" } else { "absent" }
        );
        if happened {
            whole += 1;
            (from, to) = next_round(&env.db, op, to, buyer, &users);
        } else {
            nothing += 1;
        }
        before = recorded_at(&env.db, op);
        users = holders(&env.db, from);
        // Restarted on the socket the killed one left, the server answers and `check` is clean.
        server = Server::start(&env.db, &socket, &[]);
        let out = env.run(ADMIN, &["check"]);
        assert_eq!(code(&out), 0, "check after a restart: {}", stdout(&out));
    }
    server.stop();
    eprintln!("{rounds} kills: {nothing} {name}s absent, {whole} whole, {cut_off} clients cut off");
    assert_eq!(nothing + whole, rounds);
    assert!(
        nothing > 0,
        "no kill landed before a {name} committed (SELFSERVE_KILL_SEED={seed})"
    );
    assert!(
        whole > 0,
        "no {name} completed: every kill came before its commit (SELFSERVE_KILL_SEED={seed})"
    );
    assert!(
        cut_off > 0,
        "no client was cut off by a kill (SELFSERVE_KILL_SEED={seed})"
    );
}

#[test]
#[ignore = "long: SIGKILLs the server during many moves of 10,000 users; CI runs it with SELFSERVE_KILL_ITERATIONS"]
fn many_server_kills_during_moves_leave_each_whole_or_absent() {
    kill_loop(Op::Move, iterations());
}

#[test]
#[ignore = "long: SIGKILLs the server during many cancellations of 10,000 users; CI runs it with SELFSERVE_KILL_ITERATIONS"]
fn many_server_kills_during_cancellations_leave_each_whole_or_absent() {
    kill_loop(Op::Cancel, iterations());
}

#[test]
#[ignore = "long: SIGKILLs the server during many centralisations of 10,000 users; CI runs it with SELFSERVE_KILL_ITERATIONS"]
fn many_server_kills_during_centralisations_leave_each_whole_or_absent() {
    kill_loop(Op::Centralise, iterations());
}
