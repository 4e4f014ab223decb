//! Graph names a product by its SKU (`skuId`, `skuPartNumber`); selfserve by its MSCommerce id.
//! The catalogue carries both (assets/catalogue.json). A product the published list has no SKU
//! for (or one only a policies import added) is named by its product id in `skuPartNumber`:
//! that is how `tenant export` writes it.

use crate::catalogue;
use crate::error::Result;
use crate::model::ProductId;
use crate::store::Store;
use std::collections::HashMap;
use uuid::Uuid;

pub struct Skus {
    by_id: HashMap<Uuid, ProductId>,
    /// Part numbers and product ids, upper-cased.
    by_name: HashMap<String, ProductId>,
    sku_of: HashMap<ProductId, (Option<Uuid>, Option<String>)>,
}

impl Skus {
    /// The catalogue's SKUs, and every product of the tenant by its id.
    pub fn load(store: &Store) -> Result<Skus> {
        let mut skus = Skus {
            by_id: HashMap::new(),
            by_name: HashMap::new(),
            sku_of: HashMap::new(),
        };
        for p in store.products()? {
            skus.by_name.insert(p.id.0.to_ascii_uppercase(), p.id);
        }
        for sku in catalogue::skus()? {
            // Only the products this tenant has (a database may predate a catalogue product).
            if !skus
                .by_name
                .contains_key(&sku.product.0.to_ascii_uppercase())
            {
                continue;
            }
            if let Some(id) = sku.sku_id {
                skus.by_id.insert(id, sku.product.clone());
            }
            if let Some(part) = &sku.sku_part_number {
                skus.by_name
                    .insert(part.to_ascii_uppercase(), sku.product.clone());
            }
            skus.sku_of
                .insert(sku.product, (sku.sku_id, sku.sku_part_number));
        }
        Ok(skus)
    }

    /// The product of a SKU id (as text) or, failing that, of a part number or product id.
    pub fn product(&self, sku_id: Option<&str>, part: Option<&str>) -> Option<ProductId> {
        let by_id = sku_id
            .and_then(|s| Uuid::parse_str(s.trim()).ok())
            .and_then(|id| self.by_id.get(&id));
        by_id
            .or_else(|| part.and_then(|p| self.by_name.get(&p.trim().to_ascii_uppercase())))
            .cloned()
    }

    /// How Graph names `product`: its SKU id, and its part number (its product id where the
    /// published list has none).
    pub fn sku(&self, product: &ProductId) -> (Option<Uuid>, String) {
        match self.sku_of.get(product) {
            Some((id, Some(part))) => (*id, part.clone()),
            Some((id, None)) => (*id, product.0.clone()),
            None => (None, product.0.clone()),
        }
    }
}
