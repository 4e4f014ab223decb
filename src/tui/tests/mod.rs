//! State tests (keys in, state out) and snapshots of every screen, on a real demo tenant in a
//! temporary directory, at the fixed clock and seed so the pictures do not move.

use super::action::{Action, Screen};
use super::app::Focus;
use super::dialogs::question::Question;
use super::driver::Driver;
use super::keymap;
use super::list::LoadState;
use super::rows::UserLine;
use super::session::Session;
use super::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use selfserve_core::demo::{create_demo, DemoOptions};
use selfserve_core::model::Role;
use selfserve_core::{Actor, Store};
use selfserve_server::Client;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

mod dialogs_fr;
mod french;
mod governance;
mod imported;
mod mouse;
mod outbox_send;
mod policy;
mod progress;
mod rebind;
mod screens_fr;
mod spend;
mod takeover;

const NOW: &str = "2026-11-23T12:00:00Z";

/// The headless driver on a demo tenant in a temporary directory.
struct Harness {
    dir: tempfile::TempDir,
    /// The store the dashboard's client shares, for tests to look inside.
    store: Arc<Store>,
    actor: Actor,
    driver: Driver,
}

impl Deref for Harness {
    type Target = Driver;
    fn deref(&self) -> &Driver {
        &self.driver
    }
}

impl DerefMut for Harness {
    fn deref_mut(&mut self) -> &mut Driver {
        &mut self.driver
    }
}

fn session(readonly: bool) -> Session {
    Session {
        upn: "adele.vance@contoso.example".into(),
        role: Role::GlobalAdministrator,
        tenant: "Contoso (demo)".into(),
        cloud: selfserve_core::model::Cloud::Global,
        demo: true,
        db: "/home/admin/.local/share/selfserve/tenant.db".into(),
        readonly,
        export_path: "selfserve-users-2026-11-23.csv".into(),
        theme: Theme {
            color: false,
            ascii: false,
            transliterate: false,
            palette: crate::tui::theme::Palette::default(),
        },
        keys: super::keymap::Rebound::default(),
        lang: crate::i18n::Lang::En,
        now: selfserve_core::clock::parse_now(NOW).expect("clock"),
        relay: None,
        mouse: false,
    }
}

impl Harness {
    fn new(w: u16, h: u16) -> Harness {
        Harness::with(w, h, false)
    }

    fn with(w: u16, h: u16, readonly: bool) -> Harness {
        Harness::with_session(w, h, session(readonly))
    }

    /// The dashboard in this language, otherwise as `new`.
    fn in_lang(w: u16, h: u16, lang: crate::i18n::Lang) -> Harness {
        Harness::with_session(
            w,
            h,
            Session {
                lang,
                ..session(false)
            },
        )
    }

    fn with_session(w: u16, h: u16, session: Session) -> Harness {
        let readonly = session.readonly;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("tenant.db");
        let options = DemoOptions {
            users: 250,
            seed: 42,
            now: selfserve_core::clock::parse_now(NOW).expect("clock"),
            login: "admin".into(),
            force: false,
        };
        create_demo(&path, &options, &mut |_| {}).expect("demo");
        let store = Store::open(&path).expect("open");
        let actor = store.actor("admin").expect("actor");
        let actor = if readonly { actor.read_only() } else { actor };
        let app = super::app::App::new(session, (w, h), "2026-11-23 12:00 UTC".into());
        Harness::over(dir, store, actor, app)
    }

    /// Drives `app` through an in-process client over `store`, and starts it.
    fn over(dir: tempfile::TempDir, store: Store, actor: Actor, app: super::app::App) -> Harness {
        let store = Arc::new(store);
        let client = Client::in_process(store.clone(), actor.clone());
        let driver = Driver::new(client, app).expect("driver");
        let mut h = Harness {
            dir,
            store,
            actor,
            driver,
        };
        h.start();
        h
    }

