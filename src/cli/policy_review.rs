//! `selfserve policy default [VALUE]` and `policy review [--accept ID|--all]`: the value every
//! new product gets, and the products that appeared and wait for review (issue 14, point 1);
//! `policy list --offer-types` and `policy set --offer-type TYPE VALUE` (point 5).

use super::table::{header, Table};
use super::{print_json, print_lines, Ctx, Failure};
use selfserve::i18n::{policy_words, Lang};
use selfserve_core::api::Request;
use selfserve_core::model::PolicyValue;
use selfserve_core::ops::review_policy::ReviewScope;
use selfserve_core::ops::set_offer_policy::OfferTypeChange;
use selfserve_core::ops::set_policy::{parse_value, PolicyScope, SetPolicyOutcome};
use selfserve_core::ops::set_policy_default::DefaultChange;
use selfserve_core::policy::impact::PolicyPreview;
use selfserve_core::policy::review::{Arrival, Governance, ReviewItem};
use selfserve_core::policy::OfferType;
use selfserve_core::{text, Error};
use std::process::ExitCode;

/// `policy default`: shows the value; `policy default VALUE` sets it.
pub fn default(ctx: &Ctx, value: Option<&str>) -> Result<ExitCode, Failure> {
    let Some(value) = value else {
        let governance: Governance = ctx.client()?.ask(Request::Governance)?;
        if ctx.json {
            print_json(&serde_json::json!({
                "default_for_new": governance.default_for_new
            }))?;
        } else {
            print_lines(&[say!(
                ctx.lang,
                "gov-default-is",
                value = governance.default_for_new.as_str(),
                words = policy_words(ctx.lang, governance.default_for_new)
            )])?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let value = parse_value(value)?;
    let change: DefaultChange = ctx.client()?.ask(Request::SetPolicyDefault {
        value,
        now: ctx.now,
    })?;
    if ctx.json {
        print_json(&change)?;
    } else {
        let id = if change.changed {
            "gov-default-set"
        } else {
            "gov-default-unchanged"
        };
        print_lines(&[say!(
            ctx.lang,
            id,
            value = change.default_for_new.as_str(),
            previous = change.previous.as_str()
        )])?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `policy review`: lists the queue; with `--accept ID` or `--all`, takes products off it.
pub fn review(ctx: &Ctx, accept: Option<&str>, all: bool) -> Result<ExitCode, Failure> {
    let scope = match (accept, all) {
        (Some(_), true) => return Err(Error::usage(text!("gov-review-usage")).into()),
        (Some(id), false) => Some(ReviewScope::Product(id.to_string())),
        (None, true) => Some(ReviewScope::All),
        (None, false) => None,
    };
    let Some(scope) = scope else {
        let governance: Governance = ctx.client()?.ask(Request::Governance)?;
        if ctx.json {
            print_json(&governance.review)?;
        } else if governance.review.is_empty() {
            print_lines(&[ctx.lang.t("gov-review-empty")])?;
        } else {
            let mut lines = table(ctx.lang, &governance.review);
            lines.push(say!(
                ctx.lang,
                "gov-review-waiting",
                count = governance.review.len()
            ));
            print_lines(&lines)?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let accepted: Vec<ReviewItem> = ctx.client()?.ask(Request::AcceptReview {
        scope,
        now: ctx.now,
    })?;
    if ctx.json {
        print_json(&accepted)?;
    } else {
        let mut lines = if accepted.is_empty() {
            Vec::new()
        } else {
            table(ctx.lang, &accepted)
        };
        lines.push(say!(
            ctx.lang,
            "gov-review-accepted",
            count = accepted.len()
        ));
        print_lines(&lines)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `policy list --offer-types`: each offer type's policy, with the module's field names.
pub fn offer_types(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let governance: Governance = ctx.client()?.ask(Request::Governance)?;
    if ctx.json {
        print_json(&governance.offer_types)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = Table::new(&[
        "OfferType".to_string(),
        "PolicyId".to_string(),
        "PolicyValue".to_string(),
        header(ctx.lang, "cli-col-shown-as"),
    ]);
    for o in &governance.offer_types {
        t.row(vec![
            o.offer_type.as_str().to_string(),
            o.policy_id.clone(),
            o.policy_value.as_str().to_string(),
            policy_words(ctx.lang, o.policy_value),
        ]);
    }
    print_lines(&t.lines())?;
    Ok(ExitCode::SUCCESS)
}

/// `policy set --offer-type TYPE VALUE`.
pub fn set_offer_type(ctx: &Ctx, offer: &str, args: &[String]) -> Result<ExitCode, Failure> {
    let [value] = args else {
        return Err(Error::usage(text!("gov-offer-set-usage")).into());
    };
    let offer = OfferType::parse(offer).ok_or_else(|| {
        Error::usage(text!(
            "gov-unknown-offer-type",
            given = offer.escape_debug().to_string(),
            types = OfferType::names()
        ))
    })?;
    let value = parse_value(value)?;
    let change: OfferTypeChange = ctx.client()?.ask(Request::SetOfferTypePolicy {
        offer,
        value,
        now: ctx.now,
    })?;
    if ctx.json {
        print_json(&change)?;
    } else {
        let id = if change.changed {
            "gov-offer-set"
        } else {
            "gov-offer-unchanged"
        };
        print_lines(&[say!(
            ctx.lang,
            id,
            offer = change.offer_type.as_str(),
            value = change.policy_value.as_str(),
            previous = change.previous_value.as_str()
        )])?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `policy set … --dry-run`: the change as `policy set` would report it, changing nothing, and
/// the self-service subscriptions it leaves as they are, with how to take them over.
pub fn preview(ctx: &Ctx, scope: PolicyScope, value: PolicyValue) -> Result<(), Failure> {
    let preview: PolicyPreview = ctx.client()?.ask(Request::PolicyPreview {
        scope,
        value,
        now: ctx.now,
    })?;
    if ctx.json {
        return print_json(&preview);
    }
    let lang = ctx.lang;
    let outcome = SetPolicyOutcome {
        policies: preview.policies.clone(),
        data_notice: preview.data_notice,
    };
    // The table `policy set` prints, its summary saying what would change rather than did.
    let changed = preview.policies.iter().filter(|c| c.changed).count();
    let did = say!(
        lang,
        "cli-policy-changed",
        changed = changed,
        count = preview.policies.len()
    );
    let would = say!(
        lang,
        "gov-impact-would-change",
        changed = changed,
        count = preview.policies.len()
    );
    let mut lines: Vec<String> = super::policy::set_lines(lang, &outcome)
        .into_iter()
        .map(|line| if line == did { would.clone() } else { line })
        .collect();
    lines.push(String::new());
    if preview.untouched.is_empty() {
        lines.push(lang.t("gov-impact-none"));
    }
    for p in &preview.untouched {
        lines.push(say!(
            lang,
            "gov-impact-product",
            name = p.product_name.as_str(),
            id = p.product_id.as_str(),
            subscriptions = p.subscriptions,
            users = p.users,
            spend = &p.monthly_spend
        ));
    }
    if let Some(first) = preview.untouched.first() {
        if let Some(sub) = first.subscription_ids.first() {
            lines.push(say!(
                lang,
                "gov-impact-take-over",
                product = first.product_id.as_str(),
                example = sub.to_string()
            ));
        }
    }
    lines.push(lang.t("gov-impact-dry-run"));
    print_lines(&lines)
}

fn table(lang: Lang, items: &[ReviewItem]) -> Vec<String> {
    let mut t = Table::new(&[
        "ProductName".to_string(),
        "ProductId".to_string(),
        "PolicyValue".to_string(),
        header(lang, "cli-col-shown-as"),
        header(lang, "gov-col-arrived"),
        header(lang, "gov-col-through"),
    ]);
    for i in items {
        t.row(vec![
            i.product_name.clone(),
            i.product_id.0.clone(),
            i.policy_value.as_str().to_string(),
            policy_words(lang, i.policy_value),
            lang.date(i.arrived_at.date_naive()),
            say!(
                lang,
                "gov-through",
                via = text!(match i.arrival {
                    Arrival::PoliciesImport => "gov-arrival-import",
                    Arrival::CatalogueUpdate => "gov-arrival-catalogue",
                }),
                file = i.file.as_str()
            ),
        ]);
    }
    t.lines()
}
