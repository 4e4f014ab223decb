# E-mail delivery through a mail relay (issue 16): `outbox send`, the server's delivery task,
# the Outbox screen's `s`, the relay's settings. Every id is also in fr/delivery.ftl, with the
# same placeholders. The relay's own answers are shown as it gave them, never translated.

## The core.
delivery-do-send = send the outbox's e-mails
delivery-record-email = e-mail
delivery-change-attempt = recorded a delivery attempt
delivery-state-failed = failed

## The relay's settings.
delivery-password-file = cannot read the relay password from { $path }: { $error }
delivery-bad-from = the sender address "{ $from }" is not an e-mail address: { $error }; set --smtp-from or SELFSERVE_SMTP_FROM
delivery-tls-setup = cannot set up TLS for { $host }: { $error }
delivery-user-without-password = the relay user { $user } has no password: give --smtp-password-file or SELFSERVE_SMTP_PASSWORD
delivery-no-relay = no mail relay is set: give --smtp-host (or SELFSERVE_SMTP_HOST); see the README's "Mail relay"
delivery-bad-timeout = --smtp-timeout "{ $given }" is not a number of seconds from 1 to 3600

## `outbox send`, and the server's log.
delivery-none-due = No e-mail to send.
delivery-progress = { $done }/{ $total } { $to }: { $state }
delivery-summary = { $sent ->
    [one] 1 e-mail sent
   *[other] { $sent } e-mails sent
}, { $pending } left pending, { $failed } failed.
delivery-log-relay = delivering the outbox through { $host }:{ $port }
delivery-log-run = outbox delivery: { $sent } sent, { $pending } left pending, { $failed } failed
delivery-log-error = outbox delivery stopped: { $error }

## `outbox list` and `outbox show`, and the Outbox screen.
delivery-col-attempts = Tries
delivery-col-last-error = Last error
delivery-label-message-id = Message-ID
delivery-label-attempts = Attempts
delivery-label-last-error = Last error
delivery-label-next-attempt = Next attempt
delivery-label-sent-at = Sent
delivery-label-answer = Relay's answer

## The dashboard.
delivery-key-send = send now
delivery-sending = Sending { $done }/{ $total }…
delivery-sent-status = { $sent } sent, { $pending } left pending, { $failed } failed
delivery-send-failed = Sending stopped: { $error }
delivery-outbox-failed = failed
delivery-field-message-id = Message-ID:
delivery-field-attempts = Attempts:
delivery-field-last-error = Last error:
delivery-field-answer = Relay:
delivery-dialog-failed = failed
delivery-dialog-message-id = Message-ID: { $id }
delivery-dialog-delivery = { $attempts } attempts · { $detail }
