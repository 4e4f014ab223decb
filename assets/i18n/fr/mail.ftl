# Les e-mails que le cœur écrit dans la boîte d'envoi, dans la langue du locataire (`selfserve
# tenant set-language`), et les mots de ce réglage. Chaque id existe aussi dans en/mail.ftl, avec
# les mêmes paramètres (un test le vérifie).

## Communs aux e-mails aux acheteurs.
mail-hello = Bonjour { $name },
mail-questions = Des questions ? Adressez-vous à { $admin } <{ $admin_upn }>.
mail-not-charged = Cet abonnement ne vous sera plus facturé.
mail-reason-no-longer-needed = plus nécessaire
mail-reason-bought-by-mistake = acheté par erreur
mail-reason-moving-to-central = passage à un abonnement géré par votre organisation
mail-reason-too-expensive = trop cher
mail-reason-other = autre

## Un administrateur a annulé l'abonnement de l'acheteur.
mail-cancelled-subject = Votre abonnement { $product } a été annulé
mail-cancelled-body = Votre administrateur a annulé votre abonnement { $product } { $id } ({ $licenses ->
        [one] { $licenses } licence achetée
       *[other] { $licenses } licences achetées
    } le { $bought } ; motif : { $reason }). { $users ->
        [one] { $users } utilisateur n'en reçoit
       *[other] { $users } utilisateurs n'en reçoivent
    } plus de licence.

## Un administrateur a déplacé les utilisateurs de l'acheteur vers un abonnement central et annulé le sien.
mail-moved-subject = Votre abonnement { $product } a été annulé : ses utilisateurs reçoivent désormais leurs licences de votre organisation
mail-moved-body = Votre administrateur a pris le contrôle de votre abonnement { $product } { $id } ({ $licenses ->
        [one] { $licenses } licence achetée
       *[other] { $licenses } licences achetées
    } le { $bought }) et a déplacé { $users ->
        [one] son utilisateur
       *[other] ses { $users } utilisateurs
    } vers un abonnement géré par votre organisation : l'accès est conservé. Votre abonnement est annulé (motif : { $reason }).

## Un administrateur demande à l'acheteur d'annuler (la centralisation manuelle de l'article).
mail-ask-cancel-subject = Veuillez annuler votre abonnement { $product } : votre organisation le fournit
mail-ask-cancel-bought = Vous avez acheté { $licenses ->
        [one] { $licenses } licence
       *[other] { $licenses } licences
    } { $product } le { $bought } (abonnement { $id }).
mail-ask-cancel-bought-paid = Vous avez acheté { $licenses ->
        [one] { $licenses } licence
       *[other] { $licenses } licences
    } { $product } le { $bought } (abonnement { $id }), pour { $amount } par { $term ->
        [annual] an
       *[other] mois
    }.
mail-ask-cancel-unassigned = Aucune de ses licences n'est plus attribuée.
mail-ask-cancel-all-twice = Votre organisation fournit désormais une licence { $users ->
        [one] à l'utilisateur
       *[other] aux { $users } utilisateurs
    } de votre abonnement : elle les paie donc deux fois.
mail-ask-cancel-all-central = Votre organisation attribue { $users ->
        [one] à l'utilisateur
       *[other] aux { $users } utilisateurs
    } de votre abonnement des licences d'un abonnement qu'elle gère.
mail-ask-cancel-some-twice = Votre organisation fournit désormais une licence à { $twice } des { $users ->
        [one] { $users } utilisateur
       *[other] { $users } utilisateurs
    } de votre abonnement, qu'elle paie donc deux fois, et attribue des licences aux autres.
mail-ask-cancel-please = Veuillez l'annuler dans le centre d'administration Microsoft 365 ({ $url }), sous Facturation > Vos produits, pour qu'il ne vous soit plus facturé.

## Les avis du cycle de vie (à l'acheteur ; aux administrateurs pour un abonnement central).
mail-renewed-subject = Votre abonnement { $product } a été renouvelé
mail-renewed-body = Votre abonnement { $product } a été renouvelé automatiquement le { $on }. Il court désormais jusqu'au { $expires }.
mail-converted-subject = Votre essai de { $product } est devenu un abonnement payant
mail-converted-body = Votre essai de { $product } a pris fin le { $on } et est devenu un abonnement payant, facturé sur votre carte. Il se renouvelle le { $expires }.
mail-expired-subject = Votre abonnement { $product } a expiré
mail-expired-body = Votre abonnement { $product } a expiré le { $on }. Ses utilisateurs en gardent l'accès pendant { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }, puis il est désactivé.
mail-disabled-subject = Votre abonnement { $product } est désactivé
mail-disabled-body = Votre abonnement { $product } a été désactivé le { $on } : ses utilisateurs n'y ont plus accès. Un administrateur peut le réactiver dans { $days ->
        [one] un délai de { $days } jour
       *[other] un délai de { $days } jours
    } ; passé ce délai, il est supprimé.
mail-deleted-subject = Votre abonnement { $product } a été supprimé
mail-deleted-body = Votre abonnement { $product } a été supprimé le { $on } et { $removed ->
        [one] { $removed } licence a été retirée
       *[other] { $removed } licences ont été retirées
    }.

## Aux administrateurs : le premier essai en libre-service d'un produit.
mail-first-trial-subject = Premier essai en libre-service de { $product } dans votre organisation
mail-first-trial-body = { $buyer } ({ $buyer_upn }) a démarré le premier essai en libre-service de { $product } dans votre organisation le { $on }. Pour le voir, en prendre le contrôle ou l'annuler : `selfserve subscription show { $id }` ; `selfserve policy set { $product_id } ...` décide si les utilisateurs peuvent l'acheter ou l'essayer.

## La langue du locataire : celle des e-mails (`selfserve tenant set-language`, `tenant show`).
mail-language-en = anglais
mail-language-fr = français
mail-language-label = Langue des e-mails
mail-language-set = Les e-mails du locataire sont désormais rédigés en { $language }.
mail-language-unchanged = Les e-mails du locataire sont déjà rédigés en { $language } ; rien n'a changé.
mail-language-damaged = le réglage de langue du locataire est endommagé ; réglez-la de nouveau avec `selfserve tenant set-language fr` (ou en)
