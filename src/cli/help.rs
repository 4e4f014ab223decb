//! `--help` and clap's usage errors in the reader's language, from the catalogue
//! (`assets/i18n/*/help.ftl`): the clap definitions carry no text of their own; this walks the
//! `clap::Command` they build and gives every command, argument, heading and generated flag its
//! words before anything is parsed.
//!
//! Ids follow the command path: `help-selfserve-subscription-move-users` is that command's
//! about, `help-selfserve-subscription-move-users--to` the help of its `--to` (a positional by
//! its id: `help-selfserve-subscription-show--sub`), `help-selfserve` and `help-selfserve--db`
//! the program's and its global options'. An optional `…-long` is the text `--help` shows
//! instead of the about. clap's own words are `help-clap-…`, the usage errors `help-error-…`.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use fluent_bundle::FluentValue;
use selfserve::i18n::Lang;
use std::ffi::OsString;
use unicode_width::UnicodeWidthStr;

/// The language of help and usage errors, known before clap parses: the last valid `--lang`
/// (or `--lang=`) before any `--`, else `SELFSERVE_LANG`, else the locale, as `Lang::choose`.
/// An invalid value is left for clap to refuse, in the language the rest would give.
pub fn prescan(args: &[OsString], var: impl Fn(&str) -> Option<String>) -> Lang {
    let mut flag = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--lang" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_string),
        };
        if let Some(lang) = value.as_deref().and_then(code) {
            flag = Some(lang);
        }
    }
    let flag = flag.or_else(|| var("SELFSERVE_LANG").as_deref().and_then(code));
    Lang::choose(flag, var)
}

/// `en` or `fr`, as clap accepts them for `--lang`.
fn code(value: &str) -> Option<Lang> {
    match value {
        "en" => Some(Lang::En),
        "fr" => Some(Lang::Fr),
        _ => None,
    }
}

/// `cmd` (the program's, as derived) with every text in `lang`, built: ready to parse.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    // Texts first: building copies the global options into every subcommand and the
    // subcommands' abouts under `help`, so they must already be in `lang`.
    let mut cmd = texts(cmd, lang, &[]);
    cmd.build();
    chrome(cmd, lang)
}

/// The catalogue id of the command at `path` (empty for the program itself): its words
/// joined, `help-selfserve-subscription-move-users`.
fn command_id(path: &[String]) -> String {
    let mut id = "help-selfserve".to_string();
    for word in path {
        id.push('-');
        id.push_str(word);
    }
    id
}

/// The catalogue id of `arg`'s help in the command at `path`: by its long name, else its id.
fn arg_id(path: &[String], arg: &Arg) -> String {
    let name = match arg.get_long() {
        Some(long) => long.to_string(),
        None => arg.get_id().as_str().replace('_', "-"),
    };
    format!("{}--{name}", command_id(path))
}

/// The message `id`, where the catalogue has one.
fn lookup(lang: Lang, id: &str) -> Option<String> {
    let text = lang.t(id);
    (text != id).then_some(text)
}

fn subcommand_names(cmd: &Command) -> Vec<String> {
    cmd.get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect()
}

/// The about of the command at `path` and the help of its own arguments, then its
/// subcommands'.
fn texts(cmd: Command, lang: Lang, path: &[String]) -> Command {
    let id = command_id(path);
    let mut cmd = cmd.about(lang.t(&id));
    if let Some(long) = lookup(lang, &format!("{id}-long")) {
        cmd = cmd.long_about(long);
    }
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for arg in args {
        cmd = cmd.mut_arg(arg, |a| {
            let help = lang.t(&arg_id(path, &a));
            with_specs(a, help, lang)
        });
    }
    for name in subcommand_names(&cmd) {
        let mut sub_path = path.to_vec();
        sub_path.push(name.clone());
        cmd = cmd.mut_subcommand(name, |sub| texts(sub, lang, &sub_path));
    }
    cmd
}

/// "COMMAND" in `lang`, in usage lines ("selfserve [OPTIONS] [COMMAND]"). clap takes it as
/// `&'static str` only; it is made once per language.
fn command_value(lang: Lang) -> &'static str {
    use std::sync::OnceLock;
    static EN: OnceLock<&'static str> = OnceLock::new();
    static FR: OnceLock<&'static str> = OnceLock::new();
    let slot = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    slot.get_or_init(|| Box::leak(lang.t("help-clap-command-value").into_boxed_str()))
}

