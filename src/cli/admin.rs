//! `selfserve admin list|add|remove`

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::i18n::Lang;
use selfserve_core::api::Request;
use selfserve_core::model::Role;
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
        let mut t = Table::of(
            ctx.lang,
            &[
                "cli-col-login",
                "cli-col-display-name",
                "cli-col-upn",
                "cli-col-role",
            ],
        );
        for r in &rows {
            t.row(vec![
                r.login.clone(),
                r.display_name.clone(),
                r.user_principal_name.clone(),
                role(ctx.lang, r.role),
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
    let lang = ctx.lang;
    let login = change.login.as_str();
    let upn = change.user_principal_name.as_str();
    let name = change.display_name.as_str();
    let line = match (change.previous_role, change.role) {
        (_, Some(r)) if !change.changed => say!(
            lang,
            "cli-admin-unchanged",
            login = login,
            upn = upn,
            name = name,
            role = role(lang, r)
        ),
        (Some(old), Some(r)) => say!(
            lang,
            "cli-admin-role-changed",
            login = login,
            upn = upn,
            name = name,
            old = role(lang, old),
            role = role(lang, r)
        ),
        (None, Some(r)) => say!(
            lang,
            "cli-admin-added",
            login = login,
            upn = upn,
            name = name,
            role = role(lang, r)
        ),
        (_, None) => say!(
            lang,
            "cli-admin-removed",
            login = login,
            upn = upn,
            name = name
        ),
    };
    print_lines(&[selfserve::text::sanitize(&line)])
}

/// A role as people read it: the role's name in English, the admin center's words in French.
pub fn role(lang: Lang, role: Role) -> String {
    lang.t(match role {
        Role::GlobalAdministrator => "cli-role-global-admin",
        Role::BillingAdministrator => "cli-role-billing-admin",
        Role::GlobalReader => "cli-role-global-reader",
    })
}
