//! The import readers (issue 12): any bytes as the file of `import policies`, `users`,
//! `subscriptions` (with or without a `--prices` file) or `assignments`, planned against a
//! small demo tenant in a temporary directory. The first byte picks the kind; for
//! subscriptions, a NUL byte splits the file from its prices file. Every import is a dry run,
//! so the tenant stays as it was; an error is a fine answer, a panic is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::import::{import, ImportFile, ImportKind, ImportOptions};
use selfserve_core::{Actor, Store};
use std::sync::OnceLock;

struct Tenant {
    _dir: tempfile::TempDir,
    store: Store,
    actor: Actor,
}

static TENANT: OnceLock<Tenant> = OnceLock::new();

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_795_435_200, 0).unwrap_or_default()
}

fn tenant() -> Tenant {
    // The harness's own set-up: without a temporary tenant there is nothing to fuzz, and
    // stopping loudly is right (it is not the program under test failing).
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tenant.db");
    let options = DemoOptions {
        users: 10,
        seed: 7,
        now: now(),
        login: "fuzz".to_string(),
        force: false,
    };
    create_demo(&path, &options, &mut |_| {}).expect("demo tenant");
    let store = Store::open(&path).expect("open the demo tenant");
    let actor = store.actor("fuzz").expect("the demo's administrator");
    Tenant {
        _dir: dir,
        store,
        actor,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let t = TENANT.get_or_init(tenant);
    let kind = match selector % 4 {
        0 => ImportKind::Policies,
        1 => ImportKind::Users,
        2 => ImportKind::Subscriptions,
        _ => ImportKind::Assignments,
    };
    let (file, prices) = match (kind, rest.iter().position(|b| *b == 0)) {
        (ImportKind::Subscriptions, Some(at)) if selector & 0x80 != 0 => {
            (&rest[..at], Some(&rest[at + 1..]))
        }
        _ => (rest, None),
    };
    let file = ImportFile {
        name: "fuzz".into(),
        bytes: file.to_vec(),
    };
    let prices = prices.map(|p| ImportFile {
        name: "prices".into(),
        bytes: p.to_vec(),
    });
    let options = ImportOptions {
        dry_run: true,
        prune: selector & 0x40 != 0,
    };
    let _ = import(
        &t.store,
        &t.actor,
        kind,
        &file,
        prices.as_ref(),
        options,
        now(),
    );
});
