//! The one write path: every change, its indexes, its audit event and its e-mails in a single
//! sled transaction, flushed and fsynced to disk before the caller hears it is done (SPEC §2
//! rule 9).
//!
//! sled may run the closure more than once: it must only read and write through `Tx`.
//! It cannot scan ranges: read the keys you need before, and re-check them inside.

use super::codec::{self, decode, encode};
use super::index::{self, Index};
use super::{
    language_of, licenses_of, purchase_notice_of, revision_of, Store, StoredDelivery, StoredEmail,
    META_LANGUAGE, META_LICENSES, META_PURCHASE_NOTICE, META_REVISION,
};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::*;
use sled::transaction::{
    ConflictableTransactionError, TransactionError, Transactional, TransactionalTree,
};

/// Inside a transaction, sled's own errors must pass through untouched so it can retry.
pub type TxResult<T> = std::result::Result<T, ConflictableTransactionError<Error>>;

/// Ends the transaction with a rule's refusal (or any core error); nothing is written.
pub fn abort<T>(e: Error) -> TxResult<T> {
    Err(ConflictableTransactionError::Abort(e))
}

/// The trees, as one transaction sees them.
pub struct Tx {
    pub(crate) products: TransactionalTree,
    pub(crate) policies: TransactionalTree,
    pub(crate) users: TransactionalTree,
    pub(crate) users_by_upn: TransactionalTree,
    pub(crate) subscriptions: TransactionalTree,
    pub(crate) subs_by_product: TransactionalTree,
    pub(crate) subs_by_buyer: TransactionalTree,
    pub(crate) assignments: TransactionalTree,
    pub(crate) assignments_by_user: TransactionalTree,
    pub(crate) admins: TransactionalTree,
    pub(crate) outbox: TransactionalTree,
    pub(crate) deliveries: TransactionalTree,
    pub(crate) audit: TransactionalTree,
    /// The tenant's settings (language, purchase notice, policy settings: store/governance.rs);
    /// the revision is `transact`'s.
    pub(crate) meta: TransactionalTree,
}

fn dec<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> TxResult<T> {
    decode(bytes).map_err(ConflictableTransactionError::Abort)
}

fn enc<T: serde::Serialize>(value: &T) -> TxResult<Vec<u8>> {
    encode(value).map_err(ConflictableTransactionError::Abort)
}

impl Store {
    /// Runs `f` as one atomic transaction over every tree, then flushes. The database's revision
    /// moves in the same transaction, so a revision number always names a committed state.
    pub fn transact<T>(&self, f: impl Fn(&Tx) -> TxResult<T>) -> Result<T> {
        let value = self.transact_unflushed(f)?;
        self.flush()?;
        Ok(value)
    }

    /// `transact` without the flush: for the slices of a staged write, flushed once at its end
    /// (store/staged.rs), whose marker makes a slice lost in a crash be applied again.
    pub(crate) fn transact_unflushed<T>(&self, f: impl Fn(&Tx) -> TxResult<T>) -> Result<T> {
        let t = &self.t;
        let trees = [
            &t.products,
            &t.policies,
            &t.users,
            &t.subscriptions,
            &t.subs_by_product,
            &t.subs_by_buyer,
            &t.assignments,
            &t.assignments_by_user,
            &t.admins,
            &t.outbox,
            &t.audit,
            &t.meta,
            &t.users_by_upn,
            &t.deliveries,
        ];
        let outcome = trees[..].transaction(|v: &Vec<TransactionalTree>| {
            let tx = Tx {
                products: v[0].clone(),
                policies: v[1].clone(),
                users: v[2].clone(),
                subscriptions: v[3].clone(),
                subs_by_product: v[4].clone(),
                subs_by_buyer: v[5].clone(),
                assignments: v[6].clone(),
                assignments_by_user: v[7].clone(),
                admins: v[8].clone(),
                outbox: v[9].clone(),
                audit: v[10].clone(),
                meta: v[11].clone(),
                users_by_upn: v[12].clone(),
                deliveries: v[13].clone(),
            };
            let value = f(&tx)?;
            let revision = revision_of(v[11].get(META_REVISION)?.as_deref())
                .map_err(ConflictableTransactionError::Abort)?;
            v[11].insert(META_REVISION, &(revision + 1).to_be_bytes())?;
            Ok(value)
        });
        match outcome {
            Ok(value) => Ok(value),
            Err(TransactionError::Abort(e)) => Err(e),
            Err(TransactionError::Storage(e)) => Err(super::disk::sled_failure(&self.path, e)),
        }
    }
}

