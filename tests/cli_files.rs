//! Files outside the database (issue 17, point 2): the export's temporary file and target, and
//! `--db` on a directory or file that is not a database.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const HEADER: &str = "Display name,User principal name,Product";

/// Every file under `dir` with its bytes (directories as an empty entry): what "untouched" means.
/// The test's own state home (`state/`, where each command logs) is not the command's target.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.file_name().is_some_and(|n| n == "state") {
            continue;
        }
        let meta = std::fs::symlink_metadata(&path).expect("stat");
        if meta.is_dir() {
            out.insert(path.clone(), Vec::new());
            out.extend(tree(&path));
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap_or_default());
        }
    }
    out
}

fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// A victim file elsewhere, which no export may write into.
fn victim(env: &Env) -> PathBuf {
    let dir = env.dir.path().join("elsewhere");
    std::fs::create_dir(&dir).expect("elsewhere");
    let file = dir.join("precious");
    std::fs::write(&file, "precious").expect("victim");
    file
}

/// Old versions wrote the export to `DIR/.NAME.PID.tmp` through `File::create`: a symbolic
/// link planted there made them write into whatever it named.
#[test]
fn a_link_at_the_old_temporary_name_is_not_followed() {
    let env = Env::demo();
    let victim = victim(&env);
    let out_dir = env.dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("out dir");
    let target = out_dir.join("users.csv");
    let child = env
        .cmd(ADMIN, &["user", "export", "--output"])
        .arg(&target)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn export");
    // Planted as soon as the pid is known, long before the export has its rows.
    std::os::unix::fs::symlink(
        &victim,
        out_dir.join(format!(".users.csv.{}.tmp", child.id())),
    )
    .expect("plant link");
    let out = child.wait_with_output().expect("export");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious"
    );
    let meta = std::fs::symlink_metadata(&target).expect("target");
    assert!(meta.is_file());
    assert!(std::fs::read_to_string(&target)
        .expect("csv")
        .starts_with(HEADER));
    // No temporary file of ours is left beside it.
    let names: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("out dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_link_at_the_target_is_refused_and_left_alone() {
    let env = Env::demo();
    let victim = victim(&env);
    let target = env.dir.path().join("users.csv");
    std::os::unix::fs::symlink(&victim, &target).expect("plant link");
    let out = env
        .cmd(ADMIN, &["user", "export", "--output"])
        .arg(&target)
        .output()
        .expect("run");
    let err = assert_fails(&out, 1);
    assert!(err.contains("symbolic link"), "{err}");
    assert!(std::fs::symlink_metadata(&target)
        .expect("target")
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious"
    );
}

#[test]
fn a_named_pipe_is_written_into_not_replaced() {
    let env = Env::demo();
    let fifo = env.dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let (tx, rx) = mpsc::channel();
    let reader_path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read_to_string(reader_path));
    });
    let out = env
        .cmd(ADMIN, &["user", "export", "--output"])
        .arg(&fifo)
        .output()
        .expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Old versions renamed a file over the pipe, and the reader waited for ever.
    let read = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the reader got the export")
        .expect("read the pipe");
    assert!(read.starts_with(HEADER), "{read}");
    assert!(std::fs::symlink_metadata(&fifo)
        .expect("pipe")
        .file_type()
        .is_fifo());
}

/// `/dev/stdout` is a link to `/proc/self/fd/1`; a private link of the same kind stands in for
/// it, since old versions renamed a file over the link (as root, over the real one).
#[test]
fn a_link_to_stdout_is_written_directly() {
    let env = Env::demo();
    let link = env.dir.path().join("stdout");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).expect("link");
    let out = env
        .cmd(ADMIN, &["user", "export", "--output"])
        .arg(&link)
        .output()
        .expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).starts_with(HEADER), "{}", stdout(&out));
}

/// `/dev/full`: "no space left" in words, exit 1, and the device still a device. As root (who
/// could replace the real one) a private copy of the node is used.
#[test]
fn a_full_device_is_said_in_words_and_never_replaced() {
    let env = Env::demo();
    let full = if is_root() {
        let node = env.dir.path().join("full");
        let made = Command::new("mknod")
            .arg(&node)
            .args(["c", "1", "7"])
            .status()
            .expect("mknod");
        assert!(made.success());
        node
    } else {
        PathBuf::from("/dev/full")
    };
    let users = env.dir.path().join("users.json");
    for command in [
        vec!["user", "export", "--output"],
        // `tenant export` writes its files the same way.
        vec![
            "tenant",
            "export",
            "--users",
            users.to_str().expect("path"),
            "--subscriptions",
        ],
    ] {
        let out = env.cmd(ADMIN, &command).arg(&full).output().expect("run");
        let err = assert_fails(&out, 1);
        assert!(err.contains("no space left"), "{command:?}: {err}");
        assert!(!err.contains("os error"), "{err}");
        assert!(std::fs::symlink_metadata(&full)
            .expect("device")
            .file_type()
            .is_char_device());
    }
}

