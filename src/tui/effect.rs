//! Effects: the work `update` asks for, as values. The event loop and the headless driver hand
//! each one to `runner::run` off the UI thread; its result comes back as an `Action`.

use super::rows::SubsKey;
use chrono::{DateTime, Utc};
use selfserve_core::model::SubscriptionId;
use selfserve_server::Client;
use std::any::Any;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug)]
pub enum Effect {
    /// Reads that show statuses carry the clock: the core shows them as the lifecycle has them then.
    LoadProducts {
        self_service: bool,
        now: DateTime<Utc>,
    },
    LoadSubscriptions(SubsKey, DateTime<Utc>),
    LoadUsers(Vec<SubscriptionId>),
    LoadPolicies,
    LoadAudit,
    LoadOutbox,
    Export {
        subs: Vec<SubscriptionId>,
        path: PathBuf,
        now: DateTime<Utc>,
    },
    /// Applies the lifecycle up to `now`, or previews it where the session may not apply it.
    Lifecycle {
        now: DateTime<Utc>,
        apply: bool,
    },
    LoadBuyers,
    /// The spend report at the clock (the Spend screen).
    LoadSpend {
        now: DateTime<Utc>,
    },
    /// Delivers the pending e-mails through the relay; progress comes back as actions.
    SendOutbox {
        relay: selfserve_server::mail::RelaySettings,
        now: DateTime<Utc>,
    },
    /// A dialog's dry run or write; its reply goes back to the dialog.
    Dialog(Job),
}

/// What a dialog's job brought back: the dialog that asked knows its type. Shared, so that an
/// action stays a plain value that can be cloned.
pub type Reply = Arc<dyn Any + Send + Sync>;

/// The call a job makes.
type Work = Box<dyn FnOnce(&Client) -> Reply + Send>;

/// Work a dialog asks of the core, carried as the very call it will make.
pub struct Job {
    what: &'static str,
    work: Work,
}

impl Job {
    pub fn new<R: Any + Send + Sync>(
        what: &'static str,
        work: impl FnOnce(&Client) -> R + Send + 'static,
    ) -> Job {
        Job {
            what,
            work: Box::new(move |client| Arc::new(work(client)) as Reply),
        }
    }

    pub fn run(self, client: &Client) -> Reply {
        (self.work)(client)
    }
}

impl fmt::Debug for Job {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Job({})", self.what)
    }
}
