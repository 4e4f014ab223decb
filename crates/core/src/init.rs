//! `selfserve init`: an empty tenant of the organisation's own, with the catalogue's products and
//! one GlobalAdministrator bound to the login that creates it (SPEC §2 rule 10). Its directory,
//! policies and subscriptions then come from the imports (`crate::import`).
//!
//! Like the demo it is built aside and swapped into place (`store::create_or_replace`), so an
//! interrupted `init` never leaves half a tenant behind.

use crate::catalogue;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::*;
use crate::store::codec::{self, encode};
use crate::store::{create_or_replace, database_exists, Overwrite, Store};
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitOptions {
    pub tenant: String,
    pub cloud: Cloud,
    pub currency: String,
    /// The tenant has an existing agreement: trials without a payment method are possible.
    pub agreement: bool,
    /// The directory user bound to `login` as GlobalAdministrator.
    pub admin_upn: String,
    pub login: String,
    pub now: DateTime<Utc>,
    pub force: bool,
    /// The tenant's language: that of the login creating it.
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitSummary {
    pub path: PathBuf,
    pub tenant: String,
    pub tenant_id: TenantId,
    pub cloud: Cloud,
    pub currency: String,
    pub existing_agreement: bool,
    pub products: u64,
    pub admin_upn: String,
    pub admin_login: String,
    pub language: Lang,
    /// Whether a database was replaced (`--force`).
    pub replaced: bool,
}

/// Creates the tenant at `path`. An existing database is refused unless `force`, and then only
/// a GlobalAdministrator of that tenant may replace it (`store::create_or_replace`, as for the
/// demo).
pub fn create_tenant(path: &Path, opts: &InitOptions) -> Result<InitSummary> {
    let tenant_name = valid_name(&opts.tenant)?;
    let currency = valid_currency(&opts.currency)?;
    let upn = valid_upn(&opts.admin_upn)?;
    let overwrite = if opts.force {
        Overwrite::AsGlobalAdministrator(&opts.login)
    } else {
        Overwrite::Never(text!(
            "import-init-exists",
            path = path.display().to_string()
        ))
    };
    let replaced = database_exists(path);
    let tenant = Tenant {
        id: TenantId(Uuid::new_v4()),
        display_name: tenant_name,
        currency,
        cloud: opts.cloud,
        existing_agreement: opts.agreement,
        demo: false,
        created_at: opts.now,
    };
    let products = create_or_replace(path, overwrite, |at| build(at, &tenant, opts, &upn))?;
    Ok(InitSummary {
        path: path.to_path_buf(),
        tenant: tenant.display_name,
        tenant_id: tenant.id,
        cloud: tenant.cloud,
        currency: tenant.currency,
        existing_agreement: tenant.existing_agreement,
        products,
        admin_upn: upn,
        admin_login: opts.login.clone(),
        language: opts.lang,
        replaced,
    })
}

/// Writes the new tenant into the empty directory `path`; returns the number of products.
fn build(path: &Path, tenant: &Tenant, opts: &InitOptions, upn: &str) -> Result<u64> {
    let (db, t) = Store::create_empty(path)?;
    let products = catalogue::products()?;
    for p in &products {
        t.products.insert(p.id.0.as_bytes(), encode(p)?)?;
    }
    // The directory has only the administrator; a users import fills in their name.
    let user = User {
        id: UserId(Uuid::new_v4()),
        display_name: upn.to_string(),
        upn: upn.to_string(),
        department: String::new(),
        enabled: true,
    };
    t.users_by_upn
        .insert(codec::upn_key(&user.upn), user.id.as_bytes().as_slice())?;
    t.users.insert(user.id.as_bytes(), encode(&user)?)?;
    let admin = Admin {
        login: opts.login.clone(),
        user: user.id,
        role: Role::GlobalAdministrator,
    };
    t.admins.insert(admin.login.as_bytes(), encode(&admin)?)?;
    let event = AuditEvent {
        id: db.generate_id()?,
        at: opts.now,
        actor: user.upn.clone(),
        action: "tenant.init".to_string(),
        target: tenant.display_name.clone(),
        before: None,
        after: Some(format!(
            "cloud {}, currency {}, agreement {}, GlobalAdministrator {} (login {})",
            tenant.cloud.as_str(),
            tenant.currency,
            tenant.existing_agreement,
            user.upn,
            admin.login
        )),
    };
    t.audit.insert(event.id.to_be_bytes(), encode(&event)?)?;
    Store::write_meta(&t, tenant)?;
    Store::write_language(&t, opts.lang)?;
    db.flush()?;
    Ok(products.len() as u64)
}

fn valid_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 256 || name.chars().any(char::is_control) {
        return Err(Error::usage(text!(
            "import-init-bad-name",
            given = name.escape_debug().to_string()
        )));
    }
    Ok(name.to_string())
}

/// An ISO 4217 code: three letters, kept in capitals.
fn valid_currency(code: &str) -> Result<String> {
    let code = code.trim();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(Error::usage(text!(
            "import-init-bad-currency",
            given = code.escape_debug().to_string()
        )));
    }
    Ok(code.to_ascii_uppercase())
}

/// A user principal name: one `@` between a name and a domain, no spaces.
pub(crate) fn valid_upn(upn: &str) -> Result<String> {
    let upn = upn.trim();
    let ok = match upn.split_once('@') {
        Some((name, domain)) => {
            !name.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    } && !upn.chars().any(|c| c.is_whitespace() || c.is_control())
        && upn.len() <= 1024;
    if !ok {
        return Err(Error::usage(text!(
            "import-bad-upn",
            given = upn.escape_debug().to_string()
        )));
    }
    Ok(upn.to_string())
}
