//! selfserve: parse arguments, pick the front end, map errors to exit codes (SPEC §3).

// Public for fuzz/, whose target includes this file as a module and drives `run_with`.
pub mod cli;
pub mod config;
pub mod log;
pub mod watchdog;

use selfserve::i18n::Lang;
use selfserve::tui;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use cli::{Ctx, Failure};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

// No help text here: every one is in the catalogue (assets/i18n/*/help.ftl), in the reader's
// language, given by cli::help.
#[derive(Parser, Debug)]
#[command(name = "selfserve", version)]
pub struct Args {
    #[arg(long, global = true, env = "SELFSERVE_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[arg(long, global = true, env = "SELFSERVE_SOCKET", value_name = "PATH")]
    socket: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        env = "SELFSERVE_REMOTE",
        value_name = "[USER@]HOST[:PORT]"
    )]
    remote: Option<String>,
    #[arg(long, global = true, env = "SELFSERVE_NOW", value_name = "TIME")]
    now: Option<String>,
    #[arg(long, global = true)]
    json: bool,
    #[arg(long, global = true)]
    readonly: bool,
    #[arg(long, global = true)]
    ascii: bool,
    #[arg(
        long,
        global = true,
        env = "SELFSERVE_LANG",
        value_name = "LANG",
        value_parser = clap::builder::TypedValueParser::map(
            clap::builder::PossibleValuesParser::new(["en", "fr"]),
            |code| if code == "fr" { Lang::Fr } else { Lang::En }
        )
    )]
    lang: Option<Lang>,
    #[arg(long, global = true, env = "SELFSERVE_CONFIG", value_name = "PATH")]
    config: Option<PathBuf>,
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(flatten)]
    relay: cli::relay::RelayArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

// Help texts: cli::help, as for Args.
#[derive(Subcommand, Debug)]
enum Command {
    Tui,
    Demo(cli::demo::DemoArgs),
    #[command(subcommand)]
    Product(cli::product::ProductCommand),
    #[command(subcommand)]
    Subscription(cli::subscription::SubscriptionCommand),
    #[command(subcommand)]
    License(cli::license::LicenseCommand),
    #[command(subcommand)]
    User(cli::user::UserCommand),
    #[command(subcommand)]
    Policy(cli::policy::PolicyCommand),
    #[command(subcommand)]
    Audit(cli::audit::AuditCommand),
    #[command(subcommand)]
    Outbox(cli::outbox::OutboxCommand),
    #[command(subcommand)]
    Admin(cli::admin::AdminCommand),
    #[command(subcommand)]
    Storefront(cli::storefront::StorefrontCommand),
    #[command(subcommand)]
    Lifecycle(cli::lifecycle::LifecycleCommand),
    Check,
    Serve(cli::serve::ServeArgs),
    #[command(subcommand)]
    Server(cli::server::ServerCommand),
    #[command(subcommand)]
    Tenant(cli::tenant::TenantCommand),
    Watch,
    Connect,
    Init(cli::init::InitArgs),
    #[command(subcommand)]
    Import(cli::import::ImportCommand),
    #[command(subcommand)]
    Config(cli::config::ConfigCommand),
    Completions(cli::completions::CompletionsArgs),
    Man,
    Backup(cli::backup::BackupArgs),
    Restore(cli::restore::RestoreArgs),
    #[command(subcommand)]
    Catalogue(cli::catalogue::CatalogueCommand),
    #[command(subcommand)]
    Report(cli::report::ReportCommand),
}

fn main() -> ExitCode {
    restrict_new_files();
    run_with(std::env::args_os().collect())
}

/// Everything after the file-mode mask, for the command line `raw` (its program name first).
pub fn run_with(raw: Vec<OsString>) -> ExitCode {
    // Help and usage errors are in the reader's language: known before clap parses.
    let lang = cli::help::prescan(&raw, |name| std::env::var(name).ok());
    let mut command = cli::help::localise(Args::command(), lang);
    let parsed = command
        .try_get_matches_from_mut(&raw)
        .and_then(|mut matches| {
            Args::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
        });
    let args = match parsed {
        Ok(args) => args,
        Err(e) => return usage_error(e, lang, &raw),
    };
    // `config path` says where the file is even when it is broken.
    let config = match &args.command {
        Some(Command::Config(cli::config::ConfigCommand::Path)) => {
            config::path(args.config.as_deref()).map(|path| config::Config {
                path,
                ..config::Config::default()
            })
        }
        _ => config::path(args.config.as_deref())
            .and_then(|path| config::load(path, args.config.is_some())),
    };
    let config = match config {
        Ok(config) => config,
        Err(e) => {
            eprintln!("selfserve: {}", cli::to_locale(&e.in_lang(lang)));
            return ExitCode::from(e.exit_code());
        }
    };
    // The file's language comes after --lang and SELFSERVE_LANG, before the locale.
    let lang = Lang::choose(args.lang.or(config.lang), |name| std::env::var(name).ok());
    log::start(args.verbose);
    match run(args, config, lang) {
        Ok(code) => code,
        Err(failure) => {
            let (code, message) = failure.report(lang);
            // A reader that stopped early (`| head`) is not an error worth a line.
            if code != 0 {
                eprintln!("selfserve: {}", cli::to_locale(&message));
            }
            ExitCode::from(code)
        }
    }
}

