//! The dashboard in French: the chrome from the French catalogue, in the admin center's words,
//! fitting 80x24. English is covered by the snapshots beside these.

use super::{whole_help, Harness};
use crate::i18n::Lang;
use crate::tui::action::Screen;
use crate::tui::keymap;

/// The screen's lines without the quotes the render puts around each.
fn lines(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .collect()
}

#[test]
fn products_in_french_at_80x24() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    let screen = h.render();
    insta::assert_snapshot!("products_fr_80x24", screen);
    let rows = lines(&screen);
    // Every tab's key and the DÉMO mark fit on the first line; the names that do not fit
    // beside them give way from the right (issue 15's eighth tab), the active one never.
    for s in Screen::ALL {
        let key = format!(" {} ", s.key());
        assert!(
            rows[0].starts_with(&key[1..]) || rows[0].contains(&key),
            "{key:?} in {:?}",
            rows[0]
        );
    }
    assert!(rows[0].starts_with("1 Produits 2 Abonnements 3 Stratégies"));
    assert!(rows[0].ends_with(" DÉMO "), "{:?}", rows[0]);
    assert!(rows[22].starts_with("? aide  / rechercher  f libre-service  Enter ouvrir  q quitter"));
    assert!(rows[23].contains("(Admin général)"));
    h.keys("f");
    let screen = h.render();
    insta::assert_snapshot!("products_self_service_fr_80x24", screen);
    assert!(screen.contains("Produits avec abonnements en libre-service (filtre actif : f)"));
}

#[test]
fn help_in_french_at_80x24_shows_every_key_whole() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("?");
    insta::assert_snapshot!("help_products_fr_80x24", h.render());
    let help = whole_help(&mut h);
    for heading in ["Sur l'écran Produits", "Partout", "Cette session"] {
        assert!(help.contains(heading), "{heading:?}");
    }
    let session = h.app.session.clone();
    for b in keymap::for_screen(Screen::Products, &session) {
        let text = Lang::Fr.t(b.help);
        assert_ne!(text, b.help, "{} has no message", b.help);
        assert!(help.contains(&text), "{text:?} is cut or missing");
    }
}

#[test]
fn policy_values_read_as_the_admin_center_words_them() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("3");
    let screen = h.render();
    assert!(screen.contains("Essais et achats en libre-service"));
    assert!(screen.contains("Autoriser"), "{screen}");
    // The PowerShell names stay as the module spells them.
    h.keys("<Tab>");
    let screen = h.render();
    assert!(screen.contains("AllowSelfServicePurchase = "), "{screen}");
}

/// Every message id the key table and the screens use exists: a missing one would show as its
/// id, which this catches.
#[test]
fn every_key_and_screen_has_its_message() {
    for lang in [Lang::En, Lang::Fr] {
        for b in keymap::BINDINGS {
            assert_ne!(lang.t(b.help), b.help, "{:?}: {}", lang, b.help);
        }
        for s in Screen::ALL {
            assert!(!s.tab(lang).starts_with("tab-"), "{s:?}");
            assert!(!s.title(lang).starts_with("title-"), "{s:?}");
        }
    }
}
