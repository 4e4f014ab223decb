//! What comes back: one variant per kind of answer. Each payload type converts back out of a
//! `Response` with `TryFrom`, so a caller names the type it expects and gets that or an error.

use crate::backup::BackupImage;
use crate::check::CheckReport;
use crate::error::{Error, Result};
use crate::export::Export;
use crate::i18n::Lang;
use crate::import::tenant_export::TenantExport;
use crate::import::ImportReport;
use crate::model::{AuditEvent, Email, Role, Subscription, Tenant, User};
use crate::ops::add_licenses::AddLicensesPlan;
use crate::ops::admin::AdminChange;
use crate::ops::ask_cancel::AskCancelPlan;
use crate::ops::assign::LicensePlan;
use crate::ops::buy::BuyPlan;
use crate::ops::cancel::CancelPlan;
use crate::ops::centralise::CentralisePlan;
use crate::ops::lifecycle::LifecycleReport;
use crate::ops::move_provisioned::ProvisionedMovePlan;
use crate::ops::move_users::{MovePlan, MoveTarget};
use crate::ops::set_language::LanguageChange;
use crate::ops::set_offer_policy::OfferTypeChange;
use crate::ops::set_policy::SetPolicyOutcome;
use crate::ops::set_policy_default::DefaultChange;
use crate::ops::set_purchase_notice::PurchaseNoticeChange;
use crate::ops::storefront::StorefrontOutcome;
use crate::ops::take_over::{Outcome, TakeOverPlan};
use crate::ops::update_catalogue::CatalogueReport;
use crate::orphans::OrphanRow;
use crate::policy::impact::PolicyPreview;
use crate::policy::plan::{PolicyExport, PolicyPlan};
use crate::policy::review::{Governance, ReviewItem};
use crate::query::spend::SpendReport;
use crate::query::{
    AdminRow, BuyerGroup, PolicyRow, ProductBuyers, ProductRow, SubscriptionDetail, SubscriptionRow,
};
use serde::{Deserialize, Serialize};

/// Who acts and in which tenant: what a front end shows in its title and uses to hide actions
/// the role may not take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub login: String,
    pub user_principal_name: String,
    pub display_name: String,
    pub role: Role,
    /// Every change is refused (`--readonly`).
    pub read_only: bool,
    pub tenant: Tenant,
    /// The tenant's language: the e-mails'.
    pub language: Lang,
    /// Whether administrators get a notice of each self-service purchase and trial.
    pub purchase_notice: bool,
}

/// The `Response` enum, its variants' names, and `TryFrom<Response>` for each payload type.
macro_rules! responses {
    ($($(#[$doc:meta])* $variant:ident($payload:ty),)*) => {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum Response {
            $($(#[$doc])* $variant($payload),)*
        }

        impl Response {
            /// The variant's name, for a reply that is not the one expected.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Response::$variant(_) => stringify!($variant),)*
                }
            }
        }

        $(
            impl TryFrom<Response> for $payload {
                type Error = Error;
                fn try_from(response: Response) -> Result<Self> {
                    match response {
                        Response::$variant(payload) => Ok(payload),
                        other => Err(unexpected(stringify!($variant), &other)),
                    }
                }
            }
        )*
    };
}

responses! {
    Session(SessionInfo),
    Products(Vec<ProductRow>),
    ProductBuyers(Vec<ProductBuyers>),
    Subscriptions(Vec<SubscriptionRow>),
    SubscriptionDetail(SubscriptionDetail),
    /// The subscription a prefix resolved to.
    Subscription(Subscription),
    Users(Vec<User>),
    BuyerGroups(Vec<BuyerGroup>),
    MoveTargets(Vec<MoveTarget>),
    Policies(Vec<PolicyRow>),
    Policy(PolicyRow),
    Admins(Vec<AdminRow>),
    Audit(Vec<AuditEvent>),
    Outbox(Vec<Email>),
    Export(Export),
    Check(CheckReport),
    /// A lifecycle preview or run.
    Lifecycle(LifecycleReport),
    TakeOver(Outcome<TakeOverPlan>),
    Move(Outcome<MovePlan>),
    Cancel(Outcome<CancelPlan>),
    Buy(Outcome<BuyPlan>),
    /// An assignment or unassignment.
    Licenses(Outcome<LicensePlan>),
    PolicyChange(SetPolicyOutcome),
    AdminChange(AdminChange),
    /// A storefront purchase or trial.
    Storefront(StorefrontOutcome),
    AddLicenses(Outcome<AddLicensesPlan>),
    AskCancel(Outcome<AskCancelPlan>),
    Centralise(Outcome<CentralisePlan>),
    MoveProvisioned(Outcome<ProvisionedMovePlan>),
    /// One outbox e-mail.
    Email(Email),
    /// The tenant's language set.
    LanguageChange(LanguageChange),
    Import(ImportReport),
    /// A backup file, to be written by the front end.
    Backup(BackupImage),
    Spend(SpendReport),
    PurchaseNoticeChange(PurchaseNoticeChange),
    /// A desired-state policy file against the tenant (plan, drift, apply).
    PolicyPlan(PolicyPlan),
    PolicyExport(PolicyExport),
    Governance(Governance),
    PolicyDefault(DefaultChange),
    /// The products taken off the review queue.
    Review(Vec<ReviewItem>),
    Catalogue(CatalogueReport),
    OfferTypeChange(OfferTypeChange),
    Orphans(Vec<OrphanRow>),
    PolicyPreview(PolicyPreview),
    /// The tenant in Microsoft Graph's shapes, to be written by the front end.
    TenantExport(TenantExport),
}

/// A reply of another kind than the request calls for: only a client and a server of different
/// versions can get one (exit 5).
fn unexpected(wanted: &str, got: &Response) -> Error {
    Error::database(crate::text!(
        "error-unexpected-reply",
        wanted = wanted,
        got = got.name()
    ))
}