fn run(args: Args, config: config::Config, lang: Lang) -> Result<ExitCode, Failure> {
    let ctx = Ctx::new(&args, &config, lang)?;
    match args.command {
        None | Some(Command::Tui) => {
            let options = tui::Options {
                ascii: args.ascii,
                lang: ctx.lang,
                palette: config.palette,
                keys: config.keys,
                relay: ctx.relay.settings()?,
                mouse: config.mouse,
            };
            cli::first_run::run(&ctx, options)
        }
        Some(Command::Demo(a)) => cli::demo::run(&ctx, &a),
        Some(Command::Product(c)) => cli::product::run(&ctx, &c),
        Some(Command::Subscription(c)) => cli::subscription::run(&ctx, &c),
        Some(Command::License(c)) => cli::license::run(&ctx, &c),
        Some(Command::User(c)) => cli::user::run(&ctx, &c),
        Some(Command::Policy(c)) => cli::policy::run(&ctx, &c),
        Some(Command::Audit(c)) => cli::audit::run(&ctx, &c),
        Some(Command::Outbox(c)) => cli::outbox::run(&ctx, &c),
        Some(Command::Admin(c)) => cli::admin::run(&ctx, &c),
        Some(Command::Storefront(c)) => cli::storefront::run(&ctx, &c),
        Some(Command::Lifecycle(c)) => cli::lifecycle::run(&ctx, &c),
        Some(Command::Check) => cli::check::run(&ctx),
        Some(Command::Serve(a)) => cli::serve::run(&ctx, &a),
        Some(Command::Server(c)) => cli::server::run(&ctx, &c),
        Some(Command::Tenant(c)) => cli::tenant::run(&ctx, &c),
        Some(Command::Watch) => cli::watch::run(&ctx),
        Some(Command::Connect) => cli::connect::run(&ctx),
        Some(Command::Init(a)) => cli::init::run(&ctx, &a),
        Some(Command::Import(c)) => cli::import::run(&ctx, &c),
        Some(Command::Config(c)) => cli::config::run(&ctx, &config, &c),
        Some(Command::Completions(a)) => cli::completions::run(&ctx, &a),
        Some(Command::Man) => cli::completions::man(&ctx),
        Some(Command::Backup(a)) => cli::backup::run(&ctx, &a),
        Some(Command::Restore(a)) => cli::restore::run(&ctx, &a),
        Some(Command::Catalogue(c)) => cli::catalogue::run(&ctx, &c),
        Some(Command::Report(c)) => cli::report::run(&ctx, &c),
    }
}

/// Clap's errors run to several lines; SPEC §3 wants one, exit 2, naming what is wrong in the
/// reader's language and pointing at the help of the very subcommand that was typed.
fn usage_error(e: clap::Error, lang: Lang, raw: &[OsString]) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        if selfserve::text::locale_is_utf8() {
            let _ = e.print();
        } else {
            // Line by line: the transliteration takes line breaks for control characters.
            let text: String = e
                .render()
                .to_string()
                .lines()
                .map(|line| cli::to_locale(line) + "\n")
                .collect();
            if e.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
        }
        return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let line = cli::help::usage_line(&e, lang, &typed_command(raw));
    eprintln!("selfserve: {}", cli::to_locale(&line));
    ExitCode::from(2)
}

/// The subcommand typed, as far as it names one ("selfserve storefront purchase"): each
/// argument before any `--` that names a subcommand of the one before it. An argument that is
/// not UTF-8 names none.
fn typed_command(raw: &[OsString]) -> String {
    let mut command = Args::command();
    let mut path = vec!["selfserve".to_string()];
    for arg in raw.iter().skip(1).filter_map(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        let Some(sub) = command.find_subcommand(arg).cloned() else {
            continue;
        };
        path.push(sub.get_name().to_string());
        command = sub;
    }
    path.join(" ")
}

/// The database and exports hold personal data: whatever this process creates is its owner's alone.
fn restrict_new_files() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process file-mode mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}
