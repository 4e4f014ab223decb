//! What a front end can ask: one variant per query and operation. Writes carry the clock
//! (`now`), and a `dry_run` where the operation has one; so do the reads that show statuses,
//! which are those of the lifecycle at the clock.

use crate::export::ExportSelection;
use crate::i18n::Lang;
use crate::import::{ImportFile, ImportKind, ImportOptions};
use crate::model::{CancelReason, PolicyValue, ProductId, SubscriptionId, Term, UserId};
use crate::ops::admin::AddAdmin;
use crate::ops::delivery::Attempt;
use crate::ops::move_provisioned::Provision;
use crate::ops::review_policy::ReviewScope;
use crate::ops::set_policy::PolicyScope;
use crate::ops::storefront::{Purchase, Trial};
use crate::policy::OfferType;
use crate::query::SubscriptionFilter;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Who acts, and in which tenant.
    Session,
    /// One row per product; with `self_service`, counting self-service subscriptions alone.
    ProductRows {
        self_service: bool,
        /// The clock: statuses are shown as the lifecycle has them then (SPEC §2 rule 11).
        now: DateTime<Utc>,
    },
    /// Every product's buyers, for searching products by buyer.
    ProductBuyers,
    SubscriptionRows {
        filter: SubscriptionFilter,
        now: DateTime<Utc>,
    },
    /// A subscription's row and its users; `sub` is an id or a unique prefix.
    SubscriptionDetail {
        sub: String,
        now: DateTime<Utc>,
    },
    /// The subscription an id or unique prefix (at least 4 characters) names.
    ResolveSubscription {
        sub: String,
    },
    /// Directory users by UPN, in the order given; the first unknown one is NotFound.
    UsersByUpn {
        upns: Vec<String>,
    },
    /// The users of these subscriptions, grouped by buyer.
    UsersByBuyer {
        subs: Vec<SubscriptionId>,
    },
    /// The subscriptions `from`'s users could move to, each with its refusal if any.
    MoveTargets {
        from: SubscriptionId,
    },
    PolicyRows,
    PolicyRow {
        product: String,
    },
    AdminRows,
    /// Audit events, newest first.
    AuditEvents {
        limit: usize,
    },
    /// Outbox e-mails, newest first.
    OutboxEmails {
        limit: usize,
    },
    /// The rows of a user export; the client writes them.
    Export {
        selection: ExportSelection,
        now: DateTime<Utc>,
    },
    /// Every invariant of the database.
    Check,
    /// The lifecycle steps due up to `until`, changing nothing.
    LifecyclePreview {
        until: DateTime<Utc>,
    },
    /// Applies the lifecycle steps due up to `until` (the clock where None).
    LifecycleRun {
        now: DateTime<Utc>,
        until: Option<DateTime<Utc>>,
    },
    TakeOver {
        sub: SubscriptionId,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    MoveUsers {
        from: SubscriptionId,
        to: SubscriptionId,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    Cancel {
        sub: SubscriptionId,
        reason: CancelReason,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    /// A central purchase.
    BuyCentral {
        product: ProductId,
        quantity: u32,
        term: Term,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    Assign {
        sub: SubscriptionId,
        users: Vec<UserId>,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    Unassign {
        sub: SubscriptionId,
        users: Vec<UserId>,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    SetPolicy {
        scope: PolicyScope,
        value: PolicyValue,
        now: DateTime<Utc>,
    },
    AddAdmin {
        admin: AddAdmin,
        now: DateTime<Utc>,
    },
    /// Unbinds an administrator named by login or UPN.
    RemoveAdmin {
        login: String,
        now: DateTime<Utc>,
    },
    /// A directory user's purchase, made by an administrator for them.
    Purchase {
        purchase: Purchase,
        now: DateTime<Utc>,
    },
    /// A directory user's trial, started by an administrator for them.
    Trial {
        trial: Trial,
        now: DateTime<Utc>,
    },
    /// Licenses added to a central subscription, at its price and term.
    AddLicenses {
        sub: SubscriptionId,
        quantity: u32,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    /// An e-mail asking the buyer of a self-service subscription to cancel it.
    AskCancel {
        sub: SubscriptionId,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    /// Centralise with what the organisation owns: free central licenses first, then licenses
    /// added to a central subscription, a new one bought for `term` only where none exists.
    Centralise {
        product: ProductId,
        term: Term,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    /// A move into a central subscription given the licenses it lacks, or bought for the move,
    /// in one transaction with the move.
    MoveUsersProvisioned {
        from: SubscriptionId,
        provision: Provision,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    /// One outbox e-mail, whole.
    OutboxEmail {
        id: u64,
    },
    /// Enabled directory users whose name or UPN contains `query` (case and accents aside).
    SearchUsers {
        query: String,
        limit: usize,
    },
    /// The tenant's language: the language of the e-mails the core writes.
    SetLanguage {
        language: Lang,
        now: DateTime<Utc>,
    },
    /// A file exported by the organisation's tools, read into the tenant (issue 12).
    Import {
        kind: ImportKind,
        file: ImportFile,
        options: ImportOptions,
        now: DateTime<Utc>,
    },
    /// A backup file of the whole tenant, consistent at one revision (`backup`).
    Backup {
        now: DateTime<Utc>,
    },
    /// The e-mails to try to deliver now, oldest first; every pending one with `all_pending`.
    OutboxDue {
        now: DateTime<Utc>,
        all_pending: bool,
    },
    /// What the relay did with one e-mail.
    RecordDelivery {
        id: u64,
        attempt: Attempt,
        now: DateTime<Utc>,
    },
    /// Run-rate, upcoming charges, waste, savings and history at the clock's date (issue 15).
    Spend {
        now: DateTime<Utc>,
    },
    /// Whether administrators get a notice of each self-service purchase and trial.
    SetPurchaseNotice {
        on: bool,
        now: DateTime<Utc>,
    },
    /// A desired-state policy file against the tenant, changing nothing (`policy plan|drift`).
    PolicyPlan {
        file: ImportFile,
    },
    /// The tenant made to match a desired-state policy file, in one transaction.
    PolicyApply {
        file: ImportFile,
        now: DateTime<Utc>,
    },
    /// Today's policies as a desired-state file.
    PolicyExport,
    /// The default for new products, the review queue and the offer types' policies.
    Governance,
    /// The value every product not seen before gets.
    SetPolicyDefault {
        value: PolicyValue,
        now: DateTime<Utc>,
    },
    /// Products taken off the review queue.
    AcceptReview {
        scope: ReviewScope,
        now: DateTime<Utc>,
    },
    /// Products in the catalogue's format read into the tenant.
    UpdateCatalogue {
        file: ImportFile,
        dry_run: bool,
        now: DateTime<Utc>,
    },
    /// An offer type's policy (`Enabled` or `Disabled`).
    SetOfferTypePolicy {
        offer: OfferType,
        value: PolicyValue,
        now: DateTime<Utc>,
    },
    /// Self-service purchases whose buyer is disabled or gone.
    Orphans {
        now: DateTime<Utc>,
    },
    /// What `SetPolicy` would do and leave untouched, changing nothing.
    PolicyPreview {
        scope: PolicyScope,
        value: PolicyValue,
        now: DateTime<Utc>,
    },
    /// Graph's subscriptions read into the tenant, priced from `prices` where given (issue 12).
    ImportSubscriptions {
        file: ImportFile,
        prices: Option<ImportFile>,
        options: ImportOptions,
        now: DateTime<Utc>,
    },
    /// The directory's users and the subscriptions in Microsoft Graph's shapes (`tenant export`).
    TenantExport,
}

impl Request {
    /// The variant's name, for a server's log.
    pub fn name(&self) -> &'static str {
        use Request as Q;
        match self {
            Q::Session => "Session",
            Q::ProductRows { .. } => "ProductRows",
            Q::ProductBuyers => "ProductBuyers",
            Q::SubscriptionRows { .. } => "SubscriptionRows",
            Q::SubscriptionDetail { .. } => "SubscriptionDetail",
            Q::ResolveSubscription { .. } => "ResolveSubscription",
            Q::UsersByUpn { .. } => "UsersByUpn",
            Q::UsersByBuyer { .. } => "UsersByBuyer",
            Q::MoveTargets { .. } => "MoveTargets",
            Q::PolicyRows => "PolicyRows",
            Q::PolicyRow { .. } => "PolicyRow",
            Q::AdminRows => "AdminRows",
            Q::AuditEvents { .. } => "AuditEvents",
            Q::OutboxEmails { .. } => "OutboxEmails",
            Q::Export { .. } => "Export",
            Q::Check => "Check",
            Q::LifecyclePreview { .. } => "LifecyclePreview",
            Q::LifecycleRun { .. } => "LifecycleRun",
            Q::TakeOver { .. } => "TakeOver",
            Q::MoveUsers { .. } => "MoveUsers",
            Q::Cancel { .. } => "Cancel",
            Q::BuyCentral { .. } => "BuyCentral",
            Q::Assign { .. } => "Assign",
            Q::Unassign { .. } => "Unassign",
            Q::SetPolicy { .. } => "SetPolicy",
            Q::AddAdmin { .. } => "AddAdmin",
            Q::RemoveAdmin { .. } => "RemoveAdmin",
            Q::Purchase { .. } => "Purchase",
            Q::Trial { .. } => "Trial",
            Q::AddLicenses { .. } => "AddLicenses",
            Q::AskCancel { .. } => "AskCancel",
            Q::Centralise { .. } => "Centralise",
            Q::MoveUsersProvisioned { .. } => "MoveUsersProvisioned",
            Q::OutboxEmail { .. } => "OutboxEmail",
            Q::SearchUsers { .. } => "SearchUsers",
            Q::SetLanguage { .. } => "SetLanguage",
            Q::Import { .. } => "Import",
            Q::Backup { .. } => "Backup",
            Q::OutboxDue { .. } => "OutboxDue",
            Q::RecordDelivery { .. } => "RecordDelivery",
            Q::Spend { .. } => "Spend",
            Q::SetPurchaseNotice { .. } => "SetPurchaseNotice",
            Q::PolicyPlan { .. } => "PolicyPlan",
            Q::PolicyApply { .. } => "PolicyApply",
            Q::PolicyExport => "PolicyExport",
            Q::Governance => "Governance",
            Q::SetPolicyDefault { .. } => "SetPolicyDefault",
            Q::AcceptReview { .. } => "AcceptReview",
            Q::UpdateCatalogue { .. } => "UpdateCatalogue",
            Q::SetOfferTypePolicy { .. } => "SetOfferTypePolicy",
            Q::Orphans { .. } => "Orphans",
            Q::PolicyPreview { .. } => "PolicyPreview",
            Q::ImportSubscriptions { .. } => "ImportSubscriptions",
            Q::TenantExport => "TenantExport",
        }
    }

    /// Whether answering may change the database: a server runs these one at a time. A dry run
    /// only reads.
    pub fn writes(&self) -> bool {
        use Request as Q;
        match self {
            Q::LifecycleRun { .. }
            | Q::SetPolicy { .. }
            | Q::AddAdmin { .. }
            | Q::RemoveAdmin { .. }
            | Q::Purchase { .. }
            | Q::Trial { .. }
            | Q::SetLanguage { .. }
            | Q::RecordDelivery { .. }
            | Q::SetPurchaseNotice { .. }
            | Q::PolicyApply { .. }
            | Q::SetPolicyDefault { .. }
            | Q::AcceptReview { .. }
            | Q::SetOfferTypePolicy { .. } => true,
            Q::TakeOver { dry_run, .. }
            | Q::MoveUsers { dry_run, .. }
            | Q::Cancel { dry_run, .. }
            | Q::BuyCentral { dry_run, .. }
            | Q::Assign { dry_run, .. }
            | Q::Unassign { dry_run, .. }
            | Q::AddLicenses { dry_run, .. }
            | Q::AskCancel { dry_run, .. }
            | Q::Centralise { dry_run, .. }
            | Q::MoveUsersProvisioned { dry_run, .. } => !dry_run,
            Q::Import { options, .. } | Q::ImportSubscriptions { options, .. } => !options.dry_run,
            Q::UpdateCatalogue { dry_run, .. } => !dry_run,
            Q::Session
            | Q::ProductRows { .. }
            | Q::ProductBuyers
            | Q::SubscriptionRows { .. }
            | Q::SubscriptionDetail { .. }
            | Q::ResolveSubscription { .. }
            | Q::UsersByUpn { .. }
            | Q::UsersByBuyer { .. }
            | Q::MoveTargets { .. }
            | Q::PolicyRows
            | Q::PolicyRow { .. }
            | Q::AdminRows
            | Q::AuditEvents { .. }
            | Q::OutboxEmails { .. }
            | Q::Export { .. }
            | Q::Check
            | Q::LifecyclePreview { .. }
            | Q::OutboxEmail { .. }
            | Q::SearchUsers { .. }
            | Q::Backup { .. }
            | Q::OutboxDue { .. }
            | Q::Spend { .. }
            | Q::PolicyPlan { .. }
            | Q::PolicyExport
            | Q::Governance
            | Q::Orphans { .. }
            | Q::PolicyPreview { .. }
            | Q::TenantExport => false,
        }
    }
}
