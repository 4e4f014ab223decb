//! A desired-state file against the tenant: what applying it would change and what it would
//! leave, and why (`policy plan`); whether the tenant still matches it (`policy drift`, the
//! same comparison); and today's state written as a file (`policy export`).

use super::file::{self, Desired};
use super::OfferType;
use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::import::{sha256_hex, ImportFile};
use crate::model::{PolicyValue, Product};
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// What a line of a plan is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The value a product not seen before gets.
    DefaultForNew,
    Product,
    OfferType,
}

/// One setting: what the file expects, what the tenant has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub kind: Subject,
    /// The product id, the offer type's name, or `default_for_new`.
    pub id: String,
    /// The product's name; empty for the others.
    pub name: String,
    /// None where the file does not speak of it: it is left as it is.
    pub expected: Option<PolicyValue>,
    pub actual: PolicyValue,
    /// Whether the tenant has what the file expects (always, where it expects nothing).
    pub pass: bool,
    /// The file's key that asks for `expected` (`products.CFQ7TTC0H9MP`, `policy.all`, …).
    pub key: Option<String>,
}

impl PlanItem {
    /// The value applying the file writes, where it changes one.
    pub fn change(&self) -> Option<PolicyValue> {
        self.expected.filter(|_| !self.pass)
    }
}

/// The comparison of one file with the tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyPlan {
    pub file: String,
    pub sha256: String,
    /// How many settings differ from the file (what `apply` changes, what `drift` reports).
    pub changes: u64,
    /// Whether the tenant matches the file.
    pub matches: bool,
    /// Whether the changes were written (`policy apply`).
    pub applied: bool,
    pub items: Vec<PlanItem>,
}

/// Today's settings, as one read of the tenant sees them.
#[derive(Debug, Clone)]
pub struct Current {
    pub default_for_new: PolicyValue,
    pub products: Vec<(Product, PolicyValue)>,
    pub offer_types: Vec<(OfferType, PolicyValue)>,
}

impl Current {
    pub fn read(store: &Store) -> Result<Current> {
        Ok(Current {
            default_for_new: store.policy_default()?,
            products: store
                .policy_products()?
                .into_iter()
                .map(|p| {
                    let value = store.policy(&p.id)?;
                    Ok((p, value))
                })
                .collect::<Result<_>>()?,
            offer_types: OfferType::ALL
                .into_iter()
                .map(|o| Ok((o, store.offer_type_policy(o)?)))
                .collect::<Result<_>>()?,
        })
    }
}

fn item(
    kind: Subject,
    id: &str,
    name: &str,
    wanted: Option<(PolicyValue, String)>,
    actual: PolicyValue,
) -> PlanItem {
    let (expected, key) = match wanted {
        Some((value, key)) => (Some(value), Some(key)),
        None => (None, None),
    };
    PlanItem {
        kind,
        id: id.to_string(),
        name: name.to_string(),
        expected,
        actual,
        pass: expected.is_none_or(|e| e == actual),
        key,
    }
}

/// Every setting of `current` against `desired`: the default first, then products by name,
/// then offer types.
pub fn compare(file: &ImportFile, desired: &Desired, current: &Current) -> PolicyPlan {
    let mut items = vec![item(
        Subject::DefaultForNew,
        "default_for_new",
        "",
        desired
            .default_for_new
            .map(|v| (v, "policy.default_for_new".to_string())),
        current.default_for_new,
    )];
    for (product, actual) in &current.products {
        items.push(item(
            Subject::Product,
            &product.id.0,
            &product.name,
            desired.product(&product.id),
            *actual,
        ));
    }
    for (offer, actual) in &current.offer_types {
        let wanted = desired
            .offer_types
            .get(offer)
            .map(|v| (*v, format!("offer_types.{}", offer.as_str())));
        items.push(item(
            Subject::OfferType,
            offer.as_str(),
            "",
            wanted,
            *actual,
        ));
    }
    let changes = items.iter().filter(|i| !i.pass).count() as u64;
    PolicyPlan {
        file: file.name.clone(),
        sha256: sha256_hex(&file.bytes),
        changes,
        matches: changes == 0,
        applied: false,
        items,
    }
}

/// What applying `file` would change, changing nothing. Every role may ask.
pub fn plan(store: &Store, actor: &Actor, file: &ImportFile) -> Result<PolicyPlan> {
    actor.require(Capability::Read, crate::text!("core-do-read-policies"))?;
    let desired = file::read(store, file)?;
    Ok(compare(file, &desired, &Current::read(store)?))
}

/// Today's state as a desired-state file: planning it against the same tenant changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyExport {
    pub toml: String,
}

pub fn export(store: &Store, actor: &Actor) -> Result<PolicyExport> {
    actor.require(Capability::Read, crate::text!("core-do-read-policies"))?;
    let current = Current::read(store)?;
    let mut toml = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(
        toml,
        "[policy]\ndefault_for_new = \"{}\"\n\n[products]",
        current.default_for_new.as_str()
    );
    for (product, value) in &current.products {
        let _ = writeln!(
            toml,
            "{} = \"{}\"  # {}",
            product.id.0,
            value.as_str(),
            comment(&product.name)
        );
    }
    toml.push_str("\n[offer_types]\n");
    for (offer, value) in &current.offer_types {
        let _ = writeln!(toml, "{} = \"{}\"", offer.as_str(), value.as_str());
    }
    Ok(PolicyExport { toml })
}

/// A product's name as a TOML comment: a line break or control character in it would end the
/// comment and write a key.
fn comment(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
