//! The deterministic demo tenant: the same seed and clock give the same tenant, at any size.
//!
//! It is built in a sibling directory and renamed into place at the end, so an interrupted
//! `selfserve demo` never leaves a half-built database behind.

use crate::catalogue;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::codec::{self, encode};
use crate::store::{database_exists, Store, Trees};
use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use uuid::Uuid;

pub const DEFAULT_USERS: usize = 250;
pub const DEFAULT_SEED: u64 = 42;
pub const DOMAIN: &str = "contoso.example";

#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub users: usize,
    pub seed: u64,
    pub now: DateTime<Utc>,
    /// The operating-system login bound to the GlobalAdministrator.
    pub login: String,
    pub force: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DemoSummary {
    pub path: PathBuf,
    pub tenant: String,
    pub users: u64,
    pub subscriptions: u64,
    pub assignments: u64,
    pub admin_login: String,
    pub admin_upn: String,
}

const FIRST: &[&str] = &[
    "Adèle",
    "Alex",
    "Amélie",
    "Ana",
    "Björn",
    "Camille",
    "Chloé",
    "Dmitri",
    "Élodie",
    "Emma",
    "Fatima",
    "François",
    "Grace",
    "Hélène",
    "Henrik",
    "Inès",
    "Isabella",
    "Jürgen",
    "Kofi",
    "Léa",
    "Lucas",
    "Maël",
    "María",
    "Mateo",
    "Noah",
    "Nuno",
    "Olga",
    "Oscar",
    "Priya",
    "Raphaël",
    "Renée",
    "Siobhán",
    "Søren",
    "Thomas",
    "Yasmine",
    "Zoë",
    "Ørjan",
    "Ngozi",
    "Ángel",
    "Ewa",
];
const LAST: &[&str] = &[
    "Dubois",
    "Müller",
    "Nguyễn",
    "García",
    "Øvergaard",
    "Łukasiewicz",
    "Çelik",
    "O'Brien",
    "Smith",
    "Johansson",
    "Rossi",
    "Kowalski",
    "Moreau",
    "Lefèvre",
    "Schäfer",
    "Novák",
    "Fernández",
    "Horváth",
    "Papadopoulos",
    "Bianchi",
    "Yılmaz",
    "Okafor",
    "Haddad",
    "Silva",
    "Brontë",
];
/// CJK names with the romanised form their UPN uses.
const CJK: &[(&str, &str)] = &[
    ("山田 太郎", "taro.yamada"),
    ("佐藤 花子", "hanako.sato"),
    ("田中 美咲", "misaki.tanaka"),
    ("李娜", "na.li"),
    ("王伟", "wei.wang"),
    ("陈静", "jing.chen"),
    ("김민준", "minjun.kim"),
    ("박서연", "seoyeon.park"),
];
const EMOJI: &[&str] = &["🚀", "🌻", "🎧", "☕", "🦊", "🌈", "👩‍💻"];
const DEPARTMENTS: &[&str] = &[
    "Finance",
    "Marketing",
    "Ventes",
    "R&D",
    "IT",
    "Opérations",
    "Juridique",
    "RH",
    "Support",
    "Design",
    "研究開発",
];
/// Products people tend to buy on their own, drawn more often.
const POPULAR: &[&str] = &[
    "CFQ7TTC0H9MP",
    "CFQ7TTC0HD33",
    "CFQ7TTC0LH3L",
    "CFQ7TTC0MM8R",
    "CFQ7TTC0LH2H",
];

/// Letters of the names above folded to the ASCII a UPN allows.
fn ascii_fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let folded = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'Å' => "a",
            'è' | 'é' | 'ê' | 'ë' | 'É' | 'ễ' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ı' => "i",
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ø' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ñ' => "n",
            'ç' | 'Ç' => "c",
            'ł' | 'Ł' => "l",
            'ß' => "ss",
            'ğ' => "g",
            'ş' => "s",
            'ā' => "a",
            c if c.is_ascii_alphanumeric() => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            _ => "",
        };
        out.push_str(folded);
    }
    out
}

