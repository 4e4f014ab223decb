//! The lifecycle in the dashboard (SPEC §1 Status, §2 rules 1 and 2): applied at start and
//! whenever the clock's UTC date changes, in the background (each run scans every subscription,
//! so not on every tick). A role that may not apply it, or `--readonly`, gets the core's preview
//! instead and is told what is due. The message line says what changed; the lists it touched
//! are read again.

use super::session::Session;
use super::widgets::table::thousands;
use chrono::NaiveDate;
use selfserve_core::ops::lifecycle::{LifecycleReport, Step};
use selfserve_core::Capability;

/// The steps in the order the message names them.
const STEPS: [Step; 5] = [
    Step::Renewed,
    Step::Converted,
    Step::Expired,
    Step::Disabled,
    Step::Deleted,
];

/// What a run changed, or a preview found due, in counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// False for a preview: nothing was written.
    pub applied: bool,
    pub until: NaiveDate,
    /// How many steps of each kind, in `STEPS` order.
    pub steps: [usize; 5],
    pub licenses_removed: u64,
    pub emails: usize,
}

impl Summary {
    pub fn of(report: &LifecycleReport) -> Summary {
        let mut steps = [0; 5];
        for c in &report.changes {
            if let Some(i) = STEPS.iter().position(|s| *s == c.step) {
                steps[i] += 1;
            }
        }
        Summary {
            applied: report.applied,
            until: report.until.date_naive(),
            steps,
            licenses_removed: report
                .changes
                .iter()
                .map(|c| u64::from(c.licenses_removed))
                .sum(),
            emails: report.changes.iter().map(|c| c.emailed.len()).sum(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.steps.iter().all(|&n| n == 0)
    }

    /// "3 renewed, 1 deleted" (or what is due, for a preview).
    fn counts(&self) -> String {
        let words: [(&str, &str); 5] = [
            ("renewed", "to renew"),
            ("converted", "to convert"),
            ("expired", "to expire"),
            ("disabled", "to disable"),
            ("deleted", "to delete"),
        ];
        self.steps
            .iter()
            .zip(words)
            .filter(|(n, _)| **n > 0)
            .map(|(n, (done, due))| {
                let what = if self.applied { done } else { due };
                format!("{} {what}", thousands(*n as u64))
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The message line's account of the run, counts first so 80 columns show them; `why_not`
    /// says why a preview was not applied.
    pub fn message(&self, why_not: Option<&str>) -> String {
        format!("Lifecycle{}", self.detail(why_not))
    }

    /// The message without its first word, for help's "Lifecycle" line.
    pub fn detail(&self, why_not: Option<&str>) -> String {
        if self.applied {
            let mut text = format!(": {}", self.counts());
            if self.licenses_removed > 0 {
                text.push_str(&format!(
                    "; {} license{} removed",
                    self.licenses_removed,
                    if self.licenses_removed == 1 { "" } else { "s" }
                ));
            }
            if self.emails > 0 {
                text.push_str(&format!(
                    "; {} e-mail{} sent",
                    self.emails,
                    if self.emails == 1 { "" } else { "s" }
                ));
            }
            text
        } else {
            format!(
                " due: {}; not applied: {}",
                self.counts(),
                why_not.unwrap_or("preview only")
            )
        }
    }
}

/// Why this session only previews the lifecycle, or None when it applies it.
pub fn preview_only(session: &Session) -> Option<String> {
    let cap = Capability::ManageSubscriptions;
    if session.readonly {
        Some("--readonly".to_string())
    } else if !cap.allowed(session.role) {
        Some(format!(
            "{} may not apply it: it needs {}",
            session.role.as_str(),
            cap.needs()
        ))
    } else {
        None
    }
}

/// The dashboard's side of the lifecycle: the date it last ran for, and whether a run is out.
#[derive(Debug, Clone, Default)]
pub struct LifecycleState {
    pub day: Option<NaiveDate>,
    pub running: bool,
    pub last: Option<Summary>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(applied: bool) -> Summary {
        Summary {
            applied,
            until: NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"),
            steps: [2, 0, 1, 0, 1],
            licenses_removed: 3,
            emails: 4,
        }
    }

    #[test]
    fn messages_count_what_changed_or_is_due() {
        assert_eq!(
            summary(true).message(None),
            "Lifecycle: 2 renewed, 1 expired, 1 deleted; 3 licenses removed; 4 e-mails sent"
        );
        assert_eq!(
            summary(false).message(Some("--readonly")),
            "Lifecycle due: 2 to renew, 1 to expire, 1 to delete; not applied: --readonly"
        );
    }
}
