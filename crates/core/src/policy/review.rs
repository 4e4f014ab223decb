//! Products that appear (issue 14, point 1): a product id the tenant has not seen before, from a
//! policies import or a catalogue update, gets the tenant's default for new products and waits
//! in a review queue until a GlobalAdministrator accepts it; every GlobalAdministrator is told
//! by an outbox notice, in the same transaction.

use super::OfferType;
use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::mail::Mail;
use crate::model::{AuditEvent, Email, EmailKind, PolicyValue, Product, ProductId, Role};
use crate::ops::storefront::admin_upns;
use crate::store::{Store, Tx, TxResult};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How a product came to the tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Arrival {
    /// `import policies FILE`.
    PoliciesImport,
    /// `catalogue update FILE`.
    CatalogueUpdate,
}

impl Arrival {
    pub fn as_str(self) -> &'static str {
        match self {
            Arrival::PoliciesImport => "policies-import",
            Arrival::CatalogueUpdate => "catalogue-update",
        }
    }
}

/// A product waiting for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub product_id: ProductId,
    pub product_name: String,
    /// The value it got when it appeared: the tenant's default then.
    pub policy_value: PolicyValue,
    pub arrived_at: DateTime<Utc>,
    pub arrival: Arrival,
    /// The file it came in.
    pub file: String,
}

/// The tenant's governance settings as the front ends show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Governance {
    pub default_for_new: PolicyValue,
    pub review: Vec<ReviewItem>,
    pub offer_types: Vec<OfferTypePolicy>,
}

/// An offer type's policy, with the module's field names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferTypePolicy {
    #[serde(rename = "OfferType")]
    pub offer_type: OfferType,
    #[serde(rename = "PolicyId")]
    pub policy_id: String,
    #[serde(rename = "PolicyValue")]
    pub policy_value: PolicyValue,
}

pub fn governance(store: &Store, actor: &Actor) -> Result<Governance> {
    actor.require(Capability::Read, crate::text!("core-do-read-policies"))?;
    Ok(Governance {
        default_for_new: store.policy_default()?,
        review: store.review_queue()?,
        offer_types: OfferType::ALL
            .into_iter()
            .map(|o| {
                Ok(OfferTypePolicy {
                    offer_type: o,
                    policy_id: crate::model::POLICY_ID.to_string(),
                    policy_value: store.offer_type_policy(o)?,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// Products about to be added to the tenant, with whom to tell: read before the transaction
/// that adds them (a transaction cannot scan the administrators).
#[derive(Debug, Clone)]
pub struct Arrivals {
    products: Vec<Product>,
    arrival: Arrival,
    file: String,
    admins: Vec<String>,
}

impl Arrivals {
    pub fn new(store: &Store, products: &[Product], arrival: Arrival, file: &str) -> Result<Self> {
        Ok(Arrivals {
            products: products.to_vec(),
            arrival,
            file: file.to_string(),
            admins: admin_upns(store, |role| role == Role::GlobalAdministrator)?,
        })
    }

    /// The new products of a policies import (`import::policies`).
    pub fn imported(store: &Store, products: &[Product], file: &str) -> Result<Self> {
        Arrivals::new(store, products, Arrival::PoliciesImport, file)
    }

    /// Inside the transaction that adds the products: each gets the tenant's default where an
    /// administrator set one (whatever else the transaction set; where none is set, the value
    /// it came with stays: a policies import's, else `Enabled` as the module gives), joins the
    /// review queue with its audit event, and every GlobalAdministrator gets a notice.
    pub fn write(&self, tx: &Tx, actor: &Actor, now: DateTime<Utc>) -> TxResult<()> {
        if self.products.is_empty() {
            return Ok(());
        }
        let default = tx.policy_default_set()?;
        let lang = tx.language()?;
        for product in &self.products {
            let value = match default {
                Some(value) => {
                    tx.set_policy(&product.id, value)?;
                    value
                }
                None => tx.policy(&product.id)?,
            };
            tx.put_review_item(&ReviewItem {
                product_id: product.id.clone(),
                product_name: product.name.clone(),
                policy_value: value,
                arrived_at: now,
                arrival: self.arrival,
                file: self.file.clone(),
            })?;
            tx.audit(AuditEvent {
                id: 0,
                at: now,
                actor: actor.user.upn.clone(),
                action: "policy.new-product".to_string(),
                target: format!("{} ({})", product.id.0, product.name),
                before: None,
                after: Some(format!(
                    "{}{}, awaiting review; {} {}",
                    value.as_str(),
                    if default.is_some() {
                        " (the default for new products)"
                    } else {
                        ""
                    },
                    self.arrival.as_str(),
                    self.file
                )),
            })?;
            let (subject, body) =
                notice(product, value, self.arrival, &self.file, now).render(lang);
            for to in &self.admins {
                tx.email(Email::pending(
                    to.clone(),
                    subject.clone(),
                    body.clone(),
                    EmailKind::Notice,
                    now,
                ))?;
            }
        }
        Ok(())
    }
}

fn notice(
    product: &Product,
    value: PolicyValue,
    arrival: Arrival,
    file: &str,
    now: DateTime<Utc>,
) -> Mail {
    Mail::new(crate::text!(
        "gov-mail-new-product-subject",
        product = product.name.as_str()
    ))
    .paragraph([crate::text!(
        "gov-mail-new-product-body",
        product = product.name.as_str(),
        id = product.id.0.as_str(),
        via = crate::text!(match arrival {
            Arrival::PoliciesImport => "gov-arrival-import",
            Arrival::CatalogueUpdate => "gov-arrival-catalogue",
        }),
        file = file,
        on = now.date_naive(),
        value = value
    )])
    .paragraph([crate::text!(
        "gov-mail-new-product-review",
        id = product.id.0.as_str()
    )])
}
