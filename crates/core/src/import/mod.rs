//! The imports of issue 12: files the organisation's own tools export (the MSCommerce module's
//! policy list, the admin center's or Graph's user list) turned into this tenant's records.
//!
//! Every import is planned whole against the database first; a bad file is refused with its
//! file, line and field before anything is written. The plan is then written as one
//! transaction with its audit event (who, the file's name, its SHA-256, the counts); a plan
//! that changes nothing writes nothing, so importing the same file twice changes nothing.

pub mod assignments;
mod json_stream;
pub mod policies;
pub mod prices;
pub mod record;
pub mod skus;
pub mod source;
pub mod subscriptions;
pub mod tenant_export;
mod text_stream;
pub mod users;

use crate::access::{Actor, Capability};
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::AuditEvent;
use crate::store::staged::Stage;
use crate::store::{Store, Tx, TxResult};
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
pub use source::Input;
use std::path::Path;

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
    /// The changes, the first `LISTED` of them: an import of a million users says how many
    /// more there are (`unlisted`) rather than hold them all; the counts above are all of them.
    pub changes: Vec<ImportChange>,
    #[serde(default)]
    pub unlisted: u64,
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
    import_from(store, actor, kind, Input::Bytes(file), prices, options, now)
}

/// `import`, from a file read as a stream where the front end opened the database itself.
pub fn import_from(
    store: &Store,
    actor: &Actor,
    kind: ImportKind,
    input: Input<'_>,
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
    match kind {
        ImportKind::Users => users::import(store, actor, input, options, now),
        ImportKind::Subscriptions => {
            subscriptions::import(store, actor, input, prices, options, now)
        }
        ImportKind::Policies => whole(input, |file| {
            policies::import(store, actor, file, options, now)
        }),
        ImportKind::Assignments => whole(input, |file| {
            assignments::import(store, actor, file, options, now)
        }),
    }
}

/// The policies and the self-service licenses are small beside the directory: read whole.
fn whole(
    input: Input<'_>,
    import: impl FnOnce(&ImportFile) -> Result<ImportReport>,
) -> Result<ImportReport> {
    match input {
        Input::Bytes(file) => import(file),
        Input::Path { name, path } => import(&ImportFile::read(path, name.to_string())?),
    }
}

impl ImportFile {
    /// The file at `path`, read whole; `name` says it in messages and the audit.
    pub fn read(path: &Path, name: String) -> Result<ImportFile> {
        let bytes =
            std::fs::read(path).map_err(|e| cannot_read(&path.display().to_string(), &e))?;
        Ok(ImportFile { name, bytes })
    }
}

/// What an import calls the file at `path`: its file name (the audit keeps no directories).
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A file that cannot be opened or read (exit 4).
pub fn cannot_read(file: &str, e: &std::io::Error) -> Error {
    Error::not_found(text!(
        "import-cannot-read",
        file = file.to_string(),
        detail = e.to_string()
    ))
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex(&Sha256::digest(bytes))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The changes a report lists: every one counted, the first `LISTED` kept.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    listed: Vec<ImportChange>,
    added: u64,
    changed: u64,
    removed: u64,
}

/// Changes a report lists; past them it counts.
pub const LISTED: usize = 10_000;

impl Changes {
    pub(crate) fn push(&mut self, change: ImportChange) {
        match change.action {
            ChangeAction::Added => self.added += 1,
            ChangeAction::Changed => self.changed += 1,
            ChangeAction::Removed => self.removed += 1,
        }
        if self.listed.len() < LISTED {
            self.listed.push(change);
        }
    }
}

impl From<Vec<ImportChange>> for Changes {
    fn from(all: Vec<ImportChange>) -> Changes {
        let mut changes = Changes::default();
        for change in all {
            changes.push(change);
        }
        changes
    }
}

/// The report of a plan, counted from its changes.
pub(crate) fn report(
    kind: ImportKind,
    file: &impl Named,
    scanned: &source::Scanned,
    records: u64,
    changes: impl Into<Changes>,
    options: ImportOptions,
) -> ImportReport {
    let changes = changes.into();
    let Changes {
        listed,
        added,
        changed,
        removed,
    } = changes;
    ImportReport {
        kind,
        file: file.file_name(),
        sha256: scanned.sha256.clone(),
        format: scanned.format.as_str().to_string(),
        records,
        added,
        changed,
        removed,
        unchanged: records.saturating_sub(added + changed),
        dry_run: options.dry_run,
        written: false,
        unlisted: (added + changed + removed).saturating_sub(listed.len() as u64),
        changes: listed,
        unplaced: Vec::new(),
    }
}

/// Whether a report has anything to write.
fn changes_nothing(report: &ImportReport) -> bool {
    report.added + report.changed + report.removed == 0
}

/// The audit event of an import: who, the file, its SHA-256 and the counts.
pub(crate) fn audit_event(actor: &Actor, report: &ImportReport, now: DateTime<Utc>) -> AuditEvent {
    AuditEvent {
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
    }
}

/// Plans an import through a stage (store/staged.rs; a dry run's keeps nothing), then commits
/// what was staged with the audit event, unless it is a dry run or changes nothing; a refused
/// file's staged records are dropped.
pub(crate) fn staged(
    store: &Store,
    actor: &Actor,
    options: ImportOptions,
    now: DateTime<Utc>,
    plan: impl FnOnce(&mut Stage<'_>) -> Result<ImportReport>,
) -> Result<ImportReport> {
    let mut stage = if options.dry_run {
        Stage::dry_run()
    } else {
        store.stage()?
    };
    let mut report = match plan(&mut stage) {
        Ok(report) => report,
        Err(e) => {
            stage.discard()?;
            return Err(e);
        }
    };
    if report.dry_run || changes_nothing(&report) {
        stage.discard()?;
        return Ok(report);
    }
    stage.commit(audit_event(actor, &report, now))?;
    report.written = true;
    Ok(report)
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
    if report.dry_run || changes_nothing(&report) {
        return Ok(report);
    }
    let event = audit_event(actor, &report, now);
    store.transact(|tx| {
        write(tx)?;
        tx.audit(event.clone())
    })?;
    report.written = true;
    Ok(report)
}

/// A bad file: which file, which line, which field, and what is wrong with it (exit 2).
/// What names a file in a message.
pub(crate) trait Named {
    fn file_name(&self) -> String;
}

impl Named for ImportFile {
    fn file_name(&self) -> String {
        self.name.clone()
    }
}

impl Named for source::Input<'_> {
    fn file_name(&self) -> String {
        self.name().to_string()
    }
}

pub(crate) fn bad_field(file: &impl Named, line: usize, field: &str, problem: Text) -> Error {
    Error::usage(text!(
        "import-bad-field",
        file = file.file_name(),
        line = line as i64,
        field = field.to_string(),
        problem = problem
    ))
}

/// A file that reads well but names what the database does not have (an unknown user, SKU or
/// subscription), or asks for more than a rule allows: refused (exit 1), with where.
pub(crate) fn refused_field(file: &impl Named, line: usize, field: &str, problem: Text) -> Error {
    Error::refused(text!(
        "import-bad-field",
        file = file.file_name(),
        line = line as i64,
        field = field.to_string(),
        problem = problem
    ))
}
