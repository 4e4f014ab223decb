//! Rows as the screens show them, made once from the core's read models when they are loaded.

use chrono::NaiveDate;
use selfserve_core::model::{Money, PolicyValue, ProductId};
use selfserve_core::query::LicensedUser;

/// A product row as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductItem {
    pub id: ProductId,
    pub name: String,
    pub subscriptions: u32,
    pub quantity: u64,
    pub assigned: u64,
    pub next_expiration: Option<NaiveDate>,
    /// What the product costs a month (its currency sanitized), shown in the reader's form.
    pub spend: Money,
    pub policy: PolicyValue,
    /// Users holding licenses of the product from two live subscriptions (paid twice).
    pub paid_twice: u64,
}

/// One line of the users pane: a buyer's heading, or a user under it.
#[derive(Debug, Clone, PartialEq)]
pub enum UserLine {
    Heading { text: String, users: usize },
    User(LicensedUser),
}

/// Which product's subscriptions, under which filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsKey {
    pub product: ProductId,
    pub self_service: bool,
    /// Orphaned purchases of every product instead (issue 14, point 6).
    pub orphans: bool,
}
