//! `selfserve subscription list|show`

use super::table::Table;
use super::{amount, print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::model::{ProductId, Status};
use selfserve_core::query::{self, SubscriptionFilter, SubscriptionRow};
use selfserve_core::Error;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum SubscriptionCommand {
    /// Subscriptions, filtered
    List {
        /// Only self-service purchases and trials
        #[arg(long)]
        self_service: bool,
        /// Only this product (an id such as CFQ7TTC0H9MP)
        #[arg(long, value_name = "ID")]
        product: Option<String>,
        /// Only this status: Active, Expired, Disabled or Deleted
        #[arg(long, value_name = "S")]
        status: Option<String>,
        /// Only subscriptions bought by this user
        #[arg(long, value_name = "UPN")]
        buyer: Option<String>,
    },
    /// Details and the users with licenses
    Show {
        /// Subscription id or a unique prefix of at least 4 characters
        #[arg(value_name = "SUB")]
        sub: String,
    },
}

pub fn run(ctx: &Ctx, command: &SubscriptionCommand) -> Result<ExitCode, Failure> {
    match command {
        SubscriptionCommand::List {
            self_service,
            product,
            status,
            buyer,
        } => {
            let status = match status {
                Some(s) => Some(Status::parse(s).ok_or_else(|| {
                    Error::Usage(format!(
                        "{s:?} is not a status; use Active, Expired, Disabled or Deleted"
                    ))
                })?),
                None => None,
            };
            let filter = SubscriptionFilter {
                self_service_only: *self_service,
                product: product
                    .as_ref()
                    .map(|p| ProductId(p.trim().to_ascii_uppercase())),
                status,
                buyer_upn: buyer.clone(),
            };
            let (store, actor) = ctx.open()?;
            let rows = query::subscription_rows(&store, &actor, &filter)?;
            if ctx.json {
                print_json(&rows)?;
            } else {
                print_lines(&list_lines(&rows))?;
            }
        }
        SubscriptionCommand::Show { sub } => {
            let (store, actor) = ctx.open()?;
            let detail = query::subscription_detail(&store, &actor, sub)?;
            if ctx.json {
                print_json(&detail)?;
            } else {
                print_lines(&show_lines(&detail))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn short_id(row: &SubscriptionRow) -> String {
    row.id.to_string().chars().take(8).collect()
}

fn price(row: &SubscriptionRow) -> String {
    format!(
        "{}/{}",
        amount(row.price.amount, &row.price.currency),
        row.price.term.as_str()
    )
}

fn list_lines(rows: &[SubscriptionRow]) -> Vec<String> {
    let mut t = Table::new(&[
        "ID",
        "Product",
        "Origin",
        "Bought by",
        "Qty>",
        "Assigned>",
        "Expires",
        "Price",
        "Status",
    ]);
    for r in rows {
        t.row(vec![
            short_id(r),
            r.product_name.clone(),
            r.origin.label().to_string(),
            r.buyer_name.clone().unwrap_or_else(|| "-".into()),
            r.quantity.to_string(),
            r.assigned.to_string(),
            r.expires.to_string(),
            price(r),
            r.status.as_str().to_string(),
        ]);
    }
    let mut lines = t.lines();
    lines.push(format!("{} subscriptions", rows.len()));
    lines
}

fn show_lines(d: &query::SubscriptionDetail) -> Vec<String> {
    let r = &d.row;
    let payment = match (&r.card_last4, r.payment_method) {
        (Some(last4), _) => format!("card ending {last4}"),
        (None, m) => m.to_string(),
    };
    let buyer = match (&r.buyer_name, &r.buyer) {
        (Some(n), Some(u)) => format!("{n} <{u}>"),
        _ => "- (central subscription)".to_string(),
    };
    let fields: Vec<(&str, String)> = vec![
        ("Subscription", r.id.to_string()),
        ("Product", format!("{} ({})", r.product_name, r.product_id)),
        ("Origin", r.origin.as_str().to_string()),
        ("Bought by", buyer),
        ("Licenses bought", r.quantity.to_string()),
        ("Assigned", format!("{} ({} free)", r.assigned, r.free())),
        ("Started", r.start.to_string()),
        ("Expires", r.expires.to_string()),
        ("Price", format!("{} per license", price(r))),
        ("Status", r.status.as_str().to_string()),
        ("Payment method", payment),
        (
            "Auto-renew",
            if r.auto_renew { "yes" } else { "no" }.to_string(),
        ),
        (
            "Taken over by",
            r.taken_over_by.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "Cancellation",
            r.cancellation_reason
                .map(|c| c.as_str().to_string())
                .unwrap_or_else(|| "-".into()),
        ),
    ];
    let mut t = Table::new(&["Field", "Value"]);
    for (k, v) in fields {
        t.row(vec![k.to_string(), v]);
    }
    let mut lines: Vec<String> = t.lines().into_iter().skip(1).collect();
    lines.push(String::new());
    lines.push(format!("Users with licenses ({}):", d.users.len()));
    let mut u = Table::new(&["Display name", "User principal name", "Assigned on"]);
    for user in &d.users {
        u.row(vec![
            user.display_name.clone(),
            user.user_principal_name.clone(),
            user.assigned_on.to_string(),
        ]);
    }
    if !d.users.is_empty() {
        lines.extend(u.lines());
    }
    lines
}