impl Tx {
    fn index(&self, index: Index) -> &TransactionalTree {
        match index {
            Index::SubsByProduct => &self.subs_by_product,
            Index::SubsByBuyer => &self.subs_by_buyer,
            Index::AssignmentsByUser => &self.assignments_by_user,
        }
    }

    pub fn subscription(&self, id: SubscriptionId) -> TxResult<Option<Subscription>> {
        self.subscriptions
            .get(id.as_bytes())?
            .map(|v| dec(&v))
            .transpose()
    }

    /// Writes a subscription and keeps the product and buyer indexes in step with it.
    pub fn put_subscription(&self, sub: &Subscription) -> TxResult<()> {
        let entries = index::subscription(sub);
        if let Some(old) = self.subscription(sub.id)? {
            // A changed product or buyer moves the subscription to another key.
            for stale in index::subscription(&old) {
                if !entries.contains(&stale) {
                    self.index(stale.index).remove(stale.key)?;
                }
            }
        }
        for entry in entries {
            self.index(entry.index).insert(entry.key, &[])?;
        }
        self.subscriptions.insert(sub.id.as_bytes(), enc(sub)?)?;
        Ok(())
    }

    pub fn user(&self, id: UserId) -> TxResult<Option<User>> {
        self.users.get(id.as_bytes())?.map(|v| dec(&v)).transpose()
    }

    /// Writes a directory user and its UPN index entry, dropping the entry of a changed UPN.
    pub fn put_user(&self, user: &User) -> TxResult<()> {
        if let Some(old) = self.user(user.id)? {
            let old_key = codec::upn_key(&old.upn);
            // Another user may have taken the old UPN earlier in this transaction.
            let still_ours = self
                .users_by_upn
                .get(&old_key)?
                .is_some_and(|id| id.as_ref() == user.id.as_bytes());
            if old_key != codec::upn_key(&user.upn) && still_ours {
                self.users_by_upn.remove(old_key)?;
            }
        }
        self.users_by_upn
            .insert(codec::upn_key(&user.upn), user.id.as_bytes().as_slice())?;
        self.users.insert(user.id.as_bytes(), enc(user)?)?;
        Ok(())
    }

    /// Removes a directory user and its UPN index entry. The caller makes sure nothing refers
    /// to it (licenses, subscriptions, administrators).
    pub fn remove_user(&self, user: &User) -> TxResult<()> {
        self.users_by_upn.remove(codec::upn_key(&user.upn))?;
        self.users.remove(user.id.as_bytes())?;
        Ok(())
    }

    pub fn put_product(&self, product: &Product) -> TxResult<()> {
        self.products
            .insert(product.id.0.as_bytes(), enc(product)?)?;
        Ok(())
    }

    pub fn product(&self, id: &ProductId) -> TxResult<Option<Product>> {
        self.products
            .get(id.0.as_bytes())?
            .map(|v| dec(&v))
            .transpose()
    }

    pub fn policy(&self, product: &ProductId) -> TxResult<PolicyValue> {
        match self.policies.get(product.0.as_bytes())? {
            Some(v) => dec(&v),
            None => Ok(PolicyValue::Enabled),
        }
    }

    pub fn set_policy(&self, product: &ProductId, value: PolicyValue) -> TxResult<()> {
        self.policies.insert(product.0.as_bytes(), enc(&value)?)?;
        Ok(())
    }

    pub fn assignment(&self, sub: SubscriptionId, user: UserId) -> TxResult<Option<Assignment>> {
        self.assignments
            .get(codec::key(&[sub.as_bytes(), user.as_bytes()]))?
            .map(|v| dec(&v))
            .transpose()
    }

    /// Adds an assignment and its user index entry. The caller updates `Subscription::assigned`
    /// and checks the quantity and one-license-per-subscription rules.
    pub fn put_assignment(&self, a: &Assignment) -> TxResult<()> {
        self.assignments.insert(
            codec::key(&[a.subscription.as_bytes(), a.user.as_bytes()]),
            enc(a)?,
        )?;
        let entry = index::assignment(a.subscription, a.user);
        self.index(entry.index).insert(entry.key, &[])?;
        Ok(())
    }

