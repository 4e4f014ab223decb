//! `import subscriptions FILE [--prices FILE]`: Microsoft Graph's `GET /directory/subscriptions`
//! (`companySubscription`: id, skuId, skuPartNumber, status, totalLicenses, isTrial,
//! createdDateTime, nextLifecycleDateTime, ownerType, ownerId), as the response
//! (`{"value": [...]}`) or its collection. Graph's id becomes the subscription's id (issue 12
//! point 6). A subscription owned by a user is self-service, bought by them; the others are
//! central. What Graph does not say (term, price, payment, renewal, take-over) comes from the
//! optional `selfserve` object `tenant export` adds, else stays as it is, else is derived: the
//! price from `--prices` or the catalogue's list price.

use super::prices::Prices;
use super::skus::Skus;
use super::source::{self, Input, Record};
use super::{bad_field, refused_field, report, staged, ChangeAction, Changes};
use super::{ImportChange, ImportFile};
use super::{ImportKind, ImportOptions, ImportReport};
use crate::access::Actor;
use crate::error::Result;
use crate::model::*;
use crate::store::staged::{Stage, StagedWrite};
use crate::store::Store;
use crate::text;
use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// What selfserve adds to Graph's fields in `tenant export` (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Extension {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
    /// Price of one license per term, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_minor: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_renew: Option<bool>,
    /// `none`, `card` or `invoice`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_last4: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken_over_by: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken_over_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancellation_reason: Option<CancelReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_since: Option<NaiveDate>,
}

/// One row of the file, checked.
struct Row {
    line: usize,
    id: SubscriptionId,
    product: Product,
    buyer: Option<UserId>,
    trial: bool,
    quantity: u32,
    status: Status,
    start: NaiveDate,
    expires: Option<NaiveDate>,
    ext: Extension,
}

// Staged phases (store/staged.rs): the file's subscriptions, then the ones `--prune` deletes.
const PUTS: u8 = 0;
const PRUNES: u8 = 1;

/// Reads the file as a stream, each row compared with the database as it is read and what
/// changes staged: memory holds the ids seen (for duplicates), not the file.
pub(super) fn import(
    store: &Store,
    actor: &Actor,
    input: Input<'_>,
    prices: Option<&ImportFile>,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let prices = match prices {
        Some(p) => Prices::read(store, p)?,
        None => Prices::default(),
    };
    staged(store, actor, options, now, |stage| {
        plan(store, stage, &input, &prices, options, now)
    })
}

fn plan(
    store: &Store,
    stage: &mut Stage<'_>,
    input: &Input<'_>,
    prices: &Prices,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let skus = Skus::load(store)?;
    let products: HashMap<ProductId, Product> = store
        .products()?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let tenant = store.tenant().clone();
    let today = now.date_naive();
    let mut seen = HashSet::new();
    let mut changes = Changes::default();
    let scanned = source::scan(*input, |record| {
        let row = row(store, input, &record, &skus, &products)?;
        if !seen.insert(row.id) {
            return Err(bad_field(
                input,
                row.line,
                "id",
                text!("import-problem-twice", value = row.id.to_string()),
            ));
        }
        let old = store.subscription(row.id)?;
        let new = merge(&row, old.as_ref(), prices, &tenant, today);
        if let Some(old) = &old {
            if new.quantity < old.assigned {
                return Err(refused_field(
                    input,
                    row.line,
                    "totalLicenses",
                    text!(
                        "import-problem-quantity",
                        quantity = i64::from(new.quantity),
                        assigned = i64::from(old.assigned)
                    ),
                ));
            }
        }
        let (action, detail) = match &old {
            Some(old) if *old == new => return Ok(()),
            Some(old) => (ChangeAction::Changed, Some(differences(old, &new))),
            None => (ChangeAction::Added, None),
        };
        changes.push(change(store, action, &new, &row.product, detail)?);
        stage.put(PUTS, StagedWrite::PutSubscription(new))
    })?;
    // --prune: a subscription the file no longer has is deleted, its licenses removed.
    if options.prune {
        for sub in store.subscriptions() {
            let mut sub = sub?;
            if seen.contains(&sub.id) || sub.status == Status::Deleted {
                continue;
            }
            for assignment in store.assignments_of(sub.id)? {
                stage.put(
                    PRUNES,
                    StagedWrite::RemoveAssignment(sub.id, assignment.user),
                )?;
            }
            sub.status = Status::Deleted;
            sub.status_since = today;
            sub.auto_renew = false;
            sub.assigned = 0;
            let product = products.get(&sub.product_id).cloned().unwrap_or(Product {
                id: sub.product_id.clone(),
                name: sub.product_id.0.clone(),
                trial_without_payment_method: false,
                trial_days: 30,
                monthly_price: 0,
                annual_price: 0,
            });
            changes.push(change(store, ChangeAction::Removed, &sub, &product, None)?);
            stage.put(PRUNES, StagedWrite::PutSubscription(sub))?;
        }
    }
    let records = scanned.records;
    Ok(report(
        ImportKind::Subscriptions,
        input,
        &scanned,
        records,
        changes,
        options,
    ))
}

