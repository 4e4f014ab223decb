//! Issue 14 on the dashboard: a product that appeared is marked on the Policies screen with the
//! count in its title, its detail says it waits, and `v` accepts it (with `y`); in English and
//! French at 80x24.

use super::policy::{at, open_in};
use super::*;
use crate::i18n::Lang;
use crate::tui::action::Screen;
use selfserve_core::import::ImportFile;
use selfserve_core::model::PolicyValue;
use selfserve_core::ops::set_policy_default::set_policy_default;
use selfserve_core::ops::update_catalogue::update_catalogue;

/// A demo tenant whose default is Disabled and where Contoso Widgets just appeared.
fn with_new_product(lang: Lang) -> Harness {
    let h = open_in("admin", false, at(NOW), lang);
    let now = at(NOW);
    set_policy_default(&h.store, &h.actor, PolicyValue::Disabled, now).expect("default");
    let file = ImportFile {
        name: "catalogue.json".into(),
        bytes: br#"{"products": [{"id": "CFQ7TTC0ZZ01", "name": "Contoso Widgets", "trial_without_payment_method": false, "trial_days": 30, "monthly_price": 900, "annual_price": 10800}]}"#.to_vec(),
    };
    update_catalogue(&h.store, &h.actor, &file, false, now).expect("catalogue update");
    h
}

#[test]
fn a_new_product_is_marked_and_v_then_y_accepts_it() {
    let mut h = with_new_product(Lang::En);
    h.keys("3");
    assert_eq!(h.app.screen, Screen::Policies);
    assert_eq!(h.app.review.len(), 1);
    let screen = h.render();
    assert!(screen.contains("1 to review"), "{screen}");
    assert!(screen.contains("Contoso Widgets [new]"), "{screen}");
    insta::assert_snapshot!("policies_review_80x24", screen);
    // Contoso Widgets sorts second, after Clipchamp Premium.
    h.keys("j<Tab>");
    let detail = h.render();
    assert!(detail.contains("Waiting for review"), "{detail}");
    insta::assert_snapshot!("policies_review_detail_80x24", detail);
    h.keys("<Esc>v");
    let dialog = h.render();
    assert!(dialog.contains("Accept new product"), "{dialog}");
    insta::assert_snapshot!("policies_review_accept_80x24", dialog);
    h.keys("y");
    assert!(h.store.review_queue().expect("queue").is_empty());
    h.keys("<Esc>");
    assert!(h.app.review.is_empty(), "the list was read again");
    assert!(!h.render().contains("[new]"));
}

#[test]
fn v_on_a_product_not_waiting_says_so_and_changes_nothing() {
    let mut h = with_new_product(Lang::En);
    h.keys("3v");
    let screen = h.render();
    assert!(screen.contains("is not waiting for review"), "{screen}");
    assert_eq!(h.store.review_queue().expect("queue").len(), 1);
}

#[test]
fn a_reader_may_not_accept() {
    let mut h = with_new_product(Lang::En);
    let reader = h.store.actor("reader").expect("reader");
    assert!(
        crate::tui::keymap::for_screen(Screen::Policies, &h.app.session).any(|b| b.label == "v")
    );
    h.app.session.role = reader.role();
    assert!(
        !crate::tui::keymap::for_screen(Screen::Policies, &h.app.session).any(|b| b.label == "v")
    );
    h.keys("3jv");
    assert!(h.render().contains("GlobalReader"), "{}", h.render());
    assert_eq!(h.store.review_queue().expect("queue").len(), 1);
}

#[test]
fn the_review_queue_in_french() {
    let mut h = with_new_product(Lang::Fr);
    h.keys("3");
    let screen = h.render();
    assert!(screen.contains("1 à vérifier"), "{screen}");
    assert!(screen.contains("Contoso Widgets [nouveau]"), "{screen}");
    insta::assert_snapshot!("policies_review_fr_80x24", screen);
    h.keys("jv");
    insta::assert_snapshot!("policies_review_accept_fr_80x24", h.render());
}

