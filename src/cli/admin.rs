//! `selfserve admin list`

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::query;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Administrators, their logins and roles
    List,
}

pub fn run(ctx: &Ctx, command: &AdminCommand) -> Result<ExitCode, Failure> {
    let AdminCommand::List = command;
    let (store, actor) = ctx.open()?;
    let rows = query::admin_rows(&store, &actor)?;
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
    Ok(ExitCode::SUCCESS)
}
