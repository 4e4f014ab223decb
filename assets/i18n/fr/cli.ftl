# La sortie lisible de la ligne de commande en français (src/cli) : tableaux, résumés, plans des
# simulations (--dry-run), avis et erreurs que la CLI construit elle-même. Mêmes ids et mêmes
# paramètres que en/cli.ftl. Jamais --json, le CSV de `user export` ni les noms PowerShell.
# $dry vaut « yes » pour une simulation, « no » une fois fait ; $term vaut « monthly » ou
# « annual » ; montants et dates arrivent déjà mis en forme.

## Erreurs et avis de toute commande.
cli-output-closed = la sortie a été fermée avant la fin
cli-output-failed = impossible d'écrire la sortie : { $detail }
cli-remote-location = le serveur sur { $destination } (--remote)
cli-local-only = `selfserve { $command }` agit sur cet hôte et ne peut pas s'exécuter avec --remote (ni SELFSERVE_REMOTE)
cli-no-data-directory = aucun répertoire de données n'est connu pour cet utilisateur ; passez --db CHEMIN ou définissez SELFSERVE_DB
cli-no-server = aucun serveur selfserve ne répond sur { $socket } ; lancez-en un avec `selfserve serve --db { $db }`
cli-needs-terminal = le tableau de bord a besoin d'un terminal ; pour les scripts, utilisez les commandes, par ex. `selfserve product list --json`
cli-first-run = Aucune base dans { $path } : création du locataire de démonstration à cet endroit.
cli-not-a-status = « { $given } » n'est pas un statut ; utilisez Active, Expired, Disabled ou Deleted
cli-not-a-reason = « { $given } » n'est pas un motif d'annulation ; utilisez l'un de : { $valid }
cli-not-a-term = « { $given } » n'est pas une durée d'engagement ; utilisez monthly ou annual
cli-policy-set-usage = indiquez un produit et une valeur (`policy set PRODUIT VALEUR`), ou `policy set --all VALEUR`
cli-policy-set-all-usage = avec --all, indiquez seulement la valeur (`policy set --all VALEUR`)
cli-dry-run = Simulation : rien n'a été modifié.
cli-yes = oui
cli-no = non
# Un libellé et ses deux-points, avant une valeur.
cli-label = { $label } :
cli-utc = { $time } UTC

## En-têtes de colonnes (courts : les tableaux doivent tenir en 80 colonnes).
cli-col-id = ID
cli-col-product = Produit
cli-col-product-id = ID produit
cli-col-origin = Origine
cli-col-bought-by = Acheté par
cli-col-qty = Qté
cli-col-quantity = Qté disponible
cli-col-assigned = Attribuées
cli-col-expires = Expiration
cli-col-price = Prix
cli-col-status = Statut
cli-col-subscription = Abonnement
cli-col-subscriptions = Abonnements
cli-col-next-expiration = Proch. expiration
cli-col-monthly-spend = Dépense/mois
cli-col-paid-twice = Payées 2 fois
cli-col-policy = Stratégie
cli-col-shown-as = Libellé
cli-col-was = Avant
cli-col-login = Identifiant
cli-col-display-name = Nom d'affichage
cli-col-upn = Nom d'utilisateur principal
cli-col-role = Rôle
cli-col-assigned-on = Attribuée le
cli-col-at = Date
cli-col-actor = Auteur
cli-col-action = Action
cli-col-target = Cible
cli-col-change = Modification
cli-col-step = Étape
cli-col-on = Le
cli-col-created = Créé le
cli-col-to = À
cli-col-kind = Type
cli-col-subject = Objet
cli-col-delivery = Envoi
cli-col-since = Depuis
cli-col-front-end = Interface
cli-col-uid = Uid
cli-col-pid = Pid

