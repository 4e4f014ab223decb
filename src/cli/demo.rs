//! `selfserve demo [--users N] [--seed S] [--cloud global|china-21vianet] [--force]`

use super::{print_json, Ctx, Failure};
use clap::Args;
use selfserve_core::access::read_only_refusal;
use selfserve_core::demo::{self, DemoOptions, DemoSummary};
use selfserve_core::model::Cloud;
use selfserve_core::words::count;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// How many directory users; subscriptions and licenses scale with them
    #[arg(long, default_value_t = demo::DEFAULT_USERS)]
    users: usize,
    /// Same seed and clock, same tenant
    #[arg(long, default_value_t = demo::DEFAULT_SEED)]
    seed: u64,
    /// The tenant's cloud: global or china-21vianet (Microsoft 365 operated by 21Vianet)
    #[arg(long, value_name = "CLOUD", default_value = "global", value_parser = parse_cloud)]
    cloud: Cloud,
    /// Replace the database at --db
    #[arg(long)]
    force: bool,
}

fn parse_cloud(text: &str) -> Result<Cloud, String> {
    Cloud::parse(text).ok_or_else(|| "use global or china-21vianet".to_string())
}

pub fn run(ctx: &Ctx, args: &DemoArgs) -> Result<ExitCode, Failure> {
    // No actor guards this write (it may create the tenant), so the read-only check is here.
    if ctx.readonly {
        let what = if args.force {
            "replace the database with a demo tenant"
        } else {
            "create a demo tenant"
        };
        return Err(read_only_refusal(what).into());
    }
    let summary = create(ctx, args.users, args.seed, args.cloud, args.force)?;
    if ctx.json {
        print_json(&summary)?;
    } else {
        println_summary(&summary);
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
    let mut progress = |step: &str| {
        if verbose {
            eprintln!("selfserve demo: {step}…");
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

pub fn println_summary(s: &DemoSummary) {
    eprintln!(
        "Created the demo tenant {:?} at {}: {}, {}, {}.",
        s.tenant,
        s.path.display(),
        count(s.users, "user"),
        count(s.subscriptions, "subscription"),
        count(s.assignments, "license assignment")
    );
    eprintln!(
        "You are {} (GlobalAdministrator, login {:?}); the logins \"billing\" and \"reader\" are a BillingAdministrator and a GlobalReader (SELFSERVE_USER=billing).",
        s.admin_upn, s.admin_login
    );
}
