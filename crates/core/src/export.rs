//! `user export` and the Export users screen: the users with licenses, as CSV, grouped by buyer.
//! Reading the rows needs the store; writing them does not, so a client can write the file.

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::model::{ProductId, SubscriptionId};
use crate::ops::lifecycle;
use crate::query::users_by_buyer;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
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

/// Which subscriptions to export: exactly the named ones, or else the self-service
/// subscriptions (of one product, if given) that are not Deleted at the clock.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportSelection {
    pub product: Option<ProductId>,
    pub subscriptions: Vec<String>,
}

fn resolve_selection(
    store: &Store,
    selection: &ExportSelection,
    now: DateTime<Utc>,
) -> Result<Vec<SubscriptionId>> {
    if !selection.subscriptions.is_empty() {
        let mut ids = Vec::new();
        for text in &selection.subscriptions {
            let sub = store.resolve_subscription(text)?;
            if let Some(product) = &selection.product {
                if sub.product_id != *product {
                    return Err(Error::usage(crate::text!(
                        "error-export-other-product",
                        id = sub.id.to_string(),
                        product_id = product.to_string()
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
        .filter(|s| {
            let (at_clock, _) = lifecycle::as_of(s, now.date_naive());
            s.origin.is_self_service() && at_clock.status != crate::model::Status::Deleted
        })
        .map(|s| s.id)
        .collect())
}

/// Spreadsheet programs run cells that start like a formula; names come from users, so defuse them.
pub(crate) fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// One user of the export, as read from the store (cells are defused when written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRow {
    pub display_name: String,
    pub user_principal_name: String,
    pub product_name: String,
    pub product_id: ProductId,
    pub subscription_id: SubscriptionId,
    /// The buyer's name, or "Central" for a subscription with no buyer.
    pub buyer_name: String,
    /// The buyer's UPN, empty for a central subscription.
    pub buyer_upn: String,
    pub assigned_on: NaiveDate,
}

/// An export: its rows, grouped by buyer, and how many subscriptions they come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    pub subscriptions: usize,
    pub rows: Vec<ExportRow>,
}

/// Reads the export of `selection` at the clock `now`. Writing it is the caller's (`write_csv`,
/// `write_csv_file`), so a file lands where the client runs, with the client's rights.
pub fn export(
    store: &Store,
    actor: &Actor,
    selection: &ExportSelection,
    now: DateTime<Utc>,
) -> Result<Export> {
    let subs = resolve_selection(store, selection, now)?;
    Ok(Export {
        subscriptions: subs.len(),
        rows: rows(store, actor, &subs)?,
    })
}

/// The users of `subs`, grouped by buyer (buyers by name, central last), users by name.
pub fn rows(store: &Store, actor: &Actor, subs: &[SubscriptionId]) -> Result<Vec<ExportRow>> {
    actor.require(Capability::Read, crate::text!("core-do-export"))?;
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
    let mut rows = Vec::new();
    for group in users_by_buyer(store, actor, subs)? {
        let buyer_name = group
            .buyer_name
            .clone()
            .unwrap_or_else(|| "Central".to_string());
        let buyer_upn = group.buyer.clone().unwrap_or_default();
        for u in group.users {
            let product_id = product_of
                .get(&u.subscription_id)
                .cloned()
                .unwrap_or(ProductId(String::new()));
            rows.push(ExportRow {
                product_name: products.get(&product_id).cloned().unwrap_or_default(),
                display_name: u.display_name,
                user_principal_name: u.user_principal_name,
                product_id,
                subscription_id: u.subscription_id,
                buyer_name: buyer_name.clone(),
                buyer_upn: buyer_upn.clone(),
                assigned_on: u.assigned_on,
            });
        }
    }
    Ok(rows)
}

/// Writes the CSV of SPEC §3 and returns how many user rows it wrote.
pub fn write_csv<W: Write>(rows: &[ExportRow], out: W) -> Result<usize> {
    csv_into(rows, out, &mut |_| {}).map_err(|e| match io_kind(&e) {
        Some(std::io::ErrorKind::StorageFull) => {
            Error::refused(crate::text!("edge-export-no-space-out"))
        }
        _ => Error::refused(crate::text!("error-export-write", detail = e.to_string())),
    })?;
    Ok(rows.len())
}

/// `progress` hears how many rows are written after each one.
fn csv_into<W: Write>(
    rows: &[ExportRow],
    out: W,
    progress: &mut dyn FnMut(usize),
) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    for (i, r) in rows.iter().enumerate() {
        w.write_record([
            cell(&r.display_name),
            cell(&r.user_principal_name),
            cell(&r.product_name),
            r.product_id.0.clone(),
            r.subscription_id.to_string(),
            cell(&r.buyer_name),
            cell(&r.buyer_upn),
            r.assigned_on.format("%Y-%m-%d").to_string(),
        ])?;
        progress(i + 1);
    }
    w.flush()?;
    Ok(())
}

fn io_kind(e: &csv::Error) -> Option<std::io::ErrorKind> {
    match e.kind() {
        csv::ErrorKind::Io(io) => Some(io.kind()),
        _ => None,
    }
}

/// Writes the CSV to `path` (see `write_file`). `progress` hears how many rows are written
/// after each one (a progress bar, the dashboard's Export screen).
pub fn write_csv_file(
    rows: &[ExportRow],
    path: &Path,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    write_file(path, &mut |file| {
        csv_into(rows, std::io::BufWriter::new(file), progress).map_err(|e| match e.into_kind() {
            csv::ErrorKind::Io(io) => io,
            other => std::io::Error::other(format!("{other:?}")),
        })
    })?;
    Ok(rows.len())
}

/// Writes a file the user named with `body`. A regular file (or nothing yet) is replaced whole
/// or not at all: a temporary file of an unpredictable name made beside it with `O_EXCL`, then
/// a rename over it. Anything else (a pipe, `/dev/stdout`, a device) is written directly, never
/// created or replaced. A symbolic link to a file is never written through.
pub fn write_file(
    path: &Path,
    body: &mut dyn FnMut(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let said =
        |id: &'static str| Error::refused(crate::text!(id, path = path.display().to_string()));
    let fail = |e: std::io::Error| file_error(path, e);
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => replace_file(path, body),
        Err(e) => Err(fail(e)),
        Ok(m) if m.is_file() => replace_file(path, body),
        Ok(m) if m.is_dir() => Err(said("edge-export-directory")),
        Ok(m) if m.file_type().is_symlink() => match std::fs::metadata(path) {
            // /dev/stdout and /dev/fd/N are links to what they name.
            Ok(target) if !target.is_file() && !target.is_dir() => write_directly(path, body),
            _ => Err(said("edge-export-link")),
        },
        Ok(_) => {
            if planted_fifo(path) {
                return Err(said("edge-export-fifo-not-yours"));
            }
            write_directly(path, body)
        }
    }
}

fn replace_file(
    path: &Path,
    body: &mut dyn FnMut(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| {
        Error::usage(crate::text!(
            "error-export-not-a-file",
            path = path.display().to_string()
        ))
    })?;
    let fail = |e: std::io::Error| file_error(path, e);
    // Removed on every failure below when it drops.
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    body(tmp.as_file_mut()).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Writes into what is already at `path` (a pipe, a device): nothing is created, truncated or
/// renamed there.
fn write_directly(
    path: &Path,
    body: &mut dyn FnMut(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| file_error(path, e))?;
    // Swapped for a regular file since it was looked at: that one would only be replaced whole.
    if file.metadata().map_err(|e| file_error(path, e))?.is_file() {
        return Err(Error::refused(crate::text!(
            "edge-export-changed",
            path = path.display().to_string()
        )));
    }
    body(&mut file).map_err(|e| file_error(path, e))
}

fn file_error(path: &Path, e: std::io::Error) -> Error {
    let path = path.display().to_string();
    if e.kind() == std::io::ErrorKind::StorageFull {
        return Error::refused(crate::text!("edge-export-no-space", path = path));
    }
    Error::refused(crate::text!(
        "error-export-write-file",
        path = path,
        detail = e.to_string()
    ))
}

/// A named pipe of another user in a shared directory (sticky and writable by all, as /tmp):
/// whoever made it would read the export. The kernel's `protected_fifos` reasons the same way.
#[cfg(unix)]
fn planted_fifo(path: &Path) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(dir) = std::fs::metadata(dir) else {
        return false;
    };
    let me = nix::unistd::geteuid().as_raw();
    meta.file_type().is_fifo()
        && dir.mode() & 0o1002 == 0o1002
        && meta.uid() != me
        && meta.uid() != dir.uid()
}

#[cfg(not(unix))]
fn planted_fifo(_path: &Path) -> bool {
    false
}
