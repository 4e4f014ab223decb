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
core-do-change-language = changer la langue du locataire
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

## `selfserve check` : une ligne par invariant enfreint.
core-breach-product-key = le produit { $id } est rangé sous une autre clé
core-breach-product-record = un enregistrement de produit ({ $key }) est illisible
core-breach-import-unapplied = une importation a été validée mais pas entièrement appliquée ; rouvrez la base (n'importe quelle commande sans serveur, ou redémarrez le serveur) pour la terminer
core-breach-policy-product = une stratégie nomme le produit inconnu { $id }
core-breach-policy-record = la stratégie de { $id } est illisible
core-breach-user-record = l'enregistrement d'utilisateur { $key } est illisible ou rangé sous une autre clé
core-breach-upn-entry = l'entrée d'index UPN « { $key } » ne correspond à aucun utilisateur
core-breach-upn-count = { $users ->
        [one] { $users } utilisateur
       *[other] { $users } utilisateurs
    } mais { $entries ->
        [one] { $entries } entrée d'index UPN
       *[other] { $entries } entrées d'index UPN
    }
core-breach-subscription-product = l'abonnement { $id } nomme le produit inconnu { $product_id }
core-breach-buyer-missing = l'abonnement { $id } a été acheté par un utilisateur qui n'existe pas
core-breach-no-buyer = l'abonnement libre-service { $id } n'a pas d'acheteur
core-breach-central-buyer = l'abonnement central { $id } a un acheteur
core-breach-subscription-record = l'enregistrement d'abonnement { $key } est illisible ou rangé sous une autre clé
core-breach-product-entry = l'entrée d'index produit { $key } ne correspond à aucun abonnement
core-breach-buyer-entry = l'entrée d'index acheteur { $key } ne correspond à aucun abonnement
core-breach-product-count = { $subscriptions ->
        [one] { $subscriptions } abonnement
       *[other] { $subscriptions } abonnements
    } mais { $entries ->
        [one] { $entries } entrée d'index produit
       *[other] { $entries } entrées d'index produit
    }
core-breach-buyer-count = { $subscriptions ->
        [one] { $subscriptions } abonnement
       *[other] { $subscriptions } abonnements
    } avec acheteur mais { $entries ->
        [one] { $entries } entrée d'index acheteur
       *[other] { $entries } entrées d'index acheteur
    }
core-breach-assignment-key = la clé d'attribution { $key } est mal formée
core-breach-assignment-record = l'attribution { $key } est illisible ou rangée sous une autre clé
core-breach-assignment-user = une attribution de l'abonnement { $id } nomme un utilisateur qui n'existe pas ({ $user })
core-breach-assignment-subscription = une attribution nomme un abonnement qui n'existe pas ({ $id })
core-breach-deleted-holds = l'abonnement supprimé { $id } détient encore la licence de l'utilisateur { $user }
core-breach-user-entry = l'entrée d'index des licences utilisateur { $key } n'a pas d'attribution
core-breach-user-count = { $assignments ->
        [one] { $assignments } attribution
       *[other] { $assignments } attributions
    } mais { $entries ->
        [one] { $entries } entrée d'index des licences utilisateur
       *[other] { $entries } entrées d'index des licences utilisateur
    }
core-breach-quantity = l'abonnement { $id } a { $assignments ->
        [one] { $assignments } attribution
       *[other] { $assignments } attributions
    } mais seulement { $quantity ->
        [one] { $quantity } licence
       *[other] { $quantity } licences
    }
core-breach-count = l'abonnement { $id } compte { $assigned } licences attribuées mais détient { $assignments ->
        [one] { $assignments } attribution
       *[other] { $assignments } attributions
    }
core-breach-admin-user = l'identifiant d'administrateur « { $login } » est lié à un utilisateur qui n'existe pas
core-breach-admin-record = l'enregistrement d'administrateur « { $key } » est illisible
core-breach-no-global-admin = le locataire n'a aucun administrateur général
core-breach-email-record = l'e-mail { $key } de la boîte d'envoi est illisible
core-breach-audit-record = l'événement d'audit { $key } est illisible

## Avis de changement (`selfserve watch`, la ligne de messages du tableau de bord).
core-change-summary = { $upn } { $action } : { $kind }
core-change-summary-ids = { $upn } { $action } : { $kind } { $ids }
core-record-subscription = abonnement
core-record-assignment = attribution
core-record-policy = stratégie
core-record-admin = administrateur
core-record-tenant = locataire
core-change-took-over = a pris le contrôle
core-change-moved-users = a déplacé des utilisateurs
core-change-cancelled = a annulé
core-change-bought = a acheté
core-change-centralised = a centralisé
core-change-bought-for-user = a acheté pour un utilisateur
core-change-trial-for-user = a démarré un essai pour un utilisateur
core-change-ran-lifecycle = a appliqué le cycle de vie
core-change-assigned = a attribué des licences
core-change-removed = a retiré des licences
core-change-policy = a modifié la stratégie
core-change-every-policy = a modifié la stratégie de chaque produit
core-change-bound-admin = a lié un administrateur
core-change-unbound-admin = a délié un administrateur
core-change-language = a changé la langue du locataire

## Qui a acheté un groupe d'abonnements (les utilisateurs d'un produit).
core-buyer-heading = Acheté par { $name } <{ $upn }>
core-buyer-central = Abonnement central (sans acheteur)

## La progression de `selfserve demo`, pour les grands locataires.
core-demo-creating-users = création de { $users ->
        [one] { $users } utilisateur
       *[other] { $users } utilisateurs
    }
core-demo-creating-central = création des abonnements centraux
core-demo-creating-self-service = création de { $subscriptions ->
        [one] { $subscriptions } abonnement libre-service
       *[other] { $subscriptions } abonnements libre-service
    }
core-demo-writing = écriture

## Règle 8 (SPEC §2), dans les mots de l'article : le panneau de stratégie et `policy set`.
core-data-notice-heading = Utilisation des données d'annuaire
core-data-notice = En autorisant les achats ou les essais, vous autorisez le service Commerce de Microsoft à traiter les données d'annuaire d'un utilisateur, hors des limites du locataire : le prénom et le nom, l'adresse e-mail, l'adresse IP et le GUID du locataire et de l'utilisateur (jeton d'accès Microsoft Entra ID). Elles servent à lui fournir une licence et à lui envoyer un e-mail concernant l'abonnement.
