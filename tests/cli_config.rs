//! The config file: flags win over the environment, which wins over the file; each bad file
//! is one line naming the file, the line and the key, with exit 2 and nothing done.

mod common;

use common::{bin, Env, ADMIN, NOW};
use std::path::{Path, PathBuf};
use std::process::Output;

/// Writes `text` as the config file in `dir`'s config home and returns its path.
fn write_config(dir: &Path, text: &str) -> PathBuf {
    let file = dir.join("config").join("selfserve").join("config.toml");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("config dir");
    std::fs::write(&file, text).expect("write config");
    file
}

/// `selfserve ARGS` with `dir`'s config home (and the environment `vars`).
fn run_in(dir: &Path, vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = bin();
    c.env("XDG_CONFIG_HOME", dir.join("config"))
        .env("SELFSERVE_NOW", NOW)
        .env("SELFSERVE_USER", ADMIN);
    for (k, v) in vars {
        c.env(k, v);
    }
    c.args(args).output().expect("run selfserve")
}

fn shown(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn flags_win_over_the_environment_which_wins_over_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write_config(
        d,
        "db = \"/from/file.db\"\nsocket = \"/from/file.sock\"\nlang = \"fr\"\n",
    );
    let show = ["config", "show", "--json"];
    let file = shown(&run_in(d, &[], &show));
    assert_eq!(file["db"], "/from/file.db");
    assert_eq!(file["socket"], "/from/file.sock");
    assert_eq!(file["lang"], "fr");
    assert_eq!(file["found"], true);
    // The mouse is the terminal's unless the file says otherwise.
    assert_eq!(file["ui"]["mouse"], false);
    let env = [
        ("SELFSERVE_DB", "/from/env.db"),
        ("SELFSERVE_SOCKET", "/from/env.sock"),
        ("SELFSERVE_LANG", "en"),
    ];
    let by_env = shown(&run_in(d, &env, &show));
    assert_eq!(by_env["db"], "/from/env.db");
    assert_eq!(by_env["socket"], "/from/env.sock");
    assert_eq!(by_env["lang"], "en");
    let mut flags = show.to_vec();
    flags.extend([
        "--db",
        "/from/flag.db",
        "--socket",
        "/from/flag.sock",
        "--lang",
        "fr",
    ]);
    let by_flag = shown(&run_in(d, &env, &flags));
    assert_eq!(by_flag["db"], "/from/flag.db");
    assert_eq!(by_flag["socket"], "/from/flag.sock");
    assert_eq!(by_flag["lang"], "fr");
    // The file's language is the one people read, where neither flag nor environment says.
    let out = run_in(d, &[], &["config", "check"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("est valide"), "{said}");
}

#[test]
fn the_file_is_found_by_flag_then_environment_then_the_config_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let home = write_config(d, "lang = \"fr\"\n");
    let path = |out: Output| String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(
        path(run_in(d, &[], &["config", "path"])),
        home.display().to_string()
    );
    let other = d.join("other.toml");
    std::fs::write(&other, "lang = \"en\"\n").expect("write");
    let by_env = [("SELFSERVE_CONFIG", other.to_str().expect("utf-8"))];
    assert_eq!(
        path(run_in(d, &by_env, &["config", "path"])),
        other.display().to_string()
    );
    assert_eq!(
        shown(&run_in(d, &by_env, &["config", "show", "--json"]))["lang"],
        "en"
    );
    let flag = d.join("flag.toml");
    let out = run_in(
        d,
        &by_env,
        &["config", "path", "--config", flag.to_str().expect("utf-8")],
    );
    assert_eq!(path(out), flag.display().to_string());
    // A file named by the flag or the environment must exist; the default one need not.
    let out = run_in(
        d,
        &[],
        &["config", "check", "--config", flag.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(2));
    let empty = tempfile::tempdir().expect("temp dir");
    let out = run_in(empty.path(), &[], &["config", "check"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("the defaults are in force"));
}

#[test]
fn the_file_gives_the_database_to_every_command() {
    let env = Env::demo();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = env.db.to_str().expect("utf-8").replace('\\', "\\\\");
    write_config(dir.path(), &format!("db = \"{db}\"\n"));
    let out = run_in(dir.path(), &[], &["product", "list", "--json"]);
    let rows = shown(&out);
    assert_eq!(rows.as_array().map(Vec::len), Some(17));
}

/// Each bad file: (its text, the line, the key the error names).
const BAD: &[(&str, usize, &str)] = &[
    ("colour = \"red\"\n", 1, "colour"),
    ("lang = \"fr\"\ndb = 3\n", 2, "db"),
    ("lang = \"de\"\n", 1, "lang"),
    (
        "[theme]\nselection = \"blue\"\nborder = \"red\"\n",
        3,
        "theme.border",
    ),
    ("[theme]\nselection = \"bleu\"\n", 2, "theme.selection"),
    ("[keys]\nexplode = \"x\"\n", 2, "keys.explode"),
    ("[keys]\ncancel = \"zz\"\n", 2, "keys.cancel"),
    ("[keys]\ncancel = \"m\"\n", 2, "keys.cancel"),
    ("[keys]\ncancel = []\n", 2, "keys.cancel"),
    ("[keys]\ncancel = 3\n", 2, "keys.cancel"),
    (
        "[mail]\nhost = \"smtp.example\"\nsecurity = \"ssl\"\n",
        3,
        "mail.security",
    ),
    (
        "[mail]\nhost = \"smtp.example\"\nport = 70000\n",
        3,
        "mail.port",
    ),
    (
        "[mail]\nhost = \"smtp.example\"\nport = \"x\"\n",
        3,
        "mail.port",
    ),
    (
        "[mail]\nhost = \"smtp.example\"\nrelay = \"x\"\n",
        3,
        "mail.relay",
    ),
    ("[mail]\nhost = \"\"\n", 2, "mail.host"),
    (
        "[mail]\nhost = \"h\"\nuser = \"u\"\npassword_file = \"/p\"\npassword_env = \"P\"\n",
        5,
        "mail.password_env",
    ),
    ("[mail]\nhost = \"h\"\nuser = \"u\"\n", 3, "mail.user"),
    (
        "[mail]\nhost = \"h\"\npassword_env = \"P\"\n",
        3,
        "mail.password_env",
    ),
    ("[mail]\nhost = \"h\"\nca_file = 3\n", 3, "mail.ca_file"),
    ("[ui]\nmouse = \"yes\"\n", 2, "ui.mouse"),
    ("[ui]\nmouse = true\nscroll = 3\n", 3, "ui.scroll"),
];

#[test]
fn each_bad_file_is_one_line_naming_file_line_and_key_and_exit_2() {
    let env = Env::demo();
    let before = env.json(ADMIN, &["policy", "get", "CFQ7TTC0H9MP"]);
    for (text, line, key) in BAD {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = write_config(dir.path(), text);
        // Any command, a write included, stops at the file; so does `config check`.
        for args in [
            &["config", "check"][..],
            &["policy", "set", "CFQ7TTC0H9MP", "Disabled"][..],
        ] {
            let mut c = env.cmd(ADMIN, args);
            let out = c
                .env("XDG_CONFIG_HOME", dir.path().join("config"))
                .output()
                .expect("run");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{text:?}: {err}");
            assert_eq!(err.lines().count(), 1, "{text:?}: {err}");
            let want = format!("{}, line {line}, {key}: ", file.display());
            assert!(
                err.starts_with(&format!("selfserve: {want}")),
                "{text:?}: {err}"
            );
            assert!(out.stdout.is_empty(), "{text:?}");
        }
    }
    // Not TOML at all: the line, without a key.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write_config(dir.path(), "lang = \"fr\"\n[keys\n");
    let out = run_in(dir.path(), &[], &["config", "check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("selfserve: {}, line 2: ", file.display())),
        "{err}"
    );
    assert_eq!(
        env.json(ADMIN, &["policy", "get", "CFQ7TTC0H9MP"]),
        before,
        "nothing changed"
    );
}

#[test]
fn a_bad_file_speaks_the_readers_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_config(dir.path(), "[theme]\nselection = \"bleu\"\n");
    let out = run_in(
        dir.path(),
        &[("SELFSERVE_LANG", "fr")],
        &["config", "check"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(", ligne 2, theme.selection : ce n'est pas une couleur"),
        "{err}"
    );
}

#[test]
fn show_writes_a_file_that_reads_back_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write_config(
        d,
        "[theme]\nselection = \"blue\"\n[keys]\ncancel = [\"x\", \"ctrl-x\"]\n\
         [mail]\nhost = \"smtp.example\"\nuser = \"selfserve\"\npassword_env = \"SMTP_PASSWORD\"\n\
         [ui]\nmouse = true\n",
    );
    let out = run_in(d, &[], &["config", "show"]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(text.contains("[ui]\nmouse = true"), "{text}");
    assert!(text.contains("selection = \"blue\""), "{text}");
    assert!(text.contains("cancel = [\"x\", \"ctrl-x\"]"), "{text}");
    assert!(
        text.contains("port = 587"),
        "the default port of starttls: {text}"
    );
    // What it printed is itself a valid config file, giving the same settings.
    let again = tempfile::tempdir().expect("temp dir");
    write_config(again.path(), &text);
    let out2 = run_in(again.path(), &[], &["config", "show"]);
    let strip = |t: &str| t.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(strip(&String::from_utf8_lossy(&out2.stdout)), strip(&text));
}
