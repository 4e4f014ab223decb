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

/// How Microsoft Graph names a product: its SKU id and part number, from Microsoft's published
/// "Product names and service plan identifiers for licensing" (see `assets/catalogue.json`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Sku {
    #[serde(rename = "id")]
    pub product: crate::model::ProductId,
    pub sku_id: Option<uuid::Uuid>,
    pub sku_part_number: Option<String>,
}

#[derive(Deserialize)]
struct SkuFile {
    products: Vec<Sku>,
}

/// Each catalogue product's SKU, where the published list has one.
pub fn skus() -> Result<Vec<Sku>> {
    serde_json::from_str::<SkuFile>(CATALOGUE_JSON)
        .map(|c| c.products)
        .map_err(|e| {
            Error::database(crate::text!(
                "error-catalogue-unreadable",
                detail = e.to_string()
            ))
        })
}
