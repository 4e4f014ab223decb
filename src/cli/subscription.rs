//! `selfserve subscription list|show|take-over|move-users|cancel|buy|add-licenses|ask-cancel`

mod add_licenses;
mod ask_cancel;

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::text::sanitize;
use selfserve_core::api::Request;
use selfserve_core::model::{CancelReason, ProductId, Status, Subscription, SubscriptionId, Term};
use selfserve_core::ops::buy::BuyPlan;
use selfserve_core::ops::cancel::CancelPlan;
use selfserve_core::ops::move_users::MovePlan;
use selfserve_core::ops::take_over::{Outcome, PlannedEmail, SubRef, TakeOverPlan, UserRef};
use selfserve_core::query::{SubscriptionDetail, SubscriptionFilter, SubscriptionRow};
use selfserve_core::words::{agree, count};
use selfserve_core::Error;
use selfserve_server::Client;
use serde::Serialize;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum SubscriptionCommand {
    List {
        #[arg(long)]
        self_service: bool,
        #[arg(long, value_name = "ID")]
        product: Option<String>,
        #[arg(long, value_name = "S")]
        status: Option<String>,
        #[arg(long, value_name = "UPN")]
        buyer: Option<String>,
    },
    Show {
        #[arg(value_name = "SUB")]
        sub: String,
    },
    TakeOver {
        #[arg(value_name = "SUB")]
        sub: String,
        #[arg(long)]
        dry_run: bool,
    },
    MoveUsers {
        #[arg(value_name = "SUB")]
        sub: String,
        #[arg(long, value_name = "SUB2")]
        to: String,
        #[arg(long)]
        dry_run: bool,
    },
    Cancel {
        #[arg(value_name = "SUB")]
        sub: String,
        #[arg(long, value_name = "REASON")]
        reason: String,
        #[arg(long)]
        dry_run: bool,
    },
    Buy {
        #[arg(value_name = "PRODUCT")]
        product: String,
        #[arg(long, value_name = "N")]
        quantity: u32,
        #[arg(long, value_name = "TERM", default_value = "annual")]
        term: String,
        #[arg(long)]
        dry_run: bool,
    },
    AddLicenses {
        #[arg(value_name = "SUB")]
        sub: String,
        #[arg(long, value_name = "N")]
        quantity: u32,
        #[arg(long)]
        dry_run: bool,
    },
    AskCancel {
        #[arg(value_name = "SUB")]
        sub: String,
        #[arg(long)]
        dry_run: bool,
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
                    Error::usage(format!(
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
            let rows: Vec<SubscriptionRow> = ctx.client()?.ask(Request::SubscriptionRows {
                filter,
                now: ctx.now,
            })?;
            if ctx.json {
                print_json(&rows)?;
            } else {
                print_lines(&list_lines(&rows))?;
            }
        }
        SubscriptionCommand::Show { sub } => {
            let detail: SubscriptionDetail = ctx.client()?.ask(Request::SubscriptionDetail {
                sub: sub.clone(),
                now: ctx.now,
            })?;
            if ctx.json {
                print_json(&detail)?;
            } else {
                print_lines(&show_lines(&detail))?;
            }
        }
        SubscriptionCommand::TakeOver { sub, dry_run } => {
            let client = ctx.client()?;
            let out: Outcome<TakeOverPlan> = client.ask(Request::TakeOver {
                sub: resolve(&client, sub)?,
                now: ctx.now,
                dry_run: *dry_run,
            })?;
            let p = &out.plan;
            let line = if p.already_taken_over {
                format!(
                    "{} was already taken over by {} on {}; nothing changed.",
                    p.subscription.label(),
                    p.taken_over_by,
                    p.taken_over_at.date_naive()
                )
            } else {
                format!(
                    "{} {} by {}: its licenses can now be assigned, moved or cancelled.",
                    p.subscription.label(),
                    done(&out, "taken over", "would be taken over"),
                    p.taken_over_by
                )
            };
            report(ctx, &out, vec![line])?;
        }
        SubscriptionCommand::MoveUsers { sub, to, dry_run } => {
            let client = ctx.client()?;
            let from = resolve(&client, sub)?;
            let to = resolve(&client, to)?;
            let out: Outcome<MovePlan> = client.ask(Request::MoveUsers {
                from,
                to,
                now: ctx.now,
                dry_run: *dry_run,
            })?;
            let p = &out.plan;
            let mut lines = vec![format!(
                "{} {} from {} to {}.",
                done(&out, "Moved", "Would move"),
                users_count(&p.users),
                named(&p.from),
                p.to.label()
            )];
            if p.takes_over {
                lines.push(format!(
                    "{} {} first.",
                    done(&out, "Took over", "Would take over"),
                    p.from.label()
                ));
            }
            lines.push(format!(
                "{} {} (reason {}); {} now has {} of {} assigned.",
                done(&out, "Cancelled", "Would cancel"),
                p.from.label(),
                p.cancellation_reason.as_str(),
                p.to.label(),
                p.to_assigned_after,
                count(u64::from(p.to.quantity), "license")
            ));
            lines.extend(email_lines(&out, &p.emails));
            lines.extend(user_lines(&p.users));
            report(ctx, &out, lines)?;
        }
        SubscriptionCommand::Cancel {
            sub,
            reason,
            dry_run,
        } => {
            let reason = parse_reason(reason)?;
            let client = ctx.client()?;
            let out: Outcome<CancelPlan> = client.ask(Request::Cancel {
                sub: resolve(&client, sub)?,
                reason,
                now: ctx.now,
                dry_run: *dry_run,
            })?;
            let p = &out.plan;
            let n = p.users.len() as u64;
            let mut lines = vec![format!(
                "{} {} (reason {}): it shows Deleted and {} {} their {}.",
                done(&out, "Cancelled", "Would cancel"),
                named(&p.subscription),
                p.reason.as_str(),
                users_count(&p.users),
                agree(n, "loses", "lose"),
                agree(n, "license", "licenses")
            )];
            if p.takes_over {
                lines.push(format!(
                    "{} first.",
                    done(&out, "Took it over", "Would take it over")
                ));
            }
            lines.extend(email_lines(&out, &p.emails));
            lines.extend(user_lines(&p.users));
            report(ctx, &out, lines)?;
        }
        SubscriptionCommand::Buy {
            product,
            quantity,
            term,
            dry_run,
        } => {
            let term = parse_term(term)?;
            let client = ctx.client()?;
            let out: Outcome<BuyPlan> = client.ask(Request::BuyCentral {
                product: ProductId(product.trim().to_ascii_uppercase()),
                quantity: *quantity,
                term,
                now: ctx.now,
                dry_run: *dry_run,
            })?;
            let p = &out.plan;
            let lines = vec![
                format!(
                    "{} {} {} {} centrally: subscription {}.",
                    done(&out, "Bought", "Would buy"),
                    p.subscription.quantity,
                    sanitize(&p.subscription.product_name),
                    agree(u64::from(p.subscription.quantity), "license", "licenses"),
                    p.subscription.id
                ),
                format!(
                    "{} per license per {} term, {} in all; invoice; renews automatically on {}.",
                    p.price.amount,
                    p.price.term.as_str(),
                    p.cost_per_term,
                    p.expires
                ),
            ];
            report(ctx, &out, lines)?;
        }
        SubscriptionCommand::AddLicenses {
            sub,
            quantity,
            dry_run,
        } => add_licenses::run(ctx, sub, *quantity, *dry_run)?,
        SubscriptionCommand::AskCancel { sub, dry_run } => ask_cancel::run(ctx, sub, *dry_run)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The subscription an id or unique prefix names.
pub fn resolve(client: &Client, sub: &str) -> Result<SubscriptionId, Error> {
    let found: Subscription = client.ask(Request::ResolveSubscription {
        sub: sub.to_string(),
    })?;
    Ok(found.id)
}

/// `--reason`: one of the fixed list, else a usage error that lists them.
pub fn parse_reason(text: &str) -> Result<CancelReason, Error> {
    CancelReason::parse(text).ok_or_else(|| {
        let valid: Vec<&str> = CancelReason::ALL.iter().map(|r| r.as_str()).collect();
        Error::usage(format!(
            "{text:?} is not a cancellation reason; use one of {}",
            valid.join(", ")
        ))
    })
}

/// `--term`: monthly or annual.
pub fn parse_term(text: &str) -> Result<Term, Error> {
    match text.trim().to_ascii_lowercase().as_str() {
        "monthly" => Ok(Term::Monthly),
        "annual" => Ok(Term::Annual),
        _ => Err(Error::usage(format!(
            "{text:?} is not a term; use monthly or annual"
        ))),
    }
}

/// The outcome as JSON, or the summary with a dry-run notice.
pub fn report<P: Serialize>(
    ctx: &Ctx,
    out: &Outcome<P>,
    lines: Vec<String>,
) -> Result<(), Failure> {
    if ctx.json {
        return print_json(out);
    }
    let mut lines: Vec<String> = lines.iter().map(|l| sanitize(l)).collect();
    if out.dry_run {
        lines.insert(0, "Dry run: nothing was changed.".to_string());
    }
    print_lines(&lines)
}

pub fn done<P>(out: &Outcome<P>, did: &str, would: &str) -> String {
    if out.dry_run { would } else { did }.to_string()
}

fn users_count(users: &[UserRef]) -> String {
    count(users.len() as u64, "user")
}

pub fn email_lines<P>(out: &Outcome<P>, emails: &[PlannedEmail]) -> Vec<String> {
    emails
        .iter()
        .map(|e| {
            format!(
                "{} {}: \"{}\"",
                done(out, "E-mailed", "Would e-mail"),
                e.to,
                e.subject
            )
        })
        .collect()
}

/// The users concerned, twenty at most.
pub fn user_lines(users: &[UserRef]) -> Vec<String> {
    let mut lines: Vec<String> = users
        .iter()
        .take(20)
        .map(|u| format!("  {} <{}>", u.display_name, u.user_principal_name))
        .collect();
    if users.len() > 20 {
        lines.push(format!("  and {} more", users.len() - 20));
    }
    lines
}

/// "Power BI Pro subscription 3f2a1b2c… (bought by x@contoso.example)".
pub fn named(s: &SubRef) -> String {
    match &s.buyer {
        Some(b) => format!("{} (bought by {b})", s.label()),
        None => s.label(),
    }
}

fn short_id(row: &SubscriptionRow) -> String {
    row.id.to_string().chars().take(8).collect()
}

fn price(row: &SubscriptionRow) -> String {
    format!("{}/{}", row.price.amount, row.price.term.as_str())
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
    lines.push(count(rows.len() as u64, "subscription"));
    let due = rows.iter().filter(|r| !r.lifecycle_due.is_empty()).count();
    lines.extend(super::due::line(due as u64));
    lines
}

fn show_lines(d: &SubscriptionDetail) -> Vec<String> {
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
    if !r.lifecycle_due.is_empty() {
        lines.push(format!(
            "Lifecycle steps due but not applied: {}; the status above is the one at the clock. Apply them with `selfserve lifecycle run`.",
            super::due::steps(&r.lifecycle_due)
        ));
    }
    lines.push(String::new());
    lines.push(format!("Users with licenses ({}):", d.users.len()));
    let mut u = Table::new(&[
        "Display name",
        "User principal name",
        "Assigned on",
        "Paid twice",
    ]);
    for user in &d.users {
        u.row(vec![
            user.display_name.clone(),
            user.user_principal_name.clone(),
            user.assigned_on.to_string(),
            if user.paid_twice { "yes" } else { "" }.to_string(),
        ]);
    }
    if !d.users.is_empty() {
        lines.extend(u.lines());
    }
    let twice = d.users.iter().filter(|u| u.paid_twice).count();
    if twice > 0 {
        lines.push(format!(
            "{twice} of them {} a license of {} from another subscription too: paid twice until one of the two is cancelled.",
            if twice == 1 { "holds" } else { "hold" },
            r.product_name
        ));
    }
    lines
}
