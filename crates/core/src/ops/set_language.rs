//! Setting the tenant's language (issue 11): the language of every e-mail the core writes to
//! the outbox from then on. Only a GlobalAdministrator may; the setting and its audit event are
//! one transaction. E-mails already in the outbox keep their words.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::i18n::Lang;
use crate::model::AuditEvent;
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The tenant's language before and after; `changed` is false where it was that already (then
/// nothing is written and no audit event recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageChange {
    pub language: Lang,
    pub previous: Lang,
    pub changed: bool,
}

/// Sets the tenant's language to `language`. Needs `GlobalAdministrator` (exit 3 otherwise).
pub fn set_language(
    store: &Store,
    actor: &Actor,
    language: Lang,
    now: DateTime<Utc>,
) -> Result<LanguageChange> {
    actor.require(
        Capability::ManagePolicies,
        crate::text!("core-do-change-language"),
    )?;
    let tenant = store.tenant().id.to_string();
    store.transact(|tx| {
        let previous = tx.language()?;
        if previous != language {
            tx.set_language(language)?;
            tx.audit(AuditEvent {
                id: 0,
                at: now,
                actor: actor.user.upn.clone(),
                action: "tenant.set-language".to_string(),
                target: tenant.clone(),
                before: Some(previous.code().to_string()),
                after: Some(language.code().to_string()),
            })?;
        }
        Ok(LanguageChange {
            language,
            previous,
            changed: previous != language,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::language_of;

    #[test]
    fn a_database_made_before_the_setting_is_english_and_a_damaged_one_says_so() {
        assert_eq!(language_of(None), Ok(Lang::En));
        assert_eq!(language_of(Some(b"en")), Ok(Lang::En));
        assert_eq!(language_of(Some(b"fr")), Ok(Lang::Fr));
        let damaged = language_of(Some(b"xx")).expect_err("damaged");
        assert_eq!(damaged.exit_code(), 5);
        assert!(damaged.in_lang(Lang::Fr).contains("set-language"));
    }
}
