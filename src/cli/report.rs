//! `selfserve report spend|renewals [--days 30|60|90]|waste|savings [--csv]` (issue 15): the
//! spend report the core reads in one request, shown as tables, JSON or CSV; and `report
//! orphans` (issue 14, src/cli/orphans.rs).

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use chrono::NaiveDate;
use clap::Subcommand;
use selfserve::i18n::Lang;
use selfserve_core::api::Request;
use selfserve_core::error::Error;
use selfserve_core::formats::money_json;
use selfserve_core::model::Money;
use selfserve_core::query::spend::{
    self, csv, BuyerSpend, Charge, ChargeKind, DepartmentSpend, MonthSpend, OtherBuyers,
    ProductSaving, ProductSpend, ProductWaste, Rate, SpendReport, SubscriptionWaste,
};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    #[command(flatten)]
    Spend(SpendCommand),
    Orphans,
}

/// The four views of the spend report.
#[derive(Subcommand, Debug)]
pub enum SpendCommand {
    Spend {
        #[arg(long)]
        csv: bool,
    },
    Renewals {
        #[arg(long, default_value = "90", value_parser = ["30", "60", "90"])]
        days: String,
        #[arg(long)]
        csv: bool,
    },
    Waste {
        #[arg(long)]
        csv: bool,
    },
    Savings {
        #[arg(long)]
        csv: bool,
    },
}

/// `report spend --json`.
#[derive(Serialize)]
struct SpendJson<'a> {
    today: NaiveDate,
    currency: &'a str,
    self_service: &'a Rate,
    central: &'a Rate,
    total: &'a Rate,
    products: &'a [ProductSpend],
    buyers: &'a [BuyerSpend],
    other_buyers: &'a OtherBuyers,
    departments: &'a [DepartmentSpend],
    history: &'a [MonthSpend],
}

/// `report renewals --json`.
#[derive(Serialize)]
struct RenewalsJson<'a> {
    today: NaiveDate,
    days: u32,
    #[serde(serialize_with = "money_json")]
    total: Money,
    charges: Vec<&'a Charge>,
}

/// `report waste --json`.
#[derive(Serialize)]
struct WasteJson<'a> {
    today: NaiveDate,
    #[serde(serialize_with = "money_json")]
    monthly: Money,
    products: &'a [ProductWaste],
    subscriptions: &'a [SubscriptionWaste],
}

/// `report savings --json`.
#[derive(Serialize)]
struct SavingsJson<'a> {
    today: NaiveDate,
    saving: Rate,
    products: &'a [ProductSaving],
}

pub fn run(ctx: &Ctx, command: &ReportCommand) -> Result<ExitCode, Failure> {
    match command {
        ReportCommand::Spend(view) => spend_report(ctx, view),
        ReportCommand::Orphans => super::orphans::run(ctx),
    }
}

