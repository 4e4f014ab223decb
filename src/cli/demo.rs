//! `selfserve demo [--users N] [--seed S] [--cloud global|china-21vianet] [--force]`

use super::{print_json, Ctx, Failure};
use clap::Args;
use selfserve::i18n::Lang;
use selfserve_core::access::read_only_refusal;
use selfserve_core::demo::{self, DemoOptions, DemoSummary};
use selfserve_core::model::Cloud;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Args, Debug)]
pub struct DemoArgs {
    #[arg(long, default_value_t = demo::DEFAULT_USERS)]
    users: usize,
    #[arg(long, default_value_t = demo::DEFAULT_SEED)]
    seed: u64,
    // Clap names the possible values itself, in the reader's language, when one is wrong.
    #[arg(
        long,
        value_name = "CLOUD",
        default_value = "global",
        value_parser = clap::builder::TypedValueParser::map(
            clap::builder::PossibleValuesParser::new(["global", "china-21vianet"]),
            |name| Cloud::parse(&name).unwrap_or(Cloud::Global)
        )
    )]
    cloud: Cloud,
    #[arg(long)]
    force: bool,
}

pub fn run(ctx: &Ctx, args: &DemoArgs) -> Result<ExitCode, Failure> {
    // No actor guards this write (it may create the tenant), so the read-only check is here.
    if ctx.readonly {
        let what = if args.force {
            "core-do-replace-demo"
        } else {
            "core-do-create-demo"
        };
        return Err(read_only_refusal(selfserve_core::text!(what)).into());
    }
    let summary = create(ctx, args.users, args.seed, args.cloud, args.force)?;
    if ctx.json {
        print_json(&summary)?;
    } else {
        println_summary(ctx.lang, &summary);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn create(
    ctx: &Ctx,
    users: usize,
    seed: u64,
    cloud: Cloud,
    force: bool,
) -> Result<DemoSummary, Failure> {
    ctx.local_only("demo")?;
    let options = DemoOptions {
        users,
        seed,
        now: ctx.now,
        login: ctx.login.clone(),
        force,
    };
    let verbose = users > 10_000;
    let mut progress = |step: &selfserve_core::i18n::Text| {
        if verbose {
            super::eprint_line(&format!("selfserve demo: {}…", step.in_lang(ctx.lang)));
        }
    };
    // The tenant's e-mails go out in the language of the login creating it.
    Ok(demo::create_demo_in_language(
        &ctx.db_path,
        &options,
        cloud,
        ctx.lang,
        &mut progress,
    )?)
}

pub fn println_summary(lang: Lang, s: &DemoSummary) {
    super::eprint_line(&say!(
        lang,
        "cli-demo-created",
        tenant = s.tenant.as_str(),
        path = s.path.display().to_string(),
        users = s.users,
        subscriptions = s.subscriptions,
        assignments = s.assignments
    ));
    super::eprint_line(&say!(
        lang,
        "cli-demo-you-are",
        upn = s.admin_upn.as_str(),
        login = s.admin_login.as_str()
    ));
}
