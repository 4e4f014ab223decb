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

## Les écrans (issue 11) : ce que disent les volets pendant le chargement ou vides, et la position.
screen-too-small = La fenêtre est trop petite ({ $width }x{ $height }). selfserve a besoin d'au moins { $min_width }x{ $min_height } : agrandissez la fenêtre, ou appuyez sur q pour quitter.
screen-loading = chargement…
screen-updating = { $position }, mise à jour…
screen-unreadable = lecture impossible
screen-loading-body = Chargement…
screen-no-match = Rien ne correspond à la recherche ; Esc l'efface.
screen-position = { $row } sur { $rows }
screen-position-matching = { $row } sur { $rows } trouvés, { $total } au total
screen-no-rows = aucune ligne
screen-products-empty = Aucun produit n'a d'abonnement en libre-service.
screen-buyer-tag = acheteur
screen-buyers-failed = Lecture des acheteurs impossible : noms et ID seulement
screen-buyers-reading = Lecture des acheteurs… en attendant, noms et ID seulement
screen-bought-by = Acheté par
screen-bought-by-more = et { $count ->
    [one] { $count } autre
   *[other] { $count } autres
}
screen-self-service-only = { $product } (libre-service uniquement)
screen-subscriptions-empty = Ce produit n'a pas d'abonnement ici.
screen-policies-empty = Aucun produit.

## En-têtes de colonnes. Un en-tête plus large que le contenu élargit sa colonne : restez court.
col-product = Produit
col-subs = Abonn.
col-licenses = Licences
col-assigned = Attribuées
col-assigned-short = Attr.
col-twice = 2 fois
col-expires = Expire
col-spend-month = Coût/mois
col-product-id = ID du produit
col-subscriptions = Abonnements
col-available = Quantité disponible
col-paid-twice = Payé 2 fois
col-next-expiry = Prochaine échéance
col-monthly-spend = Coût mensuel
col-policy = Libre-service
col-policy-allow = Autoriser
col-policy-trials-only = Essais uniquement
col-policy-do-not-allow = Ne pas autoriser
col-buyer = Acheteur
col-buyer-upn = UPN de l'acheteur
col-origin = Origine
col-quantity = Qté
col-used = Attr.
col-status = État
col-user = Nom d'affichage
col-user-upn = Nom d'utilisateur
col-department = Service
col-assigned-on = Attribuée le
col-paid = Payée
col-self-service = Libre-service
col-policy-value = PolicyValue
col-at = Date (UTC)
col-actor = Auteur
col-action = Action
col-target = Cible
col-created = Créé (UTC)
col-to = Destinataire
col-kind = Type
col-subject = Objet
col-state = État

## Les mots des valeurs, comme le centre d'administration les affiche.
word-central = Central
word-status-active = Actif
word-status-expired = Expiré
word-status-disabled = Désactivé
word-status-deleted = Supprimé
word-origin-purchase = Achat
word-origin-trial = Essai
word-origin-central = Central
word-origin-purchase-long = Achat en libre-service
word-origin-trial-long = Essai en libre-service
word-origin-central-long = Central (acheté par un administrateur)
word-term-annual = annuel
word-term-monthly = mensuel
word-step-renewed = renouvelé
word-step-converted = converti
word-step-expired = expiré
word-step-disabled = désactivé
word-step-deleted = supprimé
word-yes = oui
word-no = non
role-global-admin = Administrateur général
role-billing-admin = Administrateur de facturation
role-global-reader = Lecteur général
role-needs-read = un rôle d'administrateur
role-needs-subscriptions = le rôle GlobalAdministrator ou BillingAdministrator
role-needs-policies = le rôle GlobalAdministrator

