//! `selfserve check`: proves the invariants of the database, one line per breach.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::model::*;
use crate::store::codec::{self, decode};
use crate::store::Store;
use crate::words::count;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breach {
    pub invariant: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    pub ok: bool,
    pub subscriptions: u64,
    pub users: u64,
    pub assignments: u64,
    pub breaches: Vec<Breach>,
}

struct Checker<'a> {
    progress: &'a AtomicU64,
    breaches: Vec<Breach>,
}

impl Checker<'_> {
    fn breach(&mut self, invariant: &'static str, message: String) {
        self.breaches.push(Breach {
            invariant: invariant.to_string(),
            message,
        });
    }
    fn tick(&self) {
        self.progress.fetch_add(1, Ordering::Relaxed);
    }
}

fn id16(bytes: &[u8]) -> Option<[u8; 16]> {
    <[u8; 16]>::try_from(bytes).ok()
}

/// Walks every tree once. `progress` counts records read, so a caller can tell a slow check
/// from a stuck one.
pub fn check(store: &Store, actor: &Actor, progress: &AtomicU64) -> Result<CheckReport> {
    actor.require(Capability::Read, crate::text!("core-do-check"))?;
    let t = &store.t;
    let mut c = Checker {
        progress,
        breaches: Vec::new(),
    };

    let mut products: HashSet<ProductId> = HashSet::new();
    for item in t.products.iter() {
        let (key, value) = item?;
        c.tick();
        match decode::<Product>(&value) {
            Ok(p) if p.id.0.as_bytes() == key.as_ref() => {
                products.insert(p.id);
            }
            Ok(p) => c.breach(
                "index",
                format!("product {} is stored under another key", p.id),
            ),
            Err(_) => c.breach(
                "record",
                format!(
                    "a product record ({}) cannot be read",
                    String::from_utf8_lossy(&key)
                ),
            ),
        }
    }
    for item in t.policies.iter() {
        let (key, value) = item?;
        c.tick();
        let id = ProductId(String::from_utf8_lossy(&key).into_owned());
        if !products.contains(&id) {
            c.breach("policy", format!("a policy names the unknown product {id}"));
        }
        if decode::<PolicyValue>(&value).is_err() {
            c.breach("record", format!("the policy of {id} cannot be read"));
        }
    }

    // Users and the UPN index.
    let mut users: HashSet<[u8; 16]> = HashSet::new();
    let mut upns: HashMap<Vec<u8>, [u8; 16]> = HashMap::new();
    for item in t.users.iter() {
        let (key, value) = item?;
        c.tick();
        match (decode::<User>(&value), id16(&key)) {
            (Ok(u), Some(k)) if *u.id.as_bytes() == k => {
                users.insert(k);
                upns.insert(codec::upn_key(&u.upn), k);
            }
            _ => c.breach(
                "record",
                format!(
                    "user record {} cannot be read or is under another key",
                    hex(&key)
                ),
            ),
        }
    }
    let mut upn_entries = 0usize;
    for item in t.users_by_upn.iter() {
        let (key, value) = item?;
        c.tick();
        upn_entries += 1;
        if upns.get(key.as_ref()).map(|id| id.as_slice()) != Some(value.as_ref()) {
            c.breach(
                "index",
                format!(
                    "UPN index entry {:?} does not match a user",
                    String::from_utf8_lossy(&key)
                ),
            );
        }
    }
    if upn_entries != upns.len() {
        c.breach(
            "index",
            format!("{} users but {upn_entries} UPN index entries", upns.len()),
        );
    }

    // Subscriptions and their two indexes.
    let mut subs: HashMap<[u8; 16], Subscription> = HashMap::new();
    for item in t.subscriptions.iter() {
        let (key, value) = item?;
        c.tick();
        match (decode::<Subscription>(&value), id16(&key)) {
            (Ok(s), Some(k)) if *s.id.as_bytes() == k => {
                if !products.contains(&s.product_id) {
                    c.breach(
                        "subscription",
                        format!(
                            "subscription {} names the unknown product {}",
                            s.id, s.product_id
                        ),
                    );
                }
                match (s.origin.is_self_service(), s.buyer) {
                    (true, Some(b)) if !users.contains(b.as_bytes()) => c.breach(
                        "subscription",
                        format!(
                            "subscription {} was bought by a user who does not exist",
                            s.id
                        ),
                    ),
                    (true, None) => c.breach(
                        "subscription",
                        format!("self-service subscription {} has no buyer", s.id),
                    ),
                    (false, Some(_)) => c.breach(
                        "subscription",
                        format!("central subscription {} has a buyer", s.id),
                    ),
                    _ => {}
                }
                subs.insert(k, s);
            }
            _ => c.breach(
                "record",
                format!(
                    "subscription record {} cannot be read or is under another key",
                    hex(&key)
                ),
            ),
        }
    }
    let mut by_product = 0usize;
    for key in t.subs_by_product.iter().keys() {
        let key = key?;
        c.tick();
        by_product += 1;
        let ok = key.len() > 17
            && id16(&key[key.len() - 16..])
                .and_then(|k| subs.get(&k))
                .is_some_and(|s| {
                    codec::product_key(&s.product_id.0, s.id.as_bytes()) == key.as_ref()
                });
        if !ok {
            c.breach(
                "index",
                format!(
                    "product index entry {} does not match a subscription",
                    hex(&key)
                ),
            );
        }
    }
    let mut by_buyer = 0usize;
    for key in t.subs_by_buyer.iter().keys() {
        let key = key?;
        c.tick();
        by_buyer += 1;
        let ok = key.len() == 32
            && id16(&key[16..])
                .and_then(|k| subs.get(&k))
                .is_some_and(|s| s.buyer.map(|b| *b.as_bytes()) == id16(&key[..16]));
        if !ok {
            c.breach(
                "index",
                format!(
                    "buyer index entry {} does not match a subscription",
                    hex(&key)
                ),
            );
        }
    }
    if by_product != subs.len() {
        c.breach(
            "index",
            format!(
                "{} subscriptions but {by_product} product index entries",
                subs.len()
            ),
        );
    }
    let with_buyer = subs.values().filter(|s| s.buyer.is_some()).count();
    if by_buyer != with_buyer {
        c.breach(
            "index",
            format!("{with_buyer} subscriptions with a buyer but {by_buyer} buyer index entries"),
        );
    }

    // Assignments: live user and subscription, counts within quantity. A user holds at most one
    // license of each subscription: the key is (subscription, user), so the tree cannot hold a
    // second, and the user index below must mirror it one to one. Two licenses of one product
    // from two subscriptions are allowed (SPEC §1, "paid twice").
    let mut counted: HashMap<[u8; 16], u32> = HashMap::new();
    let mut assignment_keys: HashSet<[u8; 32]> = HashSet::new();
    for item in t.assignments.iter() {
        let (key, value) = item?;
        c.tick();
        let Ok(key32) = <[u8; 32]>::try_from(key.as_ref()) else {
            c.breach(
                "record",
                format!("assignment key {} is malformed", hex(&key)),
            );
            continue;
        };
        let (sub_k, user_k) = (
            id16(&key32[..16]).unwrap_or_default(),
            id16(&key32[16..]).unwrap_or_default(),
        );
        match decode::<Assignment>(&value) {
            Ok(a) if *a.subscription.as_bytes() == sub_k && *a.user.as_bytes() == user_k => {}
            _ => c.breach(
                "record",
                format!(
                    "assignment {} cannot be read or is under another key",
                    hex(&key)
                ),
            ),
        }
        assignment_keys.insert(key32);
        *counted.entry(sub_k).or_default() += 1;
        if !users.contains(&user_k) {
            c.breach(
                "assignment",
                format!(
                    "an assignment of subscription {} names a user who does not exist ({})",
                    hex(&sub_k),
                    hex(&user_k)
                ),
            );
        }
        match subs.get(&sub_k) {
            None => c.breach(
                "assignment",
                format!(
                    "an assignment names a subscription that does not exist ({})",
                    hex(&sub_k)
                ),
            ),
            Some(s) if s.status == Status::Deleted => c.breach(
                "deleted",
                format!(
                    "deleted subscription {} still holds the license of user {}",
                    s.id,
                    hex(&user_k)
                ),
            ),
            Some(_) => {}
        }
    }
    let mut by_user = 0usize;
    for key in t.assignments_by_user.iter().keys() {
        let key = key?;
        c.tick();
        by_user += 1;
        let mirrored = <[u8; 32]>::try_from(key.as_ref()).ok().map(|k| {
            let mut m = [0u8; 32];
            m[..16].copy_from_slice(&k[16..]);
            m[16..].copy_from_slice(&k[..16]);
            m
        });
        if !mirrored.is_some_and(|m| assignment_keys.contains(&m)) {
            c.breach(
                "index",
                format!("user license index entry {} has no assignment", hex(&key)),
            );
        }
    }
    if by_user != assignment_keys.len() {
        c.breach(
            "index",
            format!(
                "{} assignments but {by_user} user license index entries",
                assignment_keys.len()
            ),
        );
    }
    let mut ids: Vec<&[u8; 16]> = subs.keys().collect();
    ids.sort();
    for k in ids {
        let s = &subs[k];
        let n = counted.get(k).copied().unwrap_or(0);
        if n > s.quantity {
            c.breach(
                "quantity",
                format!(
                    "subscription {} has {} but only {}",
                    s.id,
                    count(u64::from(n), "assignment"),
                    count(u64::from(s.quantity), "license")
                ),
            );
        }
        if n != s.assigned {
            c.breach(
                "count",
                format!(
                    "subscription {} records {} assigned but holds {}",
                    s.id,
                    s.assigned,
                    count(u64::from(n), "assignment")
                ),
            );
        }
    }

    // Administrators.
    let mut global_admins = 0;
    for item in t.admins.iter() {
        let (key, value) = item?;
        c.tick();
        match decode::<Admin>(&value) {
            Ok(a) if a.login.as_bytes() == key.as_ref() => {
                if !users.contains(a.user.as_bytes()) {
                    c.breach(
                        "admin",
                        format!(
                            "administrator login {:?} is bound to a user who does not exist",
                            a.login
                        ),
                    );
                }
                if a.role == Role::GlobalAdministrator {
                    global_admins += 1;
                }
            }
            _ => c.breach(
                "record",
                format!(
                    "administrator record {:?} cannot be read",
                    String::from_utf8_lossy(&key)
                ),
            ),
        }
    }
    if global_admins == 0 {
        c.breach("admin", "the tenant has no GlobalAdministrator".to_string());
    }
    for item in t.outbox.iter() {
        let (key, value) = item?;
        c.tick();
        if decode::<Email>(&value).is_err() {
            c.breach(
                "record",
                format!("outbox e-mail {} cannot be read", hex(&key)),
            );
        }
    }
    for item in t.audit.iter() {
        let (key, value) = item?;
        c.tick();
        if decode::<AuditEvent>(&value).is_err() {
            c.breach(
                "record",
                format!("audit event {} cannot be read", hex(&key)),
            );
        }
    }

    Ok(CheckReport {
        ok: c.breaches.is_empty(),
        subscriptions: subs.len() as u64,
        users: users.len() as u64,
        assignments: assignment_keys.len() as u64,
        breaches: c.breaches,
    })
}

/// Ids as people see them elsewhere (GUIDs hyphenated); other keys in plain hex.
fn hex(bytes: &[u8]) -> String {
    match uuid::Uuid::from_slice(bytes) {
        Ok(id) => id.hyphenated().to_string(),
        Err(_) => bytes.iter().map(|b| format!("{b:02x}")).collect(),
    }
}
