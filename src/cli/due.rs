//! What every read says when the lifecycle has steps due at the clock that no run has applied
//! yet (SPEC §2 rule 11): the statuses shown already follow them.

use selfserve_core::query::DueStep;
use selfserve_core::words::{agree, count};

/// The line under a listing, or None when nothing is due.
pub fn line(subscriptions: u64) -> Option<String> {
    (subscriptions > 0).then(|| {
        format!(
            "{} {} lifecycle steps due but not applied; statuses are shown as of the clock. Apply them with `selfserve lifecycle run`.",
            count(subscriptions, "subscription"),
            agree(subscriptions, "has", "have")
        )
    })
}

/// "expired on 2026-10-01, disabled on 2026-10-31", for one subscription's detail.
pub fn steps(due: &[DueStep]) -> String {
    due.iter()
        .map(|d| format!("{} on {}", d.step.as_str(), d.on))
        .collect::<Vec<_>>()
        .join(", ")
}
