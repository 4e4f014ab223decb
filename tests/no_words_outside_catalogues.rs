//! Every sentence a person reads comes from the catalogues (assets/i18n), so it exists in
//! French and in English. This scans the front ends' source for string literals that look like
//! words for people and fails on any that is not on the allow-list of machine output
//! (tests/literals_allowed.txt: JSON names, CSV headers, PowerShell names, key names…).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SCANNED: &[&str] = &["src/main.rs", "src/cli", "src/tui", "crates/server/src"];
/// Test code says what it likes.
const SKIPPED: &[&str] = &["src/tui/tests"];

#[test]
fn no_sentence_for_people_is_left_outside_the_catalogues() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let allowed = allow_list(&root.join("tests/literals_allowed.txt"));
    let mut found = BTreeSet::new();
    for start in SCANNED {
        for file in rust_files(&root.join(start)) {
            let relative = file.strip_prefix(root).expect("under the root");
            let relative = relative.to_string_lossy().replace('\\', "/");
            if SKIPPED.iter().any(|s| relative.starts_with(s)) {
                continue;
            }
            let source = std::fs::read_to_string(&file).expect("source");
            for literal in human_literals(&source) {
                found.insert(format!("{relative}: {literal}").trim_end().to_string());
            }
        }
    }
    let new: Vec<&String> = found.iter().filter(|f| !allowed.contains(*f)).collect();
    assert!(
        new.is_empty(),
        "words for people outside assets/i18n (move them into the catalogues, or add the line \
         to tests/literals_allowed.txt if it is machine output):\n{}",
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let stale: Vec<&String> = allowed.iter().filter(|a| !found.contains(*a)).collect();
    assert!(
        stale.is_empty(),
        "tests/literals_allowed.txt names literals that are gone; remove these lines:\n{}",
        stale
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_scanner_sees_a_sentence_and_lets_machine_names_through() {
    let source = r#"
        let a = "Moved 3 users";
        let b = "user_principal_name";
        let c = format!("{} of {}", x, y);
        let f = format!("{name} <{upn}> {:%Y-%m-%d}", at);
        // "a comment is not shown"
        #[arg(value_name = "PATH")]
        let d = "Exported";
        let e = "en";
        #[cfg(test)]
        mod tests { const S: &str = "test words are fine"; }
    "#;
    assert_eq!(
        human_literals(source),
        vec!["Moved 3 users", "{} of {}", "Exported"]
    );
}

fn allow_list(path: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).expect("source directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The string literals of `source` that read as words for people: two words with a space or
/// punctuation between them, or one capitalised word. Comments, attributes and the test
/// module at the end of a file are skipped.
fn human_literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") || code.starts_with("#[") {
            continue;
        }
        out.extend(literals(code).into_iter().filter(|l| reads_as_words(l)));
    }
    out
}

/// The contents of the "…" literals on one line (escapes kept as written).
fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'/') {
            break;
        }
        // A char literal such as '"' is not the start of a string.
        if c == '\'' {
            let rest: String = chars.clone().take(3).collect();
            if rest.starts_with("\"'") || rest.starts_with("\\\"'") {
                chars.nth(if rest.starts_with('"') { 1 } else { 2 });
                continue;
            }
        }
        if c == '"' && previous != '\'' {
            let mut literal = String::new();
            let mut escaped = false;
            for c in chars.by_ref() {
                if escaped {
                    literal.push(c);
                    escaped = false;
                } else if c == '\\' {
                    literal.push(c);
                    escaped = true;
                } else if c == '"' {
                    break;
                } else {
                    literal.push(c);
                }
            }
            out.push(literal);
        }
        previous = c;
    }
    out
}

fn reads_as_words(literal: &str) -> bool {
    let literal = &without_placeholders(literal);
    let words: Vec<&str> = literal
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    match words.as_slice() {
        [] => false,
        _ if literal.contains(' ') => true,
        // One capitalised word ("Exported"); names joined by '_', '-', '.', '/' or ':' are
        // keys, ids and paths.
        [one] => {
            let mut chars = one.chars();
            let capitalised =
                chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
            capitalised && !literal.contains(['_', '-', '.', '/', ':'])
        }
        _ => false,
    }
}

/// `literal` without its format placeholders (`{name}`, `{:>8}`) and strftime fields (`%Y`):
/// their names are code, not words.
fn without_placeholders(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len());
    let mut depth = 0usize;
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '%' if depth == 0 => {
                chars.next();
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}
