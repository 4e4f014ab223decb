//! The sled store: one tree per kind of record plus the secondary indexes the reads need.
//!
//! Nothing outside this crate touches the trees; reads go through `query`, writes through `ops`.

pub mod codec;
mod disk;
mod durable;
pub(crate) mod governance;
pub(crate) mod index;
mod open;
pub mod place;
pub mod replace;
pub mod snapshots;
pub mod staged;
mod tx;

pub(crate) use disk::{io_failure, sled_failure};
pub(crate) use durable::{sync_database, sync_dir};
pub use open::{database_exists, default_cache_bytes};
pub use replace::{create_or_replace, Overwrite};
pub use tx::{abort, Tx, TxResult};

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::*;
use codec::{decode, encode};
use std::path::{Path, PathBuf};

/// Bumped whenever the encoding of a record changes; a newer database is refused.
pub const SCHEMA_VERSION: u32 = 1;

pub(crate) const META_SCHEMA: &[u8] = b"schema_version";
pub(crate) const META_TENANT: &[u8] = b"tenant";
/// The tenant's language (`en` or `fr`), in which the core writes its e-mails; absent = `en`
/// (databases made before it existed). Kept beside the tenant record, whose encoding stays.
pub(crate) const META_LANGUAGE: &[u8] = b"language";
/// Whether administrators get a notice of each self-service purchase and trial (`on`/`off`);
/// absent = on (databases made before the setting open unchanged).
pub(crate) const META_PURCHASE_NOTICE: &[u8] = b"purchase_notice";
/// How many writes have been committed: a big-endian u64, absent before the first.
pub(crate) const META_REVISION: &[u8] = b"revision";
/// Prefix of the meta keys holding, per user (key: prefix ++ user id), the products the
/// directory says they are licensed for (`import users`), one id a line; `import assignments`
/// places the ones no subscription holds yet. Kept in meta so no record's encoding changes.
pub(crate) const META_LICENSES: &[u8] = b"licenses/";

/// The products of a `META_LICENSES` value.
pub(crate) fn licenses_of(stored: &[u8]) -> Vec<ProductId> {
    String::from_utf8_lossy(stored)
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| ProductId(l.to_string()))
        .collect()
}

/// The revision stored under `META_REVISION`.
pub(crate) fn revision_of(stored: Option<&[u8]>) -> Result<u64> {
    match stored {
        None => Ok(0),
        Some(bytes) => <[u8; 8]>::try_from(bytes)
            .map(u64::from_be_bytes)
            .map_err(|_| Error::database(crate::text!("error-revision-damaged"))),
    }
}

/// The language stored under `META_LANGUAGE`.
pub(crate) fn language_of(stored: Option<&[u8]>) -> Result<Lang> {
    match stored {
        None | Some(b"en") => Ok(Lang::En),
        Some(b"fr") => Ok(Lang::Fr),
        Some(_) => Err(Error::database(crate::text!("mail-language-damaged"))),
    }
}

/// The purchase notice setting stored under `META_PURCHASE_NOTICE`.
pub(crate) fn purchase_notice_of(stored: Option<&[u8]>) -> Result<bool> {
    match stored {
        None | Some(b"on") => Ok(true),
        Some(b"off") => Ok(false),
        Some(_) => Err(Error::database(crate::text!("spend-notice-damaged"))),
    }
}

/// An e-mail as the outbox tree stores it: the encoding of the first databases, kept (postcard
/// records have no field names, so a new field would make older records unreadable). Its
/// `delivery` is what it was written with; the `deliveries` tree says what became of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct StoredEmail {
    pub id: u64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub kind: EmailKind,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub delivery: Delivery,
}

/// What the `deliveries` tree keeps of an e-mail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct StoredDelivery {
    pub state: Delivery,
    pub status: DeliveryStatus,
}

impl StoredEmail {
    pub(crate) fn of(email: &Email) -> StoredEmail {
        StoredEmail {
            id: email.id,
            to: email.to.clone(),
            subject: email.subject.clone(),
            body: email.body.clone(),
            kind: email.kind,
            created_at: email.created_at,
            delivery: email.delivery,
        }
    }