    /// Types keys: plain characters, and `<Enter>`, `<Esc>`, `<Tab>`, `<Down>`, `<Up>`,
    /// `<PgDn>`, `<End>`, `<Space>`, `<BS>`, `<C-c>` for the others. A key with no binding in
    /// the mode the app is in fails the test: a test types only what a user could.
    fn keys(&mut self, keys: &str) -> &mut Self {
        let mut rest = keys;
        while let Some(c) = rest.chars().next() {
            let (code, ctrl, len) = if c == '<' {
                let end = rest.find('>').expect("closing >");
                let code = match &rest[1..end] {
                    "Enter" => KeyCode::Enter,
                    "Esc" => KeyCode::Esc,
                    "Tab" => KeyCode::Tab,
                    "Down" => KeyCode::Down,
                    "Up" => KeyCode::Up,
                    "PgDn" => KeyCode::PageDown,
                    "End" => KeyCode::End,
                    "Space" => KeyCode::Char(' '),
                    "BS" => KeyCode::Backspace,
                    "C-c" => KeyCode::Char('c'),
                    other => panic!("unknown key {other}"),
                };
                (code, &rest[1..end] == "C-c", end + 1)
            } else {
                (KeyCode::Char(c), false, c.len_utf8())
            };
            rest = &rest[len..];
            let mods = if ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            if let Err(e) = self.driver.press(KeyEvent::new(code, mods)) {
                panic!("typing {keys:?}: {e}");
            }
        }
        self
    }

    /// Asserts that none of these characters has a binding in the mode the app is in.
    fn unbound(&mut self, keys: &str) -> &mut Self {
        for c in keys.chars() {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            assert!(
                self.driver.press(key).is_err(),
                "{c:?} has a binding in {:?}",
                self.app.mode()
            );
        }
        self
    }

    fn resize(&mut self, w: u16, h: u16) -> &mut Self {
        self.act(Action::Resize(w, h));
        self
    }
}

/// Every row of help, paged through with PgDn (help scrolls where the window is short).
fn whole_help(h: &mut Harness) -> String {
    let mut pages = vec![h.render()];
    loop {
        h.keys("<PgDn>");
        let page = h.render();
        if pages.last() == Some(&page) {
            return pages.concat();
        }
        pages.push(page);
    }
}

/// Both sizes the issue asks for.
fn snap(h: &mut Harness, name: &str) {
    h.resize(80, 24);
    insta::assert_snapshot!(format!("{name}_80x24"), h.render());
    h.resize(160, 48);
    insta::assert_snapshot!(format!("{name}_160x48"), h.render());
}

#[test]
fn products_load_move_and_filter() {
    let mut h = Harness::new(80, 24);
    assert_eq!(h.app.screen, Screen::Products);
    assert_eq!(h.app.products.state, LoadState::Ready);
    let all = h.app.products.list.len();
    assert_eq!(all, 17);
    h.keys("jjj");
    assert_eq!(h.app.products.list.cursor, 3);
    h.keys("G");
    assert_eq!(h.app.products.list.cursor, all - 1);
    h.keys("g<Down>");
    assert_eq!(h.app.products.list.cursor, 1);
    h.keys("f");
    assert!(h.app.self_service);
    assert!(h.app.products.list.len() <= all);
    assert!(h.app.products.list.shown().all(|p| p.subscriptions > 0));
    assert!(h.render().contains("filter on"));
    h.keys("f");
    assert!(!h.app.self_service);
    assert_eq!(h.app.products.list.len(), all);
}

#[test]
fn products_search_narrows_highlights_and_esc_clears() {
    let mut h = Harness::new(80, 24);
    h.keys("/POWER");
    assert!(h.app.searching);
    let n = h.app.products.list.len();
    assert!((3..17).contains(&n), "{n}");
    assert!(h
        .app
        .products
        .list
        .shown()
        .all(|p| p.name.contains("Power")));
    h.keys("<Enter>");
    assert!(!h.app.searching);
    assert_eq!(h.app.products.list.query(), "POWER");
    h.keys("<Esc>");
    assert_eq!(h.app.products.list.query(), "");
    assert_eq!(h.app.products.list.len(), 17);
    // Accents and case: "Visio" found as "VÍSIO".
    h.keys("/vísio<Esc>");
    assert_eq!(h.app.products.list.len(), 17, "Esc while typing clears");
    h.keys("/VÍSIO");
    assert_eq!(h.app.products.list.len(), 2);
}