/// The subscription a row makes: Graph's fields from the row, the others from its extension,
/// else as they were, else derived.
fn merge(
    row: &Row,
    old: Option<&Subscription>,
    prices: &Prices,
    tenant: &Tenant,
    today: NaiveDate,
) -> Subscription {
    let origin = match (row.buyer, row.trial) {
        (None, _) => Origin::Central,
        (Some(_), true) => Origin::SelfServiceTrial,
        (Some(_), false) => Origin::SelfServicePurchase,
    };
    let p = &row.product;
    let term = row
        .ext
        .term
        .or(old.map(|o| o.price.term))
        .or_else(|| prices.only_term(&p.id))
        .unwrap_or(match origin {
            Origin::Central => Term::Annual,
            _ => Term::Monthly,
        });
    let cardless_trial = origin == Origin::SelfServiceTrial
        && p.trial_without_payment_method
        && tenant.existing_agreement;
    let payment_method = match (&row.ext.payment_method, old) {
        (Some(name), _) => match name.as_str() {
            "none" => PaymentMethod::None,
            "invoice" => PaymentMethod::Invoice,
            _ => PaymentMethod::Card {
                last4: row.ext.card_last4.clone().unwrap_or_default(),
            },
        },
        (None, Some(o)) => o.payment_method.clone(),
        (None, None) => match origin {
            Origin::Central => PaymentMethod::Invoice,
            _ if cardless_trial => PaymentMethod::None,
            // Graph does not give the card: its last digits stay unknown.
            _ => PaymentMethod::Card {
                last4: String::new(),
            },
        },
    };
    let price_minor = row
        .ext
        .price_minor
        .or(old
            .filter(|o| o.price.term == term)
            .map(|o| o.price.amount.minor))
        .unwrap_or_else(|| {
            if payment_method == PaymentMethod::None {
                0
            } else {
                prices.price(&p.id, term).unwrap_or(p.list_price(term))
            }
        });
    let expires = row.expires.unwrap_or_else(|| {
        if origin == Origin::SelfServiceTrial {
            row.start + Days::new(u64::from(p.trial_days))
        } else {
            row.start
                .checked_add_months(Months::new(term.months()))
                .unwrap_or(row.start)
        }
    });
    let status_since = row.ext.status_since.unwrap_or_else(|| match old {
        Some(o) if o.status == row.status => o.status_since,
        Some(_) => today,
        None => match row.status {
            Status::Active => row.start,
            Status::Expired => expires,
            Status::Disabled => expires + Days::new(30),
            Status::Deleted => today,
        },
    });
    let auto_renew = row
        .ext
        .auto_renew
        .or(old.filter(|o| o.status == row.status).map(|o| o.auto_renew))
        .unwrap_or(row.status == Status::Active && payment_method != PaymentMethod::None);
    let taken_over = match (row.ext.taken_over_by, row.ext.taken_over_at) {
        (Some(by), Some(at)) => Some(TakeOver { by: UserId(by), at }),
        _ => old.and_then(|o| o.taken_over.clone()),
    };
    let cancellation = row
        .ext
        .cancellation_reason
        .or(old.and_then(|o| o.cancellation));
    Subscription {
        id: row.id,
        product_id: p.id.clone(),
        origin,
        buyer: row.buyer,
        quantity: row.quantity,
        assigned: old.map_or(0, |o| o.assigned),
        price: Price {
            amount: Money::new(price_minor, &tenant.currency),
            term,
        },
        start: row.start,
        expires,
        auto_renew,
        payment_method,
        status: row.status,
        status_since,
        taken_over,
        cancellation,
    }
}

