//! `selfserve subscription list|show|take-over|move-users|cancel|buy|add-licenses|ask-cancel`

mod add_licenses;
mod ask_cancel;

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::i18n::Lang;
use selfserve::text::sanitize;
use selfserve_core::api::Request;
use selfserve_core::model::{
    CancelReason, Origin, Price, ProductId, Status, Subscription, SubscriptionId, Term,
};
use selfserve_core::ops::buy::BuyPlan;
use selfserve_core::ops::cancel::CancelPlan;
use selfserve_core::ops::move_users::MovePlan;
use selfserve_core::ops::take_over::{Outcome, PlannedEmail, SubRef, TakeOverPlan, UserRef};
use selfserve_core::query::{SubscriptionDetail, SubscriptionFilter, SubscriptionRow};
use selfserve_core::{text, Error};
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
    let lang = ctx.lang;
    match command {
        SubscriptionCommand::List {
            self_service,
            product,
            status,
            buyer,
        } => {
            let status = match status {
                Some(s) => Some(
                    Status::parse(s)
                        .ok_or_else(|| Error::usage(text!("cli-not-a-status", given = s)))?,
                ),
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
                print_lines(&list_lines(lang, &rows))?;
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
                print_lines(&show_lines(lang, &detail))?;
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
                say!(
                    lang,
                    "cli-take-over-already",
                    sub = label(lang, &p.subscription),
                    by = p.taken_over_by.as_str(),
                    date = p.taken_over_at.date_naive()
                )
            } else {
                say!(
                    lang,
                    "cli-take-over-done",
                    dry = dry(&out),
                    sub = label(lang, &p.subscription),
                    by = p.taken_over_by.as_str()
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
            let mut lines = vec![say!(
                lang,
                "cli-move-users",
                dry = dry(&out),
                count = p.users.len(),
                from = named(lang, &p.from),
                to = label(lang, &p.to)
            )];
            if p.takes_over {
                lines.push(say!(
                    lang,
                    "cli-move-took-over",
                    dry = dry(&out),
                    sub = label(lang, &p.from)
                ));
            }
            lines.push(say!(
                lang,
                "cli-move-cancelled",
                dry = dry(&out),
                sub = label(lang, &p.from),
                reason = reason(lang, p.cancellation_reason),
                to = label(lang, &p.to),
                assigned = p.to_assigned_after,
                quantity = p.to.quantity
            ));
            lines.extend(email_lines(lang, &out, &p.emails));
            lines.extend(user_lines(lang, &p.users));
            report(ctx, &out, lines)?;
        }
        SubscriptionCommand::Cancel {
            sub,
            reason: given,
            dry_run,
        } => {
            let reason_given = parse_reason(given)?;
            let client = ctx.client()?;
            let out: Outcome<CancelPlan> = client.ask(Request::Cancel {
                sub: resolve(&client, sub)?,
                reason: reason_given,
                now: ctx.now,
                dry_run: *dry_run,
            })?;
            let p = &out.plan;
            let mut lines = vec![say!(
                lang,
                "cli-cancel-done",
                dry = dry(&out),
                sub = named(lang, &p.subscription),
                reason = reason(lang, p.reason),
                count = p.users.len()
            )];
            if p.takes_over {
                lines.push(say!(lang, "cli-cancel-took-over", dry = dry(&out)));
            }
            lines.extend(email_lines(lang, &out, &p.emails));
            lines.extend(user_lines(lang, &p.users));
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
                say!(
                    lang,
                    "cli-buy-done",
                    dry = dry(&out),
                    count = p.subscription.quantity,
                    product = sanitize(&p.subscription.product_name),
                    id = p.subscription.id.to_string()
                ),
                say!(
                    lang,
                    "cli-buy-terms",
                    price = &p.price.amount,
                    term = p.price.term.as_str(),
                    cost = &p.cost_per_term,
                    renews = p.expires
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
pub fn parse_reason(given: &str) -> Result<CancelReason, Error> {
    CancelReason::parse(given).ok_or_else(|| {
        let valid: Vec<&str> = CancelReason::ALL.iter().map(|r| r.as_str()).collect();
        Error::usage(text!(
            "cli-not-a-reason",
            given = given,
            valid = valid.join(", ")
        ))
    })
}

/// `--term`: monthly or annual.
pub fn parse_term(given: &str) -> Result<Term, Error> {
    match given.trim().to_ascii_lowercase().as_str() {
        "monthly" => Ok(Term::Monthly),
        "annual" => Ok(Term::Annual),
        _ => Err(Error::usage(text!("cli-not-a-term", given = given))),
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
        lines.insert(0, ctx.lang.t("cli-dry-run"));
    }
    print_lines(&lines)
}

/// The selector of a summary's verb: "yes" for a dry run ("Would move"), else "no" ("Moved").
pub fn dry<P>(out: &Outcome<P>) -> &'static str {
    if out.dry_run {
        "yes"
    } else {
        "no"
    }
}

pub fn email_lines<P>(lang: Lang, out: &Outcome<P>, emails: &[PlannedEmail]) -> Vec<String> {
    emails
        .iter()
        .map(|e| {
            say!(
                lang,
                "cli-emailed",
                dry = dry(out),
                to = e.to.as_str(),
                subject = e.subject.as_str()
            )
        })
        .collect()
}

/// The users concerned, twenty at most.
pub fn user_lines(lang: Lang, users: &[UserRef]) -> Vec<String> {
    let mut lines: Vec<String> = users
        .iter()
        .take(20)
        .map(|u| format!("  {} <{}>", u.display_name, u.user_principal_name))
        .collect();
    if users.len() > 20 {
        lines.push(say!(lang, "cli-users-more", count = users.len() - 20));
    }
    lines
}

/// "Power BI Pro subscription 3f2a1b2c…", as summaries name it.
pub fn label(lang: Lang, s: &SubRef) -> String {
    say!(
        lang,
        "cli-sub-label",
        product = s.product_name.as_str(),
        id = short(s.id)
    )
}

/// "Power BI Pro subscription 3f2a1b2c… (bought by x@contoso.example)".
pub fn named(lang: Lang, s: &SubRef) -> String {
    match &s.buyer {
        Some(b) => say!(
            lang,
            "cli-sub-named",
            sub = label(lang, s),
            buyer = b.as_str()
        ),
        None => label(lang, s),
    }
}

/// A subscription id's first 8 characters, as the tables show it.
pub fn short(id: SubscriptionId) -> String {
    id.to_string().chars().take(8).collect()
}

/// A status as the admin center shows it (« Supprimé »).
pub fn status(lang: Lang, status: Status) -> String {
    lang.t(match status {
        Status::Active => "cli-status-active",
        Status::Expired => "cli-status-expired",
        Status::Disabled => "cli-status-disabled",
        Status::Deleted => "cli-status-deleted",
    })
}

/// A cancellation reason: its `--reason` name in English, words in French.
pub fn reason(lang: Lang, reason: CancelReason) -> String {
    lang.t(match reason {
        CancelReason::NoLongerNeeded => "cli-reason-no-longer-needed",
        CancelReason::BoughtByMistake => "cli-reason-bought-by-mistake",
        CancelReason::MovingToCentral => "cli-reason-moving-to-central",
        CancelReason::TooExpensive => "cli-reason-too-expensive",
        CancelReason::Other => "cli-reason-other",
    })
}

/// "€12.00/month", "10,00 €/mois".
fn price(lang: Lang, price: &Price) -> String {
    say!(
        lang,
        "cli-price-per-term",
        price = &price.amount,
        term = price.term.as_str()
    )
}

fn list_lines(lang: Lang, rows: &[SubscriptionRow]) -> Vec<String> {
    let mut t = Table::of(
        lang,
        &[
            "cli-col-id",
            "cli-col-product",
            "cli-col-origin",
            "cli-col-bought-by",
            "cli-col-qty>",
            "cli-col-assigned>",
            "cli-col-expires",
            "cli-col-price",
            "cli-col-status",
        ],
    );
    for r in rows {
        t.row(vec![
            short(r.id),
            r.product_name.clone(),
            lang.t(match r.origin {
                Origin::SelfServicePurchase => "cli-origin-purchase",
                Origin::SelfServiceTrial => "cli-origin-trial",
                Origin::Central => "cli-origin-central",
            }),
            r.buyer_name.clone().unwrap_or_else(|| "-".into()),
            lang.count(r.quantity),
            lang.count(r.assigned),
            lang.date(r.expires),
            price(lang, &r.price),
            status(lang, r.status),
        ]);
    }
    let mut lines = t.lines();
    lines.push(say!(lang, "cli-subscription-count", count = rows.len()));
    let due = rows.iter().filter(|r| !r.lifecycle_due.is_empty()).count();
    lines.extend(super::due::line(lang, due as u64));
    lines
}

fn show_lines(lang: Lang, d: &SubscriptionDetail) -> Vec<String> {
    let r = &d.row;
    let payment = match (&r.card_last4, r.payment_method) {
        (Some(last4), _) => say!(lang, "cli-card-ending", last4 = last4.as_str()),
        (None, "invoice") => lang.t("cli-payment-invoice"),
        (None, _) => lang.t("cli-payment-none"),
    };
    let buyer = match (&r.buyer_name, &r.buyer) {
        (Some(n), Some(u)) => format!("{n} <{u}>"),
        _ => lang.t("cli-central-buyer"),
    };
    let yes_no = |b: bool| lang.t(if b { "cli-yes" } else { "cli-no" });
    let fields: Vec<(&str, String)> = vec![
        ("cli-field-subscription", r.id.to_string()),
        (
            "cli-field-product",
            format!("{} ({})", r.product_name, r.product_id),
        ),
        (
            "cli-field-origin",
            lang.t(match r.origin {
                Origin::SelfServicePurchase => "cli-origin-long-purchase",
                Origin::SelfServiceTrial => "cli-origin-long-trial",
                Origin::Central => "cli-origin-long-central",
            }),
        ),
        ("cli-field-bought-by", buyer),
        ("cli-field-quantity", lang.count(r.quantity)),
        (
            "cli-field-assigned",
            say!(
                lang,
                "cli-assigned-free",
                assigned = r.assigned,
                free = r.free()
            ),
        ),
        ("cli-field-started", lang.date(r.start)),
        ("cli-field-expires", lang.date(r.expires)),
        (
            "cli-field-price",
            say!(lang, "cli-price-per-license", price = price(lang, &r.price)),
        ),
        ("cli-field-status", status(lang, r.status)),
        ("cli-field-payment", payment),
        ("cli-field-auto-renew", yes_no(r.auto_renew)),
        (
            "cli-field-taken-over-by",
            r.taken_over_by.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "cli-field-cancellation",
            r.cancellation_reason
                .map(|c| reason(lang, c))
                .unwrap_or_else(|| "-".into()),
        ),
    ];
    let mut t = Table::new(&["", ""]);
    for (k, v) in fields {
        t.row(vec![lang.t(k), v]);
    }
    let mut lines: Vec<String> = t.lines().into_iter().skip(1).collect();
    if !r.lifecycle_due.is_empty() {
        lines.push(say!(
            lang,
            "cli-show-due",
            steps = super::due::steps(lang, &r.lifecycle_due)
        ));
    }
    lines.push(String::new());
    lines.push(say!(lang, "cli-show-users", count = d.users.len()));
    let mut u = Table::of(
        lang,
        &[
            "cli-col-display-name",
            "cli-col-upn",
            "cli-col-assigned-on",
            "cli-col-paid-twice",
        ],
    );
    for user in &d.users {
        u.row(vec![
            user.display_name.clone(),
            user.user_principal_name.clone(),
            lang.date(user.assigned_on),
            if user.paid_twice {
                lang.t("cli-yes")
            } else {
                String::new()
            },
        ]);
    }
    if !d.users.is_empty() {
        lines.extend(u.lines());
    }
    let twice = d.users.iter().filter(|u| u.paid_twice).count();
    if twice > 0 {
        lines.push(say!(
            lang,
            "cli-show-paid-twice",
            count = twice,
            product = r.product_name.as_str()
        ));
    }
    lines
}
