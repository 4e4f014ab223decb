# La progression et la souris (ticket 16, point 5). Chaque id est aussi dans en/progress.ftl, avec
# les mêmes paramètres.

## L'écran Exporter pendant l'écriture du CSV.
progress-export-rows = Écriture… { $done } sur { $total ->
    [one] { $total } ligne
   *[other] { $total } lignes
}

## `user export --output FICHIER` dans un terminal : le texte à côté de la barre de progression.
progress-export-bar = { $done } sur { $total ->
    [one] { $total } ligne écrite
   *[other] { $total } lignes écrites
}

## Le fichier d'autorités du relais de messagerie (`--smtp-ca-file`, `[mail] ca_file` du fichier de configuration).
progress-ca-file = impossible de lire les certificats d'autorité du relais dans { $path } : { $error }
progress-ca-file-empty = { $path } ne contient aucun certificat (PEM, « -----BEGIN CERTIFICATE----- ») ; indiquez le fichier de l'autorité qui a émis le certificat du relais
