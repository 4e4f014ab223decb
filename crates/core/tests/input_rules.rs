//! Input at the core's edges (issue 17, point 3): the demo stores its creator's login under the
//! same rule as `admin add`, and every clock the parser accepts builds a demo tenant that
//! `check` finds clean, without a panic.

use selfserve_core::check::check;
use selfserve_core::clock::parse_now;
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::Store;
use std::sync::atomic::AtomicU64;

fn options(login: &str, now: &str) -> DemoOptions {
    DemoOptions {
        users: 10,
        seed: 42,
        now: parse_now(now).expect("clock"),
        login: login.to_string(),
        force: false,
    }
}

#[test]
fn the_demo_refuses_a_login_that_admin_add_would_refuse() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tenant.db");
    for login in [
        "ev\u{1b}[31mil\u{7}",
        "a b",
        "x\u{9d}52;c;aGk=\u{9c}",
        "",
        "\u{202e}nimda",
    ] {
        let e = create_demo(&path, &options(login, "2026-11-23"), &mut |_| {}).expect_err(login);
        assert_eq!(e.exit_code(), 2, "{login:?}");
    }
    // Nothing was made, not even a staging directory.
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_demo_at_either_end_of_the_clock_range_is_whole() {
    for now in ["1970-01-01", "9999-12-31T23:59:59Z"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("tenant.db");
        create_demo(&path, &options("admin", now), &mut |_| {}).expect(now);
        let store = Store::open(&path).expect("open");
        let admin = store.actor("admin").expect("admin");
        let report = check(&store, &admin, &AtomicU64::new(0)).expect("check");
        assert!(report.ok, "{now}: {:#?}", report.breaches);
    }
}