fn row(
    store: &Store,
    file: &Input<'_>,
    record: &Record,
    skus: &Skus,
    products: &HashMap<ProductId, Product>,
) -> Result<Row> {
    let required = |name: &str| -> Result<(String, usize)> {
        match record.get(&[name]) {
            Some((v, line)) if !v.trim().is_empty() => Ok((v.trim().to_string(), line)),
            Some((_, line)) => Err(bad_field(file, line, name, text!("import-problem-empty"))),
            None => Err(bad_field(
                file,
                record.line,
                name,
                text!("import-problem-missing"),
            )),
        }
    };
    let (id, line) = required("id")?;
    let id = Uuid::parse_str(&id)
        .map(SubscriptionId)
        .map_err(|_| bad_field(file, line, "id", text!("import-problem-guid", value = id)))?;
    let sku_id = record.get(&["skuId"]);
    let part = record.get(&["skuPartNumber"]);
    if sku_id.is_none() && part.is_none() {
        return Err(bad_field(
            file,
            record.line,
            "skuId",
            text!("import-problem-missing"),
        ));
    }
    let product = skus
        .product(
            sku_id.as_ref().map(|(v, _)| v.as_str()),
            part.as_ref().map(|(v, _)| v.as_str()),
        )
        .and_then(|p| products.get(&p).cloned())
        .ok_or_else(|| {
            let (field, (value, line)) = match (&sku_id, &part) {
                (Some(s), _) => ("skuId", s.clone()),
                (None, Some(p)) => ("skuPartNumber", p.clone()),
                (None, None) => ("skuId", (String::new(), record.line)),
            };
            refused_field(
                file,
                line,
                field,
                text!("import-problem-sku", value = value),
            )
        })?;
    let (status_text, line) = required("status")?;
    let status = match status_text.to_ascii_lowercase().as_str() {
        "enabled" => Status::Active,
        "warning" => Status::Expired,
        "suspended" => Status::Disabled,
        "deleted" | "lockedout" => Status::Deleted,
        _ => {
            return Err(bad_field(
                file,
                line,
                "status",
                text!("import-problem-status", value = status_text),
            ))
        }
    };
    let (total, line) = required("totalLicenses")?;
    let quantity: u32 = total.parse().map_err(|_| {
        bad_field(
            file,
            line,
            "totalLicenses",
            text!("import-problem-count", value = total.clone()),
        )
    })?;
    let trial = match record.get(&["isTrial"]) {
        Some((v, line)) => match v.trim().to_ascii_lowercase().as_str() {
            "true" => true,
            "false" | "" => false,
            _ => {
                return Err(bad_field(
                    file,
                    line,
                    "isTrial",
                    text!("import-problem-boolean", value = v),
                ))
            }
        },
        None => false,
    };
    let (created, line) = required("createdDateTime")?;
    let start = date(file, line, "createdDateTime", &created)?;
    let expires = match record.get(&["nextLifecycleDateTime"]) {
        Some((v, line)) if !v.trim().is_empty() => {
            Some(date(file, line, "nextLifecycleDateTime", &v)?)
        }
        _ => None,
    };
    let owned_by_user = record
        .get(&["ownerType"])
        .is_some_and(|(t, _)| t.trim().eq_ignore_ascii_case("user"));
    let buyer = if owned_by_user {
        let (owner, line) = required("ownerId")?;
        let user = Uuid::parse_str(&owner).map(UserId).map_err(|_| {
            bad_field(
                file,
                line,
                "ownerId",
                text!("import-problem-guid", value = owner.clone()),
            )
        })?;
        if store.user(user)?.is_none() {
            return Err(refused_field(
                file,
                line,
                "ownerId",
                text!("import-problem-unknown-user", value = owner),
            ));
        }
        Some(user)
    } else {
        None
    };
    let ext = match record.json(&["selfserve"]) {
        None | Some(serde_json::Value::Null) => Extension::default(),
        Some(value) => serde_json::from_value::<Extension>(value.clone()).map_err(|e| {
            let line = record.get(&["selfserve"]).map_or(record.line, |(_, l)| l);
            bad_field(
                file,
                line,
                "selfserve",
                text!("import-problem-syntax", detail = e.to_string()),
            )
        })?,
    };
    if let Some(by) = ext.taken_over_by {
        if store.user(UserId(by))?.is_none() {
            return Err(refused_field(
                file,
                record.line,
                "selfserve.takenOverBy",
                text!("import-problem-unknown-user", value = by.to_string()),
            ));
        }
    }
    if let Some(method) = &ext.payment_method {
        if !crate::formats::PAYMENT_METHODS.contains(&method.as_str()) {
            return Err(bad_field(
                file,
                record.line,
                "selfserve.paymentMethod",
                text!("import-problem-syntax", detail = method.clone()),
            ));
        }
    }
    Ok(Row {
        line: record.line,
        id,
        product,
        buyer,
        trial,
        quantity,
        status,
        start,
        expires,
        ext,
    })
}

