//! Frame and search-keystroke times of the dashboard on a tenant of 1,000,000 users, at 200x60.
//!
//! The tenant is built once (a few minutes) and kept under the target directory; set
//! `SELFSERVE_BENCH_DB` to use another one built with `selfserve demo --users 1000000`.
//!
//! `CARGO_TARGET_DIR=... cargo bench --bench render`

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
use tui::action::{Action, Screen};
use tui::app::App;
use tui::list::Nav;

const SIZE: (u16, u16) = (200, 60);

/// Runs effects to completion, as the event loop does on its blocking pool.
fn settle(app: &mut App, store: &Store, actor: &Actor, fx: Vec<tui::effect::Effect>) {
    let mut fx = fx;
    while let Some(e) = fx.pop() {
        let action = tui::effect::run(store, actor, e);
        fx.extend(app.update(action));
    }
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!("{what}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    out
}

fn frame(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| tui::screens::draw(f, app)).expect("draw");
}

/// The mean of `n` runs of `f`, printed per frame.
fn per_frame(what: &str, n: u32, mut f: impl FnMut()) {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    let each = start.elapsed().as_secs_f64() / f64::from(n);
    eprintln!("{what}: {:.3} ms per frame", each * 1000.0);
}

fn bench(c: &mut Criterion) {
    let (store, actor) = tenant::open();
    eprintln!("tenant: {} users", store.users_count());
    let session = tui::session(&store, &actor, tui::Options::default(), chrono::Utc::now());
    let mut app = App::new(session, SIZE, "2026-11-23 12:00 UTC".into());
    let fx = app.start();
    timed("background load: product rows", || {
        settle(&mut app, &store, &actor, fx)
    });
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");

    per_frame("products 200x60", 200, || frame(&mut terminal, &app));
    c.bench_function("frame: products 200x60", |b| {
        b.iter(|| frame(&mut terminal, &app))
    });

    // The product with the most subscriptions: the longest list the screens show.
    let biggest = app
        .products
        .list
        .shown()
        .enumerate()
        .max_by_key(|(_, p)| p.subscriptions)
        .map(|(i, _)| i)
        .unwrap_or(0);
    app.products.list.cursor = biggest;
    let fx = app.update(Action::Enter);
    timed(
        "background load: subscriptions of the biggest product",
        || settle(&mut app, &store, &actor, fx),
    );
    eprintln!(
        "subscriptions screen: {} ({} rows)",
        app.subs_product,
        app.subs.list.len()
    );
    assert_eq!(app.screen, Screen::Subscriptions);

    per_frame("subscriptions 200x60", 200, || frame(&mut terminal, &app));
    c.bench_function("frame: subscriptions 200x60", |b| {
        b.iter(|| frame(&mut terminal, &app))
    });

    // Moving the cursor: the update, then the frame (the users load runs in the background).
    c.bench_function("cursor down + frame: subscriptions 200x60", |b| {
        b.iter(|| {
            let fx = app.update(Action::Nav(Nav::Down));
            if app.subs.list.cursor + 1 >= app.subs.list.len() {
                app.update(Action::Nav(Nav::Home));
            }
            frame(&mut terminal, &app);
            fx
        })
    });

    // One search keystroke on the longest list: the first letter scans every row.
    app.update(Action::SearchStart);
    c.bench_function("search keystroke + frame: subscriptions", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                app.update(Action::SearchCancel);
                app.update(Action::SearchStart);
                let start = Instant::now();
                app.update(Action::SearchChar('a'));
                frame(&mut terminal, &app);
                spent += start.elapsed();
            }
            spent
        })
    });
    app.update(Action::SearchCancel);
    app.update(Action::SearchStart);
    let start = Instant::now();
    app.update(Action::SearchChar('z'));
    frame(&mut terminal, &app);
    eprintln!(
        "search keystroke 'z' over {} rows: {:.3} ms, {} match",
        app.subs.list.total(),
        start.elapsed().as_secs_f64() * 1000.0,
        app.subs.list.len()
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