## Valeurs dans les tableaux.
cli-status-active = Actif
cli-status-expired = Expiré
cli-status-disabled = Désactivé
cli-status-deleted = Supprimé
cli-origin-purchase = Achat
cli-origin-trial = Essai
cli-origin-central = Central
cli-origin-long-purchase = achat en libre-service
cli-origin-long-trial = essai en libre-service
cli-origin-long-central = central
cli-role-global-admin = Administrateur général
cli-role-billing-admin = Administrateur de facturation
cli-role-global-reader = Lecteur général
cli-reason-no-longer-needed = plus nécessaire
cli-reason-bought-by-mistake = acheté par erreur
cli-reason-moving-to-central = passage au central
cli-reason-too-expensive = trop cher
cli-reason-other = autre
cli-step-renewed = renouvelé
cli-step-converted = converti
cli-step-expired = expiré
cli-step-disabled = désactivé
cli-step-deleted = supprimé
cli-price-per-term = { $price }/{ $term ->
        [monthly] mois
       *[annual] an
    }
cli-card-ending = carte se terminant par { $last4 }
cli-no-payment-method = aucun mode de paiement
cli-payment-none = aucun
cli-payment-invoice = facture
cli-read-only-front-end = { $front_end } (lecture seule)
cli-policy-unchanged = (inchangée)

## subscription list et show.
cli-subscription-count = { $count ->
        [one] { $count } abonnement
       *[other] { $count } abonnements
    }
cli-due-line = { $count ->
        [one] { $count } abonnement a
       *[other] { $count } abonnements ont
    } des étapes du cycle de vie dues mais non appliquées ; les statuts sont ceux de l'horloge. Appliquez-les avec `selfserve lifecycle run`.
cli-due-step = { $step } le { $date }
cli-field-subscription = Abonnement
cli-field-product = Produit
cli-field-origin = Origine
cli-field-bought-by = Acheté par
cli-field-quantity = Licences achetées
cli-field-assigned = Attribuées
cli-field-started = Début
cli-field-expires = Expiration
cli-field-price = Prix
cli-field-status = Statut
cli-field-payment = Mode de paiement
cli-field-auto-renew = Renouvellement auto
cli-field-taken-over-by = Contrôle pris par
cli-field-cancellation = Annulation
cli-central-buyer = - (abonnement central)
cli-assigned-free = { $assigned } ({ $free ->
        [one] { $free } libre
       *[other] { $free } libres
    })
cli-price-per-license = { $price } par licence
cli-show-due = Étapes du cycle de vie dues mais non appliquées : { $steps } ; le statut ci-dessus est celui de l'horloge. Appliquez-les avec `selfserve lifecycle run`.
cli-show-users = Utilisateurs avec licence ({ $count }) :
cli-show-paid-twice = { $count } d'entre eux { $count ->
        [one] a
       *[other] ont
    } aussi une licence de { $product } par un autre abonnement : payée deux fois jusqu'à l'annulation de l'une des deux.

## Ce qu'une modification a fait, ou ferait avec --dry-run.
cli-sub-label = abonnement { $product } { $id }…
cli-sub-named = { $sub } (acheté par { $buyer })
cli-emailed = { $dry ->
        [yes] E-mail qui serait envoyé
       *[no] E-mail envoyé
    } à { $to } : « { $subject } »
cli-users-more = {"  "}et { $count } de plus
cli-take-over-already = Le contrôle de l'{ $sub } a déjà été pris par { $by } le { $date } ; rien n'a changé.
cli-take-over-done = { $dry ->
        [yes] { $by } prendrait le contrôle de l'{ $sub } : ses licences pourraient alors être attribuées, déplacées ou annulées.
       *[no] { $by } a pris le contrôle de l'{ $sub } : ses licences peuvent maintenant être attribuées, déplacées ou annulées.
    }
cli-move-users = { $count ->
        [one] { $count } utilisateur { $dry ->
            [yes] serait déplacé
           *[no] déplacé
        }
       *[other] { $count } utilisateurs { $dry ->
            [yes] seraient déplacés
           *[no] déplacés
        }
    } de l'{ $from } vers l'{ $to }.
