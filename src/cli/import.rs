//! `selfserve import policies|users|subscriptions|assignments FILE [--dry-run] [--prune]`
//! (`subscriptions` also `--prices FILE`): the core checks, plans and writes them (issue 12),
//! reading the file itself as a stream where the database is opened in-process.

use super::{print_json, print_lines, Ctx, Failure};
use clap::{Args, Subcommand};
use selfserve_core::import::{file_name, ChangeAction, ImportFile, ImportKind, ImportOptions};
use selfserve_core::text;
use std::path::PathBuf;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    Policies(ImportArgs),
    Users(ImportArgs),
    Subscriptions(SubscriptionArgs),
    Assignments(ImportArgs),
}

#[derive(Args, Debug)]
pub struct SubscriptionArgs {
    #[command(flatten)]
    import: ImportArgs,
    #[arg(long, value_name = "FILE")]
    prices: Option<PathBuf>,
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
    let (kind, args, prices) = match command {
        ImportCommand::Policies(a) => (ImportKind::Policies, a, None),
        ImportCommand::Users(a) => (ImportKind::Users, a, None),
        ImportCommand::Subscriptions(a) => {
            (ImportKind::Subscriptions, &a.import, a.prices.as_ref())
        }
        ImportCommand::Assignments(a) => (ImportKind::Assignments, a, None),
    };
    let options = ImportOptions {
        dry_run: args.dry_run,
        prune: args.prune,
    };
    let prices = prices
        .map(|p| ImportFile::read(p, file_name(p)))
        .transpose()?;
    let report = ctx
        .client()?
        .import(kind, &args.file, prices, options, ctx.now)?;
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
    if report.unlisted > 0 {
        lines.push(text!("import-unlisted", count = report.unlisted).in_lang(lang));
    }
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
    lines.extend(report.unplaced.iter().map(|u| {
        text!(
            "import-unplaced",
            name = u.display_name.as_str(),
            upn = u.user_principal_name.as_str(),
            product = u.product_name.as_str()
        )
        .in_lang(lang)
    }));
    print_lines(&lines)?;
    Ok(ExitCode::SUCCESS)
}
