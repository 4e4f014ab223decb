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

## Le paramètre du locataire (`tenant set-purchase-notice`, `tenant show`).
spend-notice-label = Avis d'achat aux administrateurs
spend-notice-set-on = Les administrateurs reçoivent désormais un avis de chaque achat et essai en libre-service.
spend-notice-set-off = Les administrateurs ne reçoivent plus d'avis des achats et essais en libre-service.
spend-notice-already-on = Les administrateurs reçoivent déjà un avis de chaque achat et essai en libre-service ; rien n'a changé.
spend-notice-already-off = L'avis des achats et essais en libre-service est déjà désactivé ; rien n'a changé.

## `selfserve report …`
spend-json-or-csv = --json et --csv ne vont pas ensemble ; choisissez l'un des deux
spend-title = Coût récurrent au { $today }
spend-self-service = Libre-service
spend-central = Central
spend-total = Total
spend-other-buyers = …et { $buyers } autres acheteurs : { $monthly } par mois
spend-renewals-title = Prélèvements et fins dans les { $days } prochains jours à partir du { $today } : { $total } au total
spend-waste-title = Licences achetées et non attribuées au { $today } : { $monthly } par mois
spend-savings-title = Centraliser dans les licences centrales libres au { $today } économiserait { $monthly } par mois, { $yearly } par an
spend-savings-how = `selfserve product centralise PRODUIT --dry-run` montre tout le plan.
spend-kind-renewal = renouvellement
spend-kind-conversion = conversion
spend-kind-trial-end = fin de l'essai
spend-kind-expiry = fin
spend-col-run-rate = Coût récurrent
spend-col-per-month = Par mois
spend-col-per-year = Par an
spend-col-product = Produit
spend-col-self-service-month = Libre-service/mois
spend-col-central-month = Central/mois
spend-col-buyer = Acheteur
spend-col-buyers = Acheteurs
spend-col-upn = UPN
spend-col-department = Service
spend-col-subscriptions = Abonnements
spend-col-month = Mois
spend-col-charged = Prélevé
spend-col-forecast = Prévu
spend-col-date = Date
spend-col-days = Jours
spend-col-kind = Quoi
spend-col-quantity = Quantité
spend-col-amount = Montant
spend-col-subscription = Abonnement
spend-col-assigned = Attribuées
spend-col-unused = Inutilisées
spend-col-users = Utilisateurs

## L'écran Dépenses (7).
spend-tab = Dépenses
spend-title-screen = Dépenses
spend-key-goto = Dépenses, renouvellements, économies
spend-key-tab = Liste suivante : à venir, inutilisées, économies
spend-key-open = Ouvrir l'abonnement de la ligne
spend-key-centralise = Centraliser le produit de l'économie
spend-msg-not-listed = Cet abonnement n'est plus dans la liste : il a changé depuis la lecture du rapport.
spend-msg-filter-off = Filtre libre-service désactivé, pour afficher cet abonnement central (f le réactive).
spend-tab-upcoming = À venir sur 90 jours
spend-tab-waste = Licences inutilisées
spend-tab-savings = Économies
spend-field-self-service = Libre-service :
spend-field-central = Central :
spend-field-total = Total :
spend-field-due = Dû sous 30/60/90 jours :
spend-field-due-30 = Dû sous 30 jours :
spend-field-unused = Licences inutilisées :
spend-field-saving = Centraliser économise :
spend-a-month = { $amount }/mois
spend-a-month-a-year = { $monthly }/mois, { $yearly }/an
spend-due-windows = { $d30 } · { $d60 } · { $d90 }
spend-chart-title = Dépenses en libre-service par mois : les 12 derniers et les 3 prochains
spend-chart-legend = { $charged } prélevé · { $forecast } prévu · plus haut { $top }
spend-month-jan = janv.
spend-month-feb = févr.
spend-month-mar = mars
spend-month-apr = avr.
spend-month-may = mai
spend-month-jun = juin
spend-month-jul = juil.
spend-month-aug = août
spend-month-sep = sept.
spend-month-oct = oct.
spend-month-nov = nov.
spend-month-dec = déc.
spend-col-in-days = Dans
spend-col-bought = Achetées
spend-central-buyer = Central
spend-upcoming-empty = Rien ne se renouvelle, ne devient payant ni ne se termine dans les 90 prochains jours.
spend-waste-empty = Toutes les licences payées sont attribuées.
spend-savings-empty = Aucun abonnement en libre-service n'a d'utilisateurs qui tiennent dans les licences centrales libres.
