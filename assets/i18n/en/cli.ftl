# The command line's human output in English (src/cli): tables, summaries, dry-run plans,
# notices and the errors the CLI builds itself. Every id here is in fr/cli.ftl too, with the same
# placeholders. Never --json, the CSV of `user export`, or the PowerShell names (ProductName…).
# $dry is "yes" for a dry run ("Would move"), "no" once done ("Moved"); $term is "monthly" or
# "annual"; amounts and dates arrive formatted for the language.

## Errors and notices of any command.
cli-output-closed = the output was closed early
cli-output-failed = cannot write the output: { $detail }
cli-remote-location = the server on { $destination } (--remote)
cli-local-only = `selfserve { $command }` works on this host and cannot run with --remote (or SELFSERVE_REMOTE)
cli-no-data-directory = no data directory is known for this user; pass --db PATH or set SELFSERVE_DB
cli-no-server = no selfserve server answers on { $socket }; start one with `selfserve serve --db { $db }`
cli-needs-terminal = the dashboard needs a terminal; for scripts use the commands, e.g. `selfserve product list --json`
cli-first-run = No database at { $path }: creating the demo tenant there.
cli-not-a-status = "{ $given }" is not a status; use Active, Expired, Disabled or Deleted
cli-not-a-reason = "{ $given }" is not a cancellation reason; use one of { $valid }
cli-not-a-term = "{ $given }" is not a term; use monthly or annual
cli-policy-set-usage = give a product and a value (`policy set PRODUCT VALUE`), or `policy set --all VALUE`
cli-policy-set-all-usage = with --all give only the value (`policy set --all VALUE`)
cli-dry-run = Dry run: nothing was changed.
cli-yes = yes
cli-no = no
# A label and its colon, before a value.
cli-label = { $label }:
cli-utc = { $time } UTC

## Column headers (a trailing > in the code right-aligns numbers; it is not part of the text).
cli-col-id = ID
cli-col-product = Product
cli-col-product-id = Product ID
cli-col-origin = Origin
cli-col-bought-by = Bought by
cli-col-qty = Qty
cli-col-quantity = Quantity
cli-col-assigned = Assigned
cli-col-expires = Expires
cli-col-price = Price
cli-col-status = Status
cli-col-subscription = Subscription
cli-col-subscriptions = Subscriptions
cli-col-next-expiration = Next expiration
cli-col-monthly-spend = Monthly spend
cli-col-paid-twice = Paid twice
cli-col-policy = Policy
cli-col-shown-as = Shown as
cli-col-was = Was
cli-col-login = Login
cli-col-display-name = Display name
cli-col-upn = User principal name
cli-col-role = Role
cli-col-assigned-on = Assigned on
cli-col-at = At
cli-col-actor = Actor
cli-col-action = Action
cli-col-target = Target
cli-col-change = Change
cli-col-step = Step
cli-col-on = On
cli-col-created = Created
cli-col-to = To
cli-col-kind = Kind
cli-col-subject = Subject
cli-col-delivery = Delivery
cli-col-since = Since
cli-col-front-end = Front end
cli-col-uid = Uid
cli-col-pid = Pid

## Values in tables.
cli-status-active = Active
cli-status-expired = Expired
cli-status-disabled = Disabled
cli-status-deleted = Deleted
cli-origin-purchase = Purchase
cli-origin-trial = Trial
cli-origin-central = Central
cli-origin-long-purchase = self-service-purchase
cli-origin-long-trial = self-service-trial
cli-origin-long-central = central
cli-role-global-admin = GlobalAdministrator
cli-role-billing-admin = BillingAdministrator
cli-role-global-reader = GlobalReader
cli-reason-no-longer-needed = no-longer-needed
cli-reason-bought-by-mistake = bought-by-mistake
cli-reason-moving-to-central = moving-to-central
cli-reason-too-expensive = too-expensive
cli-reason-other = other
cli-step-renewed = renewed
cli-step-converted = converted
cli-step-expired = expired
cli-step-disabled = disabled
cli-step-deleted = deleted
cli-price-per-term = { $price }/{ $term ->
        [monthly] month
       *[annual] year
    }
