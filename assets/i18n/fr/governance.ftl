# Stratégies sous forme de code et gouvernance (ticket 14) : fichiers d'état souhaité, plans, écarts, export.

gov-change-applied = a appliqué un fichier de stratégies
gov-file-not-utf8 = { $file } n'est pas un texte UTF-8 (à partir de l'octet { $offset }) ; enregistrez-le en UTF-8 et réessayez ; rien n'a été modifié
gov-file-error = { $file }, ligne { $line }, { $key } : { $why } ; rien n'a été modifié
gov-file-error-at = { $file }, ligne { $line } : { $why } ; rien n'a été modifié
gov-why-unknown-key = clé inconnue ; la section « Policy as code » du README donne toutes les clés
gov-why-toml = { $detail }
gov-why-value = « { $value } » n'est pas une valeur de stratégie ; utilisez Enabled, OnlyTrialsWithoutPaymentMethod ou Disabled
gov-why-unknown-product = aucun produit { $id } dans ce locataire ; `selfserve policy list` donne l'ID de chaque produit
gov-why-twice = { $id } est nommé deux fois ; n'en gardez qu'un
gov-why-excluded-and-listed = le produit est dans policy.exclude et dans [products] ; ne le mettez qu'à un endroit
gov-why-offer-type = type d'offre inconnu ; les types d'offre sont { $types }
gov-why-offer-value = la stratégie d'un type d'offre est Enabled ou Disabled
gov-subject-default = la valeur par défaut des nouveaux produits
gov-subject-product = { $name } ({ $id })
gov-subject-offer-type = type d'offre { $name }
gov-plan-change = modifier { $subject } : { $actual } → { $expected } (selon { $key })
gov-plan-same = garder { $subject } : { $actual } (selon { $key })
gov-plan-left = laisser { $subject } : { $actual } (le fichier ne le nomme pas)
gov-plan-summary = { $changes ->
    [0] Rien à modifier : le locataire correspond à { $file } ({ $same } paramètres).
   *[other] { $changes } à modifier, { $same } gardés ou laissés ; `selfserve policy apply { $file }` les applique en une fois.
  }
gov-drift-line = { $subject } : attendu { $expected }, constaté { $actual } ({ $key })
gov-drift-matches = Le locataire correspond à { $file }.
gov-drift-differs = { $count ->
    [one] 1 paramètre diffère de { $file }.
   *[other] { $count } paramètres diffèrent de { $file }.
  }
gov-apply-needs-yes = policy apply ne modifie le locataire sans demander qu'avec --yes (aucun terminal où demander) ; voyez d'abord les modifications avec `selfserve policy plan { $file }`
gov-apply-ask = { $count ->
    [one] Appliquer cette modification ? Tapez y pour appliquer, autre chose pour arrêter :{" "}
   *[other] Appliquer ces { $count } modifications ? Tapez y pour appliquer, autre chose pour arrêter :{" "}
  }
gov-apply-declined = Rien n'a été modifié.
gov-applied = { $count ->
    [one] 1 paramètre modifié selon { $file }, en une fois avec un événement d'audit.
   *[other] { $count } paramètres modifiés selon { $file }, en une fois avec un événement d'audit.
  }
gov-apply-nothing = Le locataire correspond déjà à { $file } ; rien n'a été modifié.
gov-change-default = a défini la valeur par défaut des nouveaux produits
gov-change-accepted = a accepté de nouveaux produits
gov-change-catalogue = a mis à jour le catalogue
gov-do-update-catalogue = mettre à jour le catalogue de produits
gov-review-not-queued = { $id } n'attend pas de vérification ; `selfserve policy review` liste les produits qui en attendent
gov-catalogue-bad = { $file }, ligne { $line } : { $why } ; rien n'a été modifié
gov-why-product-name = le produit { $id } doit avoir un nom sans caractère de contrôle
gov-why-price = le produit { $id } a un prix négatif
gov-arrival-import = une importation de stratégies
gov-arrival-catalogue = une mise à jour du catalogue
gov-mail-new-product-subject = Nouveau produit en libre-service à vérifier : { $product }
gov-mail-new-product-body = { $product } ({ $id }) est apparu dans le locataire par { $via } ({ $file }) le { $on }. Sa stratégie de libre-service est désormais : { $value }.
gov-mail-new-product-review = Vérifiez-le sur l'écran Stratégies du tableau de bord, ou avec `selfserve policy review --accept { $id }` une fois sa valeur conforme à votre choix (`selfserve policy set { $id } VALEUR` la modifie).
gov-default-is = Les nouveaux produits reçoivent { $value } ({ $words }) à leur apparition.
gov-default-set = Les nouveaux produits reçoivent désormais { $value } à leur apparition (avant : { $previous }) ; les produits existants gardent leur valeur.
gov-default-unchanged = Les nouveaux produits reçoivent déjà { $value } ; rien n'a été modifié.
gov-review-usage = indiquez --accept PRODUIT ou --all, pas les deux
gov-review-empty = Aucun produit n'attend de vérification.
gov-review-waiting = { $count ->
    [one] 1 produit attend une vérification : `selfserve policy review --accept PRODUIT` ou `--all` l'accepte tel quel.
   *[other] { $count } produits attendent une vérification : `selfserve policy review --accept PRODUIT` ou `--all` les accepte tels quels.
  }
