//! `--help` and usage errors in the reader's language (issue 11): the language is known before
//! clap parses, from `--lang`, `SELFSERVE_LANG` or the locale, and every text comes from the
//! catalogue (assets/i18n/*/help.ftl).

mod common;

use common::*;

fn help(env: &Env, args: &[&str]) -> String {
    let out = env.run(ADMIN, args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn subscription_move_users_help_is_french_under_lang_fr() {
    let env = Env::empty();
    let text = help(
        &env,
        &["--lang", "fr", "subscription", "move-users", "--help"],
    );
    for words in [
        "Déplacer les utilisateurs vers un autre abonnement du produit, puis annuler celui-ci",
        "Utilisation : selfserve subscription move-users [OPTIONS] --to <SUB2> <SUB>",
        "Arguments :",
        "Options :",
        "L'abonnement qui reçoit les utilisateurs (une licence libre chacun)",
        "Dire ce qui changerait, sans rien changer",
        "[valeurs possibles : en, fr]",
        "-h, --help",
        "Afficher l'aide",
    ] {
        assert!(text.contains(words), "{words}:\n{text}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Move every user",
        "Print help",
        "[default:",
    ] {
        assert!(!text.contains(english), "{english}:\n{text}");
    }
}

#[test]
fn the_locale_and_selfserve_lang_choose_the_help_language_too() {
    let env = Env::empty();
    let english = help(&env, &["subscription", "move-users", "-h"]);
    assert!(
        english.starts_with("Move every user to another subscription"),
        "{english}"
    );
    assert!(
        english.contains("\nUsage: selfserve subscription move-users"),
        "{english}"
    );
    let by_locale = env
        .cmd(ADMIN, &["subscription", "move-users", "-h"])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run selfserve");
    let by_env = env
        .cmd(ADMIN, &["subscription", "move-users", "-h"])
        .env("SELFSERVE_LANG", "fr")
        .output()
        .expect("run selfserve");
    for out in [by_locale, by_env] {
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(
            stdout(&out).starts_with("Déplacer les utilisateurs"),
            "{}",
            stdout(&out)
        );
    }
    // The flag wins over the locale, in both directions.
    let out = env
        .cmd(ADMIN, &["--lang", "en", "help", "subscription"])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run selfserve");
    assert!(
        stdout(&out).starts_with("Self-service and central subscriptions"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_program_help_and_a_help_shown_for_a_missing_command_are_french() {
    let env = Env::empty();
    let text = help(&env, &["--lang", "fr", "--help"]);
    for words in [
        "Sans commande, ouvre le tableau de bord",
        "Utilisation : selfserve [OPTIONS] [COMMANDE]",
        "Commandes :",
        "  help          Afficher ce message ou l'aide des sous-commandes données",
        "Afficher la version",
    ] {
        assert!(text.contains(words), "{words}:\n{text}");
    }
    // `selfserve policy` needs a command: alone, its help, on stderr, exit 2; with an option,
    // one line.
    // (Without SELFSERVE_DB and the like: clap counts an option from the environment as given.)
    let out = bin()
        .arg("policy")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run selfserve");
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("Utilisation : selfserve policy [OPTIONS] <COMMANDE>"),
        "{err}"
    );
    let err = assert_fails(&env.run(ADMIN, &["policy", "--lang=fr"]), 2);
    assert_eq!(
        err.trim_end(),
        "selfserve: `selfserve policy` attend une commande ; consultez `selfserve policy --help`"
    );
}

#[test]
fn usage_errors_are_one_line_in_french() {
    let env = Env::empty();
    let err = assert_fails(
        &env.run(
            ADMIN,
            &[
                "--lang",
                "fr",
                "storefront",
                "purchase",
                "CFQ7TTC0H9MP",
                "--quantity",
                "2",
            ],
        ),
        2,
    );
    assert_eq!(
        err.trim_end(),
        "selfserve: il manque --user <UPN> et --card <LAST4> à `selfserve storefront purchase` ; consultez `selfserve storefront purchase --help`"
    );
    let err = assert_fails(
        &env.run(ADMIN, &["--lang", "fr", "subscription", "move", "--help"]),
        2,
    );
    assert_eq!(
        err.trim_end(),
        "selfserve: sous-commande inconnue « move » (une sous-commande proche existe : « move-users ») ; consultez `selfserve subscription --help`"
    );
    let err = assert_fails(
        &env.run(
            ADMIN,
            &[
                "subscription",
                "buy",
                "X",
                "--quantity",
                "many",
                "--lang",
                "fr",
            ],
        ),
        2,
    );
    assert_eq!(
        err.trim_end(),
        "selfserve: valeur « many » invalide pour « --quantity <N> » : ce n'est pas un nombre entier ; consultez `selfserve subscription buy --help`"
    );
    // An unknown language is refused in the locale's.
    let out = env
        .cmd(ADMIN, &["tenant", "show", "--lang", "de"])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run selfserve");
    let err = assert_fails(&out, 2);
    assert_eq!(
        err.trim_end(),
        "selfserve: valeur « de » invalide pour « --lang <LANG> » (valeurs possibles : en, fr) ; consultez `selfserve tenant show --help`"
    );
}
