//! Another administrator's change, as the server's notices tell it: the dashboard reads again
//! what it shows and says on the message line what changed and who did it. An open dialog stays
//! open; a plan the change made stale is refused by the core when confirmed.

use super::App;
use crate::text::sanitize;
use crate::tui::effect::Effect;
use selfserve_server::protocol::Notice;

impl App {
    pub(super) fn notice(&mut self, notice: Notice, fx: &mut Vec<Effect>) {
        self.reload(fx);
        match notice {
            Notice::Changed { change, .. } => {
                let text = self.session.lang.tr(
                    "msg-changed",
                    &[
                        (
                            "summary",
                            sanitize(&summary(self.session.lang, &change)).into(),
                        ),
                        ("revision", change.revision.to_string().into()),
                    ],
                );
                self.say(text)
            }
            Notice::Reload { missed } => {
                let text = self
                    .session
                    .lang
                    .tr("msg-changes-missed", &[("count", missed.into())]);
                self.say(text)
            }
        }
    }

    /// The notices stop only when the server went away: the dashboard ends, and says why once
    /// the terminal is back (exit 5), rather than showing what may no longer be true.
    pub(super) fn notices_lost(&mut self, why: &str) {
        self.gone = Some(why.to_string());
        self.quit = true;
    }
}

/// One line for a person, as `Change::summary` words it in English: who did what to which
/// records ("alice@contoso.com moved users: subscription 1a2b3c4d, 5e6f7a8b"). The change names
/// what was done in the core's fixed English words; each has its message here, and one this
/// dashboard does not know yet is shown as the core says it.
fn summary(lang: crate::i18n::Lang, change: &selfserve_core::api::Change) -> String {
    use crate::tui::labels::word;
    use selfserve_core::api::RecordKind;
    if lang == crate::i18n::Lang::En {
        return change.summary();
    }
    let action = match change.action.as_str() {
        "took over" => word(lang, "notice-took-over"),
        "moved users" => word(lang, "notice-moved-users"),
        "cancelled" => word(lang, "notice-cancelled"),
        "bought" => word(lang, "notice-bought"),
        "centralised" => word(lang, "notice-centralised"),
        "bought for a user" => word(lang, "notice-bought-for-user"),
        "started a trial for a user" => word(lang, "notice-trial-for-user"),
        "ran the lifecycle" => word(lang, "notice-ran-lifecycle"),
        "assigned licenses" => word(lang, "notice-assigned"),
        "removed licenses" => word(lang, "notice-removed"),
        "changed the policy" => word(lang, "notice-changed-policy"),
        "changed every product's policy" => word(lang, "notice-changed-every-policy"),
        "bound an administrator" => word(lang, "notice-bound-admin"),
        "unbound an administrator" => word(lang, "notice-unbound-admin"),
        _ => return change.summary(),
    };
    let kind = word(
        lang,
        match change.kind {
            RecordKind::Subscription => "notice-kind-subscription",
            RecordKind::Assignment => "notice-kind-assignment",
            RecordKind::Policy => "notice-kind-policy",
            RecordKind::Admin => "notice-kind-admin",
        },
    );
    // The ids as the English summary cuts them: what follows its "kind ".
    let english = change.summary();
    let prefix = format!("{} {}: {}", change.upn, change.action, change.kind.as_str());
    let ids = english.strip_prefix(&prefix).unwrap_or_default();
    lang.tr(
        "notice-summary",
        &[
            ("who", change.upn.clone().into()),
            ("action", action.into()),
            ("kind", format!("{kind}{ids}").into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::summary;
    use crate::i18n::Lang;
    use selfserve_core::api::{Change, RecordKind};

    #[test]
    fn another_administrators_change_reads_in_french() {
        let change = Change {
            revision: 7,
            at: chrono::Utc::now(),
            kind: RecordKind::Subscription,
            action: "moved users".into(),
            ids: vec![
                "1a2b3c4d-0000-4000-8000-000000000000".into(),
                "5e6f7a8b-0000-4000-8000-000000000000".into(),
            ],
            login: "alice".into(),
            upn: "alice@contoso.example".into(),
        };
        assert_eq!(
            summary(Lang::En, &change),
            "alice@contoso.example moved users: subscription 1a2b3c4d, 5e6f7a8b"
        );
        assert_eq!(
            summary(Lang::Fr, &change),
            "alice@contoso.example a déplacé des utilisateurs : abonnement 1a2b3c4d, 5e6f7a8b"
        );
        let unknown = Change {
            action: "did something new".into(),
            ..change
        };
        assert_eq!(
            summary(Lang::Fr, &unknown),
            "alice@contoso.example did something new: subscription 1a2b3c4d, 5e6f7a8b"
        );
    }
}
