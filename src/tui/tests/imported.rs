//! A tenant `init` made and the imports filled (issue 12, point 8): the dashboard shows it like
//! the demo, without the DEMO label, and its audit screen lists the imports.

use super::{snap, Harness, NOW};
use crate::i18n::Lang;
use selfserve_core::api::{Request, SessionInfo};
use selfserve_core::import::{import, ImportFile, ImportKind, ImportOptions};
use selfserve_core::init::{create_tenant, InitOptions};
use selfserve_core::model::Cloud;
use selfserve_core::Store;
use selfserve_server::Client;
use std::sync::Arc;

fn fixture(name: &str) -> ImportFile {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    ImportFile {
        name: name.into(),
        bytes: std::fs::read(path).expect("fixture"),
    }
}

/// Fabrikam, made by `init` and the users, subscriptions and assignments fixtures, on screen.
fn imported(lang: Lang) -> Harness {
    let now = selfserve_core::clock::parse_now(NOW).expect("clock");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tenant.db");
    let options = InitOptions {
        tenant: "Fabrikam".into(),
        cloud: Cloud::Global,
        currency: "EUR".into(),
        agreement: false,
        admin_upn: "adele.vance@fabrikam.example".into(),
        login: "admin".into(),
        now,
        force: false,
        lang: Lang::En,
    };
    create_tenant(&path, &options).expect("init");
    let store = Store::open(&path).expect("open");
    let actor = store.actor("admin").expect("actor");
    for (kind, file) in [
        (ImportKind::Policies, "policies-ps7.csv"),
        (ImportKind::Users, "users-en.csv"),
        (ImportKind::Subscriptions, "subscriptions-graph.json"),
        (ImportKind::Assignments, "assignments.csv"),
    ] {
        let options = ImportOptions {
            dry_run: false,
            prune: false,
        };
        import(&store, &actor, kind, &fixture(file), None, options, now).expect(file);
    }
    // The session as the dashboard builds it from the core's answer.
    let store = Arc::new(store);
    let client = Client::in_process(store.clone(), actor.clone());
    let info: SessionInfo = client.ask(Request::Session).expect("session");
    drop(client);
    let store = Arc::try_unwrap(store).unwrap_or_else(|_| panic!("the store is ours again"));
    let options = crate::tui::Options {
        lang,
        ..crate::tui::Options::default()
    };
    let mut session = crate::tui::session(
        &info,
        "/home/admin/.local/share/selfserve/fabrikam.db".into(),
        options,
        now,
    );
    // The terminal's own settings (NO_COLOR, the locale) stay out of the pictures.
    session.theme = crate::tui::theme::Theme {
        color: false,
        ascii: false,
        transliterate: false,
        palette: crate::tui::theme::Palette::default(),
    };
    let app = super::super::app::App::new(session, (80, 24), "2026-11-23 12:00 UTC".into());
    Harness::over(dir, store, actor, app)
}

#[test]
fn an_imported_tenant_has_no_demo_label_and_its_audit_lists_the_imports() {
    let mut h = imported(Lang::En);
    let screen = h.render();
    assert!(!screen.contains("DEMO"), "{screen}");
    assert!(screen.contains("Power BI Pro"), "{screen}");
    h.keys("5");
    let audit = h.render();
    for action in [
        "import.assignments",
        "import.subscriptions",
        "import.users",
        "import.policies",
        "tenant.init",
    ] {
        assert!(audit.contains(action), "{action}: {audit}");
    }
    snap(&mut h, "imported_audit");
    h.keys("1");
    snap(&mut h, "imported_products");
}

#[test]
fn an_imported_tenant_in_french() {
    let mut h = imported(Lang::Fr);
    assert!(!h.render().contains("DÉMO"));
    h.keys("5");
    snap(&mut h, "imported_audit_fr");
}
