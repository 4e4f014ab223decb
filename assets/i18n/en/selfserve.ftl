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
