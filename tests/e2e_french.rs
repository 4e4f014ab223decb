//! The real binary in a pseudo-terminal under `LANG=fr_FR.UTF-8`, on a tenant created in
//! French: the products screen, the self-service filter, a subscription, the move wizard to
//! its result and a cancellation, all in the admin center's French words; the buyers' e-mails
//! go out in the tenant's language.

mod common;

use common::pty::*;
use common::{Env, ADMIN};
use serde_json::Value;

const PRO: &str = "CFQ7TTC0H9MP";

fn users_of(env: &Env, id: &str) -> usize {
    let sub = env.json(ADMIN, &["subscription", "show", id]);
    sub["users"].as_array().expect("users").len()
}

#[test]
fn the_dashboard_in_french_from_the_products_to_the_result_of_a_move() {
    let env = Env::demo_with(&["--lang", "fr"]);
    let rows = env.json(ADMIN, &["subscription", "list", "--product", PRO]);
    let rows: &Vec<Value> = rows.as_array().expect("rows");
    let id = |i: usize| rows[i]["id"].as_str().expect("id").to_string();
    let (moved, cancelled) = (id(0), id(1));
    let (moving, losing) = (users_of(&env, &moved), users_of(&env, &cancelled));
    assert!(
        moving > 1 && losing > 1,
        "plural forms are what this test reads"
    );

    let mut t = Tui::start_in_locale(&env, env.dir.path(), ADMIN, &[], "fr_FR.UTF-8");
    t.wait_for("Produits · 1 sur 17");
    t.wait_for("Coût/mois");
    t.wait_for("Admin général");
    t.send("f");
    t.wait_for("Produits avec abonnements en libre-service (filtre actif : f)");
    t.send("f");
    t.wait_for("Filtre libre-service désactivé");
    t.send("/pówer bi pro");
    t.wait_for("1 résultat");
    t.send("\r\r");
    t.wait_for("Power BI Pro · 1 sur 7");
    t.wait_for("UPN de l'acheteur");
    t.wait_for("Acheteur : ");
    t.wait_for("Renouvellement auto : ");

    t.send("m");
    t.wait_for("Déplacer les utilisateurs · étape 1 sur 6 : prise de contrôle");
    t.wait_for("Personne n'en a encore pris le contrôle");
    t.send("\r");
    t.wait_for("étape 2 sur 6 : destination");
    t.wait_for(&format!("oui, prend les {moving}"));
    t.send("\r");
    t.wait_for("étape 3 sur 6 : vérification");
    t.wait_for(&format!("Qui est déplacé ({moving})"));
    t.send("\r");
    t.wait_for("étape 4 sur 6 : confirmation");
    t.wait_for("c'est irréversible");
    t.send("y");
    t.wait_for("étape 6 sur 6 : résultat");
    t.wait_for(&format!("{moving} utilisateurs déplacés"));
    t.send("\r");
    t.wait_for("Supprimé");

    t.send("j");
    t.wait_for("Power BI Pro · 2 sur 7");
    t.send("c");
    t.wait_for("Annuler l'abonnement · motif");
    t.wait_for("Plus nécessaire");
    t.send("\r");
    // Dialogs keep « ? » on its word's line with a no-break space.
    t.wait_for("Voulez-vous vraiment annuler\u{a0}?");
    t.wait_for(&format!("Qui perd l'accès ({losing})"));
    t.send("y");
    t.wait_for("Annuler l'abonnement · résultat");
    t.wait_for(&format!("{losing} utilisateurs ont perdu l'accès"));
    t.send("\r");

    // The tenant speaks French: so do the e-mails its buyers got.
    t.send("6");
    t.wait_for("Boîte d'envoi");
    t.wait_for("Abonnement annulé");
    t.send("\r");
    t.wait_for("Votre abonnement Power BI Pro a été annulé");
    t.send("\x1b");
    t.wait_for("Boîte d'envoi");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();

    assert_eq!(
        env.json(ADMIN, &["subscription", "show", &moved])["status"],
        "Deleted"
    );
    assert_eq!(
        env.json(ADMIN, &["subscription", "show", &cancelled])["status"],
        "Deleted"
    );
}
