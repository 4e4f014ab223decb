# Le crate serveur (`selfserve serve`, `connect`, `--remote`, le client du socket) : ses lignes
# d'erreur et les lignes du journal du serveur qu'un administrateur lit. Chaque id existe aussi
# dans en/server.ftl, avec les mêmes paramètres (un test le vérifie). Les ids, uid, pid et
# révisions sont passés comme texte : ils ne sont jamais groupés comme des nombres.

## --remote [UTILISATEUR@]HÔTE[:PORT] et ssh.
server-remote-bad = --remote « { $given } » : { $why } ; forme attendue : [USER@]HOST[:PORT]
server-remote-no-bracket = il manque le ] fermant
server-remote-after-bracket = texte inattendu après ]
server-remote-port = le port n'est pas un nombre
server-remote-no-host = pas d'hôte, ou un nom commençant par '-'
server-over-ssh = { $destination } (par ssh)
server-over-ssh-port = { $destination } port { $port } (par ssh)
server-ssh-missing = impossible de lancer `{ $program }` pour --remote : il n'est pas installé ou pas dans le PATH ; installez le client OpenSSH, ou définissez SELFSERVE_SSH
server-ssh-failed = impossible de lancer `{ $program }` pour --remote : { $error }
server-ssh-no-pipes = `{ $program }` a démarré sans tubes
server-ssh-login = ssh n'a pas pu se connecter à { $destination } : { $said } ; vérifiez votre clé et votre nom d'utilisateur (`ssh { $destination }` en dit plus)
server-ssh-unreachable = impossible de joindre { $destination } par ssh : { $said }
server-ssh-failed-short = échec de ssh
server-ssh-not-installed = selfserve n'est pas installé sur { $destination }, ou pas dans le PATH de votre compte là-bas : { $said }
server-ssh-command-not-found = commande introuvable
server-on-host = sur { $destination } : { $said }

## Joindre un serveur sur son socket.
server-connect-denied = vous n'avez pas le droit de vous connecter au serveur selfserve sur { $socket } : { $error } ; demandez à son administrateur de vous ajouter au groupe du socket
server-connect-failed = impossible de se connecter au serveur selfserve sur { $socket } : { $error }
server-no-server = aucun serveur selfserve ne répond sur { $socket } ; démarrez-en un là-bas avec `selfserve serve`, ou définissez SELFSERVE_SOCKET pour ce compte
server-hello-timeout = le serveur selfserve sur { $server } n'a pas répondu en { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    } ; consultez son journal
server-hello-garbled = le serveur sur { $server } a répondu d'une façon que ce selfserve ne comprend pas ; utilisez la même version de selfserve des deux côtés
server-unreadable-answer = une réponse illisible
server-mismatch = le serveur sur { $server } a envoyé une réponse d'un autre type ; utilisez la même version de selfserve des deux côtés
server-went-away = le serveur selfserve sur { $server } a disparu ({ $error }) ; une modification en cours est entière ou pas faite du tout : vérifiez, puis réessayez quand il sera revenu
server-upload-failed = le serveur n'a pas pu conserver le fichier envoyé ({ $error }) ; rien n'a été importé : libérez de la place dans le répertoire temporaire du serveur et réessayez
server-upload-not-import = seule une importation envoie un fichier au serveur
server-in-process = pas de serveur selfserve : ce client a ouvert la base lui-même
server-encode = impossible d'encoder un message pour le socket : { $error }
server-bridge-streams = impossible de relier l'entrée et la sortie standard : { $error }
server-bridge-broke = la connexion au serveur selfserve sur { $socket } a été rompue ({ $error })

