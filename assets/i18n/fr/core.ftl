# Les mots du cœur pour les personnes, hors lignes d'erreur : statuts, rôles, actions nommées
# dans un refus, avis de changement, anomalies de `selfserve check`, progression de la démo.

## Statuts et rôles, dans une phrase.
core-status-active = Actif
core-status-expired = Expiré
core-status-disabled = Désactivé
core-status-deleted = Supprimé
core-role-global-administrator = administrateur général
core-role-billing-administrator = administrateur de facturation
core-role-global-reader = lecteur général

## Les rôles qu'une action demande (« il faut … »).
core-needs-read = un rôle d'administrateur
core-needs-manage-subscriptions = administrateur général ou administrateur de facturation
core-needs-manage-policies = administrateur général

## Ce qu'un administrateur ne peut pas faire (« … et ne peut pas … »).
core-do-change-administrators = modifier les administrateurs
core-do-change-policies = modifier les stratégies libre-service
core-do-move-users = déplacer les utilisateurs
core-do-read-subscriptions = lire les abonnements
core-do-take-over = prendre le contrôle des abonnements
core-do-assign = attribuer des licences
core-do-unassign = retirer des licences
core-do-centralise = centraliser les achats
core-do-storefront = agir pour un utilisateur dans la boutique
core-do-add-licenses = ajouter des licences
core-do-ask-cancel = demander aux acheteurs d'annuler
core-do-cancel = annuler des abonnements
core-do-read-lifecycle = lire le cycle de vie
core-do-run-lifecycle = appliquer le cycle de vie
core-do-buy = acheter des abonnements
core-do-export = exporter les utilisateurs
core-do-search-directory = chercher dans l'annuaire
core-do-read-products = lire les produits
core-do-read-assignments = lire les attributions de licences
core-do-read-policies = lire les stratégies
core-do-read-admins = lire les administrateurs
core-do-read-audit = lire le journal d'audit
core-do-read-outbox = lire la boîte d'envoi
core-do-check = vérifier la base
core-do-create-demo = créer un locataire de démonstration
core-do-replace-demo = remplacer la base par un locataire de démonstration

## Un abonnement tel que les phrases le nomment.
core-subscription-named = l'abonnement { $product } { $id }…
