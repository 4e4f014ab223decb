# selfserve init et les importations (ticket 12).

## Cœur : init
import-init-exists = une base existe déjà à { $path } ; choisissez un autre --db, ou faites-en une sauvegarde (`selfserve backup`) avant de la remplacer avec --force (seul un administrateur général de ce locataire le peut)
import-init-bad-name = « { $given } » n'est pas un nom de locataire ; donnez à --tenant un nom de 1 à 256 caractères
import-init-bad-currency = « { $given } » n'est pas une devise ; donnez à --currency un code ISO 4217 de trois lettres, comme EUR ou USD
import-bad-upn = « { $given } » n'est pas un nom d'utilisateur principal ; donnez-en un comme adele.vance@contoso.com

## Cœur : importations
import-do-policies = importer les stratégies de libre-service
import-do-users = importer les utilisateurs de l'annuaire
import-bad-encoding = { $file } n'est pas un texte { $encoding } valide ; enregistrez-le à nouveau en UTF-8 (avec ou sans BOM) ou en UTF-16 avec BOM
import-bad-field = { $file }, ligne { $line }, champ { $field } : { $problem } ; rien n'a été importé
import-problem-no-header = le fichier n'a pas de ligne d'en-tête
import-problem-columns = { $found ->
        [one] { $found } valeur
       *[other] { $found } valeurs
    } là où l'en-tête en a { $expected }
import-problem-not-objects = une liste d'objets était attendue, comme l'écrit ConvertTo-Json
import-problem-twice = « { $value } » figure deux fois dans le fichier
import-problem-empty = la valeur est vide
import-problem-missing = le champ est absent
import-problem-product-id = « { $value } » n'est pas un ID de produit (lettres et chiffres, comme CFQ7TTC0H9MP)
import-problem-policy-id = « { $value } » n'est pas { $expected }
import-problem-policy-value = « { $value } » n'est pas une valeur de stratégie ; utilisez Enabled, OnlyTrialsWithoutPaymentMethod ou Disabled
import-problem-guid = « { $value } » n'est pas un ID d'objet (un GUID)
import-problem-upn = « { $value } » n'est pas un nom d'utilisateur principal
import-problem-name = le nom d'affichage dépasse 256 caractères
import-problem-boolean = « { $value } » n'est ni True ni False
import-user-id-differs = { $file }, ligne { $line } : { $upn } figure déjà dans l'annuaire sous l'ID { $id }, et des licences ou des abonnements y renvoient ; rien n'a été importé
import-user-cannot-prune = { $name } ({ $upn }) n'est pas dans le fichier mais détient des licences, a acheté des abonnements ou est administrateur : --prune le supprimerait ; rien n'a été importé

## Ligne de commande
import-first-run-real-tenant = Pour démarrer plutôt le locataire de votre organisation, dans une autre base : selfserve --db CHEMIN init --tenant NOM --admin VOTRE-UPN, puis selfserve --db CHEMIN import policies|users|subscriptions|assignments FICHIER.
import-init-created = Locataire « { $tenant } » créé à { $path }, avec { $products ->
        [one] { $products } produit
       *[other] { $products } produits
    } dans son catalogue.
import-init-you-are = Vous êtes { $upn } (administrateur général, connexion « { $login } »). Ensuite : selfserve import policies FICHIER, puis users, subscriptions et assignments, dans cet ordre.
import-unlisted = … et { $count } autres modifications, non listées (les totaux ci-dessous les comptent toutes).
import-summary = { $file } : { $added } ajouté(s), { $changed } modifié(s), { $removed } supprimé(s), { $unchanged } inchangé(s).
import-summary-dry-run = { $file } (simulation, rien n'est écrit) : { $added } seraient ajouté(s), { $changed } modifié(s), { $removed } supprimé(s) ; { $unchanged } inchangé(s).
import-record = { $record ->
        [user] utilisateur
        [policy] stratégie
        [subscription] abonnement
        [license] licence
       *[product] produit
    }
import-change-added = ajout : { $record } { $id } { $name }{ $detail }
import-change-changed = modification : { $record } { $id } { $name }{ $detail }
import-change-removed = suppression : { $record } { $id } { $name }{ $detail }
import-do-init = créer un locataire
import-cannot-read = impossible de lire { $file } : { $detail } ; vérifiez le chemin
import-problem-syntax = le fichier ne peut pas y être lu ({ $detail })

## Abonnements et attributions de licences (issue 12, points 4 et 5)
import-do-subscriptions = importer des abonnements
import-do-assignments = importer des attributions de licences
import-do-tenant-export = exporter le locataire
import-problem-sku = aucun produit du catalogue n'a la référence (SKU) « { $value } »
import-problem-status = « { $value } » n'est pas un état d'abonnement ; Graph écrit Enabled, Warning, Suspended, Deleted ou LockedOut
import-problem-count = « { $value } » n'est pas un nombre de licences
import-problem-date = « { $value } » n'est pas une date (comme 2025-03-01 ou 2025-03-01T00:00:00Z)
import-problem-unknown-user = aucun utilisateur de l'annuaire n'est « { $value } » ; importez d'abord les utilisateurs
import-problem-unknown-subscription = aucun abonnement n'a l'id « { $value } » ; importez d'abord les abonnements
import-problem-deleted = l'abonnement « { $value } » est supprimé : il ne détient aucune licence
import-problem-other-product = « { $value } » n'est pas le produit de l'abonnement, { $expected }
import-problem-quantity = { $quantity } licences, mais { $assigned } sont attribuées
import-problem-too-many = l'abonnement { $id } détiendrait { $count } licences, plus que ses { $quantity }
import-problem-product-unknown = aucun produit du catalogue n'a l'id « { $value } »
import-problem-term = « { $value } » n'est pas une durée d'engagement ; utilisez monthly ou annual
import-problem-amount = « { $value } » n'est pas un montant (comme 16,80)
import-unplaced = non placée : { $name } ({ $upn }) détient { $product } dans l'annuaire, et aucun abonnement central de ce produit n'a de licence libre
import-tenant-exported = { $users ->
        [one] { $users } utilisateur écrit
       *[other] { $users } utilisateurs écrits
    } dans { $users_file } et { $subscriptions ->
        [one] { $subscriptions } abonnement
       *[other] { $subscriptions } abonnements
    } dans { $subscriptions_file }.

## The admin center's dates in an assignments file, English or French (issue 12)
import-problem-assigned-date = « { $value } » n'est pas une date ; les colonnes de ce fichier sont { $order ->
        [day] en français, ses dates ont donc le jour en premier, comme 14/03/2026 ou 14/03/2026 09:30:00
       *[month] en anglais, ses dates ont donc le mois en premier, comme 3/14/2026 ou 3/14/2026 9:30:00 AM
    }, ou sont comme 2026-03-14 ou 2026-03-14T09:30:00Z
