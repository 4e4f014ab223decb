# Là où le programme touche des fichiers hors de sa base : le répertoire --db, le remplacement
# d'un locataire, le fichier de l'export (ticket 17, points 1, 2 et 5).

edge-not-a-directory = { $path } n'est pas un répertoire ; rien n'a été modifié : indiquez avec --db une base, ou un répertoire nouveau ou vide
edge-foreign-directory = { $path } contient d'autres fichiers et aucune base selfserve ; rien n'y a été modifié : indiquez avec --db une base, ou un répertoire nouveau ou vide
edge-permission-denied = permission refusée sur { $path } (propriétaire { $owner }, mode { $mode }) ; demandez à son propriétaire, ou passez par le serveur
edge-replace-needs-global-admin = seul un administrateur général du locataire de { $path } peut le remplacer ; { $login } est { $role }

## Le fichier de l'export (user export --output, l'écran Exporter les utilisateurs).
edge-export-no-space = plus d'espace libre sur le périphérique de { $path } ; rien n'a été remplacé : libérez de l'espace ou choisissez un autre --output
edge-export-no-space-out = plus d'espace libre sur le périphérique de la sortie ; libérez de l'espace ou écrivez ailleurs
edge-export-directory = { $path } est un répertoire ; indiquez le nom d'un fichier dans celui-ci
edge-export-link = { $path } est un lien symbolique vers un fichier, et l'export n'écrit jamais à travers un lien ; indiquez le chemin du fichier lui-même
edge-export-fifo-not-yours = { $path } est un tube nommé d'un autre utilisateur dans un répertoire partagé, qui lirait l'export ; choisissez un autre --output
edge-export-changed = { $path } a changé pendant l'ouverture par l'export ; rien n'a été écrit : réessayez
