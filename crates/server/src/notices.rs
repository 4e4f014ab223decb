//! Change notices: every committed write is published once, and each watching connection sends
//! them on from its own bounded backlog. Publishing never waits: a watcher that falls more than
//! `BACKLOG` notices behind loses them and is told to reload everything instead.

use crate::protocol::{Notice, ToClient};
use selfserve_core::api::Change;
use std::io;
use tokio::sync::broadcast::{self, error::RecvError};

/// How many notices a watcher may fall behind before it is told to reload.
pub const BACKLOG: usize = 64;

/// The kernel buffer of a watching connection: notices are small, and a stuck watcher then
/// falls behind in its backlog (and hears "reload") rather than in the kernel.
const WATCH_SEND_BUFFER: usize = 4096;

pub struct Notices {
    sender: broadcast::Sender<(Change, u64)>,
}

impl Default for Notices {
    fn default() -> Self {
        Notices {
            sender: broadcast::channel(BACKLOG).0,
        }
    }
}

impl Notices {
    /// Tells every watcher of `change`, made through connection `connection`.
    pub fn publish(&self, change: Change, connection: u64) {
        // An error only means nobody watches.
        let _ = self.sender.send((change, connection));
    }

    /// A backlog of its own for a new watcher, starting now.
    pub fn watch(&self) -> Watch {
        Watch(self.sender.subscribe())
    }
}

pub struct Watch(broadcast::Receiver<(Change, u64)>);

impl Watch {
    /// The next message for the watcher; `None` once the server stops publishing.
    pub async fn next(&mut self) -> Option<ToClient> {
        let notice = match self.0.recv().await {
            Ok((change, connection)) => Notice::Changed { change, connection },
            Err(RecvError::Lagged(missed)) => Notice::Reload { missed },
            Err(RecvError::Closed) => return None,
        };
        Some(ToClient::Notice(notice))
    }
}

/// Shrinks the kernel's send buffer of a connection that now only watches.
pub fn small_send_buffer(stream: &tokio::net::UnixStream) -> io::Result<()> {
    use nix::sys::socket::{setsockopt, sockopt::SndBuf};
    setsockopt(stream, SndBuf, &WATCH_SEND_BUFFER).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use selfserve_core::api::RecordKind;

    fn change(revision: u64) -> Change {
        Change {
            revision,
            at: chrono::Utc::now(),
            kind: RecordKind::Policy,
            action: "changed the policy".into(),
            ids: vec!["CFQ7TTC0H9MP".into()],
            login: "admin".into(),
            upn: "admin@contoso.com".into(),
        }
    }

    #[tokio::test]
    async fn a_watcher_that_falls_behind_is_told_to_reload_and_nobody_waits() {
        let notices = Notices::default();
        let mut slow = notices.watch();
        let mut fast = notices.watch();
        let extra = 5;
        for revision in 1..=(BACKLOG as u64 + extra) {
            notices.publish(change(revision), 7);
            assert!(matches!(
                fast.next().await,
                Some(ToClient::Notice(Notice::Changed { .. }))
            ));
        }
        assert_eq!(
            slow.next().await,
            Some(ToClient::Notice(Notice::Reload { missed: extra }))
        );
        // Then the notices it still has, up to the newest.
        match slow.next().await {
            Some(ToClient::Notice(Notice::Changed { change, connection })) => {
                assert_eq!((change.revision, connection), (extra + 1, 7));
            }
            other => panic!("{other:?}"),
        }
    }
}
