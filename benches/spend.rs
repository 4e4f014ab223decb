//! The spend report (issue 15) on the tenant of 1,000,000 users: `query::spend` (one scan of the
//! subscriptions, the buyers read once, the centralise plan of each product with something to
//! save), goal at most 300 ms; and a frame of the Spend screen once the report is loaded, goal
//! at most 1 ms, at 80x24 and 200x60.
//!
//! Uses the tenant of `benches/support/tenant.rs` (built once if missing); it only reads it.
//! `CARGO_TARGET_DIR=... cargo bench --bench spend`

#[path = "support/or_exit.rs"]
mod or_exit;
use or_exit::OrExit;

#[path = "support/tenant.rs"]
mod tenant;

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use selfserve::tui::{self, action::Action, action::Screen, driver::Driver};
use selfserve_core::api::Request;
use selfserve_core::query::spend::spend;
use selfserve_server::Client;
use std::sync::Arc;
use std::time::Instant;

fn bench(c: &mut Criterion) {
    let (store, actor) = tenant::open();
    eprintln!("tenant: {} users", store.users_count());
    let now = selfserve_core::clock::parse_now("2026-11-23T12:00:00Z").or_exit("clock");
    let start = Instant::now();
    let report = spend(&store, &actor, now).or_exit("spend");
    eprintln!(
        "first query::spend: {:.0} ms; {} upcoming charges, {} wasteful subscriptions, {} products with savings",
        start.elapsed().as_secs_f64() * 1000.0,
        report.upcoming.len(),
        report.waste.len(),
        report.savings.len()
    );
    c.bench_function("query::spend, 1,000,000 users", |b| {
        b.iter(|| spend(&store, &actor, now).or_exit("spend"))
    });

    let store = Arc::new(store);
    for size in [(80u16, 24u16), (200, 60)] {
        let client = Client::in_process(store.clone(), actor.clone());
        let info = client.ask(Request::Session).or_exit("session");
        let session = tui::session(&info, "bench".into(), tui::Options::default(), now);
        let app = tui::app::App::new(session, size, "2026-11-23 12:00 UTC".into());
        let mut d = Driver::new(client, app).or_exit("driver");
        d.start();
        d.act(Action::Goto(Screen::Spend));
        assert!(d.app.spend.report.is_some(), "the report is loaded");
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).or_exit("terminal");
        c.bench_function(&format!("Spend frame {}x{}", size.0, size.1), |b| {
            b.iter(|| d.draw(&mut terminal))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
