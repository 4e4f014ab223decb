//! Binding logins to directory users with a role (SPEC §3 `admin add|remove`, §2 rules 7 and 10).
//! Only a `GlobalAdministrator` changes bindings, and the tenant always keeps one.

use crate::access::{check_login, Actor, Capability};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::{abort, Store, Tx, TxResult};
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `admin add UPN --role ROLE --login LOGIN`: binds, or changes the role of an existing binding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddAdmin {
    pub upn: String,
    pub role: Role,
    pub login: String,
}

/// A binding as it is after the change (`role` is None once removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminChange {
    pub login: String,
    pub user_principal_name: String,
    pub display_name: String,
    pub role: Option<Role>,
    pub previous_role: Option<Role>,
    pub changed: bool,
}

/// Parses a role as typed by an administrator, or says which roles exist (exit 2).
pub fn parse_role(text: &str) -> Result<Role> {
    Role::parse(text).ok_or_else(|| {
        Error::usage(text!(
            "error-not-a-role",
            given = text.escape_debug().to_string()
        ))
    })
}

/// Counts the GlobalAdministrators among `logins` as the transaction sees them. The logins are
/// read before the transaction (it cannot scan); one added meanwhile is missed, which only
/// makes the last-GlobalAdministrator guard stricter.
fn global_admins(tx: &Tx, logins: &[String]) -> TxResult<usize> {
    let mut n = 0;
    for login in logins {
        if tx
            .admin(login)?
            .is_some_and(|a| a.role == Role::GlobalAdministrator)
        {
            n += 1;
        }
    }
    Ok(n)
}

/// `removed`: whether the last one was to be removed (else demoted).
fn last_global_admin(login: &str, removed: bool) -> Error {
    Error::refused(text!(
        "error-last-global-admin",
        login = login.escape_debug().to_string(),
        change = if removed { "removed" } else { "demoted" }
    ))
}

fn summary(upn: &str, role: Role) -> String {
    format!("{upn} as {}", role.as_str())
}

pub fn add_admin(
    store: &Store,
    actor: &Actor,
    req: &AddAdmin,
    now: DateTime<Utc>,
) -> Result<AdminChange> {
    actor.require(
        Capability::ManagePolicies,
        crate::text!("core-do-change-administrators"),
    )?;
    let login = req.login.trim();
    check_login(login)?;
    let user = store.user_by_upn(&req.upn)?;
    if !user.enabled {
        return Err(Error::refused(text!(
            "error-admin-disabled-user",
            upn = &user.upn
        )));
    }
    let admins = store.admins()?;
    if let Some(other) = admins
        .iter()
        .find(|a| a.user == user.id && a.login != login)
    {
        return Err(Error::refused(text!(
            "error-admin-already",
            upn = &user.upn,
            login = other.login.escape_debug().to_string()
        )));
    }
    let logins: Vec<String> = admins.into_iter().map(|a| a.login).collect();
    let previous = store.transact(|tx| {
        let existing = tx.admin(login)?;
        if let Some(old) = &existing {
            if old.user != user.id {
                return abort(Error::refused(text!(
                    "error-login-bound-elsewhere",
                    login = login.escape_debug().to_string()
                )));
            }
            if old.role == req.role {
                return Ok(existing.map(|a| a.role));
            }
            if old.role == Role::GlobalAdministrator && global_admins(tx, &logins)? <= 1 {
                return abort(last_global_admin(login, false));
            }
        }
        tx.put_admin(&Admin {
            login: login.to_string(),
            user: user.id,
            role: req.role,
        })?;
        tx.audit(AuditEvent {
            id: 0,
            at: now,
            actor: actor.user.upn.clone(),
            action: if existing.is_some() {
                "admin.change-role"
            } else {
                "admin.add"
            }
            .to_string(),
            target: format!("login {login}"),
            before: existing.as_ref().map(|a| summary(&user.upn, a.role)),
            after: Some(summary(&user.upn, req.role)),
        })?;
        Ok(existing.map(|a| a.role))
    })?;
    Ok(AdminChange {
        login: login.to_string(),
        user_principal_name: user.upn,
        display_name: user.display_name,
        role: Some(req.role),
        previous_role: previous,
        changed: previous != Some(req.role),
    })
}

/// `admin remove LOGIN` (or the administrator's UPN): unbinds; never the last GlobalAdministrator.
pub fn remove_admin(
    store: &Store,
    actor: &Actor,
    login_or_upn: &str,
    now: DateTime<Utc>,
) -> Result<AdminChange> {
    actor.require(
        Capability::ManagePolicies,
        crate::text!("core-do-change-administrators"),
    )?;
    let wanted = login_or_upn.trim();
    let admins = store.admins()?;
    let mut target = admins.iter().find(|a| a.login == wanted).cloned();
    if target.is_none() {
        if let Ok(user) = store.user_by_upn(wanted) {
            target = admins.iter().find(|a| a.user == user.id).cloned();
        }
    }
    let not_bound = || {
        Error::not_found(text!(
            "error-no-admin",
            given = wanted.escape_debug().to_string()
        ))
    };
    let target = target.ok_or_else(not_bound)?;
    let user = store.user(target.user)?;
    let (upn, name) = user
        .map(|u| (u.upn, u.display_name))
        .unwrap_or_else(|| (target.user.to_string(), String::new()));
    let logins: Vec<String> = admins.into_iter().map(|a| a.login).collect();
    let removed = store.transact(|tx| {
        let Some(current) = tx.admin(&target.login)? else {
            return abort(not_bound());
        };
        if current.role == Role::GlobalAdministrator && global_admins(tx, &logins)? <= 1 {
            return abort(last_global_admin(&current.login, true));
        }
        tx.remove_admin(&current.login)?;
        tx.audit(AuditEvent {
            id: 0,
            at: now,
            actor: actor.user.upn.clone(),
            action: "admin.remove".to_string(),
            target: format!("login {}", current.login),
            before: Some(summary(&upn, current.role)),
            after: None,
        })?;
        Ok(current.role)
    })?;
    Ok(AdminChange {
        login: target.login,
        user_principal_name: upn,
        display_name: name,
        role: None,
        previous_role: Some(removed),
        changed: true,
    })
}
