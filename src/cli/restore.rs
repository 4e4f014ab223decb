//! `selfserve restore FILE [--force]`: a new database at --db from a backup; over an existing
//! one only with --force, by its GlobalAdministrator. Made here, like `demo`: a server holding
//! the database makes it refuse (the database is in use).

use super::{print_json, Ctx, Failure};
use clap::Args;
use selfserve_core::access::read_only_refusal;
use selfserve_core::backup::{self, RestoreOptions};
use std::path::PathBuf;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Args, Debug)]
pub struct RestoreArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long)]
    force: bool,
}

pub fn run(ctx: &Ctx, args: &RestoreArgs) -> Result<ExitCode, Failure> {
    // No actor guards a new database, so the read-only check is here, as for `demo`.
    if ctx.readonly {
        return Err(read_only_refusal(selfserve_core::text!("backup-do-restore")).into());
    }
    ctx.local_only("restore")?;
    let options = RestoreOptions {
        force: args.force,
        login: ctx.login.clone(),
    };
    let summary = backup::restore(&args.file, &ctx.db_path, &options)?;
    if ctx.json {
        print_json(&summary)?;
    } else {
        super::eprint_line(&say!(
            ctx.lang,
            "backup-restored",
            tenant = summary.tenant.as_str(),
            revision = summary.revision,
            records = summary.records,
            taken = super::seconds(ctx.lang, summary.taken_at),
            file = summary.file.display().to_string(),
            path = summary.path.display().to_string()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