    /// The e-mail with its Message-ID and its delivery record (`None`: never tried).
    pub(crate) fn with(self, tenant: TenantId, delivery: Option<&[u8]>) -> Result<Email> {
        let (state, status) = match delivery {
            Some(bytes) => {
                let d: StoredDelivery = decode(bytes)?;
                (d.state, d.status)
            }
            None => (self.delivery, DeliveryStatus::default()),
        };
        Ok(Email {
            message_id: message_id(tenant, self.id),
            id: self.id,
            to: self.to,
            subject: self.subject,
            body: self.body,
            kind: self.kind,
            created_at: self.created_at,
            delivery: state,
            status,
        })
    }
}

/// Handles to every tree. Cloning is cheap (sled trees are reference-counted).
#[derive(Clone)]
pub(crate) struct Trees {
    pub meta: sled::Tree,
    pub products: sled::Tree,
    pub policies: sled::Tree,
    pub users: sled::Tree,
    pub users_by_upn: sled::Tree,
    pub subscriptions: sled::Tree,
    pub subs_by_product: sled::Tree,
    pub subs_by_buyer: sled::Tree,
    /// Key: subscription id ++ user id; value: the assignment. Doubles as "by subscription".
    pub assignments: sled::Tree,
    /// Key: user id ++ subscription id; empty value.
    pub assignments_by_user: sled::Tree,
    pub admins: sled::Tree,
    pub outbox: sled::Tree,
    /// Key: e-mail id (big-endian u64); value: its `StoredDelivery`. Absent: pending, never
    /// tried. Apart from the outbox so that e-mails stored before delivery keep their encoding.
    pub deliveries: sled::Tree,
    pub audit: sled::Tree,
    /// A write too large for one transaction, before and while it is applied (staged.rs).
    /// Not in a backup: a backup is taken between writes.
    pub staged: sled::Tree,
}

impl Trees {
    /// Every tree with its name, in a fixed order: what a backup holds.
    pub(crate) fn named(&self) -> [(&'static str, &sled::Tree); 13] {
        [
            ("meta", &self.meta),
            ("products", &self.products),
            ("policies", &self.policies),
            ("users", &self.users),
            ("users_by_upn", &self.users_by_upn),
            ("subscriptions", &self.subscriptions),
            ("subs_by_product", &self.subs_by_product),
            ("subs_by_buyer", &self.subs_by_buyer),
            ("assignments", &self.assignments),
            ("assignments_by_user", &self.assignments_by_user),
            ("admins", &self.admins),
            ("outbox", &self.outbox),
            ("audit", &self.audit),
        ]
    }

    pub(crate) fn open(db: &sled::Db) -> Result<Trees> {
        Ok(Trees {
            meta: db.open_tree("meta")?,
            products: db.open_tree("products")?,
            policies: db.open_tree("policies")?,
            users: db.open_tree("users")?,
            users_by_upn: db.open_tree("users_by_upn")?,
            subscriptions: db.open_tree("subscriptions")?,
            subs_by_product: db.open_tree("subs_by_product")?,
            subs_by_buyer: db.open_tree("subs_by_buyer")?,
            assignments: db.open_tree("assignments")?,
            assignments_by_user: db.open_tree("assignments_by_user")?,
            admins: db.open_tree("admins")?,
            outbox: db.open_tree("outbox")?,
            deliveries: db.open_tree("deliveries")?,
            audit: db.open_tree("audit")?,
            staged: db.open_tree("staged")?,
        })
    }
}

/// An open selfserve database. One per process: sled admits a single owner.
pub struct Store {
    db: sled::Db,
    path: PathBuf,
    pub(crate) t: Trees,
    tenant: Tenant,
    data: durable::DataFile,
}

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn tenant(&self) -> &Tenant {
        &self.tenant
    }

    /// Waits until everything written so far is on the disk itself: sled's flush, then an
    /// fsync of its data file (see durable.rs).
    pub fn flush(&self) -> Result<()> {
        self.db
            .flush()
            .map_err(|e| disk::sled_failure(&self.path, e))?;
        self.data.sync(&self.path)
    }

    /// The number of writes committed so far (each `transact` is one).
    pub fn revision(&self) -> Result<u64> {
        revision_of(self.t.meta.get(META_REVISION)?.as_deref())
    }

    /// Whether administrators get a notice of each self-service purchase and trial (on where
    /// never set).
    pub fn purchase_notice(&self) -> Result<bool> {
        purchase_notice_of(self.t.meta.get(META_PURCHASE_NOTICE)?.as_deref())
    }

