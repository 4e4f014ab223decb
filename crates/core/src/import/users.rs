//! `import users FILE`: the admin center's "Export users" CSV (English or French locale), or
//! `Get-MgUser -All -Property Id,DisplayName,UserPrincipalName,Department,AccountEnabled,
//! AssignedLicenses | ConvertTo-Json -Depth 5`. The directory's object id becomes the user's id
//! (issue 12 point 6), so a second import matches the same users.
//!
//! A user already known by UPN under another id (the administrator `init` created before the
//! directory was imported) takes the file's id, provided nothing but an administrator binding
//! refers to them yet.

use super::skus::Skus;
use super::source::{self, Input, Record};
use super::{bad_field, report, staged, ChangeAction, Changes, ImportChange, ImportKind};
use super::{ImportOptions, ImportReport};
use crate::access::Actor;
use crate::error::{Error, Result};
use crate::model::{Admin, ProductId, User, UserId};
use crate::store::codec::upn_key;
use crate::store::staged::{Stage, StagedWrite};
use crate::store::Store;
use crate::text;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use uuid::Uuid;

// Column names: the admin center's in English, then in French, then Graph's.
const ID: &[&str] = &["Object Id", "ID d'objet", "Id"];
const UPN: &[&str] = &[
    "User principal name",
    "Nom d'utilisateur principal",
    "UserPrincipalName",
];
const NAME: &[&str] = &["Display name", "Nom d'affichage", "DisplayName"];
const DEPARTMENT: &[&str] = &["Department", "Service", "Département"];
const BLOCKED: &[&str] = &[
    "Block credential",
    "Bloquer les informations d'identification",
];
const ENABLED: &[&str] = &["AccountEnabled"];
const LICENSES: &[&str] = &["Licenses", "Licences", "AssignedLicenses"];

// Staged phases (store/staged.rs), applied in this order: a UPN given up is free for the next.
const REMOVALS: u8 = 0;
const CHANGES: u8 = 1;
const ADDITIONS: u8 = 2;
const ADMINS: u8 = 3;
const DIRECTORY_LICENSES: u8 = 4;

/// A row whose UPN another user holds: what to do with it depends on whether the file names
/// that user too, known only at the end of the file.
struct Held {
    line: usize,
    user: User,
    licensed: Vec<ProductId>,
    /// The present holder of the UPN.
    holder: User,
    /// The row's user as the directory has it already (a UPN change), if it does.
    old: Option<User>,
}

/// Reads the file as a stream and plans as it goes: each row is compared with the database as
/// it is read, and what changes is staged, so memory holds about 40 bytes a row (the ids and
/// UPNs seen, for duplicates) rather than the file.
pub(super) fn import(
    store: &Store,
    actor: &Actor,
    input: Input<'_>,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    staged(store, actor, options, now, |stage| {
        plan(store, stage, &input, options)
    })
}

