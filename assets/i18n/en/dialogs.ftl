# The dashboard's dialogs (src/tui/dialogs, src/tui/widgets/dialog.rs), in English. Every id is
# in fr/dialogs.ftl too, with the same placeholders (a test checks). Keys (y, Esc n, Enter…)
# and role names stay as they are; { $count } is grouped by language and chooses plurals.

## Shared: refusals, titles, progress, results.
dialog-readonly = The dashboard runs --readonly: it changes nothing
# $what is one of the dialog-do-* below; $needs one of dialog-needs-*.
dialog-not-allowed = { $role } may not { $what }: it needs { $needs }
dialog-needs-any-role = any administrator role
dialog-needs-subscriptions = GlobalAdministrator or BillingAdministrator
dialog-needs-policies = GlobalAdministrator
dialog-do-change-subscriptions = change subscriptions
dialog-do-take-over = take subscriptions over
dialog-do-email-buyers = e-mail buyers
dialog-do-assign = assign licenses
dialog-do-unassign = unassign licenses
dialog-do-change-policies = change policies
dialog-choose-subscription = Choose a subscription first (2 Subscriptions, then ↑↓)
dialog-choose-product = Choose a product first (1 Products, then ↑↓)
dialog-choose-email = Choose an e-mail first (6 Outbox, then ↑↓)
dialog-choose-users = Choose users first: Tab to the users pane, then Space marks them (or put the cursor on one)
dialog-title = {" "}{ $dialog } · { $step }{" "}
dialog-step-why = why?
dialog-step-sure = are you sure?
dialog-step-cancelling = cancelling
dialog-step-working = working
dialog-step-result = result
dialog-step-review = review
dialog-step-pick = pick users
dialog-working = { $spinner } { $what }… { $seconds } s. One transaction: it happens whole or not at all.
dialog-result-shown = The audit log (5) and the outbox (6) show it.
dialog-nothing-changed = Nothing was changed.
dialog-nothing-written = Nothing was written
dialog-list-more = {"  "}… and { $count } more (↓ to scroll)
dialog-planning = Planning…
dialog-searching = Searching…
dialog-reading-subscription = Reading the subscription…
dialog-reading-subscriptions = Reading the subscriptions…
dialog-note-working = Still working: the result shows here when it is done.
dialog-note-nothing-here = Nothing to do here: Esc closes.
dialog-note-goes-ahead-back = { $yes } goes ahead; { $back } goes back, nothing changes
dialog-note-goes-ahead-close = { $yes } goes ahead; { $back } closes, nothing changes
dialog-note-nothing-to-do = Nothing to do: { $back } closes

## What the keys of a step do (the key line: short).
dialog-key-close = close
dialog-key-continue = continue
dialog-key-scroll = scroll
dialog-key-other-term = other term
dialog-key-back = back
dialog-key-back-to-targets = back to the targets
dialog-key-buy = buy licenses
dialog-key-review = review
dialog-key-choose-where = choose where its users go
dialog-key-close-nothing-changes = close, nothing changes
dialog-key-no-close = no, close, nothing changes
dialog-key-pick = pick / unpick
dialog-key-yes-move = yes, move them
dialog-key-no-back-to-review = no, back to the review
dialog-key-yes-cancel = yes, cancel it
dialog-key-no-back-to-reasons = no, back to the reasons
dialog-key-yes-centralise = yes, centralise
dialog-key-no-back-to-plan = no, back to the plan
dialog-key-yes-take-over = yes, take it over
dialog-key-yes-email-buyer = yes, e-mail the buyer
dialog-key-yes-unassign = yes, unassign
dialog-key-yes-assign = yes, assign
dialog-key-no-back-to-picking = no, back to the picking
dialog-key-yes-save = yes, save them
dialog-key-no-back-to-panel = no, back to the panel

