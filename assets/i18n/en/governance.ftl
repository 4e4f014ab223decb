# Policy as code and governance (issue 14): desired-state files, plans, drift, export.

gov-change-applied = applied a policy file
gov-file-not-utf8 = { $file } is not UTF-8 text (from byte { $offset }); save it as UTF-8 and try again; nothing was changed
gov-file-error = { $file }, line { $line }, { $key }: { $why }; nothing was changed
gov-file-error-at = { $file }, line { $line }: { $why }; nothing was changed
gov-why-unknown-key = no such key; see "Policy as code" in the README for every key
gov-why-toml = { $detail }
gov-why-value = "{ $value }" is not a policy value; use Enabled, OnlyTrialsWithoutPaymentMethod or Disabled
gov-why-unknown-product = no product { $id } in this tenant; `selfserve policy list` shows every product id
gov-why-twice = { $id } is named twice; keep one
gov-why-excluded-and-listed = the product is in policy.exclude and in [products]; keep it in one place
gov-why-offer-type = no such offer type; the offer types are { $types }
gov-why-offer-value = an offer type's policy is Enabled or Disabled
gov-subject-default = the default for new products
gov-subject-product = { $name } ({ $id })
gov-subject-offer-type = offer type { $name }
gov-plan-change = change { $subject }: { $actual } → { $expected } (as { $key } says)
gov-plan-same = keep { $subject }: { $actual } (as { $key } says)
gov-plan-left = leave { $subject }: { $actual } (the file does not name it)
gov-plan-summary = { $changes ->
    [0] Nothing to change: the tenant matches { $file } ({ $same } settings).
   *[other] { $changes } to change, { $same } kept or left; `selfserve policy apply { $file }` applies them in one step.
  }
gov-drift-line = { $subject }: expected { $expected }, actual { $actual } ({ $key })
gov-drift-matches = The tenant matches { $file }.
gov-drift-differs = { $count ->
    [one] 1 setting differs from { $file }.
   *[other] { $count } settings differ from { $file }.
  }
gov-apply-needs-yes = policy apply changes the tenant without asking only with --yes (no terminal to ask at); see the changes with `selfserve policy plan { $file }` first
gov-apply-ask = { $count ->
    [one] Apply this change? Type y to apply, anything else to stop:{" "}
   *[other] Apply these { $count } changes? Type y to apply, anything else to stop:{" "}
  }
gov-apply-declined = Nothing was changed.
gov-applied = { $count ->
    [one] 1 setting changed from { $file }, in one step with one audit event.
   *[other] { $count } settings changed from { $file }, in one step with one audit event.
  }
gov-apply-nothing = The tenant already matches { $file }; nothing was changed.
gov-change-default = set the default for new products
gov-change-accepted = accepted new products
gov-change-catalogue = updated the catalogue
gov-do-update-catalogue = update the product catalogue
gov-review-not-queued = { $id } is not waiting for review; `selfserve policy review` lists the products that are
gov-catalogue-bad = { $file }, line { $line }: { $why }; nothing was changed
gov-why-product-name = product { $id } needs a name without control characters
gov-why-price = product { $id } has a negative price
gov-arrival-import = a policies import
gov-arrival-catalogue = a catalogue update
gov-mail-new-product-subject = New self-service product to review: { $product }
gov-mail-new-product-body = { $product } ({ $id }) appeared in the tenant through { $via } ({ $file }) on { $on }. Its self-service policy is now: { $value }.
gov-mail-new-product-review = Review it on the dashboard's Policies screen, or with `selfserve policy review --accept { $id }` once its value is the one you want (`selfserve policy set { $id } VALUE` changes it).
gov-default-is = New products get { $value } ({ $words }) when they appear.
gov-default-set = New products now get { $value } when they appear (it was { $previous }); products the tenant has keep their values.
gov-default-unchanged = New products already get { $value }; nothing was changed.
gov-review-usage = give --accept PRODUCT or --all, not both
gov-review-empty = No product is waiting for review.
gov-review-waiting = { $count ->
    [one] 1 product is waiting for review: `selfserve policy review --accept PRODUCT` or `--all` accepts it as it is.
   *[other] { $count } products are waiting for review: `selfserve policy review --accept PRODUCT` or `--all` accepts them as they are.
  }
gov-review-accepted = { $count ->
    [0] No product was waiting for review; nothing was changed.
    [one] 1 product accepted: it keeps its value and leaves the queue.
   *[other] { $count } products accepted: they keep their values and leave the queue.
  }
gov-col-arrived = Arrived
gov-col-through = Through
gov-through = { $via } ({ $file })
gov-catalogue-added = added { $name } ({ $id }): it takes the default for new products and waits for review
gov-catalogue-changed = changed { $name } ({ $id }): name, trial or prices; its policy is kept
gov-catalogue-summary = { $file }: { $added } added, { $changed } changed, { $unchanged } unchanged.
gov-catalogue-summary-dry-run = { $file }: { $added } would be added, { $changed } changed, { $unchanged } unchanged (dry run: nothing was changed).
gov-key-accept-review = Accept the product waiting for review, as it is
gov-tui-do-accept = accept products waiting for review
gov-tui-choose-product = choose a product first
gov-tui-accept-title = Accept new product
gov-tui-accept-yes = yes, accept it
gov-tui-accept-working = Accepting it
gov-tui-accept-what = It appeared on { $arrived } and is now set to { $words }. Accepting keeps that value and takes it off the review queue.
gov-tui-accept-change-first = To give it another value first, close this and press Enter to open its policy.
gov-tui-accepted = Accepted { $name } ({ $id }): it keeps its value.
gov-tui-mark = { $name } [new]
gov-tui-waiting = Waiting for review since it appeared; v accepts it as it is.
gov-tui-waiting-count = { $count ->
    [one] · 1 to review
   *[other] · { $count } to review
  }
