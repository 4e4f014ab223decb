//! Importing an organisation's exports (issue 12): the admin center's "Export users" CSV of
//! 1,000,000 users, then Graph's `GET /directory/subscriptions` answer with 300,000
//! subscriptions (80% bought by users), each into a tenant `init` made, as `selfserve import`
//! runs it (read, check, plan, one transaction with its audit event, flush to disk).
//! The goal is 100,000 users a second; the peak resident memory of each import (the process's
//! high-water mark, started over before it) is printed after each.
//!
//! A third measure is the floor under the first: sled alone writing the records a users import
//! writes, with nothing of selfserve's around it.
//!
//! `cargo bench --bench import`; `SELFSERVE_BENCH_USERS` and `SELFSERVE_BENCH_SUBSCRIPTIONS`
//! make the files smaller for a quick look.

#[path = "support/or_exit.rs"]
mod or_exit;
use or_exit::OrExit;

use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use selfserve_core::i18n::Lang;
use selfserve_core::import::{import_from, ImportKind, ImportOptions, Input};
use selfserve_core::init::{create_tenant, InitOptions};
use selfserve_core::model::Cloud;
use selfserve_core::{Actor, Store};
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

const ADMIN_UPN: &str = "admin@contoso.example";

fn now() -> DateTime<Utc> {
    selfserve_core::clock::parse_now("2026-11-23T12:00:00Z").or_exit("clock")
}

