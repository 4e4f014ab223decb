//! `selfserve catalogue update FILE [--dry-run]`: products in the catalogue's format read into
//! the tenant; new ones take the default for new products and wait for review (issue 14).

use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::api::Request;
use selfserve_core::import::ImportFile;
use selfserve_core::ops::update_catalogue::CatalogueReport;

use std::path::PathBuf;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum CatalogueCommand {
    Update {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
}

pub fn run(ctx: &Ctx, command: &CatalogueCommand) -> Result<ExitCode, Failure> {
    let CatalogueCommand::Update { file, dry_run } = command;
    let report: CatalogueReport = ctx.client()?.ask(Request::UpdateCatalogue {
        file: ImportFile::read(file, file.display().to_string())?,
        dry_run: *dry_run,
        now: ctx.now,
    })?;
    if ctx.json {
        print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = ctx.lang;
    let mut lines: Vec<String> = report
        .added
        .iter()
        .map(|p| {
            say!(
                lang,
                "gov-catalogue-added",
                name = p.name.as_str(),
                id = p.id.0.as_str()
            )
        })
        .collect();
    lines.extend(report.changed.iter().map(|p| {
        say!(
            lang,
            "gov-catalogue-changed",
            name = p.name.as_str(),
            id = p.id.0.as_str()
        )
    }));
    lines.push(say!(
        lang,
        if report.dry_run {
            "gov-catalogue-summary-dry-run"
        } else {
            "gov-catalogue-summary"
        },
        file = report.file.as_str(),
        added = report.added.len(),
        changed = report.changed.len(),
        unchanged = report.unchanged
    ));
    print_lines(&lines)?;
    Ok(ExitCode::SUCCESS)
}
