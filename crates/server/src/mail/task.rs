//! The server's delivery task: where `selfserve serve` runs with a relay, it delivers the outbox
//! itself, every `EVERY`, each attempt recorded under the write turn and announced to watchers
//! like any other write.

use super::deliver::{deliver, Outbox};
use super::smtp::Relay;
use crate::server::{log, Shared};
use chrono::{DateTime, Utc};
use selfserve_core::api::{Change, RecordKind};
use selfserve_core::model::Email;
use selfserve_core::ops::delivery::{self, Attempt};
use selfserve_core::{text, Result};
use std::sync::Arc;
use std::time::Duration;

/// How often the server looks for e-mails due.
const EVERY: Duration = Duration::from_secs(10);

/// Runs until the server's runtime stops.
pub(crate) async fn run(shared: Arc<Shared>, relay: Arc<Relay>) {
    let mut ticks = tokio::time::interval(EVERY);
    loop {
        ticks.tick().await;
        let (shared, relay) = (shared.clone(), relay.clone());
        let _ = tokio::task::spawn_blocking(move || once(&shared, &relay)).await;
    }
}

fn once(shared: &Arc<Shared>, relay: &Relay) {
    let mut outbox = ServerOutbox(shared);
    match deliver(&mut outbox, relay, false, &Utc::now, &mut |_, _, _| {}) {
        Ok(summary) if summary.sent + summary.pending + summary.failed > 0 => log(
            shared.lang,
            text!(
                "delivery-log-run",
                sent = summary.sent,
                pending = summary.pending,
                failed = summary.failed
            ),
        ),
        Ok(_) => {}
        Err(e) => log(
            shared.lang,
            text!("delivery-log-error", error = e.text().clone()),
        ),
    }
}

/// The core reached directly: the server owns the database, and acts for no administrator.
struct ServerOutbox<'a>(&'a Arc<Shared>);

impl Outbox for ServerOutbox<'_> {
    fn due(&mut self, now: DateTime<Utc>, all_pending: bool) -> Result<Vec<Email>> {
        delivery::due_emails(&self.0.store, now, all_pending)
    }

    fn record(&mut self, id: u64, attempt: Attempt, now: DateTime<Utc>) -> Result<Email> {
        let shared = self.0;
        // Writes take turns, the server's own too.
        let _turn = shared.writes.blocking_lock();
        let email = delivery::record_by_server(&shared.store, id, &attempt, now)?;
        if let Ok(revision) = shared.store.revision() {
            let change = Change {
                revision,
                at: now,
                kind: RecordKind::Email,
                action: "recorded a delivery attempt".to_string(),
                ids: vec![id.to_string()],
                login: "system".to_string(),
                upn: "system".to_string(),
            };
            // Connection 0: none of the clients' (theirs count from 1).
            shared.notices.publish(change, 0);
        }
        Ok(email)
    }
}
