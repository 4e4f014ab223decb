//! Feeds the server's change notices into the event loop, as actions on the channel the
//! effects use. The notices of this dashboard's own writes are left out: it has said those.

use super::action::Action;
use crate::i18n::Lang;
use selfserve_server::protocol::Notice;
use selfserve_server::Watcher;
use tokio::sync::mpsc;

/// Reads `watcher` on the blocking pool for the rest of the session; `own` is the connection
/// this dashboard writes through. Why the notices stopped is said in `lang`.
pub fn spawn(watcher: Watcher, own: Option<u64>, tx: &mpsc::UnboundedSender<Action>, lang: Lang) {
    let tx = tx.clone();
    tokio::task::spawn_blocking(move || loop {
        let action = match watcher.next() {
            Ok(Notice::Changed { connection, .. }) if Some(connection) == own => continue,
            Ok(notice) => Action::Notice(notice),
            Err(e) => Action::NoticesLost(e.in_lang(lang)),
        };
        let lost = matches!(action, Action::NoticesLost(_));
        // The receiver is gone only when the loop has ended.
        if tx.send(action).is_err() || lost {
            return;
        }
    });
}
