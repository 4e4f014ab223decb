//! Hostile command lines (issue 17, points 3 and 8): each gets its exit code (SPEC §3), exactly
//! one line on stderr, nothing on stdout, no raw escape, control character or bidi override on
//! either, and no change to the tenant. Then what reaches a terminal from data: error lines
//! quoting hostile names, `--json` with C1 controls and bidi overrides escaped, `check` naming
//! damaged keys, and `user export` at a terminal cleaned while a pipe gets the data as it is.

mod common;

use common::*;
use std::ffi::OsString;
use std::io::Read;
use std::os::unix::ffi::OsStringExt;
use std::process::Output;

/// What no byte written for a terminal may hold: C0 controls but the line break, DEL, C1
/// controls and the bidi overrides, isolates and marks (and text that is not UTF-8).
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text =
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8 ({e}): {bytes:?}"));
    if let Some(c) = text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    }) {
        panic!("{what}: raw {c:?} reached the terminal: {text:?}");
    }
}

fn os(text: &str) -> OsString {
    OsString::from(text)
}

/// One hostile command line and the exit code it must get.
struct Case {
    name: &'static str,
    args: Vec<OsString>,
    env: Vec<(&'static str, OsString)>,
    code: i32,
}

fn case(name: &'static str, code: i32, args: &[&str]) -> Case {
    Case {
        name,
        args: args.iter().map(|a| os(a)).collect(),
        env: Vec::new(),
        code,
    }
}

fn with_env(mut c: Case, name: &'static str, value: OsString) -> Case {
    c.env.push((name, value));
    c
}

fn with_arg(mut c: Case, at: usize, arg: OsString) -> Case {
    c.args.insert(at, arg);
    c
}

/// The table. `sub` is a subscription of the demo tenant; `missing` a path with no database.
fn cases(sub: &str, missing: &str) -> Vec<Case> {
    let long = "a".repeat(128 * 1024 - 1); // the kernel's longest argument, its NUL included
    let osc52 = "u\u{1b}]52;c;aGk=\u{7}@contoso.example";
    let osc8 = format!("{missing}\u{1b}]8;;http://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\");
    let visio = "CFQ7TTC0HD32";
    vec![
        // Empty arguments.
        case("empty subcommand", 2, &[""]),
        case("empty subscription id", 2, &["subscription", "show", ""]),
        case("empty time", 2, &["--now", "", "product", "list"]),
        case("empty --db", 2, &["--db", "", "product", "list"]),
        case("empty --output", 2, &["user", "export", "--output", ""]),
        case(
            "empty UPN",
            4,
            &["storefront", "trial", "--user", "", visio, "--card", "4242"],
        ),
        // 128 KB arguments.
        case(
            "128 KB subscription id",
            2,
            &["subscription", "show", &long],
        ),
        case("128 KB product", 4, &["policy", "get", &long]),
        case(
            "128 KB UPN",
            4,
            &["license", "assign", sub, &long, "--dry-run"],
        ),
        case("128 KB subcommand", 2, &[&long]),
        // Control characters and escape sequences.
        case(
            "CR and BEL in an id",
            2,
            &["subscription", "show", "ab\rcd\u{7}"],
        ),
        case(
            "OSC 52 in a UPN",
            4,
            &["license", "assign", sub, osc52, "--dry-run"],
        ),
        case("CSI in a product", 4, &["policy", "get", "\u{1b}[2J"]),
        case(
            "C1 CSI in a UPN",
            4,
            &[
                "storefront",
                "purchase",
                "--user",
                "\u{9b}31m",
                visio,
                "--quantity",
                "1",
                "--card",
                "4242",
            ],
        ),
        case("OSC 8 link in --db", 4, &["--db", &osc8, "product", "list"]),
        case("escape in a subcommand", 2, &["\u{1b}]0;owned\u{7}"]),
        case(
            "escape in a policy value",
            2,
            &["policy", "set", visio, "\u{1b}]52;c;aGk=\u{7}"],
        ),
        case(
            "escape in a card",
            2,
            &[
                "storefront",
                "purchase",
                "--user",
                "mallory.tables@contoso.example",
                visio,
                "--quantity",
                "1",
                "--card",
                "\u{1b}[31m",
            ],
        ),
        case(
            "bidi override in a reason",
            2,
            &[
                "subscription",
                "cancel",
                sub,
                "--reason",
                "other\u{202e}",
                "--dry-run",
            ],
        ),
        case(
            "escape in a login to bind",
            2,
            &[
                "admin",
                "add",
                "mallory.tables@contoso.example",
                "--role",
                "GlobalReader",
                "--login",
                "b\u{1b}[31mob",
            ],
        ),
        case(
            "escape in a role",
            2,
            &[
                "admin",
                "add",
                "mallory.tables@contoso.example",
                "--role",
                "\u{1b}[5mGod",
                "--login",
                "bob",
            ],
        ),
        with_env(
            case("escape in SELFSERVE_USER", 2, &["product", "list"]),
            "SELFSERVE_USER",
            os("ev\u{1b}[31mil\u{7}"),
        ),
        with_env(
            case("C1 in SELFSERVE_USER", 2, &["product", "list"]),
            "SELFSERVE_USER",
            os("x\u{9d}52;c;aGk=\u{9c}"),
        ),
        with_env(
            case("escape in SELFSERVE_NOW", 2, &["product", "list"]),
            "SELFSERVE_NOW",
            os("\u{1b}[31m"),
        ),
        // Invalid UTF-8, through OsString.
        with_arg(
            case("invalid UTF-8 id", 2, &["subscription", "show"]),
            2,
            OsString::from_vec(vec![0xff, 0xfe]),
        ),
        with_arg(
            case("invalid UTF-8 subcommand", 2, &[]),
            0,
            OsString::from_vec(vec![b'p', 0xc3, 0x28]),
        ),
        with_arg(
            case("invalid UTF-8 --db", 4, &["--db", "product", "list"]),
            1,
            OsString::from_vec([missing.as_bytes(), &[0xff, 0x1b, b'[', b'2', b'J']].concat()),
        ),
        with_env(
            case("invalid UTF-8 SELFSERVE_USER", 2, &["product", "list"]),
            "SELFSERVE_USER",
            OsString::from_vec(vec![0xff]),
        ),
        // Huge and negative numbers.
        case(
            "quantity past u64",
            2,
            &[
                "subscription",
                "buy",
                visio,
                "--quantity",
                "99999999999999999999",
            ],
        ),
        case(
            "quantity u32::MAX",
            2,
            &[
                "subscription",
                "buy",
                visio,
                "--quantity",
                "4294967295",
                "--dry-run",
            ],
        ),
        case(
            "quantity zero",
            2,
            &["subscription", "buy", visio, "--quantity", "0"],
        ),
        case(
            "negative quantity",
            2,
            &["subscription", "buy", visio, "--quantity", "-1"],
        ),
        case(
            "more licenses than can be",
            2,
            &[
                "subscription",
                "add-licenses",
                sub,
                "--quantity",
                "18446744073709551615",
            ],
        ),
        case(
            "users past usize",
            2,
            &["demo", "--users", "18446744073709551616", "--force"],
        ),
        case("negative users", 2, &["demo", "--users", "-5", "--force"]),
        case(
            "too many users",
            2,
            &["demo", "--users", "4000000000", "--force"],
        ),
        case(
            "seed past u64",
            2,
            &["demo", "--seed", "18446744073709551616", "--force"],
        ),
        case(
            "e-mail u64::MAX",
            4,
            &["outbox", "show", "18446744073709551615"],
        ),
        case("negative e-mail", 2, &["outbox", "show", "-1"]),
        // Bad dates.
        case(
            "year +262142",
            2,
            &["--now", "+262142-12-31", "product", "list"],
        ),
        case(
            "demo at year +262142",
            2,
            &["--now", "+262142-12-31", "demo", "--force"],
        ),
        case(
            "year -262143",
            2,
            &["--now", "-262143-01-01", "subscription", "list"],
        ),
        case(
            "year 10000",
            2,
            &["--now", "10000-01-01", "product", "list"],
        ),
        case(
            "before 1970",
            2,
            &["--now", "1969-12-31T23:59:59Z", "product", "list"],
        ),
        case(
            "February 30",
            2,
            &["--now", "2026-02-30", "product", "list"],
        ),
        case(
            "hour 25",
            2,
            &["--now", "2026-11-23T25:00:00Z", "product", "list"],
        ),
        case(
            "until year +262142",
            2,
            &["lifecycle", "run", "--until", "+262142-12-31"],
        ),
        case(
            "until garbage",
            2,
            &["lifecycle", "run", "--until", "\u{1b}[31mtomorrow"],
        ),
        // Odd paths.
        case("--db missing", 4, &["--db", missing, "product", "list"]),
        // Not a directory: a database problem, not a missing one (issue 17).
        case(
            "--db /dev/null",
            5,
            &["--db", "/dev/null", "product", "list"],
        ),
        case(
            "--db with a line break",
            4,
            &[
                "--db",
                &format!("{missing}\nselfserve: fake"),
                "product",
                "list",
            ],
        ),
        // A target the export refuses to replace: refused, like a link or a foreign pipe.
        case("export to /", 1, &["user", "export", "--output", "/"]),
        case(
            "export into a missing directory",
            1,
            &["user", "export", "--output", &format!("{missing}/out.csv")],
        ),
        case(
            "unknown language",
            2,
            &["--lang", "\u{1b}[31mxx", "product", "list"],
        ),
    ]
}

/// Subscriptions and audit events as the tenant holds them.
fn state(env: &Env) -> (serde_json::Value, usize) {
    let subs = env.json(ADMIN, &["subscription", "list"]);
    let audit = env.json(ADMIN, &["audit", "list"]);
    (subs, audit.as_array().map_or(0, Vec::len))
}

#[test]
fn hostile_command_lines_get_one_clean_line_their_exit_code_and_change_nothing() {
    let env = Env::demo();
    let before = state(&env);
    let sub = before.0[0]["id"].as_str().expect("an id").to_string();
    let missing = env.dir.path().join("nothing-here").display().to_string();
    let table = cases(&sub, &missing);
    let mut failures = Vec::new();
    for case in &table {
        let mut cmd = env.cmd(ADMIN, &[]);
        cmd.args(&case.args);
        for (name, value) in &case.env {
            cmd.env(name, value);
        }
        let out: Output = cmd.output().expect("run selfserve");
        let err = stderr(&out);
        let ok =
            code(&out) == case.code && err.trim_end().lines().count() == 1 && out.stdout.is_empty();
        if !ok {
            failures.push(format!(
                "{}: exit {} (want {}), stdout {:?}, stderr {err:?}",
                case.name,
                code(&out),
                case.code,
                stdout(&out)
            ));
        }
        assert_terminal_safe(case.name, &out.stdout);
        assert_terminal_safe(case.name, &out.stderr);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        state(&env),
        before,
        "a hostile command line changed the tenant"
    );
    // Nothing was made beside the database: no staging directory, no export, no --db.
    let mut beside: Vec<String> = std::fs::read_dir(env.dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| {
            !name.starts_with("tenant.db") && !name.ends_with(".sock") && name != "state"
        })
        .collect();
    beside.sort();
    assert!(beside.is_empty(), "left beside the database: {beside:?}");
}

/// What is in `dir`, leaving out the test's own state home (`state/`, where commands log).
fn made_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "state"))
        .collect()
}