fn spend_report(ctx: &Ctx, command: &SpendCommand) -> Result<ExitCode, Failure> {
    let csv = match command {
        SpendCommand::Spend { csv }
        | SpendCommand::Renewals { csv, .. }
        | SpendCommand::Waste { csv }
        | SpendCommand::Savings { csv } => *csv,
    };
    if csv && ctx.json {
        return Err(Error::usage(selfserve_core::text!("spend-json-or-csv")).into());
    }
    let r: SpendReport = ctx.client()?.ask(Request::Spend { now: ctx.now })?;
    let lang = ctx.lang;
    let stdout = std::io::stdout();
    match command {
        SpendCommand::Spend { .. } if csv => csv::spend(&r.products, stdout.lock())?,
        SpendCommand::Spend { .. } if ctx.json => print_json(&SpendJson {
            today: r.today,
            currency: &r.currency,
            self_service: &r.self_service,
            central: &r.central,
            total: &r.total,
            products: &r.products,
            buyers: &r.buyers,
            other_buyers: &r.other_buyers,
            departments: &r.departments,
            history: &r.history,
        })?,
        SpendCommand::Spend { .. } => print_lines(&spend_lines(lang, &r))?,
        SpendCommand::Renewals { days, .. } => {
            let days: u32 = days.parse().unwrap_or(spend::WINDOWS[2]);
            if csv {
                csv::renewals(r.upcoming_within(days), stdout.lock())?;
            } else if ctx.json {
                print_json(&RenewalsJson {
                    today: r.today,
                    days,
                    total: r.charged_within(days),
                    charges: r.upcoming_within(days).collect(),
                })?;
            } else {
                print_lines(&renewal_lines(lang, &r, days))?;
            }
        }
        SpendCommand::Waste { .. } if csv => csv::waste(&r.waste, stdout.lock())?,
        SpendCommand::Waste { .. } if ctx.json => print_json(&WasteJson {
            today: r.today,
            monthly: r.waste_total(),
            products: &r.waste_by_product,
            subscriptions: &r.waste,
        })?,
        SpendCommand::Waste { .. } => print_lines(&waste_lines(lang, &r))?,
        SpendCommand::Savings { .. } if csv => csv::savings(&r.savings, stdout.lock())?,
        SpendCommand::Savings { .. } if ctx.json => print_json(&SavingsJson {
            today: r.today,
            saving: r.saving_total(),
            products: &r.savings,
        })?,
        SpendCommand::Savings { .. } => print_lines(&savings_lines(lang, &r))?,
    }
    std::io::stdout().flush()?;
    Ok(ExitCode::SUCCESS)
}

fn count(lang: Lang, n: impl TryInto<i64>) -> String {
    lang.count(n.try_into().unwrap_or(i64::MAX))
}

fn rate_table(lang: Lang, r: &SpendReport) -> Vec<String> {
    let mut t = Table::of(
        lang,
        &[
            "spend-col-run-rate",
            "spend-col-per-month>",
            "spend-col-per-year>",
        ],
    );
    for (id, rate) in [
        ("spend-self-service", &r.self_service),
        ("spend-central", &r.central),
        ("spend-total", &r.total),
    ] {
        t.row(vec![
            lang.t(id),
            lang.money(&rate.monthly),
            lang.money(&rate.yearly),
        ]);
    }
    t.lines()
}

fn spend_lines(lang: Lang, r: &SpendReport) -> Vec<String> {
    let mut lines = vec![say!(lang, "spend-title", today = r.today)];
    lines.extend(rate_table(lang, r));
    lines.push(String::new());
    let mut t = Table::of(
        lang,
        &[
            "spend-col-product",
            "spend-col-self-service-month>",
            "spend-col-central-month>",
            "spend-col-per-month>",
            "spend-col-per-year>",
        ],
    );
    for p in &r.products {
        t.row(vec![
            p.product_name.clone(),
            lang.money(&p.self_service.monthly),
            lang.money(&p.central.monthly),
            lang.money(&p.total.monthly),
            lang.money(&p.total.yearly),
        ]);
    }
    lines.extend(t.lines());
    lines.push(String::new());
    let mut t = Table::of(
        lang,
        &[
            "spend-col-buyer",
            "spend-col-upn",
            "spend-col-department",
            "spend-col-subscriptions>",
            "spend-col-per-month>",
            "spend-col-per-year>",
        ],
    );
    for b in &r.buyers {
        t.row(vec![
            b.buyer_name.clone(),
            b.buyer.clone(),
            b.department.clone(),
            count(lang, b.subscriptions),
            lang.money(&b.rate.monthly),
            lang.money(&b.rate.yearly),
        ]);
    }
    lines.extend(t.lines());
    if r.other_buyers.buyers > 0 {
        lines.push(say!(
            lang,
            "spend-other-buyers",
            buyers = r.other_buyers.buyers,
            monthly = &r.other_buyers.rate.monthly
        ));
    }
    lines.push(String::new());
    let mut t = Table::of(
        lang,
        &[
            "spend-col-department",
            "spend-col-buyers>",
            "spend-col-per-month>",
            "spend-col-per-year>",
        ],
    );
    for d in &r.departments {
        t.row(vec![
            d.department.clone(),
            count(lang, d.buyers),
            lang.money(&d.rate.monthly),
            lang.money(&d.rate.yearly),
        ]);
    }
    lines.extend(t.lines());
    lines.push(String::new());
    let mut t = Table::of(
        lang,
        &[
            "spend-col-month",
            "spend-col-charged>",
            "spend-col-forecast>",
        ],
    );
    for m in &r.history {
        t.row(vec![
            m.month.format("%Y-%m").to_string(),
            lang.money(&m.charged),
            lang.money(&m.forecast),
        ]);
    }
    lines.extend(t.lines());
    lines
}

