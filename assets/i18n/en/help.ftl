# `--help` of every command and clap's usage errors, in English. Every id here is in
# fr/help.ftl too, with the same placeholders (a test checks), and every command and argument
# of the clap definitions has its text here (src/cli/help.rs walks them; its test fails on one
# missing). help-selfserve-<command path> is a command's about ("help-selfserve-subscription-
# move-users"), that id followed by --<long name or id> an argument's help, by -long the longer
# about `--help` shows where there is one; help-selfserve and help-selfserve--<option> are the
# program's and its global options'. Flags, command names and the values scripts type
# (monthly, Enabled, GlobalReader…) stay as they are.

## The program and its global options.
help-selfserve = See and take over your users' self-service purchases and trials
help-selfserve-long =
    See and take over your users' self-service purchases and trials.

    With no command, opens the dashboard; where no database exists yet, creates a demo tenant first.
help-selfserve--db = Database directory [default: under your data directory]
help-selfserve--socket = The socket of a `selfserve serve` to talk to [default: the database path with .sock appended]
help-selfserve--remote = Talk to the server on another host over ssh: runs `ssh [-p PORT] [USER@]HOST selfserve connect` (SELFSERVE_SSH replaces `ssh`); you act as your SSH login there, SELFSERVE_USER is not sent
help-selfserve--now = Clock for expirations and lifecycle: RFC 3339 or YYYY-MM-DD
help-selfserve--json = Machine output: one JSON document on stdout
help-selfserve--readonly = Change nothing: commands that would write refuse (exit 3); the dashboard hides its actions
help-selfserve--ascii = Dashboard: ASCII borders, for terminals or locales without UTF-8
help-selfserve--lang = Language of help, messages and the dashboard, never of --json [default: from LC_ALL, LC_MESSAGES or LANG, else en]

## The commands.
help-selfserve-tui = Open the dashboard (the default)
help-selfserve-demo = Create a demo tenant in --db
help-selfserve-demo--users = How many directory users; subscriptions and licenses scale with them
help-selfserve-demo--seed = Same seed and clock, same tenant
help-selfserve-demo--cloud = The tenant's cloud: global or china-21vianet (Microsoft 365 operated by 21Vianet)
help-selfserve-demo--force = Replace the database at --db

help-selfserve-product = Products and their subscriptions, one row per product
help-selfserve-product-list = One row per product: subscriptions, total quantity, assigned
help-selfserve-product-list--self-service = Only products with self-service subscriptions, counting those alone
help-selfserve-product-centralise = Give the product's self-service users central licenses (free ones first, then added or bought) and cancel their subscriptions
help-selfserve-product-centralise--product = Product id such as CFQ7TTC0H9MP
help-selfserve-product-centralise--term = Term of a central subscription bought where the product has none: monthly or annual
help-selfserve-product-centralise--dry-run = Say what would change, change nothing

help-selfserve-subscription = Self-service and central subscriptions
help-selfserve-subscription-list = Subscriptions, filtered
help-selfserve-subscription-list--self-service = Only self-service purchases and trials
help-selfserve-subscription-list--product = Only this product (an id such as CFQ7TTC0H9MP)
help-selfserve-subscription-list--status = Only this status: Active, Expired, Disabled or Deleted
help-selfserve-subscription-list--buyer = Only subscriptions bought by this user
help-selfserve-subscription-show = Details and the users with licenses
help-selfserve-subscription-show--sub = Subscription id or a unique prefix of at least 4 characters
help-selfserve-subscription-take-over = Take over a self-service subscription, so its licenses can be managed
help-selfserve-subscription-take-over--sub = Subscription id or a unique prefix of at least 4 characters
help-selfserve-subscription-take-over--dry-run = Say what would change, change nothing
help-selfserve-subscription-move-users = Move every user to another subscription of the product, then cancel this one
help-selfserve-subscription-move-users--sub = Subscription id or a unique prefix of at least 4 characters
help-selfserve-subscription-move-users--to = The subscription that receives the users (one free license each)
help-selfserve-subscription-move-users--dry-run = Say what would change, change nothing
help-selfserve-subscription-cancel = Cancel a subscription: its users lose their licenses, its buyer is e-mailed
help-selfserve-subscription-cancel--sub = Subscription id or a unique prefix of at least 4 characters
help-selfserve-subscription-cancel--reason = no-longer-needed, bought-by-mistake, moving-to-central, too-expensive or other
help-selfserve-subscription-cancel--dry-run = Say what would change, change nothing
help-selfserve-subscription-buy = Buy a central subscription, paid by invoice ("Purchase services")
help-selfserve-subscription-buy--product = Product id such as CFQ7TTC0H9MP
help-selfserve-subscription-buy--quantity = Licenses to buy
help-selfserve-subscription-buy--term = monthly or annual
help-selfserve-subscription-buy--dry-run = Say what would change, change nothing
help-selfserve-subscription-add-licenses = Add licenses to a central subscription, at its price and term
help-selfserve-subscription-add-licenses--sub = Subscription id or a unique prefix of at least 4 characters
help-selfserve-subscription-add-licenses--quantity = Licenses to add
help-selfserve-subscription-add-licenses--dry-run = Say what would change, change nothing
help-selfserve-subscription-ask-cancel = E-mail the buyer of a self-service subscription, asking them to cancel it
help-selfserve-subscription-ask-cancel--sub = Subscription id or a unique prefix of at least 4 characters
help-selfserve-subscription-ask-cancel--dry-run = Say what would change, change nothing

