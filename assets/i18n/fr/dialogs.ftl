# Les dialogues du tableau de bord (src/tui/dialogs, src/tui/widgets/dialog.rs), en français,
# avec les termes du Centre d'administration Microsoft 365. Chaque id existe aussi dans
# en/dialogs.ftl, avec les mêmes paramètres (un test le vérifie). Les touches (y, Esc n, Enter…)
# et les noms de rôles restent tels quels ; { $count } est groupé et choisit le pluriel.

## Commun : refus, titres, progression, résultats.
dialog-readonly = Le tableau de bord tourne en --readonly : il ne modifie rien
dialog-not-allowed = { $role } ne peut pas { $what } : il faut { $needs }
dialog-needs-any-role = un rôle d'administrateur
dialog-needs-subscriptions = GlobalAdministrator ou BillingAdministrator
dialog-needs-policies = GlobalAdministrator
dialog-do-change-subscriptions = modifier les abonnements
dialog-do-take-over = prendre le contrôle des abonnements
dialog-do-email-buyers = écrire aux acheteurs
dialog-do-assign = attribuer des licences
dialog-do-unassign = annuler l'attribution de licences
dialog-do-change-policies = modifier les stratégies
dialog-choose-subscription = Choisissez d'abord un abonnement (2 Abonnements, puis ↑↓)
dialog-choose-product = Choisissez d'abord un produit (1 Produits, puis ↑↓)
dialog-choose-email = Choisissez d'abord un e-mail (6 Envois, puis ↑↓)
dialog-choose-users = Choisissez d'abord des utilisateurs : Tab vers le volet des utilisateurs, puis Espace les marque (ou placez le curseur sur l'un d'eux)
dialog-title = {" "}{ $dialog } · { $step }{" "}
dialog-step-why = motif
dialog-step-sure = confirmation
dialog-step-cancelling = annulation
dialog-step-working = en cours
dialog-step-result = résultat
dialog-step-review = vérification
dialog-step-pick = choix des utilisateurs
dialog-working = { $spinner } { $what }… { $seconds } s. Une seule transaction : tout se fait, ou rien.
dialog-result-shown = Le journal d'audit (5) et la boîte d'envoi (6) en gardent la trace.
dialog-nothing-changed = Rien n'a été modifié.
dialog-nothing-written = Rien n'a été écrit
dialog-list-more = {"  "}… et { $count } de plus (↓ pour faire défiler)
dialog-planning = Préparation…
dialog-searching = Recherche…
dialog-reading-subscription = Lecture de l'abonnement…
dialog-reading-subscriptions = Lecture des abonnements…
dialog-note-working = Opération en cours : le résultat s'affichera ici.
dialog-note-nothing-here = Rien à faire ici : Esc ferme.
dialog-note-goes-ahead-back = { $yes } confirme ; { $back } revient en arrière, sans rien changer
dialog-note-goes-ahead-close = { $yes } confirme ; { $back } ferme, sans rien changer
dialog-note-nothing-to-do = Rien à faire : { $back } ferme

## Ce que font les touches d'une étape (la ligne des touches : court).
dialog-key-close = fermer
dialog-key-continue = suivant
dialog-key-scroll = défiler
dialog-key-other-term = autre période
dialog-key-back = retour
dialog-key-back-to-targets = retour
dialog-key-buy = acheter des licences
dialog-key-review = vérifier
dialog-key-choose-where = choisir la destination
dialog-key-close-nothing-changes = fermer, rien ne change
dialog-key-no-close = non, fermer sans rien changer
dialog-key-pick = choisir / retirer
dialog-key-yes-move = oui, les déplacer
dialog-key-no-back-to-review = non, revenir
dialog-key-yes-cancel = oui, l'annuler
dialog-key-no-back-to-reasons = non, revenir aux motifs
dialog-key-yes-centralise = oui, centraliser
dialog-key-no-back-to-plan = non, revenir au plan
dialog-key-yes-take-over = oui, en prendre le contrôle
dialog-key-yes-email-buyer = oui, écrire à l'acheteur
dialog-key-yes-unassign = oui, annuler l'attribution
dialog-key-yes-assign = oui, attribuer
dialog-key-no-back-to-picking = non, revenir au choix
dialog-key-yes-save = oui, enregistrer
dialog-key-no-back-to-panel = non, revenir au panneau

