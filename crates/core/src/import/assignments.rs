//! `import assignments FILE`: the admin center's self-service users export (on a product's page,
//! "Export users"), the file of SPEC §3's `user export` header: each row a user's license of one
//! subscription. Graph pools a product's licenses across subscriptions, so this file is where
//! the self-service ones come from; then each user's licenses the directory names (`import
//! users`: `Licenses` / `assignedLicenses`) that no subscription of the product holds yet are
//! placed on its central subscriptions with room. A user whose license finds no room is
//! reported by name (`unplaced`), never dropped silently.

use super::source::{self, Record};
use super::{bad_field, commit, refused_field, report, ChangeAction, ImportChange, ImportFile};
use super::{ImportKind, ImportOptions, ImportReport, Unplaced};
use crate::access::Actor;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

const UPN: &str = "User principal name";
const SUBSCRIPTION: &str = "Subscription ID";
const PRODUCT: &str = "Product ID";
const ASSIGNED: &str = "Assigned on";

pub(super) fn import(
    store: &Store,
    actor: &Actor,
    file: &ImportFile,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let (scanned, records) = source::records(file)?;
    let mut subs: HashMap<SubscriptionId, Subscription> = HashMap::new();
    for sub in store.subscriptions() {
        let sub = sub?;
        subs.insert(sub.id, sub);
    }
    // What the file asks for, by (subscription, user).
    let mut wanted: BTreeMap<(SubscriptionId, UserId), Assignment> = BTreeMap::new();
    let mut names: HashMap<UserId, User> = HashMap::new();
    for record in &records {
        let (a, user) = row(store, file, record, &subs, now)?;
        if wanted.insert((a.subscription, a.user), a).is_some() {
            return Err(bad_field(
                file,
                record.line,
                UPN,
                text!("import-problem-twice", value = user.upn.clone()),
            ));
        }
        names.insert(user.id, user);
    }
    // What the database holds.
    let mut held: BTreeMap<(SubscriptionId, UserId), Assignment> = BTreeMap::new();
    for id in subs.keys() {
        for a in store.assignments_of(*id)? {
            held.insert((a.subscription, a.user), a);
        }
    }
    let directory = store.directory_licenses()?;
    let directory_of: HashMap<UserId, &Vec<ProductId>> =
        directory.iter().map(|(u, p)| (*u, p)).collect();
    // The licenses kept: the file's, and the ones held of a central subscription the directory
    // names for its user (without --prune, every one held).
    let mut kept: BTreeMap<(SubscriptionId, UserId), Assignment> = wanted.clone();
    for (key, a) in &held {
        let sub = &subs[&key.0];
        let named = directory_of
            .get(&key.1)
            .is_some_and(|ps| ps.contains(&sub.product_id));
        if !options.prune || (sub.origin == Origin::Central && named) {
            kept.entry(*key).or_insert_with(|| a.clone());
        }
    }
    let mut used: HashMap<SubscriptionId, u32> = HashMap::new();
    for (sub, _) in kept.keys() {
        *used.entry(*sub).or_default() += 1;
    }
    // Central subscriptions with room, by product, in a fixed order (the latest to expire first).
    let mut central: HashMap<&ProductId, Vec<&Subscription>> = HashMap::new();
    for sub in subs.values() {
        if sub.origin == Origin::Central && matches!(sub.status, Status::Active | Status::Expired) {
            central.entry(&sub.product_id).or_default().push(sub);
        }
    }
    for list in central.values_mut() {
        list.sort_by(|a, b| b.expires.cmp(&a.expires).then(a.id.cmp(&b.id)));
    }
    let mut holds: HashSet<(UserId, &ProductId)> = HashSet::new();
    for (sub, user) in kept.keys() {
        let s = &subs[sub];
        if s.status != Status::Deleted {
            holds.insert((*user, &s.product_id));
        }
    }
    let mut placed: Vec<Assignment> = Vec::new();
    let mut unplaced = Vec::new();
    for (user, products) in &directory {
        for product in products {
            if holds.contains(&(*user, product)) {
                continue;
            }
            let room = central.get(product).and_then(|list| {
                list.iter()
                    .find(|s| used.get(&s.id).copied().unwrap_or(0) < s.quantity)
            });
            match room {
                Some(sub) => {
                    *used.entry(sub.id).or_default() += 1;
                    let a = Assignment {
                        subscription: sub.id,
                        user: *user,
                        assigned_at: now,
                    };
                    kept.insert((sub.id, *user), a.clone());
                    placed.push(a);
                }
                None => {
                    let who = store.user(*user)?;
                    let name = store.product(&product.0)?.name;
                    unplaced.push(Unplaced {
                        display_name: who
                            .as_ref()
                            .map_or(String::new(), |u| u.display_name.clone()),
                        user_principal_name: who.map_or(user.to_string(), |u| u.upn),
                        product_id: product.clone(),
                        product_name: name,
                    });
                }
            }
        }
    }
    // No subscription may hold more licenses than it has.
    for (id, count) in &used {
        let sub = &subs[id];
        if *count > sub.quantity {
            let line = records
                .iter()
                .find(|r| {
                    r.get(&[SUBSCRIPTION])
                        .is_some_and(|(v, _)| v.trim() == id.to_string())
                })
                .map_or(1, |r| r.line);
            return Err(refused_field(
                file,
                line,
                SUBSCRIPTION,
                text!(
                    "import-problem-too-many",
                    id = id.to_string(),
                    count = i64::from(*count),
                    quantity = i64::from(sub.quantity)
                ),
            ));
        }
    }
    let mut changes = Vec::new();
    let mut adds: Vec<Assignment> = Vec::new();
    for (key, a) in &kept {
        if held.contains_key(key) {
            continue;
        }
        let user = match names.get(&key.1) {
            Some(u) => u.clone(),
            None => store.user(key.1)?.ok_or_else(|| {
                Error::database(text!(
                    "import-problem-unknown-user",
                    value = key.1.to_string()
                ))
            })?,
        };
        let detail = placed
            .iter()
            .any(|p| p.subscription == key.0 && p.user == key.1)
            .then(|| "placed from the directory's licenses".to_string());
        changes.push(change(ChangeAction::Added, &subs[&key.0], &user, detail));
        adds.push(a.clone());
    }
    let mut removes: Vec<(SubscriptionId, UserId)> = Vec::new();
    for key in held.keys() {
        if !kept.contains_key(key) {
            let user = store.user(key.1)?.unwrap_or(User {
                id: key.1,
                display_name: String::new(),
                upn: key.1.to_string(),
                department: String::new(),
                enabled: false,
            });
            changes.push(change(ChangeAction::Removed, &subs[&key.0], &user, None));
            removes.push(*key);
        }
    }
    let mut report = report(
        ImportKind::Assignments,
        file,
        &scanned,
        records.len() as u64,
        changes,
        options,
    );
    // Placed licenses are additions the file did not list.
    report.unchanged = (wanted.len() as u64).saturating_sub(
        adds.iter()
            .filter(|a| wanted.contains_key(&(a.subscription, a.user)))
            .count() as u64,
    );
    report.unplaced = unplaced;
    let mut counts: HashMap<SubscriptionId, u32> = HashMap::new();
    for (sub, _) in kept.keys() {
        *counts.entry(*sub).or_default() += 1;
    }
    let touched: Vec<Subscription> = subs
        .values()
        .filter(|s| counts.get(&s.id).copied().unwrap_or(0) != s.assigned)
        .map(|s| Subscription {
            assigned: counts.get(&s.id).copied().unwrap_or(0),
            ..s.clone()
        })
        .collect();
    commit(store, actor, report, now, |tx| {
        for (sub, user) in &removes {
            tx.remove_assignment(*sub, *user)?;
        }
        for a in &adds {
            tx.put_assignment(a)?;
        }
        for sub in &touched {
            tx.put_subscription(sub)?;
        }
        Ok(())
    })
}

