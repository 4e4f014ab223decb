//! The language a person reads: English or French, chosen once per run, and the messages of
//! `assets/i18n/{en,fr}/*.ftl` (Fluent), compiled into the binary. The core owns them because
//! it writes e-mails in the tenant's language and its errors are read by people; machine output
//! (`--json`, CSV headers, PowerShell names) never goes through here.
//!
//! Fluent was chosen (through `fluent-templates`) over `rust-i18n` for its plural and select
//! expressions: French and English agree counts differently, and the translator, not the
//! code, decides the words.

mod format;
mod text;

pub use text::{Arg, Text};

use crate::model::PolicyValue;
use fluent_bundle::FluentValue;
use fluent_templates::{langid, LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static CATALOGUES = {
        locales: "../../assets/i18n",
        fallback_language: "en",
        customise: |bundle| {
            // Unicode isolation marks around placeholders would show as stray cells in a terminal.
            bundle.set_use_isolating(false);
            // Counts read "1,234" in English and "1 234" in French.
            if bundle.locales.first().is_some_and(|l| l.language.as_str() == "fr") {
                bundle.set_formatter(Some(format::fluent_number_fr));
            } else {
                bundle.set_formatter(Some(format::fluent_number_en));
            }
        },
    };
}

const EN: LanguageIdentifier = langid!("en");
const FR: LanguageIdentifier = langid!("fr");

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// `--lang` (or `SELFSERVE_LANG`, which clap reads into the same flag) where given; else
    /// the first locale variable set, as POSIX orders them; else English.
    pub fn choose(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name).filter(|v| !v.is_empty()))
            .map(|locale| Lang::of_locale(&locale))
            .next()
            .unwrap_or_default()
    }

    /// French for `fr`, `fr_FR.UTF-8`, `fr_CA`, `fr-BE@euro`…; English for anything else.
    fn of_locale(locale: &str) -> Lang {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// Its code, as `--lang` and the tenant setting spell it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::En => EN,
            Lang::Fr => FR,
        }
    }

    /// The message `id`, in English where this language lacks it, or `id` itself where no
    /// catalogue has it (the catalogue tests keep that from shipping).
    pub fn t(self, id: &str) -> String {
        self.lookup(id, &[]).unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with its placeholders filled, falling back as `t` does.
    pub fn tr(self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        self.lookup(id, args).unwrap_or_else(|| id.to_string())
    }

    fn lookup(self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> Option<String> {
        if args.is_empty() {
            return CATALOGUES.try_lookup(&self.id(), id);
        }
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        CATALOGUES.try_lookup_with_args(&self.id(), id, &args)
    }

    fn lookup_owned(self, id: &str, args: &[(String, FluentValue<'static>)]) -> Option<String> {
        if args.is_empty() {
            return CATALOGUES.try_lookup(&self.id(), id);
        }
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Owned(name.clone()), value.clone()))
            .collect();
        CATALOGUES.try_lookup_with_args(&self.id(), id, &args)
    }

    /// Whether this language's own catalogue resolves `id` (no fallback), given these
    /// placeholders.
    #[cfg(test)]
    fn has(self, id: &str, placeholders: &std::collections::BTreeSet<String>) -> bool {
        let args: HashMap<&str, FluentValue> = placeholders
            .iter()
            .map(|p| (p.as_str(), FluentValue::from(1)))
            .collect();
        CATALOGUES
            .lookup_single_language(&self.id(), id, Some(&args))
            .is_ok()
    }
}

impl std::str::FromStr for Lang {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Lang, crate::Error> {
        match s.to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "fr" => Ok(Lang::Fr),
            _ => Err(crate::Error::usage(crate::text!(
                "error-unknown-language",
                given = s
            ))),
        }
    }
}