help-selfserve-license = License assignments
help-selfserve-license-assign = Give users a license of a subscription
help-selfserve-license-assign--sub = Subscription id or a unique prefix of at least 4 characters
help-selfserve-license-assign--users = Users by user principal name
help-selfserve-license-assign--dry-run = Say what would change, change nothing
help-selfserve-license-unassign = Take licenses of a subscription away from users
help-selfserve-license-unassign--sub = Subscription id or a unique prefix of at least 4 characters
help-selfserve-license-unassign--users = Users by user principal name
help-selfserve-license-unassign--dry-run = Say what would change, change nothing

help-selfserve-user = Users with licenses
help-selfserve-user-export = Users with licenses, as CSV grouped by buyer (self-service subscriptions unless named)
help-selfserve-user-export--product = Only subscriptions of this product
help-selfserve-user-export--subscription = Exactly these subscriptions (repeat the option for more)
help-selfserve-user-export--output = Write to this file instead of stdout

help-selfserve-policy = The AllowSelfServicePurchase policy of each product
help-selfserve-policy-list = Every product's AllowSelfServicePurchase value (Get-MSCommerceProductPolicies)
help-selfserve-policy-get = One product's value (Get-MSCommerceProductPolicy)
help-selfserve-policy-get--product = Product id such as CFQ7TTC0H9MP
help-selfserve-policy-set = Set one product's value, or every product's with --all (Update-MSCommerceProductPolicy)
help-selfserve-policy-set--all = Set every product of the catalogue at once
help-selfserve-policy-set--args = PRODUCT VALUE, or VALUE with --all. VALUE: Enabled | OnlyTrialsWithoutPaymentMethod | Disabled (or Allow | AllowTrialsOnly | DoNotAllow), in any case

help-selfserve-audit = The audit log
help-selfserve-audit-list = Audit events, newest first
help-selfserve-audit-list--limit = At most this many events

help-selfserve-outbox = E-mails sent to buyers and administrators
help-selfserve-outbox-list = E-mails, newest first
help-selfserve-outbox-list--limit = At most this many e-mails
help-selfserve-outbox-show = One e-mail whole: its headers and its body
help-selfserve-outbox-show--id = The e-mail's id, as `outbox list` shows it

help-selfserve-admin = Administrators and their roles
help-selfserve-admin-list = Administrators, their logins and roles
help-selfserve-admin-add = Bind a login to a directory user with a role, or change that binding's role
help-selfserve-admin-add--upn = The directory user's user principal name
help-selfserve-admin-add--role = GlobalAdministrator, BillingAdministrator or GlobalReader
help-selfserve-admin-add--login = The operating-system login (or SELFSERVE_USER) that acts as this administrator
help-selfserve-admin-remove = Unbind an administrator (by login or UPN); the last GlobalAdministrator stays
help-selfserve-admin-remove--login = The administrator's login or user principal name

help-selfserve-storefront = Act for a directory user buying or trying a product (GlobalAdministrator or BillingAdministrator)
help-selfserve-storefront-purchase = A user buys licenses with a card; the purchase renews automatically
help-selfserve-storefront-purchase--user = The buying directory user
help-selfserve-storefront-purchase--product = Product id such as CFQ7TTC0H9MP
help-selfserve-storefront-purchase--quantity = Licenses to buy
help-selfserve-storefront-purchase--card = Last four digits of the card paying for it
help-selfserve-storefront-purchase--term = monthly or annual
help-selfserve-storefront-trial = A user starts a trial: with a card it converts to paid at its end, without one it ends
help-selfserve-storefront-trial--user = The directory user starting it
help-selfserve-storefront-trial--product = Product id such as CFQ7TTC0H9MP
help-selfserve-storefront-trial--card = Last four digits of a card; without it the trial needs an existing agreement

