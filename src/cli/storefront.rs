//! `selfserve storefront purchase|trial`: the users' side, run by an administrator for a user.

use super::subscription::parse_term;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve_core::api::Request;
use selfserve_core::model::Origin;
use selfserve_core::ops::storefront::{Purchase, StorefrontOutcome, Trial};
use selfserve_core::words::count;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum StorefrontCommand {
    Purchase {
        #[arg(long, value_name = "UPN")]
        user: String,
        #[arg(value_name = "PRODUCT")]
        product: String,
        #[arg(long, value_name = "N")]
        quantity: u32,
        #[arg(long, value_name = "LAST4")]
        card: String,
        #[arg(long, value_name = "TERM", default_value = "monthly")]
        term: String,
    },
    Trial {
        #[arg(long, value_name = "UPN")]
        user: String,
        #[arg(value_name = "PRODUCT")]
        product: String,
        #[arg(long, value_name = "LAST4")]
        card: Option<String>,
    },
}

pub fn run(ctx: &Ctx, command: &StorefrontCommand) -> Result<ExitCode, Failure> {
    let request = match command {
        StorefrontCommand::Purchase {
            user,
            product,
            quantity,
            card,
            term,
        } => {
            let purchase = Purchase {
                user: user.clone(),
                product: product.clone(),
                quantity: *quantity,
                card_last4: card.clone(),
                term: parse_term(term)?,
            };
            Request::Purchase {
                purchase,
                now: ctx.now,
            }
        }
        StorefrontCommand::Trial {
            user,
            product,
            card,
        } => {
            let trial = Trial {
                user: user.clone(),
                product: product.clone(),
                card_last4: card.clone(),
            };
            Request::Trial {
                trial,
                now: ctx.now,
            }
        }
    };
    let outcome: StorefrontOutcome = ctx.client()?.ask(request)?;
    if ctx.json {
        print_json(&outcome)?;
    } else {
        print_lines(&human(&outcome))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn human(o: &StorefrontOutcome) -> Vec<String> {
    let s = &o.subscription;
    let buyer = s.buyer.clone().unwrap_or_default();
    let trial = s.origin == Origin::SelfServiceTrial;
    let what = if trial {
        "started a trial of"
    } else {
        "bought"
    };
    let payment = match &s.card_last4 {
        Some(last4) => format!("card ending {last4}"),
        None => "no payment method".to_string(),
    };
    let end = match (trial, s.auto_renew) {
        (true, true) => "converts to paid on",
        (false, true) => "renews on",
        (_, false) => "ends on",
    };
    let mut lines = vec![
        format!(
            "{buyer} {what} {} ({}): {}, subscription {}",
            s.product_name,
            s.product_id,
            count(u64::from(s.quantity), "license"),
            s.id
        ),
        format!(
            "{} per license per {} term; {payment}; {end} {}",
            s.price.amount,
            s.price.term.as_str(),
            s.expires
        ),
    ];
    lines.push(if o.buyer_licensed {
        format!("{buyer} holds one of its licenses")
    } else {
        format!("{buyer} already held a license of this product; all of these are free")
    });
    if !o.admins_notified.is_empty() {
        lines.push(format!(
            "first trial of this product in the tenant: notice e-mailed to {}",
            o.admins_notified.join(", ")
        ));
    }
    lines.iter().map(|l| selfserve::text::sanitize(l)).collect()
}
