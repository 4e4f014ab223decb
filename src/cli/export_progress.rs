//! `user export --output FILE`'s progress bar: on stderr, only where stderr is a terminal and
//! no `--json` was asked for; stdout never changes.

use super::Ctx;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;

/// The bar and how it is said, or nothing where no person watches stderr.
pub struct ExportBar {
    bar: Option<ProgressBar>,
    total: usize,
    step: usize,
}

impl ExportBar {
    pub fn new(ctx: &Ctx, total: usize) -> ExportBar {
        let watched = !ctx.json && std::io::stderr().is_terminal();
        let bar = watched.then(|| {
            // Block characters where the locale can show them, ASCII elsewhere.
            let chars = if selfserve::text::locale_is_utf8() {
                "█▉▊▋▌▍▎▏ "
            } else {
                "=> "
            };
            let lang = ctx.lang;
            // The count beside the bar, as the reader's language words and groups it.
            let rows = move |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                let (done, total) = (state.pos(), state.len().unwrap_or_default());
                let _ = out.write_str(&lang.tr(
                    "progress-export-bar",
                    &[("done", done.into()), ("total", total.into())],
                ));
            };
            let style = ProgressStyle::with_template("{wide_bar} {rows}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .with_key("rows", rows)
                .progress_chars(chars);
            ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr())
                .with_style(style)
        });
        ExportBar {
            bar,
            total,
            step: selfserve::tui::runner::progress_step(total),
        }
    }

    /// `done` rows are written: said each hundredth (and at the end), as the dashboard does.
    pub fn at(&self, done: usize) {
        let Some(bar) = &self.bar else { return };
        if done % self.step == 0 || done == self.total {
            bar.set_position(done as u64);
        }
    }

    /// Takes the bar off the line, before the line that says what was written.
    pub fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
