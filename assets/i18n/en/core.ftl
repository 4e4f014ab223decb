# The core's words for people, outside error lines: statuses, roles, actions named in a
# refusal, change notices, `selfserve check` breaches, demo progress.

## Statuses and roles, inside sentences.
core-status-active = Active
core-status-expired = Expired
core-status-disabled = Disabled
core-status-deleted = Deleted
core-role-global-administrator = GlobalAdministrator
core-role-billing-administrator = BillingAdministrator
core-role-global-reader = GlobalReader

## The roles an action needs ("it needs …").
core-needs-read = any administrator role
core-needs-manage-subscriptions = GlobalAdministrator or BillingAdministrator
core-needs-manage-policies = GlobalAdministrator

## What an administrator may not do ("… and may not …").
core-do-change-administrators = change administrators
core-do-change-language = change the tenant's language
core-do-change-policies = change self-service policies
core-do-move-users = move users
core-do-read-subscriptions = read subscriptions
core-do-take-over = take over subscriptions
core-do-assign = assign licenses
core-do-unassign = unassign licenses
core-do-centralise = centralise purchases
core-do-storefront = act for a user in the storefront
core-do-add-licenses = add licenses
core-do-ask-cancel = ask buyers to cancel
core-do-cancel = cancel subscriptions
core-do-read-lifecycle = read the lifecycle
core-do-run-lifecycle = apply the lifecycle
core-do-buy = buy subscriptions
core-do-export = export users
core-do-search-directory = search the directory
core-do-read-products = read products
core-do-read-assignments = read license assignments
core-do-read-policies = read policies
core-do-read-admins = read administrators
core-do-read-audit = read the audit log
core-do-read-outbox = read the outbox
core-do-check = check the database
core-do-create-demo = create a demo tenant
core-do-replace-demo = replace the database with a demo tenant

## A subscription as sentences name it.
core-subscription-named = { $product } subscription { $id }…

## `selfserve check`: one line per breach of an invariant.
core-breach-product-key = product { $id } is stored under another key
core-breach-product-record = a product record ({ $key }) cannot be read
core-breach-import-unapplied = an import was committed but not wholly applied; open the database again (any command without a server, or restart the server) to finish it
core-breach-policy-product = a policy names the unknown product { $id }
core-breach-policy-record = the policy of { $id } cannot be read
core-breach-user-record = user record { $key } cannot be read or is under another key
core-breach-upn-entry = UPN index entry "{ $key }" does not match a user
core-breach-upn-count = { $users ->
        [one] { $users } user
       *[other] { $users } users
    } but { $entries ->
        [one] { $entries } UPN index entry
       *[other] { $entries } UPN index entries
    }
core-breach-subscription-product = subscription { $id } names the unknown product { $product_id }
core-breach-buyer-missing = subscription { $id } was bought by a user who does not exist
core-breach-no-buyer = self-service subscription { $id } has no buyer
core-breach-central-buyer = central subscription { $id } has a buyer
core-breach-subscription-record = subscription record { $key } cannot be read or is under another key
core-breach-product-entry = product index entry { $key } does not match a subscription
core-breach-buyer-entry = buyer index entry { $key } does not match a subscription
core-breach-product-count = { $subscriptions ->
        [one] { $subscriptions } subscription
       *[other] { $subscriptions } subscriptions
    } but { $entries ->
        [one] { $entries } product index entry
       *[other] { $entries } product index entries
    }
core-breach-buyer-count = { $subscriptions ->
        [one] { $subscriptions } subscription
       *[other] { $subscriptions } subscriptions
    } with a buyer but { $entries ->
        [one] { $entries } buyer index entry
       *[other] { $entries } buyer index entries
    }
core-breach-assignment-key = assignment key { $key } is malformed
core-breach-assignment-record = assignment { $key } cannot be read or is under another key
core-breach-assignment-user = an assignment of subscription { $id } names a user who does not exist ({ $user })
core-breach-assignment-subscription = an assignment names a subscription that does not exist ({ $id })
core-breach-deleted-holds = deleted subscription { $id } still holds the license of user { $user }
core-breach-user-entry = user license index entry { $key } has no assignment
core-breach-user-count = { $assignments ->
        [one] { $assignments } assignment
       *[other] { $assignments } assignments
    } but { $entries ->
        [one] { $entries } user license index entry
       *[other] { $entries } user license index entries
    }
core-breach-quantity = subscription { $id } has { $assignments ->
        [one] { $assignments } assignment
       *[other] { $assignments } assignments
    } but only { $quantity ->
        [one] { $quantity } license
       *[other] { $quantity } licenses
    }
core-breach-count = subscription { $id } records { $assigned } assigned but holds { $assignments ->
        [one] { $assignments } assignment
       *[other] { $assignments } assignments
    }
core-breach-admin-user = administrator login "{ $login }" is bound to a user who does not exist
core-breach-admin-record = administrator record "{ $key }" cannot be read
core-breach-no-global-admin = the tenant has no GlobalAdministrator
core-breach-email-record = outbox e-mail { $key } cannot be read
core-breach-audit-record = audit event { $key } cannot be read

## Change notices (`selfserve watch`, the dashboard's message line).
core-change-summary = { $upn } { $action }: { $kind }
core-change-summary-ids = { $upn } { $action }: { $kind } { $ids }
core-record-subscription = subscription
core-record-assignment = assignment
core-record-policy = policy
core-record-admin = admin
core-record-tenant = tenant
core-change-took-over = took over
core-change-moved-users = moved users
core-change-cancelled = cancelled
core-change-bought = bought
core-change-centralised = centralised
core-change-bought-for-user = bought for a user
core-change-trial-for-user = started a trial for a user
core-change-ran-lifecycle = ran the lifecycle
core-change-assigned = assigned licenses
core-change-removed = removed licenses
core-change-policy = changed the policy
core-change-every-policy = changed every product's policy
core-change-bound-admin = bound an administrator
core-change-unbound-admin = unbound an administrator
core-change-language = set the tenant's language

## Who bought a group of subscriptions (the users of a product).
core-buyer-heading = Purchased by { $name } <{ $upn }>
core-buyer-central = Central subscription (no buyer)

## `selfserve demo`'s progress, for large tenants.
core-demo-creating-users = creating { $users ->
        [one] { $users } user
       *[other] { $users } users
    }
core-demo-creating-central = creating central subscriptions
core-demo-creating-self-service = creating { $subscriptions ->
        [one] { $subscriptions } self-service subscription
       *[other] { $subscriptions } self-service subscriptions
    }
core-demo-writing = writing

## SPEC §2 rule 8, shown by the policy panel and `policy set` (the English is the core's
## DATA_NOTICE, which --json carries; a test checks they agree).
core-data-notice-heading = Directory data the commerce service will process
core-data-notice = When users may buy or start trials of a product, the Microsoft Commerce service processes directory data about them outside your tenant: their first and last name, e-mail address, IP address, and the tenant and user GUIDs (from their Microsoft Entra ID access token). It uses that data to give the user a license and to e-mail them about the subscription.