fn new_id(rng: &mut ChaCha8Rng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

struct Person {
    display_name: String,
    upn_base: String,
}

fn person(rng: &mut ChaCha8Rng, index: usize) -> Person {
    // One name in the demo carries an escape sequence, as hostile data would: screens must strip it.
    if index == 13 {
        return Person {
            display_name: "Mallory \u{1b}[31mRed\u{1b}[0m Tables\u{7}".to_string(),
            upn_base: "mallory.tables".to_string(),
        };
    }
    if index == 21 {
        // A decomposed accent (e + combining acute): two code points, one column.
        return Person {
            display_name: "Rene\u{301}e Lefe\u{300}vre".to_string(),
            upn_base: "renee.lefevre".to_string(),
        };
    }
    let roll: u32 = rng.random_range(0..100);
    if roll < 10 {
        let (name, base) = CJK[rng.random_range(0..CJK.len())];
        return Person {
            display_name: name.to_string(),
            upn_base: base.to_string(),
        };
    }
    let first = FIRST[rng.random_range(0..FIRST.len())];
    let last = LAST[rng.random_range(0..LAST.len())];
    let mut display_name = format!("{first} {last}");
    if roll >= 96 {
        display_name.push(' ');
        display_name.push_str(EMOJI[rng.random_range(0..EMOJI.len())]);
    }
    Person {
        display_name,
        upn_base: format!("{}.{}", ascii_fold(first), ascii_fold(last)),
    }
}

/// Collects each tree's records, then writes them in key order: ids are random GUIDs, and sled
/// fills a tree many times faster appending at its end than inserting all over it.
struct Writer {
    t: Trees,
    pending: Vec<(sled::Tree, Vec<Record>)>,
}

/// A key and its value, as sled stores them.
type Record = (Vec<u8>, Vec<u8>);

impl Writer {
    fn new(t: Trees) -> Self {
        Writer {
            t,
            pending: Vec::new(),
        }
    }

    fn put(
        &mut self,
        tree: &sled::Tree,
        key: impl AsRef<[u8]>,
        value: impl AsRef<[u8]>,
    ) -> Result<()> {
        let slot = match self
            .pending
            .iter()
            .position(|(t, _)| t.name() == tree.name())
        {
            Some(i) => i,
            None => {
                self.pending.push((tree.clone(), Vec::new()));
                self.pending.len() - 1
            }
        };
        self.pending[slot]
            .1
            .push((key.as_ref().to_vec(), value.as_ref().to_vec()));
        Ok(())
    }

    /// Writes everything. sled holds on to memory for what it wrote until the database is closed,
    /// so every `REOPEN_EVERY` records it is closed and opened again.
    fn finish(self, path: &Path) -> Result<()> {
        const REOPEN_EVERY: usize = 500_000;
        let Writer { t, pending } = self;
        drop(t);
        let pending: Vec<(sled::IVec, Vec<Record>)> = pending
            .into_iter()
            .map(|(tree, records)| (tree.name(), records))
            .collect();
        for (name, mut records) in pending {
            records.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            for cycle in records.chunks(REOPEN_EVERY) {
                let (db, _) = Store::create_empty(path)?;
                let tree = db.open_tree(&name)?;
                for chunk in cycle.chunks(50_000) {
                    let mut batch = sled::Batch::default();
                    for (k, v) in chunk {
                        batch.insert(k.as_slice(), v.as_slice());
                    }
                    tree.apply_batch(batch)?;
                }
                db.flush()?;
            }
        }
        Ok(())
    }
}

struct Builder {
    rng: ChaCha8Rng,
    now: DateTime<Utc>,
    today: NaiveDate,
    currency: String,
    products: Vec<Product>,
    user_ids: Vec<UserId>,
    enabled: Vec<bool>,
    /// (user index, product index) pairs that hold a license: one license per product.
    held: HashSet<u64>,
    subscriptions: u64,
    assignments: u64,
}

impl Builder {
    fn holds(&self, user: usize, product: usize) -> bool {
        self.held.contains(&((user as u64) << 5 | product as u64))
    }

    fn hold(&mut self, user: usize, product: usize) {
        self.held.insert((user as u64) << 5 | product as u64);
    }

    /// A random enabled user without a license of `product`, if one turns up quickly.
    fn free_user(&mut self, product: usize) -> Option<usize> {
        for _ in 0..40 {
            let u = self.rng.random_range(0..self.user_ids.len());
            if self.enabled[u] && !self.holds(u, product) {
                return Some(u);
            }
        }
        None
    }

    fn write_subscription(
        &mut self,
        w: &mut Writer,
        mut sub: Subscription,
        product: usize,
        users: &[usize],
    ) -> Result<()> {
        let t = w.t.clone();
        let assigned_at = (sub.start.and_hms_opt(9, 0, 0).unwrap_or_default()).and_utc();
        for &u in users {
            self.hold(u, product);
            let a = Assignment {
                subscription: sub.id,
                user: self.user_ids[u],
                assigned_at,
            };
            w.put(
                &t.assignments,
                codec::key(&[sub.id.as_bytes(), a.user.as_bytes()]),
                encode(&a)?,
            )?;
            w.put(
                &t.assignments_by_user,
                codec::key(&[a.user.as_bytes(), sub.id.as_bytes()]),
                [],
            )?;
        }
        sub.assigned = users.len() as u32;
        self.assignments += users.len() as u64;
        self.subscriptions += 1;
        w.put(
            &t.subs_by_product,
            codec::product_key(&sub.product_id.0, sub.id.as_bytes()),
            [],
        )?;
        if let Some(b) = sub.buyer {
            w.put(
                &t.subs_by_buyer,
                codec::key(&[b.as_bytes(), sub.id.as_bytes()]),
                [],
            )?;
        }
        w.put(&t.subscriptions, sub.id.as_bytes(), encode(&sub)?)?;
        Ok(())
    }

    fn self_service(
        &mut self,
        w: &mut Writer,
        product: usize,
        taken_over_by: UserId,
    ) -> Result<()> {
        let p = self.products[product].clone();
        let rng = &mut self.rng;
        let id = SubscriptionId(new_id(rng));
        let trial = rng.random_bool(0.4);
        let cardless = trial && p.trial_without_payment_method && rng.random_bool(0.6);
        let term = if !trial && rng.random_bool(0.3) {
            Term::Annual
        } else {
            Term::Monthly
        };
        let last4 = format!("{:04}", rng.random_range(0..10_000u32));
        let payment_method = if cardless {
            PaymentMethod::None
        } else {
            PaymentMethod::Card { last4 }
        };
        let quantity: u32 = if trial {
            25
        } else {
            [1, 1, 1, 2, 3, 5, 5, 10, 10, 15, 20][rng.random_range(0..11)]
        };
        let price_minor = if cardless { 0 } else { p.list_price(term) };
        let days_in_term: u64 = if trial {
            u64::from(p.trial_days)
        } else if term == Term::Annual {
            365
        } else {
            30
        };
        let roll: u32 = rng.random_range(0..100);
        let (status, expires) = match roll {
            0..=7 => (
                Status::Expired,
                self.today - Days::new(rng.random_range(1..30)),
            ),
            8..=12 => (
                Status::Disabled,
                self.today - Days::new(rng.random_range(31..119)),
            ),
            13..=16 => (
                Status::Deleted,
                self.today - Days::new(rng.random_range(0..60)),
            ),
            _ => (
                Status::Active,
                self.today + Days::new(rng.random_range(1..=days_in_term)),
            ),
        };
        let start = if trial {
            expires - Days::new(u64::from(p.trial_days))
        } else {
            expires
                .checked_sub_months(Months::new(term.months()))
                .unwrap_or(expires)
        };
        let status_since = match status {
            Status::Active => start,
            Status::Expired => expires,
            Status::Disabled => expires + Days::new(30),
            Status::Deleted => self.today - Days::new(rng.random_range(0..30)),
        };
        let buyer = loop {
            let u = rng.random_range(0..self.user_ids.len());
            if self.enabled[u] {
                break u;
            }
        };
        let cancellation = (status == Status::Deleted)
            .then(|| CancelReason::ALL[rng.random_range(0..CancelReason::ALL.len())]);
        let taken_over = (status == Status::Deleted
            || (status == Status::Active && rng.random_bool(0.05)))
        .then(|| TakeOver {
            by: taken_over_by,
            at: self.now - chrono::Duration::days(rng.random_range(1..20)),
        });
        let auto_renew = status == Status::Active && !cardless;
        let wanted = if status == Status::Deleted {
            0
        } else {
            let most = quantity.min(8) as usize;
            rng.random_range(1..=most)
        };
        let mut users = Vec::with_capacity(wanted);
        if wanted > 0 && !self.holds(buyer, product) {
            users.push(buyer);
        }
        while users.len() < wanted {
            match self.free_user(product) {
                Some(u) if !users.contains(&u) => users.push(u),
                Some(_) => continue,
                None => break,
            }
        }
        let sub = Subscription {
            id,
            product_id: p.id.clone(),
            origin: if trial {
                Origin::SelfServiceTrial
            } else {
                Origin::SelfServicePurchase
            },
            buyer: Some(self.user_ids[buyer]),
            quantity,
            assigned: 0,
            price: Price {
                amount: Money::new(price_minor, &self.currency),
                term,
            },
            start,
            expires,
            auto_renew,
            payment_method,
            status,
            status_since,
            taken_over,
            cancellation,
        };
        self.write_subscription(w, sub, product, &users)
    }

    /// A central subscription paid by invoice: `roomy` ones leave free licenses so moves succeed,
    /// the others are nearly full so moves are refused.
    fn central(&mut self, w: &mut Writer, product: usize, roomy: bool, base: u32) -> Result<()> {
        let p = self.products[product].clone();
        let id = SubscriptionId(new_id(&mut self.rng));
        let wanted = self.rng.random_range(base / 2..=base) as usize;
        let mut users = Vec::with_capacity(wanted);
        while users.len() < wanted {
            match self.free_user(product) {
                Some(u) if !users.contains(&u) => users.push(u),
                Some(_) => continue,
                None => break,
            }
        }
        let free = if roomy {
            base
        } else {
            self.rng.random_range(0..=1)
        };
        let expires = self.today + Days::new(self.rng.random_range(30..330));
        let sub = Subscription {
            id,
            product_id: p.id.clone(),
            origin: Origin::Central,
            buyer: None,
            quantity: users.len() as u32 + free,
            assigned: 0,
            price: Price {
                amount: Money::new(p.annual_price, &self.currency),
                term: Term::Annual,
            },
            start: expires
                .checked_sub_months(Months::new(12))
                .unwrap_or(expires),
            expires,
            auto_renew: true,
            payment_method: PaymentMethod::Invoice,
            status: Status::Active,
            status_since: expires
                .checked_sub_months(Months::new(12))
                .unwrap_or(expires),
            taken_over: None,
            cancellation: None,
        };
        self.write_subscription(w, sub, product, &users)
    }
}

/// Builds the demo tenant at `path`. Refuses to replace a database unless `force`.
pub fn create_demo(
    path: &Path,
    opts: &DemoOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<DemoSummary> {
    if opts.users < 10 {
        return Err(Error::Usage(
            "the demo needs at least 10 users; pass a larger --users".into(),
        ));
    }
    if opts.users > 20_000_000 {
        return Err(Error::Usage(
            "the demo goes up to 20,000,000 users; pass a smaller --users".into(),
        ));
    }
    let exists = database_exists(path);
    if exists && !opts.force {
        return Err(Error::Refused(format!(
            "a database already exists at {}; pass --force to replace it with a demo tenant",
            path.display()
        )));
    }
    if exists {
        // Nothing is replaced while another process holds the database.
        crate::store::ensure_not_locked(path)?;
    }
    let building = sibling(path, "building");
    let _ = std::fs::remove_dir_all(&building);
    let summary = build(&building, opts, progress);
    let summary = match summary {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&building);
            return Err(e);
        }
    };
    let old = sibling(path, "replaced");
    if exists {
        std::fs::rename(path, &old).map_err(|e| io_error(path, e))?;
    } else if path.exists() {
        // An empty or foreign directory without a database: replace only if empty.
        std::fs::remove_dir(path).map_err(|e| io_error(path, e))?;
    }
    std::fs::rename(&building, path).map_err(|e| io_error(path, e))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(DemoSummary {
        path: path.to_path_buf(),
        ..summary
    })
}

