//! The Export screen's progress (issue 16, point 5): rows written of rows in all, counted by the
//! very write the dashboard runs, and shown while it runs.

use super::Harness;
use crate::i18n::Lang;
use crate::tui::action::{Action, Screen};
use crate::tui::effect::Effect;
use crate::tui::runner;

/// Every subscription of the first product marked on the Export screen.
fn marked(h: &mut Harness) {
    h.keys("4");
    assert_eq!(h.app.screen, Screen::Export);
    h.keys("a");
    assert!(!h.app.marked.is_empty());
}

#[test]
fn the_export_says_rows_written_of_rows_in_all_as_it_writes() {
    let mut h = Harness::new(80, 24);
    marked(&mut h);
    let path = h.dir.path().join("progress.csv");
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let effect = Effect::Export {
        subs: h.app.marked.keys().copied().collect(),
        path: path.clone(),
        now: h.app.now,
    };
    let done = runner::run(&h.client, effect, Lang::En, &tx);
    let Action::Exported {
        result: Ok(rows), ..
    } = done
    else {
        panic!("the export failed: {done:?}");
    };
    let csv = std::fs::read_to_string(&path).expect("written");
    assert_eq!(csv.lines().count(), rows + 1);
    let mut said = Vec::new();
    while let Ok(action) = rx.try_recv() {
        match action {
            Action::ExportProgress { done, total } => said.push((done, total)),
            other => panic!("not progress: {other:?}"),
        }
    }
    // Each hundredth at most, rising, and the last is the whole.
    assert!(!said.is_empty() && said.len() <= 101, "{said:?}");
    assert!(said.windows(2).all(|w| w[0].0 < w[1].0), "{said:?}");
    assert!(said.iter().all(|&(_, total)| total == rows));
    assert_eq!(said.last(), Some(&(rows, rows)));
}

#[test]
fn the_export_screen_shows_the_count_while_it_writes_and_the_result_after() {
    for (lang, writing) in [
        (Lang::En, "Writing… 1,234 of 5,000 rows"),
        (Lang::Fr, "Écriture… 1\u{a0}234 sur 5\u{a0}000 lignes"),
    ] {
        let mut h = Harness::in_lang(80, 24, lang);
        marked(&mut h);
        // As the screen is between the write's start and its end.
        h.app.export.busy = true;
        h.act(Action::ExportProgress {
            done: 1234,
            total: 5000,
        });
        let screen = h.render();
        assert!(screen.contains(writing), "{screen}");
        insta::assert_snapshot!(format!("export_writing_{}", lang.code()), screen);
        // Its result ends it; a late count does not bring it back.
        let path = h.dir.path().join("users.csv");
        h.act(Action::Exported {
            path,
            result: Ok(5000),
        });
        assert!(!h.app.export.busy);
        h.act(Action::ExportProgress {
            done: 5000,
            total: 5000,
        });
        assert_eq!(h.app.export.progress, None);
        assert!(!h.render().contains(writing));
    }
}
