//! The language switch (`--lang`, `SELFSERVE_LANG`, the locale): an unknown language is a usage
//! error, and machine output is the same in every language (SPEC §3: scripts rely on it).

mod common;

use common::*;

#[test]
fn an_unknown_language_is_a_usage_error_from_the_flag_or_the_environment() {
    let env = Env::empty();
    let err = assert_fails(&env.run(ADMIN, &["tenant", "show", "--lang", "de"]), 2);
    assert!(err.contains("--lang"), "{err}");
    let out = env
        .cmd(ADMIN, &["tenant", "show"])
        .env("SELFSERVE_LANG", "de")
        .output()
        .expect("run selfserve");
    let err = assert_fails(&out, 2);
    assert!(err.contains("de"), "{err}");
}

#[test]
fn json_is_byte_identical_in_french_and_english() {
    let env = Env::demo();
    for args in [["product", "list"], ["policy", "list"]] {
        let english = env.run(ADMIN, &[args[0], args[1], "--json", "--lang", "en"]);
        assert!(english.status.success(), "{}", stderr(&english));
        let flag = env.run(ADMIN, &[args[0], args[1], "--json", "--lang", "fr"]);
        let by_env = env
            .cmd(ADMIN, &[args[0], args[1], "--json"])
            .env("SELFSERVE_LANG", "fr")
            .output()
            .expect("run selfserve");
        let by_locale = env
            .cmd(ADMIN, &[args[0], args[1], "--json"])
            .env("LANG", "fr_FR.UTF-8")
            .output()
            .expect("run selfserve");
        for french in [flag, by_env, by_locale] {
            assert!(french.status.success(), "{}", stderr(&french));
            assert_eq!(english.stdout, french.stdout, "{args:?}");
        }
    }
}