cli-move-took-over = { $dry ->
        [yes] Le contrôle de l'{ $sub } serait pris d'abord.
       *[no] Le contrôle de l'{ $sub } a d'abord été pris.
    }
cli-move-cancelled = L'{ $sub } { $dry ->
        [yes] serait annulé
       *[no] est annulé
    } (motif : { $reason }) ; l'{ $to } { $dry ->
        [yes] aurait alors
       *[no] a maintenant
    } { $assigned } { $quantity ->
        [one] licence attribuée
       *[other] licences attribuées
    } sur { $quantity }.
cli-cancel-done = L'{ $sub } { $dry ->
        [yes] serait annulé (motif : { $reason }) : il apparaîtrait comme Supprimé et { $count ->
            [one] { $count } utilisateur perdrait sa licence.
           *[other] { $count } utilisateurs perdraient leur licence.
        }
       *[no] est annulé (motif : { $reason }) : il apparaît comme Supprimé et { $count ->
            [one] { $count } utilisateur perd sa licence.
           *[other] { $count } utilisateurs perdent leur licence.
        }
    }
cli-cancel-took-over = { $dry ->
        [yes] Son contrôle serait d'abord pris.
       *[no] Son contrôle a d'abord été pris.
    }
cli-buy-done = { $count ->
        [one] { $count } licence { $product } { $dry ->
            [yes] serait achetée
           *[no] achetée
        }
       *[other] { $count } licences { $product } { $dry ->
            [yes] seraient achetées
           *[no] achetées
        }
    } de façon centralisée : abonnement { $id }.
cli-buy-terms = { $price } par licence et par période { $term ->
        [monthly] mensuelle
       *[annual] annuelle
    }, { $cost } au total ; sur facture ; renouvellement automatique le { $renews }.
cli-add-licenses-done = { $count ->
        [one] { $count } licence { $dry ->
            [yes] serait ajoutée
           *[no] ajoutée
        }
       *[other] { $count } licences { $dry ->
            [yes] seraient ajoutées
           *[no] ajoutées
        }
    } à l'{ $sub } : { $quantity } licences, dont { $free ->
        [one] { $free } libre
       *[other] { $free } libres
    }.
cli-add-licenses-terms = { $price } par licence et par période { $term ->
        [monthly] mensuelle
       *[annual] annuelle
    }, { $cost } par période pour les licences ajoutées ; elles expirent et se renouvellent avec l'abonnement le { $expires }.
cli-ask-cancel-paid-twice = Sur ses { $users } { $users ->
        [one] utilisateur
       *[other] utilisateurs
    }, { $count } { $count ->
        [one] a
       *[other] ont
    } aussi une licence de { $product } par un autre abonnement (payée deux fois).
cli-ask-cancel-only-here = { $count } { $count ->
        [one] n'a de licence que par lui et perdrait l'accès
       *[other] n'ont de licence que par lui et perdraient l'accès
    } à son annulation : attribuez-leur d'abord une licence centrale (`selfserve license assign`).
cli-ask-cancel-stays = L'{ $sub } reste tel quel jusqu'à ce que son acheteur l'annule.
cli-license-assigned = { $dry ->
        [yes] Attribuerait
       *[no] Attribué :
    } { $count ->
        [one] une licence de l'{ $sub } à { $count } utilisateur
       *[other] des licences de l'{ $sub } à { $count } utilisateurs
    } ; { $assigned } sur { $quantity } { $dry ->
        [yes] seraient alors attribuées
       *[no] désormais attribuées
    }, { $free ->
        [one] { $free } libre
       *[other] { $free } libres
    }.
cli-license-unassigned = { $dry ->
        [yes] Retirerait
       *[no] Retiré :
    } { $count ->
        [one] une licence de l'{ $sub } à { $count } utilisateur
       *[other] des licences de l'{ $sub } à { $count } utilisateurs
    } ; { $assigned } sur { $quantity } { $dry ->
        [yes] seraient alors attribuées
       *[no] désormais attribuées
    }, { $free ->
        [one] { $free } libre
       *[other] { $free } libres
    }.
