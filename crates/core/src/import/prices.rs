//! `--prices FILE` of `import subscriptions`: what the organisation pays, since Graph does not
//! say. CSV or JSON with the fields `ProductId`, `Term` (`monthly` or `annual`) and `Amount`
//! (per license per term, in the tenant's currency: `16.80` or `16,80`).

use super::source;
use super::{bad_field, refused_field, ImportFile};
use crate::error::{Error, Result};
use crate::model::{ProductId, Term};
use crate::store::Store;
use crate::text;
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct Prices {
    minor: HashMap<(ProductId, Term), i64>,
}

impl Prices {
    pub fn read(store: &Store, file: &ImportFile) -> Result<Prices> {
        let (_, records) = source::records(file)?;
        let mut prices = Prices::default();
        for record in &records {
            let field = |name: &str| -> Result<(String, usize)> {
                match record.get(&[name]) {
                    Some((v, line)) if !v.trim().is_empty() => Ok((v.trim().to_string(), line)),
                    Some((_, line)) => {
                        Err(bad_field(file, line, name, text!("import-problem-empty")))
                    }
                    None => Err(bad_field(
                        file,
                        record.line,
                        name,
                        text!("import-problem-missing"),
                    )),
                }
            };
            let (id, line) = field("ProductId")?;
            let product = match store.product(&id) {
                Ok(p) => p.id,
                Err(Error::NotFound(_)) => {
                    return Err(refused_field(
                        file,
                        line,
                        "ProductId",
                        text!("import-problem-product-unknown", value = id),
                    ))
                }
                Err(e) => return Err(e),
            };
            let (term, line) = field("Term")?;
            let term = match term.to_ascii_lowercase().as_str() {
                "monthly" => Term::Monthly,
                "annual" => Term::Annual,
                _ => {
                    return Err(bad_field(
                        file,
                        line,
                        "Term",
                        text!("import-problem-term", value = term),
                    ))
                }
            };
            let (amount, line) = field("Amount")?;
            let minor = minor_units(&amount).ok_or_else(|| {
                bad_field(
                    file,
                    line,
                    "Amount",
                    text!("import-problem-amount", value = amount.clone()),
                )
            })?;
            if prices
                .minor
                .insert((product.clone(), term), minor)
                .is_some()
            {
                return Err(bad_field(
                    file,
                    record.line,
                    "ProductId",
                    text!(
                        "import-problem-twice",
                        value = format!("{product} {}", term.as_str())
                    ),
                ));
            }
        }
        Ok(prices)
    }

    pub fn price(&self, product: &ProductId, term: Term) -> Option<i64> {
        self.minor.get(&(product.clone(), term)).copied()
    }

    /// The term of a product the file prices for one term only.
    pub fn only_term(&self, product: &ProductId) -> Option<Term> {
        let mut terms = self
            .minor
            .keys()
            .filter(|(p, _)| p == product)
            .map(|(_, t)| *t);
        match (terms.next(), terms.next()) {
            (Some(t), None) => Some(t),
            _ => None,
        }
    }
}

/// `16.80`, `16,80`, `16` as cents; no sign, at most two decimals.
fn minor_units(text: &str) -> Option<i64> {
    let text = text.replace(',', ".");
    let (units, cents) = text.split_once('.').unwrap_or((&text, ""));
    if units.is_empty()
        || cents.len() > 2
        || !units
            .bytes()
            .chain(cents.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let cents = format!("{cents:0<2}");
    units
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents.parse::<i64>().ok()?)
}

#[cfg(test)]
mod tests {
    use super::minor_units;

    #[test]
    fn amounts_read_with_a_point_or_a_comma() {
        assert_eq!(minor_units("16.80"), Some(1680));
        assert_eq!(minor_units("16,8"), Some(1680));
        assert_eq!(minor_units("16"), Some(1600));
        for bad in ["", "-1", "1.234", "1e3", ".5", "9999999999999999999"] {
            assert_eq!(minor_units(bad), None, "{bad}");
        }
    }
}