## Les refus du serveur.
server-protocol-older-client = ce selfserve parle le protocole { $theirs }, plus ancien que le serveur sur { $socket } (selfserve { $version }, protocole { $ours }) : mettez à jour selfserve sur cet hôte
server-protocol-older-server = le serveur sur { $socket } (selfserve { $version }) parle le protocole { $ours }, plus ancien que ce selfserve (protocole { $theirs }) : mettez à jour selfserve sur le serveur et relancez `selfserve serve`
server-not-a-hello = ce n'est pas un bonjour selfserve ; connectez-vous avec la commande selfserve
server-too-many = le serveur a trop de connexions ({ $all } en tout, dont { $mine } à vous) ; fermez-en et réessayez
server-user-not-honoured = SELFSERVE_USER={ $login } n'est accepté que du compte du serveur ou de root, et vous êtes { $own } : retirez SELFSERVE_USER pour agir en votre nom
server-uid-no-login = votre uid { $uid } n'a pas de nom de compte sur cet hôte : il n'est lié à aucun administrateur ; demandez à l'administrateur de l'hôte d'en créer un
server-uid-lookup = impossible de trouver le compte de l'uid { $uid } : { $error } ; vérifiez la base des utilisateurs de l'hôte
server-failed = le serveur a échoué en répondant ; consultez son journal, et lancez `selfserve check`
server-answer-too-large = la réponse dépasse la taille d'une trame ; restreignez la demande

## Le démarrage de `selfserve serve`.
server-runtime = impossible de démarrer l'environnement d'exécution du serveur : { $error }
server-signals = impossible de surveiller les signaux : { $error }
server-not-a-socket = { $path } existe et n'est pas un socket ; supprimez-le ou passez un autre --socket
server-already-serving = un serveur répond déjà sur { $socket } ; arrêtez-le d'abord, ou passez un autre --socket
server-already-serving-pid = un serveur (pid { $pid }) répond déjà sur { $socket } ; arrêtez-le d'abord, ou passez un autre --socket
server-group-chown = impossible de donner le socket { $socket } au groupe { $group } : { $error } ; lancez le serveur en root ou en membre de { $group }
server-no-group = il n'y a pas de groupe « { $group } » sur cet hôte ; créez-le (`groupadd { $group }`) ou passez un autre --group
server-group-lookup = impossible de trouver le groupe « { $group } » : { $error } ; vérifiez la base des groupes de l'hôte
server-socket = impossible d'utiliser le socket { $socket } : { $error } ; vérifiez son répertoire et ses droits, ou passez un autre --socket

## Le journal du serveur (une ligne chacune, après l'heure et « selfserve serve: »).
server-log-serving = sert { $db } sur { $socket } (mode { $mode }, pid { $pid })
server-log-stopping = { $signal } : plus de nouvelles connexions ; attente des demandes en cours
server-log-stopped = arrêté
server-log-accept = impossible d'accepter une connexion : { $error }
server-log-stale-socket = remplacement du socket abandonné { $socket } (personne n'y répond)
server-log-no-credentials = un pair sans identité, fermé : { $error }
server-log-refused = connexion refusée de l'uid { $uid } : { $why }
server-log-closed = connexion { $connection } (uid { $uid }) fermée : { $why }
server-log-connected = connexion { $connection } : { $login } ({ $details })
server-log-read-only = lecture seule
server-log-done = { $login } : { $request } fait
server-log-done-revision = { $login } : { $request } fait (révision { $revision })
server-log-request-refused = uid { $uid } : { $request } refusé (code { $code }) : { $error }

## Pourquoi le serveur a fermé une connexion (la fin de server-log-closed).
server-why-no-hello = pas de bonjour à temps
server-why-gone = partie avant son bonjour
server-why-unreadable-hello = un bonjour illisible : { $error }
server-why-refused = refusée : { $why }
server-why-welcome = impossible d'envoyer l'accueil : { $error }
server-why-unreadable-frame = une trame illisible : { $error }
server-why-not-a-message = une trame qui n'est pas un message selfserve
server-why-answer = impossible d'envoyer une réponse : { $error }
server-why-revision = impossible de lire la révision : { $error }
server-why-buffer = impossible de dimensionner le tampon du socket : { $error }
server-why-notices = impossible de commencer les avis : { $error }
server-why-notice = impossible d'envoyer un avis : { $error }
server-why-watcher-asked = une connexion en veille a envoyé une demande
server-why-progress = impossible d'envoyer la progression : { $error }