## Le détail de l'abonnement et le volet des utilisateurs. Les libellés portent leurs deux-points.
detail-title = Détails
detail-users = { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
}
detail-users-loading = chargement des utilisateurs…
detail-users-of-marked = { $users } de { $count ->
    [one] { $count } abonnement sélectionné
   *[other] { $count } abonnements sélectionnés
}
detail-no-buyer = aucun (abonnement central)
detail-taken-over-on = { $by } le { $date }
detail-licenses = { $bought ->
    [one] { $bought } achetée
   *[other] { $bought } achetées
}, { $assigned ->
    [one] { $assigned } attribuée
   *[other] { $assigned } attribuées
}, { $free ->
    [one] { $free } libre
   *[other] { $free } libres
}
detail-licenses-short = { $bought ->
    [one] { $bought } achetée
   *[other] { $bought } achetées
}, { $assigned ->
    [one] { $assigned } attribuée
   *[other] { $assigned } attribuées
}
detail-price = { $price } par licence, { $term }
detail-expires-started = { $expires } (début le { $start })
detail-status-due = { $status } (échéance : { $step } le { $date }, non appliquée)
detail-card = carte •••• { $last4 }
detail-card-ending = carte finissant par { $last4 }
detail-invoice = facture
detail-no-payment = aucun
detail-product = Produit :
detail-buyer = Acheteur :
detail-origin = Origine :
detail-licenses-label = Licences :
detail-expires = Expiration :
detail-price-label = Prix :
detail-status = État :
detail-payment = Paiement :
detail-auto-renew = Renouvellement auto :
detail-taken-over-by = Repris par :
detail-taken-over = Repris :
detail-cancelled = Motif d'annulation :
detail-reason-no-longer-needed = n'est plus nécessaire
detail-reason-bought-by-mistake = acheté par erreur
detail-reason-moving-to-central = passage à un abonnement central
detail-reason-too-expensive = trop cher
detail-reason-other = autre
detail-no-users = Aucun utilisateur n'a de licence de cet abonnement.
detail-users-loading-body = Chargement des utilisateurs…
detail-paid-twice = 2 fois
detail-purchased-by = Acheté par { $buyer }
detail-central-group = Abonnement central (sans acheteur)
detail-policy = Stratégie :
detail-shown-as = Libellé :

## L'écran des stratégies.
policy-meaning-allow = Les utilisateurs peuvent acheter ce produit et démarrer des essais, avec ou sans mode de paiement.
policy-meaning-trials-only = Les utilisateurs peuvent seulement démarrer des essais sans mode de paiement ; aucun achat.
policy-meaning-do-not-allow = Les utilisateurs ne peuvent ni acheter ce produit ni en démarrer un essai.
policy-how-to-change = Enter ouvre son panneau ; depuis un shell : selfserve policy set { $product } VALEUR

## L'écran d'exportation.
export-title = Exporter les utilisateurs en CSV
export-path = Chemin :
export-path-hint = Enter garder · Esc annuler
export-path-edit = Chemin (e pour modifier) :
export-marked = Sélection :
export-marked-none = aucune : Space sélectionne un abonnement, a tous ceux affichés
export-marked-some = { $subs ->
    [one] { $subs } abonnement
   *[other] { $subs } abonnements
}, { $users ->
    [one] { $users } utilisateur
   *[other] { $users } utilisateurs
} · w écrit le CSV
export-writing = Écriture…
export-nothing-yet = Rien n'a encore été écrit.
export-subscriptions-of = Abonnements de { $product }

## Le journal d'audit et la boîte d'envoi.
audit-title = Journal d'audit, du plus récent au plus ancien
audit-empty = Aucun événement d'audit pour l'instant.
audit-event = Événement { $id }
audit-at-utc = { $time } UTC
audit-at = Date :
audit-actor = Auteur :
audit-action = Action :
audit-target = Cible :
audit-before = Avant :
audit-after = Après :
outbox-title = Boîte d'envoi, du plus récent au plus ancien
outbox-empty = Aucun e-mail n'a encore été envoyé.
outbox-to = Destinataire :
outbox-sent-at = Envoyé le :
outbox-pending = en attente
outbox-sent = envoyé
outbox-kind-subscription-cancelled = Abonnement annulé
outbox-kind-users-moved = Utilisateurs déplacés
outbox-kind-please-cancel = Demande d'annulation
outbox-kind-first-trial = Premier essai
outbox-kind-renewed = Renouvellement
outbox-kind-converted = Conversion
outbox-kind-expired = Expiration
outbox-kind-disabled = Désactivation
outbox-kind-deleted = Suppression
outbox-kind-notice = Avis

