//! The whole demo tenant, in the order it is generated: products and policies, directory users
//! and administrators, subscriptions, the audit event.

use super::names::Names;
use super::subscriptions::Builder;
use super::writer::Writer;
use super::{new_id, DemoOptions, DemoSummary, DOMAIN};
use crate::catalogue;
use crate::error::Result;
use crate::i18n::Lang;
use crate::model::*;
use crate::store::codec::{self, encode};
use crate::store::Store;
use crate::words::count;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Products people tend to buy on their own, drawn more often.
const POPULAR: &[&str] = &[
    "CFQ7TTC0H9MP",
    "CFQ7TTC0HD33",
    "CFQ7TTC0LH3L",
    "CFQ7TTC0MM8R",
    "CFQ7TTC0LH2H",
];

pub(super) fn build(
    path: &Path,
    opts: &DemoOptions,
    cloud: Cloud,
    lang: Lang,
    progress: &mut dyn FnMut(&crate::i18n::Text),
) -> Result<DemoSummary> {
    let names = Names::builtin()?;
    let (db, t) = Store::create_empty(path)?;
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let today = opts.now.date_naive();
    let tenant = Tenant {
        id: TenantId(new_id(&mut rng)),
        display_name: "Contoso (demo)".to_string(),
        currency: "EUR".to_string(),
        cloud,
        existing_agreement: true,
        demo: true,
        created_at: opts.now,
    };
    let products = catalogue::products()?;
    let mut w = Writer::new(t.clone());
    for p in &products {
        w.put(&t.products, p.id.0.as_bytes(), encode(p)?)?;
    }
    // Two policies differ from the default so the screens show every value.
    for (id, value) in [
        ("CFQ7TTC0MM8R", PolicyValue::Disabled),
        ("CFQ7TTC0N8SL", PolicyValue::OnlyTrialsWithoutPaymentMethod),
    ] {
        w.put(&t.policies, id.as_bytes(), encode(&value)?)?;
    }

    progress(&crate::text!(
        "core-demo-creating-users",
        users = opts.users
    ));
    // The three administrators come first, with fixed names.
    let admins = [
        (
            "Adèle Vance",
            "adele.vance",
            "IT",
            Role::GlobalAdministrator,
            opts.login.as_str(),
        ),
        (
            "Megan Bowen",
            "megan.bowen",
            "Finance",
            Role::BillingAdministrator,
            "billing",
        ),
        (
            "Lee Gu",
            "lee.gu",
            "Juridique",
            Role::GlobalReader,
            "reader",
        ),
    ];
    let mut upns: HashMap<String, u32> = HashMap::new();
    let mut user_ids = Vec::with_capacity(opts.users);
    let mut enabled = Vec::with_capacity(opts.users);
    let mut admin_ids = Vec::new();
    for i in 0..opts.users {
        let (display_name, base, department) = match admins.get(i) {
            Some((name, base, dept, _, _)) => {
                (name.to_string(), base.to_string(), dept.to_string())
            }
            None => {
                let p = names.person(&mut rng, i);
                let dept = names.department(&mut rng).to_string();
                (p.display_name, p.upn_base, dept)
            }
        };
        // Name bases hold no digits, so a count suffix never collides with another base.
        let holders = upns.entry(base.clone()).or_insert(0u32);
        *holders += 1;
        let upn = match *holders {
            1 => format!("{base}@{DOMAIN}"),
            n => format!("{base}{n}@{DOMAIN}"),
        };
        let user = User {
            id: UserId(new_id(&mut rng)),
            display_name,
            upn,
            department,
            enabled: i < admins.len() || rng.random_range(0..100) >= 2,
        };
        w.put(
            &t.users_by_upn,
            codec::upn_key(&user.upn),
            user.id.as_bytes(),
        )?;
        w.put(&t.users, user.id.as_bytes(), encode(&user)?)?;
        if i < admins.len() {
            admin_ids.push((user.id, user.upn.clone()));
        }
        user_ids.push(user.id);
        enabled.push(user.enabled);
    }
    drop(upns);
    for ((_, _, _, role, login), (id, _)) in admins.iter().zip(&admin_ids) {
        let admin = Admin {
            login: login.to_string(),
            user: *id,
            role: *role,
        };
        w.put(&t.admins, login.as_bytes(), encode(&admin)?)?;
    }

    let mut b = Builder {
        rng,
        now: opts.now,
        today,
        currency: tenant.currency.clone(),
        products,
        user_ids,
        enabled,
        held: HashSet::new(),
        subscriptions: 0,
        assignments: 0,
    };
    let global_admin = admin_ids[0].0;
    // Central subscriptions first, so their users are the ones self-service buyers overlap with.
    progress(&crate::text!("core-demo-creating-central"));
    let base = (opts.users / 25).max(10) as u32;
    for product in 0..b.products.len() {
        if product % 3 != 2 {
            let roomy = product % 2 == 0;
            b.central(&mut w, product, roomy, base)?;
        }
    }
    let self_service = (opts.users * 3 / 10).max(60);
    progress(&crate::text!(
        "core-demo-creating-self-service",
        subscriptions = self_service
    ));
    let popular: Vec<usize> = POPULAR
        .iter()
        .filter_map(|id| b.products.iter().position(|p| p.id.0 == *id))
        .collect();
    for i in 0..self_service {
        // Every product gets at least two; the rest lean to the products people buy most.
        let product = if i < 2 * b.products.len() {
            i % b.products.len()
        } else if b.rng.random_bool(0.5) {
            popular[b.rng.random_range(0..popular.len())]
        } else {
            b.rng.random_range(0..b.products.len())
        };
        b.self_service(&mut w, product, global_admin)?;
    }
    progress(&crate::text!("core-demo-writing"));
    let admin_upn = admin_ids[0].1.clone();
    let event = AuditEvent {
        id: db.generate_id()?,
        at: opts.now,
        actor: admin_upn.clone(),
        action: "tenant.create-demo".to_string(),
        target: tenant.display_name.clone(),
        before: None,
        after: Some(format!(
            "{}, {}, {} (seed {})",
            count(opts.users as u64, "user"),
            count(b.subscriptions, "subscription"),
            count(b.assignments, "license assignment"),
            opts.seed
        )),
    };
    w.put(&t.audit, event.id.to_be_bytes(), encode(&event)?)?;
    drop((db, t));
    w.finish(path)?;
    let (db, t) = Store::create_empty(path)?;
    let admins: Vec<UserId> = admin_ids.iter().map(|(id, _)| *id).collect();
    buyers_who_left(&t, &admins)?;
    Store::write_meta(&t, &tenant)?;
    Store::write_language(&t, lang)?;
    db.flush()?;
    Ok(DemoSummary {
        path: path.to_path_buf(),
        tenant: tenant.display_name,
        users: opts.users as u64,
        subscriptions: b.subscriptions,
        assignments: b.assignments,
        admin_login: opts.login.clone(),
        admin_upn,
    })
}

/// How many self-service buyers have left the organisation since they bought.
const LEAVERS: usize = 3;

/// Disables the first few buyers of self-service purchases (in id order, administrators aside),
/// as if they had left: the demo then has orphaned purchases to clean up (issue 14, point 6).
/// Only their user records change, so everything else the demo makes stays as it was.
fn buyers_who_left(t: &crate::store::Trees, admins: &[UserId]) -> Result<()> {
    let mut left: Vec<UserId> = Vec::with_capacity(LEAVERS);
    for value in t.subscriptions.iter().values() {
        let sub: Subscription = codec::decode(&value?)?;
        let Some(buyer) = sub.buyer else { continue };
        if sub.origin == Origin::SelfServicePurchase
            && !admins.contains(&buyer)
            && !left.contains(&buyer)
        {
            left.push(buyer);
            if left.len() == LEAVERS {
                break;
            }
        }
    }
    for id in left {
        if let Some(bytes) = t.users.get(id.as_bytes())? {
            let mut user: User = codec::decode(&bytes)?;
            user.enabled = false;
            t.users.insert(id.as_bytes(), encode(&user)?)?;
        }
    }
    Ok(())
}
