//! What every read says when the lifecycle has steps due at the clock that no run has applied
//! yet (SPEC §2 rule 11): the statuses shown already follow them.

use selfserve::i18n::Lang;
use selfserve_core::ops::lifecycle::Step;
use selfserve_core::query::DueStep;

/// The line under a listing, or None when nothing is due.
pub fn line(lang: Lang, subscriptions: u64) -> Option<String> {
    (subscriptions > 0).then(|| say!(lang, "cli-due-line", count = subscriptions))
}

/// "expired on 2026-10-01, disabled on 2026-10-31", for one subscription's detail.
pub fn steps(lang: Lang, due: &[DueStep]) -> String {
    due.iter()
        .map(|d| say!(lang, "cli-due-step", step = step(lang, d.step), date = d.on))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A lifecycle step as people read it: "expired", « expiré ».
pub fn step(lang: Lang, step: Step) -> String {
    lang.t(match step {
        Step::Renewed => "cli-step-renewed",
        Step::Converted => "cli-step-converted",
        Step::Expired => "cli-step-expired",
        Step::Disabled => "cli-step-disabled",
        Step::Deleted => "cli-step-deleted",
    })
}
