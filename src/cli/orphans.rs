//! `selfserve report orphans [--json]` (issue 14, point 6): self-service purchases whose buyer
//! is disabled or gone, each with why and what to do with it.

use super::subscription::{short, status};
use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use selfserve::i18n::Lang;
use selfserve_core::api::Request;
use selfserve_core::orphans::{OrphanReason, OrphanRow};
use std::process::ExitCode;

pub fn run(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let rows: Vec<OrphanRow> = ctx.client()?.ask(Request::Orphans { now: ctx.now })?;
    if ctx.json {
        // Each row is a subscription as `subscription list --json` has it, with why.
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let mut value = serde_json::to_value(&r.subscription)?;
            if let Some(object) = value.as_object_mut() {
                object.insert("orphan_reason".into(), r.reason.as_str().into());
            }
            out.push(value);
        }
        print_json(&out)?;
    } else {
        print_lines(&lines(ctx.lang, &rows))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn lines(lang: Lang, rows: &[OrphanRow]) -> Vec<String> {
    if rows.is_empty() {
        return vec![lang.t("gov-orphans-none")];
    }
    let mut t = Table::of(
        lang,
        &[
            "cli-col-id",
            "cli-col-product",
            "cli-col-bought-by",
            "gov-col-why",
            "cli-col-qty>",
            "cli-col-assigned>",
            "cli-col-expires",
            "cli-col-status",
        ],
    );
    for r in rows {
        let s = &r.subscription;
        t.row(vec![
            short(s.id),
            s.product_name.clone(),
            s.buyer
                .clone()
                .or_else(|| s.buyer_name.clone())
                .unwrap_or_else(|| "-".into()),
            lang.t(match r.reason {
                OrphanReason::BuyerDisabled => "gov-orphan-disabled",
                OrphanReason::BuyerGone => "gov-orphan-gone",
            }),
            lang.count(s.quantity),
            lang.count(s.assigned),
            lang.date(s.expires),
            status(lang, s.status),
        ]);
    }
    let mut lines = t.lines();
    lines.push(say!(lang, "gov-orphans-count", count = rows.len()));
    lines
}