    /// Removes an assignment and its index entry; returns whether it existed.
    pub fn remove_assignment(&self, sub: SubscriptionId, user: UserId) -> TxResult<bool> {
        let existed = self
            .assignments
            .remove(codec::key(&[sub.as_bytes(), user.as_bytes()]))?
            .is_some();
        let entry = index::assignment(sub, user);
        self.index(entry.index).remove(entry.key)?;
        Ok(existed)
    }

    pub fn admin(&self, login: &str) -> TxResult<Option<Admin>> {
        self.admins
            .get(login.as_bytes())?
            .map(|v| dec(&v))
            .transpose()
    }

    pub fn put_admin(&self, admin: &Admin) -> TxResult<()> {
        self.admins.insert(admin.login.as_bytes(), enc(admin)?)?;
        Ok(())
    }

    pub fn remove_admin(&self, login: &str) -> TxResult<()> {
        self.admins.remove(login.as_bytes())?;
        Ok(())
    }

    /// Records an audit event; its id is assigned here.
    pub fn audit(&self, mut event: AuditEvent) -> TxResult<()> {
        event.id = self.audit.generate_id()?;
        self.audit.insert(&event.id.to_be_bytes(), enc(&event)?)?;
        Ok(())
    }

    /// The tenant's language, as this transaction sees it: the e-mails' language.
    pub fn language(&self) -> TxResult<Lang> {
        language_of(self.meta.get(META_LANGUAGE)?.as_deref())
            .map_err(ConflictableTransactionError::Abort)
    }

    /// The products the directory says `user` is licensed for (see `META_LICENSES`).
    pub fn directory_licenses(&self, user: UserId) -> TxResult<Vec<ProductId>> {
        let key = [META_LICENSES, user.as_bytes()].concat();
        Ok(self.meta.get(key)?.map_or(Vec::new(), |v| licenses_of(&v)))
    }

    /// Records the directory's licenses of `user`; none removes the entry.
    pub fn put_directory_licenses(&self, user: UserId, products: &[ProductId]) -> TxResult<()> {
        let key = [META_LICENSES, user.as_bytes()].concat();
        if products.is_empty() {
            self.meta.remove(key)?;
        } else {
            let lines: Vec<&str> = products.iter().map(|p| p.0.as_str()).collect();
            self.meta.insert(key, lines.join("\n").as_bytes())?;
        }
        Ok(())
    }

    pub fn set_language(&self, lang: Lang) -> TxResult<()> {
        self.meta.insert(META_LANGUAGE, lang.code().as_bytes())?;
        Ok(())
    }

    /// Whether administrators get a notice of each self-service purchase, as this transaction
    /// sees it.
    pub fn purchase_notice(&self) -> TxResult<bool> {
        purchase_notice_of(self.meta.get(META_PURCHASE_NOTICE)?.as_deref())
            .map_err(ConflictableTransactionError::Abort)
    }

    pub fn set_purchase_notice(&self, on: bool) -> TxResult<()> {
        let value: &[u8] = if on { b"on" } else { b"off" };
        self.meta.insert(META_PURCHASE_NOTICE, value)?;
        Ok(())
    }

    /// Puts an e-mail in the outbox, pending; its id is assigned here.
    pub fn email(&self, email: Email) -> TxResult<()> {
        let mut stored = StoredEmail::of(&email);
        stored.id = self.outbox.generate_id()?;
        stored.delivery = Delivery::Pending;
        self.outbox
            .insert(&stored.id.to_be_bytes(), enc(&stored)?)?;
        Ok(())
    }

    /// An e-mail of the outbox with its delivery, as this transaction sees it.
    pub fn outbox_email(&self, tenant: TenantId, id: u64) -> TxResult<Option<Email>> {
        let Some(bytes) = self.outbox.get(id.to_be_bytes())? else {
            return Ok(None);
        };
        let delivery = self.deliveries.get(id.to_be_bytes())?;
        dec::<StoredEmail>(&bytes)?
            .with(tenant, delivery.as_deref())
            .map(Some)
            .map_err(ConflictableTransactionError::Abort)
    }

    /// Records where e-mail `id` is on its way out.
    pub fn put_delivery(&self, id: u64, state: Delivery, status: &DeliveryStatus) -> TxResult<()> {
        let record = StoredDelivery {
            state,
            status: status.clone(),
        };
        self.deliveries.insert(&id.to_be_bytes(), enc(&record)?)?;
        Ok(())
    }
}