## Words the dialogs share.
dialog-sub = { $product } subscription { $id }…
dialog-sub-bought-by = { $sub } bought by { $buyer }
dialog-sub-central = { $sub } (central)
dialog-email-to = { $to }: "{ $subject }"
dialog-term-annual = annual
dialog-term-monthly = monthly
dialog-origin-purchase = Purchase
dialog-origin-trial = Trial
dialog-origin-central = Central
dialog-status-active = Active
dialog-status-expired = Expired
dialog-status-disabled = Disabled
dialog-status-deleted = Deleted
dialog-reason-no-longer-needed = No longer needed
dialog-reason-bought-by-mistake = Bought by mistake
dialog-reason-moving-to-central = Moving to a central subscription
dialog-reason-too-expensive = Too expensive
dialog-reason-other = Other
dialog-n-users = { $count ->
    [one] { $count } user
   *[other] { $count } users
}
dialog-n-emails = { $count ->
    [one] { $count } e-mail
   *[other] { $count } e-mails
}
dialog-who-moves = Who moves ({ $count })
dialog-who-loses-access = Who loses access ({ $count })
dialog-who-would-lose-access = Who would lose access ({ $count })
dialog-who-loses-license = Who loses the license ({ $count })
dialog-who-gets-license = Who gets a license ({ $count })
dialog-emailed = E-mailed { $list }
dialog-emails = E-mails { $list }
dialog-takes-over-first = Takes it over first (it was not taken over).
dialog-took-over-first = Took it over first (it was not taken over).
dialog-one-transaction = { $first } One transaction: all of it happens, or none.

## The move-users wizard.
dialog-move-title = {" "}Move users · step { $n } of 6: { $step }{" "}
dialog-move-step-take-over = take over
dialog-move-step-targets = choose where they go
dialog-move-step-review = review
dialog-move-step-confirm = confirm
dialog-move-step-working = moving
dialog-move-step-result = result
dialog-move-from = From { $sub }
dialog-move-planning = Planning the move…
dialog-move-holders = { $count ->
    [one] { $count } user holds its licenses.
   *[other] { $count } users hold its licenses.
}
dialog-move-take-over-explained = Taking over makes a self-service subscription the administrators' to manage: they can then assign and unassign its licenses, move its users to another subscription or cancel it. The buyer is told by e-mail of what is done to it.
dialog-move-taken-over-already = Already taken over by { $by } on { $date }.
dialog-move-not-taken-over = It is not taken over yet: the move takes it over in the same transaction as the move itself, so nothing changes before you confirm at step 4.
dialog-move-where = Where should its { $count ->
    [one] { $count } user
   *[other] { $count } users
} go? Only a subscription of the same product with one free license per user can take them.
dialog-move-no-target = No other live subscription of this product exists.
# The targets' column headings: the first two fit 8 columns.
dialog-targets-sub = Sub
dialog-targets-origin = Origin
dialog-targets-rest = Buyer, free licenses, can it take them all?
# A target's row: at most 18 columns each.
dialog-target-free = { $free } free of { $quantity }
dialog-target-adds = adds { $count } missing
dialog-target-yes = yes, takes all { $count }
dialog-target-not-active = no, { $status }
dialog-target-not-taken-over = no, not taken over
dialog-target-no-room = no, { $count } missing
dialog-target-other-product = no, other product
dialog-move-adds-missing = { $key } adds the { $count ->
    [one] { $count } license
   *[other] { $count } licenses
} it lacks to it, with the move.
dialog-move-buy-offer = None with room? { $key } buys a central subscription of { $count ->
    [one] { $count } license
   *[other] { $count } licenses
} for them.
dialog-move-note-no-target = No target to choose: { $key } buys one
dialog-move-note-not-selectable = Not selectable: choose one that says yes, or { $key } buys licenses
dialog-move-note-confirm = { $yes } moves them; { $back } goes back, nothing changes
dialog-move-confirm = Move { $count ->
    [one] { $count } user
   *[other] { $count } users
} to { $to } and cancel { $from }?
dialog-move-confirm-after = It then shows Deleted (reason: { $reason }); that cannot be undone. { $emailed ->
    [0] Nobody is e-mailed.
   *[other] Its buyer { $buyer } is e-mailed.
}
dialog-move-moving = Moving { $count ->
    [one] { $count } user
   *[other] { $count } users
}
dialog-move-moves = Moves { $count ->
    [one] { $count } user
   *[other] { $count } users
} from { $from } to { $to }.
dialog-move-moved = Moved { $count ->
    [one] { $count } user
   *[other] { $count } users
} from { $from } to { $to }.
dialog-move-cancels = Cancels { $from }: it shows Deleted, reason: { $reason }. Then { $to } has { $assigned } of { $quantity } licenses assigned, { $free } free.
dialog-move-cancelled = Cancelled { $from }: it shows Deleted, reason: { $reason }. Now { $to } has { $assigned } of { $quantity } licenses assigned, { $free } free.
dialog-move-nobody-emailed = Nobody is e-mailed (the buyer is not in the directory).
dialog-move-emails-buyer = E-mails its buyer { $buyer }: the subscription is cancelled, the users keep access.
dialog-move-done = Moved { $count ->
    [one] { $count } user
   *[other] { $count } users
} to { $to }…; { $from }… is cancelled (Deleted){ $emailed ->
    [0] {""}
   *[other] , buyer e-mailed
}
dialog-move-done-bought = Bought { $count ->
    [one] { $count } license
   *[other] { $count } licenses
}; { $moved }
dialog-move-done-added = Added { $count ->
    [one] { $count } license
   *[other] { $count } licenses
}; { $moved }
dialog-new-central-sub = the new central { $product } subscription
dialog-adds-first = Adds { $count ->
    [one] { $count } license
   *[other] { $count } licenses
} to { $sub } first ({ $cost } more per term, by invoice).
dialog-added-first = Added { $count ->
    [one] { $count } license
   *[other] { $count } licenses
} to { $sub } first ({ $cost } more per term, by invoice).
dialog-buy-plan = Buy { $count ->
    [one] { $count } license
   *[other] { $count } licenses
} of { $product } centrally: { $unit } per license per { $term } term, { $cost } per term, paid by invoice, renewing automatically on { $date }.
dialog-buy-bought = Bought { $count ->
    [one] { $count } license
   *[other] { $count } licenses
} of { $product } centrally (subscription { $id }): { $unit } per license per { $term } term, { $cost } per term, paid by invoice, renewing automatically on { $date }.

