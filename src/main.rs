//! selfserve: parse arguments, pick the front end, map errors to exit codes (SPEC §3).

mod cli;
mod watchdog;

use selfserve::i18n::Lang;
use selfserve::tui;

use clap::{CommandFactory, Parser, Subcommand};
use cli::{Ctx, Failure};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "selfserve",
    version,
    about = "See and take over your users' self-service purchases and trials",
    long_about = "See and take over your users' self-service purchases and trials.\n\nWith no command, opens the dashboard; where no database exists yet, creates a demo tenant first."
)]
pub struct Args {
    /// Database directory [default: under your data directory]
    #[arg(long, global = true, env = "SELFSERVE_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// The socket of a `selfserve serve` to talk to [default: the database path with .sock appended]
    #[arg(long, global = true, env = "SELFSERVE_SOCKET", value_name = "PATH")]
    socket: Option<PathBuf>,
    /// Talk to the server on another host over ssh: runs `ssh [-p PORT] [USER@]HOST selfserve connect`
    /// (SELFSERVE_SSH replaces `ssh`); you act as your SSH login there, SELFSERVE_USER is not sent
    #[arg(
        long,
        global = true,
        env = "SELFSERVE_REMOTE",
        value_name = "[USER@]HOST[:PORT]"
    )]
    remote: Option<String>,
    /// Clock for expirations and lifecycle: RFC 3339 or YYYY-MM-DD
    #[arg(long, global = true, env = "SELFSERVE_NOW", value_name = "TIME")]
    now: Option<String>,
    /// Machine output: one JSON document on stdout
    #[arg(long, global = true)]
    json: bool,
    /// Change nothing: commands that would write refuse (exit 3); the dashboard hides its actions
    #[arg(long, global = true)]
    readonly: bool,
    /// Dashboard: ASCII borders, for terminals or locales without UTF-8
    #[arg(long, global = true)]
    ascii: bool,
    /// Language of the dashboard [default: from LC_ALL, LC_MESSAGES or LANG, else en]
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
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Open the dashboard (the default)
    Tui,
    /// Create a demo tenant in --db
    Demo(cli::demo::DemoArgs),
    /// Products and their subscriptions, one row per product
    #[command(subcommand)]
    Product(cli::product::ProductCommand),
    /// Self-service and central subscriptions
    #[command(subcommand)]
    Subscription(cli::subscription::SubscriptionCommand),
    /// License assignments
    #[command(subcommand)]
    License(cli::license::LicenseCommand),
    /// Users with licenses
    #[command(subcommand)]
    User(cli::user::UserCommand),
    /// The AllowSelfServicePurchase policy of each product
    #[command(subcommand)]
    Policy(cli::policy::PolicyCommand),
    /// The audit log
    #[command(subcommand)]
    Audit(cli::audit::AuditCommand),
    /// E-mails sent to buyers and administrators
    #[command(subcommand)]
    Outbox(cli::outbox::OutboxCommand),
    /// Administrators and their roles
    #[command(subcommand)]
    Admin(cli::admin::AdminCommand),
    /// Act for a directory user buying or trying a product (GlobalAdministrator or BillingAdministrator)
    #[command(subcommand)]
    Storefront(cli::storefront::StorefrontCommand),
    /// Renewals, conversions and expirations up to the clock
    #[command(subcommand)]
    Lifecycle(cli::lifecycle::LifecycleCommand),
    /// Verify every invariant of the database; exit 1 and list breaches
    Check,
    /// Own the database and serve it to every administrator on a Unix socket (--socket)
    Serve(cli::serve::ServeArgs),
    /// The server on the socket
    #[command(subcommand)]
    Server(cli::server::ServerCommand),
    /// The tenant: its cloud and admin center
    #[command(subcommand)]
    Tenant(cli::tenant::TenantCommand),
    /// Print each change committed through the server as it comes (exit 5 without a server)
    Watch,
    /// Join stdin and stdout to the server's socket (what `--remote` runs over ssh)
    Connect,
}

fn main() -> ExitCode {
    restrict_new_files();
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => return usage_error(e),
    };
    let lang = Lang::choose(args.lang, |name| std::env::var(name).ok());
    match run(args, lang) {
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

fn run(args: Args, lang: Lang) -> Result<ExitCode, Failure> {
    let ctx = Ctx::new(&args, lang)?;
    match args.command {
        None | Some(Command::Tui) => {
            let options = tui::Options {
                ascii: args.ascii,
                lang: ctx.lang,
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
    }
}

/// Clap's errors run to several lines; SPEC §3 wants one, exit 2, naming what is missing and
/// pointing at the help of the very subcommand that was typed.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let command = typed_command();
    let message = match (e.kind(), e.get(ContextKind::InvalidArg)) {
        (ErrorKind::MissingRequiredArgument, Some(ContextValue::Strings(missing))) => {
            format!("`{command}` needs {}", listed(missing))
        }
        _ => {
            let rendered = e.render().to_string();
            let first = rendered
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("invalid arguments")
                .trim_start_matches("error: ")
                .to_string();
            let tip = rendered
                .lines()
                .find_map(|l| l.trim().strip_prefix("tip: "))
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            format!("{first}{tip}")
        }
    };
    eprintln!("selfserve: {message}; see `{command} --help`");
    ExitCode::from(2)
}

/// The subcommand typed, as far as it names one ("selfserve storefront purchase"): each
/// argument that names a subcommand of the one before it.
fn typed_command() -> String {
    let mut command = Args::command();
    let mut path = vec!["selfserve".to_string()];
    for arg in std::env::args().skip(1) {
        let Some(sub) = command.find_subcommand(&arg).cloned() else {
            continue;
        };
        path.push(sub.get_name().to_string());
        command = sub;
    }
    path.join(" ")
}

/// "--card <LAST4>", "--quantity <N> and --card <LAST4>", "A, B and C".
fn listed(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// The database and exports hold personal data: whatever this process creates is its owner's alone.
fn restrict_new_files() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process file-mode mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}
