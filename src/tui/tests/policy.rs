//! The policy panel, roles, the lifecycle and the products search by buyer: keys in, state out,
//! on a real demo tenant; snapshots of the panel editable and read-only.

use super::*;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::dialogs::policy_panel::{PolicyPanel, Target};
use crate::tui::effect::Effect;
use crate::tui::keymap;
use chrono::{DateTime, Duration, Utc};
use selfserve_core::model::PolicyValue;
use selfserve_core::ops::lifecycle;
use selfserve_core::query;

pub(super) fn at(text: &str) -> DateTime<Utc> {
    selfserve_core::clock::parse_now(text).expect("clock")
}

/// A demo tenant made at `NOW`, opened by `login` with the dashboard's clock at `now`.
fn open(login: &str, readonly: bool, now: DateTime<Utc>) -> Harness {
    open_in(login, readonly, now, crate::i18n::Lang::En)
}

/// As `open`, the dashboard in `lang`.
pub(super) fn open_in(
    login: &str,
    readonly: bool,
    now: DateTime<Utc>,
    lang: crate::i18n::Lang,
) -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tenant.db");
    let options = DemoOptions {
        users: 250,
        seed: 42,
        now: at(NOW),
        login: "admin".into(),
        force: false,
    };
    create_demo(&path, &options, &mut |_| {}).expect("demo");
    let store = Store::open(&path).expect("open");
    let actor = store.actor(login).expect("actor");
    let actor = if readonly { actor.read_only() } else { actor };
    let mut s = session(readonly);
    s.lang = lang;
    s.upn = actor.user.upn.clone();
    s.role = actor.role();
    s.now = now;
    let clock = now.format("%Y-%m-%d %H:%M UTC").to_string();
    let app = App::new(s, (80, 24), clock);
    Harness::over(dir, store, actor, app)
}

fn login(login: &str) -> Harness {
    open(login, false, at(NOW))
}

/// The stored policy of `product`, as the command line would read it.
fn stored(h: &Harness, product: &str) -> PolicyValue {
    query::policy_row(&h.store, &h.actor, product)
        .expect("policy")
        .policy_value
}

fn panel(h: &Harness) -> &PolicyPanel {
    h.app.dialog_as::<PolicyPanel>().expect("the panel is open")
}

