//! What a policy change would leave untouched (issue 14, point 4): a change applies from then on
//! (SPEC §1), so the self-service subscriptions of a product, their users and what they cost go
//! on as they are. `policy set --dry-run` shows them, so an administrator can take them over.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::formats::{money_json, StaticName};
use crate::model::{Money, PolicyValue, Status, SubscriptionId, POLICY_ID};
use crate::ops::lifecycle;
use crate::ops::set_policy::{
    allows_self_service, check_value, PolicyChange, PolicyScope, DATA_NOTICE,
};
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One product's self-service subscriptions that a change of its policy leaves as they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductImpact {
    #[serde(rename = "ProductId")]
    pub product_id: String,
    #[serde(rename = "ProductName")]
    pub product_name: String,
    /// Self-service subscriptions not deleted at the clock.
    pub subscriptions: u64,
    /// Licenses of them assigned to users.
    pub users: u64,
    /// What they cost per month, at the clock.
    #[serde(serialize_with = "money_json")]
    pub monthly_spend: Money,
    /// Their ids, to open them for take-over.
    pub subscription_ids: Vec<SubscriptionId>,
}

/// `policy set --dry-run`: what `policy set` would answer, changing nothing, and what it leaves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyPreview {
    pub policies: Vec<PolicyChange>,
    #[serde(deserialize_with = "crate::formats::data_notice")]
    pub data_notice: Option<StaticName>,
    pub dry_run: bool,
    /// For each product whose value would change and that has self-service subscriptions.
    pub untouched: Vec<ProductImpact>,
}

pub fn preview(
    store: &Store,
    actor: &Actor,
    scope: &PolicyScope,
    value: PolicyValue,
    now: DateTime<Utc>,
) -> Result<PolicyPreview> {
    actor.require_change(
        Capability::ManagePolicies,
        crate::text!("core-do-change-policies"),
        true,
    )?;
    let products = match scope {
        PolicyScope::Product(id) => vec![store.policy_product(id)?],
        PolicyScope::All => store.policy_products()?,
    };
    for p in &products {
        check_value(p, value)?;
    }
    let currency = store.tenant().currency.clone();
    let today = now.date_naive();
    let mut policies = Vec::with_capacity(products.len());
    let mut untouched = Vec::new();
    for p in products {
        let before = store.policy(&p.id)?;
        if before != value {
            let mut impact = ProductImpact {
                product_id: p.id.0.clone(),
                product_name: p.name.clone(),
                subscriptions: 0,
                users: 0,
                monthly_spend: Money::new(0, &currency),
                subscription_ids: Vec::new(),
            };
            for sub in store.subscriptions_of_product(&p.id)? {
                let (sub, _) = lifecycle::as_of(&sub, today);
                if !sub.origin.is_self_service() || sub.status == Status::Deleted {
                    continue;
                }
                impact.subscriptions += 1;
                impact.users += u64::from(sub.assigned);
                impact.monthly_spend.minor += sub.monthly_spend();
                impact.subscription_ids.push(sub.id);
            }
            if impact.subscriptions > 0 {
                untouched.push(impact);
            }
        }
        policies.push(PolicyChange {
            product_name: p.name,
            product_id: p.id,
            policy_id: POLICY_ID.to_string(),
            policy_value: value,
            previous_value: before,
            changed: before != value,
        });
    }
    Ok(PolicyPreview {
        policies,
        data_notice: allows_self_service(value).then_some(DATA_NOTICE),
        dry_run: true,
        untouched,
    })
}
