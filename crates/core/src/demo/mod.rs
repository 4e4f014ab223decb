//! The deterministic demo tenant: the same seed and clock give the same tenant, at any size.
//!
//! It is built in a sibling directory and renamed into place at the end, so an interrupted
//! `selfserve demo` never leaves a half-built database behind.

mod names;
mod subscriptions;
mod tenant;
mod writer;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::Cloud;
use crate::store::database_exists;
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
    let exists = database_exists(path);
    if exists && !opts.force {
        return Err(Error::refused(crate::text!(
            "error-demo-exists",
            path = path.display().to_string()
        )));
    }
    if exists {
        // Nothing is replaced while another process holds the database.
        crate::store::ensure_not_locked(path)?;
    }
    let building = sibling(path, "building");
    let _ = std::fs::remove_dir_all(&building);
    let summary = tenant::build(&building, opts, cloud, lang, progress);
    let summary = match summary {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&building);
            return Err(e);
        }
    };
    let old = sibling(path, "replaced");
    if exists {
        std::fs::rename(path, &old).map_err(|e| io_error(path, e))?;
    } else if path.exists() {
        // An empty or foreign directory without a database: replace only if empty.
        std::fs::remove_dir(path).map_err(|e| io_error(path, e))?;
    }
    std::fs::rename(&building, path).map_err(|e| io_error(path, e))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(DemoSummary {
        path: path.to_path_buf(),
        ..summary
    })
}

fn sibling(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "selfserve".into());
    path.with_file_name(format!(".{name}.{what}-{}", std::process::id()))
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::database(crate::text!(
        "error-demo-io",
        path = path.display().to_string(),
        detail = e.to_string()
    ))
}

/// Ids come from the seeded generator, so the same seed gives the same ids.
fn new_id(rng: &mut ChaCha8Rng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}