    /// The tenant's language: the e-mails' language (`en` where never set).
    pub fn language(&self) -> Result<Lang> {
        language_of(self.t.meta.get(META_LANGUAGE)?.as_deref())
    }

    /// Bytes the database occupies on disk.
    pub fn size_on_disk(&self) -> Result<u64> {
        Ok(self.db.size_on_disk()?)
    }

    pub fn product(&self, id: &str) -> Result<Product> {
        match self
            .t
            .products
            .get(id.trim().to_ascii_uppercase().as_bytes())?
        {
            Some(bytes) => decode(&bytes),
            None => Err(Error::not_found(crate::text!(
                "error-no-product",
                id = id.escape_debug().to_string()
            ))),
        }
    }

    /// Every product, by name.
    pub fn products(&self) -> Result<Vec<Product>> {
        let mut products: Vec<Product> = self
            .t
            .products
            .iter()
            .values()
            .map(|v| decode(&v?))
            .collect::<Result<_>>()?;
        products.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(products)
    }

    pub fn policy(&self, product: &ProductId) -> Result<PolicyValue> {
        match self.t.policies.get(product.0.as_bytes())? {
            Some(bytes) => decode(&bytes),
            // New products default to Enabled (SPEC §1).
            None => Ok(PolicyValue::Enabled),
        }
    }

    pub fn user(&self, id: UserId) -> Result<Option<User>> {
        self.t
            .users
            .get(id.as_bytes())?
            .map(|v| decode(&v))
            .transpose()
    }

    /// The users of `ids` (in id order, no repeats) that exist, in id order. One walk along the
    /// directory's keys, seeking afresh only past a few keys without a wanted one: as fast as a
    /// scan where many are wanted (the spend report names 300,000 buyers of 1,000,000 users), as
    /// a look-up each where few are.
    pub fn users_among(&self, ids: &[UserId]) -> Result<Vec<User>> {
        // Keys read before seeking: a seek walks the tree from its root.
        const STEPS: usize = 4;
        let mut out = Vec::new();
        let mut walk: Option<sled::Iter> = None;
        // The first key of the walk not yet passed, with its value.
        let mut head: Option<(sled::IVec, sled::IVec)> = None;
        for id in ids {
            let want: &[u8] = id.as_bytes();
            let mut steps = 0;
            loop {
                if head.as_ref().is_some_and(|(k, _)| &k[..] >= want) {
                    break;
                }
                match walk.as_mut() {
                    Some(w) if steps < STEPS => {
                        head = w.next().transpose()?;
                        steps += 1;
                        if head.is_none() {
                            break;
                        }
                    }
                    _ => {
                        let mut w = self.t.users.range(want..);
                        head = w.next().transpose()?;
                        walk = Some(w);
                        break;
                    }
                }
            }
            if let Some((k, v)) = &head {
                if &k[..] == want {
                    out.push(decode(v)?);
                }
            }
        }
        Ok(out)
    }

    pub fn user_by_upn(&self, upn: &str) -> Result<User> {
        let not_found = || {
            Error::not_found(crate::text!(
                "error-no-user-upn",
                upn = upn.escape_debug().to_string()
            ))
        };
        let id = self
            .t
            .users_by_upn
            .get(codec::upn_key(upn))?
            .ok_or_else(not_found)?;
        let id = UserId::from_slice(&id).ok_or_else(not_found)?;
        self.user(id)?.ok_or_else(not_found)
    }

    pub fn users_count(&self) -> usize {
        self.t.users.len()
    }

