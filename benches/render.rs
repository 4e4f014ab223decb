//! Frame and search-keystroke times of the dashboard on a tenant of 1,000,000 users, at 200x60,
//! in English and in French (issue 11: no frame slower by more than 10 % in French).
//!
//! The tenant is built once (a few minutes) and kept under the target directory; set
//! `SELFSERVE_BENCH_DB` to use another one built with `selfserve demo --users 1000000`.
//!
//! `CARGO_TARGET_DIR=... cargo bench --bench render`

#[path = "support/or_exit.rs"]
mod or_exit;
use or_exit::OrExit;

#[path = "support/tenant.rs"]
mod tenant;

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use selfserve::i18n::Lang;
use selfserve::tui::{self, action::Action, action::Screen, driver::Driver, list::Nav};
use selfserve_core::api::Request;
use selfserve_server::Client;
use std::sync::Arc;
use std::time::Instant;

const SIZE: (u16, u16) = (200, 60);

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!("{what}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    out
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

/// Runs `f` with the dashboard in French (the same data: only its words and forms change).
fn in_french(d: &mut Driver, f: impl FnOnce(&mut Driver)) {
    let was = d.app.session.lang;
    d.app.session.lang = Lang::Fr;
    f(d);
    d.app.session.lang = was;
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
    timed("background load: product rows", || {
        d.start();
    });
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).or_exit("terminal");

    per_frame("products 200x60", 200, || d.draw(&mut terminal));
    c.bench_function("frame: products 200x60", |b| {
        b.iter(|| d.draw(&mut terminal))
    });
    in_french(&mut d, |d| {
        per_frame("products 200x60, French", 200, || d.draw(&mut terminal));
        c.bench_function("frame: products 200x60, French", |b| {
            b.iter(|| d.draw(&mut terminal))
        });
    });

    // The product with the most subscriptions: the longest list the screens show.
    let biggest = d
        .app
        .products
        .list
        .shown()
        .enumerate()
        .max_by_key(|(_, p)| p.subscriptions)
        .map(|(i, _)| i)
        .unwrap_or(0);
    d.app.products.list.cursor = biggest;
    timed(
        "background load: subscriptions of the biggest product",
        || {
            d.act(Action::Enter);
        },
    );
    eprintln!(
        "subscriptions screen: {} ({} rows)",
        d.app.subs_product,
        d.app.subs.list.len()
    );
    assert_eq!(d.app.screen, Screen::Subscriptions);

    per_frame("subscriptions 200x60", 200, || d.draw(&mut terminal));
    c.bench_function("frame: subscriptions 200x60", |b| {
        b.iter(|| d.draw(&mut terminal))
    });
    in_french(&mut d, |d| {
        per_frame("subscriptions 200x60, French", 200, || {
            d.draw(&mut terminal)
        });
        c.bench_function("frame: subscriptions 200x60, French", |b| {
            b.iter(|| d.draw(&mut terminal))
        });
    });

    // Moving the cursor: the update, then the frame (the users load runs in the background).
    c.bench_function("cursor down + frame: subscriptions 200x60", |b| {
        b.iter(|| {
            let fx = d.app.update(Action::Nav(Nav::Down));
            if d.app.subs.list.cursor + 1 >= d.app.subs.list.len() {
                d.app.update(Action::Nav(Nav::Home));
            }
            d.draw(&mut terminal);
            fx
        })
    });

    // One search keystroke on the longest list: the first letter scans every row.
    d.app.update(Action::SearchStart);
    c.bench_function("search keystroke + frame: subscriptions", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                d.app.update(Action::SearchCancel);
                d.app.update(Action::SearchStart);
                let start = Instant::now();
                d.app.update(Action::SearchChar('a'));
                d.draw(&mut terminal);
                spent += start.elapsed();
            }
            spent
        })
    });
    d.app.update(Action::SearchCancel);
    d.app.update(Action::SearchStart);
    let start = Instant::now();
    d.app.update(Action::SearchChar('z'));
    d.draw(&mut terminal);
    eprintln!(
        "search keystroke 'z' over {} rows: {:.3} ms, {} match",
        d.app.subs.list.total(),
        start.elapsed().as_secs_f64() * 1000.0,
        d.app.subs.list.len()
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