help-selfserve-lifecycle = Renewals, conversions and expirations up to the clock
help-selfserve-lifecycle-run = Apply every step due up to the clock (or an earlier --until); a second run changes nothing
help-selfserve-lifecycle-run--until = Stop at this time instead of the clock: RFC 3339 or YYYY-MM-DD, not after the clock
help-selfserve-lifecycle-run--dry-run = Show what would change, change nothing (any administrator may)

help-selfserve-check = Verify every invariant of the database; exit 1 and list breaches
help-selfserve-serve = Own the database and serve it to every administrator on a Unix socket (--socket)
help-selfserve-serve--group = Members of this group may connect (socket mode 0660); without it only you may (0600)
help-selfserve-server = The server on the socket
help-selfserve-server-status = Who is connected: login, role, since, front end (exit 5 when no server answers)
help-selfserve-tenant = The tenant: its cloud and admin center
help-selfserve-tenant-show = The tenant: name, currency, cloud and the admin center's address
help-selfserve-tenant-set-language = The language of the e-mails to buyers and administrators: en or fr (GlobalAdministrator)
help-selfserve-tenant-set-language--language = en or fr
help-selfserve-watch = Print each change committed through the server as it comes (exit 5 without a server)
help-selfserve-connect = Join stdin and stdout to the server's socket (what `--remote` runs over ssh)

## What clap adds to every help: headings, its own flags and subcommand, the notes after an
## argument's help.
help-clap-usage = Usage:
help-clap-commands = Commands:
help-clap-arguments = Arguments:
help-clap-options = Options:
# In usage lines: selfserve [OPTIONS] [COMMAND].
help-clap-command-value = COMMAND
help-clap-help-flag = Print help
help-clap-help-flag-more = Print help (see more with '--help')
help-clap-help-flag-summary = Print help (see a summary with '-h')
help-clap-version-flag = Print version
help-clap-help-command = Print this message or the help of the given subcommand(s)
help-clap-env = [env: { $name }={ $value }]
help-clap-default = [default: { $value }]
help-clap-possible = [possible values: { $values }]

## Usage errors (exit 2): one line, what is wrong, then where to read more.
help-error-see = { $message }; see `{ $command } --help`
# clap's suggestions, after the message: "unexpected argument '--dryrun' found (a similar argument exists: '--dry-run')".
help-error-with-tips = { $message } ({ $tips })
help-error-tips-and = { $first }; { $second }
help-error-missing = `{ $command }` needs { $missing }
# "--user <UPN>, --quantity <N> and --card <LAST4>"
help-error-and = { $first } and { $last }
help-error-missing-command = `{ $command }` needs a command
help-error-unknown-argument = unexpected argument '{ $arg }' found
help-error-unknown-command = unrecognized subcommand '{ $given }'
help-error-value-required = a value is required for '{ $arg }' but none was supplied
help-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
help-error-invalid-value-because = { $message }: { $reason }
help-error-possible-values = possible values: { $values }
help-error-not-a-number = not a whole number
help-error-too-large = too large
help-error-too-small = too small
help-error-out-of-range = not between { $min } and { $max }
help-error-too-many-values = unexpected value '{ $value }' for '{ $arg }'
help-error-number-of-values = '{ $arg }' takes { $expected ->
        [one] { $expected } value
       *[other] { $expected } values
    }, { $given } given
help-error-conflict = '{ $arg }' cannot be used with '{ $prior }'
help-error-repeated = '{ $arg }' cannot be used more than once
help-error-no-equals = '{ $arg }' takes its value after '='
help-error-utf8 = the arguments are not valid UTF-8
help-error-other = invalid arguments: { $detail }
help-error-quoted = '{ $item }'
help-error-similar-command = { $count ->
        [one] a similar subcommand exists: { $similar }
       *[other] some similar subcommands exist: { $similar }
    }
help-error-similar-argument = { $count ->
        [one] a similar argument exists: { $similar }
       *[other] similar arguments exist: { $similar }
    }
help-error-similar-value = { $count ->
        [one] a similar value exists: { $similar }
       *[other] similar values exist: { $similar }
    }
help-error-tip-as-value = to pass '{ $arg }' as a value, use '{ $form }'
help-error-tip-remove-dashes = subcommand '{ $name }' exists; to use it, remove the '--' before it
help-error-tip-exists = '{ $form }' exists

