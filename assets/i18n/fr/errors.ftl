# Les lignes d'erreur du cœur : une ligne, ce qui ne va pas et quoi faire.

error-unknown-language = langue inconnue « { $given } » ; utilisez en ou fr
error-database = erreur de la base : { $detail } ; lancez `selfserve check`, ou restaurez la base depuis une sauvegarde
error-unreadable-record = un enregistrement de la base est illisible ({ $detail }) ; lancez `selfserve check`, ou restaurez depuis une sauvegarde

## Permissions (code 3).
error-read-only = cette session est en lecture seule (--readonly) et ne peut pas { $what } : elle ne change rien ; lancez la commande sans --readonly
error-role-may-not = { $upn } est { $role } et ne peut pas { $what } : il faut être { $needs } ; demandez à un administrateur général
error-login-unbound = l'identifiant « { $login } » n'est lié à aucun administrateur de ce locataire ; demandez à un administrateur général de lancer `selfserve admin add UPN --role ROLE --login { $login }`

## Abonnements.
error-no-subscription = aucun abonnement { $id } ; `selfserve subscription list` affiche les identifiants
error-changed-meanwhile = l'abonnement { $id } a changé entre-temps (une autre modification l'a atteint d'abord) ; rien n'a été modifié : réessayez
error-take-over-central = { $sub } est un abonnement central : les administrateurs le gèrent déjà, inutile d'en prendre le contrôle
error-take-over-deleted = { $sub } est Supprimé : il n'y a plus rien dont prendre le contrôle
error-assigned-mismatch = l'abonnement { $id } compte { $records } licences attribuées mais en détient { $holds } ; lancez `selfserve check`

## Déplacer les utilisateurs.
error-move-to-itself = l'abonnement { $id } ne peut pas déplacer ses utilisateurs vers lui-même ; choisissez-en un autre avec --to
error-move-from-deleted = { $sub } est Supprimé : il n'a plus d'utilisateurs à déplacer
error-move-other-product = { $sub } est un abonnement { $product }, pas { $wanted } : les utilisateurs ne se déplacent que vers un abonnement du même produit ; `selfserve subscription list --product { $product_id }` les affiche
error-move-not-active = { $sub } est { $status } : les utilisateurs ne se déplacent que vers un abonnement Actif ; choisissez-en un autre, ou achetez-en un avec `selfserve subscription buy { $product_id } --quantity { $quantity }`
error-move-not-taken-over = { $sub } est un abonnement libre-service dont personne n'a pris le contrôle : les administrateurs ne peuvent pas attribuer ses licences ; prenez-en d'abord le contrôle (`selfserve subscription take-over { $id }`) ou choisissez un abonnement central
error-move-no-room = { $sub } a { $free ->
        [one] { $free } licence libre
       *[other] { $free } licences libres
    } ; déplacer { $moving ->
        [one] { $moving } utilisateur
       *[other] { $moving } utilisateurs
    } en demande { $more } de plus : achetez-en d'autres ou choisissez un autre abonnement

## Attribuer et retirer des licences.
error-assign-no-room = { $sub } a { $free ->
        [one] { $free } licence libre
       *[other] { $free } licences libres
    } ; attribuer à { $users ->
        [one] { $users } utilisateur
       *[other] { $users } utilisateurs
    } en demande { $more } de plus : achetez-en d'autres (`selfserve subscription buy { $product_id } --quantity { $quantity }`) ou choisissez un autre abonnement
error-assign-already-held = { $upn } détient déjà une licence de { $sub } : un utilisateur détient au plus une licence de chaque abonnement ; ne nommez que des utilisateurs qui n'en ont pas
error-unassign-not-held = { $upn } ne détient aucune licence de { $sub } : il n'y a rien à retirer ; `selfserve subscription show { $id }` en liste les utilisateurs
error-licenses-status = { $sub } est { $status } : ses licences ne peuvent pas être { $change ->
        [assign] attribuées
       *[other] retirées
    } ; choisissez un abonnement Actif
error-licenses-not-taken-over = { $sub } est un abonnement libre-service dont personne n'a pris le contrôle : les administrateurs ne peuvent pas { $change ->
        [assign] attribuer
       *[other] retirer
    } ses licences avant d'en prendre le contrôle (`selfserve subscription take-over { $id }`)
error-no-user-named = nommez au moins un utilisateur
error-no-user-id = aucun utilisateur { $id } dans l'annuaire ; vérifiez le nom d'utilisateur principal
error-user-named-twice = { $upn } est nommé plus d'une fois ; nommez chaque utilisateur une seule fois

