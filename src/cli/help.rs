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

    /// The ids of every command's about and every argument's help, as the definitions derive
    /// them.
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

    /// The message ids of one language's help.ftl, read from the file itself (no fallback
    /// to English hides a missing French one).
    fn catalogue(lang: &str) -> BTreeSet<String> {
        let path = format!("{}/assets/i18n/{lang}/help.ftl", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("help.ftl");
        text.lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once('='))
            .map(|(id, _)| id.trim().to_string())
            .collect()
    }

    /// Every command path of the program, the program itself first.
    fn paths(cmd: &Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            let mut sub_path = path.clone();
            sub_path.push(sub.get_name().to_string());
            paths(sub, sub_path, out);
        }
        out.insert(0, path);
    }

    fn find<'a>(cmd: &'a mut Command, path: &[String]) -> &'a mut Command {
        path.iter().fold(cmd, |cmd, name| {
            cmd.find_subcommand_mut(name).expect("subcommand")
        })
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_both_catalogues() {
        let mut wanted = Vec::new();
        ids(&Args::command(), &[], &mut wanted);
        assert!(wanted.len() > 100, "the walk missed the tree: {wanted:?}");
        for lang in ["en", "fr"] {
            let have = catalogue(lang);
            let missing: Vec<&String> = wanted.iter().filter(|id| !have.contains(*id)).collect();
            assert!(missing.is_empty(), "{lang}/help.ftl lacks {missing:?}");
        }
        // And none of the catalogue's command texts is for a command or argument gone.
        let wanted: BTreeSet<String> = wanted.into_iter().collect();
        let stale: Vec<String> = catalogue("en")
            .into_iter()
            .filter(|id| id.starts_with("help-selfserve"))
            .filter(|id| !wanted.contains(id) && !id.ends_with("-long"))
            .collect();
        assert!(stale.is_empty(), "no such command or argument: {stale:?}");
    }

    #[test]
    fn every_id_this_file_names_is_in_both_catalogues() {
        let source = include_str!("help.rs");
        let named: BTreeSet<&str> = source
            .split('"')
            .filter(|s| s.starts_with("help-clap-") || s.starts_with("help-error-"))
            .filter(|s| !s.ends_with('-'))
            .collect();
        assert!(named.len() > 30, "{named:?}");
        for lang in ["en", "fr"] {
            let have = catalogue(lang);
            let missing: Vec<&&str> = named.iter().filter(|id| !have.contains(**id)).collect();
            assert!(missing.is_empty(), "{lang}/help.ftl lacks {missing:?}");
        }
    }

    #[test]
    fn every_help_is_whole_in_both_languages() {
        let mut all = Vec::new();
        paths(&Args::command(), Vec::new(), &mut all);
        let mut english = localise(Args::command(), Lang::En);
        let mut french = localise(Args::command(), Lang::Fr);
        for path in &all {
            for long in [false, true] {
                let render = |cmd: &mut Command| {
                    let cmd = find(cmd, path);
                    if long {
                        cmd.render_long_help().to_string()
                    } else {
                        cmd.render_help().to_string()
                    }
                };
                let en = render(&mut english);
                let fr = render(&mut french);
                for text in [&en, &fr] {
                    // An id left where the catalogue lacks the message.
                    assert!(!text.contains("help-"), "{path:?}:\n{text}");
                }
                assert!(en.contains("\nUsage: "), "{path:?}:\n{en}");
                assert!(fr.contains("\nUtilisation : "), "{path:?}:\n{fr}");
                for english_word in [
                    "Usage:",
                    "Options:",
                    "Commands:",
                    "Arguments:",
                    "Print help",
                ] {
                    assert!(!fr.contains(english_word), "{path:?}: {english_word}\n{fr}");
                }
                for english_word in ["[default:", "[env:", "[possible values:"] {
                    assert!(!fr.contains(english_word), "{path:?}: {english_word}\n{fr}");
                }
                assert_ne!(en.lines().next(), fr.lines().next(), "{path:?}: the about");
            }
        }
        let root = french.render_help().to_string();
        for words in [
            "Commandes :",
            "Options :",
            "[COMMANDE]",
            "Afficher l'aide (plus de détails avec --help)",
            "Afficher la version",
            "help          Afficher ce message",
            "[valeurs possibles : en, fr]",
        ] {
            assert!(root.contains(words), "{words}:\n{root}");
        }
        // The second form of an overridden usage still lines up under the first.
        let set = find(&mut french, &["policy".into(), "set".into()])
            .render_help()
            .to_string();
        assert!(
            set.contains(
                "Utilisation : selfserve policy set PRODUCT VALUE\n              selfserve policy set --all VALUE"
            ),
            "{set}"
        );
    }

    fn os(args: &[&str]) -> Vec<OsString> {
        std::iter::once("selfserve")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect()
    }

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_language_is_known_before_parsing() {
        let fr = [("LANG", "fr_FR.UTF-8")];
        assert_eq!(
            prescan(&os(&["--lang", "fr", "tenant"]), env(&[])),
            Lang::Fr
        );
        assert_eq!(
            prescan(&os(&["tenant", "show", "--lang=fr"]), env(&[])),
            Lang::Fr
        );
        assert_eq!(prescan(&os(&["--lang", "en"]), env(&fr)), Lang::En);
        // The last one wins, as in clap; an invalid one is clap's to refuse.
        assert_eq!(
            prescan(&os(&["--lang", "fr", "--lang", "en"]), env(&[])),
            Lang::En
        );
        assert_eq!(prescan(&os(&["--lang", "de"]), env(&fr)), Lang::Fr);
        // After `--` it is a value, not the flag.
        assert_eq!(prescan(&os(&["--", "--lang", "fr"]), env(&[])), Lang::En);
        assert_eq!(
            prescan(&os(&[]), env(&[("SELFSERVE_LANG", "fr")])),
            Lang::Fr
        );
        let both = [("SELFSERVE_LANG", "en"), ("LANG", "fr_FR.UTF-8")];
        assert_eq!(prescan(&os(&[]), env(&both)), Lang::En);
        assert_eq!(
            prescan(&os(&[]), env(&[("SELFSERVE_LANG", "de")])),
            Lang::En
        );
        assert_eq!(prescan(&os(&["help"]), env(&fr)), Lang::Fr);
        assert_eq!(prescan(&os(&["help"]), env(&[])), Lang::En);
    }

    /// The usage line clap's error for `args` gives, in `lang`.
    fn usage(lang: Lang, args: &[&str]) -> String {
        let mut cmd = localise(Args::command(), lang);
        let e = cmd
            .try_get_matches_from_mut(os(args))
            .expect_err("a usage error");
        usage_line(&e, lang, "selfserve x")
    }

    #[test]
    fn every_usage_error_is_one_line_in_each_language() {
        let cases: &[&[&str]] = &[
            &["storefront", "purchase", "CFQ7TTC0H9MP"],
            &["subscription", "buy", "X", "--quantity", "many"],
            &["subscription", "buy", "X", "--quantity", "99999999999"],
            &["subscription", "buy", "X", "--quantity", "-1"],
            &[
                "subscription",
                "move-users",
                "abcd",
                "--to",
                "x",
                "--dryrun",
            ],
            &["subscription", "move"],
            &["frobnicate"],
            &["tenant", "show", "--lang", "fx"],
            &["tenant", "show", "--lang"],
            &["subscription", "show", "a", "b"],
            &["audit", "list", "--limit", "1", "--limit", "2"],
            &["--", "product"],
        ];
        for args in cases {
            let en = usage(Lang::En, args);
            let fr = usage(Lang::Fr, args);
            for line in [&en, &fr] {
                assert!(!line.contains("help-"), "{args:?}: {line}");
                assert!(!line.contains('\n'), "{args:?}: {line}");
            }
            assert!(en.ends_with("; see `selfserve x --help`"), "{en}");
            assert!(fr.ends_with(" ; consultez `selfserve x --help`"), "{fr}");
            for english in [
                "found",
                "exists:",
                "invalid value",
                "needs",
                "similar",
                "use '",
            ] {
                assert!(!fr.contains(english), "{args:?}: {english} in {fr}");
            }
        }
        assert_eq!(
            usage(Lang::Fr, &["storefront", "purchase", "CFQ7TTC0H9MP"]),
            "il manque --user <UPN>, --quantity <N> et --card <LAST4> à `selfserve x` ; consultez `selfserve x --help`"
        );
        assert_eq!(
            usage(Lang::Fr, &["subscription", "move"]),
            "sous-commande inconnue « move » (une sous-commande proche existe : « move-users ») ; consultez `selfserve x --help`"
        );
        assert_eq!(
            usage(Lang::Fr, &["tenant", "show", "--lang", "frr"]),
            "valeur « frr » invalide pour « --lang <LANG> » (valeurs possibles : en, fr ; une valeur proche existe : « fr ») ; consultez `selfserve x --help`"
        );
        assert_eq!(
            usage(Lang::En, &["subscription", "buy", "X", "--quantity", "many"]),
            "invalid value 'many' for '--quantity <N>': not a whole number; see `selfserve x --help`"
        );
        assert_eq!(
            usage(Lang::Fr, &["subscription", "buy", "X", "--quantity", "99999999999"]),
            "valeur « 99999999999 » invalide pour « --quantity <N> » : pas entre 0 et 4\u{a0}294\u{a0}967\u{a0}295 ; consultez `selfserve x --help`"
        );
    }
}
