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