## Cancel (« Annuler l'abonnement »).
dialog-cancel = Cancel subscription
dialog-cancel-done = Cancelled { $id }… ({ $reason }): { $count ->
    [one] { $count } user
   *[other] { $count } users
} lost access{ $emailed ->
    [0] {""}
   *[other] , buyer e-mailed
}
dialog-cancel-deleted-already = { $sub } is Deleted already: there is nothing to cancel
dialog-cancel-heading = { $sub }, { $assigned } of { $quantity } licenses assigned
dialog-cancel-cancels = Cancels { $sub } (reason: { $reason }): it shows Deleted and { $count ->
    [one] { $count } user loses
   *[other] { $count } users lose
} access.
dialog-cancel-cancelled = Cancelled { $sub } (reason: { $reason }): it shows Deleted and { $count ->
    [one] { $count } user
   *[other] { $count } users
} lost access.
dialog-cancel-nobody-emailed = Nobody is e-mailed: it has no buyer in the directory.
dialog-cancel-planning = Planning the cancellation…
dialog-cancel-note-confirm = { $yes } cancels it; { $back } goes back, nothing changes
dialog-cancel-why = Why cancel it? The reason is recorded in the audit log and told to its buyer.
dialog-cancel-sure = Are you sure you want to cancel?
dialog-cancel-working = Cancelling

