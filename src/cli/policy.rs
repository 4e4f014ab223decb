//! `selfserve policy list|get|set`, with the MSCommerce module's field names; `plan`, `apply`,
//! `drift` and `export` are policy as code (policy_file.rs).

use super::table::{header, Table};
use super::{policy_file, policy_review, print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::i18n::{policy_words, Lang};
use selfserve_core::api::Request;
use selfserve_core::ops::set_policy::{self, PolicyScope, SetPolicyOutcome};
use selfserve_core::query::PolicyRow;
use selfserve_core::{text, Error};
use std::path::PathBuf;
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
        #[arg(long)]
        offer_types: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Table, conflicts_with = "offer_types")]
        format: ListFormat,
    },
    Get {
        #[arg(value_name = "PRODUCT")]
        product: String,
    },
    #[command(
        override_usage = "selfserve policy set PRODUCT VALUE\n       selfserve policy set --all VALUE\n       selfserve policy set --offer-type TYPE VALUE"
    )]
    Set {
        #[arg(long)]
        all: bool,
        #[arg(long, value_name = "TYPE", conflicts_with = "all")]
        offer_type: Option<String>,
        #[arg(long, conflicts_with = "offer_type")]
        dry_run: bool,
        #[arg(value_name = "PRODUCT VALUE", num_args = 0..=2)]
        args: Vec<String>,
    },
    // Policy as code (issue 14): src/cli/policy_file.rs.
    Plan {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    Apply {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long)]
        yes: bool,
    },
    Drift {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    Export,
    // The default for new products and the review queue: src/cli/policy_review.rs.
    Default {
        #[arg(value_name = "VALUE")]
        value: Option<String>,
    },
    Review {
        #[arg(long, value_name = "PRODUCT")]
        accept: Option<String>,
        #[arg(long)]
        all: bool,
    },
}

pub fn run(ctx: &Ctx, command: &PolicyCommand) -> Result<ExitCode, Failure> {
    match command {
        PolicyCommand::List {
            offer_types: true, ..
        } => return policy_review::offer_types(ctx),
        PolicyCommand::List { format, .. } => {
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
        PolicyCommand::Set {
            offer_type: Some(offer),
            args,
            ..
        } => return policy_review::set_offer_type(ctx, offer, args),
        PolicyCommand::Set {
            all, args, dry_run, ..
        } => set(ctx, *all, args, *dry_run)?,
        PolicyCommand::Plan { file } => return policy_file::plan(ctx, file),
        PolicyCommand::Apply { file, yes } => return policy_file::apply(ctx, file, *yes),
        PolicyCommand::Drift { file } => return policy_file::drift(ctx, file),
        PolicyCommand::Export => return policy_file::export(ctx),
        PolicyCommand::Default { value } => return policy_review::default(ctx, value.as_deref()),
        PolicyCommand::Review { accept, all } => {
            return policy_review::review(ctx, accept.as_deref(), *all)
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn set(ctx: &Ctx, all: bool, args: &[String], dry_run: bool) -> Result<(), Failure> {
    let (scope, value) = match (all, args) {
        (false, [product, value]) => (PolicyScope::Product(product.clone()), value),
        (true, [value]) => (PolicyScope::All, value),
        (false, _) => return Err(Error::usage(text!("cli-policy-set-usage")).into()),
        (true, _) => return Err(Error::usage(text!("cli-policy-set-all-usage")).into()),
    };
    let value = set_policy::parse_value(value)?;
    if dry_run {
        // Issue 14, point 4: what it would change and what it leaves (policy_review.rs).
        return policy_review::preview(ctx, scope, value);
    }
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
pub(super) fn set_lines(lang: Lang, outcome: &SetPolicyOutcome) -> Vec<String> {
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