## Les mots que les dialogues partagent. Un abonnement se nomme avec son article
## (« l'abonnement Power BI Pro 3f2a1b2c… ») : les phrases l'emploient après « de », « à », « vers ».
dialog-sub = l'abonnement { $product } { $id }…
dialog-sub-bought-by = { $sub } acheté par { $buyer }
dialog-sub-central = { $sub } (central)
dialog-email-to = { $to } : « { $subject } »
dialog-term-annual = annuelle
dialog-term-monthly = mensuelle
dialog-origin-purchase = Achat
dialog-origin-trial = Essai
dialog-origin-central = Central
dialog-status-active = Actif
dialog-status-expired = Expiré
dialog-status-disabled = Désactivé
dialog-status-deleted = Supprimé
dialog-reason-no-longer-needed = Plus nécessaire
dialog-reason-bought-by-mistake = Acheté par erreur
dialog-reason-moving-to-central = Passage à un abonnement central
dialog-reason-too-expensive = Trop cher
dialog-reason-other = Autre
dialog-n-users = { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
}
dialog-n-emails = { $count ->
    [one] { $count } e-mail
   *[other] { $count } e-mails
}
dialog-who-moves = Qui est déplacé ({ $count })
dialog-who-loses-access = Qui perd l'accès ({ $count })
dialog-who-would-lose-access = Qui perdrait l'accès ({ $count })
dialog-who-loses-license = Qui perd sa licence ({ $count })
dialog-who-gets-license = Qui reçoit une licence ({ $count })
dialog-emailed = E-mail envoyé à { $list }
dialog-emails = Envoie un e-mail à { $list }
dialog-takes-over-first = En prend d'abord le contrôle (personne ne l'avait pris).
dialog-took-over-first = En a d'abord pris le contrôle (personne ne l'avait pris).
dialog-one-transaction = { $first } Une seule transaction : tout se fait, ou rien.

