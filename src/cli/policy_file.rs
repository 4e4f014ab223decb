//! `selfserve policy plan|apply|drift|export`: policy as code (issue 14). The file is read here
//! and sent whole; the core checks it, compares it and writes it.

use super::{print_json, print_lines, Ctx, Failure};
use selfserve::i18n::Lang;
use selfserve_core::api::Request;
use selfserve_core::import::ImportFile;
use selfserve_core::policy::plan::{PlanItem, PolicyExport, PolicyPlan, Subject};
use selfserve_core::{text, Error};
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// The file as the core reads it, named by its path in messages and the audit.
fn read(path: &Path) -> Result<ImportFile, Failure> {
    Ok(ImportFile::read(path, path.display().to_string())?)
}

fn ask_plan(ctx: &Ctx, file: ImportFile) -> Result<PolicyPlan, Failure> {
    Ok(ctx.client()?.ask(Request::PolicyPlan { file })?)
}

/// `policy plan FILE`: every setting, what changes and what stays, and why.
pub fn plan(ctx: &Ctx, path: &Path) -> Result<ExitCode, Failure> {
    let plan = ask_plan(ctx, read(path)?)?;
    if ctx.json {
        print_json(&plan)?;
    } else {
        let mut lines = plan_lines(ctx.lang, &plan);
        lines.push(summary(ctx.lang, &plan));
        print_lines(&lines)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `policy drift FILE`: exit 0 when the tenant matches, 1 with one line per difference.
pub fn drift(ctx: &Ctx, path: &Path) -> Result<ExitCode, Failure> {
    let plan = ask_plan(ctx, read(path)?)?;
    if ctx.json {
        print_json(&plan)?;
    } else {
        let mut lines: Vec<String> = plan
            .items
            .iter()
            .filter(|i| !i.pass)
            .map(|i| {
                say!(
                    ctx.lang,
                    "gov-drift-line",
                    subject = subject(ctx.lang, i),
                    expected = i.expected.map_or("", |v| v.as_str()),
                    actual = i.actual.as_str(),
                    key = i.key.as_deref().unwrap_or_default()
                )
            })
            .collect();
        lines.push(if plan.matches {
            say!(ctx.lang, "gov-drift-matches", file = plan.file.as_str())
        } else {
            say!(
                ctx.lang,
                "gov-drift-differs",
                count = plan.changes,
                file = plan.file.as_str()
            )
        });
        print_lines(&lines)?;
    }
    Ok(if plan.matches {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `policy apply FILE [--yes]`: without --yes, a person at a terminal sees the plan and
/// answers; anything else is refused, so a script never changes a tenant by accident.
pub fn apply(ctx: &Ctx, path: &Path, yes: bool) -> Result<ExitCode, Failure> {
    let file = read(path)?;
    if !yes {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(Error::usage(text!(
                "gov-apply-needs-yes",
                file = path.display().to_string()
            ))
            .into());
        }
        let plan = ask_plan(ctx, file.clone())?;
        let mut lines = plan_lines(ctx.lang, &plan);
        lines.push(summary(ctx.lang, &plan));
        print_lines(&lines)?;
        if plan.matches {
            return Ok(ExitCode::SUCCESS);
        }
        if !confirmed(ctx.lang, plan.changes)? {
            print_lines(&[ctx.lang.t("gov-apply-declined")])?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let applied: PolicyPlan = ctx
        .client()?
        .ask(Request::PolicyApply { file, now: ctx.now })?;
    if ctx.json {
        print_json(&applied)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut lines: Vec<String> = plan_lines(ctx.lang, &applied)
        .into_iter()
        .zip(&applied.items)
        .filter(|(_, i)| !i.pass)
        .map(|(line, _)| line)
        .collect();
    lines.push(if applied.applied {
        say!(
            ctx.lang,
            "gov-applied",
            count = applied.changes,
            file = applied.file.as_str()
        )
    } else {
        say!(ctx.lang, "gov-apply-nothing", file = applied.file.as_str())
    });
    print_lines(&lines)?;
    Ok(ExitCode::SUCCESS)
}

/// Asks on stderr, reads one line: only `y` applies.
fn confirmed(lang: Lang, changes: u64) -> Result<bool, Failure> {
    let mut err = std::io::stderr().lock();
    write!(
        err,
        "{}",
        super::to_locale(&say!(lang, "gov-apply-ask", count = changes))
    )?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(answer.trim() == "y")
}

/// `policy export`: today's state as a desired-state file, on stdout.
pub fn export(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let export: PolicyExport = ctx.client()?.ask(Request::PolicyExport)?;
    if ctx.json {
        print_json(&export)?;
    } else if std::io::stdout().is_terminal() {
        let lines: Vec<String> = export.toml.lines().map(str::to_string).collect();
        print_lines(&lines)?;
    } else {
        // To a file or a pipe it is data, written as it is (the names in its comments have no
        // control characters: the core removed them).
        let mut out = std::io::stdout().lock();
        out.write_all(export.toml.as_bytes())?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What an item is about, as a person reads it.
fn subject(lang: Lang, item: &PlanItem) -> String {
    match item.kind {
        Subject::DefaultForNew => lang.t("gov-subject-default"),
        Subject::Product => say!(
            lang,
            "gov-subject-product",
            name = item.name.as_str(),
            id = item.id.as_str()
        ),
        Subject::OfferType => say!(lang, "gov-subject-offer-type", name = item.id.as_str()),
    }
}

/// One line per setting: what changes, what stays and why.
fn plan_lines(lang: Lang, plan: &PolicyPlan) -> Vec<String> {
    plan.items
        .iter()
        .map(|i| {
            let subject = subject(lang, i);
            match (i.expected, i.key.as_deref()) {
                (Some(expected), Some(key)) if !i.pass => say!(
                    lang,
                    "gov-plan-change",
                    subject = subject,
                    actual = i.actual.as_str(),
                    expected = expected.as_str(),
                    key = key
                ),
                (Some(_), Some(key)) => say!(
                    lang,
                    "gov-plan-same",
                    subject = subject,
                    actual = i.actual.as_str(),
                    key = key
                ),
                _ => say!(
                    lang,
                    "gov-plan-left",
                    subject = subject,
                    actual = i.actual.as_str()
                ),
            }
        })
        .collect()
}

fn summary(lang: Lang, plan: &PolicyPlan) -> String {
    say!(
        lang,
        "gov-plan-summary",
        changes = plan.changes,
        same = plan.items.len() as u64 - plan.changes,
        file = plan.file.as_str()
    )
}
