//! `policy set --offer-type TYPE VALUE`: the policy of an offer type (SaaS apps, Power BI
//! visuals, Dynamics 365 apps), `Enabled` or `Disabled` only as the module has it (issue 14,
//! point 5). Needs `GlobalAdministrator`; one transaction with its audit event.

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::{AuditEvent, PolicyValue};
use crate::policy::OfferType;
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferTypeChange {
    #[serde(rename = "OfferType")]
    pub offer_type: OfferType,
    #[serde(rename = "PolicyValue")]
    pub policy_value: PolicyValue,
    #[serde(rename = "PreviousValue")]
    pub previous_value: PolicyValue,
    #[serde(rename = "Changed")]
    pub changed: bool,
}

pub fn set_offer_policy(
    store: &Store,
    actor: &Actor,
    offer: OfferType,
    value: PolicyValue,
    now: DateTime<Utc>,
) -> Result<OfferTypeChange> {
    actor.require(
        Capability::ManagePolicies,
        crate::text!("core-do-change-policies"),
    )?;
    if value == PolicyValue::OnlyTrialsWithoutPaymentMethod {
        return Err(Error::refused(crate::text!(
            "gov-offer-trials-only",
            offer = offer.as_str()
        )));
    }
    let previous = store.offer_type_policy(offer)?;
    if previous == value {
        return Ok(OfferTypeChange {
            offer_type: offer,
            policy_value: value,
            previous_value: previous,
            changed: false,
        });
    }
    store.transact(|tx| {
        let previous = tx.offer_type_policy(offer)?;
        tx.set_offer_type_policy(offer, value)?;
        tx.audit(AuditEvent {
            id: 0,
            at: now,
            actor: actor.user.upn.clone(),
            action: "policy.offer-type".to_string(),
            target: offer.as_str().to_string(),
            before: Some(previous.as_str().to_string()),
            after: Some(value.as_str().to_string()),
        })?;
        Ok(OfferTypeChange {
            offer_type: offer,
            policy_value: value,
            previous_value: previous,
            changed: previous != value,
        })
    })
}
