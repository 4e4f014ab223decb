//! `selfserve backup FILE [--force]`: the whole tenant, consistent at one revision, through the
//! server where one runs (it goes on serving), else from the database opened here. The core
//! makes the file's bytes; this writes them.

use super::{print_json, Ctx, Failure};
use clap::Args;
use selfserve_core::api::Request;
use selfserve_core::backup::{write_backup_file, BackupImage};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Args, Debug)]
pub struct BackupArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long)]
    force: bool,
}

/// `--json`: what was written.
#[derive(Serialize)]
struct Written<'a> {
    file: &'a PathBuf,
    tenant: &'a str,
    revision: u64,
    taken_at: chrono::DateTime<chrono::Utc>,
    trees: u32,
    records: u64,
    sha256: String,
}

pub fn run(ctx: &Ctx, args: &BackupArgs) -> Result<ExitCode, Failure> {
    let image: BackupImage = ctx.client()?.ask(Request::Backup { now: ctx.now })?;
    write_backup_file(&args.file, &image, args.force)?;
    if ctx.json {
        let tail = image.bytes.len().saturating_sub(32);
        print_json(&Written {
            file: &args.file,
            tenant: &image.header.tenant,
            revision: image.header.revision,
            taken_at: image.header.taken_at,
            trees: image.trees,
            records: image.entries,
            sha256: image.bytes[tail..]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        })?;
    } else {
        super::eprint_line(&say!(
            ctx.lang,
            "backup-done",
            tenant = image.header.tenant.as_str(),
            revision = image.header.revision,
            records = image.entries,
            file = args.file.display().to_string()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
