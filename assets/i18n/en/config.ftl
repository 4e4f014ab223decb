# The config file (src/config, src/cli/config.rs): its errors, one line each, and `config check`.

config-no-directory = no config directory is known on this system; name the file with --config PATH or SELFSERVE_CONFIG
config-unreadable = the config file { $file } cannot be read ({ $detail }); fix the path given with --config or SELFSERVE_CONFIG, or its permissions
config-error = { $file }, line { $line }, { $key }: { $why }
config-error-at = { $file }, line { $line }: { $why }
config-why-unknown-key = no such key; see "Config file" in the README for every key
config-why-value = { $detail }
config-why-lang = the language must be en or fr
config-why-role = no such role; the roles are { $roles }
config-why-colour = not a colour; use one of { $colours }
config-why-key-list = give a key as a string ("x") or several as a list (["x", "ctrl-x"])
config-why-action = no such action; the actions are { $actions }
config-why-key = "{ $written }" is not a key; use one character, ctrl-x, or enter, esc, tab, backspace, space, up, down, left, right, pgup, pgdn, home, end, delete, insert, f1 to f12
config-why-no-key = give at least one key
config-why-clash = { $written } already does { $other } on a screen where this action works; rebind that one too, or pick another key
config-why-host = the relay's host name is empty
config-why-security = the security must be starttls, tls or none
config-why-port = the port must be a number from 1 to 65535
config-why-two-passwords = give the password with password_file or with password_env, not both
config-why-no-password = a user needs a password: add password_file or password_env
config-why-no-user = a password needs a user: add user
config-valid = { $file } is valid.
config-absent = No config file at { $file }: the defaults are in force.
