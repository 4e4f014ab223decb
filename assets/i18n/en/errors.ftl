# Error lines of the core: one line, what is wrong and what to do.

error-unknown-language = unknown language "{ $given }"; use en or fr
error-database = database error: { $detail }; run `selfserve check`, or restore the database from a backup
error-unreadable-record = a record in the database cannot be read ({ $detail }); run `selfserve check`, or restore from a backup

## Permissions (exit 3).
error-read-only = this session is read-only (--readonly) and may not { $what }: it changes nothing; run the command without --readonly
error-role-may-not = { $upn } is { $role } and may not { $what }: it needs { $needs }; ask a GlobalAdministrator
error-login-unbound = the login "{ $login }" is not bound to any administrator of this tenant; ask a GlobalAdministrator to run `selfserve admin add UPN --role ROLE --login { $login }`

## Subscriptions.
error-no-subscription = no subscription { $id }; `selfserve subscription list` shows the ids
error-changed-meanwhile = subscription { $id } changed meanwhile (another change reached it first); nothing was changed: try again
error-take-over-central = { $sub } is a central subscription: administrators manage it already, there is nothing to take over
error-take-over-deleted = { $sub } is Deleted: there is nothing left to take over
error-assigned-mismatch = subscription { $id } records { $records } assigned licenses but holds { $holds }; run `selfserve check`

## Moving users.
error-move-to-itself = subscription { $id } cannot move its users to itself; choose another with --to
error-move-from-deleted = { $sub } is Deleted: it has no users left to move
error-move-other-product = { $sub } is { $product }, not { $wanted }: users move only to a subscription of the same product; `selfserve subscription list --product { $product_id }` shows those
error-move-not-active = { $sub } is { $status }: users move only to an Active subscription; choose another, or buy one with `selfserve subscription buy { $product_id } --quantity { $quantity }`
error-move-not-taken-over = { $sub } is a self-service subscription not taken over: administrators cannot assign its licenses; take it over first (`selfserve subscription take-over { $id }`) or choose a central subscription
error-move-no-room = { $sub } has { $free ->
        [one] { $free } free license
       *[other] { $free } free licenses
    }; moving { $moving ->
        [one] { $moving } user
       *[other] { $moving } users
    } needs { $more } more: buy more or choose another subscription

## Assigning and unassigning licenses.
error-assign-no-room = { $sub } has { $free ->
        [one] { $free } free license
       *[other] { $free } free licenses
    }; assigning { $users ->
        [one] { $users } user
       *[other] { $users } users
    } needs { $more } more: buy more (`selfserve subscription buy { $product_id } --quantity { $quantity }`) or choose another subscription
error-assign-already-held = { $upn } already holds a license of { $sub }: a user holds at most one license of each subscription; name only users without one
error-unassign-not-held = { $upn } holds no license of { $sub }: there is nothing to unassign; `selfserve subscription show { $id }` lists its users
error-licenses-status = { $sub } is { $status }: its licenses cannot be { $change ->
        [assign] assigned
       *[other] unassigned
    }; choose an Active subscription
error-licenses-not-taken-over = { $sub } is a self-service subscription not taken over: administrators cannot { $change ->
        [assign] assign
       *[other] unassign
    } its licenses until they take it over (`selfserve subscription take-over { $id }`)
error-no-user-named = name at least one user
error-no-user-id = no directory user { $id }; check the user principal name
error-user-named-twice = { $upn } is named more than once; name each user once

## Adding licenses, buying, centralising.
error-add-self-service = { $sub } is a self-service subscription: licenses are added only to central ones; `selfserve subscription list --product { $product_id }` shows those, or `selfserve subscription buy` buys one
error-add-not-active = { $sub } is { $status }: licenses are added only to an Active subscription; buy a new one with `selfserve subscription buy { $product_id } --quantity { $quantity }`
error-add-quantity = { $sub } can take 1 to { $room } more licenses (a subscription holds at most { $max }), not { $quantity }; pass another --quantity
error-purchase-quantity = a purchase holds 1 to { $max } licenses, not { $quantity }; pass another --quantity
error-clock-too-late-buy = the clock ({ $today }) is too far in the future to buy a term; check --now
error-buy-for-no-users = { $sub } has no users to move: there is nothing to buy for; cancel it instead (`selfserve subscription cancel { $id } --reason REASON`)
error-centralise-nothing = { $product } has no live self-service subscriptions: there is nothing to centralise
error-centralise-no-users = the self-service subscriptions of { $product } have no users to move; cancel them with `selfserve subscription cancel SUB --reason moving-to-central`
error-centralise-short = centralise planned fewer licenses than users; nothing was changed: try again

## Cancelling.
error-cancel-deleted = { $sub } is already Deleted: there is nothing left to cancel
error-ask-cancel-central = { $sub } is a central subscription: it has no buyer to ask; cancel it yourself with `selfserve subscription cancel { $id } --reason REASON`
error-ask-cancel-buyer-gone = the buyer of { $sub } is no longer in the directory; take it over and cancel it yourself (`selfserve subscription cancel { $id } --reason moving-to-central`)

## Policies.
error-not-a-policy-value = "{ $given }" is not a policy value; use Enabled, OnlyTrialsWithoutPaymentMethod or Disabled (also accepted: Allow, AllowTrialsOnly, DoNotAllow)