/// A Graph date-time (`2025-03-01T00:00:00Z`), or a bare date.
fn date(file: &Input<'_>, line: usize, field: &str, value: &str) -> Result<NaiveDate> {
    let v = value.trim();
    DateTime::parse_from_rfc3339(v)
        .map(|d| d.with_timezone(&Utc).date_naive())
        .or_else(|_| NaiveDate::parse_from_str(v, "%Y-%m-%d"))
        .map_err(|_| bad_field(file, line, field, text!("import-problem-date", value = v)))
}

fn change(
    store: &Store,
    action: ChangeAction,
    sub: &Subscription,
    product: &Product,
    detail: Option<String>,
) -> Result<ImportChange> {
    let owner = match sub.buyer {
        Some(b) => store.user(b)?.map_or(b.to_string(), |u| u.upn),
        None => "central".to_string(),
    };
    Ok(ImportChange {
        action,
        record: "subscription".into(),
        id: sub.id.to_string(),
        name: format!("{} ({owner})", product.name),
        detail,
    })
}

fn differences(old: &Subscription, new: &Subscription) -> String {
    let mut parts = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            parts.push(format!("{name} {a} → {b}"));
        }
    };
    field(
        "product",
        old.product_id.0.clone(),
        new.product_id.0.clone(),
    );
    field(
        "origin",
        old.origin.as_str().into(),
        new.origin.as_str().into(),
    );
    field(
        "buyer",
        old.buyer.map(|b| b.to_string()).unwrap_or_default(),
        new.buyer.map(|b| b.to_string()).unwrap_or_default(),
    );
    field(
        "quantity",
        old.quantity.to_string(),
        new.quantity.to_string(),
    );
    field(
        "status",
        old.status.as_str().into(),
        new.status.as_str().into(),
    );
    field("start", old.start.to_string(), new.start.to_string());
    field("expires", old.expires.to_string(), new.expires.to_string());
    field(
        "price",
        old.price.amount.to_string(),
        new.price.amount.to_string(),
    );
    field(
        "term",
        old.price.term.as_str().into(),
        new.price.term.as_str().into(),
    );
    field(
        "auto-renew",
        old.auto_renew.to_string(),
        new.auto_renew.to_string(),
    );
    field(
        "payment",
        old.payment_method.to_string(),
        new.payment_method.to_string(),
    );
    field(
        "status since",
        old.status_since.to_string(),
        new.status_since.to_string(),
    );
    field(
        "taken over",
        old.taken_over
            .as_ref()
            .map(|t| t.by.to_string())
            .unwrap_or_default(),
        new.taken_over
            .as_ref()
            .map(|t| t.by.to_string())
            .unwrap_or_default(),
    );
    field(
        "cancellation",
        old.cancellation
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
        new.cancellation
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
    );
    parts.join(", ")
}
