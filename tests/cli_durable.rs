//! "Done" means on the disk: after sled's flush (`sync_file_range`, which leaves the disk's cache),
//! the data file is fsynced before the write is reported. Watched with strace on a server, which
//! keeps the database open (a one-shot command also syncs when it closes it): between sled's last
//! flush and the reply on the socket there must be an fsync. Skipped, with a line saying so,
//! where strace is missing or may not trace.

mod common;

use common::server::{socket_beside, Server};
use common::*;
use std::process::Command;

#[test]
fn a_write_is_fsynced_before_the_server_replies() {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("SKIPPED: strace is not installed (.ci/run installs it)");
        return;
    }
    let env = Env::demo_in_process();
    let log = env.dir.path().join("strace.log");
    let mut strace = Command::new("strace");
    strace
        .args(["-f", "-yy", "-e"])
        .arg("trace=fsync,fdatasync,sync_file_range,write,writev,sendto,sendmsg")
        .arg("-o")
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_selfserve"));
    let socket = socket_beside(&env.db);
    let mut server = Server::start_with(strace, &env.db, &socket, &[]);
    let out = env.run(ADMIN, &["policy", "set", "CFQ7TTC0H9MP", "Disabled"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let trace = std::fs::read_to_string(&log).unwrap_or_default();
    // strace ends when the server it traces does: stop the server itself.
    let tracer = server.pid();
    let children = std::fs::read_to_string(format!("/proc/{tracer}/task/{tracer}/children"));
    for pid in children.unwrap_or_default().split_whitespace() {
        if let Ok(pid) = pid.parse::<i32>() {
            // SAFETY: kill only sends a signal to the server this test started.
            unsafe {
                libc::kill(pid, libc::SIGTERM);
            }
        }
    }
    server.stop();
    if trace.is_empty() {
        eprintln!("SKIPPED: strace may not trace here");
        return;
    }
    let data = format!("{}>", env.db.join("db").display());
    let lines: Vec<&str> = trace.lines().collect();
    let reply = lines
        .iter()
        .rposition(|l| l.contains("UNIX") && !l.contains("resumed"))
        .expect("the server replied on its socket");
    let flushed = lines[..reply]
        .iter()
        .rposition(|l| l.contains("sync_file_range(") && l.contains(&data))
        .expect("sled flushed the data file before the reply");
    assert!(
        lines[flushed..reply]
            .iter()
            .any(|l| (l.contains("fsync(") || l.contains("fdatasync(")) && l.contains(&data)),
        "no fsync of {data} between sled's flush and the reply:\n{}",
        lines[flushed..=reply].join("\n")
    );
}
