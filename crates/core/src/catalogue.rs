//! The product catalogue shipped in `assets/catalogue.json`.

use crate::error::{Error, Result};
use crate::model::Product;
use serde::Deserialize;

const CATALOGUE_JSON: &str = include_str!("../../../assets/catalogue.json");

#[derive(Deserialize)]
struct CatalogueFile {
    products: Vec<Product>,
}

/// The 17 products eligible for self-service, in catalogue order.
pub fn products() -> Result<Vec<Product>> {
    serde_json::from_str::<CatalogueFile>(CATALOGUE_JSON)
        .map(|c| c.products)
        .map_err(|e| {
            Error::database(crate::text!(
                "error-catalogue-unreadable",
                detail = e.to_string()
            ))
        })
}