## Les lignes d'état, la recherche et la question oui/non.
status-db = base
search-hint-typing = Enter garder · Esc effacer
search-hint-kept = Esc effacer
confirm-title = Voulez-vous continuer ?
confirm-yes = oui
confirm-no = non

## Ce que la session peut faire (l'aide, et pourquoi une touche est refusée).
key-why-readonly = le tableau de bord est en --readonly
key-why-role = { $role } ne le peut pas : il faut { $needs }
key-can-readonly = consulter, rechercher et exporter seulement (--readonly)
key-can-everything = modifier abonnements, licences et stratégies
key-can-subscriptions = modifier abonnements et licences ; les stratégies demandent { $needs }
key-can-look = consulter, rechercher et exporter ; les modifications demandent { $needs }

## Les échéances (cycle de vie), sur la ligne des messages et dans l'aide.
help-lifecycle-running = en cours…
help-lifecycle-nothing-due = rien d'échu au { $date }
lifecycle-renewed = { $count ->
    [one] { $count } renouvelé
   *[other] { $count } renouvelés
}
lifecycle-converted = { $count ->
    [one] { $count } converti
   *[other] { $count } convertis
}
lifecycle-expired = { $count ->
    [one] { $count } expiré
   *[other] { $count } expirés
}
lifecycle-disabled = { $count ->
    [one] { $count } désactivé
   *[other] { $count } désactivés
}
lifecycle-deleted = { $count ->
    [one] { $count } supprimé
   *[other] { $count } supprimés
}
lifecycle-to-renew = { $count } à renouveler
lifecycle-to-convert = { $count } à convertir
lifecycle-to-expire = { $count } à expirer
lifecycle-to-disable = { $count } à désactiver
lifecycle-to-delete = { $count } à supprimer
lifecycle-list = { $first }, { $next }
lifecycle-then = { $first } ; { $next }
lifecycle-licenses-removed = { $count ->
    [one] { $count } licence retirée
   *[other] { $count } licences retirées
}
lifecycle-emails-sent = { $count ->
    [one] { $count } e-mail envoyé
   *[other] { $count } e-mails envoyés
}
lifecycle-message-applied = Échéances : { $what }
lifecycle-message-due = Échéances dues : { $what } ; non appliquées : { $why }
lifecycle-detail-applied = { $what }
lifecycle-detail-due = dues : { $what } ; non appliquées : { $why }
lifecycle-preview-only = aperçu seulement
lifecycle-role-may-not = { $role } ne peut pas les appliquer : il faut { $needs }

## Les messages du tableau de bord.
msg-lifecycle-failed = Les échéances n'ont pas pu être traitées : { $why }
msg-buyer-search-off = La recherche par acheteur est désactivée : { $why }
msg-export-path-empty = Le chemin d'exportation est vide ; l'ancien est gardé
msg-export-busy = L'exportation est encore en cours d'écriture
msg-export-nothing-marked = Sélectionnez d'abord des abonnements : Space, ou a pour tous ceux affichés
msg-export-replace = { $path } existe déjà. Le remplacer ?
msg-export-writing = Écriture de l'exportation…
msg-exported = { $count ->
    [one] { $count } ligne d'utilisateur écrite
   *[other] { $count } lignes d'utilisateurs écrites
} dans { $path }
msg-press-q = Appuyez sur q pour quitter
msg-no-product-yet = Aucun produit à afficher pour l'instant : attendez le chargement des produits
msg-self-service-on = Filtre libre-service actif : seuls les abonnements en libre-service comptent
msg-self-service-off = Filtre libre-service désactivé : tous les abonnements comptent
msg-changed = { $summary } (révision { $revision })
msg-changes-missed = { $count ->
    [one] { $count } modification faite par d'autres est arrivée
   *[other] { $count } modifications faites par d'autres sont arrivées
} plus vite que ce tableau de bord ne les lisait : tout est relu