## L'assistant « Déplacer les utilisateurs ».
dialog-move-title = {" "}Déplacer les utilisateurs · étape { $n } sur 6 : { $step }{" "}
dialog-move-step-take-over = prise de contrôle
dialog-move-step-targets = destination
dialog-move-step-review = vérification
dialog-move-step-confirm = confirmation
dialog-move-step-working = déplacement
dialog-move-step-result = résultat
dialog-move-from = Depuis { $sub }
dialog-move-planning = Préparation du déplacement…
dialog-move-holders = { $count ->
    [one] { $count } utilisateur détient ses licences.
   *[other] { $count } utilisateurs détiennent ses licences.
}
dialog-move-take-over-explained = Prendre le contrôle d'un abonnement en libre-service le confie aux administrateurs : ils peuvent alors attribuer ses licences ou en annuler l'attribution, déplacer ses utilisateurs vers un autre abonnement ou l'annuler. L'acheteur est informé par e-mail de ce qui lui arrive.
dialog-move-taken-over-already = Contrôle déjà pris par { $by } le { $date }.
dialog-move-not-taken-over = Personne n'en a encore pris le contrôle : le déplacement le prend dans la même transaction, donc rien ne change avant votre confirmation à l'étape 4.
dialog-move-where = Où vont ses utilisateurs ({ $count }) ? Seul un abonnement du même produit avec une licence disponible par utilisateur peut les recevoir.
dialog-move-no-target = Il n'existe aucun autre abonnement actif de ce produit.
dialog-targets-sub = Abonn.
dialog-targets-origin = Origine
dialog-targets-rest = Acheteur, licences libres, les prend-il tous ?
dialog-target-free = { $free }/{ $quantity } libres
dialog-target-adds = { $count } à ajouter
dialog-target-yes = oui, prend les { $count }
dialog-target-not-active = non, { $status }
dialog-target-not-taken-over = non, sans contrôle
dialog-target-no-room = non, manque { $count }
dialog-target-other-product = non, autre produit
dialog-move-adds-missing = { $key } lui ajoute { $count ->
    [one] la licence qui lui manque
   *[other] les { $count } licences qui lui manquent
}, avec le déplacement.
dialog-move-buy-offer = Aucun n'a de place ? { $key } achète pour eux un abonnement central de { $count ->
    [one] { $count } licence
   *[other] { $count } licences
}.
dialog-move-note-no-target = Aucune destination à choisir : { $key } en achète une
dialog-move-note-not-selectable = Non sélectionnable : choisissez-en une qui dit oui, ou { $key } achète des licences
dialog-move-note-confirm = { $yes } les déplace ; { $back } revient en arrière, sans rien changer
dialog-move-confirm = Déplacer { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
} vers { $to } et annuler { $from } ?
dialog-move-confirm-after = Il apparaîtra alors comme Supprimé (motif : { $reason }) ; c'est irréversible. { $emailed ->
    [0] Personne ne reçoit d'e-mail.
   *[other] Son acheteur { $buyer } reçoit un e-mail.
}
dialog-move-moving = Déplacement de { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
}
dialog-move-moves = Déplace { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
} depuis { $from } vers { $to }.
dialog-move-moved = { $count ->
    [one] { $count } utilisateur déplacé
   *[other] { $count } utilisateurs déplacés
} depuis { $from } vers { $to }.
dialog-move-cancels = Annule { $from } : il apparaîtra comme Supprimé (motif : { $reason }). Ensuite, { $to } aura { $assigned ->
    [one] { $assigned } licence attribuée
   *[other] { $assigned } licences attribuées
} sur { $quantity }, { $free ->
    [one] { $free } libre
   *[other] { $free } libres
}.
dialog-move-cancelled = Annulé : { $from }, qui apparaît comme Supprimé (motif : { $reason }). Désormais, { $to } a { $assigned ->
    [one] { $assigned } licence attribuée
   *[other] { $assigned } licences attribuées
} sur { $quantity }, { $free ->
    [one] { $free } libre
   *[other] { $free } libres
}.
dialog-move-nobody-emailed = Personne ne reçoit d'e-mail (l'acheteur n'est pas dans l'annuaire).
dialog-move-emails-buyer = Envoie un e-mail à son acheteur { $buyer } : l'abonnement est annulé, les utilisateurs gardent leur accès.
dialog-move-done = { $count ->
    [one] { $count } utilisateur déplacé
   *[other] { $count } utilisateurs déplacés
} vers { $to }… ; { $from }… est annulé (Supprimé){ $emailed ->
    [0] {""}
   *[other] , e-mail envoyé à l'acheteur
}
dialog-move-done-bought = { $count ->
    [one] { $count } licence achetée
   *[other] { $count } licences achetées
} ; { $moved }
dialog-move-done-added = { $count ->
    [one] { $count } licence ajoutée
   *[other] { $count } licences ajoutées
} ; { $moved }
dialog-new-central-sub = le nouvel abonnement central { $product }
dialog-adds-first = Ajoute d'abord { $count ->
    [one] { $count } licence
   *[other] { $count } licences
} à { $sub } ({ $cost } de plus par période, sur facture).
dialog-added-first = { $count ->
    [one] { $count } licence ajoutée
   *[other] { $count } licences ajoutées
} d'abord à { $sub } ({ $cost } de plus par période, sur facture).
dialog-buy-plan = Achète de manière centralisée { $count ->
    [one] { $count } licence
   *[other] { $count } licences
} { $product } : { $unit } par licence et par période { $term }, { $cost } par période, payé sur facture, renouvelé automatiquement le { $date }.
dialog-buy-bought = { $count ->
    [one] { $count } licence { $product } achetée
   *[other] { $count } licences { $product } achetées
} de manière centralisée (abonnement { $id }) : { $unit } par licence et par période { $term }, { $cost } par période, payé sur facture, renouvelé automatiquement le { $date }.

