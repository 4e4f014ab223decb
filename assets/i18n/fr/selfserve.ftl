# Les messages de selfserve en français, avec les termes du Centre d'administration Microsoft 365.
# Chaque id existe aussi dans en/selfserve.ftl, avec les mêmes paramètres (un test le vérifie).

## La ligne des onglets (courte : les sept tiennent en 80 colonnes) et les titres des écrans.
tab-products = Produits
tab-subscriptions = Abonnements
tab-policies = Stratégies
tab-export = Exporter
tab-audit = Audit
tab-outbox = Envois
tab-help = Aide
title-products = Produits
title-subscriptions = Abonnements
title-policies = Essais et achats en libre-service
title-export = Exporter les utilisateurs
title-audit = Journal d'audit
title-outbox = Boîte d'envoi
title-help = Aide
products-filtered = Produits avec abonnements en libre-service (filtre actif : f)

## La ligne des messages et la barre d'état.
hint-help = aide
hint-search = rechercher
hint-self-service = libre-service
hint-open = ouvrir
hint-quit = quitter
search-matches = { $count ->
    [one] { $shown } résultat
   *[other] { $shown } résultats
}
status-readonly = LECTURE SEULE
status-demo = DÉMO
role-short-global-admin = Admin général
role-short-billing-admin = Admin facturation
role-short-global-reader = Lecteur général
key-refused = { $what } n'est pas disponible : { $why }

## Les valeurs d'AllowSelfServicePurchase, comme le centre d'administration les nomme.
policy-allow = Autoriser
policy-trials-only = Autoriser pour les essais uniquement
policy-do-not-allow = Ne pas autoriser

## L'aide (?) : titre, sections et lignes de la session (libellés de 9 colonnes au plus).
help-title = {" "}Aide · { $screen }{" "}
help-title-scrolled = {" "}Aide · { $screen } · lignes { $first }–{ $last } sur { $total } (↑↓ PgUp PgDn){" "}
help-on = Sur l'écran { $screen }
help-everywhere = Partout
help-typing = Pendant la saisie d'une recherche
help-question = Quand la question est oui ou non
help-steps = Dans un déplacement, une annulation ou une centralisation
help-picker = Dans le choix des licences (A)
help-panel = Dans le panneau d'un produit
help-withheld = Non disponible pour vous
help-session = Cette session
help-you = Vous
help-can = Droits
help-tenant = Locataire
help-cloud = Cloud
help-lifecycle = Échéances
help-database = Base
help-demo = {" "}(DÉMO : données fictives)
help-readonly = Lecture seule : les actions qui modifient le locataire sont masquées.

## La table des touches : ce que fait chaque touche, comme l'aide la présente.
key-yes = Oui, continuer
key-enter-not-yes = Rien : seul y dit oui
key-no = Non, ne rien modifier
key-search-keep = Garder ce qui est tapé
key-search-clear = L'effacer et arrêter la saisie
key-delete-char = Effacer le dernier caractère
key-typing-up = Monter pendant la saisie
key-typing-down = Descendre pendant la saisie
key-path-keep = Garder le chemin
key-path-drop = Abandonner, garder l'ancien chemin
key-quit = Quitter
key-help = Aide de cet écran
key-messages = Messages jusqu'ici, chacun en entier
key-goto-products = Produits
key-goto-subscriptions = Abonnements du produit
key-goto-policies = Paramètres de libre-service
key-goto-export = Exporter les utilisateurs
key-goto-audit = Journal d'audit
key-goto-outbox = Boîte d'envoi
key-up = Monter
key-down = Descendre
key-page-up = Page précédente
key-page-down = Page suivante
key-first = Première ligne
key-last = Dernière ligne
key-search = Rechercher produit, acheteur, UPN
key-self-service = Filtre libre-service oui/non
key-open-product = Ouvrir les abonnements du produit
key-open-subscription = Ouvrir l'abonnement et ses utilisateurs
key-switch-pane = Passer de la liste aux utilisateurs
key-mark = Sélectionner ou non (un utilisateur, dans leur volet)
key-mark-all = Sélectionner tout ce qui est affiché (ou rien)
key-edit-path = Modifier le chemin d'exportation
key-write-csv = Écrire le CSV de la sélection
key-details = Afficher ou masquer les détails
key-read-email = Lire l'e-mail en entier
key-assign = Attribuer des licences (rechercher les utilisateurs)
key-unassign = Annuler l'attribution des licences sélectionnées
key-ask-cancel = Demander à l'acheteur d'annuler (e-mail)
key-take-over = Prendre le contrôle de cet abonnement
key-move = Déplacer les utilisateurs (assistant)
key-cancel = Annuler l'abonnement
key-centralise = Centraliser : un seul abonnement pour tous
key-step-up = Monter, ou faire défiler
key-step-down = Descendre, ou faire défiler
key-step-next = Étape suivante (ne modifie rien)
key-step-yes = Oui : effectuer ce qui est affiché
key-step-back = Étape précédente, ou fermer
key-step-buy = Acheter des licences pour les utilisateurs
key-step-term = Achat : engagement annuel / mensuel
key-open-policy = Ouvrir le panneau du produit
key-policy-all = Modifier le paramètre de tous les produits
key-value-above = Choisir la valeur au-dessus
key-value-below = Choisir la valeur en dessous
key-save = Enregistrer les modifications
key-results-up = Monter dans les résultats
key-results-down = Descendre dans les résultats
key-pick-user = Choisir l'utilisateur ou le retirer
key-review = Vérifier ce qui est choisi
key-close = Fermer, sans rien modifier
key-back = Effacer la recherche, ou revenir
