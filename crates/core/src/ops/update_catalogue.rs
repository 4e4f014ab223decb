//! `catalogue update FILE`: products in the catalogue's own format (`assets/catalogue.json`)
//! read into the tenant (issue 14, point 1). A product id the tenant has not seen gets the
//! default for new products and joins the review queue (`policy::review`); a known one gets the
//! file's name, trial and prices, keeping its policy. Nothing is removed. `remaps` says that an
//! old id is now a new one (point 5): the old id's policy carries over to the new, as Microsoft
//! does, and the old id answers for the new from then on. One transaction with its audit
//! events; a bad file is refused whole with its line (exit 2).

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::import::{sha256_hex, ImportFile};
use crate::model::{AuditEvent, Product, ProductId};
use crate::policy::review::{Arrival, Arrivals};
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Deserialize)]
struct CatalogueFile {
    products: Vec<Product>,
    #[serde(default)]
    remaps: Vec<Remap>,
}

/// An id that changed: `from` is now `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remap {
    pub from: ProductId,
    pub to: ProductId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueReport {
    pub file: String,
    pub sha256: String,
    /// Products the tenant did not have: they took the default and wait for review.
    pub added: Vec<Product>,
    /// Products whose name, trial or prices the file changed.
    pub changed: Vec<Product>,
    /// Ids that changed, not known to have before: each new id took its old id's policy.
    pub remapped: Vec<Remap>,
    pub unchanged: u64,
    pub dry_run: bool,
    pub written: bool,
}

