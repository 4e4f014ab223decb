# Spend, renewals, waste and savings (issue 15): the report, the screen and the purchase notice.

spend-do-read = read spend
spend-do-set-notice = turn the purchase notice on or off
spend-notice-damaged = the tenant's purchase notice setting is damaged; set it again with `selfserve tenant set-purchase-notice on` (or off)

## The notice to administrators of each self-service purchase and trial (an e-mail).
spend-term-month = month
spend-term-year = year
spend-notice-purchase-subject = Self-service purchase of { $product } by { $buyer }
spend-notice-trial-subject = Self-service trial of { $product } by { $buyer }
spend-notice-purchase-body = { $buyer } ({ $buyer_upn }) bought { $quantity ->
        [one] one license
       *[other] { $quantity } licenses
    } of { $product } on { $on } at { $price } per license per { $term }: { $total } per { $term }. It renews automatically on { $renews }.
spend-notice-trial-card-body = { $buyer } ({ $buyer_upn }) started a trial of { $product } ({ $quantity } licenses) on { $on } with a payment method. It converts to a paid subscription on { $renews } at { $price } per license per { $term }: { $total } per { $term }.
spend-notice-trial-free-body = { $buyer } ({ $buyer_upn }) started a trial of { $product } ({ $quantity } licenses) on { $on } without a payment method. It charges nothing and ends on { $renews }.
spend-notice-see = See it with `selfserve subscription show { $id }`. To stop these notices: `selfserve tenant set-purchase-notice off`.

## The tenant setting (`tenant set-purchase-notice`, `tenant show`).
spend-notice-label = Purchase notice to administrators
spend-notice-set-on = Administrators now get a notice of each self-service purchase and trial.
spend-notice-set-off = Administrators no longer get a notice of self-service purchases and trials.
spend-notice-already-on = Administrators already get a notice of each self-service purchase and trial; nothing changed.
spend-notice-already-off = The notice of self-service purchases and trials is already off; nothing changed.

## `selfserve report …`
spend-json-or-csv = --json and --csv cannot be used together; choose one
spend-title = Run-rate on { $today }
spend-self-service = Self-service
spend-central = Central
spend-total = Total
spend-other-buyers = …and { $buyers } other buyers: { $monthly } per month
spend-renewals-title = Charges and ends in the next { $days } days from { $today }: { $total } in all
spend-waste-title = Licenses bought and not assigned on { $today }: { $monthly } per month
spend-savings-title = Centralising into free central licenses on { $today } would save { $monthly } per month, { $yearly } per year
spend-savings-how = `selfserve product centralise PRODUCT --dry-run` shows the whole plan.
spend-kind-renewal = renewal
spend-kind-conversion = trial converts
spend-kind-trial-end = trial ends
spend-kind-expiry = ends
spend-col-run-rate = Run-rate
spend-col-per-month = Per month
spend-col-per-year = Per year
spend-col-product = Product
spend-col-self-service-month = Self-service/month
spend-col-central-month = Central/month
spend-col-buyer = Buyer
spend-col-buyers = Buyers
spend-col-upn = UPN
spend-col-department = Department
spend-col-subscriptions = Subscriptions
spend-col-month = Month
spend-col-charged = Charged
spend-col-forecast = Forecast
spend-col-date = Date
spend-col-days = Days
spend-col-kind = What
spend-col-quantity = Quantity
spend-col-amount = Amount
spend-col-subscription = Subscription
spend-col-assigned = Assigned
spend-col-unused = Unused
spend-col-users = Users

## The Spend screen (7).
spend-tab = Spend
spend-title-screen = Spend
spend-key-goto = Spend, renewals, savings
spend-key-tab = Next list: upcoming, unused, savings
spend-key-open = Open the row's subscription
spend-key-centralise = Centralise the saving's product
spend-msg-not-listed = That subscription is no longer listed: it changed since the report was read.
spend-msg-filter-off = Self-service filter off, to show that central subscription (f turns it back on).
spend-tab-upcoming = Upcoming 90 days
spend-tab-waste = Unused licenses
spend-tab-savings = Savings
spend-field-self-service = Self-service:
spend-field-central = Central:
spend-field-total = Total:
spend-field-due = Due in 30/60/90 days:
spend-field-due-30 = Due in 30 days:
spend-field-unused = Unused licenses:
spend-field-saving = Centralising saves:
spend-a-month = { $amount }/month
spend-a-month-a-year = { $monthly }/month, { $yearly }/year
spend-due-windows = { $d30 } · { $d60 } · { $d90 }
spend-chart-title = Self-service spend by month: the last 12 and the next 3
spend-chart-legend = { $charged } charged · { $forecast } forecast · tallest { $top }
spend-month-jan = Jan
spend-month-feb = Feb
spend-month-mar = Mar
spend-month-apr = Apr
spend-month-may = May
spend-month-jun = Jun
spend-month-jul = Jul
spend-month-aug = Aug
spend-month-sep = Sep
spend-month-oct = Oct
spend-month-nov = Nov
spend-month-dec = Dec
spend-col-in-days = In
spend-col-bought = Bought
spend-central-buyer = Central
spend-upcoming-empty = Nothing renews, converts or ends in the next 90 days.
spend-waste-empty = Every license that is paid for is assigned.
spend-savings-empty = No self-service subscription's users fit in free central licenses now.
