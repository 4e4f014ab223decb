//! The Spend screen (issue 15): its snapshots at both sizes, in UTF-8, in ASCII and in French;
//! Tab through its lists, Enter opens a row's subscription, `C` on a saving starts the
//! centralise dialog for its product; a read-only session sees it all and may not centralise.

use super::{snap, Harness};
use crate::i18n::Lang;
use crate::tui::action::Screen;
use crate::tui::dialogs::centralise::CentraliseDialog;
use crate::tui::spend::SpendTab;

#[test]
fn snapshot_spend() {
    let mut h = Harness::new(80, 24);
    h.keys("7");
    assert_eq!(h.app.screen, Screen::Spend);
    assert!(h.app.spend.report.is_some(), "the report was read");
    snap(&mut h, "spend");
    h.keys("<Tab>");
    assert_eq!(h.app.spend.tab, SpendTab::Waste);
    snap(&mut h, "spend_waste");
    h.keys("<Tab>");
    assert_eq!(h.app.spend.tab, SpendTab::Savings);
    snap(&mut h, "spend_savings");
    h.keys("<Tab>");
    assert_eq!(h.app.spend.tab, SpendTab::Upcoming);
}

#[test]
fn snapshot_spend_ascii() {
    let mut h = Harness::new(80, 24);
    h.app.session.theme.ascii = true;
    h.keys("7");
    let screen = h.render();
    assert!(screen.contains('#'), "charged bars in ASCII: {screen}");
    snap(&mut h, "spend_ascii");
}

#[test]
fn snapshot_spend_in_french() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("7");
    let screen = h.render();
    assert!(screen.contains("Libre-service"), "{screen}");
    snap(&mut h, "spend_fr");
}

#[test]
fn enter_opens_the_rows_subscription() {
    let mut h = Harness::new(80, 24);
    h.keys("7<Down><Down>");
    let charge = h.app.spend.upcoming.selected().cloned().expect("a charge");
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    let row = h.app.subs.list.selected().expect("a row");
    assert_eq!(row.id, charge.subscription);
    // Back on Spend, the list and its cursor are where they were.
    h.keys("7");
    assert_eq!(
        h.app.spend.upcoming.selected().map(|c| c.subscription),
        Some(charge.subscription)
    );
}

#[test]
fn c_on_a_saving_centralises_its_product() {
    let mut h = Harness::new(80, 24);
    h.keys("7");
    // Not on the upcoming charges: no product is chosen there.
    h.keys("C");
    assert!(h.app.dialog.is_none());
    h.keys("<Tab><Tab>");
    let saving = h.app.spend.savings.selected().cloned().expect("a saving");
    h.keys("C");
    let d = h
        .app
        .dialog_as::<CentraliseDialog>()
        .expect("the centralise dialog");
    assert_eq!(d.product, saving.product_id);
    h.keys("<Esc>");
    assert!(h.app.dialog.is_none());
}

#[test]
fn a_read_only_session_reads_spend_and_may_not_centralise() {
    let mut h = Harness::with(80, 24, true);
    h.keys("7<Tab><Tab>");
    assert!(!h.app.spend.savings.is_empty());
    h.keys("C");
    assert!(h.app.dialog.is_none());
    let said = h
        .app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(said.contains("--readonly"), "{said}");
    h.keys("?");
    let help = super::whole_help(&mut h);
    assert!(help.contains("Open the row's subscription"), "{help}");
}

#[test]
fn enter_on_a_central_row_under_the_filter_turns_it_off_and_opens_that_row() {
    let mut h = Harness::new(80, 24);
    h.keys("1f");
    assert!(h.app.self_service, "the filter is on");
    h.keys("7");
    let at = h
        .app
        .spend
        .upcoming
        .items()
        .iter()
        .position(|c| !c.origin.is_self_service())
        .expect("a central charge in the fixture");
    for _ in 0..at {
        h.keys("<Down>");
    }
    let charge = h.app.spend.upcoming.selected().cloned().expect("a charge");
    assert!(!charge.origin.is_self_service());
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    assert!(!h.app.self_service, "the filter is off");
    let row = h.app.subs.list.selected().expect("a row");
    assert_eq!(row.id, charge.subscription, "the row's own subscription");
    let said = h.app.message.as_ref().map(|m| m.text.clone());
    assert_eq!(
        said.as_deref(),
        Some("Self-service filter off, to show that central subscription (f turns it back on).")
    );
    // A self-service row leaves the filter as it is.
    h.keys("f7");
    assert!(h.app.self_service);
    let at = h
        .app
        .spend
        .upcoming
        .items()
        .iter()
        .position(|c| c.origin.is_self_service())
        .expect("a self-service charge");
    h.keys("g");
    for _ in 0..at {
        h.keys("<Down>");
    }
    let charge = h.app.spend.upcoming.selected().cloned().expect("a charge");
    h.keys("<Enter>");
    assert!(h.app.self_service, "the filter stays on");
    let row = h.app.subs.list.selected().expect("a row");
    assert_eq!(row.id, charge.subscription);
}

/// The chart's months are named in the session's language, in one form, each apart from the
/// next, from 80 columns to 200.
#[test]
fn the_charts_months_are_named_in_the_sessions_language_at_every_width() {
    let en = "Dec Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb";
    let fr = "déc. janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc. janv. févr.";
    let fr_bare = "déc janv févr mars avr mai juin juil août sept oct nov déc janv févr";
    for (lang, names) in [(Lang::En, en), (Lang::Fr, fr)] {
        for width in [80u16, 100, 120, 160, 200] {
            let mut h = Harness::in_lang(width, 30, lang);
            h.keys("7");
            let screen = h.render();
            let lines: Vec<&str> = screen.lines().collect();
            let legend = lines
                .iter()
                .position(|l| l.contains("█ ") && l.contains(" · "))
                .expect("the chart's legend");
            let row = lines[legend - 1].trim_matches(|c: char| c == '"' || c == '│');
            // Without the years, where they fit.
            let tokens: Vec<&str> = row
                .split_whitespace()
                .filter(|t| !t.chars().all(|c| c.is_ascii_digit()))
                .collect();
            let got = tokens.join(" ");
            let bare = lang == Lang::Fr && got == fr_bare;
            assert!(got == names || bare, "{lang:?} at {width}: {row}");
        }
    }
}

#[test]
fn a_change_reads_the_report_again_only_where_it_is_shown() {
    use crate::tui::effect::Effect;
    use crate::tui::list::LoadState;
    let mut h = Harness::new(80, 24);
    h.keys("71");
    let mut fx = Vec::new();
    h.app.reload(&mut fx);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::LoadSpend { .. })),
        "off the Spend screen a change does not read the report"
    );
    assert_eq!(h.app.spend.state, LoadState::Idle);
    h.keys("7");
    assert_eq!(h.app.spend.state, LoadState::Ready, "read again when shown");
    let mut fx = Vec::new();
    h.app.reload(&mut fx);
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadSpend { .. })));
}