## Annuler l'abonnement.
dialog-cancel = Annuler l'abonnement
dialog-cancel-done = { $id }… annulé ({ $reason }) : { $count ->
    [one] { $count } utilisateur a perdu
   *[other] { $count } utilisateurs ont perdu
} l'accès{ $emailed ->
    [0] {""}
   *[other] , e-mail envoyé à l'acheteur
}
dialog-cancel-deleted-already = Rien à annuler : { $sub } est déjà Supprimé
dialog-cancel-heading = { $sub }, { $assigned ->
    [one] { $assigned } licence attribuée
   *[other] { $assigned } licences attribuées
} sur { $quantity }
dialog-cancel-cancels = Annule { $sub } (motif : { $reason }) : il apparaîtra comme Supprimé et { $count ->
    [one] { $count } utilisateur perd
   *[other] { $count } utilisateurs perdent
} l'accès.
dialog-cancel-cancelled = Annulé : { $sub } (motif : { $reason }), qui apparaît comme Supprimé ; { $count ->
    [one] { $count } utilisateur a perdu
   *[other] { $count } utilisateurs ont perdu
} l'accès.
dialog-cancel-nobody-emailed = Personne ne reçoit d'e-mail : l'abonnement n'a pas d'acheteur dans l'annuaire.
dialog-cancel-planning = Préparation de l'annulation…
dialog-cancel-note-confirm = { $yes } l'annule ; { $back } revient en arrière, sans rien changer
dialog-cancel-why = Pourquoi l'annuler ? Le motif est inscrit au journal d'audit et communiqué à son acheteur.
dialog-cancel-sure = Voulez-vous vraiment annuler ?
dialog-cancel-working = Annulation

## Centraliser.
dialog-centralise-title = {" "}Centraliser { $product } · { $step }{" "}
dialog-centralise-reuses = Réutilise { $count ->
    [one] { $count } licence libre
   *[other] { $count } licences libres
} de { $sub } (valant { $value } par période, déjà payées).
dialog-centralise-reused = { $count ->
    [one] { $count } licence libre réutilisée
   *[other] { $count } licences libres réutilisées
} de { $sub } (valant { $value } par période, déjà payées).
dialog-centralise-adds = Ajoute { $count ->
    [one] { $count } licence
   *[other] { $count } licences
} à { $sub }, qui en aura alors { $quantity } ({ $cost } de plus par période, sur facture).
dialog-centralise-added = { $count ->
    [one] { $count } licence ajoutée
   *[other] { $count } licences ajoutées
} à { $sub }, qui en a désormais { $quantity } ({ $cost } de plus par période, sur facture).
dialog-centralise-move = { $users } de { $id }…
dialog-centralise-move-bought = { $users } de { $id }… acheté par { $buyer }
dialog-centralise-done = { $product } centralisé : { $count ->
    [one] { $count } utilisateur déplacé
   *[other] { $count } utilisateurs déplacés
} vers des licences centrales, { $subs ->
    [one] { $subs } abonnement annulé
   *[other] { $subs } abonnements annulés
}
dialog-centralise-moves = Y déplace { $users } de { $count ->
    [one] { $count } abonnement
   *[other] { $count } abonnements
} en libre-service ; chacun apparaîtra ensuite comme Supprimé (motif : passage à un abonnement central) et son acheteur reçoit un e-mail ({ $emails }).
dialog-centralise-moved = { $users } de { $count ->
    [one] { $count } abonnement
   *[other] { $count } abonnements
} en libre-service déplacés ; chacun apparaît comme Supprimé (motif : passage à un abonnement central) et son acheteur a reçu un e-mail ({ $emails }).
dialog-centralise-twice = { $count ->
    [one] { $count } utilisateur détient
   *[other] { $count } utilisateurs détiennent
} déjà une licence centrale (payée deux fois) : seule la licence en libre-service leur est retirée.
dialog-centralise-twice-done = { $count ->
    [one] { $count } utilisateur détenait
   *[other] { $count } utilisateurs détenaient
} déjà une licence centrale (payée deux fois) : seule la licence en libre-service leur a été retirée.
dialog-centralise-moves-heading = Abonnements en libre-service déplacés ({ $count })
dialog-centralise-confirm = Déplacer { $users } { $count ->
    [one] de l'abonnement en libre-service
   *[other] des { $count } abonnements en libre-service
} de { $product } vers des licences centrales, en les annulant ?
dialog-centralise-one-transaction = Une seule transaction : tout se fait, ou rien. { $count ->
    [one] { $count } acheteur reçoit
   *[other] { $count } acheteurs reçoivent
} un e-mail.
dialog-centralise-working = Centralisation de { $product }

