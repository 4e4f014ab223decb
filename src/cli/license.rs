//! `selfserve license assign|unassign SUB UPN...`

use super::subscription::{dry, label, report, resolve, user_lines};
use super::{Ctx, Failure};
use clap::Subcommand;
use selfserve_core::api::Request;
use selfserve_core::model::User;
use selfserve_core::ops::assign::{LicenseChange, LicensePlan};
use selfserve_core::ops::take_over::Outcome;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum LicenseCommand {
    Assign {
        #[arg(value_name = "SUB")]
        sub: String,
        #[arg(value_name = "UPN", required = true)]
        users: Vec<String>,
        #[arg(long)]
        dry_run: bool,
    },
    Unassign {
        #[arg(value_name = "SUB")]
        sub: String,
        #[arg(value_name = "UPN", required = true)]
        users: Vec<String>,
        #[arg(long)]
        dry_run: bool,
    },
}

pub fn run(ctx: &Ctx, command: &LicenseCommand) -> Result<ExitCode, Failure> {
    let (change, sub, upns, dry_run) = match command {
        LicenseCommand::Assign {
            sub,
            users,
            dry_run,
        } => (LicenseChange::Assign, sub, users, *dry_run),
        LicenseCommand::Unassign {
            sub,
            users,
            dry_run,
        } => (LicenseChange::Unassign, sub, users, *dry_run),
    };
    let client = ctx.client()?;
    let sub = resolve(&client, sub)?;
    let users: Vec<User> = client.ask(Request::UsersByUpn { upns: upns.clone() })?;
    let users = users.into_iter().map(|u| u.id).collect();
    let now = ctx.now;
    let out: Outcome<LicensePlan> = client.ask(match change {
        LicenseChange::Assign => Request::Assign {
            sub,
            users,
            now,
            dry_run,
        },
        LicenseChange::Unassign => Request::Unassign {
            sub,
            users,
            now,
            dry_run,
        },
    })?;
    let p = &out.plan;
    let lang = ctx.lang;
    let id = match change {
        LicenseChange::Assign => "cli-license-assigned",
        LicenseChange::Unassign => "cli-license-unassigned",
    };
    let mut lines = vec![say!(
        lang,
        id,
        dry = dry(&out),
        count = p.users.len(),
        sub = label(lang, &p.subscription),
        assigned = p.assigned_after,
        quantity = p.subscription.quantity,
        free = p.free_after
    )];
    lines.extend(user_lines(lang, &p.users));
    if !p.paid_twice.is_empty() {
        // The article's manual centralisation: the other license stays until its buyer cancels.
        lines.push(say!(
            lang,
            "cli-license-paid-twice",
            count = p.paid_twice.len(),
            product = p.subscription.product_name.as_str()
        ));
        lines.extend(user_lines(lang, &p.paid_twice));
    }
    report(ctx, &out, lines)?;
    Ok(ExitCode::SUCCESS)
}
