//! The deterministic demo tenant: the same seed and clock give the same tenant, at any size.
//!
//! It is built aside and moved into place at the end (`store::create_or_replace`), so an
//! interrupted `selfserve demo` never leaves a half-built database behind.

mod names;
mod subscriptions;
mod tenant;
mod writer;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::Cloud;
use crate::store::{create_or_replace, Overwrite};
use chrono::{DateTime, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::path::{Path, PathBuf};
use uuid::Uuid;

pub const DEFAULT_USERS: usize = 250;
pub const DEFAULT_SEED: u64 = 42;
pub const DOMAIN: &str = "contoso.example";

#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub users: usize,
    pub seed: u64,
    pub now: DateTime<Utc>,
    /// The operating-system login bound to the GlobalAdministrator.
    pub login: String,
    pub force: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DemoSummary {
    pub path: PathBuf,
    pub tenant: String,
    pub users: u64,
    pub subscriptions: u64,
    pub assignments: u64,
    pub admin_login: String,
    pub admin_upn: String,
}

/// Builds the demo tenant at `path`, in the global cloud. Refuses to replace a database unless
/// `force`. `progress` hears each step, as a sentence for people.
pub fn create_demo(
    path: &Path,
    opts: &DemoOptions,
    progress: &mut dyn FnMut(&crate::i18n::Text),
) -> Result<DemoSummary> {
    create_demo_in(path, opts, Cloud::Global, progress)
}

/// Builds the demo tenant at `path` in `cloud` (`selfserve demo --cloud`), its e-mails in English.
pub fn create_demo_in(
    path: &Path,
    opts: &DemoOptions,
    cloud: Cloud,
    progress: &mut dyn FnMut(&crate::i18n::Text),
) -> Result<DemoSummary> {
    create_demo_in_language(path, opts, cloud, Lang::En, progress)
}

/// Builds the demo tenant at `path` in `cloud`, its e-mails in `lang`: the language of the
/// login creating it.
pub fn create_demo_in_language(
    path: &Path,
    opts: &DemoOptions,
    cloud: Cloud,
    lang: Lang,
    progress: &mut dyn FnMut(&crate::i18n::Text),
) -> Result<DemoSummary> {
    // The creator's login is stored as the first GlobalAdministrator's: the same rule as `admin add`.
    crate::access::check_login(&opts.login)?;
    if opts.users < 10 {
        return Err(Error::usage(crate::text!(
            "error-demo-too-few-users",
            min = 10
        )));
    }
    if opts.users > 20_000_000 {
        return Err(Error::usage(crate::text!(
            "error-demo-too-many-users",
            max = 20_000_000
        )));
    }
    let overwrite = if opts.force {
        Overwrite::AsGlobalAdministrator(&opts.login)
    } else {
        Overwrite::Never(crate::text!(
            "error-demo-exists",
            path = path.display().to_string()
        ))
    };
    let summary = create_or_replace(path, overwrite, |at| {
        tenant::build(at, opts, cloud, lang, progress)
    })?;
    Ok(DemoSummary {
        path: path.to_path_buf(),
        ..summary
    })
}

/// Ids come from the seeded generator, so the same seed gives the same ids.
fn new_id(rng: &mut ChaCha8Rng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}
