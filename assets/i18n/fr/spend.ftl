# Dépenses, renouvellements, gaspillage et économies (issue 15) : le rapport, l'écran et l'avis d'achat.

spend-do-read = lire les dépenses
spend-do-set-notice = activer ou désactiver l'avis d'achat
spend-notice-damaged = le paramètre d'avis d'achat du locataire est endommagé ; définissez-le de nouveau avec `selfserve tenant set-purchase-notice on` (ou off)

## L'avis aux administrateurs de chaque achat et essai en libre-service (un e-mail).
spend-term-month = mois
spend-term-year = an
spend-notice-purchase-subject = Achat en libre-service de { $product } par { $buyer }
spend-notice-trial-subject = Essai en libre-service de { $product } par { $buyer }
spend-notice-purchase-body = { $buyer } ({ $buyer_upn }) a acheté { $quantity ->
        [one] une licence
       *[other] { $quantity } licences
    } de { $product } le { $on } à { $price } par licence et par { $term } : { $total } par { $term }. L'abonnement se renouvelle automatiquement le { $renews }.
spend-notice-trial-card-body = { $buyer } ({ $buyer_upn }) a démarré un essai de { $product } ({ $quantity } licences) le { $on } avec un mode de paiement. Il devient un abonnement payant le { $renews } à { $price } par licence et par { $term } : { $total } par { $term }.
spend-notice-trial-free-body = { $buyer } ({ $buyer_upn }) a démarré un essai de { $product } ({ $quantity } licences) le { $on } sans mode de paiement. Il ne coûte rien et se termine le { $renews }.
spend-notice-see = Consultez-le avec `selfserve subscription show { $id }`. Pour ne plus recevoir ces avis : `selfserve tenant set-purchase-notice off`.
