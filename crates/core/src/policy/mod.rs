//! Policy as code (issue 14): a desired-state file (`file`), what it would change in the tenant
//! and whether the tenant still matches it (`plan`), and today's state written as such a file;
//! products that appear and wait for review (`review`). The writes are operations:
//! `ops::apply_policy`, `ops::set_policy_default`, `ops::review_policy`, `ops::update_catalogue`.

pub mod file;
pub mod impact;
pub mod plan;
pub mod review;

use serde::{Deserialize, Serialize};

/// The offer types the MSCommerce module has a policy for, beside products: third-party SaaS
/// apps, Power BI visuals, Dynamics 365 Customer Engagement and Business Central apps. Their
/// policy is `Enabled` or `Disabled` only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OfferType {
    #[serde(rename = "SaaS")]
    SaaS,
    #[serde(rename = "POWERBIVISUALS")]
    PowerBiVisuals,
    #[serde(rename = "DYNAMICSCE")]
    DynamicsCe,
    #[serde(rename = "DYNAMICSBC")]
    DynamicsBc,
}

impl OfferType {
    pub const ALL: [OfferType; 4] = [
        OfferType::SaaS,
        OfferType::PowerBiVisuals,
        OfferType::DynamicsCe,
        OfferType::DynamicsBc,
    ];

    /// The name the module uses (`-OfferType SaaS`).
    pub fn as_str(self) -> &'static str {
        match self {
            OfferType::SaaS => "SaaS",
            OfferType::PowerBiVisuals => "POWERBIVISUALS",
            OfferType::DynamicsCe => "DYNAMICSCE",
            OfferType::DynamicsBc => "DYNAMICSBC",
        }
    }

    /// An offer type by its name, in any case.
    pub fn parse(text: &str) -> Option<OfferType> {
        OfferType::ALL
            .into_iter()
            .find(|o| o.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// Every name, for messages.
    pub fn names() -> String {
        OfferType::ALL.map(OfferType::as_str).join(", ")
    }
}
