# Progress and the mouse (issue 16, point 5). Every id is also in fr/progress.ftl, with the same
# placeholders.

## The Export screen while the CSV is written.
progress-export-rows = Writing… { $done } of { $total ->
    [one] { $total } row
   *[other] { $total } rows
}

## `user export --output FILE` on a terminal: the text beside the progress bar on stderr.
progress-export-bar = { $done } of { $total ->
    [one] { $total } row written
   *[other] { $total } rows written
}

## The mail relay's CA file (`--smtp-ca-file`, the config file's `[mail] ca_file`).
progress-ca-file = cannot read the relay's CA certificates from { $path }: { $error }
progress-ca-file-empty = { $path } holds no certificate (PEM, "-----BEGIN CERTIFICATE-----"); give the CA file of the relay's certificate
