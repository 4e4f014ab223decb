//! `selfserve storefront purchase|trial`: the users' side, run by an administrator for a user.

use super::subscription::parse_term;
use super::{print_json, print_lines, Ctx, Failure};
use clap::Subcommand;
use selfserve::i18n::Lang;
use selfserve_core::api::Request;
use selfserve_core::model::Origin;
use selfserve_core::ops::storefront::{Purchase, StorefrontOutcome, Trial};
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
        print_lines(&human(ctx.lang, &outcome))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn human(lang: Lang, o: &StorefrontOutcome) -> Vec<String> {
    let s = &o.subscription;
    let buyer = s.buyer.clone().unwrap_or_default();
    let trial = s.origin == Origin::SelfServiceTrial;
    let payment = match &s.card_last4 {
        Some(last4) => say!(lang, "cli-card-ending", last4 = last4.as_str()),
        None => lang.t("cli-no-payment-method"),
    };
    let end = match (trial, s.auto_renew) {
        (true, true) => "converts",
        (false, true) => "renews",
        (_, false) => "ends",
    };
    let mut lines = vec![
        say!(
            lang,
            "cli-storefront-done",
            trial = if trial { "yes" } else { "no" },
            buyer = buyer.as_str(),
            product = s.product_name.as_str(),
            id = s.product_id.0.as_str(),
            count = s.quantity,
            sub = s.id.to_string()
        ),
        say!(
            lang,
            "cli-storefront-terms",
            price = &s.price.amount,
            term = s.price.term.as_str(),
            payment = payment,
            end = end,
            date = s.expires
        ),
    ];
    lines.push(if o.buyer_licensed {
        say!(lang, "cli-storefront-licensed", buyer = buyer.as_str())
    } else {
        say!(lang, "cli-storefront-held-already", buyer = buyer.as_str())
    });
    if !o.admins_notified.is_empty() {
        lines.push(say!(
            lang,
            "cli-storefront-first-trial",
            admins = o.admins_notified.join(", ")
        ));
    }
    lines.iter().map(|l| selfserve::text::sanitize(l)).collect()
}
