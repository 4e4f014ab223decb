//! `user export` and the Export users screen: the users with licenses, as CSV, grouped by buyer.

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::{ProductId, SubscriptionId};
use crate::query::users_by_buyer;
use crate::store::Store;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

pub const CSV_HEADER: [&str; 8] = [
    "Display name",
    "User principal name",
    "Product",
    "Product ID",
    "Subscription ID",
    "Purchased by",
    "Buyer UPN",
    "Assigned on",
];

/// Which subscriptions to export: exactly the named ones, or else the live self-service
/// subscriptions (of one product, if given).
#[derive(Debug, Clone, Default)]
pub struct ExportSelection {
    pub product: Option<ProductId>,
    pub subscriptions: Vec<String>,
}

pub fn resolve_selection(
    store: &Store,
    selection: &ExportSelection,
) -> Result<Vec<SubscriptionId>> {
    if !selection.subscriptions.is_empty() {
        let mut ids = Vec::new();
        for text in &selection.subscriptions {
            let sub = store.resolve_subscription(text)?;
            if let Some(product) = &selection.product {
                if sub.product_id != *product {
                    return Err(Error::Usage(format!(
                        "subscription {} is not of product {product}; drop --product or that --subscription",
                        sub.id
                    )));
                }
            }
            if !ids.contains(&sub.id) {
                ids.push(sub.id);
            }
        }
        return Ok(ids);
    }
    let subs = match &selection.product {
        Some(p) => {
            store.product(&p.0)?;
            store.subscriptions_of_product(p)?
        }
        None => store.subscriptions().collect::<Result<Vec<_>>>()?,
    };
    Ok(subs
        .into_iter()
        .filter(|s| s.origin.is_self_service() && s.status != crate::model::Status::Deleted)
        .map(|s| s.id)
        .collect())
}

/// Spreadsheet programs run cells that start like a formula; names come from users, so defuse them.
fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// Writes the CSV of SPEC §3 for `subs` and returns how many user rows it wrote.
pub fn write_users_csv<W: Write>(
    store: &Store,
    actor: &Actor,
    subs: &[SubscriptionId],
    out: W,
) -> Result<usize> {
    actor.require(Capability::Read, "export users")?;
    let products: HashMap<ProductId, String> = store
        .products()?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut product_of: HashMap<SubscriptionId, ProductId> = HashMap::new();
    for &id in subs {
        if let Some(s) = store.subscription(id)? {
            product_of.insert(id, s.product_id);
        }
    }
    let io = |e: csv::Error| {
        Error::Refused(format!(
            "cannot write the export: {e}; choose another output"
        ))
    };
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER).map_err(io)?;
    let mut rows = 0;
    for group in users_by_buyer(store, actor, subs)? {
        let buyer_name = group
            .buyer_name
            .clone()
            .unwrap_or_else(|| "Central".to_string());
        let buyer_upn = group.buyer.clone().unwrap_or_default();
        for u in &group.users {
            let product_id = product_of
                .get(&u.subscription_id)
                .cloned()
                .unwrap_or(ProductId(String::new()));
            let product_name = products.get(&product_id).cloned().unwrap_or_default();
            w.write_record([
                cell(&u.display_name),
                cell(&u.user_principal_name),
                cell(&product_name),
                product_id.0.clone(),
                u.subscription_id.to_string(),
                cell(&buyer_name),
                cell(&buyer_upn),
                u.assigned_on.format("%Y-%m-%d").to_string(),
            ])
            .map_err(io)?;
            rows += 1;
        }
    }
    w.flush().map_err(|e| {
        Error::Refused(format!(
            "cannot write the export: {e}; choose another output"
        ))
    })?;
    Ok(rows)
}

/// Writes the export to `path` whole or not at all: a temporary file beside it, then a rename.
pub fn export_to_file(
    store: &Store,
    actor: &Actor,
    subs: &[SubscriptionId],
    path: &Path,
) -> Result<usize> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        Error::Usage(format!(
            "{} is not a file name; give a path to a file",
            path.display()
        ))
    })?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let fail = |e: std::io::Error| {
        Error::Refused(format!(
            "cannot write {}: {e}; choose another --output",
            path.display()
        ))
    };
    let file = std::fs::File::create(&tmp).map_err(fail)?;
    let written = write_users_csv(store, actor, subs, std::io::BufWriter::new(&file))
        .and_then(|n| file.sync_all().map(|_| n).map_err(fail));
    match written {
        Ok(n) => {
            std::fs::rename(&tmp, path).map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                fail(e)
            })?;
            Ok(n)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
