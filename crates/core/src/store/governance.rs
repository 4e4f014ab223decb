//! What the tenant keeps for policy governance (issue 14): the default value of products not
//! seen before, the review queue of products that appeared, the offer types' policies, and the
//! product ids the catalogue said changed. They live in the meta tree beside the tenant
//! record, each under its own key, so that no record's encoding changes and a database made
//! before them reads as the MSCommerce module behaves (everything `Enabled`).

use super::codec::{decode, encode};
use super::tx::{Tx, TxResult};
use super::Store;
use crate::error::{Error, Result};
use crate::model::{PolicyValue, Product, ProductId};
use crate::policy::review::ReviewItem;
use crate::policy::OfferType;
use sled::transaction::ConflictableTransactionError;

pub(crate) const POLICY_DEFAULT: &[u8] = b"policy_default";
pub(crate) const OFFER_TYPE: &str = "offer_type/";
/// Followed by the product id: the product's `ReviewItem`.
pub(crate) const REVIEW: &str = "review/";

/// Followed by an old product id: the id it became.
pub(crate) const REMAP: &str = "remap/";
/// How many renames in a row an id may go through (a loop ends here, not in a hang).
const REMAP_HOPS: usize = 8;

fn remap_key(old: &ProductId) -> Vec<u8> {
    format!("{REMAP}{}", old.0).into_bytes()
}

fn review_key(product: &ProductId) -> Vec<u8> {
    format!("{REVIEW}{}", product.0).into_bytes()
}

fn offer_key(offer: OfferType) -> Vec<u8> {
    format!("{OFFER_TYPE}{}", offer.as_str()).into_bytes()
}

fn value_of(stored: Option<&[u8]>) -> Result<PolicyValue> {
    stored.map_or(Ok(PolicyValue::Enabled), decode)
}

fn tx_value(stored: Option<sled::IVec>) -> TxResult<PolicyValue> {
    value_of(stored.as_deref()).map_err(ConflictableTransactionError::Abort)
}

fn tx_encode(value: PolicyValue) -> TxResult<Vec<u8>> {
    encode(&value).map_err(ConflictableTransactionError::Abort)
}

impl Store {
    /// The value a product gets when it first appears (`Enabled` where never set).
    pub fn policy_default(&self) -> Result<PolicyValue> {
        value_of(self.t.meta.get(POLICY_DEFAULT)?.as_deref())
    }

    /// An offer type's policy (`Enabled` where never set).
    pub fn offer_type_policy(&self, offer: OfferType) -> Result<PolicyValue> {
        value_of(self.t.meta.get(offer_key(offer))?.as_deref())
    }

    /// The id `old` became, where the catalogue said it changed.
    pub fn remapped(&self, old: &ProductId) -> Result<Option<ProductId>> {
        match self.t.meta.get(remap_key(old))? {
            Some(bytes) => Ok(Some(ProductId(
                String::from_utf8_lossy(&bytes).into_owned(),
            ))),
            None => Ok(None),
        }
    }

    /// The product whose policy `id` names: itself, or the product its id became (as Microsoft
    /// answers for an id that changed).
    pub fn policy_product(&self, id: &str) -> Result<Product> {
        let mut current = ProductId(id.trim().to_ascii_uppercase());
        for _ in 0..REMAP_HOPS {
            match self.remapped(&current)? {
                Some(new) => current = new,
                None => return self.product(&current.0),
            }
        }
        Err(Error::database(crate::text!(
            "gov-remap-loop",
            id = id.escape_debug().to_string()
        )))
    }

    /// Every product with a policy of its own, by name: an id that changed answers through
    /// the one it became.
    pub fn policy_products(&self) -> Result<Vec<Product>> {
        let mut products = Vec::new();
        for p in self.products()? {
            if self.remapped(&p.id)?.is_none() {
                products.push(p);
            }
        }
        Ok(products)
    }

    /// The products waiting for an administrator's review, in the order they appeared.
    pub fn review_queue(&self) -> Result<Vec<ReviewItem>> {
        let mut items: Vec<ReviewItem> = self
            .t
            .meta
            .scan_prefix(REVIEW.as_bytes())
            .values()
            .map(|v| decode(&v?))
            .collect::<Result<_>>()?;
        items.sort_by(|a, b| {
            a.arrived_at
                .cmp(&b.arrived_at)
                .then_with(|| a.product_id.cmp(&b.product_id))
        });
        Ok(items)
    }
}

impl Tx {
    pub fn policy_default(&self) -> TxResult<PolicyValue> {
        tx_value(self.meta.get(POLICY_DEFAULT)?)
    }

    /// The default where an administrator set one (`None`: never set).
    pub fn policy_default_set(&self) -> TxResult<Option<PolicyValue>> {
        match self.meta.get(POLICY_DEFAULT)? {
            Some(bytes) => tx_value(Some(bytes)).map(Some),
            None => Ok(None),
        }
    }

    pub fn set_policy_default(&self, value: PolicyValue) -> TxResult<()> {
        self.meta.insert(POLICY_DEFAULT, tx_encode(value)?)?;
        Ok(())
    }

    pub fn offer_type_policy(&self, offer: OfferType) -> TxResult<PolicyValue> {
        tx_value(self.meta.get(offer_key(offer))?)
    }

    pub fn review_item(&self, product: &ProductId) -> TxResult<Option<ReviewItem>> {
        match self.meta.get(review_key(product))? {
            Some(bytes) => decode(&bytes)
                .map(Some)
                .map_err(ConflictableTransactionError::Abort),
            None => Ok(None),
        }
    }

    pub fn put_review_item(&self, item: &ReviewItem) -> TxResult<()> {
        let bytes = encode(item).map_err(ConflictableTransactionError::Abort)?;
        self.meta.insert(review_key(&item.product_id), bytes)?;
        Ok(())
    }

    pub fn remove_review_item(&self, product: &ProductId) -> TxResult<()> {
        self.meta.remove(review_key(product))?;
        Ok(())
    }

    pub fn remapped(&self, old: &ProductId) -> TxResult<Option<ProductId>> {
        Ok(self
            .meta
            .get(remap_key(old))?
            .map(|bytes| ProductId(String::from_utf8_lossy(&bytes).into_owned())))
    }

    pub fn put_remap(&self, old: &ProductId, new: &ProductId) -> TxResult<()> {
        self.meta.insert(remap_key(old), new.0.as_bytes())?;
        Ok(())
    }

    pub fn set_offer_type_policy(&self, offer: OfferType, value: PolicyValue) -> TxResult<()> {
        self.meta.insert(offer_key(offer), tx_encode(value)?)?;
        Ok(())
    }
}