cli-card-ending = card ending { $last4 }
cli-no-payment-method = no payment method
cli-payment-none = none
cli-payment-invoice = invoice
cli-read-only-front-end = { $front_end } (read-only)
cli-policy-unchanged = (unchanged)

## subscription list and show.
cli-subscription-count = { $count ->
        [one] { $count } subscription
       *[other] { $count } subscriptions
    }
cli-due-line = { $count ->
        [one] { $count } subscription has
       *[other] { $count } subscriptions have
    } lifecycle steps due but not applied; statuses are shown as of the clock. Apply them with `selfserve lifecycle run`.
cli-due-step = { $step } on { $date }
cli-field-subscription = Subscription
cli-field-product = Product
cli-field-origin = Origin
cli-field-bought-by = Bought by
cli-field-quantity = Licenses bought
cli-field-assigned = Assigned
cli-field-started = Started
cli-field-expires = Expires
cli-field-price = Price
cli-field-status = Status
cli-field-payment = Payment method
cli-field-auto-renew = Auto-renew
cli-field-taken-over-by = Taken over by
cli-field-cancellation = Cancellation
cli-central-buyer = - (central subscription)
cli-assigned-free = { $assigned } ({ $free } free)
cli-price-per-license = { $price } per license
cli-show-due = Lifecycle steps due but not applied: { $steps }; the status above is the one at the clock. Apply them with `selfserve lifecycle run`.
cli-show-users = Users with licenses ({ $count }):
cli-show-paid-twice = { $count } of them { $count ->
        [one] holds
       *[other] hold
    } a license of { $product } from another subscription too: paid twice until one of the two is cancelled.

## What a change did, or would do with --dry-run.
cli-sub-label = { $product } subscription { $id }…
cli-sub-named = { $sub } (bought by { $buyer })
cli-emailed = { $dry ->
        [yes] Would e-mail
       *[no] E-mailed
    } { $to }: "{ $subject }"
cli-users-more = {"  "}and { $count } more
cli-take-over-already = { $sub } was already taken over by { $by } on { $date }; nothing changed.
cli-take-over-done = { $sub } { $dry ->
        [yes] would be taken over
       *[no] taken over
    } by { $by }: its licenses can now be assigned, moved or cancelled.
cli-move-users = { $dry ->
        [yes] Would move
       *[no] Moved
    } { $count ->
        [one] { $count } user
       *[other] { $count } users
    } from { $from } to { $to }.
cli-move-took-over = { $dry ->
        [yes] Would take over
       *[no] Took over
    } { $sub } first.
cli-move-cancelled = { $dry ->
        [yes] Would cancel
       *[no] Cancelled
    } { $sub } (reason { $reason }); { $to } now has { $assigned } of { $quantity ->
        [one] { $quantity } license
       *[other] { $quantity } licenses
    } assigned.
cli-cancel-done = { $dry ->
        [yes] Would cancel
       *[no] Cancelled
    } { $sub } (reason { $reason }): it shows Deleted and { $count ->
        [one] { $count } user loses their license.
       *[other] { $count } users lose their licenses.
    }
cli-cancel-took-over = { $dry ->
        [yes] Would take it over
       *[no] Took it over
    } first.
cli-buy-done = { $dry ->
        [yes] Would buy
       *[no] Bought
    } { $count } { $product } { $count ->
        [one] license
       *[other] licenses
    } centrally: subscription { $id }.
cli-buy-terms = { $price } per license per { $term ->
        [monthly] monthly
       *[annual] annual
    } term, { $cost } in all; invoice; renews automatically on { $renews }.
cli-add-licenses-done = { $dry ->
        [yes] Would add
       *[no] Added
    } { $count } { $count ->
        [one] license
       *[other] licenses
    } to { $sub }: { $quantity } licenses, { $free } free.
