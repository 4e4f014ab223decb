//! `import assignments FILE`: the admin center's self-service users export (on a product's page,
//! "Export users"), the file of SPEC §3's `user export` header: each row a user's license of one
//! subscription. Graph pools a product's licenses across subscriptions, so this file is where
//! the self-service ones come from; then each user's licenses the directory names (`import
//! users`: `Licenses` / `assignedLicenses`) that no subscription of the product holds yet are
//! placed on its central subscriptions with room. A user whose license finds no room is
//! reported by name (`unplaced`), never dropped silently.
//!
//! The admin center writes the file in its language: a French one names the columns in French,
//! separates them with `;` (source.rs reads either) and writes dates day first.

use super::source::{self, Record};
use super::ImportFile;
use super::{bad_field, refused_field, report, staged, ChangeAction, ImportChange};
use super::{ImportKind, ImportOptions, ImportReport, Unplaced};
use crate::access::Actor;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::staged::StagedWrite;
use crate::store::Store;
use crate::text;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

// Column names: the admin center's in English first, then in French (the French admin
// center's terms, as users.rs has them).
const UPN: &[&str] = &["User principal name", "Nom d'utilisateur principal"];
const SUBSCRIPTION: &[&str] = &["Subscription ID", "ID d'abonnement"];
const PRODUCT: &[&str] = &["Product ID", "ID de produit", "ID du produit"];
const ASSIGNED: &[&str] = &[
    "Assigned on",
    "Attribuée le",
    "Attribué le",
    "Date d'attribution",
];

// Staged phases: licenses removed, then added, then the subscriptions' counts.
const REMOVALS: u8 = 0;
const ADDITIONS: u8 = 1;
const COUNTS: u8 = 2;

