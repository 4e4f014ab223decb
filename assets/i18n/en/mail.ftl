# The e-mails the core writes to the outbox, in the tenant's language (`selfserve tenant
# set-language`), and the words of that setting. Every id is also in fr/mail.ftl, with the same
# placeholders (a test checks).

## Shared by the e-mails to buyers.
mail-hello = Hello { $name },
mail-questions = Questions: ask { $admin } <{ $admin_upn }>.
mail-not-charged = You will not be charged for this subscription again.
mail-reason-no-longer-needed = no longer needed
mail-reason-bought-by-mistake = bought by mistake
mail-reason-moving-to-central = moving to a subscription your organisation manages
mail-reason-too-expensive = too expensive
mail-reason-other = other

## An administrator cancelled the buyer's subscription.
mail-cancelled-subject = Your { $product } subscription was cancelled
mail-cancelled-body = Your administrator cancelled your { $product } subscription { $id } ({ $licenses ->
        [one] { $licenses } license
       *[other] { $licenses } licenses
    } bought on { $bought }; reason: { $reason }). Its { $users ->
        [one] { $users } user no longer has
       *[other] { $users } users no longer have
    } a license from it.

## An administrator moved the buyer's users to a central subscription and cancelled theirs.
mail-moved-subject = Your { $product } subscription was cancelled: its users now get their licenses from your organisation
mail-moved-body = Your administrator took over your { $product } subscription { $id } ({ $licenses ->
        [one] { $licenses } license
       *[other] { $licenses } licenses
    } bought on { $bought }) and moved its { $users ->
        [one] { $users } user
       *[other] { $users } users
    } to a subscription your organisation manages, so they keep their access. Your subscription is cancelled (reason: { $reason }).

## An administrator asks the buyer to cancel (the article's manual centralisation).
mail-ask-cancel-subject = Please cancel your { $product } subscription: your organisation provides it
mail-ask-cancel-bought = You bought { $licenses ->
        [one] { $licenses } license
       *[other] { $licenses } licenses
    } of { $product } on { $bought } (subscription { $id }).
mail-ask-cancel-bought-paid = You bought { $licenses ->
        [one] { $licenses } license
       *[other] { $licenses } licenses
    } of { $product } on { $bought } (subscription { $id }), for { $amount } per { $term ->
        [annual] year
       *[other] month
    }.
mail-ask-cancel-unassigned = None of its licenses is assigned any more.
mail-ask-cancel-all-twice = Your organisation now licenses all { $users ->
        [one] { $users } user
       *[other] { $users } users
    } of your subscription, so it pays twice for them.
mail-ask-cancel-all-central = Your organisation is licensing the { $users ->
        [one] { $users } user
       *[other] { $users } users
    } of your subscription from a subscription it manages.
mail-ask-cancel-some-twice = Your organisation now licenses { $twice } of the { $users ->
        [one] { $users } user
       *[other] { $users } users
    } of your subscription, so it pays twice for them, and is licensing the others.
mail-ask-cancel-please = Please cancel it in the Microsoft 365 admin center ({ $url }) under Billing > Your products, so you are not charged for it again.

## The lifecycle's notices (to the buyer; to the administrators for a central subscription).
mail-renewed-subject = Your { $product } subscription renewed
mail-renewed-body = Your { $product } subscription renewed automatically on { $on }. It now runs until { $expires }.
mail-converted-subject = Your { $product } trial is now a paid subscription
mail-converted-body = Your { $product } trial ended on { $on } and converted to a paid subscription charged to your card. It renews on { $expires }.
mail-expired-subject = Your { $product } subscription has expired
mail-expired-body = Your { $product } subscription expired on { $on }. Its users keep access for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, then it is disabled.
mail-disabled-subject = Your { $product } subscription is disabled
mail-disabled-body = Your { $product } subscription was disabled on { $on }: its users no longer have access. An administrator can reactivate it within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }; after that it is deleted.
mail-deleted-subject = Your { $product } subscription was deleted
mail-deleted-body = Your { $product } subscription was deleted on { $on } and its { $removed ->
        [one] { $removed } license was
       *[other] { $removed } licenses were
    } removed.

## To the administrators: the first self-service trial of a product.
mail-first-trial-subject = First self-service trial of { $product } in your organization
mail-first-trial-body = { $buyer } ({ $buyer_upn }) started the first self-service trial of { $product } in your organization on { $on }. You can see it, take it over or cancel it with `selfserve subscription show { $id }`; `selfserve policy set { $product_id } ...` controls whether users may buy or try it.

## The tenant's language: the e-mails' language (`selfserve tenant set-language`, `tenant show`).
mail-language-en = English
mail-language-fr = French
mail-language-label = E-mail language
mail-language-set = The tenant's e-mails are now written in { $language }.
mail-language-unchanged = The tenant's e-mails are already written in { $language }; nothing changed.
mail-language-damaged = the tenant's language setting is damaged; set it again with `selfserve tenant set-language en` (or fr)
