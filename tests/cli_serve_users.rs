//! `selfserve serve` as several operating-system users: the kernel says who connects, roles hold
//! per uid, `SELFSERVE_USER` counts only from the server's own uid or root. Users and a group are
//! created with useradd/groupadd, so this needs root (as CI runs); it says so and skips otherwise.

mod common;

use common::server::Server;
use common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

/// Users and a group made for one test, removed when it ends (even on failure).
struct Accounts {
    group: String,
    users: Vec<String>,
}

impl Accounts {
    fn create(tag: &str) -> Accounts {
        let base = format!("ss_test_{}_{tag}", std::process::id());
        let group = format!("{base}_g");
        run_ok(Command::new("groupadd").arg(&group));
        let mut accounts = Accounts {
            group,
            users: Vec::new(),
        };
        for (name, in_group) in [("a", true), ("b", true), ("c", true), ("d", false)] {
            let user = format!("{base}_{name}");
            let mut add = Command::new("useradd");
            add.args(["-M", "-N", "-s", "/bin/sh"]);
            if in_group {
                add.args(["-G", &accounts.group]);
            }
            run_ok(add.arg(&user));
            accounts.users.push(user);
        }
        accounts
    }

    fn user(&self, i: usize) -> &str {
        &self.users[i]
    }
}

impl Drop for Accounts {
    fn drop(&mut self) {
        for user in &self.users {
            let _ = Command::new("userdel").arg(user).output();
        }
        let _ = Command::new("groupdel").arg(&self.group).output();
    }
}

fn run_ok(cmd: &mut Command) {
    let out = cmd.output().expect("run");
    assert!(out.status.success(), "{cmd:?}: {}", stderr(&out));
}

/// The binary, copied where every user may run it (target/ may sit under a private directory).
fn public_binary(dir: &Path) -> PathBuf {
    let bin = dir.join("selfserve");
    std::fs::copy(env!("CARGO_BIN_EXE_selfserve"), &bin).expect("copy the binary");
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    bin
}

/// Runs the binary as `user`, with no SELFSERVE_USER unless `as_login` is given.
fn run_as(
    bin: &Path,
    env: &Env,
    socket: &Path,
    user: &str,
    as_login: Option<&str>,
    args: &[&str],
) -> Output {
    let mut cmd = Command::new("runuser");
    cmd.args(["-u", user, "--"])
        .arg(bin)
        .arg("--db")
        .arg(&env.db)
        .arg("--socket")
        .arg(socket)
        .args(args)
        .env_clear()
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .env("SELFSERVE_NOW", NOW)
        .env("NO_COLOR", "1")
        .current_dir("/");
    if let Some(login) = as_login {
        cmd.env("SELFSERVE_USER", login);
    }
    cmd.output().expect("runuser")
}

fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// Two directory users who are no administrators yet.
fn plain_upns(env: &Env) -> Vec<String> {
    let admins = env.json(ADMIN, &["admin", "list"]);
    let taken: Vec<&str> = admins
        .as_array()
        .expect("admins")
        .iter()
        .filter_map(|a| a["user_principal_name"].as_str())
        .collect();
    let export = stdout(&env.run(ADMIN, &["user", "export"]));
    let mut upns: Vec<String> = Vec::new();
    for line in export.lines().skip(1) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes());
        let Some(Ok(record)) = reader.records().next() else {
            continue;
        };
        let upn = record.get(1).unwrap_or_default().to_string();
        if !taken.contains(&upn.as_str()) && !upns.contains(&upn) {
            upns.push(upn);
        }
    }
    upns.truncate(2);
    assert_eq!(upns.len(), 2, "two plain users in the demo");
    upns
}

#[test]
fn each_uid_acts_as_its_own_login_with_its_role() {
    if !is_root() {
        eprintln!("SKIPPED each_uid_acts_as_its_own_login_with_its_role: needs root to create users (CI runs as root)");
        return;
    }
    let accounts = Accounts::create("roles");
    let (reader, admin, unbound, outsider) = (
        accounts.user(0),
        accounts.user(1),
        accounts.user(2),
        accounts.user(3),
    );
    // The server runs as root here; the directory holding the socket must let the users through.
    let env = Env::demo_in_process();
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    let bin = public_binary(env.dir.path());
    let upns = plain_upns(&env);
    for (upn, role, login) in [
        (&upns[0], "GlobalReader", reader),
        (&upns[1], "GlobalAdministrator", admin),
    ] {
        let out = env.run(
            ADMIN,
            &["admin", "add", upn, "--role", role, "--login", login],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    let socket = common::server::socket_beside(&env.db);
    let server = Server::start(&env.db, &socket, &["--group", &accounts.group]);
    let run = |user: &str, as_login: Option<&str>, args: &[&str]| {
        run_as(&bin, &env, &socket, user, as_login, args)
    };

    // The reader reads, and may not write.
    let out = run(reader, None, &["product", "list", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_fails(
        &run(reader, None, &["policy", "set", POWER_BI_PRO, "Disabled"]),
        3,
    );
    // The administrator writes.
    let out = run(admin, None, &["policy", "set", POWER_BI_PRO, "Disabled"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(server
        .log_text()
        .contains(&format!("{admin}: SetPolicy done")));

    // SELFSERVE_USER from another uid is refused, reads included; asking for oneself is fine.
    let err = assert_fails(&run(reader, Some(ADMIN), &["product", "list"]), 3);
    assert!(
        err.contains("SELFSERVE_USER=admin is honoured only"),
        "{err}"
    );
    let out = run(reader, Some(reader), &["product", "list"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    // A login bound to no administrator may not even read.
    let err = assert_fails(&run(unbound, None, &["product", "list"]), 3);
    assert!(err.contains("not bound to any administrator"), "{err}");
    // Outside the socket's group: the kernel refuses the connection.
    let err = assert_fails(&run(outsider, None, &["product", "list"]), 3);
    assert!(err.contains("may not connect"), "{err}");

    // Root, as the server's own uid here, may act as any login.
    let status = env.json(BILLING, &["server", "status"]);
    let logins: Vec<&str> = status
        .as_array()
        .expect("connections")
        .iter()
        .filter_map(|c| c["login"].as_str())
        .collect();
    assert_eq!(logins, vec![BILLING]);
}