pub(super) fn import(
    store: &Store,
    actor: &Actor,
    file: &ImportFile,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let (scanned, records) = source::records(file)?;
    // A file's dates are all in one locale, the language of its columns (its date column's
    // French or English name says which): the French admin center writes 14/03/2026 (day
    // first), the English one 3/14/2026 (month first, US English). 3/4/2026 reads either way, so
    // the numbers themselves are never used to guess.
    let order = match records.first() {
        Some(r) if r.get(&ASSIGNED[1..]).is_some() => DateOrder::DayFirst,
        _ => DateOrder::MonthFirst,
    };
    let mut subs: HashMap<SubscriptionId, Subscription> = HashMap::new();
    for sub in store.subscriptions() {
        let sub = sub?;
        subs.insert(sub.id, sub);
    }
    // What the file asks for, by (subscription, user).
    let mut wanted: BTreeMap<(SubscriptionId, UserId), Assignment> = BTreeMap::new();
    let mut names: HashMap<UserId, User> = HashMap::new();
    for record in &records {
        let (a, user) = row(store, file, record, &subs, order, now)?;
        if wanted.insert((a.subscription, a.user), a).is_some() {
            return Err(bad_field(
                file,
                record.line,
                column(record, UPN),
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
    let mut placed: HashSet<(SubscriptionId, UserId)> = HashSet::new();
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
                    kept.insert((sub.id, *user), a);
                    placed.insert((sub.id, *user));
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
            let first = records.iter().find(|r| {
                r.get(SUBSCRIPTION)
                    .is_some_and(|(v, _)| v.trim() == id.to_string())
            });
            return Err(refused_field(
                file,
                first.map_or(1, |r| r.line),
                first.map_or(SUBSCRIPTION[0], |r| column(r, SUBSCRIPTION)),
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
            .contains(key)
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
    // Staged (store/staged.rs): placing a million users' directory licenses is more than one
    // sled transaction holds.
    staged(store, actor, options, now, |stage| {
        for (sub, user) in removes {
            stage.put(REMOVALS, StagedWrite::RemoveAssignment(sub, user))?;
        }
        for a in adds {
            stage.put(ADDITIONS, StagedWrite::PutAssignment(a))?;
        }
        for sub in touched {
            stage.put(COUNTS, StagedWrite::PutSubscription(sub))?;
        }
        Ok(report)
    })
}

fn row(
    store: &Store,
    file: &ImportFile,
    record: &Record,
    subs: &HashMap<SubscriptionId, Subscription>,
    order: DateOrder,
    now: DateTime<Utc>,
) -> Result<(Assignment, User)> {
    let required = |names: &[&str]| -> Result<(String, usize)> {
        match record.get(names) {
            // `user export` defuses cells a spreadsheet would run with a leading quote.
            Some((v, line)) if !v.trim().is_empty() => {
                let v = v.trim();
                let v = v
                    .strip_prefix('\'')
                    .filter(|r| r.starts_with(['=', '+', '-', '@']))
                    .unwrap_or(v);
                Ok((v.to_string(), line))
            }
            Some((_, line)) => Err(bad_field(
                file,
                line,
                column(record, names),
                text!("import-problem-empty"),
            )),
            None => Err(bad_field(
                file,
                record.line,
                names[0],
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
                column(record, UPN),
                text!("import-problem-unknown-user", value = upn),
            ))
        }
        Err(e) => return Err(e),
    };
    let (id, line) = required(SUBSCRIPTION)?;
    let sub_column = column(record, SUBSCRIPTION);
    let sub = Uuid::parse_str(&id)
        .ok()
        .map(SubscriptionId)
        .ok_or_else(|| {
            bad_field(
                file,
                line,
                sub_column,
                text!("import-problem-guid", value = id.clone()),
            )
        })?;
    let Some(subscription) = subs.get(&sub) else {
        return Err(refused_field(
            file,
            line,
            sub_column,
            text!("import-problem-unknown-subscription", value = id),
        ));
    };
    if subscription.status == Status::Deleted {
        return Err(refused_field(
            file,
            line,
            sub_column,
            text!("import-problem-deleted", value = id),
        ));
    }
    if let Some((product, line)) = record.get(PRODUCT).filter(|(p, _)| !p.trim().is_empty()) {
        if !product
            .trim()
            .eq_ignore_ascii_case(&subscription.product_id.0)
        {
            return Err(refused_field(
                file,
                line,
                column(record, PRODUCT),
                text!(
                    "import-problem-other-product",
                    value = product.trim().to_string(),
                    expected = subscription.product_id.0.clone()
                ),
            ));
        }
    }
    let assigned_at = match record.get(ASSIGNED).filter(|(d, _)| !d.trim().is_empty()) {
        Some((d, line)) => assigned_on(&d, order).ok_or_else(|| {
            bad_field(
                file,
                line,
                column(record, ASSIGNED),
                text!(
                    "import-problem-assigned-date",
                    value = d.trim().to_string(),
                    order = order.as_str()
                ),
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

/// The name of the column the record has (English or French), for messages: the field as
/// the file names it.
fn column<'a>(record: &Record, names: &[&'a str]) -> &'a str {
    names
        .iter()
        .copied()
        .find(|n| record.get(&[n]).is_some())
        .unwrap_or(names[0])
}

/// Which of day and month a date written with slashes puts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl DateOrder {
    /// For the message's selector.
    fn as_str(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day",
            DateOrder::MonthFirst => "month",
        }
    }
}

/// "Assigned on" as the admin center writes it: 2026-03-14, 14/03/2026 (French) or 3/14/2026
/// (US English), each optionally followed by a time (09:30:00, 9:30:00 AM), or an ISO 8601
/// date-time (2026-03-14T09:30:00Z). A time without a zone is taken as UTC, so the date stays
/// the one written; a date alone is 09:00 UTC.
fn assigned_on(text: &str, order: DateOrder) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(at.and_utc());
    }
    let (date, time) = match text.split_once(char::is_whitespace) {
        Some((date, time)) => (date, Some(time.trim())),
        None => (text, None),
    };
    let date = match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(date) => date,
        Err(_) => slashed(date, order)?,
    };
    let time = match time {
        Some(time) => ["%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(time, f).ok())?,
        None => NaiveTime::from_hms_opt(9, 0, 0)?,
    };
    Some(date.and_time(time).and_utc())
}

/// d/m/yyyy or m/d/yyyy: one or two digits for the day and the month, four for the year.
fn slashed(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let number = |part: &str, widths: std::ops::RangeInclusive<usize>| -> Option<u32> {
        if widths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let mut parts = text.split('/');
    let first = number(parts.next()?, 1..=2)?;
    let second = number(parts.next()?, 1..=2)?;
    let year = number(parts.next()?, 4..=4)?;
    if parts.next().is_some() {
        return None;
    }
    let (day, month) = match order {
        DateOrder::DayFirst => (first, second),
        DateOrder::MonthFirst => (second, first),
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, order: DateOrder) -> Option<String> {
        assigned_on(text, order).map(|t| t.to_rfc3339())
    }

    #[test]
    fn dates_as_the_admin_center_writes_them_in_english_and_in_french() {
        use DateOrder::*;
        let nine = Some("2026-03-14T09:00:00+00:00".to_string());
        let half_past = Some("2026-03-14T09:30:00+00:00".to_string());
        for (text, order, expected) in [
            ("2026-03-14", MonthFirst, &nine),
            ("2026-03-14", DayFirst, &nine),
            (" 2026-03-14 09:30:00 ", DayFirst, &half_past),
            ("2026-03-14T09:30:00Z", DayFirst, &half_past),
            ("2026-03-14T10:30:00+01:00", MonthFirst, &half_past),
            ("2026-03-14T09:30:00", MonthFirst, &half_past),
            ("14/03/2026", DayFirst, &nine),
            ("14/03/2026 09:30:00", DayFirst, &half_past),
            ("14/3/2026 09:30", DayFirst, &half_past),
            ("3/14/2026", MonthFirst, &nine),
            ("03/14/2026 9:30:00 AM", MonthFirst, &half_past),
            ("3/14/2026 9:30 am", MonthFirst, &half_past),
            ("3/14/2026 09:30:00", MonthFirst, &half_past),
        ] {
            assert_eq!(&at(text, order), expected, "{text} {order:?}");
        }
        // The same numbers, the other way round: the file's language decides.
        assert_eq!(
            at("3/4/2026", DayFirst).as_deref(),
            Some("2026-04-03T09:00:00+00:00")
        );
        assert_eq!(
            at("3/4/2026 9:30:00 PM", MonthFirst).as_deref(),
            Some("2026-03-04T21:30:00+00:00")
        );
        for (text, order) in [
            ("14/03/2026", MonthFirst),
            ("3/14/2026", DayFirst),
            ("31/02/2026", DayFirst),
            ("14/03/26", DayFirst),
            ("14/03/02026", DayFirst),
            ("14/03/2026/1", DayFirst),
            ("+1/03/2026", DayFirst),
            ("14.03.2026", DayFirst),
            ("14/03/2026 25:00:00", DayFirst),
            ("14/03/2026 9:30:00 XM", DayFirst),
            ("2026-03-14T09:30:00Q", DayFirst),
            ("14 mars 2026", DayFirst),
            ("", DayFirst),
        ] {
            assert_eq!(at(text, order), None, "{text} {order:?}");
        }
    }
}
