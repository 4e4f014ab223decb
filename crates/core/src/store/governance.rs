//! What the tenant keeps for policy governance (issue 14): the default value of products not
//! seen before and the offer types' policies. They live in the meta tree beside the tenant
//! record, each under its own key, so that no record's encoding changes and a database made
//! before them reads as the MSCommerce module behaves (everything `Enabled`).

use super::codec::{decode, encode};
use super::tx::{Tx, TxResult};
use super::Store;
use crate::error::Result;
use crate::model::PolicyValue;
use crate::policy::OfferType;
use sled::transaction::ConflictableTransactionError;

const POLICY_DEFAULT: &[u8] = b"policy_default";
const OFFER_TYPE: &str = "offer_type/";

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
}

impl Tx {
    pub fn policy_default(&self) -> TxResult<PolicyValue> {
        tx_value(self.meta.get(POLICY_DEFAULT)?)
    }

    pub fn set_policy_default(&self, value: PolicyValue) -> TxResult<()> {
        self.meta.insert(POLICY_DEFAULT, tx_encode(value)?)?;
        Ok(())
    }

    pub fn offer_type_policy(&self, offer: OfferType) -> TxResult<PolicyValue> {
        tx_value(self.meta.get(offer_key(offer))?)
    }

    pub fn set_offer_type_policy(&self, offer: OfferType, value: PolicyValue) -> TxResult<()> {
        self.meta.insert(offer_key(offer), tx_encode(value)?)?;
        Ok(())
    }
}
