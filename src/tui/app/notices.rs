//! Another administrator's change, as the server's notices tell it: the dashboard reads again
//! what it shows and says on the message line what changed and who did it. An open dialog stays
//! open; a plan the change made stale is refused by the core when confirmed.

use super::App;
use crate::text::sanitize;
use crate::tui::effect::Effect;
use selfserve_server::protocol::Notice;

impl App {
    pub(super) fn notice(&mut self, notice: Notice, fx: &mut Vec<Effect>) {
        self.reload(fx);
        match notice {
            Notice::Changed { change, .. } => {
                let text = self.session.lang.tr(
                    "msg-changed",
                    &[
                        (
                            "summary",
                            sanitize(&change.summary().in_lang(self.session.lang)).into(),
                        ),
                        ("revision", change.revision.to_string().into()),
                    ],
                );
                self.say(text)
            }
            Notice::Reload { missed } => {
                let text = self
                    .session
                    .lang
                    .tr("msg-changes-missed", &[("count", missed.into())]);
                self.say(text)
            }
        }
    }

    /// The notices stop only when the server went away: the dashboard ends, and says why once
    /// the terminal is back (exit 5), rather than showing what may no longer be true.
    pub(super) fn notices_lost(&mut self, why: &str) {
        self.gone = Some(why.to_string());
        self.quit = true;
    }
}