cli-license-paid-twice = { $count } d'entre eux { $count ->
        [one] a
       *[other] ont
    } aussi une licence de { $product } par un autre abonnement : payée deux fois jusqu'à son annulation (`selfserve subscription ask-cancel SUB` le demande à son acheteur).
cli-centralise-summary = { $users ->
        [one] { $users } utilisateur { $dry ->
            [yes] recevrait
           *[no] a reçu
        }
       *[other] { $users } utilisateurs { $dry ->
            [yes] recevraient
           *[no] ont reçu
        }
    } des licences centrales de { $product } ; { $subscriptions ->
        [one] { $subscriptions } abonnement en libre-service { $dry ->
            [yes] serait annulé
           *[no] annulé
        }
       *[other] { $subscriptions } abonnements en libre-service { $dry ->
            [yes] seraient annulés
           *[no] annulés
        }
    } (moving-to-central) :
cli-centralise-reused = {"  "}réutilisées : { $count } { $count ->
        [one] licence libre
       *[other] licences libres
    } de l'{ $sub } ({ $value } par période, déjà payées)
cli-centralise-added = {"  "}ajoutées : { $count ->
        [one] { $count } licence
       *[other] { $count } licences
    } à l'{ $sub } à { $price } par licence et par période { $term ->
        [monthly] mensuelle
       *[annual] annuelle
    } ({ $cost } par période)
cli-centralise-bought = {"  "}achetées : { $count ->
        [one] { $count } licence
       *[other] { $count } licences
    } dans le nouvel abonnement { $id } à { $price } par licence et par période { $term ->
        [monthly] mensuelle
       *[annual] annuelle
    } ({ $cost } par période, sur facture)
cli-centralise-already-central = { $count ->
        [one] { $count } utilisateur a
       *[other] { $count } utilisateurs ont
    } déjà une licence centrale (payée deux fois) et { $dry ->
        [yes] ne perdrait
       *[no] n'a perdu
    } que celle en libre-service.
cli-centralise-move = {"  "}{ $sub } : { $count ->
        [one] { $count } utilisateur
       *[other] { $count } utilisateurs
    }

## storefront purchase et trial.
cli-storefront-done = { $buyer } { $trial ->
        [yes] a commencé un essai de
       *[no] a acheté
    } { $product } ({ $id }) : { $count ->
        [one] { $count } licence
       *[other] { $count } licences
    }, abonnement { $sub }
cli-storefront-terms = { $price } par licence et par période { $term ->
        [monthly] mensuelle
       *[annual] annuelle
    } ; { $payment } ; { $end ->
        [converts] passe en payant le
        [renews] se renouvelle le
       *[ends] prend fin le
    } { $date }
cli-storefront-licensed = { $buyer } a l'une de ses licences
cli-storefront-held-already = { $buyer } avait déjà une licence de ce produit ; toutes celles-ci sont libres
cli-storefront-first-trial = premier essai de ce produit dans le locataire : avis envoyé par e-mail à { $admins }

## policy set.
cli-policy-changed = { $changed } sur { $count } { $count ->
        [one] stratégie modifiée
       *[other] stratégies modifiées
    } ; les achats et essais existants ne sont pas affectés
# SPEC §2 règle 8, « Utilisation des données d'annuaire » de l'article.

## admin add et remove.
cli-admin-unchanged = l'identifiant { $login } est déjà { $upn } ({ $name }), { $role } ; rien n'a changé
cli-admin-role-changed = identifiant { $login } ({ $upn } ({ $name })) : rôle changé de { $old } en { $role }
cli-admin-added = l'identifiant { $login } agit désormais comme { $upn } ({ $name }), { $role }
cli-admin-removed = l'identifiant { $login } ({ $upn } ({ $name })) n'est plus administrateur