## Administrators.
error-not-a-role = "{ $given }" is not a role; use GlobalAdministrator, BillingAdministrator or GlobalReader
error-not-a-login = "{ $given }" is not a login name: give the operating-system login (at most 64 characters, no spaces)
error-last-global-admin = "{ $login }" is the last GlobalAdministrator and cannot be { $change ->
        [removed] removed
       *[other] demoted
    }; the tenant needs one: add another with `selfserve admin add UPN --role GlobalAdministrator --login LOGIN` first
error-admin-disabled-user = { $upn } is disabled in the directory and cannot be an administrator; enable the user first
error-admin-already = { $upn } is already an administrator through the login "{ $login }"; change that binding's role, or remove it first with `selfserve admin remove { $login }`
error-login-bound-elsewhere = the login "{ $login }" is bound to another directory user; remove it first with `selfserve admin remove { $login }`
error-no-admin = no administrator has the login or user principal name "{ $given }"; `selfserve admin list` shows them

## The storefront (rules 1 to 3).
error-policy-forbids = the policy forbids it (rule 3): AllowSelfServicePurchase of { $product } ({ $product_id }) is { $value } ({ $words }), so { $so }; a GlobalAdministrator can change it with `selfserve policy set { $product_id } Enabled`
error-policy-so-neither = users may neither buy it nor start trials of it
error-policy-so-trials-leave-card = users may only start trials without a payment method: leave out --card
error-policy-so-trials-only = users may only start trials without a payment method
error-trial-needs-card = a trial of { $product } needs a payment method (rule 2): pass --card LAST4
error-trial-needs-agreement = a trial without a payment method needs an existing agreement, which { $tenant } does not have (rule 2): pass --card LAST4
error-not-a-card = "{ $given }" is not the last four digits of a card; pass --card with four digits, such as 4242
error-clock-too-late-term = the clock ({ $today }) is too far in the future to start a term; check --now
error-buyer-disabled = { $upn } is disabled in the directory and cannot buy or start trials
error-trial-already-licensed = { $upn } already holds a license of { $product }, so a trial would give them nothing

## The lifecycle.
error-until-after-clock = --until { $until } is later than the clock ({ $now }); move the clock with --now instead
error-lifecycle-changed-meanwhile = licenses of subscription { $id } changed while the lifecycle ran; run `selfserve lifecycle run` again

## Reading the store.
error-no-email = no e-mail { $id } in the outbox; `selfserve outbox list` shows the ids
error-no-product = no product with id "{ $id }"; `selfserve product list` shows the product ids
error-no-user-upn = no directory user with user principal name "{ $upn }"; check the spelling
error-not-a-subscription-id = "{ $given }" is not a subscription id: give the id or a unique prefix of at least 4 hex digits
error-subscription-prefix-ambiguous = subscription prefix "{ $given }" matches more than one subscription; give more digits
error-no-subscription-match = no subscription matches "{ $given }"; `selfserve subscription list` shows the ids
error-license-index-malformed = a license index key is malformed; run `selfserve check`
error-revision-damaged = the database's revision counter is damaged; restore the database from a backup
error-not-a-time = "{ $given }" is not a time: give RFC 3339 (2026-11-23T10:00:00Z) or a date (2026-11-23)
error-catalogue-unreadable = the built-in product catalogue is unreadable: { $detail }
error-unexpected-reply = expected a { $wanted } reply but got a { $got } reply: the client and the server are different versions of selfserve; run the same version on both

## Exporting.
error-export-other-product = subscription { $id } is not of product { $product_id }; drop --product or that --subscription
error-export-write = cannot write the export: { $detail }; choose another output
error-export-not-a-file = { $path } is not a file name; give a path to a file
error-export-write-file = cannot write { $path }: { $detail }; choose another --output

## Opening the database.
error-no-database = no selfserve database at { $path }; create one with `selfserve demo --db { $path }` or pass the right --db
error-not-a-database = { $path } is not a selfserve database (it has no schema version); pass another --db
error-schema-newer = the database at { $path } has schema version { $version }, newer than this selfserve understands ({ $known }); upgrade selfserve
error-schema-older = the database at { $path } has the old schema version { $version }; recreate it with this selfserve (expected { $known })
error-damaged = the database at { $path } is damaged ({ $what }); run `selfserve check`, then restore your last good backup with `selfserve restore FILE --db { $path } --force`
error-damaged-schema = the schema version is unreadable
error-damaged-tenant-unreadable = the tenant record is unreadable
error-damaged-tenant-missing = the tenant record is missing
error-damaged-corrupted = sled found corrupted data
error-damaged-unreadable = it could not be read
error-create-database-dir = cannot create the database directory { $path }: { $detail }; choose another --db
error-open-database = cannot open the database at { $path }: { $detail }; check the path and its permissions
error-database-served = the database at { $path } is served by `selfserve serve` (pid { $pid }) on the socket { $socket }; talk to it with --socket { $socket } or SELFSERVE_SOCKET={ $socket }
error-database-in-use-by = the database at { $path } is in use by another selfserve process (pid { $pid }); close it or wait for it to finish, then try again
error-database-in-use = the database at { $path } is in use by another selfserve process; close it or wait for it to finish, then try again

## The demo tenant.
error-demo-too-few-users = the demo needs at least { $min } users; pass a larger --users
error-demo-too-many-users = the demo goes up to { $max } users; pass a smaller --users
error-demo-exists = a database already exists at { $path }; give the demo another --db
error-demo-io = cannot put the demo database at { $path }: { $detail }; check the path and its permissions
error-demo-names-unreadable = the built-in demo names are unreadable: { $detail }
error-demo-names-empty-list = the list { $list } is empty
