# Le disque, les sauvegardes et la restauration (ticket 17, points 4, 6 et 7).

backup-no-space = plus d'espace libre sur le disque de { $path } ; libérez de la place, puis relancez la commande
backup-io = impossible d'utiliser { $path } : { $detail } ; vérifiez le chemin et ses droits
