//! An import file larger than a protocol frame (16 MiB) and than a report lists: in-process the
//! core reads it from disk as a stream; through `selfserve serve` the command line sends it in
//! pieces the server spools. Both give the same tenant, and the report lists the first 10,000
//! changes and counts the rest.

mod common;

use common::*;
use std::path::Path;

const USERS: usize = 20_000;

/// 20,000 users with an 860-character title the import ignores: a file of about 18 MB.
fn large_users_csv(path: &Path) {
    write_users_csv(path, USERS, 860);
    let size = std::fs::metadata(path).expect("size").len();
    assert!(
        size > 16 * 1024 * 1024,
        "the file must exceed a frame: {size} bytes"
    );
}

fn import_large(served: bool) {
    let mut env = Env::init_unserved("admin@fabrikam.example", &[]);
    if served {
        env.serve();
    }
    let file = env.dir.path().join("users.csv");
    large_users_csv(&file);
    let file = file.display().to_string();

    let report = env.json(ADMIN, &["import", "users", &file]);
    assert_eq!(report["added"], USERS as u64);
    assert_eq!(report["written"], true);
    assert_eq!(report["changes"].as_array().map(Vec::len), Some(10_000));
    assert_eq!(report["unlisted"], (USERS - 10_000) as u64);

    let text = env.run(ADMIN, &["import", "users", &file, "--dry-run"]);
    assert_eq!(code(&text), 0, "{}", stderr(&text));
    assert!(
        stdout(&text).contains("0 would be added, 0 changed, 0 removed; 20,000 unchanged"),
        "{}",
        stdout(&text)
    );
    let check = env.json(ADMIN, &["check"]);
    assert_eq!(check["ok"], true);
    assert_eq!(check["users"], USERS as u64 + 1);
}

#[test]
fn a_file_larger_than_a_frame_imports_in_process() {
    import_large(false);
}

#[test]
fn a_file_larger_than_a_frame_imports_through_the_server_in_pieces() {
    import_large(true);
}

#[test]
fn a_report_past_10000_changes_says_how_many_more_in_both_languages() {
    let env = Env::init("admin@fabrikam.example", &[]);
    let file = env.dir.path().join("users.csv");
    large_users_csv(&file);
    let file = file.display().to_string();
    let english = stdout(&env.run(ADMIN, &["import", "users", &file, "--dry-run"]));
    assert!(
        english.contains("… and 10,000 more changes, not listed"),
        "{}",
        english.lines().rev().take(2).collect::<Vec<_>>().join("\n")
    );
    assert_eq!(english.lines().count(), 10_002);
    let french = stdout(&env.run(
        ADMIN,
        &["import", "users", &file, "--dry-run", "--lang", "fr"],
    ));
    assert!(
        french.contains("autres modifications, non listées"),
        "{}",
        french.lines().rev().take(2).collect::<Vec<_>>().join("\n")
    );
}
