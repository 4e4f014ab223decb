//! The two serde forms of the read models, plans and outcomes. Their JSON (a human-readable
//! serializer) is the command line's contract of SPEC §3: money as a decimal number, a plan's
//! fields beside `dry_run`. Their binary form (postcard: the wire between a client and
//! `selfserve serve`) is lossless: money in minor units, nested structs rather than flattened
//! ones (postcard has no maps of unknown length). Serializers branch on `is_human_readable`;
//! deserializing reads the binary form only.

use crate::model::{Money, Price};
use crate::ops::set_policy::DATA_NOTICE;
use crate::ops::take_over::Outcome;
use crate::query::SubscriptionDetail;
use serde::de::{self, Deserializer};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

/// Money as the JSON contract shows it: `{"amount": 1470.0, "currency": "EUR"}`. The
/// read models hold `Money`; only their JSON turns it into a decimal number.
pub fn money_json<S: Serializer>(money: &Money, s: S) -> Result<S::Ok, S::Error> {
    if !s.is_human_readable() {
        return money.serialize(s);
    }
    let mut out = s.serialize_struct("Money", 2)?;
    out.serialize_field("amount", &money.decimal())?;
    out.serialize_field("currency", &money.currency)?;
    out.end()
}

/// A sentence for people as the JSON contract shows it: the English string it always was
/// (scripts read `--json` in any language); the binary form keeps the message and its arguments
/// so each front end reads it in its own language.
pub(crate) fn text_json<S: Serializer>(text: &crate::i18n::Text, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        s.serialize_str(&text.to_string())
    } else {
        text.serialize(s)
    }
}

/// A price as the JSON contract shows it: `{"amount": 168.0, "currency": "EUR", "term": "annual"}`.
pub(crate) fn price_json<S: Serializer>(price: &Price, s: S) -> Result<S::Ok, S::Error> {
    if !s.is_human_readable() {
        return price.serialize(s);
    }
    let mut out = s.serialize_struct("Price", 3)?;
    out.serialize_field("amount", &price.amount.decimal())?;
    out.serialize_field("currency", &price.amount.currency)?;
    out.serialize_field("term", &price.term)?;
    out.end()
}

/// A name from a fixed set, held as a static string. Spelled as an alias because serde's
/// derive takes a field written `&'static str` for one borrowed from the input, which binary
/// input read into a buffer cannot give; the field's `deserialize_with` finds the name instead.
pub type StaticName = &'static str;

/// The payment method names of the JSON contract (`"payment_method": "card"`).
pub const PAYMENT_METHODS: [&str; 3] = ["none", "card", "invoice"];

/// A payment method name read back as the `&'static str` the read models hold.
pub(crate) fn payment_method<'de, D: Deserializer<'de>>(d: D) -> Result<StaticName, D::Error> {
    known(String::deserialize(d)?, &PAYMENT_METHODS)
}

/// Rule 8's notice read back as the one constant it can be.
pub(crate) fn data_notice<'de, D: Deserializer<'de>>(d: D) -> Result<Option<StaticName>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|text| known(text, &[DATA_NOTICE]))
        .transpose()
}

fn known<E: de::Error>(text: String, names: &[StaticName]) -> Result<StaticName, E> {
    names
        .iter()
        .find(|name| **name == text)
        .copied()
        .ok_or_else(|| E::custom(format!("unknown value {text:?}")))
}

impl<P: Serialize> Serialize for Outcome<P> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            #[derive(Serialize)]
            struct Json<'a, P> {
                dry_run: bool,
                #[serde(flatten)]
                plan: &'a P,
            }
            Json {
                dry_run: self.dry_run,
                plan: &self.plan,
            }
            .serialize(s)
        } else {
            (self.dry_run, &self.plan).serialize(s)
        }
    }
}

impl<'de, P: Deserialize<'de>> Deserialize<'de> for Outcome<P> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (dry_run, plan) = Deserialize::deserialize(d)?;
        Ok(Outcome { dry_run, plan })
    }
}

impl Serialize for SubscriptionDetail {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            #[derive(Serialize)]
            struct Json<'a> {
                #[serde(flatten)]
                row: &'a crate::query::SubscriptionRow,
                users: &'a [crate::query::LicensedUser],
            }
            Json {
                row: &self.row,
                users: &self.users,
            }
            .serialize(s)
        } else {
            (&self.row, &self.users).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for SubscriptionDetail {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (row, users) = Deserialize::deserialize(d)?;
        Ok(SubscriptionDetail { row, users })
    }
}