## lifecycle run.
cli-lifecycle-summary = { $count ->
        [one] { $count } étape du cycle de vie { $applied ->
            [yes] appliquée
           *[no] due (simulation, rien n'a changé)
        }
       *[other] { $count } étapes du cycle de vie { $applied ->
            [yes] appliquées
           *[no] dues (simulation, rien n'a changé)
        }
    } jusqu'au { $until } UTC

## outbox list et show.
cli-delivery-pending = en attente
cli-delivery-sent = envoyé
cli-outbox-empty = (la boîte d'envoi est vide)
cli-email-id = ID
cli-email-to = À
cli-email-subject = Objet
cli-email-date = Date
cli-email-kind = Type
cli-email-delivery = Envoi
cli-email-kind-subscription-cancelled = abonnement annulé
cli-email-kind-users-moved = utilisateurs déplacés
cli-email-kind-please-cancel = demande d'annulation
cli-email-kind-first-trial = premier essai
cli-email-kind-renewed = renouvelé
cli-email-kind-converted = converti
cli-email-kind-expired = expiré
cli-email-kind-disabled = désactivé
cli-email-kind-deleted = supprimé
cli-email-kind-notice = avis

## check, demo, user export.
cli-check-ok = ok : { $subscriptions ->
        [one] { $subscriptions } abonnement
       *[other] { $subscriptions } abonnements
    }, { $users ->
        [one] { $users } utilisateur
       *[other] { $users } utilisateurs
    }, { $assignments ->
        [one] { $assignments } attribution de licence
       *[other] { $assignments } attributions de licence
    } ; chaque invariant est respecté
cli-check-breach = violation [{ $invariant }] : { $message }
cli-check-failed = { $count } violations d'invariant dans { $location } ; restaurez la base depuis une sauvegarde
cli-demo-created = Locataire de démonstration « { $tenant } » créé dans { $path } : { $users ->
        [one] { $users } utilisateur
       *[other] { $users } utilisateurs
    }, { $subscriptions ->
        [one] { $subscriptions } abonnement
       *[other] { $subscriptions } abonnements
    }, { $assignments ->
        [one] { $assignments } attribution de licence
       *[other] { $assignments } attributions de licence
    }.
cli-demo-you-are = Vous êtes { $upn } (administrateur général, identifiant « { $login } ») ; les identifiants « billing » et « reader » sont un administrateur de facturation et un lecteur général (SELFSERVE_USER=billing).
cli-export-wrote = { $users ->
        [one] { $users } utilisateur
       *[other] { $users } utilisateurs
    } de { $subscriptions ->
        [one] { $subscriptions } abonnement
       *[other] { $subscriptions } abonnements
    } { $users ->
        [one] écrit
       *[other] écrits
    } dans { $path }

## watch.
cli-watch-cannot-start = impossible de commencer la surveillance : { $detail }
# $revision est écrit tel quel (sans espace) : des scripts le lisent sur cette ligne.
cli-watch-started = surveillance des modifications sur { $socket } depuis la révision { $revision } ; Ctrl-C pour finir
cli-watch-change = { $at } révision { $revision } : { $summary }
cli-watch-reload = { $at } { $count } modifications manquées pendant que cette surveillance avait du retard : rechargez tout

cli-stalled-opening = l'ouverture de la base n'a pas avancé pendant { $seconds } secondes : la base semble endommagée ; restaurez-la depuis une sauvegarde
cli-stalled-check = la vérification n'a pas avancé pendant { $seconds } secondes : la base semble endommagée ; restaurez-la depuis une sauvegarde

## tenant show : une ligne par champ.
cli-field = Champ
cli-value = Valeur
cli-tenant-name = Locataire
cli-tenant-id = ID du locataire
cli-tenant-cloud = Cloud
cli-tenant-admin-center = Centre d'administration
cli-tenant-currency = Devise
cli-tenant-agreement = Contrat existant
cli-tenant-demo = Locataire de démonstration
cli-tenant-created = Créé le

# Between a heading and what follows on its line ("Note: …", « Note : … »).
cli-colon = {" "}:
