//! `selfserve policy list|get|set`, with the MSCommerce module's field names.

use super::table::{header, Table};
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::i18n::{policy_words, Lang};
use selfserve_core::api::Request;
use selfserve_core::ops::set_policy::{self, PolicyScope, SetPolicyOutcome};
use selfserve_core::query::PolicyRow;
use selfserve_core::{text, Error};
use std::process::ExitCode;

/// `ps-json`: what `Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase |
/// ConvertTo-Json` writes (PowerShell 7's two-space indent), for `import policies`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    PsJson,
}

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum PolicyCommand {
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    Get {
        #[arg(value_name = "PRODUCT")]
        product: String,
    },
    #[command(
        override_usage = "selfserve policy set PRODUCT VALUE\n       selfserve policy set --all VALUE"
    )]
    Set {
        #[arg(long)]
        all: bool,
        #[arg(value_name = "PRODUCT VALUE", num_args = 0..=2)]
        args: Vec<String>,
    },
}

pub fn run(ctx: &Ctx, command: &PolicyCommand) -> Result<ExitCode, Failure> {
    match command {
        PolicyCommand::List { format } => {
            let rows: Vec<PolicyRow> = ctx.client()?.ask(Request::PolicyRows)?;
            if *format == ListFormat::PsJson {
                let json = serde_json::to_string_pretty(&rows).map_err(std::io::Error::other)?;
                print_lines(&json.lines().map(str::to_string).collect::<Vec<_>>())?;
            } else if ctx.json {
                print_json(&rows)?;
            } else {
                print_lines(&human(ctx.lang, &rows))?;
            }
        }
        PolicyCommand::Get { product } => {
            let row: PolicyRow = ctx.client()?.ask(Request::PolicyRow {
                product: product.clone(),
            })?;
            if ctx.json {
                print_json(&row)?;
            } else {
                print_lines(&human(ctx.lang, std::slice::from_ref(&row)))?;
            }
        }
        PolicyCommand::Set { all, args } => set(ctx, *all, args)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn set(ctx: &Ctx, all: bool, args: &[String]) -> Result<(), Failure> {
    let (scope, value) = match (all, args) {
        (false, [product, value]) => (PolicyScope::Product(product.clone()), value),
        (true, [value]) => (PolicyScope::All, value),
        (false, _) => return Err(Error::usage(text!("cli-policy-set-usage")).into()),
        (true, _) => return Err(Error::usage(text!("cli-policy-set-all-usage")).into()),
    };
    let value = set_policy::parse_value(value)?;
    let outcome: SetPolicyOutcome = ctx.client()?.ask(Request::SetPolicy {
        scope,
        value,
        now: ctx.now,
    })?;
    if ctx.json {
        print_json(&outcome)?;
    } else {
        print_lines(&set_lines(ctx.lang, &outcome))?;
    }
    Ok(())
}

/// The MSCommerce module's column names stay as PowerShell shows them; the others are read.
fn set_lines(lang: Lang, outcome: &SetPolicyOutcome) -> Vec<String> {
    let mut t = Table::new(&[
        "ProductName".to_string(),
        "ProductId".to_string(),
        "PolicyValue".to_string(),
        header(lang, "cli-col-was"),
        header(lang, "cli-col-shown-as"),
    ]);
    for c in &outcome.policies {
        t.row(vec![
            c.product_name.clone(),
            c.product_id.0.clone(),
            c.policy_value.as_str().to_string(),
            if c.changed {
                c.previous_value.as_str().to_string()
            } else {
                lang.t("cli-policy-unchanged")
            },
            policy_words(lang, c.policy_value),
        ]);
    }
    let mut lines = t.lines();
    let changed = outcome.policies.iter().filter(|c| c.changed).count();
    lines.push(say!(
        lang,
        "cli-policy-changed",
        changed = changed,
        count = outcome.policies.len()
    ));
    if outcome.data_notice.is_some() {
        lines.push(String::new());
        lines.push(format!(
            "{}{} {}",
            lang.t("core-data-notice-heading"),
            lang.t("cli-colon"),
            lang.t("core-data-notice")
        ));
    }
    lines
}

fn human(lang: Lang, rows: &[PolicyRow]) -> Vec<String> {
    let mut t = Table::new(&[
        "ProductName".to_string(),
        "ProductId".to_string(),
        "PolicyId".to_string(),
        "PolicyValue".to_string(),
        header(lang, "cli-col-shown-as"),
    ]);
    for r in rows {
        t.row(vec![
            r.product_name.clone(),
            r.product_id.0.clone(),
            r.policy_id.to_string(),
            r.policy_value.as_str().to_string(),
            policy_words(lang, r.policy_value),
        ]);
    }
    t.lines()
}
