//! Turning the administrators' notice of each self-service purchase and trial on or off (SPEC §2
//! rule 12, issue 15). Only a GlobalAdministrator may; the setting and its audit event are one
//! transaction.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::model::AuditEvent;
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The setting before and after; `changed` is false where it was that already (then nothing is
/// written and no audit event recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseNoticeChange {
    pub purchase_notice: bool,
    pub previous: bool,
    pub changed: bool,
}

fn word(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        "off"
    }
}

/// Sets whether administrators get the notice. Needs `GlobalAdministrator` (exit 3 otherwise).
pub fn set_purchase_notice(
    store: &Store,
    actor: &Actor,
    on: bool,
    now: DateTime<Utc>,
) -> Result<PurchaseNoticeChange> {
    actor.require(
        Capability::ManagePolicies,
        crate::text!("spend-do-set-notice"),
    )?;
    let tenant = store.tenant().id.to_string();
    store.transact(|tx| {
        let previous = tx.purchase_notice()?;
        if previous != on {
            tx.set_purchase_notice(on)?;
            tx.audit(AuditEvent {
                id: 0,
                at: now,
                actor: actor.user.upn.clone(),
                action: "tenant.set-purchase-notice".to_string(),
                target: tenant.clone(),
                before: Some(word(previous).to_string()),
                after: Some(word(on).to_string()),
            })?;
        }
        Ok(PurchaseNoticeChange {
            purchase_notice: on,
            previous,
            changed: previous != on,
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::store::purchase_notice_of;

    #[test]
    fn a_database_made_before_the_setting_notifies_and_a_damaged_one_says_so() {
        assert_eq!(purchase_notice_of(None), Ok(true));
        assert_eq!(purchase_notice_of(Some(b"on")), Ok(true));
        assert_eq!(purchase_notice_of(Some(b"off")), Ok(false));
        let damaged = purchase_notice_of(Some(b"xx")).expect_err("damaged");
        assert_eq!(damaged.exit_code(), 5);
        assert!(damaged.in_lang(Lang::En).contains("set-purchase-notice"));
    }
}
