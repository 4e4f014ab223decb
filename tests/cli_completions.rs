//! `selfserve completions SHELL` and `selfserve man`: generated from the clap command that
//! parses the arguments, with the catalogue's help texts.

mod common;

use common::bin;
use std::io::Write;
use std::process::{Command, Stdio};

fn stdout_of(args: &[&str]) -> String {
    let out = bin().args(args).output().expect("run selfserve");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn bash_completions_load_and_complete_subcommands() {
    let exe = env!("CARGO_BIN_EXE_selfserve");
    // Every test machine has bash (CI runs .ci/run with it).
    let script = format!(
        "source <('{exe}' completions bash) && complete -p selfserve && \
         COMP_WORDS=(selfserve con) COMP_CWORD=1 && _selfserve selfserve con selfserve && \
         printf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("selfserve-no-config"),
        )
        .output()
        .expect("bash");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("complete -o bashdefault -o default -o nosort -F _selfserve selfserve"),
        "{said}"
    );
    // `con` completes to the two commands that start so.
    assert!(said.lines().any(|l| l == "config"), "{said}");
    assert!(said.lines().any(|l| l == "connect"), "{said}");
}

#[test]
fn each_shell_gets_its_completions_with_the_catalogues_help() {
    let zsh = stdout_of(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef selfserve"), "{zsh}");
    assert!(
        zsh.contains("Print the manual page"),
        "help texts come along"
    );
    let fish = stdout_of(&["completions", "fish"]);
    assert!(fish.contains("complete -c selfserve"), "{fish}");
    let fr = stdout_of(&["completions", "fish", "--lang", "fr"]);
    assert!(
        fr.contains("Afficher la page de manuel"),
        "in the reader's language"
    );
    let ps = stdout_of(&["completions", "powershell"]);
    assert!(ps.contains("Register-ArgumentCompleter"), "{ps}");
    let out = bin().args(["completions", "tcsh"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_is_roff_that_groff_reads_without_a_warning() {
    let page = stdout_of(&["man"]);
    assert!(
        page.lines().any(|l| l.starts_with(".TH selfserve 1")),
        "{page}"
    );
    assert!(page.contains(".SH NAME\nselfserve \\- "), "{page}");
    for section in [".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "{section}");
    }
    assert!(
        page.contains("selfserve\\-completions"),
        "the subcommands are listed"
    );
    if !have("groff") {
        // .ci/run installs groff-base; elsewhere the checks above are what can be said.
        eprintln!("groff is not installed: the page was checked as text only");
        return;
    }
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff");
    groff
        .stdin
        .take()
        .expect("stdin")
        .write_all(page.as_bytes())
        .expect("feed groff");
    let out = groff.wait_with_output().expect("groff");
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && warnings.is_empty(), "{warnings}");
}