/// A policy value as the admin center words it ("Allow", « Autoriser »…).
pub fn policy_words(lang: Lang, value: PolicyValue) -> String {
    lang.t(match value {
        PolicyValue::Enabled => "policy-allow",
        PolicyValue::OnlyTrialsWithoutPaymentMethod => "policy-trials-only",
        PolicyValue::Disabled => "policy-do-not-allow",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_wins_then_the_locale_variables_in_order_then_english() {
        let fr = [("LANG", "fr_FR.UTF-8")];
        assert_eq!(Lang::choose(Some(Lang::En), env(&fr)), Lang::En);
        assert_eq!(Lang::choose(Some(Lang::Fr), env(&[])), Lang::Fr);
        assert_eq!(Lang::choose(None, env(&fr)), Lang::Fr);
        for locale in ["fr", "fr_CA", "fr_BE.UTF-8", "fr_CH@euro", "FR_fr"] {
            assert_eq!(Lang::choose(None, env(&[("LANG", locale)])), Lang::Fr);
        }
        for locale in ["en_US.UTF-8", "C", "POSIX", "de_DE.UTF-8", "fy_NL"] {
            assert_eq!(Lang::choose(None, env(&[("LANG", locale)])), Lang::En);
        }
        // LC_ALL overrides LC_MESSAGES, which overrides LANG; an empty one counts as unset.
        let all = [
            ("LC_ALL", "en_GB.UTF-8"),
            ("LC_MESSAGES", "fr_FR"),
            ("LANG", "fr_FR"),
        ];
        assert_eq!(Lang::choose(None, env(&all)), Lang::En);
        let messages = [("LC_ALL", ""), ("LC_MESSAGES", "fr_CA"), ("LANG", "en_US")];
        assert_eq!(Lang::choose(None, env(&messages)), Lang::Fr);
        assert_eq!(Lang::choose(None, env(&[])), Lang::En);
    }

    #[test]
    fn a_missing_message_gives_its_id_and_placeholders_are_filled_plainly() {
        assert_eq!(Lang::Fr.t("no-such-message"), "no-such-message");
        assert_eq!(Lang::En.t("policy-allow"), "Allow");
        assert_eq!(
            policy_words(Lang::Fr, PolicyValue::OnlyTrialsWithoutPaymentMethod),
            "Autoriser pour les essais uniquement"
        );
        let matches = |n: usize| [("count", n.into()), ("shown", n.to_string().into())];
        assert_eq!(Lang::En.tr("search-matches", &matches(2)), "2 matches");
        assert_eq!(Lang::Fr.tr("search-matches", &matches(2)), "2 résultats");
        assert_eq!(Lang::En.tr("search-matches", &matches(1)), "1 match");
        assert_eq!(Lang::Fr.tr("search-matches", &matches(1)), "1 résultat");
    }

    /// Each message's id and the placeholders it uses (`{ $count }`), attributes included,
    /// over every file of one language.
    fn catalogue(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
        let dir = format!("{}/../../assets/i18n/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut messages = BTreeMap::new();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("catalogue directory")
            .map(|e| e.expect("catalogue entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{dir} has no .ftl file");
        for path in files {
            let path = path.display().to_string();
            let source = std::fs::read_to_string(&path).expect("catalogue");
            let resource = match fluent_syntax::parser::parse(source.as_str()) {
                Ok(r) => r,
                Err((_, errors)) => panic!("{path}: {errors:?}"),
            };
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    for pattern in m.value.iter().chain(m.attributes.iter().map(|a| &a.value)) {
                        pattern_vars(pattern, &mut vars);
                    }
                    assert!(
                        messages.insert(m.id.name.to_string(), vars).is_none(),
                        "{path}: {} twice",
                        m.id.name
                    );
                }
            }
        }
        messages
    }

    fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(inline) => inline_vars(inline, vars),
        }
    }

    fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for arg in &arguments.positional {
                    inline_vars(arg, vars);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn both_catalogues_have_the_same_messages_with_the_same_placeholders() {
        let en = catalogue("en");
        let fr = catalogue("fr");
        let only = |a: &BTreeMap<_, _>, b: &BTreeMap<String, _>| -> Vec<String> {
            a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
        };
        assert_eq!(only(&en, &fr), Vec::<String>::new(), "in English only");
        assert_eq!(only(&fr, &en), Vec::<String>::new(), "in French only");
        for (id, vars) in &en {
            assert_eq!(Some(vars), fr.get(id), "placeholders of {id}");
        }
        // The loader reads the same files: every message resolves in its own language.
        for (id, vars) in &en {
            assert!(
                Lang::En.has(id, vars) && Lang::Fr.has(id, vars),
                "{id} does not load"
            );
        }
    }
}