## Prendre le contrôle de cet abonnement.
dialog-take-over = Prendre le contrôle de cet abonnement
dialog-take-over-working = Prise de contrôle
dialog-take-over-was-already = Le contrôle de { $id }… était déjà pris, par { $by } le { $date }
dialog-take-over-done = Contrôle pris sur { $id }… : ses licences peuvent maintenant être attribuées
dialog-take-over-already = Contrôle déjà pris par { $by } le { $date } : rien à faire.
dialog-take-over-plan = En prend le contrôle en tant que { $by } : les administrateurs pourront alors attribuer ses licences ou en annuler l'attribution, déplacer ses utilisateurs ou l'annuler. Son acheteur continue de le payer et ne reçoit pas d'e-mail ; ses utilisateurs gardent leurs licences.

## Demander à l'acheteur d'annuler.
dialog-ask-cancel = Demander à l'acheteur d'annuler
dialog-ask-cancel-working = Envoi
dialog-ask-cancel-done = Demande d'annulation envoyée à l'acheteur de { $id }…
dialog-ask-cancel-who = { $twice ->
    [one] { $twice } utilisateur détient
   *[other] { $twice } utilisateurs détiennent
} déjà une licence centrale (payée deux fois) ; { $lose ->
    [one] { $lose } utilisateur perdrait
   *[other] { $lose } utilisateurs perdraient
} l'accès si l'acheteur annule.
dialog-ask-cancel-unchanged = L'abonnement ne change pas : c'est son acheteur qui l'annule.

## Annuler l'attribution de licences.
dialog-unassign = Annuler l'attribution
dialog-unassign-working = Annulation de l'attribution
dialog-unassign-done = Attribution annulée pour { $count ->
    [one] { $count } licence
   *[other] { $count } licences
} : { $free ->
    [one] { $free } libre
   *[other] { $free } libres
} maintenant
dialog-unassign-takes-back = Reprend { $count ->
    [one] { $count } licence
   *[other] { $count } licences
} : l'abonnement aura alors { $assigned ->
    [one] { $assigned } attribuée
   *[other] { $assigned } attribuées
}, { $free ->
    [one] { $free } libre
   *[other] { $free } libres
}.
dialog-unassign-took-back = { $count ->
    [one] { $count } licence reprise
   *[other] { $count } licences reprises
} : l'abonnement en a { $assigned ->
    [one] { $assigned } attribuée
   *[other] { $assigned } attribuées
}, { $free ->
    [one] { $free } libre
   *[other] { $free } libres
}.

## Attribuer des licences.
dialog-assign = Attribuer des licences
dialog-assign-working = Attribution
dialog-assign-done = { $count ->
    [one] { $count } licence attribuée
   *[other] { $count } licences attribuées
} : { $free ->
    [one] { $free } libre
   *[other] { $free } libres
} maintenant
dialog-assign-heading = { $product } : { $assigned ->
    [one] { $assigned } licence attribuée
   *[other] { $assigned } licences attribuées
} sur { $quantity }
dialog-assign-search = Rechercher : { $query }▏
dialog-assign-nobody-matches = Personne dans l'annuaire ne correspond.
dialog-assign-found = Utilisateurs de l'annuaire ({ $count })
dialog-assign-picked = { $count ->
    [0] Personne n'est encore choisi.
    [one] { $count } utilisateur choisi.
   *[other] { $count } utilisateurs choisis.
}
dialog-assign-assigns = Attribue { $count ->
    [one] { $count } licence
   *[other] { $count } licences
} : l'abonnement aura alors { $assigned ->
    [one] { $assigned } attribuée
   *[other] { $assigned } attribuées
}, { $free ->
    [one] { $free } libre
   *[other] { $free } libres
}.
dialog-assign-assigned = { $count ->
    [one] { $count } licence attribuée
   *[other] { $count } licences attribuées
} : l'abonnement en a { $assigned ->
    [one] { $assigned } attribuée
   *[other] { $assigned } attribuées
}, { $free ->
    [one] { $free } libre
   *[other] { $free } libres
}.
dialog-assign-paid-twice = Payés deux fois jusqu'à l'annulation de leur autre abonnement : { $list }
dialog-assign-note-pick-first = Choisissez d'abord des utilisateurs : { $key } choisit celui sous le curseur
dialog-assign-note-confirm = { $yes } les attribue ; { $back } revient en arrière, sans rien changer

