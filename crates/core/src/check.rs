//! `selfserve check`: proves the invariants of the database, one line per breach.

use crate::access::{Actor, Capability};
use crate::error::Result;
use crate::i18n::Text;
use crate::model::*;
use crate::store::codec::{self, decode};
use crate::store::Store;
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breach {
    /// The invariant's name, for scripts (`--json`): never translated.
    pub invariant: String,
    /// What is wrong, read in each person's language; the JSON holds the English.
    #[serde(serialize_with = "crate::formats::text_json")]
    pub message: Text,
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
    fn breach(&mut self, invariant: &'static str, message: Text) {
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
                text!("core-breach-product-key", id = p.id.to_string()),
            ),
            Err(_) => c.breach(
                "record",
                text!(
                    "core-breach-product-record",
                    key = String::from_utf8_lossy(&key).into_owned()
                ),
            ),
        }
    }
    for item in t.policies.iter() {
        let (key, value) = item?;
        c.tick();
        let id = ProductId(String::from_utf8_lossy(&key).into_owned());
        if !products.contains(&id) {
            c.breach(
                "policy",
                text!("core-breach-policy-product", id = id.to_string()),
            );
        }
        if decode::<PolicyValue>(&value).is_err() {
            c.breach(
                "record",
                text!("core-breach-policy-record", id = id.to_string()),
            );
        }
    }

    governance(t, &products, &mut c)?;

    // A large import committed but not wholly applied (its slices failed; the next open or
    // import finishes it).
    if store.staged_pending()? {
        c.breach("import", text!("core-breach-import-unapplied"));
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
            _ => c.breach("record", text!("core-breach-user-record", key = hex(&key))),
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
                text!(
                    "core-breach-upn-entry",
                    key = String::from_utf8_lossy(&key).escape_debug().to_string()
                ),
            );
        }
    }
    if upn_entries != upns.len() {
        c.breach(
            "index",
            text!(
                "core-breach-upn-count",
                users = upns.len(),
                entries = upn_entries
            ),
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
                        text!(
                            "core-breach-subscription-product",
                            id = s.id.to_string(),
                            product_id = s.product_id.to_string()
                        ),
                    );
                }
                match (s.origin.is_self_service(), s.buyer) {
                    (true, Some(b)) if !users.contains(b.as_bytes()) => c.breach(
                        "subscription",
                        text!("core-breach-buyer-missing", id = s.id.to_string()),
                    ),
                    (true, None) => c.breach(
                        "subscription",
                        text!("core-breach-no-buyer", id = s.id.to_string()),
                    ),
                    (false, Some(_)) => c.breach(
                        "subscription",
                        text!("core-breach-central-buyer", id = s.id.to_string()),
                    ),
                    _ => {}
                }
                subs.insert(k, s);
            }
            _ => c.breach(
                "record",
                text!("core-breach-subscription-record", key = hex(&key)),
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
            c.breach("index", text!("core-breach-product-entry", key = hex(&key)));
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
            c.breach("index", text!("core-breach-buyer-entry", key = hex(&key)));
        }
    }
    if by_product != subs.len() {
        c.breach(
            "index",
            text!(
                "core-breach-product-count",
                subscriptions = subs.len(),
                entries = by_product
            ),
        );
    }
    let with_buyer = subs.values().filter(|s| s.buyer.is_some()).count();
    if by_buyer != with_buyer {
        c.breach(
            "index",
            text!(
                "core-breach-buyer-count",
                subscriptions = with_buyer,
                entries = by_buyer
            ),
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
                text!("core-breach-assignment-key", key = hex(&key)),
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
                text!("core-breach-assignment-record", key = hex(&key)),
            ),
        }
        assignment_keys.insert(key32);
        *counted.entry(sub_k).or_default() += 1;
        if !users.contains(&user_k) {
            c.breach(
                "assignment",
                text!(
                    "core-breach-assignment-user",
                    id = hex(&sub_k),
                    user = hex(&user_k)
                ),
            );
        }
        match subs.get(&sub_k) {
            None => c.breach(
                "assignment",
                text!("core-breach-assignment-subscription", id = hex(&sub_k)),
            ),
            Some(s) if s.status == Status::Deleted => c.breach(
                "deleted",
                text!(
                    "core-breach-deleted-holds",
                    id = s.id.to_string(),
                    user = hex(&user_k)
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
            c.breach("index", text!("core-breach-user-entry", key = hex(&key)));
        }
    }
    if by_user != assignment_keys.len() {
        c.breach(
            "index",
            text!(
                "core-breach-user-count",
                assignments = assignment_keys.len(),
                entries = by_user
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
                text!(
                    "core-breach-quantity",
                    id = s.id.to_string(),
                    assignments = n,
                    quantity = s.quantity
                ),
            );
        }
        if n != s.assigned {
            c.breach(
                "count",
                text!(
                    "core-breach-count",
                    id = s.id.to_string(),
                    assigned = s.assigned,
                    assignments = n
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
                        text!(
                            "core-breach-admin-user",
                            login = a.login.escape_debug().to_string()
                        ),
                    );
                }
                if a.role == Role::GlobalAdministrator {
                    global_admins += 1;
                }
            }
            _ => c.breach(
                "record",
                text!(
                    "core-breach-admin-record",
                    key = String::from_utf8_lossy(&key).escape_debug().to_string()
                ),
            ),
        }
    }
    if global_admins == 0 {
        c.breach("admin", text!("core-breach-no-global-admin"));
    }
    for item in t.outbox.iter() {
        let (key, value) = item?;
        c.tick();
        if decode::<crate::store::StoredEmail>(&value).is_err() {
            c.breach("record", text!("core-breach-email-record", key = hex(&key)));
        }
    }
    for item in t.audit.iter() {
        let (key, value) = item?;
        c.tick();
        if decode::<AuditEvent>(&value).is_err() {
            c.breach("record", text!("core-breach-audit-record", key = hex(&key)));
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

/// Issue 14's meta keys: each review item names a product that exists, under its own id; each
/// remap points to a product that exists and no chain of them loops; the default for new
/// products and the offer types' policies are values they may take.
fn governance(
    t: &crate::store::Trees,
    products: &HashSet<ProductId>,
    c: &mut Checker,
) -> Result<()> {
    use crate::policy::review::ReviewItem;
    use crate::store::governance::{OFFER_TYPE, POLICY_DEFAULT, REMAP, REVIEW};
    let lossy = |bytes: &[u8]| String::from_utf8_lossy(bytes).escape_debug().to_string();
    for item in t.meta.scan_prefix(REVIEW.as_bytes()) {
        let (key, value) = item?;
        c.tick();
        let id = lossy(&key[REVIEW.len()..]);
        match decode::<ReviewItem>(&value) {
            Ok(r) if r.product_id.0 != id => {
                c.breach("governance", text!("gov-breach-review-key", id = id))
            }
            Ok(r) if !products.contains(&r.product_id) => {
                c.breach("governance", text!("gov-breach-review-product", id = id))
            }
            Ok(_) => {}
            Err(_) => c.breach("record", text!("gov-breach-review-record", id = id)),
        }
    }
    let mut remaps: HashMap<String, String> = HashMap::new();
    for item in t.meta.scan_prefix(REMAP.as_bytes()) {
        let (key, value) = item?;
        c.tick();
        let (old, new) = (lossy(&key[REMAP.len()..]), lossy(&value));
        if !products.contains(&ProductId(new.clone())) {
            c.breach(
                "governance",
                text!(
                    "gov-breach-remap-target",
                    old = old.clone(),
                    new = new.clone()
                ),
            );
        }
        remaps.insert(old, new);
    }
    let mut olds: Vec<&String> = remaps.keys().collect();
    olds.sort();
    for old in olds {
        // Following the chain from `old` comes back to an id already passed: a loop.
        let mut seen = HashSet::from([old.as_str()]);
        let mut at = old.as_str();
        while let Some(next) = remaps.get(at) {
            if !seen.insert(next.as_str()) {
                c.breach(
                    "governance",
                    text!("gov-breach-remap-loop", id = old.clone()),
                );
                break;
            }
            at = next;
        }
    }
    if let Some(value) = t.meta.get(POLICY_DEFAULT)? {
        c.tick();
        if decode::<PolicyValue>(&value).is_err() {
            c.breach("governance", text!("gov-breach-default"));
        }
    }
    for item in t.meta.scan_prefix(OFFER_TYPE.as_bytes()) {
        let (key, value) = item?;
        c.tick();
        let offer = lossy(&key[OFFER_TYPE.len()..]);
        let known = crate::policy::OfferType::parse(&offer).is_some();
        match decode::<PolicyValue>(&value) {
            Ok(PolicyValue::Enabled | PolicyValue::Disabled) if known => {}
            _ => c.breach("governance", text!("gov-breach-offer-type", offer = offer)),
        }
    }
    Ok(())
}

/// Ids as people see them elsewhere (GUIDs hyphenated); other keys in plain hex.
fn hex(bytes: &[u8]) -> String {
    match uuid::Uuid::from_slice(bytes) {
        Ok(id) => id.hyphenated().to_string(),
        Err(_) => bytes.iter().map(|b| format!("{b:02x}")).collect(),
    }
}
