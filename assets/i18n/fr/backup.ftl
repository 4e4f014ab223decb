# Le disque, les sauvegardes et la restauration (ticket 17, points 4, 6 et 7).

backup-no-space = plus d'espace libre sur le disque de { $path } ; libérez de la place, puis relancez la commande
backup-io = impossible d'utiliser { $path } : { $detail } ; vérifiez le chemin et ses droits

## Sauvegarder
backup-do-backup = sauvegarder le locataire
backup-busy-import = une importation était encore en cours d'application après { $seconds } secondes ; faites la sauvegarde une fois qu'elle sera terminée
backup-busy = la base a changé pendant toute la lecture de la sauvegarde ({ $attempts } tentatives) ; relancez `selfserve backup` à un moment plus calme
backup-record-too-large = un enregistrement trop grand pour une sauvegarde ; lancez `selfserve check`
backup-not-a-file = { $file } existe et n'est pas un fichier ordinaire ; donnez un nom de fichier à la sauvegarde
backup-file-exists = { $file } existe déjà ; donnez un autre nom à la sauvegarde, ou ajoutez --force pour remplacer ce fichier
backup-done = { $tenant } sauvegardé (révision { $revision }, { $records } enregistrements) dans { $file }

## Restaurer
backup-do-restore = restaurer une sauvegarde
backup-no-file = il n'y a pas de fichier de sauvegarde { $file } ; vérifiez le nom
backup-not-a-backup = { $file } n'est pas une sauvegarde selfserve (sa première ligne n'est pas « { $format } VERSION ») ; rien n'a été restauré
backup-version = { $file } est une sauvegarde au format de version { $version }, et ce selfserve lit la version { $known } ; utilisez le selfserve qui l'a faite ; rien n'a été restauré
backup-schema = { $file } contient une base de schéma version { $version }, et ce selfserve connaît la version { $known } ; utilisez le selfserve qui l'a faite ; rien n'a été restauré
backup-damaged = { $file } est endommagé ({ $what }) ; rien n'a été restauré ; utilisez une autre sauvegarde
backup-what-truncated = il est tronqué
backup-what-checksum = sa somme de contrôle SHA-256 ne correspond pas à son contenu : il est tronqué ou modifié
backup-what-no-header = il n'a pas d'enregistrement d'en-tête
backup-what-out-of-order = ses enregistrements sont dans le désordre
backup-what-counts = son enregistrement de fin ne correspond pas à son contenu
backup-what-trailing = des octets suivent sa fin
backup-what-unreadable = un enregistrement est illisible
backup-what-unknown-tree = il nomme une partie de la base qui n'existe pas
backup-what-id = un e-mail ou un événement d'audit a un identifiant impossible
backup-what-changed = le fichier a changé pendant la restauration
backup-exists = une base existe déjà dans { $path } ; restaurez dans un autre --db, ou, pour la remplacer (ce qui la supprime), sauvegardez-la d'abord avec `selfserve backup`, puis ajoutez --force (son administrateur général seulement)
backup-force-unreadable = la base dans { $path } ne peut pas être ouverte ({ $why }), donc seul un administrateur général du locataire de la sauvegarde peut la remplacer, et { $login } ne l'est pas ; rien n'a été restauré
backup-restored = { $tenant } restauré (révision { $revision }, { $records } enregistrements, sauvegardé le { $taken }) depuis { $file } dans { $path }