    /// Every directory user, in id order.
    pub fn users(&self) -> impl Iterator<Item = Result<User>> + '_ {
        self.t
            .users
            .iter()
            .values()
            .map(|v| v.map_err(Error::from).and_then(|v| decode(&v)))
    }

    pub fn subscription(&self, id: SubscriptionId) -> Result<Option<Subscription>> {
        self.t
            .subscriptions
            .get(id.as_bytes())?
            .map(|v| decode(&v))
            .transpose()
    }

    /// Every subscription, in id order.
    pub fn subscriptions(&self) -> impl Iterator<Item = Result<Subscription>> + '_ {
        self.t
            .subscriptions
            .iter()
            .values()
            .map(|v| v.map_err(Error::from).and_then(|v| decode(&v)))
    }

    /// The subscriptions of one product, through the product index.
    pub fn subscriptions_of_product(&self, product: &ProductId) -> Result<Vec<Subscription>> {
        let mut out = Vec::new();
        for key in self
            .t
            .subs_by_product
            .scan_prefix(codec::product_prefix(&product.0))
            .keys()
        {
            let key = key?;
            let id = &key[key.len().saturating_sub(16)..];
            if let Some(v) = self.t.subscriptions.get(id)? {
                out.push(decode(&v)?);
            }
        }
        Ok(out)
    }

    /// The subscriptions one user bought, through the buyer index.
    pub fn subscriptions_of_buyer(&self, buyer: UserId) -> Result<Vec<Subscription>> {
        let mut out = Vec::new();
        for key in self.t.subs_by_buyer.scan_prefix(buyer.as_bytes()).keys() {
            let key = key?;
            if let Some(v) = self.t.subscriptions.get(&key[16..])? {
                out.push(decode(&v)?);
            }
        }
        Ok(out)
    }

    /// Finds a subscription by its id or a unique prefix of at least 4 hex digits.
    pub fn resolve_subscription(&self, text: &str) -> Result<Subscription> {
        let hex: String = text.trim().chars().filter(|c| *c != '-').collect();
        if hex.len() < 4 || hex.len() > 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::usage(crate::text!(
                "error-not-a-subscription-id",
                given = text.escape_debug().to_string()
            )));
        }
        let hex = hex.to_ascii_lowercase();
        let whole_bytes = hex.len() / 2;
        let mut prefix = Vec::with_capacity(whole_bytes);
        for i in 0..whole_bytes {
            prefix.push(u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or_default());
        }
        let mut found: Option<Subscription> = None;
        for item in self.t.subscriptions.scan_prefix(&prefix) {
            let (key, value) = item?;
            let key_hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
            if !key_hex.starts_with(&hex) {
                continue;
            }
            if found.is_some() {
                return Err(Error::usage(crate::text!(
                    "error-subscription-prefix-ambiguous",
                    given = text.escape_debug().to_string()
                )));
            }
            found = Some(decode(&value)?);
        }
        found.ok_or_else(|| {
            Error::not_found(crate::text!(
                "error-no-subscription-match",
                given = text.escape_debug().to_string()
            ))
        })
    }

    /// Assignments of one subscription, in user-id order.
    pub fn assignments_of(&self, sub: SubscriptionId) -> Result<Vec<Assignment>> {
        self.t
            .assignments
            .scan_prefix(sub.as_bytes())
            .values()
            .map(|v| decode(&v?))
            .collect()
    }

    /// Every user's products as the directory last said (`import users`), by user id.
    pub fn directory_licenses(&self) -> Result<Vec<(UserId, Vec<ProductId>)>> {
        let mut out = Vec::new();
        for pair in self.t.meta.scan_prefix(META_LICENSES) {
            let (key, value) = pair?;
            let user = UserId::from_slice(&key[META_LICENSES.len()..])
                .ok_or_else(|| Error::database(crate::text!("error-license-index-malformed")))?;
            out.push((user, licenses_of(&value)));
        }
        Ok(out)
    }

    /// One user's products as the directory last said (`import users`).
    pub fn directory_licenses_of(&self, user: UserId) -> Result<Vec<ProductId>> {
        let key = [META_LICENSES, user.as_bytes()].concat();
        Ok(self
            .t
            .meta
            .get(key)?
            .map_or_else(Vec::new, |v| licenses_of(&v)))
    }

    /// The users holding a license of one subscription, in user-id order, from the keys alone:
    /// no assignment is decoded (the spend report reads every self-service subscription's).
    pub fn assigned_users(&self, sub: SubscriptionId) -> Result<Vec<UserId>> {
        self.t
            .assignments
            .scan_prefix(sub.as_bytes())
            .keys()
            .map(|k| {
                let k = k?;
                UserId::from_slice(&k[k.len().saturating_sub(16)..])
                    .ok_or_else(|| Error::database(crate::text!("error-license-index-malformed")))
            })
            .collect()
    }

    /// The subscriptions a user holds a license of.
    pub fn licenses_of_user(&self, user: UserId) -> Result<Vec<SubscriptionId>> {
        self.t
            .assignments_by_user
            .scan_prefix(user.as_bytes())
            .keys()
            .map(|k| {
                let k = k?;
                SubscriptionId::from_slice(&k[16..])
                    .ok_or_else(|| Error::database(crate::text!("error-license-index-malformed")))
            })
            .collect()
    }

    pub fn admins(&self) -> Result<Vec<Admin>> {
        self.t.admins.iter().values().map(|v| decode(&v?)).collect()
    }

    pub fn admin_by_login(&self, login: &str) -> Result<Option<Admin>> {
        self.t
            .admins
            .get(login.as_bytes())?
            .map(|v| decode(&v))
            .transpose()
    }

    /// Outbox e-mails, oldest first, each with its delivery.
    pub fn outbox(&self) -> impl DoubleEndedIterator<Item = Result<Email>> + '_ {
        self.t.outbox.iter().values().map(|v| {
            let stored: StoredEmail = decode(&v?)?;
            let delivery = self.t.deliveries.get(stored.id.to_be_bytes())?;
            stored.with(self.tenant.id, delivery.as_deref())
        })
    }

    /// One e-mail of the outbox, by id, with its delivery.
    pub fn email(&self, id: u64) -> Result<Option<Email>> {
        match self.t.outbox.get(id.to_be_bytes())? {
            Some(bytes) => {
                let delivery = self.t.deliveries.get(id.to_be_bytes())?;
                decode::<StoredEmail>(&bytes)?
                    .with(self.tenant.id, delivery.as_deref())
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    /// Audit events, oldest first.
    pub fn audit(&self) -> impl DoubleEndedIterator<Item = Result<AuditEvent>> + '_ {
        self.t
            .audit
            .iter()
            .values()
            .map(|v| v.map_err(Error::from).and_then(|v| decode(&v)))
    }

    pub(crate) fn write_meta(t: &Trees, tenant: &Tenant) -> Result<()> {
        t.meta.insert(META_SCHEMA, &SCHEMA_VERSION.to_be_bytes())?;
        t.meta.insert(META_TENANT, encode(tenant)?)?;
        Ok(())
    }

    /// Sets a new tenant's language, before anyone acts in it (the demo's creation).
    pub(crate) fn write_language(t: &Trees, lang: Lang) -> Result<()> {
        t.meta.insert(META_LANGUAGE, lang.code().as_bytes())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use serde::Serialize;

    /// `Email` as the databases made before delivery stored it.
    #[derive(Serialize)]
    struct EmailBeforeDelivery {
        id: u64,
        to: String,
        subject: String,
        body: String,
        kind: EmailKind,
        created_at: DateTime<Utc>,
        delivery: Delivery,
    }

    #[test]
    fn an_email_stored_before_delivery_reads_as_pending_with_its_message_id() {
        let at: DateTime<Utc> = "2026-11-23T12:00:00Z".parse().expect("time");
        let old = EmailBeforeDelivery {
            id: 7,
            to: "bjorn@contoso.example".into(),
            subject: "Hello".into(),
            body: "Body\n".into(),
            kind: EmailKind::Renewed,
            created_at: at,
            delivery: Delivery::Pending,
        };
        let bytes = encode(&old).expect("encode");
        let stored: StoredEmail = decode(&bytes).expect("the old record still decodes");
        assert_eq!(
            encode(&stored).expect("encode"),
            bytes,
            "and encodes the same"
        );
        let tenant = TenantId(uuid::Uuid::nil());
        let email = stored.with(tenant, None).expect("email");
        assert_eq!(email.delivery, Delivery::Pending);
        assert_eq!(email.status, DeliveryStatus::default());
        assert_eq!(
            email.message_id,
            "7.00000000000000000000000000000000@selfserve"
        );
        let record = StoredDelivery {
            state: Delivery::Failed,
            status: DeliveryStatus {
                attempts: 2,
                last_error: Some("550 no".into()),
                ..DeliveryStatus::default()
            },
        };
        let email = decode::<StoredEmail>(&bytes)
            .expect("decode")
            .with(tenant, Some(&encode(&record).expect("encode")))
            .expect("email");
        assert_eq!(email.delivery, Delivery::Failed);
        assert_eq!(email.status.attempts, 2);
    }
}
