# L'aide `--help` de chaque commande et les erreurs d'utilisation de clap, en français. Mêmes
# ids et mêmes paramètres que en/help.ftl (un test le vérifie). Les options, les noms de
# commande et les valeurs que tapent les scripts (monthly, Enabled, GlobalReader…) restent
# tels quels.

## Le programme et ses options globales.
help-selfserve = Voir les achats et essais en libre-service de vos utilisateurs, et en prendre le contrôle
help-selfserve-long =
    Voir les achats et essais en libre-service de vos utilisateurs, et en prendre le contrôle.

    Sans commande, ouvre le tableau de bord ; s'il n'existe pas encore de base, crée d'abord un locataire de démonstration.
help-selfserve--db = Répertoire de la base [par défaut : dans votre répertoire de données]
help-selfserve--socket = Le socket d'un `selfserve serve` auquel s'adresser [par défaut : le chemin de la base suivi de .sock]
help-selfserve--remote = Passer par ssh au serveur d'un autre hôte : lance `ssh [-p PORT] [USER@]HOST selfserve connect` (SELFSERVE_SSH remplace `ssh`) ; vous y agissez sous votre compte SSH, SELFSERVE_USER n'est pas transmis
help-selfserve--now = Horloge des expirations et du cycle de vie : RFC 3339 ou AAAA-MM-JJ
help-selfserve--json = Sortie machine : un document JSON sur stdout
help-selfserve--readonly = Ne rien modifier : les commandes qui écriraient refusent (code 3) ; le tableau de bord masque ses actions
help-selfserve--ascii = Tableau de bord : bordures ASCII, pour les terminaux ou les locales sans UTF-8
help-selfserve--lang = Langue de l'aide, des messages et du tableau de bord, jamais de --json [par défaut : selon LC_ALL, LC_MESSAGES ou LANG, sinon en]

## Les commandes.
help-selfserve-tui = Ouvrir le tableau de bord (par défaut)
help-selfserve-demo = Créer un locataire de démonstration dans --db
help-selfserve-demo--users = Nombre d'utilisateurs de l'annuaire ; abonnements et licences suivent ce nombre
help-selfserve-demo--seed = Même graine et même horloge, même locataire
help-selfserve-demo--cloud = Le cloud du locataire : global ou china-21vianet (Microsoft 365 exploité par 21Vianet)
help-selfserve-demo--force = Remplacer la base désignée par --db