cli-add-licenses-terms = { $price } per license per { $term ->
        [monthly] monthly
       *[annual] annual
    } term, { $cost } per term for the added ones; they end and renew with the subscription on { $expires }.
cli-ask-cancel-paid-twice = { $count } of its { $users } { $users ->
        [one] user holds
       *[other] users hold
    } a license of { $product } from another subscription too (paid twice).
cli-ask-cancel-only-here = { $count } { $count ->
        [one] holds a license
       *[other] hold a license
    } only from it and would lose access when it is cancelled: assign them a central license first (`selfserve license assign`).
cli-ask-cancel-stays = { $sub } stays as it is until its buyer cancels it.
cli-license-assigned = { $dry ->
        [yes] Would assign
       *[no] Assigned
    } { $count ->
        [one] a license of { $sub } to { $count } user
       *[other] licenses of { $sub } to { $count } users
    }: { $assigned } of { $quantity } now assigned, { $free } free.
cli-license-unassigned = { $dry ->
        [yes] Would unassign
       *[no] Unassigned
    } { $count ->
        [one] a license of { $sub } from { $count } user
       *[other] licenses of { $sub } from { $count } users
    }: { $assigned } of { $quantity } now assigned, { $free } free.
cli-license-paid-twice = { $count } of them also { $count ->
        [one] holds
       *[other] hold
    } a license of { $product } from another subscription: paid twice until it is cancelled (`selfserve subscription ask-cancel SUB` asks its buyer).
cli-centralise-summary = { $dry ->
        [yes] Would give
       *[no] Gave
    } { $users ->
        [one] { $users } user
       *[other] { $users } users
    } central licenses of { $product } and { $dry ->
        [yes] cancel
       *[no] cancelled
    } { $subscriptions } self-service { $subscriptions ->
        [one] subscription
       *[other] subscriptions
    } (moving-to-central):
cli-centralise-reused = {"  "}reused: { $count } free { $count ->
        [one] license
       *[other] licenses
    } of { $sub } ({ $value } per term, paid already)
cli-centralise-added = {"  "}added: { $count ->
        [one] { $count } license
       *[other] { $count } licenses
    } to { $sub } at { $price } per license per { $term ->
        [monthly] monthly
       *[annual] annual
    } term ({ $cost } per term)
cli-centralise-bought = {"  "}bought: { $count ->
        [one] { $count } license
       *[other] { $count } licenses
    } in new subscription { $id } at { $price } per license per { $term ->
        [monthly] monthly
       *[annual] annual
    } term ({ $cost } per term, invoice)
cli-centralise-already-central = { $count ->
        [one] { $count } user holds
       *[other] { $count } users hold
    } a central license already (paid twice) and only { $dry ->
        [yes] would lose
       *[no] lost
    } the self-service one.
cli-centralise-move = {"  "}{ $sub }: { $count ->
        [one] { $count } user
       *[other] { $count } users
    }

## storefront purchase and trial.
cli-storefront-done = { $buyer } { $trial ->
        [yes] started a trial of
       *[no] bought
    } { $product } ({ $id }): { $count ->
        [one] { $count } license
       *[other] { $count } licenses
    }, subscription { $sub }
cli-storefront-terms = { $price } per license per { $term ->
        [monthly] monthly
       *[annual] annual
    } term; { $payment }; { $end ->
        [converts] converts to paid on
        [renews] renews on
       *[ends] ends on
    } { $date }
cli-storefront-licensed = { $buyer } holds one of its licenses
cli-storefront-held-already = { $buyer } already held a license of this product; all of these are free
cli-storefront-first-trial = first trial of this product in the tenant: notice e-mailed to { $admins }

## policy set.
cli-policy-changed = { $changed } of { $count } { $count ->
        [one] policy
       *[other] policies
    } changed; existing purchases and trials are not affected
