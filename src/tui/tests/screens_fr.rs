//! Every screen in French, at 80x24 and 160x48: the admin center's words, headers never cut,
//! amounts, counts and dates as French writes them, and no message id left showing.

use super::Harness;
use crate::i18n::Lang;
use crate::tui::action::Screen;
use crate::tui::labels::word;
use crate::tui::screens::subscriptions::list_cols;
use crate::tui::widgets::table::Col;

/// The French snapshots at both sizes, each checked for leftover ids; 80x24 is left in place.
fn snap_fr(h: &mut Harness, name: &str) -> String {
    h.resize(160, 48);
    let wide = h.render();
    no_ids(&wide);
    insta::assert_snapshot!(format!("{name}_fr_160x48"), wide);
    h.resize(80, 24);
    let screen = h.render();
    no_ids(&screen);
    insta::assert_snapshot!(format!("{name}_fr_80x24"), screen.clone());
    screen
}

/// A message the catalogue lacks shows as its id: none may reach the screen.
fn no_ids(screen: &str) {
    for prefix in [
        "screen-",
        "col-",
        "detail-",
        "word-",
        "msg-",
        "export-",
        "audit-",
        "outbox-",
        "status-",
        "search-",
        "lifecycle-",
        "notice-",
        "role-",
        "key-",
        "help-",
        "policy-",
        "confirm-",
    ] {
        // Hyphenated words of the data (e-mail addresses, ids) never start with these.
        for (at, _) in screen.match_indices(prefix) {
            let before = screen[..at].chars().next_back();
            assert!(
                before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '@'),
                "a message id shows at {at}: {screen}"
            );
        }
    }
}

/// Each header of `cols` shows whole on the header row (the screen's `row`-th line).
fn headers_whole(screen: &str, row: usize, cols: &[Col]) {
    let line = screen.lines().nth(row).expect("header row");
    for c in cols.iter().filter(|c| !c.title.is_empty()) {
        let header = c.header(Lang::Fr);
        assert!(line.contains(header), "{header:?} cut in {line}");
    }
}

const NBSP: char = '\u{a0}';

#[test]
fn products_in_french_every_size_and_filter() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    let screen = snap_fr(&mut h, "products");
    assert!(screen.contains("Produits · 1 sur 17"), "{screen}");
    for header in ["Produit", "Abonn.", "Licences", "Attr.", "2 fois", "Expire"] {
        assert!(screen.contains(header), "{header:?}: {screen}");
    }
    // Amounts and dates as French writes them; no English form left.
    assert!(screen.contains(&format!("780,00{NBSP}€")), "{screen}");
    assert!(screen.contains("30/11/2026"), "{screen}");
    assert!(
        !screen.contains("EUR") && !screen.contains("2026-11"),
        "{screen}"
    );
    h.resize(160, 48);
    let wide = h.render();
    for header in [
        "ID du produit",
        "Abonnements",
        "Quantité disponible",
        "Payé 2 fois",
        "Prochaine échéance",
        "Coût mensuel",
        "Libre-service",
    ] {
        assert!(wide.contains(header), "{header:?}: {wide}");
    }
    assert!(wide.contains("Ne pas autoriser") && wide.contains("Essais uniquement"));
    h.resize(80, 24);
    h.keys("f");
    let filtered = snap_fr(&mut h, "products_self_service");
    assert!(
        filtered.contains("Filtre libre-service actif"),
        "{filtered}"
    );
}

#[test]
fn products_search_in_french_finds_buyers_and_counts_matches() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("/pówer");
    let screen = snap_fr(&mut h, "products_search");
    assert!(screen.contains("trouvés, 17 au total"), "{screen}");
    assert!(screen.contains("résultats"), "{screen}");
    assert!(screen.contains("Enter garder · Esc effacer"), "{screen}");
    // A product found through its buyer says so in French.
    h.keys("<Esc>/garcia<Enter>");
    let screen = snap_fr(&mut h, "products_buyer_search");
    assert!(screen.contains(" acheteur"), "{screen}");
    assert!(screen.contains("Acheté par "), "{screen}");
}