# init and import (issue 12)
help-selfserve-init = Create an empty tenant of your organisation in --db, you its GlobalAdministrator
help-selfserve-init--tenant = The tenant's display name
help-selfserve-init--admin = Your user principal name: bound to your login as GlobalAdministrator (a users import fills in the rest)
help-selfserve-init--cloud = The tenant's cloud: global or china-21vianet (Microsoft 365 operated by 21Vianet)
help-selfserve-init--currency = The currency of its prices: a three-letter ISO 4217 code
help-selfserve-init--agreement = The tenant has an existing agreement (trials without a payment method are possible)
help-selfserve-init--force = Replace the database at --db (only a GlobalAdministrator of its tenant may)
help-selfserve-import = Read files exported by Microsoft 365's tools into the tenant
help-selfserve-import-policies = Self-service policies: Get-MSCommerceProductPolicies saved with ConvertTo-Json or Export-Csv
help-selfserve-import-policies--file = The file (JSON or CSV, UTF-8 or UTF-16 with a BOM)
help-selfserve-import-policies--dry-run = Show what would be added, changed and removed; change nothing
help-selfserve-import-policies--prune = Remove what the file no longer has (no effect on policies)
help-selfserve-import-users = Directory users: the admin center's "Export users" CSV or Get-MgUser as JSON
help-selfserve-import-users--file = The file (JSON or CSV, UTF-8 or UTF-16 with a BOM)
help-selfserve-import-users--dry-run = Show what would be added, changed and removed; change nothing
help-selfserve-import-users--prune = Remove the users the file no longer has (refused for one who holds licenses or is an administrator)
## Config file, completions, man page and log (issue 16: config).
help-selfserve--config = The config file [default: selfserve/config.toml in your config directory, e.g. ~/.config]
help-selfserve--verbose = More in the log file: -v the reads too, -vv everything (RUST_LOG overrides)
help-selfserve-config = The config file: where it is, the settings in force, whether it is valid
help-selfserve-config-path = Print where the config file is (or would be)
help-selfserve-config-show = Print the settings in force, as a config file (flags, then environment, then the file, then defaults)
help-selfserve-config-check = Check the config file: one line naming the file, line and key of the first problem (exit 2)
help-selfserve-completions = Print the shell completions for bash, zsh, fish, powershell or elvish
help-selfserve-completions--shell = The shell: bash, zsh, fish, powershell or elvish
help-selfserve-man = Print the manual page (roff), e.g. selfserve man | man -l -
# Backups and restore (issue 17, points 4, 6 and 7)
help-selfserve-backup = Write a consistent backup of the whole tenant to a file (through the server if one runs, without stopping it)
help-selfserve-backup--file = The backup file to write
help-selfserve-backup--force = Replace FILE if it is an existing regular file
help-selfserve-restore = Create the database at --db from a backup file, checked whole first
help-selfserve-restore--file = The backup file to restore
help-selfserve-restore--force = Replace the database at --db (its GlobalAdministrator only)

# Mail delivery (issue 16, point 1): `outbox send` and the relay's flags.
help-selfserve-outbox-send = Send every pending e-mail through the mail relay now (--smtp-host); exit 1 when some are left pending or failed
help-selfserve--smtp-host = Mail relay host for the outbox's e-mails; without it nothing is sent (`serve` delivers continuously where it is set)
help-selfserve--smtp-port = Mail relay port [default: 587 for starttls, 465 for tls, 25 for none]
help-selfserve--smtp-security = How the relay connection is secured [default: starttls]
help-selfserve--smtp-user = Login at the relay; its password comes from --smtp-password-file or SELFSERVE_SMTP_PASSWORD, never from a flag
help-selfserve--smtp-password-file = File holding the relay password (its first line); never stored or printed
help-selfserve--smtp-from = Sender address of the e-mails [default: selfserve@localhost]
help-selfserve--smtp-timeout = Seconds to wait for the relay before leaving an e-mail pending [default: 30]
# Progress, mouse, log cap and the relay's CA file (issue 16: progress).
help-selfserve--smtp-ca-file = PEM file of CA certificates the relay's certificate may chain to, besides the machine's (a company CA)