#[test]
fn o_shows_the_orphaned_purchases_of_every_product_with_take_over_one_key_away() {
    let mut h = Harness::new(80, 24);
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    h.keys("o");
    assert!(h.app.orphans);
    // The demo's three buyers who left, across products.
    assert_eq!(h.app.subs.list.len(), 3);
    let products: std::collections::BTreeSet<_> = h
        .app
        .subs
        .list
        .shown()
        .map(|r| r.product_id.clone())
        .collect();
    assert!(products.len() > 1, "{products:?}");
    let screen = h.render();
    assert!(screen.contains("Orphaned purchases"), "{screen}");
    insta::assert_snapshot!("subscriptions_orphans_80x24", screen);
    h.keys("t");
    assert!(h.render().contains("Take over"), "{}", h.render());
    h.keys("<Esc>o");
    assert!(!h.app.orphans);
    assert!(h.app.subs.list.len() != 3 || !h.render().contains("Orphaned purchases"));
}

#[test]
fn the_orphaned_purchases_in_french() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("<Enter>o");
    let screen = h.render();
    assert!(screen.contains("Achats orphelins"), "{screen}");
    insta::assert_snapshot!("subscriptions_orphans_fr_80x24", screen);
}

#[test]
fn the_policy_panel_says_what_a_change_leaves_untouched() {
    let mut h = Harness::new(80, 24);
    h.keys("3/power bi pro<Enter><Enter>");
    // The current value is chosen: nothing would change, nothing said.
    assert!(!h.render().contains("Untouched"), "{}", h.render());
    h.keys("jj");
    let screen = h.render();
    assert!(
        screen.contains("Untouched: 6 self-service subscriptions"),
        "{screen}"
    );
    insta::assert_snapshot!("policy_panel_untouched_80x24", screen);
    // Nothing was written by looking.
    assert_eq!(
        h.store
            .policy(&selfserve_core::model::ProductId("CFQ7TTC0H9MP".into()))
            .expect("policy"),
        PolicyValue::Enabled
    );
}

#[test]
fn the_policy_panel_impact_in_french() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("3/power bi pro<Enter><Enter>jj");
    let screen = h.render();
    assert!(
        screen.contains("6 abonnements en libre-service"),
        "{screen}"
    );
    insta::assert_snapshot!("policy_panel_untouched_fr_80x24", screen);
}

/// Issue 14, point 4: the impact for "Allow for trials only" too, and the Save line stays on
/// the screen at 80x24 with the data notice above it.
#[test]
fn the_panel_shows_the_impact_of_trials_only_and_keeps_save_on_screen() {
    for lang in [Lang::En, Lang::Fr] {
        let mut h = Harness::in_lang(80, 24, lang);
        h.keys("3/power bi pro<Enter><Enter>j");
        let screen = h.render();
        let (untouched, save) = match lang {
            Lang::En => ("Untouched: 6", "[ Save changes ]"),
            Lang::Fr => (
                "6 abonnements, 21 utilisateurs",
                "[ Enregistrer les modifications ]",
            ),
        };
        assert!(screen.contains(untouched), "{screen}");
        assert!(screen.contains(save), "{screen}");
        let name = match lang {
            Lang::En => "policy_panel_untouched_trials_80x24",
            Lang::Fr => "policy_panel_untouched_trials_fr_80x24",
        };
        insta::assert_snapshot!(name, screen);
    }
}