fn size(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The i-th user's object id: stable, so the subscriptions can name their owners.
fn user_id(i: usize) -> String {
    format!("{:08x}-0000-4000-8000-{:012x}", i as u32, i)
}

fn users_csv(users: usize) -> Vec<u8> {
    let mut out = String::with_capacity(users.min(100_000) * 160);
    out.push_str("Block credential,City,Country/Region,Department,DirSyncEnabled,Display name,First name,Last name,Licenses,Object Id,Title,Usage location,User principal name,When created\r\n");
    for i in 0..users {
        let licenses = if i % 3 == 0 {
            "POWER_BI_PRO+SPE_E3"
        } else {
            "SPE_E3"
        };
        let upn = if i == 0 {
            ADMIN_UPN.to_string()
        } else {
            format!("user{i}@contoso.example")
        };
        let _ = write!(
            out,
            "False,Paris,France,Dept {},,User {i},User,{i},{licenses},{},,FR,{upn},3/14/2021 9:30:00 AM\r\n",
            i % 40,
            user_id(i)
        );
    }
    out.into_bytes()
}

fn subscriptions_json(subs: usize, users: usize) -> Vec<u8> {
    const SKUS: [(&str, &str); 3] = [
        ("f8a1db68-be16-40ed-86d5-cb42ce701560", "POWER_BI_PRO"),
        ("38b434d2-a15e-4cde-9a98-e737c75623e1", "VISIO_PLAN2_DEPT"),
        ("beb6439c-caad-48d3-bf46-0c82871e12be", "PROJECT_P1"),
    ];
    let mut out = String::with_capacity(subs.min(100_000) * 420);
    out.push_str("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#directory/subscriptions\",\"value\":[");
    for i in 0..subs {
        let (sku, part) = SKUS[i % SKUS.len()];
        let owner = if i % 5 == 0 {
            "\"ownerId\":null,\"ownerType\":null".to_string()
        } else {
            format!(
                "\"ownerId\":\"{}\",\"ownerType\":\"User\"",
                user_id(i % users.max(1))
            )
        };
        let _ = write!(
            out,
            "{}{{\"id\":\"{:08x}-1111-4000-8000-{:012x}\",\"createdDateTime\":\"2026-01-01T00:00:00Z\",\"isTrial\":{},\"nextLifecycleDateTime\":\"2027-01-01T00:00:00Z\",{owner},\"skuId\":\"{sku}\",\"skuPartNumber\":\"{part}\",\"status\":\"Enabled\",\"totalLicenses\":{}}}",
            if i == 0 { "" } else { "," },
            i as u32,
            i,
            i % 7 == 0,
            1 + i % 20
        );
    }
    out.push_str("]}");
    out.into_bytes()
}

fn fresh(dir: &Path) -> (Store, Actor) {
    let db = dir.join("tenant.db");
    let options = InitOptions {
        tenant: "Contoso".into(),
        cloud: Cloud::Global,
        currency: "EUR".into(),
        agreement: true,
        admin_upn: ADMIN_UPN.into(),
        login: "admin".into(),
        now: now(),
        force: false,
        lang: Lang::En,
    };
    create_tenant(&db, &options).or_exit("init");
    let store = Store::open(&db).or_exit("open");
    let actor = store.actor("admin").or_exit("admin");
    (store, actor)
}

/// Imports the file at `path` as `selfserve import` does where it opens the database itself:
/// read as a stream by the core.
fn run(store: &Store, actor: &Actor, kind: ImportKind, path: &Path) {
    let options = ImportOptions {
        dry_run: false,
        prune: false,
    };
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let input = Input::Path { name: &name, path };
    let report = import_from(store, actor, kind, input, None, options, now()).or_exit("import");
    if !report.written {
        OrExit::or_exit(None::<()>, "the import wrote nothing");
    }
}

/// Starts the peak resident memory over from what the process holds now (Linux).
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory of this process since the last reset (Linux), for the memory goal.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

fn bench(c: &mut Criterion) {
    let users = size("SELFSERVE_BENCH_USERS", 1_000_000);
    let subs = size("SELFSERVE_BENCH_SUBSCRIPTIONS", 300_000);
    // The files are written once and read from disk by each import, as the command does.
    let files = tempfile::tempdir().or_exit("temp dir");
    let users_file = files.path().join("users.csv");
    let subs_file = files.path().join("subscriptions.json");
    std::fs::write(&users_file, users_csv(users)).or_exit("users file");
    std::fs::write(&subs_file, subscriptions_json(subs, users)).or_exit("subscriptions file");
    let mut peak_users = String::new();
    let mut peak_subs = String::new();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(1));

    group.throughput(Throughput::Elements(users as u64));
    group.bench_function(format!("users {users}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let dir = tempfile::tempdir().or_exit("temp dir");
                let (store, actor) = fresh(dir.path());
                reset_peak_memory();
                let start = Instant::now();
                run(&store, &actor, ImportKind::Users, &users_file);
                total += start.elapsed();
                peak_users = peak_memory();
            }
            total
        })
    });
    if !peak_users.is_empty() {
        eprintln!("peak resident memory during a users import: {peak_users}");
    }

    group.throughput(Throughput::Elements(subs as u64));
    group.bench_function(format!("subscriptions {subs}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let dir = tempfile::tempdir().or_exit("temp dir");
                let (store, actor) = fresh(dir.path());
                run(&store, &actor, ImportKind::Users, &users_file);
                reset_peak_memory();
                let start = Instant::now();
                run(&store, &actor, ImportKind::Subscriptions, &subs_file);
                total += start.elapsed();
                peak_subs = peak_memory();
            }
            total
        })
    });
    if !peak_subs.is_empty() {
        eprintln!("peak resident memory during a subscriptions import: {peak_subs}");
    }

    // The floor under the users import: sled alone writing the records a user needs (the user,
    // its UPN index entry, the directory's licenses for a third of them), in transactions of
    // the size the import's slices are, with the store's settings and nothing else.
    group.throughput(Throughput::Elements(users as u64));
    let mut peak_sled = String::new();
    group.bench_function(
        format!("sled alone, the same records of {users} users"),
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let dir = tempfile::tempdir().or_exit("temp dir");
                    reset_peak_memory();
                    let start = Instant::now();
                    sled_alone(&dir.path().join("db"), users);
                    total += start.elapsed();
                    peak_sled = peak_memory();
                }
                total
            })
        },
    );
    if !peak_sled.is_empty() {
        eprintln!("peak resident memory of sled alone: {peak_sled}");
    }
    group.finish();
}

fn sled_alone(path: &Path, users: usize) {
    use sled::Transactional;
    const SLICE: usize = 1_024;
    let db = sled::Config::new()
        .path(path)
        .cache_capacity(selfserve_core::store::default_cache_bytes())
        .mode(sled::Mode::HighThroughput)
        .open()
        .or_exit("sled");
    let tree = |name: &str| db.open_tree(name).or_exit("tree");
    let (users_tree, by_upn, meta) = (tree("users"), tree("users_by_upn"), tree("meta"));
    // About the size of an encoded user.
    let record = vec![7u8; 100];
    for first in (0..users).step_by(SLICE) {
        let last = (first + SLICE).min(users);
        (&users_tree, &by_upn, &meta)
            .transaction(|(u, p, m)| {
                for i in first..last {
                    let id = (i as u128).to_be_bytes();
                    u.insert(&id[..], record.clone())?;
                    p.insert(format!("user{i}@contoso.example").into_bytes(), &id[..])?;
                    if i % 3 == 0 {
                        m.insert([&b"licenses/"[..], &id].concat(), &b"POWER_BI_PRO"[..])?;
                    }
                }
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .or_exit("transaction");
    }
    db.flush().or_exit("flush");
}

criterion_group!(benches, bench);
criterion_main!(benches);