## Ajouter des licences, acheter, centraliser.
error-add-self-service = { $sub } est un abonnement libre-service : on n'ajoute des licences qu'aux abonnements centraux ; `selfserve subscription list --product { $product_id }` les affiche, ou `selfserve subscription buy` en achète un
error-add-not-active = { $sub } est { $status } : on n'ajoute des licences qu'à un abonnement Actif ; achetez-en un nouveau avec `selfserve subscription buy { $product_id } --quantity { $quantity }`
error-add-quantity = { $sub } peut recevoir de 1 à { $room } licences de plus (un abonnement en détient au plus { $max }), pas { $quantity } ; passez une autre --quantity
error-purchase-quantity = un achat compte de 1 à { $max } licences, pas { $quantity } ; passez une autre --quantity
error-clock-too-late-buy = l'horloge ({ $today }) est trop loin dans le futur pour acheter une période ; vérifiez --now
error-buy-for-no-users = { $sub } n'a aucun utilisateur à déplacer : il n'y a rien à acheter ; annulez-le plutôt (`selfserve subscription cancel { $id } --reason REASON`)
error-centralise-nothing = { $product } n'a aucun abonnement libre-service en cours : il n'y a rien à centraliser
error-centralise-no-users = les abonnements libre-service de { $product } n'ont aucun utilisateur à déplacer ; annulez-les avec `selfserve subscription cancel SUB --reason moving-to-central`
error-centralise-short = la centralisation a prévu moins de licences que d'utilisateurs ; rien n'a été modifié : réessayez

## Annuler.
error-cancel-deleted = { $sub } est déjà Supprimé : il n'y a plus rien à annuler
error-ask-cancel-central = { $sub } est un abonnement central : il n'a pas d'acheteur à qui demander ; annulez-le vous-même avec `selfserve subscription cancel { $id } --reason REASON`
error-ask-cancel-buyer-gone = l'acheteur de { $sub } n'est plus dans l'annuaire ; prenez-en le contrôle et annulez-le vous-même (`selfserve subscription cancel { $id } --reason moving-to-central`)

## Stratégies.
error-not-a-policy-value = « { $given } » n'est pas une valeur de stratégie ; utilisez Enabled, OnlyTrialsWithoutPaymentMethod ou Disabled (acceptés aussi : Allow, AllowTrialsOnly, DoNotAllow)

## Administrateurs.
error-not-a-role = « { $given } » n'est pas un rôle ; utilisez GlobalAdministrator, BillingAdministrator ou GlobalReader
error-not-a-login = « { $given } » n'est pas un identifiant : donnez l'identifiant du système (64 caractères au plus, sans espace)
error-last-global-admin = « { $login } » est le dernier administrateur général et ne peut pas être { $change ->
        [removed] retiré
       *[other] rétrogradé
    } ; le locataire en a besoin d'un : ajoutez-en d'abord un autre avec `selfserve admin add UPN --role GlobalAdministrator --login LOGIN`
error-admin-disabled-user = { $upn } est désactivé dans l'annuaire et ne peut pas être administrateur ; activez d'abord l'utilisateur
error-admin-already = { $upn } est déjà administrateur par l'identifiant « { $login } » ; changez le rôle de cette liaison, ou retirez-la d'abord avec `selfserve admin remove { $login }`
error-login-bound-elsewhere = l'identifiant « { $login } » est lié à un autre utilisateur de l'annuaire ; retirez-le d'abord avec `selfserve admin remove { $login }`
error-no-admin = aucun administrateur n'a l'identifiant ou le nom d'utilisateur principal « { $given } » ; `selfserve admin list` les affiche

## La boutique (règles 1 à 3).
error-policy-forbids = la stratégie l'interdit (règle 3) : AllowSelfServicePurchase de { $product } ({ $product_id }) vaut { $value } (« { $words } »), donc { $so } ; un administrateur général peut la changer avec `selfserve policy set { $product_id } Enabled`
error-policy-so-neither = les utilisateurs ne peuvent ni l'acheter ni en démarrer un essai
error-policy-so-trials-leave-card = les utilisateurs ne peuvent démarrer que des essais sans moyen de paiement : retirez --card
error-policy-so-trials-only = les utilisateurs ne peuvent démarrer que des essais sans moyen de paiement
error-trial-needs-card = un essai de { $product } demande un moyen de paiement (règle 2) : passez --card LAST4
error-trial-needs-agreement = un essai sans moyen de paiement demande un contrat existant, que { $tenant } n'a pas (règle 2) : passez --card LAST4
error-not-a-card = « { $given } » ne sont pas les quatre derniers chiffres d'une carte ; passez --card avec quatre chiffres, par exemple 4242
error-clock-too-late-term = l'horloge ({ $today }) est trop loin dans le futur pour commencer une période ; vérifiez --now
error-buyer-disabled = { $upn } est désactivé dans l'annuaire et ne peut ni acheter ni démarrer d'essai
error-trial-already-licensed = { $upn } détient déjà une licence de { $product } : un essai ne lui apporterait rien

