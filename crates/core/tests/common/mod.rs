//! A real demo tenant in a temporary directory, opened through the core API.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::{Actor, Store};

pub const ADMIN: &str = "admin";
pub const BILLING: &str = "billing";
pub const READER: &str = "reader";

pub fn now() -> DateTime<Utc> {
    selfserve_core::clock::parse_now("2026-11-23T12:00:00Z").expect("fixed clock")
}

pub struct Tenant {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl Tenant {
    /// The default demo tenant (250 users, seed 42) at the fixed clock.
    pub fn demo() -> Tenant {
        Tenant::demo_sized(250, 42)
    }

    pub fn demo_sized(users: usize, seed: u64) -> Tenant {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("tenant.db");
        let options = DemoOptions {
            users,
            seed,
            now: now(),
            login: ADMIN.to_string(),
            force: false,
        };
        create_demo(&path, &options, &mut |_| {}).expect("demo tenant");
        let store = Store::open(&path).expect("open demo tenant");
        Tenant { dir, store }
    }

    pub fn actor(&self, login: &str) -> Actor {
        self.store.actor(login).expect("demo login")
    }
}