#[test]
fn subscriptions_open_detail_users_and_back() {
    let mut h = Harness::new(80, 24);
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    assert_eq!(h.app.subs.state, LoadState::Ready);
    let product = h.app.products.list.selected().expect("product").id.clone();
    assert!(h.app.subs.list.shown().all(|s| s.product_id == product));
    assert!(!h.app.subs.list.is_empty());
    // The users pane follows the cursor.
    let first = h.app.subs.list.selected().expect("row").id;
    assert_eq!(h.app.users_for, vec![first]);
    h.keys("j");
    let second = h.app.subs.list.selected().expect("row").id;
    assert_eq!(h.app.users_for, vec![second]);
    let assigned = h.app.subs.list.selected().expect("row").assigned as usize;
    let users = h
        .app
        .users
        .list
        .shown()
        .filter(|l| matches!(l, UserLine::User(_)))
        .count();
    assert_eq!(users, assigned);
    h.keys("<Enter>");
    assert_eq!(h.app.focus, Focus::Users);
    h.keys("<Tab>");
    assert_eq!(h.app.focus, Focus::List);
    h.keys("<Tab><Esc>");
    assert_eq!(h.app.focus, Focus::List);
    h.keys("<Esc>");
    assert_eq!(h.app.screen, Screen::Products);
}

#[test]
fn subscriptions_search_by_buyer_ignores_accents() {
    let mut h = Harness::new(80, 24);
    h.keys("<Enter>");
    let accented = h
        .app
        .subs
        .list
        .shown()
        .filter_map(|r| r.buyer_name.clone())
        .find(|n| !n.is_ascii())
        .expect("an accented buyer");
    let plain: String = super::fold::fold(&accented).chars().take(6).collect();
    h.keys(&format!("/{}", plain.to_uppercase()));
    assert!(!h.app.subs.list.is_empty());
    assert!(h
        .app
        .subs
        .list
        .shown()
        .any(|r| r.buyer_name.as_deref() == Some(accented.as_str())));
    // Searching the UPN finds the same rows.
    let upn = h
        .app
        .subs
        .list
        .selected()
        .and_then(|r| r.buyer.clone())
        .expect("upn");
    h.keys("<Esc>");
    h.keys(&format!("/{upn}"));
    assert!(h
        .app
        .subs
        .list
        .shown()
        .all(|r| r.buyer.as_deref() == Some(upn.as_str())));
}

#[test]
fn marking_shows_users_grouped_by_buyer() {
    let mut h = Harness::new(80, 24);
    h.keys("<Enter>a");
    let marked = h.app.marked.len();
    assert_eq!(marked, h.app.subs.list.len());
    let headings = h
        .app
        .users
        .list
        .shown()
        .filter(|l| matches!(l, UserLine::Heading { .. }))
        .count();
    assert!(headings >= 2, "{headings} buyer groups");
    h.keys("a");
    assert!(h.app.marked.is_empty());
}

#[test]
fn policies_in_words_with_detail() {
    let mut h = Harness::new(80, 24);
    h.keys("3");
    assert_eq!(h.app.screen, Screen::Policies);
    assert_eq!(h.app.policies.list.len(), 17);
    let words: Vec<String> = h
        .app
        .policies
        .list
        .shown()
        .map(|p| crate::i18n::policy_words(crate::i18n::Lang::En, p.policy_value))
        .collect();
    assert!(words.iter().any(|w| w == "Do not allow"));
    assert!(words.iter().any(|w| w == "Allow for trials only"));
    h.keys("<Tab>");
    assert!(h.app.detail);
    h.keys("<Esc>");
    assert!(!h.app.detail);
    h.keys("<Esc>");
    assert_eq!(h.app.screen, Screen::Products);
}