## Un e-mail de la boîte d'envoi, et les messages de la session.
dialog-email-title = {" "}E-mail n° { $id } · { $kind }{" "}
dialog-email-to-header = À : { $to }
dialog-email-written = Écrit le : { $time } UTC · { $state }
dialog-email-subject = Objet : { $subject }
dialog-email-pending = en attente
dialog-email-sent = envoyé
dialog-messages-title = {" "}Messages, du plus récent au plus ancien{" "}
dialog-messages-none = Aucun message pour l'instant.

## La question oui/non.
dialog-question-title = {" "}Confirmation{" "}
dialog-question-yes = oui
dialog-question-no = non
dialog-question-only-yes = Seul { $yes } confirme ; { $back } ne change rien

## Le panneau de stratégie (AllowSelfServicePurchase).
dialog-policy-readonly = Session en lecture seule (--readonly) : les stratégies se consultent, sans être modifiées
dialog-policy-saved-one = Enregistré : { $product } est maintenant « { $now } » (avant : « { $before } ») ; les achats et essais existants ne changent pas
dialog-policy-unchanged = Rien n'a changé : déjà « { $now } »
dialog-policy-saved-all = Enregistré : { $changed } produits sur { $count } sont maintenant « { $now } » ({ $already } l'étaient déjà) ; les achats et essais existants ne changent pas
dialog-policy-no-product = Aucun produit sélectionné
dialog-policy-not-loaded = Aucun produit chargé pour l'instant : attendez la liste
dialog-policy-saving = Enregistrement…
dialog-policy-all-question = Passer la stratégie de libre-service des { $count } produits à « { $now } » ? { $change ->
    [one] { $change } change
   *[other] { $change } changent
}, { $already ->
    [one] { $already } l'est déjà
   *[other] { $already } le sont déjà
}.
dialog-policy-only-yes = Seul { $yes } enregistre ; { $back } revient au panneau
dialog-policy-closed = Panneau de stratégie fermé ; rien n'a été modifié
dialog-policy-every-product = {" "}Tous les produits{" "}
dialog-policy-what-changes = Ce qui change ({ $count })
dialog-policy-change-row = { $product } : { $before } → { $now }
dialog-policy-means-allow = Achats et essais
dialog-policy-means-trials = Essais sans paiement
dialog-policy-means-none = Ni achat ni essai
dialog-policy-head = ID de produit { $id } · AllowSelfServicePurchase vaut « { $now } »
dialog-policy-head-all = Les { $count } produits : { $values }
dialog-policy-value-count = { $count } { $value }
dialog-policy-current = { $value } (actuel)
# Règle 8 de SPEC §2, avec les mots de l'article (« Utilisation des données d'annuaire »).
dialog-policy-blocked = Les utilisateurs ne peuvent ni acheter ce produit ni en démarrer un essai. Les achats et essais existants ne changent pas.
dialog-policy-read-only = Lecture seule : { $why }. Esc ferme.
dialog-policy-save-changes = Enregistrer les modifications
dialog-policy-key-save = enregistrer
dialog-policy-key-choose = choisir
dialog-policy-key-close = fermer sans enregistrer
