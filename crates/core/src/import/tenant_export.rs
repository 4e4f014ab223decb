//! `tenant export`: the directory's users as `Get-MgUser -All -Property Id,DisplayName,
//! UserPrincipalName,Department,AccountEnabled,AssignedLicenses | ConvertTo-Json -Depth 5` writes
//! them, and the subscriptions as Graph's `GET /directory/subscriptions` answers, so that
//! `import users` and `import subscriptions` read them back. Each subscription also carries a
//! `selfserve` object with what Graph does not say (term, price, payment, renewal, take-over):
//! a real Graph file has none, and the import then derives them.

use super::skus::Skus;
use super::subscriptions::Extension;
use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// The two files' text, rendered by the core so the wire carries no JSON-only shapes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantExport {
    pub users: u64,
    pub subscriptions: u64,
    pub users_json: String,
    pub subscriptions_json: String,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct GraphUser<'a> {
    account_enabled: bool,
    assigned_licenses: Vec<GraphLicense>,
    department: Option<&'a str>,
    display_name: &'a str,
    id: UserId,
    user_principal_name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct GraphLicense {
    disabled_plans: Vec<String>,
    sku_id: Option<uuid::Uuid>,
    /// Only for a product the published list has no SKU id for: its product id.
    #[serde(skip_serializing_if = "Option::is_none")]
    sku_part_number: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GraphSubscription {
    id: SubscriptionId,
    sku_id: Option<uuid::Uuid>,
    sku_part_number: String,
    status: &'static str,
    total_licenses: u32,
    is_trial: bool,
    created_date_time: String,
    next_lifecycle_date_time: String,
    owner_type: Option<&'static str>,
    owner_id: Option<UserId>,
    selfserve: Extension,
}

#[derive(Serialize)]
struct GraphCollection<T> {
    #[serde(rename = "@odata.context")]
    context: &'static str,
    value: Vec<T>,
}

pub fn tenant_export(store: &Store, actor: &Actor) -> Result<TenantExport> {
    actor.require(Capability::Read, text!("import-do-tenant-export"))?;
    let skus = Skus::load(store)?;
    let mut subs = Vec::new();
    let mut product_of: HashMap<SubscriptionId, (ProductId, Status)> = HashMap::new();
    for sub in store.subscriptions() {
        let sub = sub?;
        product_of.insert(sub.id, (sub.product_id.clone(), sub.status));
        subs.push(sub);
    }
    let mut users = Vec::new();
    for user in store.users() {
        users.push(user?);
    }
    let mut graph_users = Vec::with_capacity(users.len());
    for u in &users {
        let held: BTreeSet<ProductId> = store
            .licenses_of_user(u.id)?
            .into_iter()
            .filter_map(|s| product_of.get(&s))
            .filter(|(_, status)| *status != Status::Deleted)
            .map(|(p, _)| p.clone())
            .collect();
        graph_users.push(GraphUser {
            account_enabled: u.enabled,
            assigned_licenses: held
                .iter()
                .map(|p| {
                    let (id, part) = skus.sku(p);
                    GraphLicense {
                        disabled_plans: Vec::new(),
                        sku_id: id,
                        sku_part_number: id.is_none().then_some(part),
                    }
                })
                .collect(),
            department: Some(u.department.as_str()).filter(|d| !d.is_empty()),
            display_name: &u.display_name,
            id: u.id,
            user_principal_name: &u.upn,
        });
    }
    let graph_subs: Vec<GraphSubscription> = subs.iter().map(|s| graph(s, &skus)).collect();
    let users_json = serde_json::to_string_pretty(&graph_users).map_err(json_error)?;
    let subscriptions_json = serde_json::to_string_pretty(&GraphCollection {
        context: "https://graph.microsoft.com/v1.0/$metadata#directory/subscriptions",
        value: graph_subs,
    })
    .map_err(json_error)?;
    Ok(TenantExport {
        users: users.len() as u64,
        subscriptions: subs.len() as u64,
        users_json,
        subscriptions_json,
    })
}

fn json_error(e: serde_json::Error) -> Error {
    Error::database(text!("import-problem-syntax", detail = e.to_string()))
}

fn graph(s: &Subscription, skus: &Skus) -> GraphSubscription {
    let (sku_id, part) = skus.sku(&s.product_id);
    let midnight = |d: chrono::NaiveDate| format!("{d}T00:00:00Z");
    let (payment, last4) = match &s.payment_method {
        PaymentMethod::None => ("none", None),
        PaymentMethod::Card { last4 } => ("card", Some(last4.clone())),
        PaymentMethod::Invoice => ("invoice", None),
    };
    GraphSubscription {
        id: s.id,
        sku_id,
        sku_part_number: part,
        status: match s.status {
            Status::Active => "Enabled",
            Status::Expired => "Warning",
            Status::Disabled => "Suspended",
            Status::Deleted => "Deleted",
        },
        total_licenses: s.quantity,
        is_trial: s.origin == Origin::SelfServiceTrial,
        created_date_time: midnight(s.start),
        next_lifecycle_date_time: midnight(s.expires),
        owner_type: s.buyer.map(|_| "User"),
        owner_id: s.buyer,
        selfserve: Extension {
            term: Some(s.price.term),
            price_minor: Some(s.price.amount.minor),
            auto_renew: Some(s.auto_renew),
            payment_method: Some(payment.to_string()),
            card_last4: last4,
            taken_over_by: s.taken_over.as_ref().map(|t| t.by.0),
            taken_over_at: s.taken_over.as_ref().map(|t| t.at),
            cancellation_reason: s.cancellation,
            status_since: Some(s.status_since),
        },
    }
}