fn message(h: &Harness) -> String {
    h.app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn panel_opens_on_the_current_value_and_esc_changes_nothing() {
    let mut h = login("admin");
    h.keys("3<Enter>");
    let p = panel(&h);
    let Target::Product { id, current, .. } = p.target.clone() else {
        panic!("one product");
    };
    assert_eq!(p.choice, current);
    assert!(p.read_only.is_none());
    let before = stored(&h, &id.0);
    assert_eq!(before, current);
    h.keys("<Down><Up><Down>");
    assert_ne!(panel(&h).choice, current);
    // Keys that mean something elsewhere do nothing here: q does not quit, 1 stays put.
    h.unbound("q1");
    assert!(!h.app.quit);
    assert_eq!(h.app.screen, Screen::Policies);
    h.keys("<Esc>");
    assert!(h.app.dialog_as::<PolicyPanel>().is_none());
    assert_eq!(stored(&h, &id.0), before);
    assert!(
        message(&h).contains("nothing was changed"),
        "{}",
        message(&h)
    );
}

#[test]
fn saving_changes_the_store_the_list_the_products_and_the_audit() {
    let mut h = login("admin");
    // Planner Plan 1 allows purchases in the demo, and has a trial without a payment method
    // (trials only needs one: issue 14).
    h.keys("5");
    h.keys("3/planner plan 1<Enter>");
    let id = h
        .app
        .policies
        .list
        .selected()
        .expect("row")
        .product_id
        .clone();
    assert_eq!(stored(&h, &id.0), PolicyValue::Enabled);
    h.keys("<Enter>");
    assert_eq!(panel(&h).choice, PolicyValue::Enabled);
    assert!(
        h.render().contains("Directory data"),
        "Allow shows rule 8's notice"
    );
    h.keys("jj");
    assert_eq!(panel(&h).choice, PolicyValue::Disabled);
    assert!(
        !h.render().contains("Directory data"),
        "Do not allow needs no notice"
    );
    h.keys("k");
    assert_eq!(
        panel(&h).choice,
        PolicyValue::OnlyTrialsWithoutPaymentMethod
    );
    assert!(h.render().contains("first and last"));
    h.keys("<Enter>");
    assert!(h.app.dialog_as::<PolicyPanel>().is_none());
    assert_eq!(
        stored(&h, &id.0),
        PolicyValue::OnlyTrialsWithoutPaymentMethod
    );
    let text = message(&h);
    assert!(
        text.starts_with("Saved: Planner Plan 1 is now \"Allow for trials only\" (was \"Allow\")"),
        "{text}"
    );
    // The list, the products (their policy column) and the audit log were read again.
    assert_eq!(
        h.app.policies.list.selected().map(|p| p.policy_value),
        Some(PolicyValue::OnlyTrialsWithoutPaymentMethod)
    );
    assert!(h
        .app
        .products
        .list
        .items()
        .iter()
        .any(|p| p.id == id && p.policy == PolicyValue::OnlyTrialsWithoutPaymentMethod));
    assert!(h
        .app
        .audit
        .list
        .items()
        .iter()
        .any(|e| e.action == "policy.set" && e.target.contains(&id.0)));
    // Saving the value it already has changes nothing and says so.
    h.keys("<Enter><Enter>");
    assert!(h.app.dialog_as::<PolicyPanel>().is_none());
    assert!(
        message(&h).starts_with("Nothing changed"),
        "{}",
        message(&h)
    );
}

#[test]
fn every_product_at_once_asks_first() {
    let mut h = login("admin");
    h.keys("3a");
    assert!(matches!(panel(&h).target, Target::All { .. }));
    h.keys("jjj");
    assert_eq!(panel(&h).choice, PolicyValue::Disabled);
    h.keys("<Enter>");
    let asking = panel(&h).asking.clone().expect("asks");
    let question = &asking.question;
    assert!(question.contains("all 17 products"), "{question}");
    // It lists, by name, each product whose value changes.
    assert_eq!(asking.changes.len(), 17 - 1, "{:?}", asking.changes);
    assert!(asking.changes.iter().all(|c| c.ends_with("→ Do not allow")));
    h.keys("n");
    assert!(panel(&h).asking.is_none());
    assert!(
        h.app.dialog_as::<PolicyPanel>().is_some(),
        "back in the panel"
    );
    let ids: Vec<String> = h
        .app
        .policies
        .list
        .items()
        .iter()
        .map(|p| p.product_id.0.clone())
        .collect();
    assert!(ids.iter().any(|id| stored(&h, id) != PolicyValue::Disabled));
    h.keys("<Enter>y");
    assert!(h.app.dialog_as::<PolicyPanel>().is_none());
    assert!(ids.iter().all(|id| stored(&h, id) == PolicyValue::Disabled));
    assert!(
        message(&h).contains("of 17 products are now"),
        "{}",
        message(&h)
    );
}

#[test]
fn billing_reader_and_readonly_see_the_panel_read_only_with_the_reason() {
    for (who, readonly, reason) in [
        (
            "billing",
            false,
            "BillingAdministrator may not change policies: it needs GlobalAdministrator",
        ),
        (
            "reader",
            false,
            "GlobalReader may not change policies: it needs GlobalAdministrator",
        ),
        ("admin", true, "--readonly"),
    ] {
        let mut h = open(who, readonly, at(NOW));
        h.keys("3<Enter>");
        let p = panel(&h).clone();
        assert!(
            p.read_only.as_deref().is_some_and(|r| r.contains(reason)),
            "{who}: {:?}",
            p.read_only
        );
        let Target::Product { id, current, .. } = p.target else {
            panic!("one product");
        };
        // Neither choosing nor saving is in this session's keys.
        h.keys("<Down>j<Enter>s");
        assert_eq!(panel(&h).choice, current, "{who}");
        assert_eq!(stored(&h, &id.0), current, "{who}");
        let screen = h.render();
        assert!(screen.contains("Read-only"), "{who}: {screen}");
        assert!(!screen.contains("[ Save changes ]"), "{who}: {screen}");
        // The keys that would save say why they do nothing.
        assert!(
            message(&h).starts_with("Save changes is not available: "),
            "{who}: {}",
            message(&h)
        );
        h.keys("<Esc>");
        assert!(h.app.dialog_as::<PolicyPanel>().is_none());
        // "a" (every product) is withheld, and help says why.
        h.keys("a");
        assert!(h.app.dialog_as::<PolicyPanel>().is_none(), "{who}");
        assert!(
            message(&h).starts_with("Set every product's policy is not available: "),
            "{who}: {}",
            message(&h)
        );
        h.keys("?");
        let help = whole_help(&mut h);
        assert!(help.contains("Not available to you"), "{who}: {help}");
        h.keys("<Esc>");
    }
}

#[test]
fn a_reader_sees_no_write_action_anywhere() {
    let h = login("reader");
    for screen in Screen::ALL {
        for b in keymap::for_screen(screen, &h.app.session) {
            assert!(b.needs.is_none(), "{screen:?}: {} is offered", b.label);
        }
        assert!(
            keymap::withheld(screen, &h.app.session).all(|(_, why)| why.contains("GlobalReader")),
            "{screen:?}"
        );
    }
    for b in keymap::for_scope(keymap::Scope::Dialog(crate::tui::input::DialogKeys::Panel)) {
        assert!(
            b.needs.is_none() || keymap::withheld_because(b, &h.app.session).is_some(),
            "{}",
            b.label
        );
    }
}

#[test]
fn lifecycle_applies_at_start_where_something_is_due() {
    let later = at(NOW) + Duration::days(45);
    let mut h = open("admin", false, later);
    let summary = h.app.lifecycle.last.clone().expect("ran at start");
    assert!(summary.applied);
    assert!(!summary.is_empty(), "45 days on, something is due");
    assert!(message(&h).starts_with("Lifecycle: "), "{}", message(&h));
    // Applied: nothing is due any more.
    let left = lifecycle::preview(&h.store, &h.actor, later).expect("preview");
    assert!(left.changes.is_empty(), "{:?}", left.changes.first());
    // The audit log says what it did.
    h.keys("5");
    assert!(h
        .app
        .audit
        .list
        .items()
        .iter()
        .any(|e| e.action.starts_with("lifecycle.")));
}

#[test]
fn a_reader_gets_a_preview_of_what_is_due_and_nothing_changes() {
    let later = at(NOW) + Duration::days(45);
    let h = open("reader", false, later);
    let summary = h.app.lifecycle.last.clone().expect("previewed at start");
    assert!(!summary.applied);
    assert!(!summary.is_empty());
    let text = message(&h);
    assert!(text.starts_with("Lifecycle due: "), "{text}");
    assert!(
        text.ends_with(
            "; not applied: GlobalReader may not apply it: it needs GlobalAdministrator or BillingAdministrator"
        ),
        "{text}"
    );
    let due = lifecycle::preview(&h.store, &h.actor, later).expect("preview");
    assert_eq!(due.changes.len(), summary.steps.iter().sum::<usize>());
}

#[test]
fn lifecycle_runs_again_only_when_the_date_changes() {
    let mut h = login("admin");
    assert!(h.app.lifecycle.last.is_some());
    let tick = |now: DateTime<Utc>| Action::Tick {
        clock: now.format("%Y-%m-%d %H:%M UTC").to_string(),
        now,
    };
    let same_day = h.app.update(tick(at(NOW) + Duration::hours(11)));
    assert!(same_day.is_empty(), "{same_day:?}");
    let next_day = h.app.update(tick(at(NOW) + Duration::hours(12)));
    assert!(
        matches!(next_day.as_slice(), [Effect::Lifecycle { apply: true, .. }]),
        "{next_day:?}"
    );
    // While it runs, the next tick does not start another.
    assert!(h.app.update(tick(at(NOW) + Duration::days(2))).is_empty());
    h.run(next_day);
    assert!(!h.app.lifecycle.running);
}

#[test]
fn readonly_previews_the_lifecycle() {
    let later = at(NOW) + Duration::days(45);
    let h = open("admin", true, later);
    let summary = h.app.lifecycle.last.clone().expect("previewed");
    assert!(!summary.applied);
    assert!(
        message(&h).ends_with("not applied: --readonly"),
        "{}",
        message(&h)
    );
    let due = lifecycle::preview(&h.store, &h.actor, later).expect("preview");
    assert!(!due.changes.is_empty(), "--readonly wrote nothing");
}

/// A buyer of some product, found as the command line would find them.
fn a_buyer(h: &Harness) -> (String, String, String) {
    let rows = query::product_buyers(&h.store, &h.actor).expect("buyers");
    let products = query::product_rows(&h.store, &h.actor, false, h.app.now).expect("products");
    rows.iter()
        .find_map(|r| {
            let (name, upn) = r.buyers.first()?;
            let product = products.iter().find(|p| p.product_id == r.product_id)?;
            Some((product.product_name.clone(), name.clone(), upn.clone()))
        })
        .expect("a product with a buyer")
}

#[test]
fn products_search_finds_products_by_buyer_name_and_upn() {
    let mut h = login("admin");
    assert!(h.app.buyers.arrived());
    let (product, name, upn) = a_buyer(&h);
    // The UPN finds the product, though neither its name nor its id contains it.
    h.keys(&format!("/{upn}"));
    let shown: Vec<String> = h
        .app
        .products
        .list
        .shown()
        .map(|p| p.name.clone())
        .collect();
    assert!(shown.contains(&product), "{shown:?}");
    h.keys("<Enter>");
    while h.app.products.list.selected().map(|p| p.name.as_str()) != Some(product.as_str()) {
        h.keys("<Down>");
    }
    let hit = h
        .app
        .buyers
        .hit
        .clone()
        .expect("the selected product's buyer");
    assert!(hit.first.contains(&upn), "{hit:?}");
    let screen = h.render();
    assert!(screen.contains(" buyer"), "{screen}");
    assert!(screen.contains("Bought by"), "{screen}");
    // The name, typed without its accents or case, finds it too.
    let plain = super::super::fold::fold(&name).to_uppercase();
    h.keys(&format!("<Esc>/{plain}"));
    assert!(h.app.products.list.shown().any(|p| p.name == product));
    // A product's own name still matches as before, with no buyer tag.
    h.keys("<Esc>/power bi pro");
    assert!(h
        .app
        .products
        .list
        .shown()
        .any(|p| p.name == "Power BI Pro"));
}

#[test]
fn snapshot_policy_panel() {
    let mut h = login("admin");
    h.keys("3/power bi pro<Enter><Enter>");
    snap(&mut h, "policy_panel");
    h.keys("jj");
    snap(&mut h, "policy_panel_do_not_allow");
    h.keys("<Esc>a");
    snap(&mut h, "policy_panel_all");
}

#[test]
fn snapshot_policy_panel_read_only() {
    let mut h = login("billing");
    h.keys("3/power bi pro<Enter><Enter>");
    snap(&mut h, "policy_panel_billing");
    let mut h = login("reader");
    h.keys("3/power bi pro<Enter><Enter>");
    snap(&mut h, "policy_panel_reader");
}

#[test]
fn snapshot_products_search_by_buyer() {
    let mut h = login("admin");
    let (_, _, upn) = a_buyer(&h);
    h.keys(&format!("/{upn}"));
    snap(&mut h, "products_buyer_search");
}

#[test]
fn esc_then_j_in_one_burst_closes_the_panel_and_moves_the_cursor() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut h = login("admin");
    h.keys("3<Enter>");
    assert!(h.app.dialog_as::<PolicyPanel>().is_some());
    let before = h.app.policies.list.cursor;
    // What a terminal sends for Esc and j typed together: the j with the Alt modifier.
    h.press(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT))
        .expect("Esc, then j");
    assert!(
        h.app.dialog_as::<PolicyPanel>().is_none(),
        "Esc closed the panel"
    );
    assert_eq!(h.app.policies.list.cursor, before + 1, "j moved the cursor");
}
