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
