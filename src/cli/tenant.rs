//! `selfserve tenant show`: the tenant, its cloud and that cloud's admin center.

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use chrono::{DateTime, Utc};
use clap::Subcommand;
use selfserve_core::api::{Request, SessionInfo};
use selfserve_core::model::{Cloud, TenantId};
use serde::Serialize;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum TenantCommand {
    Show,
}

/// The JSON of `tenant show`.
#[derive(Serialize)]
struct Shown<'a> {
    id: TenantId,
    display_name: &'a str,
    currency: &'a str,
    cloud: Cloud,
    admin_center_url: &'static str,
    existing_agreement: bool,
    demo: bool,
    created_at: DateTime<Utc>,
}

pub fn run(ctx: &Ctx, command: &TenantCommand) -> Result<ExitCode, Failure> {
    let TenantCommand::Show = command;
    let session: SessionInfo = ctx.client()?.ask(Request::Session)?;
    let t = &session.tenant;
    let shown = Shown {
        id: t.id,
        display_name: &t.display_name,
        currency: &t.currency,
        cloud: t.cloud,
        admin_center_url: t.cloud.admin_center_url(),
        existing_agreement: t.existing_agreement,
        demo: t.demo,
        created_at: t.created_at,
    };
    if ctx.json {
        return print_json(&shown).map(|_| ExitCode::SUCCESS);
    }
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    let mut table = Table::new(&["Field", "Value"]);
    for (field, value) in [
        ("Tenant", shown.display_name.to_string()),
        ("Tenant ID", shown.id.to_string()),
        ("Cloud", shown.cloud.as_str().to_string()),
        ("Admin center", shown.admin_center_url.to_string()),
        ("Currency", shown.currency.to_string()),
        ("Existing agreement", yes_no(shown.existing_agreement)),
        ("Demo tenant", yes_no(shown.demo)),
        ("Created", shown.created_at.to_rfc3339()),
    ] {
        table.row(vec![field.to_string(), value]);
    }
    // The header row says nothing a field list needs.
    print_lines(&table.lines()[1..])?;
    Ok(ExitCode::SUCCESS)
}
