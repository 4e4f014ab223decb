# Envoi des e-mails par un relais de messagerie (issue 16) : `outbox send`, la tâche d'envoi du
# serveur, la touche `s` de l'écran Boîte d'envoi, les réglages du relais. Mêmes ids et mêmes
# paramètres que en/delivery.ftl. Les réponses du relais sont montrées telles quelles.

## Le cœur.
delivery-do-send = envoyer les e-mails de la boîte d'envoi
delivery-record-email = e-mail
delivery-change-attempt = a enregistré une tentative d'envoi
delivery-state-failed = échec

## Les réglages du relais.
delivery-password-file = impossible de lire le mot de passe du relais dans { $path } : { $error }
delivery-bad-from = l'adresse d'expéditeur « { $from } » n'est pas une adresse e-mail : { $error } ; indiquez --smtp-from ou SELFSERVE_SMTP_FROM
delivery-tls-setup = impossible de préparer TLS pour { $host } : { $error }
delivery-user-without-password = l'utilisateur du relais { $user } n'a pas de mot de passe : indiquez --smtp-password-file ou SELFSERVE_SMTP_PASSWORD
delivery-no-relay = aucun relais de messagerie n'est défini : indiquez --smtp-host (ou SELFSERVE_SMTP_HOST) ; voir « Mail relay » dans le README
delivery-bad-timeout = --smtp-timeout « { $given } » n'est pas un nombre de secondes de 1 à 3600

## `outbox send`, et le journal du serveur.
delivery-none-due = Aucun e-mail à envoyer.
delivery-progress = { $done }/{ $total } { $to } : { $state }
delivery-summary = { $sent ->
    [one] 1 e-mail envoyé
   *[other] { $sent } e-mails envoyés
}, { $pending } en attente, { $failed } en échec.
delivery-log-relay = envoi de la boîte d'envoi par { $host }:{ $port }
delivery-log-run = envoi de la boîte d'envoi : { $sent } envoyés, { $pending } en attente, { $failed } en échec
delivery-log-error = envoi de la boîte d'envoi interrompu : { $error }

## `outbox list` et `outbox show`, et l'écran Boîte d'envoi.
delivery-col-attempts = Essais
delivery-col-last-error = Dernière erreur
delivery-label-message-id = Message-ID
delivery-label-attempts = Tentatives
delivery-label-last-error = Dernière erreur
delivery-label-next-attempt = Prochaine tentative
delivery-label-sent-at = Envoyé
delivery-label-answer = Réponse du relais

## Le tableau de bord.
delivery-key-send = envoyer maintenant
delivery-sending = Envoi { $done }/{ $total }…
delivery-sent-status = { $sent } envoyés, { $pending } en attente, { $failed } en échec
delivery-send-failed = Envoi interrompu : { $error }
delivery-outbox-failed = échec
delivery-field-message-id = Message-ID :
delivery-field-attempts = Tentatives :
delivery-field-last-error = Dernière erreur :
delivery-field-answer = Relais :
delivery-dialog-failed = échec
delivery-dialog-message-id = Message-ID : { $id }
delivery-dialog-delivery = { $attempts } tentatives · { $detail }
