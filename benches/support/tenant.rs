//! The 1,000,000-user tenant the dashboard benchmarks share: built once under the target
//! directory, or named by `SELFSERVE_BENCH_DB`. Benchmarks read it as `reader`, so they never write.

use crate::or_exit::OrExit;
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::store::database_exists;
use selfserve_core::{Actor, Store};
use std::path::PathBuf;

const USERS: usize = 1_000_000;

pub fn db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("SELFSERVE_BENCH_DB") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("bench-1m.db")
}

pub fn open() -> (Store, Actor) {
    let path = db_path();
    if !database_exists(&path) {
        eprintln!(
            "building a {USERS}-user demo tenant at {} (once)…",
            path.display()
        );
        let options = DemoOptions {
            users: USERS,
            seed: 42,
            now: selfserve_core::clock::parse_now("2026-11-23T12:00:00Z").or_exit("clock"),
            login: "bench".into(),
            force: false,
        };
        create_demo(&path, &options, &mut |step| eprintln!("  {step}")).or_exit("demo tenant");
    }
    let store = Store::open(&path).or_exit("open the bench tenant");
    // Every demo tenant binds the login `reader`, whoever built it.
    let actor = store.actor("reader").or_exit("reader");
    (store, actor)
}
