//! Products found by their buyers (SPEC §4: `/` searches product, buyer name and UPN). Every
//! product's buyers are read once in the background and folded there; their folded text joins
//! the product's search key, and the selected product says which of its buyers matched.

use super::fold::fold;
use super::list::LoadState;
use super::rows::ProductItem;
use crate::text::sanitize;
use selfserve_core::model::ProductId;
use selfserve_core::query::ProductBuyers;
use std::collections::HashMap;

/// One product's buyers, folded for searching and kept as shown.
#[derive(Debug, Clone, Default)]
struct Buyers {
    /// "name\nupn\n" per buyer, folded: one string to search.
    folded: String,
    /// Where each buyer's entry starts in `folded`.
    starts: Vec<usize>,
    /// "Name <upn>" per buyer, sanitized, in the same order: one string and its offsets rather
    /// than 300,000 small allocations on a large tenant.
    shown: String,
    shown_starts: Vec<usize>,
}

impl Buyers {
    fn shown(&self, entry: usize) -> Option<&str> {
        let start = *self.shown_starts.get(entry)?;
        let end = self
            .shown_starts
            .get(entry + 1)
            .copied()
            .unwrap_or(self.shown.len());
        self.shown.get(start..end)
    }
}

/// Every product's buyers, built off the UI thread.
#[derive(Debug, Clone, Default)]
pub struct BuyerIndex {
    by_product: HashMap<ProductId, Buyers>,
}

impl BuyerIndex {
    pub fn build(rows: Vec<ProductBuyers>) -> BuyerIndex {
        let mut by_product = HashMap::with_capacity(rows.len());
        for row in rows {
            let mut b = Buyers {
                starts: Vec::with_capacity(row.buyers.len()),
                shown_starts: Vec::with_capacity(row.buyers.len()),
                ..Buyers::default()
            };
            for (name, upn) in row.buyers {
                let (name, upn) = (sanitize(&name), sanitize(&upn));
                b.starts.push(b.folded.len());
                b.folded.push_str(&fold(&name));
                b.folded.push('\n');
                b.folded.push_str(&fold(&upn));
                b.folded.push('\n');
                b.shown_starts.push(b.shown.len());
                b.shown.push_str(&format!("{name} <{upn}>"));
            }
            by_product.insert(row.product_id, b);
        }
        BuyerIndex { by_product }
    }
}

/// Which buyers of the selected product the query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuyerHit {
    pub product: ProductId,
    /// The first matching buyer, "Name <upn>".
    pub first: String,
    /// How many of its buyers match in all.
    pub count: usize,
}

/// The products screen's buyer search: the index, whether it has arrived, and the hit of the
/// selected product for the current query.
#[derive(Debug, Clone)]
pub struct BuyerSearch {
    pub state: LoadState,
    index: BuyerIndex,
    pub hit: Option<BuyerHit>,
    /// What `hit` was worked out for: (product, folded query, index generation).
    hit_for: Option<(ProductId, String, u64)>,
    generation: u64,
}

impl Default for BuyerSearch {
    fn default() -> Self {
        BuyerSearch {
            state: LoadState::Idle,
            index: BuyerIndex::default(),
            hit: None,
            hit_for: None,
            generation: 0,
        }
    }
}

impl BuyerSearch {
    /// Whether an index has arrived (a newer one may be on its way).
    pub fn arrived(&self) -> bool {
        self.generation > 0
    }

    /// Takes a freshly read index (or the reason it could not be read).
    pub fn fill(&mut self, index: Result<BuyerIndex, String>) -> Option<String> {
        self.generation += 1;
        match index {
            Ok(index) => {
                self.index = index;
                self.state = LoadState::Ready;
                None
            }
            Err(e) => {
                self.state = LoadState::Failed(e.clone());
                Some(e)
            }
        }
    }

    /// The products' search keys with their buyers' folded names and UPNs added.
    pub fn keys(&self, items: &[ProductItem], keys: Vec<String>) -> Vec<String> {
        if self.index.by_product.is_empty() {
            return keys;
        }
        items
            .iter()
            .zip(keys)
            .map(|(item, mut key)| {
                if let Some(b) = self.index.by_product.get(&item.id) {
                    key.reserve(b.folded.len() + 1);
                    key.push('\n');
                    key.push_str(&b.folded);
                }
                key
            })
            .collect()
    }

    /// Works out which buyers of `product` match `folded_query`, unless that is already known.
    pub fn refresh(&mut self, product: Option<&ProductId>, folded_query: &str) {
        let (Some(product), false) = (product, folded_query.is_empty()) else {
            self.hit = None;
            self.hit_for = None;
            return;
        };
        let wanted = (product.clone(), folded_query.to_string(), self.generation);
        if self.hit_for.as_ref() == Some(&wanted) {
            return;
        }
        self.hit = self
            .index
            .by_product
            .get(product)
            .and_then(|b| hit(b, folded_query))
            .map(|(first, count)| BuyerHit {
                product: product.clone(),
                first,
                count,
            });
        self.hit_for = Some(wanted);
    }
}

/// The first buyer whose name or UPN contains the query, and how many do.
fn hit(b: &Buyers, folded_query: &str) -> Option<(String, usize)> {
    let mut first = None;
    let mut count = 0;
    let mut last_entry = None;
    for (at, _) in b.folded.match_indices(folded_query) {
        // The entry the match starts in: the last start at or before it.
        let entry = b.starts.partition_point(|&s| s <= at).saturating_sub(1);
        if last_entry == Some(entry) {
            continue;
        }
        last_entry = Some(entry);
        count += 1;
        if first.is_none() {
            first = b.shown(entry).map(str::to_string);
        }
    }
    first.map(|f| (f, count))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> BuyerIndex {
        BuyerIndex::build(vec![ProductBuyers {
            product_id: ProductId("P1".into()),
            buyers: vec![
                ("Adèle Vance".into(), "adele.vance@contoso.example".into()),
                ("Bob Adel".into(), "bob@contoso.example".into()),
                ("Chloé \u{1b}[31mRed".into(), "chloe@contoso.example".into()),
            ],
        }])
    }

    #[test]
    fn a_query_finds_the_buyers_that_match_once_each() {
        let mut s = BuyerSearch::default();
        s.fill(Ok(index()));
        let p = ProductId("P1".into());
        s.refresh(Some(&p), "adel");
        let hit = s.hit.clone().expect("hit");
        assert_eq!(hit.first, "Adèle Vance <adele.vance@contoso.example>");
        assert_eq!(hit.count, 2, "Adèle (twice in her entry) and Bob Adel");
        s.refresh(Some(&p), "chloe red");
        assert_eq!(
            s.hit.as_ref().map(|h| h.first.as_str()),
            Some("Chloé Red <chloe@contoso.example>"),
            "escape sequences never reach the screen"
        );
        s.refresh(Some(&p), "nobody");
        assert!(s.hit.is_none());
        s.refresh(Some(&p), "");
        assert!(s.hit.is_none());
    }
}