## Le cycle de vie.
error-until-after-clock = --until { $until } est postérieur à l'horloge ({ $now }) ; avancez plutôt l'horloge avec --now
error-lifecycle-changed-meanwhile = les licences de l'abonnement { $id } ont changé pendant le cycle de vie ; relancez `selfserve lifecycle run`

## Lire la base.
error-no-email = aucun e-mail { $id } dans la boîte d'envoi ; `selfserve outbox list` affiche les identifiants
error-no-product = aucun produit d'identifiant « { $id } » ; `selfserve product list` affiche les identifiants des produits
error-no-user-upn = aucun utilisateur de l'annuaire n'a le nom d'utilisateur principal « { $upn } » ; vérifiez l'orthographe
error-not-a-subscription-id = « { $given } » n'est pas un identifiant d'abonnement : donnez l'identifiant ou un préfixe unique d'au moins 4 chiffres hexadécimaux
error-subscription-prefix-ambiguous = le préfixe « { $given } » correspond à plusieurs abonnements ; donnez plus de chiffres
error-no-subscription-match = aucun abonnement ne correspond à « { $given } » ; `selfserve subscription list` affiche les identifiants
error-license-index-malformed = une clé de l'index des licences est mal formée ; lancez `selfserve check`
error-revision-damaged = le compteur de révisions de la base est endommagé ; restaurez la base depuis une sauvegarde
error-not-a-time = « { $given } » n'est pas une heure : donnez une heure RFC 3339 (2026-11-23T10:00:00Z) ou une date (2026-11-23)
error-catalogue-unreadable = le catalogue de produits intégré est illisible : { $detail }
error-unexpected-reply = réponse { $wanted } attendue mais réponse { $got } reçue : le client et le serveur sont des versions différentes de selfserve ; utilisez la même version des deux côtés

## Exporter.
error-export-other-product = l'abonnement { $id } n'est pas du produit { $product_id } ; retirez --product ou ce --subscription
error-export-write = impossible d'écrire l'export : { $detail } ; choisissez une autre sortie
error-export-not-a-file = { $path } n'est pas un nom de fichier ; donnez le chemin d'un fichier
error-export-write-file = impossible d'écrire { $path } : { $detail } ; choisissez une autre --output

## Ouvrir la base.
error-no-database = aucune base selfserve dans { $path } ; créez-en une avec `selfserve demo --db { $path }` ou passez le bon --db
error-not-a-database = { $path } n'est pas une base selfserve (elle n'a pas de version de schéma) ; passez un autre --db
error-schema-newer = la base dans { $path } a la version de schéma { $version }, plus récente que ce que ce selfserve comprend ({ $known }) ; mettez selfserve à jour
error-schema-older = la base dans { $path } a l'ancienne version de schéma { $version } ; recréez-la avec ce selfserve ({ $known } attendue)
error-damaged = la base dans { $path } est endommagée ({ $what }) ; lancez `selfserve check`, puis restaurez votre dernière bonne sauvegarde avec `selfserve restore FICHIER --db { $path } --force`
error-damaged-schema = la version de schéma est illisible
error-damaged-tenant-unreadable = l'enregistrement du locataire est illisible
error-damaged-tenant-missing = l'enregistrement du locataire manque
error-damaged-corrupted = sled a trouvé des données corrompues
error-damaged-unreadable = elle n'a pas pu être lue
error-create-database-dir = impossible de créer le dossier de la base { $path } : { $detail } ; choisissez un autre --db
error-open-database = impossible d'ouvrir la base dans { $path } : { $detail } ; vérifiez le chemin et ses droits
error-database-served = la base dans { $path } est servie par `selfserve serve` (pid { $pid }) sur le socket { $socket } ; adressez-vous à lui avec --socket { $socket } ou SELFSERVE_SOCKET={ $socket }
error-database-in-use-by = la base dans { $path } est utilisée par un autre processus selfserve (pid { $pid }) ; fermez-le ou attendez qu'il finisse, puis réessayez
error-database-in-use = la base dans { $path } est utilisée par un autre processus selfserve ; fermez-le ou attendez qu'il finisse, puis réessayez

## Le locataire de démonstration.
error-demo-too-few-users = la démo demande au moins { $min } utilisateurs ; passez un --users plus grand
error-demo-too-many-users = la démo va jusqu'à { $max } utilisateurs ; passez un --users plus petit
error-demo-exists = une base existe déjà dans { $path } ; donnez un autre --db à la démonstration
error-demo-io = impossible de placer la base de démonstration dans { $path } : { $detail } ; vérifiez le chemin et ses droits
error-demo-names-unreadable = les noms de démonstration intégrés sont illisibles : { $detail }
error-demo-names-empty-list = la liste { $list } est vide