#[test]
fn export_marks_edits_path_writes_and_confirms_replacing() {
    let mut h = Harness::new(80, 24);
    h.keys("4");
    assert_eq!(h.app.screen, Screen::Export);
    h.keys("w");
    assert!(h.app.message.as_ref().is_some_and(|m| m.error));
    h.keys("<Space><Space>");
    assert_eq!(h.app.marked.len(), 2);
    let expected: u32 = h.app.marked.values().sum();
    let path = h.dir.path().join("out.csv");
    h.keys("e");
    assert!(h.app.export.editing.is_some());
    // Clear the default, type the new path.
    for _ in 0..h.app.export.path.chars().count() {
        h.keys("<BS>");
    }
    h.keys(&path.display().to_string());
    h.keys("<Enter>");
    assert_eq!(h.app.export.path, path.display().to_string());
    h.keys("w");
    let csv = std::fs::read_to_string(&path).expect("written");
    assert_eq!(csv.lines().count() as u32, expected + 1);
    assert!(csv.starts_with("Display name,User principal name,Product"));
    let last = h.app.export.last.clone().expect("result");
    assert!(
        last.contains(&format!("Wrote {expected} user row")),
        "{last}"
    );
    // Writing again asks first; n leaves the file alone.
    h.keys("w");
    assert!(h.app.dialog_as::<Question>().is_some());
    h.keys("n");
    assert!(h.app.dialog_as::<Question>().is_none());
    h.keys("w");
    h.keys("y");
    assert!(h.app.dialog_as::<Question>().is_none());
    assert!(!h.app.export.busy);
}

#[test]
fn audit_and_outbox_lists() {
    let mut h = Harness::new(80, 24);
    h.keys("5");
    assert_eq!(h.app.screen, Screen::Audit);
    assert!(h
        .app
        .audit
        .list
        .shown()
        .any(|e| e.action == "tenant.create-demo"));
    h.keys("<Enter>");
    assert!(h.app.detail);
    h.keys("6");
    assert_eq!(h.app.screen, Screen::Outbox);
    assert_eq!(h.app.outbox.state, LoadState::Ready);
    assert!(!h.app.detail);
}

#[test]
fn help_is_drawn_from_the_key_table_per_screen() {
    let mut h = Harness::new(80, 24);
    h.keys("<Enter>?");
    assert_eq!(h.app.screen, Screen::Help);
    assert_eq!(h.app.help_from, Screen::Subscriptions);
    let screen = whole_help(&mut h);
    for b in keymap::for_screen(Screen::Subscriptions, &h.app.session) {
        assert!(screen.contains(b.label), "help lacks {}", b.label);
    }
    h.keys("<Esc>");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    h.keys("q");
    assert!(h.app.quit);
}

#[test]
fn quit_and_ctrl_c() {
    let mut h = Harness::new(80, 24);
    h.keys("<C-c>");
    assert!(h.app.quit);
    let mut h = Harness::new(80, 24);
    // q while typing a search is text, not quit.
    h.keys("/q");
    assert!(!h.app.quit);
    assert_eq!(h.app.query(), "q");
}

#[test]
fn clock_tick_redraws_only_on_change() {
    let mut h = Harness::new(80, 24);
    let tick = |clock: &str| Action::Tick {
        clock: clock.into(),
        now: selfserve_core::clock::parse_now(NOW).expect("clock"),
    };
    h.act(tick("2026-11-23 12:00 UTC"));
    assert!(!h.app.dirty);
    h.act(tick("2026-11-23 12:01 UTC"));
    assert!(h.app.dirty);
}

#[test]
fn no_panic_at_any_size_on_any_screen() {
    let mut h = Harness::new(80, 24);
    h.keys("<Enter><Enter>");
    for keys in [
        "", "1", "2", "<Tab>", "3<Enter>", "<Esc>4", "5<Enter>", "6<Enter>", "?",
    ] {
        h.keys(keys);
        for (w, ht) in [
            (1, 1),
            (2, 1),
            (1, 5),
            (10, 3),
            (79, 24),
            (80, 23),
            (80, 24),
            (81, 25),
            (120, 30),
            (300, 100),
        ] {
            h.resize(w, ht);
            let screen = h.render();
            if w < 80 || ht < 24 {
                assert!(w * ht < 40 || screen.contains("too"), "{w}x{ht}: {screen}");
            }
        }
    }
}

#[test]
fn readonly_says_so() {
    let mut h = Harness::with(80, 24, true);
    assert!(h.render().contains("READ-ONLY"));
    assert!(keymap::for_screen(Screen::Subscriptions, &h.app.session).all(|b| b.needs.is_none()));
    h.keys("?");
    assert!(whole_help(&mut h).contains("Read-only"));
}

#[test]
fn snapshot_products() {
    let mut h = Harness::new(80, 24);
    snap(&mut h, "products");
    h.keys("f");
    snap(&mut h, "products_self_service");
    h.keys("/pówer");
    snap(&mut h, "products_search");
}

#[test]
fn snapshot_subscriptions() {
    let mut h = Harness::new(80, 24);
    h.keys("<Enter>j");
    snap(&mut h, "subscriptions");
    h.keys("<Enter>");
    snap(&mut h, "subscriptions_users");
    h.keys("<Esc><Space><Space>");
    snap(&mut h, "subscriptions_marked");
}

#[test]
fn snapshot_policies() {
    let mut h = Harness::new(80, 24);
    h.keys("3");
    snap(&mut h, "policies");
    h.keys("jj<Tab>");
    snap(&mut h, "policies_detail");
}

#[test]
fn snapshot_export() {
    let mut h = Harness::new(80, 24);
    h.keys("4<Space><Down><Space>");
    snap(&mut h, "export");
    h.keys("e");
    snap(&mut h, "export_editing");
    h.keys("<Esc>");
    h.app.dialog = Some(Box::new(super::dialogs::question::Question::new(
        "selfserve-users-2026-11-23.csv exists. Replace it?".into(),
        super::effect::Effect::LoadPolicies,
        "Reading",
        crate::i18n::Lang::En,
    )));
    snap(&mut h, "export_confirm");
}

#[test]
fn snapshot_audit_and_outbox() {
    let mut h = Harness::new(80, 24);
    h.keys("5");
    snap(&mut h, "audit");
    h.keys("<Enter>");
    snap(&mut h, "audit_detail");
    h.keys("6");
    snap(&mut h, "outbox");
    h.keys("<Tab>");
    snap(&mut h, "outbox_detail");
}

#[test]
fn an_email_opens_whole_and_scrolls_to_its_last_line() {
    use super::dialogs::email::EmailView;
    use selfserve_core::query::{subscription_rows, SubscriptionFilter};
    let mut h = Harness::new(80, 24);
    // A cancellation e-mails its buyer.
    let filter = SubscriptionFilter {
        self_service_only: true,
        ..SubscriptionFilter::default()
    };
    let sub = subscription_rows(&h.store, &h.actor, &filter, h.app.now).expect("rows")[0].id;
    let reason = selfserve_core::model::CancelReason::Other;
    let now = h.app.now;
    selfserve_core::ops::cancel::cancel(&h.store, &h.actor, sub, reason, now, false)
        .expect("cancel");
    h.keys("6");
    let Some(mail) = h.app.outbox.list.selected().cloned() else {
        panic!("the cancellation's e-mail is in the outbox");
    };
    h.keys("<Enter>");
    assert!(h.app.dialog_as::<EmailView>().is_some());
    snap(&mut h, "outbox_email");
    let last = mail
        .body
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .expect("a body");
    let tail = last.split_whitespace().last().expect("a word").to_string();
    h.resize(80, 24);
    h.render();
    for _ in 0..mail.body.lines().count() * 3 {
        h.keys("j");
    }
    let screen = h.render();
    assert!(
        screen.contains(&tail),
        "{tail:?} shows after scrolling: {screen}"
    );
    h.keys("<Esc>");
    assert!(h.app.dialog.is_none());
}

#[test]
fn snapshot_help() {
    let mut h = Harness::new(80, 24);
    h.keys("?");
    snap(&mut h, "help_products");
    h.keys("<Esc><Enter>?");
    snap(&mut h, "help_subscriptions");
}

#[test]
fn snapshot_too_small() {
    let mut h = Harness::new(80, 24);
    h.resize(60, 20);
    insta::assert_snapshot!("too_small_60x20", h.render());
    h.resize(1, 1);
    insta::assert_snapshot!("too_small_1x1", h.render());
}

