//! The in-process client on a real demo tenant: who acts, reads, refusals, progress, and one
//! client shared by threads.

use selfserve_core::api::{Request, Response, SessionInfo};
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::model::{PolicyValue, Role};
use selfserve_core::ops::set_policy::PolicyScope;
use selfserve_core::query::ProductRow;
use selfserve_core::Error;
use selfserve_server::Client;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;

fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tenant.db");
    let options = DemoOptions {
        users: 50,
        seed: 7,
        now: selfserve_core::clock::parse_now("2026-11-23").expect("clock"),
        login: "admin".into(),
        force: false,
    };
    create_demo(&path, &options, &mut |_| {}).expect("demo tenant");
    (dir, path)
}

fn set_policy() -> Request {
    Request::SetPolicy {
        scope: PolicyScope::All,
        value: PolicyValue::Disabled,
        now: selfserve_core::clock::parse_now("2026-11-24").expect("clock"),
    }
}

#[test]
fn a_client_is_shared_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Client>();

    let (_dir, path) = demo();
    let client = Arc::new(Client::open(&path, "reader", false).expect("open"));
    let mine: Vec<ProductRow> = client
        .ask(Request::ProductRows {
            self_service: false,
            now: selfserve_core::clock::parse_now("2026-11-23").expect("clock"),
        })
        .expect("rows");
    assert!(!mine.is_empty());
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let client = client.clone();
            std::thread::spawn(move || {
                client.ask::<Vec<ProductRow>>(Request::ProductRows {
                    self_service: false,
                    now: selfserve_core::clock::parse_now("2026-11-23").expect("clock"),
                })
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().expect("thread").expect("rows"), mine);
    }
}

#[test]
fn the_session_names_the_login_its_role_and_the_tenant() {
    let (_dir, path) = demo();
    let client = Client::open(&path, "billing", true).expect("open");
    let session: SessionInfo = client.ask(Request::Session).expect("session");
    assert_eq!(session.login, "billing");
    assert_eq!(session.role, Role::BillingAdministrator);
    assert!(session.read_only);
    assert!(session.tenant.demo);
}

#[test]
fn roles_and_read_only_are_enforced_behind_the_client() {
    let (_dir, path) = demo();
    {
        let reader = Client::open(&path, "reader", false).expect("open");
        let refused = reader.call(set_policy()).expect_err("a reader may not");
        assert_eq!(refused.exit_code(), 3);
    }
    {
        let read_only = Client::open(&path, "admin", true).expect("open");
        let refused = read_only.call(set_policy()).expect_err("read-only");
        assert_eq!(refused.exit_code(), 3);
        assert!(refused.to_string().contains("read-only"), "{refused}");
    }
    let admin = Client::open(&path, "admin", false).expect("open");
    assert!(matches!(
        admin.call(set_policy()),
        Ok(Response::PolicyChange(_))
    ));
}

#[test]
fn a_login_bound_to_no_administrator_opens_nothing() {
    let (_dir, path) = demo();
    match Client::open(&path, "mallory", false) {
        Err(e @ Error::PermissionDenied(_)) => assert!(e.to_string().contains("mallory"), "{e}"),
        Err(e) => panic!("expected permission denied, got {e:?}"),
        Ok(_) => panic!("an unbound login got a client"),
    }
}

#[test]
fn the_check_moves_the_progress_counter() {
    let (_dir, path) = demo();
    let client = Client::open(&path, "reader", false).expect("open");
    let progress = client.progress();
    assert_eq!(progress.load(Ordering::Relaxed), 0);
    assert!(matches!(client.call(Request::Check), Ok(Response::Check(r)) if r.ok));
    assert!(progress.load(Ordering::Relaxed) > 0);
}
