//! `selfserve license assign|unassign SUB UPN...`

use super::subscription::{done, report, resolve, user_lines};
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
    let verb = match change {
        LicenseChange::Assign => done(&out, "Assigned", "Would assign"),
        LicenseChange::Unassign => done(&out, "Unassigned", "Would unassign"),
    };
    let mut lines = vec![format!(
        "{verb} {} of {} {} {}: {} of {} now assigned, {} free.",
        if p.users.len() == 1 {
            "a license"
        } else {
            "licenses"
        },
        p.subscription.label(),
        match change {
            LicenseChange::Assign => "to",
            LicenseChange::Unassign => "from",
        },
        if p.users.len() == 1 {
            "1 user".to_string()
        } else {
            format!("{} users", p.users.len())
        },
        p.assigned_after,
        p.subscription.quantity,
        p.free_after
    )];
    lines.extend(user_lines(&p.users));
    if !p.paid_twice.is_empty() {
        // The article's manual centralisation: the other license stays until its buyer cancels.
        lines.push(format!(
            "{} of them also {} a license of {} from another subscription: paid twice until it is cancelled (`selfserve subscription ask-cancel SUB` asks its buyer).",
            p.paid_twice.len(),
            if p.paid_twice.len() == 1 { "holds" } else { "hold" },
            p.subscription.product_name
        ));
        lines.extend(user_lines(&p.paid_twice));
    }
    report(ctx, &out, lines)?;
    Ok(ExitCode::SUCCESS)
}
