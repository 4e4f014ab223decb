//! `demo --force` over an existing tenant (issue 17, point 1): a GlobalAdministrator's act, the
//! old database locked for the whole run, and only the database's own files replaced. `demo` is
//! local only and a server would hold the database, so these never run through one.

mod common;

use common::*;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

fn subscriptions(env: &Env) -> serde_json::Value {
    env.json(ADMIN, &["subscription", "list"])
}

/// Names in `dir` that a replacement or creation made and should have removed.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(".selfserve-") || n.contains(".building-") || n.contains(".replaced-")
        })
        .collect()
}

#[test]
fn only_a_global_administrator_replaces_the_tenant() {
    let env = Env::demo_in_process();
    let before = subscriptions(&env);
    for login in [READER, BILLING, "stranger"] {
        let out = env.run(login, &["demo", "--force", "--seed", "7"]);
        let err = assert_fails(&out, 3);
        if login != "stranger" {
            assert!(err.contains("global administrator"), "{login}: {err}");
        }
        assert_eq!(subscriptions(&env), before, "{login} changed nothing");
        assert_eq!(leftovers(&env.db), Vec::<String>::new(), "{login}");
        assert_eq!(leftovers(env.dir.path()), Vec::<String>::new(), "{login}");
    }
    // The GlobalAdministrator may, and the seed shows it was replaced.
    let out = env.run(ADMIN, &["demo", "--force", "--seed", "7"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_ne!(subscriptions(&env), before);
}

#[test]
fn replacing_keeps_every_file_that_is_not_the_databases() {
    let env = Env::demo_in_process();
    std::fs::write(env.db.join("notes.txt"), "mine").expect("notes");
    std::fs::create_dir(env.db.join("keep")).expect("keep dir");
    std::fs::write(env.db.join("keep").join("db"), "not sled's").expect("keep/db");
    let before = subscriptions(&env);

    let out = env.run(ADMIN, &["demo", "--force", "--seed", "7"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_ne!(subscriptions(&env), before, "replaced");
    assert_eq!(
        std::fs::read_to_string(env.db.join("notes.txt"))
            .ok()
            .as_deref(),
        Some("mine")
    );
    assert_eq!(
        std::fs::read_to_string(env.db.join("keep").join("db"))
            .ok()
            .as_deref(),
        Some("not sled's")
    );
    assert_eq!(leftovers(&env.db), Vec::<String>::new());
    assert_eq!(leftovers(env.dir.path()), Vec::<String>::new());
    let check = env.run(ADMIN, &["check"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
}

/// While the new tenant is built, the old one cannot be opened: a change made there would
/// vanish with it.
#[test]
fn the_old_tenant_stays_locked_while_the_new_one_is_built() {
    let env = Env::demo_in_process();
    let mut demo = env
        .cmd(
            ADMIN,
            &["demo", "--force", "--users", "20000", "--seed", "7"],
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn demo");
    // The build has begun once its staging directory exists (beside the database on old
    // versions, inside it now).
    let started = Instant::now();
    while leftovers(&env.db).is_empty() && leftovers(env.dir.path()).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the build never began"
        );
        assert!(demo.try_wait().expect("demo").is_none(), "demo ended early");
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = env.run(ADMIN, &["policy", "set", "CFQ7TTC0H9MP", "Disabled"]);
    let still_building = demo.try_wait().expect("demo").is_none();
    assert!(still_building, "the build ended too soon to tell");
    let err = assert_fails(&out, 5);
    assert!(err.contains("in use"), "{err}");

    let status = demo.wait().expect("demo");
    assert!(status.success());
    let policy = env.json(ADMIN, &["policy", "get", "CFQ7TTC0H9MP"]);
    assert_eq!(policy["PolicyValue"], "Enabled", "{policy}");
    assert_eq!(leftovers(&env.db), Vec::<String>::new());
}
