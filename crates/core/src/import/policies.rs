//! `import policies FILE`: `Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase`
//! saved with `ConvertTo-Json` or `Export-Csv` (fields ProductName, ProductId, PolicyId,
//! PolicyValue). Each product's policy is set as the file says; a product the catalogue does
//! not know is added with the file's name for it (no list price: the file has none).

use super::source::{self, Record};
use super::{bad_field, commit, report, ChangeAction, ImportChange, ImportFile, ImportKind};
use super::{ImportOptions, ImportReport};
use crate::access::Actor;
use crate::error::{Error, Result};
use crate::model::{PolicyValue, Product, ProductId, POLICY_ID};
use crate::ops::set_policy::check_value;
use crate::store::Store;
use crate::text;
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// One row of the file, checked.
struct Row {
    product: ProductId,
    name: String,
    value: PolicyValue,
    /// The line of its PolicyValue, to name when the product cannot take it.
    value_line: usize,
}

pub(super) fn import(
    store: &Store,
    actor: &Actor,
    file: &ImportFile,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let (scanned, records) = source::records(file)?;
    let mut rows = Vec::with_capacity(records.len());
    let mut seen = HashSet::new();
    for record in &records {
        let row = row(file, record)?;
        if !seen.insert(row.product.clone()) {
            return Err(bad_field(
                file,
                record.line,
                "ProductId",
                text!("import-problem-twice", value = row.product.0.clone()),
            ));
        }
        rows.push(row);
    }
    let mut new_products = Vec::new();
    let mut policies = Vec::new();
    let mut changes = Vec::new();
    for row in rows {
        let known = match store.product(&row.product.0) {
            Ok(p) => Some(p),
            Err(Error::NotFound(_)) => None,
            Err(e) => return Err(e),
        };
        let name = known.as_ref().map_or(row.name.clone(), |p| p.name.clone());
        // As `policy set` and the module refuse it: trials only needs a card-less trial.
        if let Some(p) = &known {
            check_value(p, row.value).map_err(|e| match e {
                Error::Refused(why) => bad_field(file, row.value_line, "PolicyValue", why),
                e => e,
            })?;
        }
        let current = match known {
            Some(_) => Some(store.policy(&row.product)?),
            None => {
                changes.push(ImportChange {
                    action: ChangeAction::Added,
                    record: "product".into(),
                    id: row.product.0.clone(),
                    name: name.clone(),
                    detail: None,
                });
                new_products.push(Product {
                    id: row.product.clone(),
                    name: row.name.clone(),
                    // The module gives this value only to a product with a card-less
                    // trial: the file says the new product has one.
                    trial_without_payment_method: row.value
                        == PolicyValue::OnlyTrialsWithoutPaymentMethod,
                    trial_days: 30,
                    monthly_price: 0,
                    annual_price: 0,
                });
                None
            }
        };
        if current != Some(row.value) {
            changes.push(ImportChange {
                action: if current.is_some() {
                    ChangeAction::Changed
                } else {
                    ChangeAction::Added
                },
                record: "policy".into(),
                id: row.product.0.clone(),
                name,
                detail: Some(match current {
                    Some(old) => format!("{} → {}", old.as_str(), row.value.as_str()),
                    None => row.value.as_str().to_string(),
                }),
            });
            policies.push((row.product, row.value));
        }
    }
    let records_read = records.len() as u64;
    let mut report = report(
        ImportKind::Policies,
        file,
        &scanned,
        records_read,
        changes,
        options,
    );
    // A new product's policy is part of adding it: count the row once.
    report.added = new_products.len() as u64;
    report.changed = report.changes.len() as u64 - 2 * report.added;
    report.unchanged = records_read - report.added - report.changed;
    let arrivals = crate::policy::review::Arrivals::imported(store, &new_products, &file.name)?;
    commit(store, actor, report, now, |tx| {
        for p in &new_products {
            tx.put_product(p)?;
        }
        for (product, value) in &policies {
            tx.set_policy(product, *value)?;
        }
        arrivals.write(tx, actor, now)
    })
}

fn row(file: &ImportFile, record: &Record) -> Result<Row> {
    let field = |name: &str| -> Result<(String, usize)> {
        match record.get(&[name]) {
            Some((v, line)) if !v.trim().is_empty() => Ok((v.trim().to_string(), line)),
            Some((_, line)) => Err(bad_field(file, line, name, text!("import-problem-empty"))),
            None => Err(bad_field(
                file,
                record.line,
                name,
                text!("import-problem-missing"),
            )),
        }
    };
    let (id, line) = field("ProductId")?;
    let ok_id = id.len() <= 32 && id.chars().all(|c| c.is_ascii_alphanumeric());
    if !ok_id {
        return Err(bad_field(
            file,
            line,
            "ProductId",
            text!("import-problem-product-id", value = id),
        ));
    }
    let (policy, line) = field("PolicyId")?;
    if !policy.eq_ignore_ascii_case(POLICY_ID) {
        return Err(bad_field(
            file,
            line,
            "PolicyId",
            text!(
                "import-problem-policy-id",
                value = policy,
                expected = POLICY_ID
            ),
        ));
    }
    let (value, line) = field("PolicyValue")?;
    // Only the module's three names: the file is the module's output, not a person's words.
    let value = PolicyValue::ALL
        .into_iter()
        .find(|v| v.as_str().eq_ignore_ascii_case(&value))
        .ok_or_else(|| {
            bad_field(
                file,
                line,
                "PolicyValue",
                text!("import-problem-policy-value", value = value),
            )
        })?;
    let name = record
        .get(&["ProductName"])
        .map(|(n, _)| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id.clone());
    Ok(Row {
        product: ProductId(id.to_ascii_uppercase()),
        name,
        value,
        value_line: line,
    })
}
