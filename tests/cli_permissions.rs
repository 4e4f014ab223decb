//! Permission problems said as such (issue 17, point 5), and the pid file beside the database
//! never outliving its process. The other OS user is made with useradd, so that test needs root
//! (as CI runs); it says so and skips otherwise.

mod common;

use common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A user made for one test, removed when it ends (even on failure).
struct Account(String);

impl Account {
    fn create() -> Account {
        let name = format!("ss_perm_{}", std::process::id());
        let out = Command::new("useradd")
            .args(["-M", "-N", "-s", "/bin/sh"])
            .arg(&name)
            .output()
            .expect("useradd");
        assert!(out.status.success(), "useradd: {}", stderr(&out));
        Account(name)
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.0).output();
    }
}

/// The binary, copied where every user may run it (target/ may sit under a private directory).
fn public_binary(dir: &Path) -> PathBuf {
    let bin = dir.join("selfserve");
    std::fs::copy(env!("CARGO_BIN_EXE_selfserve"), &bin).expect("copy the binary");
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    bin
}

#[test]
fn another_users_database_is_a_permission_problem() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: making another OS user needs root (useradd)");
        return;
    }
    let env = Env::demo_in_process();
    // The way to the database is open; the database itself is its owner's alone (0700).
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    let mode = std::fs::metadata(&env.db).expect("db").permissions().mode() & 0o7777;
    assert_eq!(mode, 0o700);
    let bin = public_binary(env.dir.path());
    let account = Account::create();
    for args in [&["product", "list"][..], &["demo", "--force"][..]] {
        let out = Command::new("runuser")
            .args(["-u", &account.0, "--"])
            .arg(&bin)
            .arg("--db")
            .arg(&env.db)
            .args(args)
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("SELFSERVE_NOW", NOW)
            .env("LANG", "C.UTF-8")
            .current_dir("/")
            .output()
            .expect("runuser");
        let err = assert_fails(&out, 5);
        let expected = format!(
            "permission denied on {} (owned by root, mode 0700); ask its owner, or use the server",
            env.db.display()
        );
        assert!(err.contains(&expected), "{args:?}: {err}");
    }
    // Nothing of the other user's was left in or beside it.
    let check = env.run(ADMIN, &["check"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
}

#[test]
fn the_pid_file_goes_when_the_command_ends() {
    let env = Env::demo_in_process();
    let out = env.run(ADMIN, &["product", "list"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!env.db.join("selfserve.pid").exists());
}

/// A pid file naming a process that is not selfserve (a killed one's pid, given since to
/// another program) is as good as none: the message names no holder.
#[test]
fn a_stale_pid_file_names_no_one() {
    let env = Env::demo_in_process();
    let mut other = Command::new("sleep").arg("60").spawn().expect("sleep");
    std::fs::write(env.db.join("selfserve.pid"), other.id().to_string()).expect("pid file");
    // This test process holds the database; it is not a selfserve.
    let held = sled::open(&env.db).expect("hold the database");
    let out = env.run(ADMIN, &["product", "list"]);
    drop(held);
    let _ = other.kill();
    let _ = other.wait();
    let err = assert_fails(&out, 5);
    assert!(err.contains("in use"), "{err}");
    assert!(!err.contains(&other.id().to_string()), "{err}");
}
