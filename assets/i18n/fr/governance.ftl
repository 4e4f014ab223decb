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
