//! The imports of issue 12: files the organisation's own tools export (the MSCommerce module's
//! policy list, the admin center's or Graph's user list) turned into this tenant's records.
//!
//! Every import is planned whole against the database first; a bad file is refused with its
//! file, line and field before anything is written. The plan is then written as one
//! transaction with its audit event (who, the file's name, its SHA-256, the counts); a plan
//! that changes nothing writes nothing, so importing the same file twice changes nothing.

pub mod assignments;
pub mod policies;
pub mod prices;
pub mod skus;
pub mod source;
pub mod subscriptions;
pub mod tenant_export;
pub mod users;

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::AuditEvent;
use crate::store::{Store, Tx, TxResult};
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImportKind {
    Policies,
    Users,
    Subscriptions,
    Assignments,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Policies => "policies",
            ImportKind::Users => "users",
            ImportKind::Subscriptions => "subscriptions",
            ImportKind::Assignments => "assignments",
        }
    }
}

/// A file as the front end read it: its name (for messages and the audit) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeAction {
    Added,
    Changed,
    Removed,
}

impl ChangeAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeAction::Added => "added",
            ChangeAction::Changed => "changed",
            ChangeAction::Removed => "removed",
        }
    }
}

/// One record the import adds, changes or removes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportChange {
    pub action: ChangeAction,
    /// `product`, `policy` or `user`.
    pub record: String,
    pub id: String,
    pub name: String,
    /// For a change: what it was and what it becomes ("Enabled → Disabled").
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub file: String,
    pub sha256: String,
    /// `json` or `csv`, as found in the file.
    pub format: String,
    /// Records read from the file.
    pub records: u64,
    pub added: u64,
    pub changed: u64,
    pub removed: u64,
    pub unchanged: u64,
    pub dry_run: bool,
    /// Whether the database was written (not on a dry run, nor when nothing changes).
    pub written: bool,
    pub changes: Vec<ImportChange>,
    /// Licenses the directory names that no subscription had room for (assignments only).
    #[serde(default)]
    pub unplaced: Vec<Unplaced>,
}

/// A user's license of a product that could not be placed on any subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unplaced {
    pub display_name: String,
    pub user_principal_name: String,
    pub product_id: crate::model::ProductId,
    pub product_name: String,
}

/// How to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOptions {
    pub dry_run: bool,
    /// Remove the records the file no longer has (users, subscriptions, licenses).
    pub prune: bool,
}

/// Reads `file` as `kind`, plans the change, and unless `dry_run` writes it as one transaction.
/// Only a GlobalAdministrator imports: the files change policies and the directory. `prices`
/// is the `--prices` file of a subscriptions import.
pub fn import(
    store: &Store,
    actor: &Actor,
    kind: ImportKind,
    file: &ImportFile,
    prices: Option<&ImportFile>,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let what = text!(match kind {
        ImportKind::Policies => "import-do-policies",
        ImportKind::Users => "import-do-users",
        ImportKind::Subscriptions => "import-do-subscriptions",
        ImportKind::Assignments => "import-do-assignments",
    });
    actor.require_change(Capability::ManagePolicies, what, options.dry_run)?;
    let sha256 = sha256_hex(&file.bytes);
    let text = source::decode(file)?;
    match kind {
        ImportKind::Policies => policies::import(store, actor, file, &text, &sha256, options, now),
        ImportKind::Users => users::import(store, actor, file, &text, &sha256, options, now),
        ImportKind::Subscriptions => {
            subscriptions::import(store, actor, file, &text, &sha256, prices, options, now)
        }
        ImportKind::Assignments => {
            assignments::import(store, actor, file, &text, &sha256, options, now)
        }
    }
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The report of a plan, counted from its changes.
pub(crate) fn report(
    kind: ImportKind,
    file: &ImportFile,
    sha256: &str,
    format: source::Format,
    records: u64,
    changes: Vec<ImportChange>,
    options: ImportOptions,
) -> ImportReport {
    let count = |action| changes.iter().filter(|c| c.action == action).count() as u64;
    let (added, changed, removed) = (
        count(ChangeAction::Added),
        count(ChangeAction::Changed),
        count(ChangeAction::Removed),
    );
    ImportReport {
        kind,
        file: file.name.clone(),
        sha256: sha256.to_string(),
        format: format.as_str().to_string(),
        records,
        added,
        changed,
        removed,
        unchanged: records.saturating_sub(added + changed),
        dry_run: options.dry_run,
        written: false,
        changes,
        unplaced: Vec::new(),
    }
}

/// Writes the plan with its audit event in one transaction, unless it is a dry run or changes
/// nothing.
pub(crate) fn commit(
    store: &Store,
    actor: &Actor,
    mut report: ImportReport,
    now: DateTime<Utc>,
    write: impl Fn(&Tx) -> TxResult<()>,
) -> Result<ImportReport> {
    if report.dry_run || report.changes.is_empty() {
        return Ok(report);
    }
    let event = AuditEvent {
        id: 0,
        at: now,
        actor: actor.user.upn.clone(),
        action: format!("import.{}", report.kind.as_str()),
        target: report.file.clone(),
        before: None,
        after: Some(format!(
            "sha256 {}; {} records: {} added, {} changed, {} removed, {} unchanged",
            report.sha256,
            report.records,
            report.added,
            report.changed,
            report.removed,
            report.unchanged
        )),
    };
    store.transact(|tx| {
        write(tx)?;
        tx.audit(event.clone())
    })?;
    report.written = true;
    Ok(report)
}

/// A bad file: which file, which line, which field, and what is wrong with it (exit 2).
pub(crate) fn bad_field(file: &ImportFile, line: usize, field: &str, problem: Text) -> Error {
    Error::usage(text!(
        "import-bad-field",
        file = file.name.clone(),
        line = line as i64,
        field = field.to_string(),
        problem = problem
    ))
}

/// A file that reads well but names what the database does not have (an unknown user, SKU or
/// subscription), or asks for more than a rule allows: refused (exit 1), with where.
pub(crate) fn refused_field(file: &ImportFile, line: usize, field: &str, problem: Text) -> Error {
    Error::refused(text!(
        "import-bad-field",
        file = file.name.clone(),
        line = line as i64,
        field = field.to_string(),
        problem = problem
    ))
}