#[test]
fn no_key_means_two_things_in_one_place() {
    use super::keymap::{Scope, BINDINGS};
    // A GlobalAdministrator without --readonly sees every binding.
    let h = Harness::new(80, 24);
    for screen in Screen::ALL {
        let mut seen = Vec::new();
        for b in keymap::for_screen(screen, &h.app.session) {
            for k in b.keys {
                assert!(
                    !seen.contains(k),
                    "{k:?} bound twice on {screen:?} ({})",
                    b.label
                );
                seen.push(*k);
            }
        }
    }
    use super::input::DialogKeys;
    for scope in [
        Scope::Typing,
        Scope::Path,
        Scope::Dialog(DialogKeys::Question),
        Scope::Dialog(DialogKeys::Steps),
        Scope::Dialog(DialogKeys::Panel),
    ] {
        let keys: Vec<_> = BINDINGS
            .iter()
            .filter(|b| b.scope == scope)
            .flat_map(|b| b.keys.iter())
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(k), "{k:?} bound twice in {scope:?}");
        }
    }
}

#[test]
fn a_held_arrow_keeps_one_users_load_in_flight() {
    let mut h = Harness::new(80, 24);
    h.keys("<Enter>");
    // Three moves before any load comes back: one load leaves, for the first row moved to.
    let mut fx = Vec::new();
    for _ in 0..3 {
        fx.extend(h.app.update(Action::Nav(super::list::Nav::Down)));
    }
    assert_eq!(fx.len(), 1, "{fx:?}");
    let wanted = h.app.subs.list.selected().expect("row").id;
    assert_eq!(h.app.users.state, LoadState::Loading);
    // Its result is stale: it brings the next load, for the row the cursor is on now.
    h.run(fx);
    assert_eq!(h.app.users_for, vec![wanted]);
    assert_eq!(h.app.users.state, LoadState::Ready);
}

#[test]
fn snapshot_ascii_borders() {
    let mut h = Harness::new(80, 24);
    h.app.session.theme.ascii = true;
    h.keys("<Enter><Space>");
    insta::assert_snapshot!("subscriptions_ascii_80x24", h.render());
}

#[test]
fn a_message_longer_than_its_line_reads_whole_in_the_history() {
    use super::dialogs::messages::Messages;
    let mut h = Harness::new(80, 24);
    let long = format!("{} and here is the end", "a long refusal, ".repeat(8));
    h.act(Action::Refused(long.clone()));
    let line = h.render();
    assert!(!line.contains("here is the end"), "cut on the message line");
    h.keys("M");
    assert!(h.app.dialog_as::<Messages>().is_some());
    snap(&mut h, "messages");
    h.resize(80, 24);
    assert!(
        h.render().contains("here is the end"),
        "whole in the history"
    );
    h.keys("<Esc>");
    assert!(h.app.dialog.is_none());
}

#[test]
fn help_scrolls_to_its_last_row_at_80x24() {
    let mut h = Harness::new(80, 24);
    h.keys("2?");
    let first = h.render();
    assert!(first.contains("rows 1–"), "{first}");
    h.keys("G");
    let last = h.render();
    assert!(last.contains("Database"), "the session's last line: {last}");
    assert!(!last.contains("rows 1–"), "{last}");
    h.keys("g");
    assert_eq!(h.render(), first);
}

#[test]
fn a_21vianet_tenant_says_so_in_the_status_bar_and_help() {
    let mut h = Harness::new(80, 24);
    h.app.session.cloud = selfserve_core::model::Cloud::China21Vianet;
    assert!(h.render().contains("(21Vianet)"));
    h.keys("?");
    assert!(whole_help(&mut h).contains("https://portal.partner.microsoftonline.cn/"));
}

#[test]
fn under_a_locale_without_utf8_names_are_written_in_ascii_in_their_columns() {
    let mut h = Harness::new(80, 24);
    h.app.session.theme = Theme {
        color: false,
        ascii: true,
        transliterate: true,
        palette: crate::tui::theme::Palette::default(),
    };
    h.keys("<Enter>");
    let screen = h.render();
    assert!(screen.is_ascii(), "{screen}");
    assert!(screen.contains("Bjorn Garcia"), "{screen}");
    // Every row keeps the window's width: a wide character gave two ASCII ones.
    for line in screen.lines() {
        assert_eq!(line.trim_matches('"').chars().count(), 80, "{line}");
    }
    snap(&mut h, "subscriptions_ascii_locale");
}