#[test]
fn subscriptions_in_french_with_details_and_users() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("<Enter>j");
    let screen = snap_fr(&mut h, "subscriptions");
    headers_whole(&screen, 2, &list_cols(Lang::Fr));
    for text in [
        "Actif",
        "Essai",
        "Achat",
        "Acheteur :",
        "Origine :",
        "État :",
        "Prix :",
        "Renouvellement auto : oui",
        "Repris : non",
        "Nom d'affichage",
        "Nom d'utilisateur",
        "Attribuée le",
        "Acheté par ",
    ] {
        assert!(screen.contains(text), "{text:?}: {screen}");
    }
    assert!(
        screen.contains(&format!("119,99{NBSP}€ annuel")),
        "{screen}"
    );
    assert!(!screen.contains("Active") && !screen.contains("Purchase"));
    h.resize(160, 48);
    let wide = h.render();
    for text in [
        "Origine : Achat en libre-service",
        "par licence, annuel",
        "(début le ",
        "Repris par : non",
        "Paiement : carte •••• ",
    ] {
        assert!(wide.contains(text), "{text:?}: {wide}");
    }
    h.resize(80, 24);
    h.keys("<Enter>");
    snap_fr(&mut h, "subscriptions_users");
    h.keys("<Esc><Space><Space>");
    let marked = snap_fr(&mut h, "subscriptions_marked");
    assert!(marked.contains("abonnements sélectionnés"), "{marked}");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    h.keys("f");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    let filtered = h.render();
    assert!(
        filtered.contains("(libre-service uniquement)"),
        "{filtered}"
    );
}

#[test]
fn policies_in_french_with_detail() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("3");
    let screen = snap_fr(&mut h, "policies");
    for text in [
        "Essais et achats en libre-service",
        "ID du produit",
        "Autoriser pour les essais uniquement",
        "Ne pas autoriser",
    ] {
        assert!(screen.contains(text), "{text:?}: {screen}");
    }
    h.keys("jj<Tab>");
    let detail = snap_fr(&mut h, "policies_detail");
    assert!(
        detail.contains("Stratégie : AllowSelfServicePurchase = "),
        "{detail}"
    );
    assert!(detail.contains("Libellé : "), "{detail}");
    assert!(detail.contains("selfserve policy set "), "{detail}");
}

#[test]
fn export_in_french_marks_writes_and_says_so() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("4");
    let screen = h.render();
    assert!(
        screen.contains("Exporter les utilisateurs en CSV"),
        "{screen}"
    );
    assert!(screen.contains("Sélection : aucune"), "{screen}");
    h.keys("w");
    let refused = h.app.message.clone().expect("a message");
    assert!(refused.error);
    assert!(refused
        .text
        .starts_with("Sélectionnez d'abord des abonnements"));
    // Whole on the message line at 80 columns.
    let line = h
        .render()
        .lines()
        .nth(22)
        .expect("message line")
        .to_string();
    assert!(line.contains("tous ceux affichés"), "{line}");
    h.keys("<Space><Down><Space>");
    let marked = snap_fr(&mut h, "export");
    assert!(marked.contains("2 abonnements, "), "{marked}");
    assert!(marked.contains("w écrit le CSV"), "{marked}");
    h.keys("e");
    let editing = snap_fr(&mut h, "export_editing");
    assert!(editing.contains("Chemin : "), "{editing}");
    assert!(editing.contains("Enter garder · Esc annuler"), "{editing}");
    for _ in 0..h.app.export.path.chars().count() + 5 {
        h.keys("<BS>");
    }
    let path = h.dir.path().join("utilisateurs.csv");
    h.keys(&format!("{}<Enter>w", path.display()));
    let last = h.app.export.last.clone().expect("written");
    assert!(
        last.contains("lignes d'utilisateurs écrites dans "),
        "{last}"
    );
    // Machine output does not change with the language: the CSV header of SPEC §3.
    let csv = std::fs::read_to_string(&path).expect("csv");
    assert!(csv.starts_with("Display name,User principal name,Product"));
    h.keys("w");
    let asking = h.render();
    assert!(asking.contains("existe déjà. Le remplacer ?"), "{asking}");
}