fn row(
    store: &Store,
    file: &ImportFile,
    record: &Record,
    subs: &HashMap<SubscriptionId, Subscription>,
    now: DateTime<Utc>,
) -> Result<(Assignment, User)> {
    let required = |name: &str| -> Result<(String, usize)> {
        match record.get(&[name]) {
            // `user export` defuses cells a spreadsheet would run with a leading quote.
            Some((v, line)) if !v.trim().is_empty() => {
                let v = v.trim();
                let v = v
                    .strip_prefix('\'')
                    .filter(|r| r.starts_with(['=', '+', '-', '@']))
                    .unwrap_or(v);
                Ok((v.to_string(), line))
            }
            Some((_, line)) => Err(bad_field(file, line, name, text!("import-problem-empty"))),
            None => Err(bad_field(
                file,
                record.line,
                name,
                text!("import-problem-missing"),
            )),
        }
    };
    let (upn, line) = required(UPN)?;
    let user = match store.user_by_upn(&upn) {
        Ok(u) => u,
        Err(Error::NotFound(_)) => {
            return Err(refused_field(
                file,
                line,
                UPN,
                text!("import-problem-unknown-user", value = upn),
            ))
        }
        Err(e) => return Err(e),
    };
    let (id, line) = required(SUBSCRIPTION)?;
    let sub = Uuid::parse_str(&id)
        .ok()
        .map(SubscriptionId)
        .ok_or_else(|| {
            bad_field(
                file,
                line,
                SUBSCRIPTION,
                text!("import-problem-guid", value = id.clone()),
            )
        })?;
    let Some(subscription) = subs.get(&sub) else {
        return Err(refused_field(
            file,
            line,
            SUBSCRIPTION,
            text!("import-problem-unknown-subscription", value = id),
        ));
    };
    if subscription.status == Status::Deleted {
        return Err(refused_field(
            file,
            line,
            SUBSCRIPTION,
            text!("import-problem-deleted", value = id),
        ));
    }
    if let Some((product, line)) = record.get(&[PRODUCT]).filter(|(p, _)| !p.trim().is_empty()) {
        if !product
            .trim()
            .eq_ignore_ascii_case(&subscription.product_id.0)
        {
            return Err(refused_field(
                file,
                line,
                PRODUCT,
                text!(
                    "import-problem-other-product",
                    value = product.trim().to_string(),
                    expected = subscription.product_id.0.clone()
                ),
            ));
        }
    }
    let assigned_at = match record
        .get(&[ASSIGNED])
        .filter(|(d, _)| !d.trim().is_empty())
    {
        Some((d, line)) => NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .map(|d| d.and_utc())
            .ok_or_else(|| {
                bad_field(
                    file,
                    line,
                    ASSIGNED,
                    text!("import-problem-date", value = d.trim().to_string()),
                )
            })?,
        None => now,
    };
    Ok((
        Assignment {
            subscription: sub,
            user: user.id,
            assigned_at,
        },
        user,
    ))
}

fn change(
    action: ChangeAction,
    sub: &Subscription,
    user: &User,
    detail: Option<String>,
) -> ImportChange {
    ImportChange {
        action,
        record: "license".into(),
        id: format!("{}/{}", sub.id, user.id),
        name: format!("{} <{}> · {}", user.display_name, user.upn, sub.product_id),
        detail,
    }
}