/// `arg` with `help` followed by what clap would append in English ("[default: …]",
/// "[env: …]", "[possible values: …]"), in `lang`, and clap's own hidden.
fn with_specs(arg: Arg, help: String, lang: Lang) -> Arg {
    let mut specs = Vec::new();
    if let Some(name) = arg.get_env() {
        let value = std::env::var_os(name).unwrap_or_default();
        specs.push(lang.tr(
            "help-clap-env",
            &[
                ("name", name.to_string_lossy().into_owned().into()),
                ("value", value.to_string_lossy().into_owned().into()),
            ],
        ));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if arg.get_action().takes_values() && !defaults.is_empty() {
        specs.push(lang.tr("help-clap-default", &[("value", defaults.join(" ").into())]));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if arg.get_action().takes_values() && !possible.is_empty() {
        specs.push(lang.tr(
            "help-clap-possible",
            &[("values", possible.join(", ").into())],
        ));
    }
    let help = if specs.is_empty() {
        help
    } else {
        format!("{help} {}", specs.join(" "))
    };
    let takes_values = arg.get_action().takes_values();
    let has_env = arg.get_env().is_some();
    let mut arg = arg.help(help);
    if has_env {
        arg = arg.hide_env(true);
    }
    if takes_values {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    arg
}

/// What clap generates while building, in `lang`: the `-h`/`-V` flags, the `help`
/// subcommand, and the headings (through a template naming only the sections there are).
fn chrome(cmd: Command, lang: Lang) -> Command {
    let mut cmd = cmd;
    if cmd.get_name() == "help" {
        cmd = cmd.about(lang.t("help-clap-help-command"));
    }
    if cmd.has_subcommands() {
        cmd = cmd.subcommand_value_name(command_value(lang));
    }
    if cmd.get_arguments().any(|a| a.get_id() == "help") {
        cmd = cmd.mut_arg("help", |a| {
            if a.get_long_help().is_some() {
                a.help(lang.t("help-clap-help-flag-more"))
                    .long_help(lang.t("help-clap-help-flag-summary"))
            } else {
                a.help(lang.t("help-clap-help-flag"))
            }
        });
    }
    if cmd.get_arguments().any(|a| a.get_id() == "version") {
        cmd = cmd.mut_arg("version", |a| a.help(lang.t("help-clap-version-flag")));
    }
    if let Some(usage) = cmd.get_overridden_usage() {
        // Its second form lines up under the first, after a heading of another width.
        let indent = " ".repeat(lang.t("help-clap-usage").width() + 1);
        let usage = usage.to_string();
        let lines: Vec<&str> = usage.lines().map(str::trim_start).collect();
        cmd = cmd.override_usage(lines.join(&format!("\n{indent}")));
    }
    let template = template(&cmd, lang);
    cmd = cmd.help_template(template);
    for name in subcommand_names(&cmd) {
        cmd = cmd.mut_subcommand(name, |sub| chrome(sub, lang));
    }
    cmd
}

/// clap's default layout with the headings in `lang`: its `{all-args}` writes them in English.
fn template(cmd: &Command, lang: Lang) -> StyledStr {
    let styles = cmd.get_styles();
    let usage = styles.get_usage();
    let header = styles.get_header();
    let mut t = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#} {{usage}}",
        lang.t("help-clap-usage")
    );
    let shown = |a: &&Arg| !a.is_hide_set();
    let sections = [
        (
            cmd.get_subcommands().any(|s| !s.is_hide_set()),
            "help-clap-commands",
            "{subcommands}",
        ),
        (
            cmd.get_positionals().any(|a| shown(&a)),
            "help-clap-arguments",
            "{positionals}",
        ),
        (
            cmd.get_arguments()
                .filter(|a| !a.is_positional())
                .any(|a| shown(&a)),
            "help-clap-options",
            "{options}",
        ),
    ];
    for (present, heading, tag) in sections {
        if present {
            t.push_str(&format!("\n\n{header}{}{header:#}\n{tag}", lang.t(heading)));
        }
    }
    t.push_str("{after-help}");
    t.into()
}

/// The one line SPEC §3 wants for a usage error, in `lang`: what is wrong, clap's suggestion
/// where it has one, and the help of `command` (the subcommand typed) to read.
pub fn usage_line(e: &clap::Error, lang: Lang, command: &str) -> String {
    let message = message(e, lang, command);
    let tips = tips(e, lang);
    let tips = tips.into_iter().reduce(|first, second| {
        lang.tr(
            "help-error-tips-and",
            &[("first", first.into()), ("second", second.into())],
        )
    });
    let message = match tips {
        Some(tips) => lang.tr(
            "help-error-with-tips",
            &[("message", message.into()), ("tips", tips.into())],
        ),
        None => message,
    };
    lang.tr(
        "help-error-see",
        &[
            ("message", message.into()),
            ("command", command.to_string().into()),
        ],
    )
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> Option<isize> {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

type Args = Vec<(&'static str, FluentValue<'static>)>;

/// What is wrong, without the tips.
fn message(e: &clap::Error, lang: Lang, command: &str) -> String {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    let with = |id: &str, args: Args| lang.tr(id, &args);
    match e.kind() {
        ErrorKind::MissingRequiredArgument => with(
            "help-error-missing",
            vec![
                ("command", command.to_string().into()),
                (
                    "missing",
                    listed(&strings(e, ContextKind::InvalidArg), lang).into(),
                ),
            ],
        ),
        ErrorKind::MissingSubcommand => with(
            "help-error-missing-command",
            vec![("command", command.to_string().into())],
        ),
        ErrorKind::UnknownArgument => {
            with("help-error-unknown-argument", vec![("arg", arg.into())])
        }
        ErrorKind::InvalidSubcommand => with(
            "help-error-unknown-command",
            vec![(
                "given",
                string(e, ContextKind::InvalidSubcommand)
                    .unwrap_or_default()
                    .into(),
            )],
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            with("help-error-value-required", vec![("arg", arg.into())])
        }
        ErrorKind::InvalidValue => with(
            "help-error-invalid-value",
            vec![("value", value.into()), ("arg", arg.into())],
        ),
        ErrorKind::ValueValidation => {
            let line = with(
                "help-error-invalid-value",
                vec![("value", value.into()), ("arg", arg.into())],
            );
            match reason(e, lang) {
                Some(reason) => with(
                    "help-error-invalid-value-because",
                    vec![("message", line.into()), ("reason", reason.into())],
                ),
                None => line,
            }
        }
        ErrorKind::TooManyValues => with(
            "help-error-too-many-values",
            vec![("value", value.into()), ("arg", arg.into())],
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = number(e, ContextKind::MinValues)
                .or_else(|| number(e, ContextKind::ExpectedNumValues))
                .unwrap_or_default();
            let given = number(e, ContextKind::ActualNumValues).unwrap_or_default();
            with(
                "help-error-number-of-values",
                vec![
                    ("arg", arg.into()),
                    ("expected", (expected as i64).into()),
                    ("given", (given as i64).into()),
                ],
            )
        }
        ErrorKind::ArgumentConflict => match string(e, ContextKind::PriorArg) {
            Some(prior) if prior != arg => with(
                "help-error-conflict",
                vec![("arg", arg.into()), ("prior", prior.into())],
            ),
            _ => with("help-error-repeated", vec![("arg", arg.into())]),
        },
        ErrorKind::NoEquals => with("help-error-no-equals", vec![("arg", arg.into())]),
        ErrorKind::InvalidUtf8 => lang.t("help-error-utf8"),
        _ => {
            let rendered = e.render().to_string();
            let detail = rendered
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string();
            with("help-error-other", vec![("detail", detail.into())])
        }
    }
}

/// Why a value did not parse, where the parser said: a number's fault in `lang`, another
/// parser's own words as they are.
fn reason(e: &clap::Error, lang: Lang) -> Option<String> {
    use std::error::Error as _;
    use std::num::IntErrorKind;
    let source = e.source()?;
    let Some(int) = source.downcast_ref::<std::num::ParseIntError>() else {
        let text = source.to_string();
        // clap's range check of an unsigned number: "5000000000 is not in 0..=4294967295".
        let range = text
            .split_once(" is not in ")
            .and_then(|(_, range)| range.split_once("..="))
            .and_then(|(min, max)| Some((min.parse::<i64>().ok()?, max.parse::<i64>().ok()?)));
        return Some(match range {
            Some((min, max)) => lang.tr(
                "help-error-out-of-range",
                &[("min", min.into()), ("max", max.into())],
            ),
            None => text,
        });
    };
    Some(lang.t(match int.kind() {
        IntErrorKind::PosOverflow => "help-error-too-large",
        IntErrorKind::NegOverflow => "help-error-too-small",
        _ => "help-error-not-a-number",
    }))
}

/// clap's suggestions, in `lang`: the possible values, a similar argument, subcommand or
/// value, and its other tips.
fn tips(e: &clap::Error, lang: Lang) -> Vec<String> {
    let mut tips = Vec::new();
    let possible = strings(e, ContextKind::ValidValue);
    if e.kind() == ErrorKind::InvalidValue && !possible.is_empty() {
        tips.push(lang.tr(
            "help-error-possible-values",
            &[("values", possible.join(", ").into())],
        ));
    }
    let similar = [
        (
            ContextKind::SuggestedSubcommand,
            "help-error-similar-command",
        ),
        (ContextKind::SuggestedArg, "help-error-similar-argument"),
        (ContextKind::SuggestedValue, "help-error-similar-value"),
    ];
    for (kind, id) in similar {
        let found = strings(e, kind);
        if !found.is_empty() {
            tips.push(lang.tr(
                id,
                &[
                    ("count", found.len().into()),
                    ("similar", quoted(&found, lang).into()),
                ],
            ));
        }
    }
    if let Some(ContextValue::StyledStrs(more)) = e.get(ContextKind::Suggested) {
        tips.extend(more.iter().map(|tip| tip_in(&tip.to_string(), lang)));
    }
    tips
}

/// One of clap's free-form tips, recognised by its English shape and said in `lang`; a tip
/// of another shape (none that clap 4.6 gives) as it is.
fn tip_in(tip: &str, lang: Lang) -> String {
    if let Some(rest) = tip.strip_prefix("to pass '") {
        // to pass '{arg}' as a value, use '{form}'
        if let Some((arg, form)) = rest.split_once("' as a value, use '") {
            return lang.tr(
                "help-error-tip-as-value",
                &[
                    ("arg", arg.to_string().into()),
                    ("form", form.trim_end_matches('\'').to_string().into()),
                ],
            );
        }
    }
    if let Some(rest) = tip.strip_prefix("subcommand '") {
        // subcommand '{name}' exists; to use it, remove the '--' before it
        if let Some((name, _)) = rest.split_once('\'') {
            return lang.tr(
                "help-error-tip-remove-dashes",
                &[("name", name.to_string().into())],
            );
        }
    }
    if let Some(form) = tip
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix("' exists"))
    {
        // '{subcommand} {flag}' exists
        return lang.tr(
            "help-error-tip-exists",
            &[("form", form.to_string().into())],
        );
    }
    tip.to_string()
}

/// "'a', 'b'" in English, "« a », « b »" in French.
fn quoted(items: &[String], lang: Lang) -> String {
    items
        .iter()
        .map(|item| lang.tr("help-error-quoted", &[("item", item.clone().into())]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "--card <LAST4>", "--quantity <N> and --card <LAST4>", "A, B and C" (« et » in French).
fn listed(items: &[String], lang: Lang) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => lang.tr(
            "help-error-and",
            &[
                ("first", rest.join(", ").into()),
                ("last", last.clone().into()),
            ],
        ),
        _ => items.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Args;
    use clap::CommandFactory;
    use std::collections::BTreeSet;

    /// The ids of every command's about and every argument's help, as derived.
    fn ids(cmd: &Command, path: &[String], out: &mut Vec<String>) {
        out.push(command_id(path));
        for arg in cmd.get_arguments() {
            out.push(arg_id(path, arg));
        }
        for sub in cmd.get_subcommands() {
            let mut sub_path = path.to_vec();
            sub_path.push(sub.get_name().to_string());
            ids(sub, &sub_path, out);
        }
    }

    #[test]
    fn dump() {
        let mut out = Vec::new();
        ids(&Args::command(), &[], &mut out);
        for id in out {
            println!("{id}");
        }
    }
}