gov-review-accepted = { $count ->
    [0] Aucun produit n'attendait de vérification ; rien n'a été modifié.
    [one] 1 produit accepté : il garde sa valeur et quitte la file.
   *[other] { $count } produits acceptés : ils gardent leur valeur et quittent la file.
  }
gov-col-arrived = Apparu le
gov-col-through = Par
gov-through = { $via } ({ $file })
gov-catalogue-added = ajouté { $name } ({ $id }) : il reçoit la valeur par défaut des nouveaux produits et attend une vérification
gov-catalogue-changed = modifié { $name } ({ $id }) : nom, essai ou prix ; sa stratégie est conservée
gov-catalogue-summary = { $file } : { $added } ajoutés, { $changed } modifiés, { $unchanged } inchangés.
gov-catalogue-summary-dry-run = { $file } : { $added } seraient ajoutés, { $changed } modifiés, { $unchanged } inchangés (simulation : rien n'a été modifié).
gov-key-accept-review = Accepter tel quel le produit à vérifier
gov-tui-do-accept = accepter les produits qui attendent une vérification
gov-tui-choose-product = choisissez d'abord un produit
gov-tui-accept-title = Accepter le nouveau produit
gov-tui-accept-yes = oui, l'accepter
gov-tui-accept-working = Acceptation en cours
gov-tui-accept-what = Il est apparu le { $arrived } et il est réglé sur { $words }. L'accepter garde cette valeur et le retire de la file de vérification.
gov-tui-accept-change-first = Pour lui donner d'abord une autre valeur, fermez ceci et appuyez sur Entrée pour ouvrir sa stratégie.
gov-tui-accepted = { $name } ({ $id }) accepté : il garde sa valeur.
gov-tui-mark = { $name } [nouveau]
gov-tui-waiting = En attente de vérification depuis son apparition ; v l'accepte tel quel.
gov-tui-waiting-count = { $count ->
    [one] · 1 à vérifier
   *[other] · { $count } à vérifier
  }
gov-no-cardless-trial = { $product } ({ $id }) n'a pas d'essai sans moyen de paiement, donc OnlyTrialsWithoutPaymentMethod ne peut pas s'y appliquer (Update-MSCommerceProductPolicy le refuse aussi) ; choisissez Enabled ou Disabled pour ce produit
gov-remap-loop = l'ID de produit { $id } a été renommé en boucle dans cette base de données ; lancez `selfserve check` et restaurez une sauvegarde
gov-catalogue-bad-remap = { $file }, renommage { $from } -> { $to } : { $why } ; rien n'a été modifié
gov-remap-same = un ID ne peut pas devenir lui-même
gov-remap-unknown = aucun produit { $id } dans ce locataire ni dans le fichier
gov-remap-chain = { $id } est lui-même un ancien ID devenu un autre ; renommez vers l'ID le plus récent
gov-remap-already = l'ancien ID est déjà devenu { $id }
gov-change-offer-type = a modifié la stratégie d'un type d'offre
gov-offer-trials-only = le type d'offre { $offer } n'a pas de valeur « essais uniquement » : sa stratégie est Enabled ou Disabled (le module refuse aussi OnlyTrialsWithoutPaymentMethod pour lui)
gov-offer-set-usage = indiquez une valeur : selfserve policy set --offer-type TYPE Enabled|Disabled
gov-unknown-offer-type = « { $given } » n'est pas un type d'offre ; les types d'offre sont { $types }
gov-offer-set = Le type d'offre { $offer } est désormais { $value } (avant : { $previous }).
gov-offer-unchanged = Le type d'offre { $offer } est déjà { $value } ; rien n'a été modifié.
gov-col-why = Pourquoi
gov-orphan-disabled = acheteur désactivé
gov-orphan-gone = acheteur disparu
gov-orphans-none = Aucun achat orphelin : chaque acheteur en libre-service est toujours dans l'annuaire et activé.
gov-orphans-count = { $count ->
    [one] 1 achat orphelin : prenez-en le contrôle, déplacez ses utilisateurs ou annulez-le (`selfserve subscription take-over SUB`, puis `move-users` ou `cancel` ; dans le tableau de bord, o sur l'écran Abonnements).
   *[other] { $count } achats orphelins : prenez-en le contrôle, déplacez leurs utilisateurs ou annulez-les (`selfserve subscription take-over SUB`, puis `move-users` ou `cancel` ; dans le tableau de bord, o sur l'écran Abonnements).
  }
gov-key-orphans = Achats orphelins seuls (acheteur désactivé ou parti)
gov-msg-orphans-on = Achats orphelins de tous les produits : leur acheteur est désactivé ou a disparu. t prend le contrôle de l'un d'eux, m déplace ses utilisateurs, c l'annule ; o pour revenir.
gov-msg-orphans-off = Retour aux abonnements du produit.
gov-tui-orphans-title = Achats orphelins (acheteur désactivé ou disparu)
gov-impact-none = Aucun abonnement en libre-service de ces produits ne continue tel quel : rien dont prendre le contrôle.
gov-impact-product = Inchangé : { $name } ({ $id }) garde { $subscriptions } { $subscriptions ->
    [one] abonnement
   *[other] abonnements
  } en libre-service avec { $users } { $users ->
    [one] utilisateur
   *[other] utilisateurs
  }, { $spend } par mois : une stratégie s'applique à partir de maintenant.
gov-impact-take-over = Pour y mettre fin, prenez-en le contrôle : `selfserve subscription list --self-service --product { $product }`, puis `selfserve subscription take-over { $example }` (ou t sur l'écran Abonnements du tableau de bord).
gov-impact-dry-run = Simulation : rien n'a été modifié.
gov-impact-would-change = { $changed } { $changed ->
    [one] stratégie changerait
   *[other] stratégies changeraient
  } sur { $count } ; les achats et essais existants ne seraient pas touchés
gov-panel-untouched = Inchangés : { $subscriptions } { $subscriptions ->
    [one] abonnement
   *[other] abonnements
  } en libre-service de ce produit avec { $users } { $users ->
    [one] utilisateur
   *[other] utilisateurs
  }, { $spend } par mois, continuent tels quels : une stratégie s'applique à partir de maintenant. o les ouvre sur l'écran Abonnements, où t prend le contrôle de l'un d'eux.
gov-panel-untouched-short = Inchangés : { $subscriptions } { $subscriptions ->
    [one] abonnement
   *[other] abonnements
  }, { $users } { $users ->
    [one] utilisateur
   *[other] utilisateurs
  }, { $spend }/mois · o les ouvre
gov-panel-nothing-to-open = Rien à ouvrir : ce choix ne laisse aucun abonnement en libre-service inchangé.
gov-key-open-untouched = Ouvrir les abonnements libre-service inchangés (prise de contrôle)
gov-question-untouched = Inchangés : { $subscriptions } { $subscriptions ->
    [one] abonnement
   *[other] abonnements
  } en libre-service de { $products } { $products ->
    [one] produit
   *[other] produits
  }, { $users } { $users ->
    [one] utilisateur
   *[other] utilisateurs
  }, { $spend } par mois : ils continuent tels quels. o ouvre le produit qui en a le plus.
gov-msg-untouched-opened = { $name } : { $subscriptions } { $subscriptions ->
    [one] abonnement
   *[other] abonnements
  } en libre-service inchangés · t : prise de contrôle
gov-breach-review-record = l'élément à vérifier de { $id } est illisible
gov-breach-review-key = l'élément à vérifier enregistré sous { $id } désigne un autre produit
gov-breach-review-product = la file de vérification désigne le produit inconnu { $id }
gov-breach-remap-target = l'ID de produit { $old } a été renommé en { $new }, qui n'est pas un produit
gov-breach-remap-loop = les renommages depuis l'ID de produit { $id } tournent en boucle
gov-breach-default = la valeur par défaut des nouveaux produits n'est pas une valeur de stratégie
gov-breach-offer-type = la stratégie du type d'offre { $offer } n'est ni Enabled ni Disabled, ou le type d'offre est inconnu