/// Issue 14, point 4: `o` on the panel's impact opens the Subscriptions screen on that product's
/// self-service subscriptions, the self-service filter on, where `t` takes one over.
#[test]
fn o_opens_the_untouched_subscriptions_for_take_over() {
    for lang in [Lang::En, Lang::Fr] {
        let mut h = Harness::in_lang(80, 24, lang);
        h.keys("3/power bi pro<Enter><Enter>jj");
        h.keys("o");
        assert!(h.app.dialog.is_none());
        assert_eq!(h.app.screen, Screen::Subscriptions);
        assert!(h.app.self_service);
        assert!(!h.app.orphans);
        let key = h.app.subs_key.clone().expect("a product");
        assert_eq!(key.product.0, "CFQ7TTC0H9MP");
        assert!(key.self_service);
        assert_eq!(h.app.subs.list.len(), 6);
        assert!(h.app.subs.list.shown().all(|r| r.origin.is_self_service()));
        let screen = h.render();
        let name = match lang {
            Lang::En => {
                assert!(screen.contains("Power BI Pro: 6 self-service"), "{screen}");
                "subscriptions_untouched_opened_80x24"
            }
            Lang::Fr => {
                assert!(screen.contains("Power BI Pro : 6 abonnements"), "{screen}");
                "subscriptions_untouched_opened_fr_80x24"
            }
        };
        insta::assert_snapshot!(name, screen);
        h.keys("t");
        assert!(h.app.dialog.is_some(), "take-over is one key away");
    }
    // Nothing was written by opening.
    let h = Harness::new(80, 24);
    assert_eq!(
        h.store
            .policy(&selfserve_core::model::ProductId("CFQ7TTC0H9MP".into()))
            .expect("policy"),
        PolicyValue::Enabled
    );
}

#[test]
fn o_with_nothing_untouched_says_so() {
    let mut h = Harness::new(80, 24);
    // The current value chosen: no change, no impact.
    h.keys("3/power bi pro<Enter><Enter>o");
    assert!(h.app.dialog.is_some());
    assert!(h.render().contains("Nothing to open"), "{}", h.render());
}

/// Issue 14, point 4: the every-product question says the total impact; `o` opens the product
/// with the most.
#[test]
fn the_every_product_question_shows_the_total_impact_and_o_opens_it() {
    let mut h = Harness::new(80, 24);
    h.keys("3a");
    // Down to Do not allow, then save: the question.
    h.keys("jj<Enter>");
    let screen = h.render();
    assert!(screen.contains("Untouched:"), "{screen}");
    assert!(screen.contains("o opens the product"), "{screen}");
    insta::assert_snapshot!("policy_all_question_untouched_80x24", screen);
    h.keys("o");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    assert!(h.app.self_service);
    assert!(!h.app.subs.list.is_empty());
}

#[test]
fn help_lists_o_for_the_untouched_subscriptions() {
    let mut h = Harness::new(80, 24);
    h.keys("3?");
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&h.render());
        h.keys("<PgDn>");
    }
    assert!(
        seen.contains("Open the self-service subscriptions left untouched"),
        "{seen}"
    );
}

#[test]
fn the_every_product_question_in_french() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("3ajj<Enter>");
    let screen = h.render();
    assert!(
        screen.contains("66 abonnements en libre-service de 16 produits"),
        "{screen}"
    );
    insta::assert_snapshot!("policy_all_question_untouched_fr_80x24", screen);
}

/// However tall the window, from 24 rows up, the impact never pushes the Save line off.
#[test]
fn the_save_line_shows_at_every_height_from_24_rows() {
    for lang in [Lang::En, Lang::Fr] {
        for rows in (24..=40).step_by(4) {
            for choice in ["j", "jj"] {
                let mut h = Harness::in_lang(80, rows, lang);
                h.keys(&format!("3/power bi pro<Enter><Enter>{choice}"));
                let screen = h.render();
                let save = match lang {
                    Lang::En => "[ Save changes ]",
                    Lang::Fr => "[ Enregistrer les modifications ]",
                };
                assert!(screen.contains(save), "{rows} rows:\n{screen}");
            }
        }
    }
}

/// Another product's subscriptions were open, without the filter: `o` replaces them.
#[test]
fn o_replaces_another_products_subscriptions() {
    let mut h = Harness::new(80, 24);
    h.keys("<Enter>");
    let before = h.app.subs_key.clone().expect("a product");
    assert!(!before.self_service);
    assert_ne!(before.product.0, "CFQ7TTC0H9MP");
    h.keys("3/power bi pro<Enter><Enter>jjo");
    let key = h.app.subs_key.clone().expect("a product");
    assert_eq!(key.product.0, "CFQ7TTC0H9MP");
    assert!(key.self_service && h.app.self_service);
    assert_eq!(h.app.subs.list.len(), 6);
    assert!(h.render().contains("Power BI Pro (self-service only)"));
}
