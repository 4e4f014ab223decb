//! Compact binary encoding of records (postcard) and the byte layout of keys.

use crate::error::Result;
use serde::{de::DeserializeOwned, Serialize};

pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    Ok(postcard::to_stdvec(value)?)
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    Ok(postcard::from_bytes(bytes)?)
}

/// Concatenates key parts; ids are fixed-width so no separator is needed between them.
pub fn key(parts: &[&[u8]]) -> Vec<u8> {
    let mut k = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        k.extend_from_slice(p);
    }
    k
}

/// Index key of a subscription under its product: the product id, a 0 byte, the subscription id.
pub fn product_key(product: &str, sub: &[u8; 16]) -> Vec<u8> {
    key(&[product.as_bytes(), &[0], sub])
}

pub fn product_prefix(product: &str) -> Vec<u8> {
    key(&[product.as_bytes(), &[0]])
}

/// UPNs are matched without regard to case, as the directory does.
pub fn upn_key(upn: &str) -> Vec<u8> {
    upn.trim().to_lowercase().into_bytes()
}