/// A full disk while replacing a regular file: the old file stays whole.
#[test]
fn a_regular_file_on_a_full_disk_is_left_whole() {
    if !is_root() {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    }
    let env = Env::demo();
    let mount = env.dir.path().join("small");
    std::fs::create_dir(&mount).expect("mount point");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=4k"])
        .arg("tmpfs")
        .arg(&mount)
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    }
    let target = mount.join("users.csv");
    std::fs::write(&target, "old").expect("old export");
    // Fill what is left, so the export's temporary file cannot be written.
    let filler = std::fs::write(mount.join("filler"), vec![0u8; 8192]);
    assert!(filler.is_err(), "the tmpfs is full");
    let out = env
        .cmd(ADMIN, &["user", "export", "--output"])
        .arg(&target)
        .output()
        .expect("run");
    let kept = std::fs::read_to_string(&target);
    let left = std::fs::read_dir(&mount).expect("mount").count();
    let _ = Command::new("umount").arg(&mount).status();
    let err = assert_fails(&out, 1);
    assert!(err.contains("no space left"), "{err}");
    assert_eq!(kept.ok().as_deref(), Some("old"));
    assert_eq!(left, 2, "users.csv and the filler only");
}

/// A directory holding files of another program, even ones named like sled's: refused with
/// exit 5 by every command, nothing in it touched, nothing made beside it.
#[test]
fn a_foreign_directory_as_db_is_refused_untouched() {
    let env = Env::empty();
    std::fs::create_dir(&env.db).expect("dir");
    std::fs::write(env.db.join("db"), "my own data").expect("db");
    std::fs::write(env.db.join("conf"), "my settings").expect("conf");
    std::fs::write(env.db.join("report.txt"), "keep me").expect("report");
    let before = tree(env.dir.path());
    for args in [
        &["product", "list"][..],
        &["demo"][..],
        &["demo", "--force"][..],
        &["policy", "set", "CFQ7TTC0H9MP", "Disabled"][..],
    ] {
        let out = env.run(ADMIN, args);
        let err = assert_fails(&out, 5);
        assert!(err.contains("holds other files"), "{args:?}: {err}");
        assert_eq!(tree(env.dir.path()), before, "{args:?} touched something");
    }
}

#[test]
fn a_directory_of_other_files_is_not_made_a_database() {
    let env = Env::empty();
    std::fs::create_dir(&env.db).expect("dir");
    std::fs::write(env.db.join("notes.txt"), "keep me").expect("notes");
    let before = tree(env.dir.path());
    let out = env.run(ADMIN, &["demo"]);
    assert_fails(&out, 5);
    assert_eq!(tree(env.dir.path()), before);
}

/// `--db` naming a regular file: refused, and no staging directory left beside it.
#[test]
fn a_file_as_db_is_refused_and_nothing_is_left_beside_it() {
    let env = Env::empty();
    std::fs::write(&env.db, "a file").expect("file");
    let before = tree(env.dir.path());
    let out = env.run(ADMIN, &["demo"]);
    let err = assert_fails(&out, 5);
    assert!(err.contains("not a directory"), "{err}");
    assert_eq!(tree(env.dir.path()), before);
}

/// A creation that fails, even by a panic, removes what it made: the staging directory and the
/// database directory, up to the first directory that existed.
#[test]
fn a_failed_creation_removes_what_it_made() {
    let env = Env::empty();
    let db = env.dir.path().join("a").join("tenant.db");
    let before = tree(env.dir.path());
    let out = bin()
        .arg("--db")
        .arg(&db)
        .args(["--now", "+262142-12-31"])
        .env("SELFSERVE_USER", ADMIN)
        .arg("demo")
        .output()
        .expect("run");
    assert_ne!(code(&out), 0, "a date out of range makes no tenant");
    assert_eq!(tree(env.dir.path()), before, "{}", stderr(&out));
}

/// A disk that fills while the tenant is built: nothing is left on it.
#[test]
fn a_creation_on_a_full_disk_leaves_nothing() {
    if !is_root() {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    }
    let env = Env::empty();
    let mount = env.dir.path().join("small");
    std::fs::create_dir(&mount).expect("mount point");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k"])
        .arg("tmpfs")
        .arg(&mount)
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    }
    let out = bin()
        .arg("--db")
        .arg(mount.join("tenant.db"))
        .env("SELFSERVE_USER", ADMIN)
        .env("SELFSERVE_NOW", NOW)
        .arg("demo")
        .output()
        .expect("run");
    let left = tree(&mount);
    let _ = Command::new("umount").arg(&mount).status();
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(left.is_empty(), "{left:?}");
}