help-selfserve-product = Les produits et leurs abonnements, une ligne par produit
help-selfserve-product-list = Une ligne par produit : abonnements, quantité totale, licences attribuées
help-selfserve-product-list--self-service = Seulement les produits qui ont des abonnements en libre-service, en ne comptant que ceux-ci
help-selfserve-product-centralise = Donner aux utilisateurs en libre-service du produit des licences centrales (d'abord les libres, puis ajoutées ou achetées) et annuler leurs abonnements
help-selfserve-product-centralise--product = Id de produit, par exemple CFQ7TTC0H9MP
help-selfserve-product-centralise--term = Durée de l'abonnement central acheté si le produit n'en a pas : monthly ou annual
help-selfserve-product-centralise--dry-run = Dire ce qui changerait, sans rien changer

help-selfserve-subscription = Abonnements en libre-service et abonnements centraux
help-selfserve-subscription-list = Abonnements, filtrés
help-selfserve-subscription-list--self-service = Seulement les achats et essais en libre-service
help-selfserve-subscription-list--product = Seulement ce produit (un id comme CFQ7TTC0H9MP)
help-selfserve-subscription-list--status = Seulement cet état : Active, Expired, Disabled ou Deleted
help-selfserve-subscription-list--buyer = Seulement les abonnements achetés par cet utilisateur
help-selfserve-subscription-show = Détails et utilisateurs titulaires d'une licence
help-selfserve-subscription-show--sub = Id de l'abonnement, ou un préfixe unique d'au moins 4 caractères
help-selfserve-subscription-take-over = Prendre le contrôle d'un abonnement en libre-service, pour en gérer les licences
help-selfserve-subscription-take-over--sub = Id de l'abonnement, ou un préfixe unique d'au moins 4 caractères
help-selfserve-subscription-take-over--dry-run = Dire ce qui changerait, sans rien changer
help-selfserve-subscription-move-users = Déplacer les utilisateurs vers un autre abonnement du produit, puis annuler celui-ci
help-selfserve-subscription-move-users--sub = Id de l'abonnement, ou un préfixe unique d'au moins 4 caractères
help-selfserve-subscription-move-users--to = L'abonnement qui reçoit les utilisateurs (une licence libre chacun)
help-selfserve-subscription-move-users--dry-run = Dire ce qui changerait, sans rien changer
help-selfserve-subscription-cancel = Annuler l'abonnement : ses utilisateurs perdent leur licence, son acheteur reçoit un e-mail
help-selfserve-subscription-cancel--sub = Id de l'abonnement, ou un préfixe unique d'au moins 4 caractères
help-selfserve-subscription-cancel--reason = no-longer-needed, bought-by-mistake, moving-to-central, too-expensive ou other
help-selfserve-subscription-cancel--dry-run = Dire ce qui changerait, sans rien changer
help-selfserve-subscription-buy = Acheter un abonnement central, payé sur facture (« Acheter des services »)
help-selfserve-subscription-buy--product = Id de produit, par exemple CFQ7TTC0H9MP
help-selfserve-subscription-buy--quantity = Licences à acheter
help-selfserve-subscription-buy--term = monthly ou annual
help-selfserve-subscription-buy--dry-run = Dire ce qui changerait, sans rien changer
help-selfserve-subscription-add-licenses = Ajouter des licences à un abonnement central, à son prix et pour sa durée
help-selfserve-subscription-add-licenses--sub = Id de l'abonnement, ou un préfixe unique d'au moins 4 caractères
help-selfserve-subscription-add-licenses--quantity = Licences à ajouter
help-selfserve-subscription-add-licenses--dry-run = Dire ce qui changerait, sans rien changer
help-selfserve-subscription-ask-cancel = Écrire à l'acheteur d'un abonnement en libre-service pour lui demander de l'annuler
help-selfserve-subscription-ask-cancel--sub = Id de l'abonnement, ou un préfixe unique d'au moins 4 caractères
help-selfserve-subscription-ask-cancel--dry-run = Dire ce qui changerait, sans rien changer

help-selfserve-license = Attributions de licences
help-selfserve-license-assign = Attribuer à des utilisateurs une licence d'un abonnement
help-selfserve-license-assign--sub = Id de l'abonnement, ou un préfixe unique d'au moins 4 caractères
help-selfserve-license-assign--users = Utilisateurs, par nom d'utilisateur principal (UPN)
help-selfserve-license-assign--dry-run = Dire ce qui changerait, sans rien changer
help-selfserve-license-unassign = Retirer à des utilisateurs leur licence d'un abonnement
help-selfserve-license-unassign--sub = Id de l'abonnement, ou un préfixe unique d'au moins 4 caractères
help-selfserve-license-unassign--users = Utilisateurs, par nom d'utilisateur principal (UPN)
help-selfserve-license-unassign--dry-run = Dire ce qui changerait, sans rien changer

help-selfserve-user = Utilisateurs titulaires de licences
help-selfserve-user-export = Exporter les utilisateurs titulaires de licences, en CSV groupé par acheteur (abonnements en libre-service, sauf ceux nommés)
help-selfserve-user-export--product = Seulement les abonnements de ce produit
help-selfserve-user-export--subscription = Exactement ces abonnements (répétez l'option pour en ajouter)
help-selfserve-user-export--output = Écrire dans ce fichier plutôt que sur stdout

help-selfserve-policy = La stratégie AllowSelfServicePurchase de chaque produit
help-selfserve-policy-list = La valeur AllowSelfServicePurchase de chaque produit (Get-MSCommerceProductPolicies)
help-selfserve-policy-get = La valeur d'un produit (Get-MSCommerceProductPolicy)
help-selfserve-policy-get--product = Id de produit, par exemple CFQ7TTC0H9MP
help-selfserve-policy-set = Définir la valeur d'un produit, ou de tous avec --all (Update-MSCommerceProductPolicy)
help-selfserve-policy-set--all = Définir d'un coup tous les produits du catalogue
help-selfserve-policy-set--args = PRODUCT VALUE, ou VALUE avec --all. VALUE : Enabled | OnlyTrialsWithoutPaymentMethod | Disabled (ou Allow | AllowTrialsOnly | DoNotAllow), en majuscules ou minuscules

help-selfserve-audit = Le journal d'audit
help-selfserve-audit-list = Événements d'audit, du plus récent au plus ancien
help-selfserve-audit-list--limit = Au plus ce nombre d'événements

help-selfserve-outbox = E-mails envoyés aux acheteurs et aux administrateurs
help-selfserve-outbox-list = E-mails, du plus récent au plus ancien
help-selfserve-outbox-list--limit = Au plus ce nombre d'e-mails
help-selfserve-outbox-show = Un e-mail en entier : ses en-têtes et son corps
help-selfserve-outbox-show--id = L'id de l'e-mail, tel que `outbox list` l'affiche

help-selfserve-admin = Les administrateurs et leurs rôles
help-selfserve-admin-list = Les administrateurs, leurs comptes et leurs rôles
help-selfserve-admin-add = Lier un compte à un utilisateur de l'annuaire avec un rôle, ou changer le rôle de ce lien
help-selfserve-admin-add--upn = Le nom d'utilisateur principal (UPN) de l'utilisateur de l'annuaire
help-selfserve-admin-add--role = GlobalAdministrator, BillingAdministrator ou GlobalReader
help-selfserve-admin-add--login = Le compte du système (ou SELFSERVE_USER) qui agit comme cet administrateur
help-selfserve-admin-remove = Délier un administrateur (par compte ou UPN) ; le dernier GlobalAdministrator reste
help-selfserve-admin-remove--login = Le compte de l'administrateur ou son nom d'utilisateur principal (UPN)

help-selfserve-storefront = Agir pour un utilisateur de l'annuaire qui achète ou essaie un produit (GlobalAdministrator ou BillingAdministrator)
help-selfserve-storefront-purchase = Un utilisateur achète des licences par carte ; l'achat se renouvelle automatiquement
help-selfserve-storefront-purchase--user = L'utilisateur de l'annuaire qui achète
help-selfserve-storefront-purchase--product = Id de produit, par exemple CFQ7TTC0H9MP
help-selfserve-storefront-purchase--quantity = Licences à acheter
help-selfserve-storefront-purchase--card = Les quatre derniers chiffres de la carte qui paie
help-selfserve-storefront-purchase--term = monthly ou annual
help-selfserve-storefront-trial = Un utilisateur commence un essai : avec une carte, il devient payant à son terme ; sans carte, il prend fin
help-selfserve-storefront-trial--user = L'utilisateur de l'annuaire qui le commence
help-selfserve-storefront-trial--product = Id de produit, par exemple CFQ7TTC0H9MP
help-selfserve-storefront-trial--card = Les quatre derniers chiffres d'une carte ; sans carte, l'essai demande un contrat existant

help-selfserve-lifecycle = Renouvellements, conversions et expirations jusqu'à l'horloge
help-selfserve-lifecycle-run = Appliquer chaque étape due jusqu'à l'horloge (ou un --until antérieur) ; relancer ne change rien
help-selfserve-lifecycle-run--until = S'arrêter à cette heure plutôt qu'à l'horloge : RFC 3339 ou AAAA-MM-JJ, pas après l'horloge
help-selfserve-lifecycle-run--dry-run = Montrer ce qui changerait, sans rien changer (tout administrateur le peut)

help-selfserve-check = Vérifier chaque invariant de la base ; code 1 et liste des écarts s'il y en a
help-selfserve-serve = Détenir la base et la servir à chaque administrateur sur un socket Unix (--socket)
help-selfserve-serve--group = Les membres de ce groupe peuvent se connecter (socket en mode 0660) ; sans lui, vous seul (0600)
help-selfserve-server = Le serveur sur le socket
help-selfserve-server-status = Qui est connecté : compte, rôle, depuis quand, interface (code 5 si aucun serveur ne répond)
help-selfserve-tenant = Le locataire : son cloud et son centre d'administration
help-selfserve-tenant-show = Le locataire : nom, devise, cloud et adresse du centre d'administration
help-selfserve-tenant-set-language = La langue des e-mails aux acheteurs et aux administrateurs : en ou fr (administrateur général)
help-selfserve-tenant-set-language--language = en ou fr
help-selfserve-watch = Afficher chaque modification validée par le serveur, au fil de l'eau (code 5 sans serveur)
help-selfserve-connect = Relier stdin et stdout au socket du serveur (ce que `--remote` lance par ssh)

## Ce que clap ajoute à chaque aide : titres, ses propres options et sous-commande, les
## précisions après l'aide d'un argument.
help-clap-usage = Utilisation :
help-clap-commands = Commandes :
help-clap-arguments = Arguments :
help-clap-options = Options :
# Dans les lignes d'utilisation : selfserve [OPTIONS] [COMMANDE].
help-clap-command-value = COMMANDE
help-clap-help-flag = Afficher l'aide
help-clap-help-flag-more = Afficher l'aide (plus de détails avec --help)
help-clap-help-flag-summary = Afficher l'aide (un résumé avec -h)
help-clap-version-flag = Afficher la version
help-clap-help-command = Afficher ce message ou l'aide des sous-commandes données
help-clap-env = [env : { $name }={ $value }]
help-clap-default = [par défaut : { $value }]
help-clap-possible = [valeurs possibles : { $values }]

## Erreurs d'utilisation (code 2) : une ligne, ce qui ne va pas, puis où en lire plus.
help-error-see = { $message } ; consultez `{ $command } --help`
help-error-with-tips = { $message } ({ $tips })
help-error-tips-and = { $first } ; { $second }
help-error-missing = il manque { $missing } à `{ $command }`
help-error-and = { $first } et { $last }
help-error-missing-command = `{ $command }` attend une commande
help-error-unknown-argument = argument inattendu « { $arg } »
help-error-unknown-command = sous-commande inconnue « { $given } »
help-error-value-required = « { $arg } » attend une valeur, aucune n'a été donnée
help-error-invalid-value = valeur « { $value } » invalide pour « { $arg } »
help-error-invalid-value-because = { $message } : { $reason }
help-error-possible-values = valeurs possibles : { $values }
help-error-not-a-number = ce n'est pas un nombre entier
help-error-too-large = trop grand
help-error-too-small = trop petit
help-error-out-of-range = pas entre { $min } et { $max }
help-error-too-many-values = valeur « { $value } » en trop pour « { $arg } »
help-error-number-of-values = « { $arg } » prend { $expected ->
        [one] { $expected } valeur
       *[other] { $expected } valeurs
    }, { $given ->
        [one] { $given } donnée
       *[other] { $given } données
    }
help-error-conflict = « { $arg } » ne peut pas s'utiliser avec « { $prior } »
help-error-repeated = « { $arg } » ne peut s'utiliser qu'une fois
help-error-no-equals = « { $arg } » prend sa valeur après « = »
help-error-utf8 = les arguments ne sont pas en UTF-8 valide
help-error-other = arguments invalides : { $detail }
help-error-quoted = « { $item } »
help-error-similar-command = { $count ->
        [one] une sous-commande proche existe : { $similar }
       *[other] des sous-commandes proches existent : { $similar }
    }
help-error-similar-argument = { $count ->
        [one] un argument proche existe : { $similar }
       *[other] des arguments proches existent : { $similar }
    }
help-error-similar-value = { $count ->
        [one] une valeur proche existe : { $similar }
       *[other] des valeurs proches existent : { $similar }
    }
help-error-tip-as-value = pour passer « { $arg } » comme valeur, utilisez « { $form } »
help-error-tip-remove-dashes = la sous-commande « { $name } » existe ; pour l'utiliser, retirez le « -- » qui la précède
help-error-tip-exists = « { $form } » existe

# init et import (ticket 12)
help-selfserve-init = Créer dans --db un locataire vide de votre organisation, dont vous êtes administrateur général
help-selfserve-init--tenant = Le nom d'affichage du locataire
help-selfserve-init--admin = Votre nom d'utilisateur principal : lié à votre connexion comme administrateur général (une importation des utilisateurs complète le reste)
help-selfserve-init--cloud = Le cloud du locataire : global ou china-21vianet (Microsoft 365 exploité par 21Vianet)
help-selfserve-init--currency = La devise de ses prix : un code ISO 4217 de trois lettres
help-selfserve-init--agreement = Le locataire a un contrat existant (essais possibles sans moyen de paiement)
help-selfserve-init--force = Remplacer la base de données de --db (seul un administrateur général de son locataire le peut)
help-selfserve-import = Lire dans le locataire les fichiers exportés par les outils de Microsoft 365
help-selfserve-import-policies = Stratégies de libre-service : Get-MSCommerceProductPolicies enregistré avec ConvertTo-Json ou Export-Csv
help-selfserve-import-policies--file = Le fichier (JSON ou CSV, UTF-8 ou UTF-16 avec BOM)
help-selfserve-import-policies--dry-run = Montrer ce qui serait ajouté, modifié et supprimé, sans rien changer
help-selfserve-import-policies--prune = Supprimer ce que le fichier n'a plus (sans effet sur les stratégies)
help-selfserve-import-users = Utilisateurs de l'annuaire : le CSV « Exporter les utilisateurs » du Centre d'administration ou Get-MgUser en JSON
help-selfserve-import-users--file = Le fichier (JSON ou CSV, UTF-8 ou UTF-16 avec BOM)
help-selfserve-import-users--dry-run = Montrer ce qui serait ajouté, modifié et supprimé, sans rien changer
help-selfserve-import-users--prune = Supprimer les utilisateurs que le fichier n'a plus (refusé pour qui détient des licences ou est administrateur)
## Fichier de configuration, complétions, page de manuel et journal (issue 16 : config).
help-selfserve--config = Le fichier de configuration [par défaut : selfserve/config.toml dans votre répertoire de configuration, p. ex. ~/.config]
help-selfserve--verbose = Plus de détails dans le journal : -v les lectures aussi, -vv tout (RUST_LOG l'emporte)
help-selfserve-config = Le fichier de configuration : où il est, les réglages en vigueur, s'il est valide
help-selfserve-config-path = Afficher l'emplacement du fichier de configuration (existant ou non)
help-selfserve-config-show = Afficher les réglages en vigueur, sous forme de fichier de configuration (options, puis environnement, puis fichier, puis valeurs par défaut)
help-selfserve-config-check = Vérifier le fichier de configuration : une ligne nommant le fichier, la ligne et la clé du premier problème (code 2)
help-selfserve-completions = Afficher les complétions du shell pour bash, zsh, fish, powershell ou elvish
help-selfserve-completions--shell = Le shell : bash, zsh, fish, powershell ou elvish
help-selfserve-man = Afficher la page de manuel (roff), p. ex. selfserve man | man -l -
# Sauvegardes et restauration (ticket 17, points 4, 6 et 7)
help-selfserve-backup = Écrire une sauvegarde cohérente de tout le locataire dans un fichier (par le serveur s'il tourne, sans l'arrêter)
help-selfserve-backup--file = Le fichier de sauvegarde à écrire
help-selfserve-backup--force = Remplacer le fichier s'il existe déjà et est un fichier ordinaire
help-selfserve-restore = Créer la base de --db depuis un fichier de sauvegarde, vérifié en entier d'abord
help-selfserve-restore--file = Le fichier de sauvegarde à restaurer
help-selfserve-restore--force = Remplacer la base de --db (son administrateur général seulement)

# Envoi des e-mails (issue 16, point 1) : `outbox send` et les options du relais.
help-selfserve-outbox-send = Envoyer maintenant chaque e-mail en attente par le relais de messagerie (--smtp-host) ; code 1 si certains restent en attente ou en échec
help-selfserve--smtp-host = Hôte du relais de messagerie pour les e-mails de la boîte d'envoi ; sans lui rien n'est envoyé (`serve` envoie en continu s'il est défini)
help-selfserve--smtp-port = Port du relais [par défaut : 587 pour starttls, 465 pour tls, 25 pour none]
help-selfserve--smtp-security = Sécurisation de la connexion au relais [par défaut : starttls]
help-selfserve--smtp-user = Identifiant au relais ; son mot de passe vient de --smtp-password-file ou de SELFSERVE_SMTP_PASSWORD, jamais d'une option
help-selfserve--smtp-password-file = Fichier contenant le mot de passe du relais (sa première ligne) ; jamais enregistré ni affiché
help-selfserve--smtp-from = Adresse d'expéditeur des e-mails [par défaut : selfserve@localhost]
help-selfserve--smtp-timeout = Secondes d'attente du relais avant de laisser un e-mail en attente [par défaut : 30]
# Progression, souris, taille du journal et autorités du relais (ticket 16 : progress).
help-selfserve--smtp-ca-file = Fichier PEM de certificats d'autorité auxquels le certificat du relais peut remonter, en plus de ceux de la machine (une autorité d'entreprise)

# Dépenses, renouvellements, gaspillage et économies (issue 15 : spend)
help-selfserve-report = Ce que coûte le libre-service, ce qui se renouvelle bientôt, ce qui est inutilisé, ce que centraliser économiserait
help-selfserve-report-spend = Coût récurrent par mois et par an : libre-service et central, par produit, acheteur et service ; 12 mois d'historique et 3 de prévision
help-selfserve-report-spend--csv = CSV pour la comptabilité : une ligne par produit
help-selfserve-report-renewals = Renouvellements, essais devenant payants et fins dans les 30, 60 ou 90 prochains jours, avec leurs montants
help-selfserve-report-renewals--days = Jusqu'où : 30, 60 ou 90 jours
help-selfserve-report-renewals--csv = CSV pour la comptabilité : une ligne par prélèvement ou fin
help-selfserve-report-waste = Licences achetées et non attribuées, par abonnement et par produit, avec leur coût mensuel
help-selfserve-report-waste--csv = CSV pour la comptabilité : une ligne par abonnement
help-selfserve-report-savings = Abonnements en libre-service dont les utilisateurs tiennent dans les licences centrales libres, et ce que leur annulation économise
help-selfserve-report-savings--csv = CSV pour la comptabilité : une ligne par abonnement
help-selfserve-tenant-set-purchase-notice = Si les administrateurs généraux et les administrateurs de facturation reçoivent un e-mail de chaque achat et essai en libre-service : on ou off (administrateur général)
help-selfserve-tenant-set-purchase-notice--setting = on ou off

# Stratégies sous forme de code et gouvernance (ticket 14)
help-selfserve-policy-plan = Montrer ce que l'application d'un fichier d'état souhaité modifierait, ce qu'elle laisse et pourquoi ; ne rien modifier
help-selfserve-policy-plan--file = Le fichier d'état souhaité (TOML ; voir « Policy as code » dans le README)
help-selfserve-policy-apply = Rendre le locataire conforme à un fichier d'état souhaité, en une fois avec un événement d'audit
help-selfserve-policy-apply--file = Le fichier d'état souhaité (TOML ; voir « Policy as code » dans le README)
help-selfserve-policy-apply--yes = Appliquer sans demander (nécessaire sans terminal où demander)
help-selfserve-policy-drift = Comparer le locataire à un fichier d'état souhaité : code 0 s'il correspond, 1 avec une ligne par écart
help-selfserve-policy-drift--file = Le fichier d'état souhaité (TOML ; voir « Policy as code » dans le README)
help-selfserve-policy-export = Afficher les stratégies actuelles sous forme de fichier d'état souhaité (son plan ne montre aucune modification)
help-selfserve-policy-default = Afficher la valeur que reçoivent les nouveaux produits à leur apparition, ou la définir (Enabled sauf réglage, comme le module)
help-selfserve-policy-default--value = Enabled | OnlyTrialsWithoutPaymentMethod | Disabled (ou les termes du centre d'administration), sans tenir compte de la casse
help-selfserve-policy-review = Lister les produits apparus qui attendent une vérification, ou les accepter tels quels
help-selfserve-policy-review--accept = Accepter ce produit (son ID) en gardant sa valeur
help-selfserve-policy-review--all = Accepter tous les produits qui attendent une vérification
help-selfserve-catalogue = Le catalogue de produits du locataire
help-selfserve-catalogue-update = Lire dans le locataire des produits au format du catalogue (assets/catalogue.json) ; les nouveaux reçoivent la valeur par défaut et attendent une vérification
help-selfserve-catalogue-update--file = Le fichier de catalogue (JSON, comme assets/catalogue.json)
help-selfserve-catalogue-update--dry-run = Montrer ce qui serait ajouté et modifié ; ne rien modifier
help-selfserve-policy-list--offer-types = Lister les stratégies des types d'offre (SaaS, POWERBIVISUALS, DYNAMICSCE, DYNAMICSBC) au lieu de celles des produits
help-selfserve-policy-set--offer-type = Définir la stratégie d'un type d'offre (SaaS, POWERBIVISUALS, DYNAMICSCE, DYNAMICSBC) sur Enabled ou Disabled
help-selfserve-report-orphans = Achats en libre-service dont l'acheteur est désactivé ou a disparu de l'annuaire
help-selfserve-policy-set--dry-run = Montrer ce qui changerait et les abonnements en libre-service laissés tels quels (utilisateurs et coût mensuel) ; ne rien modifier

# Imports des abonnements et des attributions de licences, export du locataire, policy list --format (issue 12 : import2)
help-selfserve-import-subscriptions = Abonnements : GET /directory/subscriptions de Graph en JSON (Invoke-MgGraphRequest)
help-selfserve-import-subscriptions--file = Le fichier (JSON, UTF-8 ou UTF-16 avec BOM)
help-selfserve-import-subscriptions--dry-run = Montrer ce qui serait ajouté, modifié et supprimé, sans rien changer
help-selfserve-import-subscriptions--prune = Supprimer les abonnements que le fichier n'a plus, avec leurs licences
help-selfserve-import-subscriptions--prices = Un fichier de prix (ProductId, Term, Amount) à utiliser au lieu des prix catalogue
help-selfserve-import-assignments = Attributions de licences : l'export des utilisateurs en libre-service d'un produit (le fichier de `user export`) ; les autres licences de l'annuaire sont placées sur les abonnements centraux
help-selfserve-import-assignments--file = Le fichier (CSV, UTF-8 ou UTF-16 avec BOM)
help-selfserve-import-assignments--dry-run = Montrer ce qui serait ajouté, modifié et supprimé, sans rien changer
help-selfserve-import-assignments--prune = Retirer les licences que ni le fichier ni l'annuaire n'ont
help-selfserve-tenant-export = Écrire les utilisateurs de l'annuaire (Get-MgUser) et les abonnements (GET /directory/subscriptions) dans le JSON de Graph, pour l'import
help-selfserve-tenant-export--users = Le fichier où écrire les utilisateurs
help-selfserve-tenant-export--subscriptions = Le fichier où écrire les abonnements
help-selfserve-policy-list--format = table, ou ps-json : Get-MSCommerceProductPolicies | ConvertTo-Json, pour import policies
