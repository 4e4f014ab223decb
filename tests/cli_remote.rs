//! `--remote` and `selfserve connect`: the socket protocol carried by ssh. One test always runs,
//! with `SELFSERVE_SSH` set to a script that runs `selfserve connect` on this host; one runs a real
//! `sshd` on 127.0.0.1 with key authentication for a user made with useradd (it needs root and
//! OpenSSH's server, as CI has; without them it says so and skips).

mod common;

use common::server::{socket_beside, Server};
use common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";

fn write_executable(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// The binary in `dir/bin`, where every user may run it and a PATH can point.
fn public_binary(dir: &Path) -> PathBuf {
    let bin_dir = dir.join("bin");
    std::fs::create_dir_all(&bin_dir).expect("bin dir");
    std::fs::set_permissions(&bin_dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let bin = bin_dir.join("selfserve");
    std::fs::copy(env!("CARGO_BIN_EXE_selfserve"), &bin).expect("copy the binary");
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    bin_dir
}

/// A directory user who is no administrator yet (from the licensed users' export).
fn plain_upn(env: &Env) -> String {
    let admins = env.json(ADMIN, &["admin", "list"]).to_string();
    let export = stdout(&env.run(ADMIN, &["user", "export"]));
    export
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(1))
        .map(|upn| upn.trim_matches('"').to_string())
        .find(|upn| upn.contains('@') && !admins.contains(upn.as_str()))
        .expect("a user who is no administrator")
}

fn bind(env: &Env, login: &str) {
    let upn = plain_upn(env);
    let out = env.run(
        ADMIN,
        &[
            "admin",
            "add",
            &upn,
            "--role",
            "GlobalAdministrator",
            "--login",
            login,
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

/// This process's login: the one a local `selfserve connect` connects as.
fn my_login() -> String {
    nix::unistd::User::from_uid(nix::unistd::geteuid())
        .ok()
        .flatten()
        .map(|u| u.name)
        .expect("this process's login")
}

/// `selfserve --remote DEST ARGS` with `SELFSERVE_SSH` set to `ssh`, and `SELFSERVE_USER`
/// set to `admin`, which `--remote` does not send.
fn remote(ssh: &str, dest: &str, args: &[&str], extra_env: &[(&str, &Path)]) -> Output {
    let mut cmd = bin();
    cmd.arg("--remote")
        .arg(dest)
        .args(args)
        .env("SELFSERVE_SSH", ssh)
        .env("SELFSERVE_NOW", NOW)
        .env("SELFSERVE_USER", ADMIN);
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    cmd.output().expect("run selfserve --remote")
}

#[test]
fn remote_through_a_local_selfserve_ssh_reads_and_writes_as_the_login_that_connects() {
    let env = Env::demo_in_process();
    let bin_dir = public_binary(env.dir.path());
    // Stands in for ssh: drops the destination and runs `selfserve connect` here.
    let fake_ssh = env.dir.path().join("fake-ssh");
    write_executable(&fake_ssh, "#!/bin/sh\nshift\nexec \"$@\"\n");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let ssh = fake_ssh.to_str().expect("utf-8 path");
    let run = |args: &[&str]| {
        let mut cmd = bin();
        cmd.arg("--remote")
            .arg("someone@jump")
            .args(args)
            .env("SELFSERVE_SSH", ssh)
            .env("SELFSERVE_NOW", NOW)
            .env("SELFSERVE_USER", ADMIN)
            .env("SELFSERVE_DB", &env.db)
            .env("PATH", &path);
        cmd.output().expect("run selfserve --remote")
    };

    // No server on the other side: its `connect` says so, in one line.
    let err = assert_fails(&run(&["product", "list"]), 5);
    assert!(
        err.contains("on someone@jump: no selfserve server answers on"),
        "{err}"
    );

    let socket = socket_beside(&env.db);
    let server = Server::start(&env.db, &socket, &[]);
    // SELFSERVE_USER=admin is not sent: the login that connects acts, and it is bound to nobody.
    let login = my_login();
    let err = assert_fails(&run(&["product", "list"]), 3);
    assert!(err.contains("not bound to any administrator"), "{err}");
    bind(&env, &login);

    let out = run(&["product", "list", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(rows.as_array().is_some_and(|r| !r.is_empty()), "{rows}");
    let out = run(&["policy", "set", POWER_BI_PRO, "Disabled"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(server
        .log_text()
        .contains(&format!("{login}: SetPolicy done")));
    let status = run(&["server", "status", "--json"]);
    assert!(
        stdout(&status).contains("cli over ssh"),
        "{}",
        stdout(&status)
    );

    // `selfserve` missing on the other side.
    let mut cmd = bin();
    let out = cmd
        .args(["--remote", "someone@jump", "product", "list"])
        .env("SELFSERVE_SSH", ssh)
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("run");
    let err = assert_fails(&out, 5);
    assert!(
        err.contains("selfserve is not installed on someone@jump"),
        "{err}"
    );

    // No ssh at all.
    let err = assert_fails(
        &remote("/nonexistent/ssh", "jump", &["product", "list"], &[]),
        5,
    );
    assert!(err.contains("cannot run `/nonexistent/ssh`"), "{err}");

    // Commands about this host's files refuse --remote.
    let err = assert_fails(&remote(ssh, "jump", &["demo"], &[]), 2);
    assert!(err.contains("cannot run with --remote"), "{err}");
}

/// A user and a group made for the test, removed when it ends (even on failure).
struct Account {
    user: String,
    group: String,
}

impl Account {
    fn create(home: &Path) -> Account {
        let base = format!("ss_ssh_{}", std::process::id());
        let group = format!("{base}_g");
        run_ok(Command::new("groupadd").arg(&group));
        let user = format!("{base}_u");
        // `*`: no password, but not a locked account, which sshd would refuse without PAM.
        run_ok(
            Command::new("useradd")
                .args(["-M", "-N", "-s", "/bin/sh", "-p", "*", "-G", &group, "-d"])
                .arg(home)
                .arg(&user),
        );
        Account { user, group }
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.user).output();
        let _ = Command::new("groupdel").arg(&self.group).output();
    }
}

fn run_ok(cmd: &mut Command) {
    let out = cmd.output().expect("run");
    assert!(out.status.success(), "{cmd:?}: {}", stderr(&out));
}

/// `sshd -D` on 127.0.0.1 only, killed when dropped.
struct Sshd {
    child: Child,
    port: u16,
}

impl Sshd {
    fn start(dir: &Path, user: &str, bin_dir: &Path, socket: &Path) -> Sshd {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let host_key = keygen(dir, "host_key");
        let config = dir.join("sshd_config");
        std::fs::write(
            &config,
            format!(
                "ListenAddress 127.0.0.1\nPort {port}\nHostKey {}\nPidFile none\n\
                 AuthorizedKeysFile {}\nStrictModes no\nUsePAM no\n\
                 PasswordAuthentication no\nKbdInteractiveAuthentication no\nAllowUsers {user}\n\
                 SetEnv PATH={}:/usr/bin:/bin SELFSERVE_SOCKET={}\n",
                host_key.display(),
                dir.join("authorized_keys").display(),
                bin_dir.display(),
                socket.display()
            ),
        )
        .expect("sshd_config");
        // sshd wants its privilege-separation directory.
        std::fs::create_dir_all("/run/sshd").expect("/run/sshd");
        let log = dir.join("sshd.log");
        let child = Command::new("/usr/sbin/sshd")
            .arg("-D")
            .arg("-e")
            .arg("-f")
            .arg(&config)
            .stdin(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log"))
            .spawn()
            .expect("start sshd");
        let sshd = Sshd { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "sshd did not listen: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        sshd
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A new key pair `dir/name` (and `.pub`), no passphrase.
fn keygen(dir: &Path, name: &str) -> PathBuf {
    let key = dir.join(name);
    run_ok(
        Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&key),
    );
    key
}

fn ssh_command(key: &Path, port: u16) -> String {
    format!(
        "ssh -F /dev/null -i {} -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p {port}",
        key.display()
    )
}

#[test]
fn remote_through_a_real_sshd_acts_as_the_ssh_login() {
    let is_root = nix::unistd::geteuid().is_root();
    if !is_root || !Path::new("/usr/sbin/sshd").exists() {
        eprintln!(
            "SKIPPED remote_through_a_real_sshd_acts_as_the_ssh_login: needs root and /usr/sbin/sshd (apt-get install openssh-server; .ci/run does)"
        );
        return;
    }
    let env = Env::demo_in_process();
    // The server runs as root here; the test user must get through to the socket and binary.
    let dir = env.dir.path();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let bin_dir = public_binary(dir);
    let account = Account::create(dir);
    bind(&env, &account.user);
    let socket = socket_beside(&env.db);
    let server = Server::start(&env.db, &socket, &["--group", &account.group]);

    let key = keygen(dir, "key");
    let public = std::fs::read_to_string(dir.join("key.pub")).expect("key.pub");
    std::fs::write(dir.join("authorized_keys"), public).expect("authorized_keys");
    let sshd = Sshd::start(dir, &account.user, &bin_dir, &socket);
    let ssh = ssh_command(&key, sshd.port);
    let dest = format!("{}@127.0.0.1", account.user);

    let out = remote(&ssh, &dest, &["product", "list", "--json"], &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(rows.as_array().is_some_and(|r| !r.is_empty()), "{rows}");
    let out = remote(
        &ssh,
        &dest,
        &["policy", "set", POWER_BI_PRO, "Disabled"],
        &[],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The SSH login acted, not SELFSERVE_USER=admin.
    assert!(
        server
            .log_text()
            .contains(&format!("{}: SetPolicy done", account.user)),
        "{}",
        server.log_text()
    );
    let policy = env.json(ADMIN, &["policy", "get", POWER_BI_PRO]);
    assert!(policy.to_string().contains("Disabled"), "{policy}");

    // A key the server does not know: ssh's refusal, in one line, exit 3.
    let stranger = keygen(dir, "stranger");
    let err = assert_fails(
        &remote(
            &ssh_command(&stranger, sshd.port),
            &dest,
            &["product", "list"],
            &[],
        ),
        3,
    );
    assert!(err.contains("ssh could not log in"), "{err}");
    // Nobody listening: exit 5.
    drop(sshd);
    let err = assert_fails(&remote(&ssh, &dest, &["product", "list"], &[]), 5);
    assert!(err.contains("cannot reach"), "{err}");
}