pub fn update_catalogue(
    store: &Store,
    actor: &Actor,
    file: &ImportFile,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<CatalogueReport> {
    actor.require_change(
        Capability::ManagePolicies,
        crate::text!("gov-do-update-catalogue"),
        dry_run,
    )?;
    let (products, remaps) = read(file)?;
    let mut report = CatalogueReport {
        file: file.name.clone(),
        sha256: sha256_hex(&file.bytes),
        added: Vec::new(),
        changed: Vec::new(),
        remapped: Vec::new(),
        unchanged: 0,
        dry_run,
        written: false,
    };
    for product in products {
        match store.product(&product.id.0) {
            Ok(known) if known == product => report.unchanged += 1,
            Ok(_) => report.changed.push(product),
            Err(Error::NotFound(_)) => report.added.push(product),
            Err(e) => return Err(e),
        }
    }
    for remap in remaps {
        check_remap(store, &report, &remap, file)?;
        if store.remapped(&remap.from)?.is_none() {
            report.remapped.push(remap);
        }
    }
    let nothing = report.added.is_empty() && report.changed.is_empty();
    if dry_run || (nothing && report.remapped.is_empty()) {
        return Ok(report);
    }
    // A new id that an old one became keeps the old one's policy: no review.
    let arriving: Vec<Product> = report
        .added
        .iter()
        .filter(|p| !report.remapped.iter().any(|r| r.to == p.id))
        .cloned()
        .collect();
    let arrivals = Arrivals::new(store, &arriving, Arrival::CatalogueUpdate, &file.name)?;
    store.transact(|tx| {
        for p in report.added.iter().chain(&report.changed) {
            tx.put_product(p)?;
        }
        tx.audit(AuditEvent {
            id: 0,
            at: now,
            actor: actor.user.upn.clone(),
            action: "catalogue.update".to_string(),
            target: file.name.clone(),
            before: None,
            after: Some(format!(
                "sha256 {}; {} added, {} changed, {} unchanged",
                report.sha256,
                report.added.len(),
                report.changed.len(),
                report.unchanged
            )),
        })?;
        for r in &report.remapped {
            let value = tx.policy(&r.from)?;
            tx.set_policy(&r.to, value)?;
            tx.put_remap(&r.from, &r.to)?;
            tx.audit(AuditEvent {
                id: 0,
                at: now,
                actor: actor.user.upn.clone(),
                action: "policy.remap".to_string(),
                target: format!("{} -> {}", r.from.0, r.to.0),
                before: None,
                after: Some(format!("{} carried over", value.as_str())),
            })?;
        }
        arrivals.write(tx, actor, now)
    })?;
    report.written = true;
    Ok(report)
}

/// A remap the tenant can take: its old id is a product of the tenant and not already another
/// id, its new id is a product (of the tenant or the file) that is not itself an old id.
fn check_remap(
    store: &Store,
    report: &CatalogueReport,
    r: &Remap,
    file: &ImportFile,
) -> Result<()> {
    let refuse = |why| {
        Err(Error::usage(crate::text!(
            "gov-catalogue-bad-remap",
            file = file.name.as_str(),
            from = r.from.0.as_str(),
            to = r.to.0.as_str(),
            why = why
        )))
    };
    let known = |id: &ProductId| -> Result<bool> {
        match store.product(&id.0) {
            Ok(_) => Ok(true),
            Err(Error::NotFound(_)) => Ok(report.added.iter().any(|p| p.id == *id)),
            Err(e) => Err(e),
        }
    };
    if r.from == r.to {
        return refuse(crate::text!("gov-remap-same"));
    }
    if store.product(&r.from.0).is_err() {
        return refuse(crate::text!("gov-remap-unknown", id = r.from.0.as_str()));
    }
    if !known(&r.to)? {
        return refuse(crate::text!("gov-remap-unknown", id = r.to.0.as_str()));
    }
    if store.remapped(&r.to)?.is_some() {
        return refuse(crate::text!("gov-remap-chain", id = r.to.0.as_str()));
    }
    match store.remapped(&r.from)? {
        Some(other) if other != r.to => {
            refuse(crate::text!("gov-remap-already", id = other.0.as_str()))
        }
        _ => Ok(()),
    }
}

/// The file's products and remaps, each checked; the first problem refuses the file with its
/// line.
fn read(file: &ImportFile) -> Result<(Vec<Product>, Vec<Remap>)> {
    let bad = |line: usize, why: crate::i18n::Text| {
        Error::usage(crate::text!(
            "gov-catalogue-bad",
            file = file.name.as_str(),
            line = line.to_string(),
            why = why
        ))
    };
    let parsed: CatalogueFile = serde_json::from_slice(&file.bytes).map_err(|e| {
        bad(
            e.line(),
            crate::text!("gov-why-toml", detail = e.to_string()),
        )
    })?;
    let text = String::from_utf8_lossy(&file.bytes);
    // serde_json gives no place for a value it accepted: find the id's line in the text.
    let line_of = |id: &str| {
        text.lines()
            .position(|l| l.contains(&format!("\"{id}\"")))
            .map_or(1, |n| n + 1)
    };
    let mut seen = HashSet::new();
    let mut products = Vec::with_capacity(parsed.products.len());
    for mut p in parsed.products {
        let id = p.id.0.trim().to_string();
        let line = line_of(&id);
        if id.is_empty() || id.len() > 32 || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(bad(
                line,
                crate::text!("import-problem-product-id", value = id),
            ));
        }
        p.id.0 = id.to_ascii_uppercase();
        if p.name.trim().is_empty() || p.name.chars().any(char::is_control) {
            return Err(bad(
                line,
                crate::text!("gov-why-product-name", id = p.id.0.as_str()),
            ));
        }
        if p.monthly_price < 0 || p.annual_price < 0 {
            return Err(bad(
                line,
                crate::text!("gov-why-price", id = p.id.0.as_str()),
            ));
        }
        if !seen.insert(p.id.clone()) {
            return Err(bad(
                line,
                crate::text!("gov-why-twice", id = p.id.0.as_str()),
            ));
        }
        products.push(p);
    }
    let mut remaps = Vec::with_capacity(parsed.remaps.len());
    for mut r in parsed.remaps {
        for id in [&mut r.from, &mut r.to] {
            let ok = !id.0.is_empty() && id.0.len() <= 32;
            if !ok || !id.0.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(bad(
                    line_of(&id.0),
                    crate::text!("import-problem-product-id", value = id.0.clone()),
                ));
            }
            id.0 = id.0.to_ascii_uppercase();
        }
        remaps.push(r);
    }
    Ok((products, remaps))
}
