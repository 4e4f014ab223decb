//! `selfserve import policies|users FILE [--dry-run] [--prune]`: the file is read here and sent
//! whole to the core, which checks, plans and writes it (issue 12).

use super::{print_json, print_lines, Ctx, Failure};
use clap::{Args, Subcommand};
use selfserve_core::api::Request;
use selfserve_core::import::{ChangeAction, ImportFile, ImportKind, ImportOptions, ImportReport};
use selfserve_core::{text, Error};
use std::path::PathBuf;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    Policies(ImportArgs),
    Users(ImportArgs),
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    prune: bool,
}

pub fn run(ctx: &Ctx, command: &ImportCommand) -> Result<ExitCode, Failure> {
    let (kind, args) = match command {
        ImportCommand::Policies(a) => (ImportKind::Policies, a),
        ImportCommand::Users(a) => (ImportKind::Users, a),
    };
    let bytes = std::fs::read(&args.file).map_err(|e| {
        Error::not_found(text!(
            "import-cannot-read",
            file = args.file.display().to_string(),
            detail = e.to_string()
        ))
    })?;
    let name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let report: ImportReport = ctx.client()?.ask(Request::Import {
        kind,
        file: ImportFile { name, bytes },
        options: ImportOptions {
            dry_run: args.dry_run,
            prune: args.prune,
        },
        now: ctx.now,
    })?;
    if ctx.json {
        print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = ctx.lang;
    let mut lines: Vec<String> = report
        .changes
        .iter()
        .map(|c| {
            let id = match c.action {
                ChangeAction::Added => "import-change-added",
                ChangeAction::Changed => "import-change-changed",
                ChangeAction::Removed => "import-change-removed",
            };
            let detail = c
                .detail
                .as_deref()
                .map_or(String::new(), |d| format!(" ({d})"));
            text!(
                id,
                record = text!("import-record", record = c.record.as_str()),
                id = c.id.as_str(),
                name = c.name.as_str(),
                detail = detail
            )
            .in_lang(lang)
        })
        .collect();
    let summary = if report.dry_run {
        "import-summary-dry-run"
    } else {
        "import-summary"
    };
    lines.push(
        text!(
            summary,
            file = report.file.as_str(),
            added = report.added,
            changed = report.changed,
            removed = report.removed,
            unchanged = report.unchanged
        )
        .in_lang(lang),
    );
    print_lines(&lines)?;
    Ok(ExitCode::SUCCESS)
}
