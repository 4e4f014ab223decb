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
