//! The products search by buyer on a tenant of 1,000,000 users: reading every product's buyers
//! (one scan of the subscriptions, then the folding), and one search keystroke with its frame.
//!
//! Uses the tenant of `benches/support/tenant.rs` (built once if missing); it only reads it.
//! `CARGO_TARGET_DIR=... cargo bench --bench buyer_search`

#[allow(dead_code, unused_imports)]
#[path = "../src/text.rs"]
mod text;
#[allow(dead_code, unused_imports)]
#[path = "../src/tui/mod.rs"]
mod tui;

#[path = "support/tenant.rs"]
mod tenant;

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use selfserve_core::{Actor, Store};
use std::time::Instant;
use tui::action::Action;
use tui::app::App;
use tui::effect::Effect;

const SIZE: (u16, u16) = (200, 60);

/// Runs each effect as the event loop's blocking pool would, timing the slow ones.
fn settle(app: &mut App, store: &Store, actor: &Actor, mut fx: Vec<Effect>) {
    while let Some(e) = fx.pop() {
        let what = format!("{e:?}");
        let start = Instant::now();
        let action = tui::effect::run(store, actor, e);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        if ms > 50.0 {
            eprintln!(
                "background: {} took {ms:.0} ms",
                &what[..what.len().min(40)]
            );
        }
        fx.extend(app.update(action));
    }
}

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

fn frame(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| tui::screens::draw(f, app)).expect("draw");
}

fn bench(c: &mut Criterion) {
    let (store, actor) = tenant::open();
    eprintln!("tenant: {} users", store.users_count());
    let session = tui::session(&store, &actor, tui::Options::default(), chrono::Utc::now());
    let mut app = App::new(session, SIZE, "2026-11-23 12:00 UTC".into());
    let fx = app.start();
    settle(&mut app, &store, &actor, fx);
    assert!(app.buyers.arrived(), "the buyers were read");
    // What the index costs in memory: read it again, then let the app take it.
    let before = rss_mb();
    let action = tui::effect::run(&store, &actor, Effect::LoadBuyers);
    let read = rss_mb();
    app.update(action);
    eprintln!(
        "buyer index: +{:.0} MB resident when read, +{:.0} MB more once in the products' keys",
        read - before,
        rss_mb() - read
    );
    let buyers = selfserve_core::query::product_buyers(&store, &actor).expect("buyers");
    let pairs: usize = buyers.iter().map(|p| p.buyers.len()).sum();
    let bytes: usize = buyers
        .iter()
        .flat_map(|p| &p.buyers)
        .map(|(n, u)| n.len() + u.len())
        .sum();
    eprintln!("buyers: {pairs} (product, buyer) pairs, {bytes} bytes of names and UPNs");
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");

    // The first letter scans every product's whole key, buyers included.
    c.bench_function("search keystroke + frame: products by buyer", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                app.update(Action::SearchCancel);
                app.update(Action::SearchStart);
                let start = Instant::now();
                app.update(Action::SearchChar('e'));
                frame(&mut terminal, &app);
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
        .expect("a buyer");
    app.update(Action::SearchCancel);
    app.update(Action::SearchStart);
    let start = Instant::now();
    for ch in upn.chars() {
        app.update(Action::SearchChar(ch));
        frame(&mut terminal, &app);
    }
    let each = start.elapsed().as_secs_f64() * 1000.0 / upn.chars().count() as f64;
    eprintln!(
        "typing {upn:?}: {each:.1} ms per keystroke with its frame; {} products match, hit {:?}",
        app.products.list.len(),
        app.buyers.hit.as_ref().map(|h| (h.first.clone(), h.count))
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
