//! The desired-state file: TOML, read with serde + toml so that every refusal names the file,
//! the line and the key (exit 2), before anything is compared or written.
//!
//! ```toml
//! [policy]
//! default_for_new = "Disabled"        # what a product not seen before gets
//! all = "Disabled"                    # every product not named below
//! exclude = ["CFQ7TTC0HDB1"]          # these stay Enabled
//!
//! [products]
//! CFQ7TTC0N8SL = "OnlyTrialsWithoutPaymentMethod"
//!
//! [offer_types]
//! SaaS = "Disabled"
//! ```

use super::OfferType;
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::import::ImportFile;
use crate::model::{PolicyValue, Product, ProductId};
use crate::ops::set_policy::check_value;
use crate::store::Store;
use crate::text;
use crate::toml_place::{TomlRefusal, TomlText};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

/// What the file asks for, checked against the tenant. Each entry keeps the key that asked
/// for it, which plans and drift reports name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Desired {
    pub default_for_new: Option<PolicyValue>,
    pub all: Option<PolicyValue>,
    pub exclude: Vec<ProductId>,
    pub products: BTreeMap<ProductId, PolicyValue>,
    pub offer_types: BTreeMap<OfferType, PolicyValue>,
}

impl Desired {
    /// The value the file wants for `product`, and the key that says so; `None` where the
    /// file does not speak of it.
    pub fn product(&self, product: &ProductId) -> Option<(PolicyValue, String)> {
        if let Some(value) = self.products.get(product) {
            return Some((*value, format!("products.{}", product.0)));
        }
        if self.exclude.contains(product) {
            return Some((PolicyValue::Enabled, "policy.exclude".to_string()));
        }
        self.all.map(|value| (value, "policy.all".to_string()))
    }
}

/// The file as written: every key it may have (serde refuses any other).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shape {
    policy: Option<PolicySection>,
    #[serde(default)]
    products: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    offer_types: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicySection {
    default_for_new: Option<Spanned<String>>,
    all: Option<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

/// Reads `file` and checks each product it names against the tenant's catalogue.
pub fn read(store: &Store, file: &ImportFile) -> Result<Desired> {
    let source = Source {
        name: &file.name,
        text: std::str::from_utf8(&file.bytes).map_err(|e| {
            Error::usage(text!(
                "gov-file-not-utf8",
                file = file.name.as_str(),
                offset = e.valid_up_to().to_string()
            ))
        })?,
    };
    let shape: Shape = toml::from_str(source.text).map_err(|e| source.serde(&e))?;
    let mut desired = Desired::default();
    if let Some(policy) = &shape.policy {
        desired.default_for_new = policy
            .default_for_new
            .as_ref()
            .map(|v| source.value(v, "policy.default_for_new"))
            .transpose()?;
        desired.all = policy
            .all
            .as_ref()
            .map(|v| source.value(v, "policy.all"))
            .transpose()?;
        for id in &policy.exclude {
            let product = source.product(store, id, "policy.exclude")?.id;
            if desired.exclude.contains(&product) {
                return Err(source.bad(
                    id.span(),
                    "policy.exclude",
                    text!("gov-why-twice", id = product.0),
                ));
            }
            desired.exclude.push(product);
        }
    }
    for (id, raw) in &shape.products {
        let key = format!("products.{}", id.get_ref());
        let found = source.product(store, id, &key)?;
        let product = found.id.clone();
        if desired.exclude.contains(&product) {
            return Err(source.bad(id.span(), &key, text!("gov-why-excluded-and-listed")));
        }
        let value = source.value(raw, &key)?;
        if check_value(&found, value).is_err() {
            return Err(source.refused(raw.span(), &key, &found));
        }
        if desired.products.insert(product.clone(), value).is_some() {
            return Err(source.bad(id.span(), &key, text!("gov-why-twice", id = product.0)));
        }
    }
    // `all` trials-only reaches every product not named: each needs a card-less trial.
    if let (Some(PolicyValue::OnlyTrialsWithoutPaymentMethod), Some(all)) = (
        desired.all,
        shape.policy.as_ref().and_then(|p| p.all.as_ref()),
    ) {
        for p in store.policy_products()? {
            let named = desired.products.contains_key(&p.id) || desired.exclude.contains(&p.id);
            if !named && !p.trial_without_payment_method {
                return Err(source.refused(all.span(), "policy.all", &p));
            }
        }
    }
    for (name, value) in &shape.offer_types {
        let key = format!("offer_types.{}", name.get_ref());
        let offer = OfferType::parse(name.get_ref()).ok_or_else(|| {
            source.bad(
                name.span(),
                &key,
                text!("gov-why-offer-type", types = OfferType::names()),
            )
        })?;
        let value = match source.value(value, &key)? {
            PolicyValue::OnlyTrialsWithoutPaymentMethod => {
                return Err(source.bad(value.span(), &key, text!("gov-why-offer-value")))
            }
            v => v,
        };
        if desired.offer_types.insert(offer, value).is_some() {
            return Err(source.bad(
                name.span(),
                &key,
                text!("gov-why-twice", id = offer.as_str()),
            ));
        }
    }
    Ok(desired)
}

/// The file being read, for refusals that say where.
struct Source<'a> {
    name: &'a str,
    text: &'a str,
}

impl Source<'_> {
    /// The line at `offset` (from 1).
    fn line(&self, offset: usize) -> usize {
        TomlText(self.text).line(offset)
    }

    fn bad(&self, span: Range<usize>, key: &str, why: Text) -> Error {
        Error::usage(text!(
            "gov-file-error",
            file = self.name,
            line = self.line(span.start).to_string(),
            key = key,
            why = why
        ))
    }

    /// A rule's refusal (exit 1) of a value the file gives `product`, with where it is.
    fn refused(&self, span: Range<usize>, key: &str, product: &Product) -> Error {
        let why = text!(
            "gov-no-cardless-trial",
            product = product.name.as_str(),
            id = product.id.0.as_str()
        );
        Error::refused(text!(
            "gov-file-error",
            file = self.name,
            line = self.line(span.start).to_string(),
            key = key,
            why = why
        ))
    }

    /// A policy value, in the module's names only: the file is read by machines too, so it
    /// means one thing.
    fn value(&self, value: &Spanned<String>, key: &str) -> Result<PolicyValue> {
        PolicyValue::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(value.get_ref().trim()))
            .ok_or_else(|| {
                self.bad(
                    value.span(),
                    key,
                    text!("gov-why-value", value = value.get_ref().as_str()),
                )
            })
    }

    /// A product of the tenant, by its id in any case.
    fn product(&self, store: &Store, id: &Spanned<String>, key: &str) -> Result<Product> {
        match store.policy_product(id.get_ref()) {
            Ok(p) => Ok(p),
            Err(Error::NotFound(_)) => Err(self.bad(
                id.span(),
                key,
                text!("gov-why-unknown-product", id = id.get_ref().as_str()),
            )),
            Err(e) => Err(e),
        }
    }

    /// The one line for what toml or serde refused.
    fn serde(&self, e: &toml::de::Error) -> Error {
        let TomlRefusal {
            at,
            key,
            unknown_key,
            message,
        } = TomlText(self.text).refusal(e);
        let why = if unknown_key {
            text!("gov-why-unknown-key")
        } else {
            text!("gov-why-toml", detail = message)
        };
        if key.is_empty() {
            return Error::usage(text!(
                "gov-file-error-at",
                file = self.name,
                line = self.line(at.start).to_string(),
                why = why
            ));
        }
        self.bad(at, &key, why)
    }
}