## Centralise.
dialog-centralise-title = {" "}Centralise { $product } · { $step }{" "}
dialog-centralise-reuses = Reuses { $count } free { $count ->
    [one] license
   *[other] licenses
} of { $sub } (worth { $value } per term, already paid for).
dialog-centralise-reused = Reused { $count } free { $count ->
    [one] license
   *[other] licenses
} of { $sub } (worth { $value } per term, already paid for).
dialog-centralise-adds = Adds { $count } { $count ->
    [one] license
   *[other] licenses
} to { $sub }, { $quantity } then ({ $cost } more per term, by invoice).
dialog-centralise-added = Added { $count } { $count ->
    [one] license
   *[other] licenses
} to { $sub }, { $quantity } then ({ $cost } more per term, by invoice).
# A row of the list: $users is dialog-n-users, right-aligned.
dialog-centralise-move = { $users } from { $id }…
dialog-centralise-move-bought = { $users } from { $id }… bought by { $buyer }
dialog-centralise-done = Centralised { $product }: { $count ->
    [one] { $count } user
   *[other] { $count } users
} moved to central licenses, { $subs ->
    [one] { $subs } subscription
   *[other] { $subs } subscriptions
} cancelled
# $users is dialog-n-users, $emails dialog-n-emails.
dialog-centralise-moves = Moves the { $users } of { $count } self-service { $count ->
    [one] subscription
   *[other] subscriptions
} onto them; each then shows Deleted (reason: moving to a central subscription) and its buyer is e-mailed ({ $emails }).
dialog-centralise-moved = Moved the { $users } of { $count } self-service { $count ->
    [one] subscription
   *[other] subscriptions
} onto them; each shows Deleted (reason: moving to a central subscription) and its buyer was e-mailed ({ $emails }).
dialog-centralise-twice = { $count ->
    [one] { $count } user already holds
   *[other] { $count } users already hold
} a central license (paid twice): they lose only the self-service one.
dialog-centralise-twice-done = { $count ->
    [one] { $count } user already holds
   *[other] { $count } users already hold
} a central license (paid twice): they lost only the self-service one.
dialog-centralise-moves-heading = Self-service subscriptions moved ({ $count })
dialog-centralise-confirm = Move the { $users } of { $product }'s { $count } self-service { $count ->
    [one] subscription
   *[other] subscriptions
} onto central licenses, cancelling those?
dialog-centralise-one-transaction = One transaction: all of it happens, or none. { $count ->
    [one] { $count } buyer is
   *[other] { $count } buyers are
} e-mailed.
dialog-centralise-working = Centralising { $product }

## Take over (« Prendre le contrôle de cet abonnement »).
dialog-take-over = Take over subscription
dialog-take-over-working = Taking it over
dialog-take-over-was-already = { $id }… was taken over already, by { $by } on { $date }
dialog-take-over-done = Took over { $id }…: its licenses can now be assigned
dialog-take-over-already = Already taken over by { $by } on { $date }: nothing to do.
dialog-take-over-plan = Takes it over as { $by }: administrators may then assign and unassign its licenses, move its users or cancel it. Its buyer keeps paying for it and is not e-mailed; its users keep their licenses.

## Ask the buyer to cancel.
dialog-ask-cancel = Ask the buyer to cancel
dialog-ask-cancel-working = Sending
dialog-ask-cancel-done = Asked the buyer of { $id }… to cancel it
dialog-ask-cancel-who = { $twice ->
    [one] { $twice } user holds
   *[other] { $twice } users hold
} a central license already (paid twice); { $lose ->
    [one] { $lose } user loses
   *[other] { $lose } users lose
} access if the buyer cancels.
dialog-ask-cancel-unchanged = The subscription does not change: its buyer cancels it.

## Unassign licenses.
dialog-unassign = Unassign licenses
dialog-unassign-working = Unassigning
dialog-unassign-done = Unassigned { $count ->
    [one] { $count } license
   *[other] { $count } licenses
}: { $free } free now
dialog-unassign-takes-back = Takes back { $count ->
    [one] { $count } license
   *[other] { $count } licenses
}: it then has { $assigned } assigned, { $free } free.
dialog-unassign-took-back = Took back { $count ->
    [one] { $count } license
   *[other] { $count } licenses
}: it has { $assigned } assigned, { $free } free.

