//! `import users FILE`: the admin center's "Export users" CSV (English or French locale), or
//! `Get-MgUser -All -Property Id,DisplayName,UserPrincipalName,Department,AccountEnabled,
//! AssignedLicenses | ConvertTo-Json -Depth 5`. The directory's object id becomes the user's id
//! (issue 12 point 6), so a second import matches the same users.
//!
//! A user already known by UPN under another id (the administrator `init` created before the
//! directory was imported) takes the file's id, provided nothing but an administrator binding
//! refers to them yet.

use super::skus::Skus;
use super::source::{self, Record};
use super::{bad_field, commit, report, ChangeAction, ImportChange, ImportFile, ImportKind};
use super::{ImportOptions, ImportReport};
use crate::access::Actor;
use crate::error::{Error, Result};
use crate::model::{Admin, ProductId, User, UserId};
use crate::store::codec::upn_key;
use crate::store::Store;
use crate::text;
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};
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

pub(super) fn import(
    store: &Store,
    actor: &Actor,
    file: &ImportFile,
    text: &str,
    sha256: &str,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let (format, records) = source::records(file, text)?;
    let skus = Skus::load(store)?;
    let mut rows: Vec<(usize, User)> = Vec::with_capacity(records.len());
    // The selfserve products each user's licenses name (other SKUs are not ours to track).
    let mut licensed: HashMap<UserId, Vec<ProductId>> = HashMap::new();
    let mut ids = HashSet::new();
    let mut upns = HashSet::new();
    for record in &records {
        let user = row(file, record)?;
        licensed.insert(user.id, licenses(record, &skus));
        if !ids.insert(user.id) {
            return Err(bad_field(
                file,
                record.line,
                ID[0],
                text!("import-problem-twice", value = user.id.to_string()),
            ));
        }
        if !upns.insert(upn_key(&user.upn)) {
            return Err(bad_field(
                file,
                record.line,
                UPN[0],
                text!("import-problem-twice", value = user.upn.clone()),
            ));
        }
        rows.push((record.line, user));
    }

    let existing: HashMap<UserId, User> = store
        .users()
        .map(|u| u.map(|u| (u.id, u)))
        .collect::<Result<_>>()?;
    // The directory as it is, by UPN: one read of the tree rather than one per row.
    let by_upn: HashMap<Vec<u8>, UserId> =
        existing.values().map(|u| (upn_key(&u.upn), u.id)).collect();
    let admins = store.admins()?;
    let held: HashMap<UserId, Vec<ProductId>> = store.directory_licenses()?.into_iter().collect();
    let mut licence_puts: Vec<(UserId, Vec<ProductId>)> = Vec::new();
    let mut changes = Vec::new();
    let mut puts: Vec<User> = Vec::new();
    let mut adds: Vec<User> = Vec::new();
    let mut removes: Vec<User> = Vec::new();
    let mut rebinds: Vec<Admin> = Vec::new();
    for (line, user) in &rows {
        if let Some(old) = existing.get(&user.id) {
            if upn_key(&old.upn) != upn_key(&user.upn) {
                upn_free(store, file, *line, user, &ids)?;
            }
            let before = held.get(&user.id).map_or(&[][..], Vec::as_slice);
            let after = licensed.get(&user.id).map_or(&[][..], Vec::as_slice);
            if old != user || before != after {
                let mut detail = differences(old, user);
                if before != after {
                    if !detail.is_empty() {
                        detail.push_str(", ");
                    }
                    detail.push_str(&format!("licenses {} → {}", joined(before), joined(after)));
                    licence_puts.push((user.id, after.to_vec()));
                }
                changes.push(change(ChangeAction::Changed, user, Some(detail)));
                puts.push(user.clone());
            }
            continue;
        }
        // Known by UPN under another id, which the file does not also name.
        let holder = by_upn
            .get(&upn_key(&user.upn))
            .filter(|id| !ids.contains(*id))
            .and_then(|id| existing.get(id))
            .cloned();
        if let Some(old) = holder {
            if !unreferenced(store, &old)? {
                return Err(Error::refused(text!(
                    "import-user-id-differs",
                    file = file.name.clone(),
                    line = *line as i64,
                    upn = user.upn.clone(),
                    id = old.id.to_string()
                )));
            }
            for admin in admins.iter().filter(|a| a.user == old.id) {
                rebinds.push(Admin {
                    user: user.id,
                    ..admin.clone()
                });
            }
            changes.push(change(
                ChangeAction::Changed,
                user,
                Some(format!("id {} → {}", old.id, user.id)),
            ));
            removes.push(old);
        } else {
            changes.push(change(ChangeAction::Added, user, None));
        }
        licence_puts.push((user.id, licensed.get(&user.id).cloned().unwrap_or_default()));
        adds.push(user.clone());
    }
    if options.prune {
        let rekeyed: HashSet<UserId> = removes.iter().map(|u| u.id).collect();
        let mut gone: Vec<&User> = existing
            .values()
            .filter(|u| !ids.contains(&u.id) && !rekeyed.contains(&u.id))
            .collect();
        gone.sort_by(|a, b| a.upn.cmp(&b.upn));
        for user in gone {
            let admin = admins.iter().any(|a| a.user == user.id);
            if admin || !unreferenced(store, user)? {
                return Err(Error::refused(text!(
                    "import-user-cannot-prune",
                    name = user.display_name.clone(),
                    upn = user.upn.clone()
                )));
            }
            changes.push(change(ChangeAction::Removed, user, None));
            removes.push(user.clone());
        }
    }
    let report = report(
        ImportKind::Users,
        file,
        sha256,
        format,
        rows.len() as u64,
        changes,
        options,
    );
    // Removals first, then changes, then additions: a UPN given up is free for the next one.
    commit(store, actor, report, now, |tx| {
        for user in &removes {
            tx.remove_user(user)?;
            tx.put_directory_licenses(user.id, &[])?;
        }
        for user in puts.iter().chain(&adds) {
            tx.put_user(user)?;
        }
        for admin in &rebinds {
            tx.put_admin(admin)?;
        }
        for (user, products) in &licence_puts {
            tx.put_directory_licenses(*user, products)?;
        }
        Ok(())
    })
}

/// A UPN a user takes must not be another's, unless the file gives that one another UPN.
fn upn_free(
    store: &Store,
    file: &ImportFile,
    line: usize,
    user: &User,
    ids: &HashSet<UserId>,
) -> Result<()> {
    match store.user_by_upn(&user.upn) {
        Ok(holder) if holder.id != user.id && !ids.contains(&holder.id) => {
            Err(Error::refused(text!(
                "import-user-id-differs",
                file = file.name.clone(),
                line = line as i64,
                upn = user.upn.clone(),
                id = holder.id.to_string()
            )))
        }
        Ok(_) | Err(Error::NotFound(_)) => Ok(()),
        Err(e) => Err(e),
    }
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

fn row(file: &ImportFile, record: &Record) -> Result<User> {
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
fn boolean(file: &ImportFile, line: usize, field: &str, value: &str) -> Result<bool> {
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
