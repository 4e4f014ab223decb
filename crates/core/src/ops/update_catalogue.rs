//! `catalogue update FILE`: products in the catalogue's own format (`assets/catalogue.json`)
//! read into the tenant (issue 14, point 1). A product id the tenant has not seen gets the
//! default for new products and joins the review queue (`policy::review`); a known one gets the
//! file's name, trial and prices, keeping its policy. Nothing is removed. One transaction with
//! its audit event; a bad file is refused whole with its line (exit 2).

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::import::{sha256_hex, ImportFile};
use crate::model::{AuditEvent, Product};
use crate::policy::review::{Arrival, Arrivals};
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Deserialize)]
struct CatalogueFile {
    products: Vec<Product>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueReport {
    pub file: String,
    pub sha256: String,
    /// Products the tenant did not have: they took the default and wait for review.
    pub added: Vec<Product>,
    /// Products whose name, trial or prices the file changed.
    pub changed: Vec<Product>,
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
    let products = read(file)?;
    let mut report = CatalogueReport {
        file: file.name.clone(),
        sha256: sha256_hex(&file.bytes),
        added: Vec::new(),
        changed: Vec::new(),
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
    if dry_run || (report.added.is_empty() && report.changed.is_empty()) {
        return Ok(report);
    }
    let arrivals = Arrivals::new(store, &report.added, Arrival::CatalogueUpdate, &file.name)?;
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
        arrivals.write(tx, actor, now)
    })?;
    report.written = true;
    Ok(report)
}

/// The file's products, each checked; the first problem refuses the file with its line.
fn read(file: &ImportFile) -> Result<Vec<Product>> {
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
    Ok(products)
}