#[test]
fn a_date_out_of_range_creates_nothing_and_replaces_nothing() {
    let env = Env::empty();
    for now in ["+262142-12-31", "-262143-01-01", "10000-01-01"] {
        let out = env.run(ADMIN, &["--now", now, "demo"]);
        assert_fails(&out, 2);
        let left = made_in(env.dir.path());
        assert!(left.is_empty(), "{now}: {left:?}");
    }
    // The edges themselves are dates a demo can be built at.
    let out = env.run(
        ADMIN,
        &["--now", "9999-12-31T23:59:59Z", "demo", "--users", "10"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = env.run(ADMIN, &["--now", "9999-12-31T23:59:59Z", "check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn the_demo_stores_no_login_that_admin_add_refuses() {
    let env = Env::empty();
    for login in [
        "ev\u{1b}[31mil\u{7}",
        "x\u{9d}52;c;aGk=\u{9c}",
        "a b",
        "\u{202e}nimda",
    ] {
        let err = assert_fails(&env.run(login, &["demo"]), 2);
        assert!(err.contains("is not a login name"), "{err}");
        assert_terminal_safe(login, err.as_bytes());
        let left = made_in(env.dir.path());
        assert!(left.is_empty(), "{login:?}: {left:?}");
    }
}

/// Mallory's display name as a hostile directory would hold it: CSI, OSC 52 as C1 codes, CR,
/// NEL and a right-to-left override.
const HOSTILE_NAME: &str =
    "Mallory \u{1b}[31mRed\u{9d}52;c;aGk=\u{9c}\r\u{85}Tables\u{202e}lmth.exe";

/// Rewrites Mallory's display name in the database, as a hostile import would leave it.
fn plant_hostile_name(env: &Env) {
    use selfserve_core::model::User;
    let db = sled::open(&env.db).expect("open");
    let users = db.open_tree("users").expect("users");
    for entry in users.iter() {
        let (key, value) = entry.expect("read");
        let mut user: User = postcard::from_bytes(&value).expect("a user");
        if user.upn == "mallory.tables@contoso.example" {
            user.display_name = HOSTILE_NAME.to_string();
            users
                .insert(key, postcard::to_allocvec(&user).expect("encode"))
                .expect("write");
            db.flush().expect("flush");
            return;
        }
    }
    panic!("no Mallory in the demo");
}

/// Runs `args` in a pseudo-terminal and returns all it wrote, raw, and its exit code.
fn at_terminal(env: &Env, args: &[&str]) -> (Vec<u8>, u32) {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_selfserve"));
    cmd.args(args);
    cmd.env("SELFSERVE_DB", &env.db);
    cmd.env("SELFSERVE_NOW", NOW);
    cmd.env("SELFSERVE_USER", ADMIN);
    cmd.env("LANG", "C.UTF-8");
    cmd.env_remove("LC_ALL");
    cmd.env_remove("SELFSERVE_LANG");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn selfserve");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let mut bytes = Vec::new();
    let mut buf = [0u8; 8192];
    // The read ends with EIO once the child has closed its side.
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&buf[..n]);
    }
    let status = child.wait().expect("wait");
    (bytes, status.exit_code())
}

/// The subscription Mallory holds a license of.
fn mallory_subscription(env: &Env) -> String {
    let rows = env.json(ADMIN, &["subscription", "list"]);
    for row in rows.as_array().expect("rows") {
        let id = row["id"].as_str().expect("id");
        let show = env.json(ADMIN, &["subscription", "show", id]);
        let holds = show["users"].as_array().is_some_and(|users| {
            users
                .iter()
                .any(|u| u["user_principal_name"] == "mallory.tables@contoso.example")
        });
        if holds {
            return id.to_string();
        }
    }
    panic!("Mallory holds no license");
}

#[test]
fn data_with_escapes_reaches_a_terminal_clean_and_a_pipe_whole() {
    // In-process: the test writes into the database itself.
    let env = Env::demo_in_process();
    plant_hostile_name(&env);
    let sub = mallory_subscription(&env);

    // --json: the same value, its C1 controls and the override escaped.
    let out = env.run(ADMIN, &["subscription", "show", &sub, "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_terminal_safe("--json", &out.stdout);
    let text = stdout(&out);
    assert!(
        text.contains(r"\u009d52;c;aGk=\u009c") && text.contains(r"\u202e"),
        "{text}"
    );
    let shown: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let names: Vec<&str> = shown["users"]
        .as_array()
        .expect("users")
        .iter()
        .filter_map(|u| u["display_name"].as_str())
        .collect();
    assert!(names.contains(&HOSTILE_NAME), "{names:?}");

    // Human output and error lines quoting the name.
    let out = env.run(ADMIN, &["subscription", "show", &sub]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_terminal_safe("subscription show", &out.stdout);
    assert!(
        stdout(&out).contains("Mallory RedTableslmth.exe"),
        "{}",
        stdout(&out)
    );

    // The CSV: whole through a pipe, clean at a terminal.
    let out = env.run(ADMIN, &["user", "export", "--subscription", &sub]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains(HOSTILE_NAME),
        "a pipe gets the data as it is"
    );
    let (bytes, exit) = at_terminal(&env, &["user", "export", "--subscription", &sub]);
    assert_eq!(exit, 0, "{}", String::from_utf8_lossy(&bytes));
    // The pty turns each line break into CR LF: those are the terminal's, not the data's.
    let text = String::from_utf8(bytes)
        .expect("UTF-8")
        .replace("\r\n", "\n");
    assert_terminal_safe("user export at a terminal", text.as_bytes());
    assert!(text.contains("Mallory RedTableslmth.exe"), "{text}");

    // --json at a terminal too (indented there).
    let (bytes, exit) = at_terminal(&env, &["subscription", "show", &sub, "--json"]);
    assert_eq!(exit, 0);
    let text = String::from_utf8(bytes)
        .expect("UTF-8")
        .replace("\r\n", "\n");
    assert_terminal_safe("--json at a terminal", text.as_bytes());
}

#[test]
fn check_names_damaged_keys_without_their_escapes() {
    // In-process: the test damages the database itself.
    let env = Env::demo_in_process();
    {
        let db = sled::open(&env.db).expect("open");
        let by_upn = db.open_tree("users_by_upn").expect("tree");
        by_upn
            .insert(
                "\u{1b}]0;owned\u{7}\u{1b}[2J\r\u{9b}31m@contoso.example".as_bytes(),
                &[0u8; 16][..],
            )
            .expect("insert");
        db.flush().expect("flush");
    }
    let out = env.run(ADMIN, &["check"]);
    assert_fails(&out, 1);
    assert!(!out.stdout.is_empty(), "check names the breach");
    assert_terminal_safe("check stdout", &out.stdout);
    assert_terminal_safe("check stderr", &out.stderr);
}