# SPEC §2 rule 8, the article's "Use of directory data".

## admin add and remove.
cli-admin-unchanged = login { $login } is already { $upn } ({ $name }) as { $role }; nothing changed
cli-admin-role-changed = login { $login } ({ $upn } ({ $name })): role changed from { $old } to { $role }
cli-admin-added = login { $login } now acts as { $upn } ({ $name }), { $role }
cli-admin-removed = login { $login } ({ $upn } ({ $name })) is no longer an administrator

## lifecycle run.
cli-lifecycle-summary = { $count ->
        [one] { $count } lifecycle step
       *[other] { $count } lifecycle steps
    } { $applied ->
        [yes] applied
       *[no] due (dry run, nothing changed)
    } up to { $until } UTC

## outbox list and show.
cli-delivery-pending = pending
cli-delivery-sent = sent
cli-outbox-empty = (the outbox is empty)
cli-email-id = ID
cli-email-to = To
cli-email-subject = Subject
cli-email-date = Date
cli-email-kind = Kind
cli-email-delivery = Delivery
cli-email-kind-subscription-cancelled = subscription-cancelled
cli-email-kind-users-moved = users-moved
cli-email-kind-please-cancel = please-cancel
cli-email-kind-first-trial = first-trial
cli-email-kind-renewed = renewed
cli-email-kind-converted = converted
cli-email-kind-expired = expired
cli-email-kind-disabled = disabled
cli-email-kind-deleted = deleted
cli-email-kind-notice = notice

## check, demo, user export.
cli-check-ok = ok: { $subscriptions ->
        [one] { $subscriptions } subscription
       *[other] { $subscriptions } subscriptions
    }, { $users ->
        [one] { $users } user
       *[other] { $users } users
    }, { $assignments ->
        [one] { $assignments } license assignment
       *[other] { $assignments } license assignments
    }; every invariant holds
cli-check-breach = breach [{ $invariant }]: { $message }
cli-check-failed = { $count } invariant breaches in { $location }; restore the database from a backup
cli-demo-created = Created the demo tenant "{ $tenant }" at { $path }: { $users ->
        [one] { $users } user
       *[other] { $users } users
    }, { $subscriptions ->
        [one] { $subscriptions } subscription
       *[other] { $subscriptions } subscriptions
    }, { $assignments ->
        [one] { $assignments } license assignment
       *[other] { $assignments } license assignments
    }.
cli-demo-you-are = You are { $upn } (GlobalAdministrator, login "{ $login }"); the logins "billing" and "reader" are a BillingAdministrator and a GlobalReader (SELFSERVE_USER=billing).
cli-export-wrote = Wrote { $users ->
        [one] { $users } user
       *[other] { $users } users
    } of { $subscriptions ->
        [one] { $subscriptions } subscription
       *[other] { $subscriptions } subscriptions
    } to { $path }

## watch.
cli-watch-cannot-start = cannot start watching: { $detail }
# $revision is written plainly (no grouping): scripts read it from this line.
cli-watch-started = watching the changes on { $socket } from revision { $revision }; Ctrl-C ends
cli-watch-change = { $at } revision { $revision }: { $summary }
cli-watch-reload = { $at } { $count } changes were missed while this watcher was behind: reload everything

cli-stalled-opening = opening the database made no progress for { $seconds } seconds: the database looks damaged; restore it from a backup
cli-stalled-check = the check made no progress for { $seconds } seconds: the database looks damaged; restore it from a backup

## tenant show: one row per field.
cli-field = Field
cli-value = Value
cli-tenant-name = Tenant
cli-tenant-id = Tenant ID
cli-tenant-cloud = Cloud
cli-tenant-admin-center = Admin center
cli-tenant-currency = Currency
cli-tenant-agreement = Existing agreement
cli-tenant-demo = Demo tenant
cli-tenant-created = Created

# Between a heading and what follows on its line ("Note: …", « Note : … »).
cli-colon = :
