# The server crate (`selfserve serve`, `connect`, `--remote`, the socket client): its error lines
# and the log lines an administrator reads in the server's log. Every id is also in
# fr/server.ftl, with the same placeholders (a test checks). Ids, uids, pids and revisions are
# passed as text: they are never grouped like counts.

## --remote [USER@]HOST[:PORT] and ssh.
server-remote-bad = --remote "{ $given }": { $why }; expected [USER@]HOST[:PORT]
server-remote-no-bracket = no closing ]
server-remote-after-bracket = unexpected text after ]
server-remote-port = the port is not a number
server-remote-no-host = no host, or a name starting with '-'
server-over-ssh = { $destination } (over ssh)
server-over-ssh-port = { $destination } port { $port } (over ssh)
server-ssh-missing = cannot run `{ $program }` for --remote: it is not installed or not on the PATH; install OpenSSH's client, or set SELFSERVE_SSH
server-ssh-failed = cannot run `{ $program }` for --remote: { $error }
server-ssh-no-pipes = `{ $program }` started without pipes
server-ssh-login = ssh could not log in to { $destination }: { $said }; check your key and user name (`ssh { $destination }` shows more)
server-ssh-unreachable = cannot reach { $destination } over ssh: { $said }
server-ssh-failed-short = ssh failed
server-ssh-not-installed = selfserve is not installed on { $destination }, or not on the PATH of your login there: { $said }
server-ssh-command-not-found = command not found
server-on-host = on { $destination }: { $said }

## Reaching a server on its socket.
server-connect-denied = you may not connect to the selfserve server on { $socket }: { $error }; ask its administrator to add you to the socket's group
server-connect-failed = cannot connect to the selfserve server on { $socket }: { $error }
server-no-server = no selfserve server answers on { $socket }; start one there with `selfserve serve`, or set SELFSERVE_SOCKET for this login
server-hello-timeout = the selfserve server on { $server } did not answer within { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }; see its log
server-hello-garbled = the server on { $server } answered in a way this selfserve does not understand; run the same version of selfserve on both sides
server-unreadable-answer = an unreadable answer
server-mismatch = the server on { $server } sent an answer of another kind; run the same version of selfserve on both sides
server-went-away = the selfserve server on { $server } went away ({ $error }); a change it was making is whole or not made at all: look, then try again once it is back
server-upload-failed = the server could not keep the uploaded file ({ $error }); nothing was imported: free space on the server's temporary directory and try again
server-upload-not-import = only an import sends a file to the server
server-in-process = no selfserve server: this client opened the database itself
server-encode = cannot encode a message for the socket: { $error }
server-bridge-streams = cannot bridge the standard streams: { $error }
server-bridge-broke = the connection to the selfserve server on { $socket } broke ({ $error })

## The server's refusals.
server-protocol-older-client = this selfserve speaks protocol { $theirs }, older than the server on { $socket } (selfserve { $version }, protocol { $ours }): upgrade selfserve on this host
server-protocol-older-server = the server on { $socket } (selfserve { $version }) speaks protocol { $ours }, older than this selfserve (protocol { $theirs }): upgrade selfserve on the server and restart `selfserve serve`
server-not-a-hello = this is not a selfserve hello; connect with the selfserve command
server-too-many = the server has too many connections ({ $all } in all, { $mine } of them yours); close some and try again
server-user-not-honoured = SELFSERVE_USER={ $login } is honoured only from the server's own user or root, and you are { $own }: unset SELFSERVE_USER to act as yourself
server-uid-no-login = your uid { $uid } has no login name on this host, so it is bound to no administrator; ask the host's administrator to create one
server-uid-lookup = cannot look up the login of uid { $uid }: { $error }; check the host's user database
server-failed = the server failed while answering; see its log, and run `selfserve check`
server-answer-too-large = the answer is larger than a frame may be; narrow the request

## Starting `selfserve serve`.
server-runtime = cannot start the server's runtime: { $error }
server-signals = cannot watch for signals: { $error }
server-not-a-socket = { $path } exists and is not a socket; remove it or pass another --socket
server-already-serving = a server already answers on { $socket }; stop it first, or pass another --socket
server-already-serving-pid = a server (pid { $pid }) already answers on { $socket }; stop it first, or pass another --socket
server-group-chown = cannot give the socket { $socket } to the group { $group }: { $error }; run the server as root or as a member of { $group }
server-no-group = there is no group "{ $group }" on this host; create it (`groupadd { $group }`) or pass another --group
server-group-lookup = cannot look up the group "{ $group }": { $error }; check the host's group database
server-socket = cannot use the socket { $socket }: { $error }; check its directory and permissions, or pass another --socket

## The server's log (one line each, after the time and "selfserve serve:").
server-log-serving = serving { $db } on { $socket } (mode { $mode }, pid { $pid })
server-log-stopping = { $signal }: no new connections; waiting for the requests in flight
server-log-stopped = stopped
server-log-accept = cannot accept a connection: { $error }
server-log-stale-socket = replacing the stale socket { $socket } (nobody answers on it)
server-log-no-credentials = a peer with no credentials, closed: { $error }
server-log-refused = refused a connection from uid { $uid }: { $why }
server-log-closed = connection { $connection } (uid { $uid }) closed: { $why }
server-log-connected = connection { $connection }: { $login } ({ $details })
server-log-read-only = read-only
server-log-done = { $login }: { $request } done
server-log-done-revision = { $login }: { $request } done (revision { $revision })
server-log-request-refused = uid { $uid }: { $request } refused (exit { $code }): { $error }

## Why the server closed a connection (the end of server-log-closed).
server-why-no-hello = no hello in time
server-why-gone = gone before its hello
server-why-unreadable-hello = an unreadable hello: { $error }
server-why-refused = refused: { $why }
server-why-welcome = cannot send the welcome: { $error }
server-why-unreadable-frame = an unreadable frame: { $error }
server-why-not-a-message = a frame that is no selfserve message
server-why-answer = cannot send an answer: { $error }
server-why-revision = cannot read the revision: { $error }
server-why-buffer = cannot size the socket's buffer: { $error }
server-why-notices = cannot start the notices: { $error }
server-why-notice = cannot send a notice: { $error }
server-why-watcher-asked = a watching connection sent a request
server-why-progress = cannot send progress: { $error }