# Spend, renewals, waste and savings (issue 15: spend)
help-selfserve-report = What self-service costs, what renews next, what is unused, what centralising would save
help-selfserve-report-spend = Run-rate per month and year: self-service and central, per product, buyer and department; 12 months of history and 3 forecast
help-selfserve-report-spend--csv = CSV for finance: one row per product
help-selfserve-report-renewals = Renewals, trial conversions and ends in the next 30, 60 or 90 days, with their amounts
help-selfserve-report-renewals--days = How far ahead: 30, 60 or 90 days
help-selfserve-report-renewals--csv = CSV for finance: one row per charge or end
help-selfserve-report-waste = Licenses bought and not assigned, per subscription and product, with their monthly cost
help-selfserve-report-waste--csv = CSV for finance: one row per subscription
help-selfserve-report-savings = Self-service subscriptions whose users fit in free central licenses now, and what cancelling them saves
help-selfserve-report-savings--csv = CSV for finance: one row per subscription
help-selfserve-tenant-set-purchase-notice = Whether GlobalAdministrators and BillingAdministrators get an e-mail of each self-service purchase and trial: on or off (GlobalAdministrator)
help-selfserve-tenant-set-purchase-notice--setting = on or off

# Policy as code and governance (issue 14)
help-selfserve-policy-plan = Show what applying a desired-state file would change, and what it leaves and why; change nothing
help-selfserve-policy-plan--file = The desired-state file (TOML; see "Policy as code" in the README)
help-selfserve-policy-apply = Make the tenant match a desired-state file, in one step with one audit event
help-selfserve-policy-apply--file = The desired-state file (TOML; see "Policy as code" in the README)
help-selfserve-policy-apply--yes = Apply without asking (needed where there is no terminal to ask at)
help-selfserve-policy-drift = Compare the tenant with a desired-state file: exit 0 when it matches, 1 with one line per difference
help-selfserve-policy-drift--file = The desired-state file (TOML; see "Policy as code" in the README)
help-selfserve-policy-export = Print today's policies as a desired-state file (planning it shows no change)
help-selfserve-policy-default = Show the value new products get when they appear, or set it (Enabled unless set, as the module does)
help-selfserve-policy-default--value = Enabled | OnlyTrialsWithoutPaymentMethod | Disabled (or the admin center's words), in any case
help-selfserve-policy-review = List the products that appeared and wait for review, or accept them as they are
help-selfserve-policy-review--accept = Accept this product (its id), keeping its value
help-selfserve-policy-review--all = Accept every product waiting for review
help-selfserve-catalogue = The tenant's product catalogue
help-selfserve-catalogue-update = Read products in the catalogue's format (assets/catalogue.json) into the tenant; new ones take the default for new products and wait for review
help-selfserve-catalogue-update--file = The catalogue file (JSON, as assets/catalogue.json)
help-selfserve-catalogue-update--dry-run = Show what would be added and changed; change nothing
help-selfserve-policy-list--offer-types = List the offer types' policies (SaaS, POWERBIVISUALS, DYNAMICSCE, DYNAMICSBC) instead of the products'
help-selfserve-policy-set--offer-type = Set an offer type's policy (SaaS, POWERBIVISUALS, DYNAMICSCE, DYNAMICSBC) to Enabled or Disabled
help-selfserve-report-orphans = Self-service purchases whose buyer is disabled or gone from the directory
help-selfserve-policy-set--dry-run = Show what would change and the self-service subscriptions it leaves as they are (with users and monthly cost); change nothing

# Imports of subscriptions and license assignments, tenant export, policy list --format (issue 12: import2)
help-selfserve-import-subscriptions = Subscriptions: Graph's GET /directory/subscriptions as JSON (Invoke-MgGraphRequest)
help-selfserve-import-subscriptions--file = The file (JSON, UTF-8 or UTF-16 with a BOM)
help-selfserve-import-subscriptions--dry-run = Show what would be added, changed and removed; change nothing
help-selfserve-import-subscriptions--prune = Delete the subscriptions the file no longer has, with their licenses
help-selfserve-import-subscriptions--prices = A file of prices (ProductId, Term, Amount) to use instead of the catalogue's list prices
help-selfserve-import-assignments = License assignments: a product's self-service users export (the file of `user export`); the directory's other licenses are placed on central subscriptions
help-selfserve-import-assignments--file = The file (CSV, UTF-8 or UTF-16 with a BOM)
help-selfserve-import-assignments--dry-run = Show what would be added, changed and removed; change nothing
help-selfserve-import-assignments--prune = Remove the licenses neither the file nor the directory has
help-selfserve-tenant-export = Write the directory's users (Get-MgUser) and the subscriptions (GET /directory/subscriptions) as Graph's JSON, for import
help-selfserve-tenant-export--users = The file to write the users to
help-selfserve-tenant-export--subscriptions = The file to write the subscriptions to
help-selfserve-policy-list--format = table, or ps-json: Get-MSCommerceProductPolicies | ConvertTo-Json, for import policies