gov-no-cardless-trial = { $product } ({ $id }) has no trial without a payment method, so OnlyTrialsWithoutPaymentMethod cannot apply to it (Update-MSCommerceProductPolicy refuses it too); choose Enabled or Disabled for it
gov-remap-loop = the product id { $id } was renamed in a loop in this database; run `selfserve check` and restore a backup
gov-catalogue-bad-remap = { $file }, remap { $from } -> { $to }: { $why }; nothing was changed
gov-remap-same = an id cannot become itself
gov-remap-unknown = no product { $id } in this tenant or the file
gov-remap-chain = { $id } is itself an old id that became another; remap to the newest id
gov-remap-already = the old id already became { $id }
gov-change-offer-type = changed an offer type's policy
gov-offer-trials-only = the offer type { $offer } has no trials-only value: its policy is Enabled or Disabled (the module refuses OnlyTrialsWithoutPaymentMethod for it too)
gov-offer-set-usage = give one value: selfserve policy set --offer-type TYPE Enabled|Disabled
gov-unknown-offer-type = "{ $given }" is not an offer type; the offer types are { $types }
gov-offer-set = Offer type { $offer } is now { $value } (it was { $previous }).
gov-offer-unchanged = Offer type { $offer } is already { $value }; nothing was changed.
gov-col-why = Why
gov-orphan-disabled = buyer disabled
gov-orphan-gone = buyer gone
gov-orphans-none = No orphaned purchase: every self-service buyer is still in the directory and enabled.
gov-orphans-count = { $count ->
    [one] 1 orphaned purchase: take it over, move its users or cancel it (`selfserve subscription take-over SUB`, then `move-users` or `cancel`; on the dashboard, o on the Subscriptions screen).
   *[other] { $count } orphaned purchases: take them over, move their users or cancel them (`selfserve subscription take-over SUB`, then `move-users` or `cancel`; on the dashboard, o on the Subscriptions screen).
  }
gov-key-orphans = Orphaned purchases only (buyer disabled or gone), every product
gov-msg-orphans-on = Orphaned purchases of every product: their buyer is disabled or gone. t takes one over, m moves its users, c cancels it; o goes back.
gov-msg-orphans-off = Back to the product's subscriptions.
gov-tui-orphans-title = Orphaned purchases (buyer disabled or gone)
gov-impact-none = No self-service subscription of these products goes on as it is: nothing to take over.
gov-impact-product = Untouched: { $name } ({ $id }) keeps { $subscriptions } self-service { $subscriptions ->
    [one] subscription
   *[other] subscriptions
  } with { $users } { $users ->
    [one] user
   *[other] users
  }, { $spend } a month: a policy applies from then on.
gov-impact-take-over = To end them, take them over: `selfserve subscription list --self-service --product { $product }`, then `selfserve subscription take-over { $example }` (or t on the dashboard's Subscriptions screen).
gov-impact-dry-run = Dry run: nothing was changed.
gov-impact-would-change = { $changed } of { $count } { $count ->
    [one] policy
   *[other] policies
  } would change; existing purchases and trials would not be affected
gov-panel-untouched = Untouched: { $subscriptions } self-service { $subscriptions ->
    [one] subscription
   *[other] subscriptions
  } of this product with { $users } { $users ->
    [one] user
   *[other] users
  }, { $spend } a month, go on as they are: a policy applies from then on. o opens them on the Subscriptions screen, where t takes one over.
gov-panel-untouched-short = Untouched: { $subscriptions } { $subscriptions ->
    [one] subscription
   *[other] subscriptions
  }, { $users } { $users ->
    [one] user
   *[other] users
  }, { $spend }/month · o opens them
gov-panel-nothing-to-open = Nothing to open: this choice leaves no self-service subscription untouched.
gov-key-open-untouched = Open the self-service subscriptions left untouched, for take-over
gov-question-untouched = Untouched: { $subscriptions } self-service { $subscriptions ->
    [one] subscription
   *[other] subscriptions
  } of { $products } { $products ->
    [one] product
   *[other] products
  }, { $users } { $users ->
    [one] user
   *[other] users
  }, { $spend } a month: they go on as they are. o opens the product with the most.
gov-msg-untouched-opened = { $name }: { $subscriptions } self-service { $subscriptions ->
    [one] subscription
   *[other] subscriptions
  } left as they are · t takes one over
gov-breach-review-record = the review item of { $id } cannot be read
gov-breach-review-key = the review item stored under { $id } names another product
gov-breach-review-product = the review queue names the unknown product { $id }
gov-breach-remap-target = the product id { $old } was renamed to { $new }, which is not a product
gov-breach-remap-loop = the renames from the product id { $id } go round in a loop
gov-breach-default = the default for new products is not a policy value
gov-breach-offer-type = the policy of offer type { $offer } is not Enabled or Disabled, or the offer type is unknown
