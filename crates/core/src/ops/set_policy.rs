//! Setting the `AllowSelfServicePurchase` policy of one product or of every product
//! (SPEC §1 Policy, §2 rules 7 and 8). A change applies from then on: existing purchases and
//! trials are not touched.

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What the administrator is told when a policy starts to allow purchases or trials (rule 8).
/// The dashboard's policy panel shows these same words.
pub const DATA_NOTICE: &str = "When users may buy or start trials of a product, the Microsoft \
Commerce service processes directory data about them outside your tenant: their first and last \
name, e-mail address, IP address, and the tenant and user GUIDs (from their Microsoft Entra ID \
access token). It uses that data to give the user a license and to e-mail them about the \
subscription.";

/// Whether a value lets users buy or try anything, which is when rule 8's notice applies.
pub fn allows_self_service(value: PolicyValue) -> bool {
    value != PolicyValue::Disabled
}

/// Parses a policy value as typed by an administrator, or says which values exist (exit 2).
pub fn parse_value(text: &str) -> Result<PolicyValue> {
    PolicyValue::parse(text).ok_or_else(|| {
        Error::usage(crate::text!(
            "error-not-a-policy-value",
            given = text.escape_debug().to_string()
        ))
    })
}

/// `OnlyTrialsWithoutPaymentMethod` only for a product that has a trial without a payment
/// method: `Update-MSCommerceProductPolicy` refuses it for the others (issue 14, point 5).
pub fn check_value(product: &Product, value: PolicyValue) -> Result<()> {
    if value == PolicyValue::OnlyTrialsWithoutPaymentMethod && !product.trial_without_payment_method
    {
        return Err(Error::refused(crate::text!(
            "gov-no-cardless-trial",
            product = product.name.as_str(),
            id = product.id.0.as_str()
        )));
    }
    Ok(())
}

/// Which products a change covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicyScope {
    /// One product, by id.
    Product(String),
    /// Every product of the catalogue, in one transaction.
    All,
}

/// One product's policy before and after, with the PowerShell module's field names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyChange {
    #[serde(rename = "ProductName")]
    pub product_name: String,
    #[serde(rename = "ProductId")]
    pub product_id: ProductId,
    #[serde(rename = "PolicyId")]
    pub policy_id: String,
    #[serde(rename = "PolicyValue")]
    pub policy_value: PolicyValue,
    #[serde(rename = "PreviousValue")]
    pub previous_value: PolicyValue,
    #[serde(rename = "Changed")]
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetPolicyOutcome {
    pub policies: Vec<PolicyChange>,
    /// Rule 8's notice, present whenever the new value allows purchases or trials.
    #[serde(deserialize_with = "crate::formats::data_notice")]
    pub data_notice: Option<crate::formats::StaticName>,
}

/// Sets the policy of `scope` to `value`. Needs `GlobalAdministrator`; every product whose value
/// changes gets an audit event with the value before and after, all in one transaction.
pub fn set_policy(
    store: &Store,
    actor: &Actor,
    scope: &PolicyScope,
    value: PolicyValue,
    now: DateTime<Utc>,
) -> Result<SetPolicyOutcome> {
    actor.require(
        Capability::ManagePolicies,
        crate::text!("core-do-change-policies"),
    )?;
    let products = match scope {
        PolicyScope::Product(id) => vec![store.policy_product(id)?],
        PolicyScope::All => store.policy_products()?,
    };
    // The whole change or none of it: one product that cannot take the value refuses it.
    for p in &products {
        check_value(p, value)?;
    }
    let policies = store.transact(|tx| {
        let mut changes = Vec::with_capacity(products.len());
        for p in &products {
            let before = tx.policy(&p.id)?;
            if before != value {
                tx.set_policy(&p.id, value)?;
                tx.audit(AuditEvent {
                    id: 0,
                    at: now,
                    actor: actor.user.upn.clone(),
                    action: "policy.set".to_string(),
                    target: format!("{} ({})", p.id, p.name),
                    before: Some(before.as_str().to_string()),
                    after: Some(value.as_str().to_string()),
                })?;
            }
            changes.push(PolicyChange {
                product_name: p.name.clone(),
                product_id: p.id.clone(),
                policy_id: POLICY_ID.to_string(),
                policy_value: value,
                previous_value: before,
                changed: before != value,
            });
        }
        Ok(changes)
    })?;
    Ok(SetPolicyOutcome {
        policies,
        data_notice: allows_self_service(value).then_some(DATA_NOTICE),
    })
}