fn sibling(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "selfserve".into());
    path.with_file_name(format!(".{name}.{what}-{}", std::process::id()))
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::Database(format!(
        "cannot put the demo database at {}: {e}; check the path and its permissions",
        path.display()
    ))
}

fn build(path: &Path, opts: &DemoOptions, progress: &mut dyn FnMut(&str)) -> Result<DemoSummary> {
    let (db, t) = Store::create_empty(path)?;
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let today = opts.now.date_naive();
    let tenant = Tenant {
        id: TenantId(new_id(&mut rng)),
        display_name: "Contoso (demo)".to_string(),
        currency: "EUR".to_string(),
        cloud: Cloud::Global,
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

    progress(&format!("creating {} users", opts.users));
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
                let p = person(&mut rng, i);
                let dept = DEPARTMENTS[rng.random_range(0..DEPARTMENTS.len())].to_string();
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
    progress("creating central subscriptions");
    let base = (opts.users / 25).max(10) as u32;
    for product in 0..b.products.len() {
        if product % 3 != 2 {
            let roomy = product % 2 == 0;
            b.central(&mut w, product, roomy, base)?;
        }
    }
    let self_service = (opts.users * 3 / 10).max(60);
    progress(&format!(
        "creating {self_service} self-service subscriptions"
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
    progress("writing");
    let admin_upn = admin_ids[0].1.clone();
    let event = AuditEvent {
        id: db.generate_id()?,
        at: opts.now,
        actor: admin_upn.clone(),
        action: "tenant.create-demo".to_string(),
        target: tenant.display_name.clone(),
        before: None,
        after: Some(format!(
            "{} users, {} subscriptions, {} license assignments (seed {})",
            opts.users, b.subscriptions, b.assignments, opts.seed
        )),
    };
    w.put(&t.audit, event.id.to_be_bytes(), encode(&event)?)?;
    drop((db, t));
    w.finish(path)?;
    let (db, t) = Store::create_empty(path)?;
    Store::write_meta(&t, &tenant)?;
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
