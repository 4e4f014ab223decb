//! `selfserve tenant show`: the tenant, its cloud and that cloud's admin center.
//! `selfserve tenant set-language fr|en`: the language of the tenant's e-mails.
//! `selfserve tenant set-purchase-notice on|off`: the administrators' notice of each purchase.
//! `selfserve tenant export --users FILE --subscriptions FILE`: users and subscriptions in
//! Microsoft Graph's shapes, as `import users` and `import subscriptions` read them.

use super::table::Table;
use super::{print_json, print_lines, Ctx, Failure};
use chrono::{DateTime, Utc};
use clap::Subcommand;
use selfserve_core::api::{Request, SessionInfo};
use selfserve_core::i18n::{Lang, Text};
use selfserve_core::import::tenant_export::TenantExport;
use selfserve_core::model::{Cloud, TenantId};
use selfserve_core::ops::set_language::LanguageChange;
use selfserve_core::ops::set_purchase_notice::PurchaseNoticeChange;
use selfserve_core::text;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Subcommand, Debug)]
pub enum TenantCommand {
    Show,
    SetLanguage {
        language: String,
    },
    SetPurchaseNotice {
        #[arg(value_parser = ["on", "off"])]
        setting: String,
    },
    Export {
        #[arg(long, value_name = "FILE")]
        users: PathBuf,
        #[arg(long, value_name = "FILE")]
        subscriptions: PathBuf,
    },
}

/// The JSON of `tenant show`.
#[derive(Serialize)]
struct Shown<'a> {
    id: TenantId,
    display_name: &'a str,
    currency: &'a str,
    cloud: Cloud,
    admin_center_url: &'static str,
    existing_agreement: bool,
    demo: bool,
    created_at: DateTime<Utc>,
    language: Lang,
    purchase_notice: bool,
}

pub fn run(ctx: &Ctx, command: &TenantCommand) -> Result<ExitCode, Failure> {
    match command {
        TenantCommand::Show => show(ctx),
        TenantCommand::SetLanguage { language } => set_language(ctx, language),
        TenantCommand::SetPurchaseNotice { setting } => set_purchase_notice(ctx, setting == "on"),
        TenantCommand::Export {
            users,
            subscriptions,
        } => export(ctx, users, subscriptions),
    }
}

fn set_purchase_notice(ctx: &Ctx, on: bool) -> Result<ExitCode, Failure> {
    let change: PurchaseNoticeChange = ctx
        .client()?
        .ask(Request::SetPurchaseNotice { on, now: ctx.now })?;
    if ctx.json {
        return print_json(&change).map(|_| ExitCode::SUCCESS);
    }
    let id = match (change.changed, change.purchase_notice) {
        (true, true) => "spend-notice-set-on",
        (true, false) => "spend-notice-set-off",
        (false, true) => "spend-notice-already-on",
        (false, false) => "spend-notice-already-off",
    };
    print_lines(&[ctx.lang.t(id)])?;
    Ok(ExitCode::SUCCESS)
}

fn export(ctx: &Ctx, users: &Path, subscriptions: &Path) -> Result<ExitCode, Failure> {
    let out: TenantExport = ctx.client()?.ask(Request::TenantExport)?;
    for (path, json) in [
        (users, &out.users_json),
        (subscriptions, &out.subscriptions_json),
    ] {
        // As `user export` writes: a regular file replaced whole, never through a link.
        selfserve_core::export::write_file(path, &mut |file| {
            use std::io::Write;
            writeln!(file, "{json}")
        })?;
    }
    if ctx.json {
        let written = serde_json::json!({
            "users": out.users,
            "subscriptions": out.subscriptions,
            "users_file": users.display().to_string(),
            "subscriptions_file": subscriptions.display().to_string(),
        });
        return print_json(&written).map(|_| ExitCode::SUCCESS);
    }
    let line = text!(
        "import-tenant-exported",
        users = out.users,
        users_file = users.display().to_string(),
        subscriptions = out.subscriptions,
        subscriptions_file = subscriptions.display().to_string()
    )
    .in_lang(ctx.lang);
    print_lines(&[line])?;
    Ok(ExitCode::SUCCESS)
}

fn set_language(ctx: &Ctx, language: &str) -> Result<ExitCode, Failure> {
    let language: Lang = language.parse()?;
    let change: LanguageChange = ctx.client()?.ask(Request::SetLanguage {
        language,
        now: ctx.now,
    })?;
    if ctx.json {
        return print_json(&change).map(|_| ExitCode::SUCCESS);
    }
    let id = if change.changed {
        "mail-language-set"
    } else {
        "mail-language-unchanged"
    };
    let line = text!(id, language = language_name(change.language)).in_lang(ctx.lang);
    print_lines(&[line])?;
    Ok(ExitCode::SUCCESS)
}

/// "French", « français »: a language named in the reader's.
fn language_name(language: Lang) -> Text {
    text!(match language {
        Lang::En => "mail-language-en",
        Lang::Fr => "mail-language-fr",
    })
}

fn show(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let session: SessionInfo = ctx.client()?.ask(Request::Session)?;
    let t = &session.tenant;
    let shown = Shown {
        id: t.id,
        display_name: &t.display_name,
        currency: &t.currency,
        cloud: t.cloud,
        admin_center_url: t.cloud.admin_center_url(),
        existing_agreement: t.existing_agreement,
        demo: t.demo,
        created_at: t.created_at,
        language: session.language,
        purchase_notice: session.purchase_notice,
    };
    if ctx.json {
        return print_json(&shown).map(|_| ExitCode::SUCCESS);
    }
    let lang = ctx.lang;
    let yes_no = |b: bool| lang.t(if b { "cli-yes" } else { "cli-no" });
    let mut table = Table::new(&[lang.t("cli-field"), lang.t("cli-value")]);
    for (field, value) in [
        ("cli-tenant-name", shown.display_name.to_string()),
        ("cli-tenant-id", shown.id.to_string()),
        ("cli-tenant-cloud", shown.cloud.as_str().to_string()),
        (
            "cli-tenant-admin-center",
            shown.admin_center_url.to_string(),
        ),
        ("cli-tenant-currency", shown.currency.to_string()),
        ("cli-tenant-agreement", yes_no(shown.existing_agreement)),
        ("cli-tenant-demo", yes_no(shown.demo)),
        ("cli-tenant-created", lang.time(shown.created_at)),
    ] {
        table.row(vec![lang.t(field), value]);
    }
    table.row(vec![
        ctx.lang.t("mail-language-label"),
        format!(
            "{} ({})",
            language_name(shown.language).in_lang(ctx.lang),
            shown.language.code()
        ),
    ]);
    table.row(vec![
        lang.t("spend-notice-label"),
        yes_no(shown.purchase_notice),
    ]);
    // The header row says nothing a field list needs.
    print_lines(&table.lines()[1..])?;
    Ok(ExitCode::SUCCESS)
}
