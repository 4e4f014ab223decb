//! E-mail delivery (issue 16): which e-mails are due an attempt, and the record of each attempt.
//! The sending itself is the front end's (it holds the relay); the core decides what an answer
//! means for the e-mail, in one transaction with its audit event per attempt.
//!
//! A sender records an attempt only after the relay answered, so a crash in between leaves the
//! e-mail pending and it is sent again: a duplicate with the same Message-ID, never a loss.

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::{AuditEvent, Delivery, Email};
use crate::store::{abort, Store};
use crate::text;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// What the relay did with one e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attempt {
    /// Accepted (2xx): its answer.
    Accepted { answer: String },
    /// Not now: refused for now (4xx), timed out, or not reached. The e-mail stays pending.
    Deferred { reason: String },
    /// Rejected for good (5xx): its answer. The e-mail is failed.
    Rejected { answer: String },
}

/// The first retry waits this long; each next one twice as long as the one before.
const FIRST_RETRY: i64 = 60;
/// ... up to this long between two attempts.
const LONGEST_WAIT: i64 = 6 * 60 * 60;
/// A failed e-mail is given up after this many attempts; a pending one is tried for ever.
pub const MAX_FAILED_ATTEMPTS: u32 = 8;

/// The wait before the attempt after `attempts` attempts.
pub fn backoff(attempts: u32) -> Duration {
    let doublings = attempts.saturating_sub(1).min(20);
    Duration::seconds((FIRST_RETRY << doublings).min(LONGEST_WAIT))
}

/// The e-mails to try now, oldest first: every pending one when `all_pending` (an administrator
/// asking to send now), else the pending ones whose next attempt has come; and the failed ones
/// whose next attempt has come. Needs what sending needs, so a reader is refused before any
/// relay is reached.
pub fn due(
    store: &Store,
    actor: &Actor,
    now: DateTime<Utc>,
    all_pending: bool,
) -> Result<Vec<Email>> {
    actor.require(Capability::ManageSubscriptions, text!("delivery-do-send"))?;
    due_emails(store, now, all_pending)
}

/// `due` for the server's own delivery task, which acts for no administrator.
pub fn due_emails(store: &Store, now: DateTime<Utc>, all_pending: bool) -> Result<Vec<Email>> {
    let come = |e: &Email| e.status.next_attempt.is_none_or(|at| at <= now);
    let mut out = Vec::new();
    for email in store.outbox() {
        let email = email?;
        let wanted = match email.delivery {
            Delivery::Pending => all_pending || come(&email),
            Delivery::Failed => email.status.next_attempt.is_some_and(|at| at <= now),
            Delivery::Sent => false,
        };
        if wanted {
            out.push(email);
        }
    }
    Ok(out)
}

/// Records what the relay did with e-mail `id`, as `actor`.
pub fn record(
    store: &Store,
    actor: &Actor,
    id: u64,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> Result<Email> {
    actor.require(Capability::ManageSubscriptions, text!("delivery-do-send"))?;
    record_by(store, &actor.user.upn, id, attempt, now)
}

/// `record` for the server's own delivery task: the audit names `system`, as for lifecycle runs.
pub fn record_by_server(
    store: &Store,
    id: u64,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> Result<Email> {
    record_by(store, "system", id, attempt, now)
}

fn record_by(
    store: &Store,
    who: &str,
    id: u64,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> Result<Email> {
    let tenant = store.tenant().id;
    store.transact(|tx| {
        let Some(mut email) = tx.outbox_email(tenant, id)? else {
            return abort(Error::not_found(text!(
                "error-no-email",
                id = id.to_string()
            )));
        };
        // Sent by another sender meanwhile (the server and `outbox send` at once): it stays sent.
        if email.delivery == Delivery::Sent {
            return Ok(email);
        }
        let before = email.delivery;
        let status = &mut email.status;
        status.attempts = status.attempts.saturating_add(1);
        let (state, action, said) = match attempt {
            Attempt::Accepted { answer } => {
                status.sent_at = Some(now);
                status.answer = Some(answer.clone());
                status.next_attempt = None;
                (Delivery::Sent, "email.sent", answer)
            }
            Attempt::Deferred { reason } => {
                status.last_error = Some(reason.clone());
                status.next_attempt = Some(now + backoff(status.attempts));
                (Delivery::Pending, "email.deferred", reason)
            }
            Attempt::Rejected { answer } => {
                status.last_error = Some(answer.clone());
                status.next_attempt =
                    (status.attempts < MAX_FAILED_ATTEMPTS).then(|| now + backoff(status.attempts));
                (Delivery::Failed, "email.failed", answer)
            }
        };
        email.delivery = state;
        tx.put_delivery(id, state, &email.status)?;
        tx.audit(AuditEvent {
            id: 0,
            at: now,
            actor: who.to_string(),
            action: action.to_string(),
            target: email.message_id.clone(),
            before: Some(before.as_str().to_string()),
            after: Some(format!("{}: {said}", state.as_str())),
        })?;
        Ok(email)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_a_minute_up_to_six_hours() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(2), Duration::minutes(2));
        assert_eq!(backoff(5), Duration::minutes(16));
        assert_eq!(backoff(10), Duration::hours(6));
        assert_eq!(backoff(u32::MAX), Duration::hours(6));
    }
}