## Assign licenses.
dialog-assign = Assign licenses
dialog-assign-working = Assigning
dialog-assign-done = Assigned { $count ->
    [one] { $count } license
   *[other] { $count } licenses
}: { $free } free now
dialog-assign-heading = { $product }: { $assigned } of { $quantity } licenses assigned
dialog-assign-search = Search: { $query }▏
dialog-assign-nobody-matches = Nobody in the directory matches.
dialog-assign-found = Directory users ({ $count })
dialog-assign-picked = { $count ->
    [0] Nobody picked yet.
    [one] Picked { $count } user.
   *[other] Picked { $count } users.
}
dialog-assign-assigns = Assigns { $count ->
    [one] { $count } license
   *[other] { $count } licenses
}: it then has { $assigned } assigned, { $free } free.
dialog-assign-assigned = Assigned { $count ->
    [one] { $count } license
   *[other] { $count } licenses
}: it has { $assigned } assigned, { $free } free.
dialog-assign-paid-twice = Paid twice until their other subscription is cancelled: { $list }
dialog-assign-note-pick-first = Pick users first: { $key } picks the one under the cursor
dialog-assign-note-confirm = { $yes } assigns them; { $back } goes back, nothing changes

## An e-mail of the outbox, and the messages so far.
dialog-email-title = {" "}E-mail #{ $id } · { $kind }{" "}
dialog-email-to-header = To: { $to }
dialog-email-written = Written: { $time } UTC · { $state }
dialog-email-subject = Subject: { $subject }
dialog-email-pending = pending
dialog-email-sent = sent
dialog-messages-title = {" "}Messages, newest first{" "}
dialog-messages-none = No messages yet.

## The yes/no question.
dialog-question-title = {" "}Are you sure?{" "}
dialog-question-yes = yes
dialog-question-no = no
dialog-question-only-yes = Only { $yes } goes ahead; { $back } changes nothing

## The policy panel (AllowSelfServicePurchase).
dialog-policy-readonly = Read-only session (--readonly): policies can be looked at, not changed
dialog-policy-saved-one = Saved: { $product } is now "{ $now }" (was "{ $before }"); existing purchases and trials are untouched
dialog-policy-unchanged = Nothing changed: already "{ $now }"
dialog-policy-saved-all = Saved: { $changed } of { $count } products are now "{ $now }" ({ $already } already were); existing purchases and trials are untouched
dialog-policy-no-product = No product selected
dialog-policy-not-loaded = No products loaded yet: wait for the list
dialog-policy-saving = Saving…
dialog-policy-all-question = Set the self-service policy of all { $count } products to "{ $now }"? { $change } change, { $already } already are.
dialog-policy-only-yes = Only { $yes } saves; { $back } goes back to the panel
dialog-policy-closed = Closed the policy panel; nothing was changed
dialog-policy-every-product = {" "}Every product{" "}
dialog-policy-what-changes = What changes ({ $count })
dialog-policy-change-row = { $product }: { $before } → { $now }
dialog-policy-means-allow = Purchases and trials
dialog-policy-means-trials = Only trials without a payment method
dialog-policy-means-none = No purchases, no trials
dialog-policy-head = Product ID { $id } · AllowSelfServicePurchase is now "{ $now }"
dialog-policy-head-all = All { $count } products now: { $values }
dialog-policy-value-count = { $count } { $value }
dialog-policy-current = { $value } (current)
dialog-policy-blocked = Users can neither buy this nor start a trial of it. Existing purchases and trials are not touched.
dialog-policy-read-only = Read-only: { $why }. Esc closes.
dialog-policy-save-changes = Save changes
dialog-policy-key-save = save
dialog-policy-key-choose = choose
dialog-policy-key-close = close without saving
