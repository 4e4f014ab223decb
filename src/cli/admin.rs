//! `selfserve admin list|add|remove`

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::api::Request;
use selfserve_core::ops::admin::{self, AddAdmin, AdminChange};
use selfserve_core::query::AdminRow;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    List,
    Add {
        #[arg(value_name = "UPN")]
        upn: String,
        #[arg(long, value_name = "ROLE")]
        role: String,
        #[arg(long, value_name = "LOGIN")]
        login: String,
    },
    Remove {
        #[arg(value_name = "LOGIN")]
        login: String,
    },
}

pub fn run(ctx: &Ctx, command: &AdminCommand) -> Result<ExitCode, Failure> {
    match command {
        AdminCommand::List => list(ctx)?,
        AdminCommand::Add { upn, role, login } => {
            let req = AddAdmin {
                upn: upn.clone(),
                role: admin::parse_role(role)?,
                login: login.clone(),
            };
            let change: AdminChange = ctx.client()?.ask(Request::AddAdmin {
                admin: req,
                now: ctx.now,
            })?;
            report(ctx, &change)?;
        }
        AdminCommand::Remove { login } => {
            let change: AdminChange = ctx.client()?.ask(Request::RemoveAdmin {
                login: login.clone(),
                now: ctx.now,
            })?;
            report(ctx, &change)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(ctx: &Ctx) -> Result<(), Failure> {
    let rows: Vec<AdminRow> = ctx.client()?.ask(Request::AdminRows)?;
    if ctx.json {
        print_json(&rows)?;
    } else {
        let mut t = Table::new(&["Login", "Display name", "User principal name", "Role"]);
        for r in &rows {
            t.row(vec![
                r.login.clone(),
                r.display_name.clone(),
                r.user_principal_name.clone(),
                r.role.as_str().to_string(),
            ]);
        }
        print_lines(&t.lines())?;
    }
    Ok(())
}

fn report(ctx: &Ctx, change: &AdminChange) -> Result<(), Failure> {
    if ctx.json {
        return print_json(change);
    }
    let who = format!("{} ({})", change.user_principal_name, change.display_name);
    let line = match (change.previous_role, change.role) {
        (_, Some(role)) if !change.changed => format!(
            "login {} is already {who} as {}; nothing changed",
            change.login,
            role.as_str()
        ),
        (Some(old), Some(role)) => format!(
            "login {} ({who}): role changed from {} to {}",
            change.login,
            old.as_str(),
            role.as_str()
        ),
        (None, Some(role)) => format!(
            "login {} now acts as {who}, {}",
            change.login,
            role.as_str()
        ),
        (_, None) => format!(
            "login {} ({who}) is no longer an administrator",
            change.login
        ),
    };
    print_lines(&[selfserve::text::sanitize(&line)])
}
