# selfserve's messages in English. Every id here is in fr/selfserve.ftl too, with the same
# placeholders (a test checks). Machine output (--json, CSV headers, PowerShell names) is not here.

## The tab line (short: all seven fit in 80 columns) and the screens' titles.
tab-products = Products
tab-subscriptions = Subscriptions
tab-policies = Policies
tab-export = Export
tab-audit = Audit
tab-outbox = Outbox
tab-help = Help
title-products = Products
title-subscriptions = Subscriptions
title-policies = Self-service trials and purchases
title-export = Export users
title-audit = Audit log
title-outbox = Outbox
title-help = Help
products-filtered = Products with self-service subscriptions (filter on: f)

## The message line and the status bar.
hint-help = help
hint-search = search
hint-self-service = self-service
hint-open = open
hint-quit = quit
# $shown is $count written for reading ("1,234").
search-matches = { $count ->
    [one] { $shown } match
   *[other] { $shown } matches
}
status-readonly = READ-ONLY
status-demo = DEMO
role-short-global-admin = Global admin
role-short-billing-admin = Billing admin
role-short-global-reader = Global reader
# A key the session may not use: $what is the key's help, $why the reason.
key-refused = { $what } is not available: { $why }

## The AllowSelfServicePurchase values, as the admin center words them.
policy-allow = Allow
policy-trials-only = Allow for trials only
policy-do-not-allow = Do not allow

## Help (?): its title, section headings and the session's lines (labels fit 9 columns).
help-title = {" "}Help · { $screen }{" "}
help-title-scrolled = {" "}Help · { $screen } · rows { $first }–{ $last } of { $total } (↑↓ PgUp PgDn){" "}
help-on = On { $screen }
help-everywhere = Everywhere
help-typing = While typing a search
help-question = When asked yes or no
help-steps = In a move, cancel or centralise dialog
help-picker = In the license picker (A)
help-panel = In the policy panel
help-withheld = Not available to you
help-session = This session
help-you = You
help-can = Can
help-tenant = Tenant
help-cloud = Cloud
help-lifecycle = Lifecycle
help-database = Database
help-demo = {" "}(DEMO: not real data)
help-readonly = Read-only: actions that change the tenant are hidden.

## The key table: what each key does, as help lists it.
key-yes = Yes, go ahead
key-enter-not-yes = Nothing: only y says yes
key-no = No, change nothing
key-search-keep = Keep what you typed
key-search-clear = Clear it and stop typing
key-delete-char = Delete the last character
key-typing-up = Move up while typing
key-typing-down = Move down while typing
key-path-keep = Keep the path
key-path-drop = Drop the edit, keep the old path
key-quit = Quit
key-help = Help for this screen
key-messages = Messages so far, each whole
key-goto-products = Products
key-goto-subscriptions = Subscriptions of the product
key-goto-policies = Self-service policies
key-goto-export = Export users
key-goto-audit = Audit log
key-goto-outbox = Outbox
key-up = Move up
key-down = Move down
key-page-up = Page up
key-page-down = Page down
key-first = First row
key-last = Last row
key-search = Search product, buyer, UPN
key-self-service = Self-service filter on/off
key-open-product = Open product's subscriptions
key-open-subscription = Open subscription and users
key-switch-pane = Switch list / users pane
key-mark = Mark / unmark (a user, in the users pane)
key-mark-all = Mark all shown (or unmark)
key-edit-path = Edit the export path
key-write-csv = Write the CSV of the marked
key-details = Show or hide the details
key-read-email = Read the e-mail whole
key-assign = Assign licenses (search users)
key-unassign = Unassign the marked users' licenses
key-ask-cancel = Request its buyer cancel (e-mail)
key-take-over = Take it over (then assign licenses)
key-move = Move its users elsewhere (wizard)
key-cancel = Cancel the subscription
key-centralise = Centralise: one central sub for all
key-step-up = Move up, or scroll
key-step-down = Move down, or scroll
key-step-next = Next step (changes nothing)
key-step-yes = Yes: carry out what is shown
key-step-back = Back a step, or close
key-step-buy = Buy licenses for the users
key-step-term = Purchase: annual / monthly term
key-open-policy = Open the product's policy panel
key-policy-all = Set every product's policy
key-value-above = Choose the value above
key-value-below = Choose the value below
key-save = Save changes
key-results-up = Move up the results
key-results-down = Move down the results
key-pick-user = Pick or unpick the user
key-review = Review what is picked
key-close = Close, changing nothing
key-back = Clear the search, or go back

