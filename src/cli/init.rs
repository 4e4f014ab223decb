//! `selfserve init --tenant NAME --admin UPN [--cloud global|china-21vianet] [--currency CUR]
//! [--agreement] [--force]`: an empty tenant of the organisation's own (issue 12).

use super::{print_json, Ctx, Failure};
use clap::Args;
use selfserve_core::access::read_only_refusal;
use selfserve_core::init::{self, InitOptions};
use selfserve_core::model::Cloud;
use std::process::ExitCode;

// Help texts: assets/i18n/*/help.ftl (src/cli/help.rs).
#[derive(Args, Debug)]
pub struct InitArgs {
    #[arg(long, value_name = "NAME")]
    tenant: String,
    #[arg(long, value_name = "UPN")]
    admin: String,
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
    #[arg(long, value_name = "CUR", default_value = "EUR")]
    currency: String,
    #[arg(long)]
    agreement: bool,
    #[arg(long)]
    force: bool,
}

pub fn run(ctx: &Ctx, args: &InitArgs) -> Result<ExitCode, Failure> {
    // No actor guards the creation of a tenant, so the read-only check is here.
    if ctx.readonly {
        return Err(read_only_refusal(selfserve_core::text!("import-do-init")).into());
    }
    ctx.local_only("init")?;
    let options = InitOptions {
        tenant: args.tenant.clone(),
        cloud: args.cloud,
        currency: args.currency.clone(),
        agreement: args.agreement,
        admin_upn: args.admin.clone(),
        login: ctx.login.clone(),
        now: ctx.now,
        force: args.force,
        // The tenant speaks the language of the login creating it, as the demo does.
        lang: ctx.lang,
    };
    let summary = init::create_tenant(&ctx.db_path, &options)?;
    if ctx.json {
        print_json(&summary)?;
    } else {
        super::eprint_line(&say!(
            ctx.lang,
            "import-init-created",
            tenant = summary.tenant.as_str(),
            path = summary.path.display().to_string(),
            products = summary.products
        ));
        super::eprint_line(&say!(
            ctx.lang,
            "import-init-you-are",
            upn = summary.admin_upn.as_str(),
            login = summary.admin_login.as_str()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
