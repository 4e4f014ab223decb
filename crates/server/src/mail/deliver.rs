//! One delivery run: the e-mails due, each handed to the relay, then its attempt recorded by the
//! core. The same run serves `outbox send`, the dashboard's `s` and the server's delivery task;
//! only how they reach the core differs (`Outbox`).

use super::smtp::Relay;
use crate::Client;
use chrono::{DateTime, Utc};
use selfserve_core::api::Request;
use selfserve_core::model::{Delivery, Email};
use selfserve_core::ops::delivery::Attempt;
use selfserve_core::Result;
use serde::{Deserialize, Serialize};

/// The two things a delivery run asks of the core.
pub trait Outbox {
    /// The e-mails to try now (`Request::OutboxDue`).
    fn due(&mut self, now: DateTime<Utc>, all_pending: bool) -> Result<Vec<Email>>;
    /// Records one attempt (`Request::RecordDelivery`).
    fn record(&mut self, id: u64, attempt: Attempt, now: DateTime<Utc>) -> Result<Email>;
}

/// A front end's run, through its client: the core checks its role.
impl Outbox for &Client {
    fn due(&mut self, now: DateTime<Utc>, all_pending: bool) -> Result<Vec<Email>> {
        self.ask(Request::OutboxDue { now, all_pending })
    }

    fn record(&mut self, id: u64, attempt: Attempt, now: DateTime<Utc>) -> Result<Email> {
        self.ask(Request::RecordDelivery { id, attempt, now })
    }
}

/// What a run did, for `outbox send --json` and the screens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub sent: usize,
    /// Left pending: the relay refused for now, timed out or was not reached.
    pub pending: usize,
    pub failed: usize,
}

impl Summary {
    fn count(&mut self, email: &Email) {
        match email.delivery {
            Delivery::Sent => self.sent += 1,
            Delivery::Pending => self.pending += 1,
            Delivery::Failed => self.failed += 1,
        }
    }
}

/// Delivers the e-mails due at `now()` (every pending one with `all_pending`); `done` hears of
/// each e-mail once its attempt is recorded, with how many are done of how many.
pub fn deliver(
    outbox: &mut dyn Outbox,
    relay: &Relay,
    all_pending: bool,
    now: &dyn Fn() -> DateTime<Utc>,
    done: &mut dyn FnMut(&Email, usize, usize),
) -> Result<Summary> {
    let due = outbox.due(now(), all_pending)?;
    let mut summary = Summary::default();
    // Once the relay cannot be reached, the rest are left pending with the same reason.
    let mut unreachable: Option<String> = None;
    for (i, email) in due.iter().enumerate() {
        let attempt = match &unreachable {
            Some(reason) => Attempt::Deferred {
                reason: reason.clone(),
            },
            None => {
                let tried = relay.send(email);
                if let (false, Attempt::Deferred { reason }) = (tried.reached, &tried.attempt) {
                    unreachable = Some(reason.clone());
                }
                tried.attempt
            }
        };
        let recorded = outbox.record(email.id, attempt, now())?;
        summary.count(&recorded);
        done(&recorded, i + 1, due.len());
    }
    Ok(summary)
}