#[test]
fn audit_and_outbox_in_french() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    // A cancellation e-mails its buyer: the outbox has a line to show.
    use selfserve_core::query::{subscription_rows, SubscriptionFilter};
    let filter = SubscriptionFilter {
        self_service_only: true,
        ..SubscriptionFilter::default()
    };
    let sub = subscription_rows(&h.store, &h.actor, &filter, h.app.now).expect("rows")[0].id;
    let reason = selfserve_core::model::CancelReason::Other;
    let now = h.app.now;
    selfserve_core::ops::cancel::cancel(&h.store, &h.actor, sub, reason, now, false)
        .expect("cancel");
    h.keys("5");
    let audit = snap_fr(&mut h, "audit");
    for text in [
        "Journal d'audit",
        "Date (UTC)",
        "Auteur",
        "Cible",
        "23/11/2026 12:00",
    ] {
        assert!(audit.contains(text), "{text:?}: {audit}");
    }
    // Action names are the log's own, as in English.
    assert!(audit.contains("tenant.create-demo") || audit.contains("subscription."));
    h.keys("<Enter>");
    let detail = snap_fr(&mut h, "audit_detail");
    assert!(detail.contains("Événement "), "{detail}");
    assert!(detail.contains("Date : 23/11/2026 12:00 UTC"), "{detail}");
    h.keys("6");
    let outbox = snap_fr(&mut h, "outbox");
    for text in [
        "Boîte d'envoi",
        "Destinataire",
        "Objet",
        "Abonnement annulé",
    ] {
        assert!(outbox.contains(text), "{text:?}: {outbox}");
    }
    h.keys("<Tab>");
    let detail = snap_fr(&mut h, "outbox_detail");
    assert!(
        detail.contains("Envoyé le : 23/11/2026 12:00 UTC"),
        "{detail}"
    );
}

#[test]
fn help_of_subscriptions_and_the_too_small_window_in_french() {
    let mut h = Harness::in_lang(80, 24, Lang::Fr);
    h.keys("<Enter>?");
    let help = snap_fr(&mut h, "help_subscriptions");
    assert!(help.contains("Aide · Abonnements"), "{help}");
    let whole = super::whole_help(&mut h);
    assert!(
        whole.contains("modifier abonnements, licences et stratégies"),
        "{whole}"
    );
    assert!(
        whole.contains("adele.vance@contoso.example (Administrateur général)"),
        "{whole}"
    );
    h.resize(60, 20);
    let small = h.render();
    no_ids(&small);
    insta::assert_snapshot!("too_small_fr_60x20", small.clone());
    assert!(
        small.contains("La fenêtre est trop petite (60x20)"),
        "{small}"
    );
}

#[test]
fn the_status_bar_and_messages_in_french() {
    let mut h = Harness::in_lang(160, 48, Lang::Fr);
    let screen = h.render();
    let status = screen.lines().last().expect("status");
    assert!(status.contains("(Administrateur général)"), "{status}");
    assert!(status.contains("23/11/2026 12:00 UTC"), "{status}");
    assert!(screen.contains("base /home/admin/"), "{screen}");
    h.keys("<Esc>");
    assert_eq!(
        h.app.message.as_ref().map(|m| m.text.as_str()),
        Some("Appuyez sur q pour quitter")
    );
    // Read-only says so, and why a key is refused, in French.
    let mut ro = Harness::with_session(
        80,
        24,
        crate::tui::Session {
            lang: Lang::Fr,
            ..super::session(true)
        },
    );
    assert!(ro.render().contains("LECTURE SEULE"));
    ro.keys("<Enter>c");
    let refused = ro.app.message.clone().expect("refused");
    assert!(
        refused
            .text
            .ends_with("le tableau de bord est en --readonly"),
        "{}",
        refused.text
    );
}

#[test]
fn column_words_are_looked_up_once_per_language() {
    // The render path asks the cache, which gives the very same string each time.
    let a = word(Lang::Fr, "col-available");
    let b = word(Lang::Fr, "col-available");
    assert!(std::ptr::eq(a, b));
    assert_eq!(a, "Quantité disponible");
    assert_eq!(Screen::Export.title(Lang::Fr), "Exporter les utilisateurs");
}
