# Le fichier de configuration (src/config, src/cli/config.rs) : ses erreurs, une ligne chacune, et `config check`.

config-no-directory = aucun répertoire de configuration n'est connu sur ce système ; désignez le fichier avec --config CHEMIN ou SELFSERVE_CONFIG
config-unreadable = le fichier de configuration { $file } ne peut pas être lu ({ $detail }) ; corrigez le chemin donné par --config ou SELFSERVE_CONFIG, ou ses droits
config-error = { $file }, ligne { $line }, { $key } : { $why }
config-error-at = { $file }, ligne { $line } : { $why }
config-why-unknown-key = clé inconnue ; voyez « Config file » dans le README pour toutes les clés
config-why-value = { $detail }
config-why-lang = la langue doit être en ou fr
config-why-role = rôle inconnu ; les rôles sont { $roles }
config-why-colour = ce n'est pas une couleur ; utilisez l'une de { $colours }
config-why-key-list = donnez une touche sous forme de chaîne ("x") ou plusieurs sous forme de liste (["x", "ctrl-x"])
config-why-action = action inconnue ; les actions sont { $actions }
config-why-key = « { $written } » n'est pas une touche ; utilisez un caractère, ctrl-x, ou enter, esc, tab, backspace, space, up, down, left, right, pgup, pgdn, home, end, delete, insert, f1 à f12
config-why-no-key = donnez au moins une touche
config-why-clash = { $written } sert déjà à { $other } sur un écran où cette action fonctionne ; réaffectez aussi celle-ci, ou choisissez une autre touche
config-why-host = le nom d'hôte du relais est vide
config-why-security = la sécurité doit être starttls, tls ou none
config-why-port = le port doit être un nombre de 1 à 65535
config-why-two-passwords = donnez le mot de passe par password_file ou par password_env, pas les deux
config-why-no-password = un utilisateur a besoin d'un mot de passe : ajoutez password_file ou password_env
config-why-no-user = un mot de passe a besoin d'un utilisateur : ajoutez user
config-valid = { $file } est valide.
config-absent = Aucun fichier de configuration dans { $file } : les valeurs par défaut s'appliquent.
