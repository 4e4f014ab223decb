# selfserve init and the imports (issue 12).

## Core: init
import-init-exists = a database already exists at { $path }; choose another --db, or take a `selfserve backup` of it before replacing it with --force (only a GlobalAdministrator of that tenant may)
import-init-bad-name = "{ $given }" is not a tenant name; give --tenant a name of 1 to 256 characters
import-init-bad-currency = "{ $given }" is not a currency; give --currency a three-letter ISO 4217 code such as EUR or USD
import-bad-upn = "{ $given }" is not a user principal name; give one such as adele.vance@contoso.com

## Core: imports
import-do-policies = import self-service policies
import-do-users = import directory users
import-bad-encoding = { $file } is not valid { $encoding } text; save it again as UTF-8 (with or without a BOM) or as UTF-16 with a BOM
import-bad-field = { $file }, line { $line }, field { $field }: { $problem }; nothing was imported
import-problem-no-header = the file has no header line
import-problem-columns = { $found ->
        [one] { $found } value
       *[other] { $found } values
    } where the header has { $expected }
import-problem-not-objects = expected a list of objects, as ConvertTo-Json writes it
import-problem-twice = "{ $value }" appears twice in the file
import-problem-empty = the value is empty
import-problem-missing = the field is missing
import-problem-product-id = "{ $value }" is not a product id (letters and digits, such as CFQ7TTC0H9MP)
import-problem-policy-id = "{ $value }" is not { $expected }
import-problem-policy-value = "{ $value }" is not a policy value; use Enabled, OnlyTrialsWithoutPaymentMethod or Disabled
import-problem-guid = "{ $value }" is not an object id (a GUID)
import-problem-upn = "{ $value }" is not a user principal name
import-problem-name = the display name is longer than 256 characters
import-problem-boolean = "{ $value }" is neither True nor False
import-user-id-differs = { $file }, line { $line }: { $upn } is already in the directory under the id { $id }, and licenses or subscriptions refer to it; nothing was imported
import-user-cannot-prune = { $name } ({ $upn }) is not in the file but holds licenses, bought subscriptions or is an administrator: --prune would remove them; nothing was imported

## Command line
import-first-run-real-tenant = To start your organisation's own tenant instead, in another database: selfserve --db PATH init --tenant NAME --admin YOUR-UPN, then selfserve --db PATH import policies|users|subscriptions|assignments FILE.
import-init-created = Created the tenant "{ $tenant }" at { $path } with { $products ->
        [one] { $products } product
       *[other] { $products } products
    } in its catalogue.
import-init-you-are = You are { $upn } (GlobalAdministrator, login "{ $login }"). Next: selfserve import policies FILE, then users, subscriptions and assignments, in that order.
import-unlisted = … and { $count } more changes, not listed (the counts below are all of them).
import-summary = { $file }: { $added } added, { $changed } changed, { $removed } removed, { $unchanged } unchanged.
import-summary-dry-run = { $file } (dry run, nothing written): { $added } would be added, { $changed } changed, { $removed } removed; { $unchanged } unchanged.
import-record = { $record ->
        [user] user
        [policy] policy
        [subscription] subscription
        [license] license
       *[product] product
    }
import-change-added = added { $record } { $id } { $name }{ $detail }
import-change-changed = changed { $record } { $id } { $name }{ $detail }
import-change-removed = removed { $record } { $id } { $name }{ $detail }
import-do-init = create a tenant
import-cannot-read = cannot read { $file }: { $detail }; check the path
import-problem-syntax = the file cannot be read there ({ $detail })

## Subscriptions and license assignments (issue 12, points 4 and 5)
import-do-subscriptions = import subscriptions
import-do-assignments = import license assignments
import-do-tenant-export = export the tenant
import-problem-sku = no product of the catalogue has the SKU "{ $value }"
import-problem-status = "{ $value }" is not a subscription status; Graph writes Enabled, Warning, Suspended, Deleted or LockedOut
import-problem-count = "{ $value }" is not a number of licenses
import-problem-date = "{ $value }" is not a date (such as 2025-03-01 or 2025-03-01T00:00:00Z)
import-problem-unknown-user = no user of the directory is "{ $value }"; import the users first
import-problem-unknown-subscription = no subscription has the id "{ $value }"; import the subscriptions first
import-problem-deleted = the subscription "{ $value }" is Deleted: it holds no licenses
import-problem-other-product = "{ $value }" is not the subscription's product, { $expected }
import-problem-quantity = { $quantity } licenses, but { $assigned } are assigned
import-problem-too-many = the subscription { $id } would hold { $count } licenses, more than its { $quantity }
import-problem-product-unknown = no product of the catalogue has the id "{ $value }"
import-problem-term = "{ $value }" is not a term; use monthly or annual
import-problem-amount = "{ $value }" is not an amount (such as 16.80)
import-unplaced = not placed: { $name } ({ $upn }) holds { $product } in the directory, and no central subscription of it has a free license
import-tenant-exported = Wrote { $users ->
        [one] { $users } user
       *[other] { $users } users
    } to { $users_file } and { $subscriptions ->
        [one] { $subscriptions } subscription
       *[other] { $subscriptions } subscriptions
    } to { $subscriptions_file }.

## The admin center's dates in an assignments file, English or French (issue 12)
import-problem-assigned-date = "{ $value }" is not a date; this file's columns are { $order ->
        [day] French, so its dates are day first, such as 14/03/2026 or 14/03/2026 09:30:00
       *[month] English, so its dates are month first, such as 3/14/2026 or 3/14/2026 9:30:00 AM
    }, or such as 2026-03-14 or 2026-03-14T09:30:00Z