fn plan(
    store: &Store,
    stage: &mut Stage<'_>,
    input: &Input<'_>,
    options: ImportOptions,
) -> Result<ImportReport> {
    let skus = Skus::load(store)?;
    let mut ids: HashSet<UserId> = HashSet::new();
    let mut upns: HashSet<u128> = HashSet::new();
    let mut changes = Changes::default();
    let mut held: Vec<Held> = Vec::new();
    let scanned = source::scan(*input, |record| {
        let user = row(input, &record)?;
        if !ids.insert(user.id) {
            return Err(bad_field(
                input,
                record.line,
                ID[0],
                text!("import-problem-twice", value = user.id.to_string()),
            ));
        }
        if !upns.insert(upn_digest(&user.upn)) {
            return Err(bad_field(
                input,
                record.line,
                UPN[0],
                text!("import-problem-twice", value = user.upn.clone()),
            ));
        }
        let licensed = licenses(&record, &skus);
        let old = store.user(user.id)?;
        let moved_upn = old
            .as_ref()
            .is_none_or(|old| upn_key(&old.upn) != upn_key(&user.upn));
        if moved_upn {
            match store.user_by_upn(&user.upn) {
                Ok(holder) if holder.id != user.id => {
                    held.push(Held {
                        line: record.line,
                        user,
                        licensed,
                        holder,
                        old,
                    });
                    return Ok(());
                }
                Ok(_) | Err(Error::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        match old {
            Some(old) => change_user(store, stage, &mut changes, &old, user, licensed),
            None => add_user(stage, &mut changes, user, licensed),
        }
    })?;

    // Rows whose UPN another user holds, now that the file's every id is known.
    let admins = store.admins()?;
    let mut rekeyed: HashSet<UserId> = HashSet::new();
    for Held {
        line,
        user,
        licensed,
        holder,
        old,
    } in held
    {
        // The holder is in the file too, under another UPN: the UPN changes hands.
        if ids.contains(&holder.id) {
            match old {
                Some(old) => change_user(store, stage, &mut changes, &old, user, licensed)?,
                None => add_user(stage, &mut changes, user, licensed)?,
            }
            continue;
        }
        // Known by UPN under another id the file does not name: the user takes the file's
        // id, provided nothing but an administrator binding refers to them yet.
        if old.is_some() || !unreferenced(store, &holder)? {
            return Err(Error::refused(text!(
                "import-user-id-differs",
                file = input.name().to_string(),
                line = line as i64,
                upn = user.upn.clone(),
                id = holder.id.to_string()
            )));
        }
        for admin in admins.iter().filter(|a| a.user == holder.id) {
            stage.put(
                ADMINS,
                StagedWrite::PutAdmin(Admin {
                    user: user.id,
                    ..admin.clone()
                }),
            )?;
        }
        changes.push(change(
            ChangeAction::Changed,
            &user,
            Some(format!("id {} → {}", holder.id, user.id)),
        ));
        rekeyed.insert(holder.id);
        remove_user(stage, holder)?;
        stage_new_user(stage, user, licensed)?;
    }

    if options.prune {
        let mut gone = Vec::new();
        for user in store.users() {
            let user = user?;
            if !ids.contains(&user.id) && !rekeyed.contains(&user.id) {
                gone.push(user);
            }
        }
        gone.sort_by(|a, b| a.upn.cmp(&b.upn));
        for user in gone {
            let admin = admins.iter().any(|a| a.user == user.id);
            if admin || !unreferenced(store, &user)? {
                return Err(Error::refused(text!(
                    "import-user-cannot-prune",
                    name = user.display_name.clone(),
                    upn = user.upn.clone()
                )));
            }
            changes.push(change(ChangeAction::Removed, &user, None));
            remove_user(stage, user)?;
        }
    }
    let records = scanned.records;
    Ok(report(
        ImportKind::Users,
        input,
        &scanned,
        records,
        changes,
        options,
    ))
}

/// A user the directory has: staged only if the file says something else of them.
fn change_user(
    store: &Store,
    stage: &mut Stage<'_>,
    changes: &mut Changes,
    old: &User,
    user: User,
    licensed: Vec<ProductId>,
) -> Result<()> {
    let before = store.directory_licenses_of(user.id)?;
    if *old == user && before == licensed {
        return Ok(());
    }
    let mut detail = differences(old, &user);
    if before != licensed {
        if !detail.is_empty() {
            detail.push_str(", ");
        }
        detail.push_str(&format!(
            "licenses {} → {}",
            joined(&before),
            joined(&licensed)
        ));
        stage.put(
            DIRECTORY_LICENSES,
            StagedWrite::DirectoryLicenses(user.id, licensed),
        )?;
    }
    changes.push(change(ChangeAction::Changed, &user, Some(detail)));
    stage.put(CHANGES, StagedWrite::PutUser(user))
}

fn add_user(
    stage: &mut Stage<'_>,
    changes: &mut Changes,
    user: User,
    licensed: Vec<ProductId>,
) -> Result<()> {
    changes.push(change(ChangeAction::Added, &user, None));
    stage_new_user(stage, user, licensed)
}

/// A user new to the directory (or under a new id), with the directory's licenses.
fn stage_new_user(stage: &mut Stage<'_>, user: User, licensed: Vec<ProductId>) -> Result<()> {
    if !licensed.is_empty() {
        stage.put(
            DIRECTORY_LICENSES,
            StagedWrite::DirectoryLicenses(user.id, licensed),
        )?;
    }
    stage.put(ADDITIONS, StagedWrite::PutUser(user))
}

fn remove_user(stage: &mut Stage<'_>, user: User) -> Result<()> {
    stage.put(
        REMOVALS,
        StagedWrite::DirectoryLicenses(user.id, Vec::new()),
    )?;
    stage.put(REMOVALS, StagedWrite::RemoveUser(user))
}

/// A UPN as the duplicate check keeps it: 128 bits of its SHA-256 (no two of a file's UPNs
/// share them in practice), 16 bytes where the UPN itself would take 50 or more.
fn upn_digest(upn: &str) -> u128 {
    let digest = Sha256::digest(upn_key(upn));
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    u128::from_be_bytes(first)
}

/// Whether no license or subscription refers to the user.
fn unreferenced(store: &Store, user: &User) -> Result<bool> {
    Ok(store.licenses_of_user(user.id)?.is_empty()
        && store.subscriptions_of_buyer(user.id)?.is_empty())
}

fn change(action: ChangeAction, user: &User, detail: Option<String>) -> ImportChange {
    ImportChange {
        action,
        record: "user".into(),
        id: user.id.to_string(),
        name: format!("{} <{}>", user.display_name, user.upn),
        detail,
    }
}

fn differences(old: &User, new: &User) -> String {
    let mut parts = Vec::new();
    if old.display_name != new.display_name {
        parts.push(format!("name {} → {}", old.display_name, new.display_name));
    }
    if old.upn != new.upn {
        parts.push(format!("upn {} → {}", old.upn, new.upn));
    }
    if old.department != new.department {
        parts.push(format!(
            "department {} → {}",
            old.department, new.department
        ));
    }
    if old.enabled != new.enabled {
        parts.push(format!("enabled {} → {}", old.enabled, new.enabled));
    }
    parts.join(", ")
}

fn row(file: &Input<'_>, record: &Record) -> Result<User> {
    let required = |names: &[&str]| -> Result<(String, usize)> {
        match record.get(names) {
            Some((v, line)) if !v.trim().is_empty() => Ok((v.trim().to_string(), line)),
            Some((_, line)) => Err(bad_field(
                file,
                line,
                names[0],
                text!("import-problem-empty"),
            )),
            None => Err(bad_field(
                file,
                record.line,
                names[0],
                text!("import-problem-missing"),
            )),
        }
    };
    let (id, line) = required(ID)?;
    let id = Uuid::parse_str(&id)
        .map(UserId)
        .map_err(|_| bad_field(file, line, ID[0], text!("import-problem-guid", value = id)))?;
    let (upn, line) = required(UPN)?;
    let upn = crate::init::valid_upn(&upn)
        .map_err(|_| bad_field(file, line, UPN[0], text!("import-problem-upn", value = upn)))?;
    let (display_name, line) = required(NAME)?;
    // Control characters are kept as the directory has them (the demo's directory has some):
    // every output sanitises them.
    if display_name.chars().count() > 256 {
        return Err(bad_field(file, line, NAME[0], text!("import-problem-name")));
    }
    let department = record
        .get(DEPARTMENT)
        .map(|(d, _)| d.trim().to_string())
        .unwrap_or_default();
    let enabled = match (record.get(BLOCKED), record.get(ENABLED)) {
        (Some((v, line)), _) => !boolean(file, line, BLOCKED[0], &v)?,
        (None, Some((v, line))) => boolean(file, line, ENABLED[0], &v)?,
        (None, None) => true,
    };
    Ok(User {
        id,
        display_name,
        upn,
        department,
        enabled,
    })
}

/// The selfserve products of a user's licenses: the admin center's `Licenses` (SKU part numbers
/// joined by `+`) or Graph's `assignedLicenses` (objects with `skuId`), sorted, each once.
fn licenses(record: &Record, skus: &Skus) -> Vec<ProductId> {
    let mut out: Vec<ProductId> = match record.json(LICENSES) {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|item| {
                let field = |name: &str| {
                    item.as_object()?
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(name))?
                        .1
                        .as_str()
                };
                skus.product(field("skuId"), field("skuPartNumber"))
            })
            .collect(),
        Some(_) => Vec::new(),
        None => record
            .get(LICENSES)
            .map(|(text, _)| {
                text.split('+')
                    .filter_map(|part| skus.product(None, Some(part)))
                    .collect()
            })
            .unwrap_or_default(),
    };
    out.sort();
    out.dedup();
    out
}

fn joined(products: &[ProductId]) -> String {
    if products.is_empty() {
        return "-".to_string();
    }
    let ids: Vec<&str> = products.iter().map(|p| p.0.as_str()).collect();
    ids.join("+")
}

/// True/False as the admin center writes them, in English or French.
fn boolean(file: &Input<'_>, line: usize, field: &str, value: &str) -> Result<bool> {
    match value.trim().to_lowercase().as_str() {
        "true" | "vrai" => Ok(true),
        "false" | "faux" | "" => Ok(false),
        _ => Err(bad_field(
            file,
            line,
            field,
            text!("import-problem-boolean", value = value.to_string()),
        )),
    }
}
