//! The lifecycle from the dashboard: due when the clock's date changes, and what a run did.

use super::App;
use crate::tui::effect::Effect;
use crate::tui::lifecycle::{preview_only, Summary};

impl App {
    /// The run the clock asks for: none while one is out or when the date has not changed.
    pub(super) fn lifecycle_due(&mut self) -> Option<Effect> {
        let today = self.now.date_naive();
        if self.lifecycle.running || self.lifecycle.day == Some(today) {
            return None;
        }
        self.lifecycle.day = Some(today);
        self.lifecycle.running = true;
        Some(Effect::Lifecycle {
            now: self.now,
            apply: preview_only(&self.session).is_none(),
        })
    }

    pub(super) fn lifecycle_done(&mut self, result: Result<Summary, String>, fx: &mut Vec<Effect>) {
        self.lifecycle.running = false;
        match result {
            Ok(summary) => {
                if !summary.is_empty() {
                    let why_not = preview_only(&self.session);
                    self.say(summary.message(self.session.lang, why_not.as_deref()));
                    if summary.applied {
                        self.reload(fx);
                    }
                }
                self.lifecycle.last = Some(summary);
            }
            Err(e) => {
                let text = self
                    .session
                    .lang
                    .tr("msg-lifecycle-failed", &[("why", e.into())]);
                self.fail(text)
            }
        }
        // The date may have changed while it ran.
        fx.extend(self.lifecycle_due());
    }
}
