//! The Outbox screen's `s`: every pending e-mail sent through the relay now, its progress on the
//! message line, then the outbox read again to show each e-mail's state.

use super::App;
use crate::tui::effect::Effect;
use selfserve_server::mail::Summary;

impl App {
    pub(super) fn send_outbox(&mut self, fx: &mut Vec<Effect>) {
        if self.sending {
            return;
        }
        let Some(relay) = self.session.relay.clone() else {
            self.fail(self.word("delivery-no-relay"));
            return;
        };
        self.sending = true;
        self.outbox_progress(0, 0);
        fx.push(Effect::SendOutbox {
            relay,
            now: self.now,
        });
    }

    pub(super) fn outbox_progress(&mut self, done: usize, total: usize) {
        let text = self.session.lang.tr(
            "delivery-sending",
            &[("done", done.into()), ("total", total.into())],
        );
        self.say(text);
    }

    pub(super) fn outbox_sent(&mut self, result: Result<Summary, String>, fx: &mut Vec<Effect>) {
        self.sending = false;
        let lang = self.session.lang;
        match result {
            Ok(s) => {
                let text = lang.tr(
                    "delivery-sent-status",
                    &[
                        ("sent", s.sent.into()),
                        ("pending", s.pending.into()),
                        ("failed", s.failed.into()),
                    ],
                );
                if s.pending + s.failed == 0 {
                    self.say(text);
                } else {
                    self.fail(text);
                }
            }
            Err(e) => self.fail(lang.tr("delivery-send-failed", &[("error", e.into())])),
        }
        self.reload(fx);
    }
}
