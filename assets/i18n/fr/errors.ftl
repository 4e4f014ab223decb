# Les lignes d'erreur du cœur : une ligne, ce qui ne va pas et quoi faire.

error-unknown-language = langue inconnue « { $given } » ; utilisez en ou fr
error-database = erreur de la base : { $detail } ; lancez `selfserve check`, ou restaurez la base depuis une sauvegarde
error-unreadable-record = un enregistrement de la base est illisible ({ $detail }) ; lancez `selfserve check`, ou restaurez depuis une sauvegarde