## The screens (issue 11): what the panes say while loading or empty, and where the cursor is.
# The window's size and the least it needs, e.g. 60x20 and 80x24.
screen-too-small = The window is too small ({ $width }x{ $height }). selfserve needs at least { $min_width }x{ $min_height }: make the window larger, or press q to quit.
screen-loading = loading…
# $position is screen-position, while the list is read again.
screen-updating = { $position }, updating…
screen-unreadable = could not be read
screen-loading-body = Loading…
screen-no-match = Nothing matches the search; Esc clears it.
screen-position = { $row } of { $rows }
screen-position-matching = { $row } of { $rows } matching, { $total } in all
screen-no-rows = no rows
screen-products-empty = No products have self-service subscriptions.
# The tag of a product found through one of its buyers (one word: it ends the name's column).
screen-buyer-tag = buyer
screen-buyers-failed = Buyers could not be read: names and ids only
screen-buyers-reading = Reading buyers… names and ids match meanwhile
# "Bought by NAME <upn> and 2 more": the lead, then the others.
screen-bought-by = Bought by
screen-bought-by-more = and { $count } more
screen-self-service-only = { $product } (self-service only)
screen-subscriptions-empty = This product has no subscriptions here.
screen-policies-empty = No products.

## Column headers. A header wider than its column's content widens the column: keep them short.
col-product = Product
col-subs = Subs
col-licenses = Licenses
col-assigned = Assigned
# The narrow products table's (French abbreviates it there).
col-assigned-short = Assigned
col-twice = Twice
col-expires = Expires
col-spend-month = Spend/month
col-product-id = Product ID
col-subscriptions = Subscriptions
# The admin center's "available quantity": licenses bought, all subscriptions together.
col-available = Licenses
col-paid-twice = Paid twice
col-next-expiry = Next expiry
col-monthly-spend = Monthly spend
col-policy = Self-service policy
# The policy values in the products table (French shortens the longest).
col-policy-allow = Allow
col-policy-trials-only = Allow for trials only
col-policy-do-not-allow = Do not allow
col-buyer = Buyer
col-buyer-upn = Buyer UPN
col-origin = Origin
col-quantity = Qty
col-used = Used
col-status = Status
col-user = User
col-user-upn = User principal name
col-department = Department
col-assigned-on = Assigned
col-paid = Paid
col-self-service = Self-service
col-policy-value = PolicyValue
col-at = At (UTC)
col-actor = Actor
col-action = Action
col-target = Target
col-created = Created (UTC)
col-to = To
col-kind = Kind
col-subject = Subject
col-state = State

## Words the screens show for the data's values.
word-central = Central
word-status-active = Active
word-status-expired = Expired
word-status-disabled = Disabled
word-status-deleted = Deleted
word-origin-purchase = Purchase
word-origin-trial = Trial
word-origin-central = Central
word-origin-purchase-long = Self-service purchase
word-origin-trial-long = Self-service trial
word-origin-central-long = Central (bought by an administrator)
word-term-annual = annual
word-term-monthly = monthly
word-step-renewed = renewed
word-step-converted = converted
word-step-expired = expired
word-step-disabled = disabled
word-step-deleted = deleted
word-yes = yes
word-no = no
role-global-admin = GlobalAdministrator
role-billing-admin = BillingAdministrator
role-global-reader = GlobalReader
# The roles that have a capability.
role-needs-read = any administrator role
role-needs-subscriptions = GlobalAdministrator or BillingAdministrator
role-needs-policies = GlobalAdministrator

## The subscription's detail pane and the users pane. Labels carry their colon.
detail-title = Details
detail-users = { $count ->
    [one] { $count } user
   *[other] { $count } users
}
detail-users-loading = users loading…
# $users is detail-users; $count the marked subscriptions they come from.
detail-users-of-marked = { $users } of { $count } marked
detail-no-buyer = none (central subscription)
detail-taken-over-on = { $by } on { $date }
detail-licenses = { $bought } bought, { $assigned } assigned, { $free } free
detail-licenses-short = { $bought } bought, { $assigned } used
detail-price = { $price } per license, { $term }
detail-expires-started = { $expires } (started { $start })
detail-status-due = { $status } (lifecycle: { $step } { $date }, not applied)
detail-card = card •••• { $last4 }
detail-card-ending = card ending { $last4 }
detail-invoice = invoice
detail-no-payment = none
detail-product = Product:
detail-buyer = Buyer:
detail-origin = Origin:
detail-licenses-label = Licenses:
detail-expires = Expires:
detail-price-label = Price:
detail-status = Status:
detail-payment = Payment:
detail-auto-renew = Auto-renew:
detail-taken-over-by = Taken over by:
detail-taken-over = Taken over:
detail-cancelled = Cancelled:
detail-reason-no-longer-needed = no longer needed
detail-reason-bought-by-mistake = bought by mistake
detail-reason-moving-to-central = moving to a central subscription
detail-reason-too-expensive = too expensive
detail-reason-other = other
detail-no-users = No users hold a license of it.
detail-users-loading-body = Loading the users…
detail-paid-twice = twice
detail-purchased-by = Purchased by { $buyer }
detail-central-group = Central subscription (no buyer)
detail-policy = Policy:
detail-shown-as = Shown as:

## The policies screen.
policy-meaning-allow = Users may buy this product and start trials, with or without a payment method.
policy-meaning-trials-only = Users may only start trials that need no payment method; no purchases.
policy-meaning-do-not-allow = Users may neither buy this product nor start a trial of it.
policy-how-to-change = Enter opens its panel; from a shell: selfserve policy set { $product } VALUE

## The export screen.
export-title = Export users to CSV
export-path = Path:
export-path-hint = Enter keep · Esc undo
export-path-edit = Path (e to edit):
export-marked = Marked:
export-marked-none = none: Space marks a subscription, a marks every one shown
export-marked-some = { $subs ->
    [one] { $subs } subscription
   *[other] { $subs } subscriptions
}, { $users ->
    [one] { $users } user
   *[other] { $users } users
} · w writes the CSV
export-writing = Writing…
export-nothing-yet = Nothing written yet.
export-subscriptions-of = Subscriptions of { $product }

## The audit log and the outbox.
audit-title = Audit log, newest first
audit-empty = No audit events yet.
audit-event = Event { $id }
audit-at-utc = { $time } UTC
audit-at = At:
audit-actor = Actor:
audit-action = Action:
audit-target = Target:
audit-before = Before:
audit-after = After:
outbox-title = Outbox, newest first
outbox-empty = No e-mails have been sent yet.
outbox-to = To:
outbox-sent-at = Sent:
outbox-pending = pending
outbox-sent = sent
# What an e-mail is about (the outbox's Kind column).
outbox-kind-subscription-cancelled = subscription-cancelled
outbox-kind-users-moved = users-moved
outbox-kind-please-cancel = please-cancel
outbox-kind-first-trial = first-trial
outbox-kind-renewed = renewed
outbox-kind-converted = converted
outbox-kind-expired = expired
outbox-kind-disabled = disabled
outbox-kind-deleted = deleted
outbox-kind-notice = notice

## The status lines, the search box and the yes/no question.
# Before the database's path at the right of the message line.
status-db = db
search-hint-typing = Enter keep · Esc clear
search-hint-kept = Esc clear
confirm-title = Are you sure?
confirm-yes = yes
confirm-no = no

## What the session may do (help, and the reason a key is refused).
key-why-readonly = the dashboard runs --readonly
key-why-role = { $role } may not: it needs { $needs }
key-can-readonly = look, search and export only (--readonly)
key-can-everything = change subscriptions, licenses and policies
key-can-subscriptions = change subscriptions and licenses; policies need { $needs }
key-can-look = look, search and export; changes need { $needs }

## The lifecycle, as the message line and help's "Lifecycle" line tell a run.
help-lifecycle-running = running…
help-lifecycle-nothing-due = nothing due by { $date }
lifecycle-renewed = { $count } renewed
lifecycle-converted = { $count } converted
lifecycle-expired = { $count } expired
lifecycle-disabled = { $count } disabled
lifecycle-deleted = { $count } deleted
lifecycle-to-renew = { $count } to renew
lifecycle-to-convert = { $count } to convert
lifecycle-to-expire = { $count } to expire
lifecycle-to-disable = { $count } to disable
lifecycle-to-delete = { $count } to delete
# Joins the counts: "2 renewed, 1 expired".
lifecycle-list = { $first }, { $next }
# Joins what else the run did: "…; 3 licenses removed".
lifecycle-then = { $first }; { $next }
lifecycle-licenses-removed = { $count ->
    [one] { $count } license removed
   *[other] { $count } licenses removed
}
lifecycle-emails-sent = { $count ->
    [one] { $count } e-mail sent
   *[other] { $count } e-mails sent
}
# $what is the counts; $why why a preview was not applied.
lifecycle-message-applied = Lifecycle: { $what }
lifecycle-message-due = Lifecycle due: { $what }; not applied: { $why }
lifecycle-detail-applied = { $what }
lifecycle-detail-due = due: { $what }; not applied: { $why }
lifecycle-preview-only = preview only
lifecycle-role-may-not = { $role } may not apply it: it needs { $needs }

## Messages the dashboard shows on the message line.
msg-lifecycle-failed = The lifecycle could not run: { $why }
msg-buyer-search-off = Search by buyer is off: { $why }
msg-export-path-empty = The export path is empty; kept the previous one
msg-export-busy = The export is still being written
msg-export-nothing-marked = Mark subscriptions with Space first (a marks every one shown)
msg-export-replace = { $path } exists. Replace it?
msg-export-writing = Writing the export…
msg-exported = Wrote { $count ->
    [one] { $count } user row
   *[other] { $count } user rows
} to { $path }
msg-press-q = Press q to quit
msg-no-product-yet = No product to show yet: wait for the products to load
msg-self-service-on = Self-service filter on: only self-service subscriptions count
msg-self-service-off = Self-service filter off: every subscription counts
# Another administrator's change, as the core words it, and the database's revision it made.
msg-changed = { $summary } (revision { $revision })
msg-changes-missed = { $count ->
    [one] { $count } change by others came
   *[other] { $count } changes by others came
} faster than this dashboard read them: everything is read again
