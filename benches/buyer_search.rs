//! The products search by buyer on a tenant of 1,000,000 users: reading every product's buyers
//! (one scan of the subscriptions, then the folding), and one search keystroke with its frame.
//!
//! Uses the tenant of `benches/support/tenant.rs` (built once if missing); it only reads it.
//! `CARGO_TARGET_DIR=... cargo bench --bench buyer_search`

#[path = "support/or_exit.rs"]
mod or_exit;
use or_exit::OrExit;

#[path = "support/tenant.rs"]
mod tenant;

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use selfserve::tui::{self, action::Action, driver::Driver, effect::Effect, runner};
use selfserve_core::api::Request;
use selfserve_server::Client;
use std::sync::Arc;
use std::time::Instant;

const SIZE: (u16, u16) = (200, 60);

/// Resident memory of this process, in MB (Linux; 0 elsewhere).
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn bench(c: &mut Criterion) {
    let (store, actor) = tenant::open();
    eprintln!("tenant: {} users", store.users_count());
    let client = Client::in_process(Arc::new(store), actor);
    let info = client.ask(Request::Session).or_exit("session");
    let session = tui::session(
        &info,
        "bench".into(),
        tui::Options::default(),
        chrono::Utc::now(),
    );
    let app = tui::app::App::new(session, SIZE, "2026-11-23 12:00 UTC".into());
    let mut d = Driver::new(client, app).or_exit("driver");
    let start = Instant::now();
    d.start();
    eprintln!(
        "background: products and every product's buyers, concurrently: {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    assert!(d.app.buyers.arrived(), "the buyers were read");
    // What the index costs in memory: read it again, then let the app take it.
    let before = rss_mb();
    let start = Instant::now();
    // This effect reports no progress: nobody need hear it.
    let (progress, _) = tokio::sync::mpsc::unbounded_channel();
    let action = runner::run(&d.client, Effect::LoadBuyers, d.app.session.lang, &progress);
    let took = start.elapsed().as_secs_f64() * 1000.0;
    let read = rss_mb();
    d.app.update(action);
    eprintln!("reading every product's buyers: {took:.0} ms");
    eprintln!(
        "buyer index: +{:.0} MB resident when read, +{:.0} MB more once in the products' keys",
        read - before,
        rss_mb() - read
    );
    let buyers: Vec<selfserve_core::query::ProductBuyers> =
        d.client.ask(Request::ProductBuyers).or_exit("buyers");
    let pairs: usize = buyers.iter().map(|p| p.buyers.len()).sum();
    let bytes: usize = buyers
        .iter()
        .flat_map(|p| &p.buyers)
        .map(|(n, u)| n.len() + u.len())
        .sum();
    eprintln!("buyers: {pairs} (product, buyer) pairs, {bytes} bytes of names and UPNs");
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).or_exit("terminal");

    // The first letter scans every product's whole key, buyers included.
    c.bench_function("search keystroke + frame: products by buyer", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                d.app.update(Action::SearchCancel);
                d.app.update(Action::SearchStart);
                let start = Instant::now();
                d.app.update(Action::SearchChar('e'));
                d.draw(&mut terminal);
                spent += start.elapsed();
            }
            spent
        })
    });
    // A whole UPN, typed key by key: what an administrator does.
    let upn = buyers
        .iter()
        .max_by_key(|p| p.buyers.len())
        .and_then(|p| p.buyers.get(p.buyers.len() / 2))
        .map(|(_, upn)| upn.clone())
        .or_exit("a buyer");
    d.app.update(Action::SearchCancel);
    d.app.update(Action::SearchStart);
    let start = Instant::now();
    for ch in upn.chars() {
        d.app.update(Action::SearchChar(ch));
        d.draw(&mut terminal);
    }
    let each = start.elapsed().as_secs_f64() * 1000.0 / upn.chars().count() as f64;
    eprintln!(
        "typing {upn:?}: {each:.1} ms per keystroke with its frame; {} products match, hit {:?}",
        d.app.products.list.len(),
        d.app
            .buyers
            .hit
            .as_ref()
            .map(|h| (h.first.clone(), h.count))
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