/// A charge's kind as a person reads it.
pub fn kind_words(lang: Lang, kind: ChargeKind) -> String {
    lang.t(match kind {
        ChargeKind::Renewal => "spend-kind-renewal",
        ChargeKind::Conversion => "spend-kind-conversion",
        ChargeKind::TrialEnd => "spend-kind-trial-end",
        ChargeKind::Expiry => "spend-kind-expiry",
    })
}

fn renewal_lines(lang: Lang, r: &SpendReport, days: u32) -> Vec<String> {
    let mut lines = vec![say!(
        lang,
        "spend-renewals-title",
        days = days,
        today = r.today,
        total = r.charged_within(days)
    )];
    let mut t = Table::of(
        lang,
        &[
            "spend-col-date",
            "spend-col-days>",
            "spend-col-kind",
            "spend-col-product",
            "spend-col-buyer",
            "spend-col-quantity>",
            "spend-col-amount>",
            "spend-col-subscription",
        ],
    );
    for c in r.upcoming_within(days) {
        t.row(vec![
            lang.date(c.on),
            count(lang, c.days),
            kind_words(lang, c.kind),
            c.product_name.clone(),
            c.buyer_name
                .clone()
                .unwrap_or_else(|| lang.t("spend-central")),
            count(lang, c.quantity),
            lang.money(&c.amount),
            c.subscription.to_string(),
        ]);
    }
    lines.extend(t.lines());
    lines
}

fn waste_lines(lang: Lang, r: &SpendReport) -> Vec<String> {
    let mut lines = vec![say!(
        lang,
        "spend-waste-title",
        today = r.today,
        monthly = r.waste_total()
    )];
    let mut t = Table::of(
        lang,
        &[
            "spend-col-product",
            "spend-col-buyer",
            "spend-col-quantity>",
            "spend-col-assigned>",
            "spend-col-unused>",
            "spend-col-per-month>",
            "spend-col-subscription",
        ],
    );
    for w in &r.waste {
        t.row(vec![
            w.product_name.clone(),
            w.buyer_name
                .clone()
                .unwrap_or_else(|| lang.t("spend-central")),
            count(lang, w.quantity),
            count(lang, w.assigned),
            count(lang, w.unused),
            lang.money(&w.monthly),
            w.subscription.to_string(),
        ]);
    }
    lines.extend(t.lines());
    lines
}

fn savings_lines(lang: Lang, r: &SpendReport) -> Vec<String> {
    let total = r.saving_total();
    let mut lines = vec![say!(
        lang,
        "spend-savings-title",
        today = r.today,
        monthly = &total.monthly,
        yearly = &total.yearly
    )];
    let mut t = Table::of(
        lang,
        &[
            "spend-col-product",
            "spend-col-buyer",
            "spend-col-users>",
            "spend-col-per-month>",
            "spend-col-per-year>",
            "spend-col-subscription",
        ],
    );
    for p in &r.savings {
        for s in &p.subscriptions {
            t.row(vec![
                p.product_name.clone(),
                s.buyer.clone().unwrap_or_default(),
                count(lang, s.users),
                lang.money(&s.rate.monthly),
                lang.money(&s.rate.yearly),
                s.subscription.to_string(),
            ]);
        }
    }
    lines.extend(t.lines());
    if !r.savings.is_empty() {
        lines.push(lang.t("spend-savings-how"));
    }
    lines
}
