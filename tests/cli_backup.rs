//! `selfserve backup` and `selfserve restore` on real databases: the same tenant back, whole and
//! consistent even while a server writes; damaged files refused with nothing created; an
//! existing database replaced only with --force, by its GlobalAdministrator.

mod common;

use common::*;
use std::path::{Path, PathBuf};

fn backup(env: &Env, file: &Path) {
    let out = env.run(ADMIN, &["backup", file.to_str().expect("path")]);
    assert!(out.status.success(), "backup: {}", stderr(&out));
}

/// A database path in `env`'s directory, never served.
fn other_db(env: &Env, name: &str) -> Env {
    let db = env.dir.path().join(name);
    Env {
        dir: tempfile::tempdir().expect("temp dir"),
        db,
        server: None,
    }
}

fn restore(env: &Env, login: &str, file: &Path, force: bool) -> std::process::Output {
    let mut args = vec!["restore", file.to_str().expect("path")];
    if force {
        args.push("--force");
    }
    env.run(login, &args)
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_restored_backup_is_the_same_tenant_and_checks_clean() {
    let env = Env::demo();
    let file = env.dir.path().join("tenant.bak");
    backup(&env, &file);
    let copy = other_db(&env, "restored.db");
    let out = restore(&copy, ADMIN, &file, false);
    assert!(out.status.success(), "restore: {}", stderr(&out));
    assert!(stderr(&out).contains("Restored"), "{}", stderr(&out));
    let check = copy.run(ADMIN, &["check"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
    for list in [
        &["subscription", "list"][..],
        &["product", "list"],
        &["policy", "list"],
        &["admin", "list"],
        &["audit", "list"],
        &["outbox", "list"],
    ] {
        assert_eq!(env.json(ADMIN, list), copy.json(ADMIN, list), "{list:?}");
    }
    // New e-mails and audit events get new ids: none overwrites a restored one.
    let audit = |e: &Env| {
        e.json(ADMIN, &["audit", "list"])
            .as_array()
            .expect("list")
            .len()
    };
    let outbox = |e: &Env| {
        e.json(ADMIN, &["outbox", "list"])
            .as_array()
            .expect("list")
            .len()
    };
    let (events, emails) = (audit(&copy), outbox(&copy));
    let sub = copy.json(ADMIN, &["subscription", "list", "--self-service"])[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    for args in [
        &["policy", "set", "CFQ7TTC0H9MP", "Disabled"][..],
        &["subscription", "take-over", &sub],
        &["subscription", "cancel", &sub, "--reason", "other"],
    ] {
        let out = copy.run(ADMIN, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(audit(&copy), events + 3);
    assert!(outbox(&copy) > emails);
    assert_eq!(code(&copy.run(ADMIN, &["check"])), 0);
}

#[test]
fn a_backup_through_a_running_server_leaves_it_serving() {
    let mut env = Env::demo();
    if env.server.is_none() {
        env.serve();
    }
    let file = env.dir.path().join("served.bak");
    backup(&env, &file);
    // Still served: the next command is answered by the server, and the backup restores.
    let rows = env.json(READER, &["product", "list"]);
    assert!(rows.as_array().is_some_and(|r| !r.is_empty()));
    let log = env.server.as_ref().expect("server").log_text();
    assert!(!log.is_empty());
    let copy = other_db(&env, "copy.db");
    assert!(restore(&copy, ADMIN, &file, false).status.success());
    assert_eq!(
        env.json(ADMIN, &["subscription", "list"]),
        copy.json(ADMIN, &["subscription", "list"])
    );
}

#[test]
fn backups_taken_while_a_server_writes_are_each_consistent() {
    let mut env = Env::demo();
    if env.server.is_none() {
        env.serve();
    }
    // A central subscription with free licenses, and users to assign and unassign in a loop.
    let subs = env.json(ADMIN, &["subscription", "list"]);
    let central = subs
        .as_array()
        .expect("list")
        .iter()
        .find(|s| {
            s["origin"] == "central"
                && s["status"] == "Active"
                && s["quantity"].as_u64() > s["assigned"].as_u64().map(|a| a + 1)
        })
        .expect("a central subscription with free licenses")["id"]
        .as_str()
        .expect("id")
        .to_string();
    let detail = env.json(ADMIN, &["subscription", "show", &central]);
    let held: Vec<String> = detail["users"]
        .as_array()
        .expect("users")
        .iter()
        .map(|u| u["user_principal_name"].as_str().expect("upn").to_string())
        .collect();
    let someone = held.first().expect("an assigned user").clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (stop, cmd_env) = (
            stop.clone(),
            (env.db.clone(), central.clone(), someone.clone()),
        );
        std::thread::spawn(move || {
            let (db, sub, upn) = cmd_env;
            let mut writes = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for verb in ["unassign", "assign"] {
                    let out = bin()
                        .env("SELFSERVE_DB", &db)
                        .env("SELFSERVE_NOW", NOW)
                        .env("SELFSERVE_USER", ADMIN)
                        .args(["license", verb, &sub, &upn])
                        .output()
                        .expect("run");
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    writes += 1;
                }
            }
            writes
        })
    };
    let files: Vec<PathBuf> = (0..4)
        .map(|i| {
            let file = env.dir.path().join(format!("busy-{i}.bak"));
            backup(&env, &file);
            file
        })
        .collect();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let writes = writer.join().expect("writer");
    assert!(writes > 0);
    for (i, file) in files.iter().enumerate() {
        let copy = other_db(&env, &format!("busy-{i}.db"));
        assert!(restore(&copy, ADMIN, file, false).status.success());
        let check = copy.run(ADMIN, &["check"]);
        assert_eq!(code(&check), 0, "backup {i}: {}", stdout(&check));
    }
}

#[test]
fn a_damaged_backup_is_refused_with_its_reason_and_nothing_is_created() {
    let env = Env::demo();
    let file = env.dir.path().join("good.bak");
    backup(&env, &file);
    let good = std::fs::read(&file).expect("read");
    let line_end = good.iter().position(|b| *b == b'\n').expect("line") + 1;
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x01;
    let mut newer = b"selfserve-backup 2\n".to_vec();
    newer.extend_from_slice(&good[line_end..]);
    let mut longer = good.clone();
    longer.extend_from_slice(b"more");
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("truncated", good[..good.len() * 2 / 3].to_vec(), "checksum"),
        (
            "cut-in-the-line",
            good[..5].to_vec(),
            "not a selfserve backup",
        ),
        ("flipped", flipped, "checksum"),
        ("wrong-version", newer, "format version 2"),
        ("trailing", longer, "checksum"),
        ("empty", Vec::new(), "not a selfserve backup"),
    ];
    let place = tempfile::tempdir().expect("temp dir");
    for (name, bytes, reason) in cases {
        let bad = env.dir.path().join(format!("{name}.bak"));
        std::fs::write(&bad, bytes).expect("write");
        let target = Env {
            dir: tempfile::tempdir().expect("temp dir"),
            db: place.path().join(name),
            server: None,
        };
        let err = assert_fails(&restore(&target, ADMIN, &bad, false), 1);
        assert!(err.contains(reason), "{name}: {err}");
        assert!(err.contains("nothing was restored"), "{name}: {err}");
    }
    // Nothing was made where the databases would have gone: no database, no staging directory.
    assert!(
        entries(place.path()).is_empty(),
        "{:?}",
        entries(place.path())
    );
    let missing = Env {
        dir: tempfile::tempdir().expect("temp dir"),
        db: place.path().join("missing"),
        server: None,
    };
    assert_fails(
        &restore(&missing, ADMIN, &env.dir.path().join("no-such.bak"), false),
        4,
    );
}

#[test]
fn restoring_over_a_database_needs_force_and_its_global_administrator() {
    let env = Env::demo_in_process();
    let file = env.dir.path().join("before.bak");
    backup(&env, &file);
    // A change after the backup, which a restore takes back.
    let out = env.run(ADMIN, &["policy", "set", "CFQ7TTC0H9MP", "Disabled"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let changed = env.json(ADMIN, &["policy", "list"]);

    let err = assert_fails(&restore(&env, ADMIN, &file, false), 1);
    assert!(err.contains("already exists"), "{err}");
    for (login, says) in [
        (READER, "global administrator"),
        (BILLING, "global administrator"),
        ("nobody", "not bound"),
    ] {
        let err = assert_fails(&restore(&env, login, &file, true), 3);
        assert!(err.contains(says), "{login}: {err}");
    }
    assert_eq!(env.json(ADMIN, &["policy", "list"]), changed);

    let out = restore(&env, ADMIN, &file, true);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(env.json(ADMIN, &["policy", "list"]), changed);
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
    // The old database went with nothing left beside the new one.
    let beside: Vec<String> = entries(env.dir.path())
        .into_iter()
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[test]
fn a_damaged_database_is_replaced_by_a_global_administrator_of_the_backup() {
    let env = Env::demo_in_process();
    let file = env.dir.path().join("last-good.bak");
    backup(&env, &file);
    // Damage: sled's data file overwritten.
    std::fs::write(env.db.join("db"), vec![0x5a; 4096]).expect("damage");
    let err = assert_fails(&env.run(ADMIN, &["product", "list"]), 5);
    assert!(err.contains("selfserve restore"), "{err}");
    assert!(!err.contains("demo --force"), "{err}");
    assert_fails(&restore(&env, READER, &file, true), 3);
    let out = restore(&env, ADMIN, &file, true);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
}

#[test]
fn other_files_are_never_restored_into_nor_removed() {
    let env = Env::demo_in_process();
    let file = env.dir.path().join("t.bak");
    backup(&env, &file);
    let foreign = env.dir.path().join("shared");
    std::fs::create_dir(&foreign).expect("dir");
    std::fs::write(foreign.join("notes.txt"), "keep me").expect("file");
    let target = Env {
        dir: tempfile::tempdir().expect("temp dir"),
        db: foreign.clone(),
        server: None,
    };
    assert_fails(&restore(&target, ADMIN, &file, true), 5);
    assert_eq!(entries(&foreign), ["notes.txt"]);
    // A database with someone else's file beside it is replaced, and the file stays, as
    // `demo --force` and `init --force` leave it.
    std::fs::write(env.db.join("notes.txt"), "keep me").expect("file");
    let out = restore(&env, ADMIN, &file, true);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(env.db.join("notes.txt")).expect("kept"),
        "keep me"
    );
    assert_eq!(code(&env.run(ADMIN, &["check"])), 0);
}

#[test]
fn a_backup_replaces_only_a_regular_file_and_only_with_force() {
    let env = Env::demo();
    let file = env.dir.path().join("again.bak");
    backup(&env, &file);
    let err = assert_fails(
        &env.run(ADMIN, &["backup", file.to_str().expect("path")]),
        1,
    );
    assert!(err.contains("already exists"), "{err}");
    let out = env.run(ADMIN, &["backup", file.to_str().expect("path"), "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_fails(&env.run(ADMIN, &["backup", "/dev/null", "--force"]), 1);
    assert!(Path::new("/dev/null")
        .metadata()
        .is_ok_and(|m| !m.is_file()));
    let json = env.json(ADMIN, &["backup", file.to_str().expect("path"), "--force"]);
    assert_eq!(json["sha256"].as_str().map(str::len), Some(64));
}
