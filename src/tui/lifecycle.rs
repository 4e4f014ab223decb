//! The lifecycle in the dashboard (SPEC §1 Status, §2 rules 1 and 2): applied at start and
//! whenever the clock's UTC date changes, in the background (each run scans every subscription,
//! so not on every tick). A role that may not apply it, or `--readonly`, gets the core's preview
//! instead and is told what is due. The message line says what changed; the lists it touched
//! are read again.

use super::labels;
use super::session::Session;
use crate::i18n::Lang;
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

    /// "3 renewed, 1 deleted" (or what is due, for a preview), then what else the run did.
    fn counts(&self, lang: Lang) -> String {
        let ids: [(&str, &str); 5] = [
            ("lifecycle-renewed", "lifecycle-to-renew"),
            ("lifecycle-converted", "lifecycle-to-convert"),
            ("lifecycle-expired", "lifecycle-to-expire"),
            ("lifecycle-disabled", "lifecycle-to-disable"),
            ("lifecycle-deleted", "lifecycle-to-delete"),
        ];
        let steps = self
            .steps
            .iter()
            .zip(ids)
            .filter(|(n, _)| **n > 0)
            .map(|(n, (done, due))| {
                let id = if self.applied { done } else { due };
                lang.tr(id, &[("count", (*n).into())])
            })
            .reduce(|a, b| lang.tr("lifecycle-list", &[("first", a.into()), ("next", b.into())]))
            .unwrap_or_default();
        if !self.applied {
            return steps;
        }
        let mut text = steps;
        for (n, id) in [
            (self.licenses_removed, "lifecycle-licenses-removed"),
            (self.emails as u64, "lifecycle-emails-sent"),
        ] {
            if n > 0 {
                let more = lang.tr(id, &[("count", n.into())]);
                text = lang.tr(
                    "lifecycle-then",
                    &[("first", text.into()), ("next", more.into())],
                );
            }
        }
        text
    }

    /// The message line's account of the run, counts first so 80 columns show them; `why_not`
    /// says why a preview was not applied.
    pub fn message(&self, lang: Lang, why_not: Option<&str>) -> String {
        let id = if self.applied {
            "lifecycle-message-applied"
        } else {
            "lifecycle-message-due"
        };
        self.say(lang, id, why_not)
    }

    /// The same without its first word, for help's "Lifecycle" line.
    pub fn detail(&self, lang: Lang, why_not: Option<&str>) -> String {
        let id = if self.applied {
            "lifecycle-detail-applied"
        } else {
            "lifecycle-detail-due"
        };
        self.say(lang, id, why_not)
    }

    fn say(&self, lang: Lang, id: &str, why_not: Option<&str>) -> String {
        let why = match why_not {
            Some(why) => why.to_string(),
            None => labels::word(lang, "lifecycle-preview-only").to_string(),
        };
        lang.tr(
            id,
            &[("what", self.counts(lang).into()), ("why", why.into())],
        )
    }
}

/// Why this session only previews the lifecycle (in its language), or None when it applies it.
pub fn preview_only(session: &Session) -> Option<String> {
    let cap = Capability::ManageSubscriptions;
    let lang = session.lang;
    if session.readonly {
        Some("--readonly".to_string())
    } else if !cap.allowed(session.role) {
        Some(lang.tr(
            "lifecycle-role-may-not",
            &[
                ("role", session.role.as_str().into()),
                ("needs", labels::needs(lang, cap).into()),
            ],
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
            summary(true).message(Lang::En, None),
            "Lifecycle: 2 renewed, 1 expired, 1 deleted; 3 licenses removed; 4 e-mails sent"
        );
        assert_eq!(
            summary(false).message(Lang::En, Some("--readonly")),
            "Lifecycle due: 2 to renew, 1 to expire, 1 to delete; not applied: --readonly"
        );
        assert_eq!(
            summary(false).detail(Lang::En, None),
            "due: 2 to renew, 1 to expire, 1 to delete; not applied: preview only"
        );
    }

    #[test]
    fn messages_in_french_agree_with_their_counts() {
        assert_eq!(
            summary(true).message(Lang::Fr, None),
            "Échéances : 2 renouvelés, 1 expiré, 1 supprimé ; 3 licences retirées ; 4 e-mails envoyés"
        );
        assert_eq!(
            summary(false).message(Lang::Fr, Some("--readonly")),
            "Échéances dues : 2 à renouveler, 1 à expirer, 1 à supprimer ; non appliquées : --readonly"
        );
        let mut one = summary(true);
        one.steps = [0, 1, 0, 0, 0];
        one.licenses_removed = 1;
        one.emails = 1;
        assert_eq!(
            one.detail(Lang::Fr, None),
            "1 converti ; 1 licence retirée ; 1 e-mail envoyé"
        );
    }
}
