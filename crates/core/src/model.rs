//! The domain of SPEC §1: typed ids, money, products, policies, users, subscriptions,
//! license assignments, admins, e-mails and audit events.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! guid_id {
    ($name:ident) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }
            pub fn from_slice(bytes: &[u8]) -> Option<Self> {
                Uuid::from_slice(bytes).ok().map($name)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

guid_id!(TenantId);
guid_id!(UserId);
guid_id!(SubscriptionId);

/// An MSCommerce product id such as `CFQ7TTC0H9MP`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProductId(pub String);

impl fmt::Display for ProductId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An amount in minor units (cents) of an ISO 4217 currency: exact, never a float.
/// Its derived serde form is how the database stores it; keep it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: String,
}

impl Money {
    pub fn new(minor: i64, currency: &str) -> Self {
        Money {
            minor,
            currency: currency.to_string(),
        }
    }

    /// The amount in major units, only for the JSON contract (`"amount": 1470.0`).
    pub fn decimal(&self) -> f64 {
        self.minor as f64 / 100.0
    }
}

/// The one human form of money: "1,470.00 EUR", "-1,234,567.89 EUR".
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let units = thousands(abs / 100);
        write!(f, "{sign}{units}.{:02} {}", abs % 100, self.currency)
    }
}

/// A count with thousands separators: 1234567 gives "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How often a subscription is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Term {
    Monthly,
    Annual,
}

impl Term {
    pub fn as_str(self) -> &'static str {
        match self {
            Term::Monthly => "monthly",
            Term::Annual => "annual",
        }
    }
    pub fn months(self) -> u32 {
        match self {
            Term::Monthly => 1,
            Term::Annual => 12,
        }
    }
}

/// Where a subscription came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    SelfServicePurchase,
    SelfServiceTrial,
    Central,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::SelfServicePurchase => "self-service-purchase",
            Origin::SelfServiceTrial => "self-service-trial",
            Origin::Central => "central",
        }
    }
    pub fn is_self_service(self) -> bool {
        !matches!(self, Origin::Central)
    }
}

/// How a subscription is paid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaymentMethod {
    None,
    Card { last4: String },
    Invoice,
}

impl fmt::Display for PaymentMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PaymentMethod::None => f.write_str("none"),
            PaymentMethod::Card { last4 } => write!(f, "card •••• {last4}"),
            PaymentMethod::Invoice => f.write_str("invoice"),
        }
    }
}

/// The life of a subscription: Active → Expired → Disabled → Deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    Active,
    Expired,
    Disabled,
    Deleted,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Active,
        Status::Expired,
        Status::Disabled,
        Status::Deleted,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "Active",
            Status::Expired => "Expired",
            Status::Disabled => "Disabled",
            Status::Deleted => "Deleted",
        }
    }
    /// The status as a person reads it (« Supprimé »), to go into a sentence.
    pub fn text(self) -> crate::i18n::Text {
        crate::text!(match self {
            Status::Active => "core-status-active",
            Status::Expired => "core-status-expired",
            Status::Disabled => "core-status-disabled",
            Status::Deleted => "core-status-deleted",
        })
    }
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// The value of the MSCommerce policy `AllowSelfServicePurchase` for one product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PolicyValue {
    Enabled,
    OnlyTrialsWithoutPaymentMethod,
    Disabled,
}

impl PolicyValue {
    pub const ALL: [PolicyValue; 3] = [
        PolicyValue::Enabled,
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
        PolicyValue::Disabled,
    ];
    /// The name the PowerShell module uses.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyValue::Enabled => "Enabled",
            PolicyValue::OnlyTrialsWithoutPaymentMethod => "OnlyTrialsWithoutPaymentMethod",
            PolicyValue::Disabled => "Disabled",
        }
    }
    /// Accepts the module's names and the admin center's words, case-insensitively.
    pub fn parse(s: &str) -> Option<PolicyValue> {
        let key: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        match key.as_str() {
            "enabled" | "allow" => Some(PolicyValue::Enabled),
            "onlytrialswithoutpaymentmethod" | "allowtrialsonly" | "allowfortrialsonly" => {
                Some(PolicyValue::OnlyTrialsWithoutPaymentMethod)
            }
            "disabled" | "donotallow" => Some(PolicyValue::Disabled),
            _ => None,
        }
    }
}

/// The policy id the module knows; there is only one for this workflow.
pub const POLICY_ID: &str = "AllowSelfServicePurchase";

/// An administrator's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    GlobalAdministrator,
    BillingAdministrator,
    GlobalReader,
}

impl Role {
    pub const ALL: [Role; 3] = [
        Role::GlobalAdministrator,
        Role::BillingAdministrator,
        Role::GlobalReader,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Role::GlobalAdministrator => "GlobalAdministrator",
            Role::BillingAdministrator => "BillingAdministrator",
            Role::GlobalReader => "GlobalReader",
        }
    }
    /// The role as a person reads it (« administrateur général »), to go into a sentence; the
    /// English is the name `--role` takes.
    pub fn text(self) -> crate::i18n::Text {
        crate::text!(match self {
            Role::GlobalAdministrator => "core-role-global-administrator",
            Role::BillingAdministrator => "core-role-billing-administrator",
            Role::GlobalReader => "core-role-global-reader",
        })
    }
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Why an administrator cancelled a subscription (the admin center's fixed list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CancelReason {
    NoLongerNeeded,
    BoughtByMistake,
    MovingToCentral,
    TooExpensive,
    Other,
}

impl CancelReason {
    pub const ALL: [CancelReason; 5] = [
        CancelReason::NoLongerNeeded,
        CancelReason::BoughtByMistake,
        CancelReason::MovingToCentral,
        CancelReason::TooExpensive,
        CancelReason::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            CancelReason::NoLongerNeeded => "no-longer-needed",
            CancelReason::BoughtByMistake => "bought-by-mistake",
            CancelReason::MovingToCentral => "moving-to-central",
            CancelReason::TooExpensive => "too-expensive",
            CancelReason::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<CancelReason> {
        CancelReason::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// The cloud the tenant lives in (SPEC §1): it decides which admin center its administrators use.
/// Stored in the tenant record since schema 1, so every database has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cloud {
    Global,
    /// Microsoft 365 operated by 21Vianet in China. Named by hand: kebab-case would split it
    /// as "china21-vianet". (The database stores the variant's index, not its name.)
    #[serde(rename = "china-21vianet")]
    China21Vianet,
}

impl Cloud {
    pub const ALL: [Cloud; 2] = [Cloud::Global, Cloud::China21Vianet];
    pub fn as_str(self) -> &'static str {
        match self {
            Cloud::Global => "global",
            Cloud::China21Vianet => "china-21vianet",
        }
    }
    pub fn parse(s: &str) -> Option<Cloud> {
        Cloud::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
    }
    /// The admin center's address in this cloud, as SPEC §1 writes it.
    pub fn admin_center_url(self) -> &'static str {
        match self {
            Cloud::Global => "https://admin.microsoft.com",
            Cloud::China21Vianet => "https://portal.partner.microsoftonline.cn/",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    pub id: TenantId,
    pub display_name: String,
    pub currency: String,
    pub cloud: Cloud,
    pub existing_agreement: bool,
    /// A demo tenant is labelled as such on every screen.
    pub demo: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: ProductId,
    pub name: String,
    pub trial_without_payment_method: bool,
    pub trial_days: u16,
    /// List price per license per month, billed monthly (minor units of the tenant currency).
    pub monthly_price: i64,
    /// List price per license per year, billed annually.
    pub annual_price: i64,
}

impl Product {
    pub fn list_price(&self, term: Term) -> i64 {
        match term {
            Term::Monthly => self.monthly_price,
            Term::Annual => self.annual_price,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub display_name: String,
    pub upn: String,
    pub department: String,
    pub enabled: bool,
}

/// The price of one license for one term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    pub amount: Money,
    pub term: Term,
}

impl Price {
    /// What one license costs per month, rounded down to a minor unit.
    pub fn monthly_minor(&self) -> i64 {
        self.amount.minor / i64::from(self.term.months())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakeOver {
    pub by: UserId,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: SubscriptionId,
    pub product_id: ProductId,
    pub origin: Origin,
    pub buyer: Option<UserId>,
    pub quantity: u32,
    /// Count of license assignments, kept in step with the assignments tree by every write;
    /// `selfserve check` proves it.
    pub assigned: u32,
    pub price: Price,
    pub start: NaiveDate,
    pub expires: NaiveDate,
    pub auto_renew: bool,
    pub payment_method: PaymentMethod,
    pub status: Status,
    pub status_since: NaiveDate,
    pub taken_over: Option<TakeOver>,
    pub cancellation: Option<CancelReason>,
}

impl Subscription {
    pub fn free(&self) -> u32 {
        self.quantity.saturating_sub(self.assigned)
    }
    /// What the subscription costs per month while it is paid for.
    pub fn monthly_spend(&self) -> i64 {
        let paid = matches!(self.status, Status::Active | Status::Expired)
            && !matches!(self.payment_method, PaymentMethod::None)
            && self.origin != Origin::SelfServiceTrial;
        if paid {
            self.price.monthly_minor() * i64::from(self.quantity)
        } else {
            0
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub subscription: SubscriptionId,
    pub user: UserId,
    pub assigned_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Admin {
    pub login: String,
    pub user: UserId,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EmailKind {
    SubscriptionCancelled,
    UsersMoved,
    PleaseCancel,
    FirstTrial,
    Renewed,
    Converted,
    Expired,
    Disabled,
    Deleted,
    Notice,
}

impl EmailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EmailKind::SubscriptionCancelled => "subscription-cancelled",
            EmailKind::UsersMoved => "users-moved",
            EmailKind::PleaseCancel => "please-cancel",
            EmailKind::FirstTrial => "first-trial",
            EmailKind::Renewed => "renewed",
            EmailKind::Converted => "converted",
            EmailKind::Expired => "expired",
            EmailKind::Disabled => "disabled",
            EmailKind::Deleted => "deleted",
            EmailKind::Notice => "notice",
        }
    }
}

/// Where an e-mail is on its way out. `Pending`: not yet accepted by the relay (never tried, or
/// the relay refused for now, timed out or was absent); `Sent`: the relay accepted it; `Failed`:
/// the relay rejected it for good (a 5xx answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Delivery {
    Pending,
    Sent,
    // Last, so the variants stored before it keep their numbers.
    Failed,
}

impl Delivery {
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Pending => "pending",
            Delivery::Sent => "sent",
            Delivery::Failed => "failed",
        }
    }
}

/// What the attempts to deliver an e-mail gave; all empty before the first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryStatus {
    pub attempts: u32,
    /// Why the last attempt did not deliver it (the relay's answer, or why it was not reached).
    pub last_error: Option<String>,
    /// When it is tried again (exponential backoff); none once sent or given up.
    pub next_attempt: Option<DateTime<Utc>>,
    /// When the relay accepted it, and its answer.
    pub sent_at: Option<DateTime<Utc>>,
    pub answer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    pub id: u64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub kind: EmailKind,
    pub created_at: DateTime<Utc>,
    pub delivery: Delivery,
    /// Its `Message-ID` (without the angle brackets), the same at every attempt, so a copy sent
    /// twice (a crash between the relay's acceptance and its record) is recognisable. Set by the
    /// store when read.
    pub message_id: String,
    pub status: DeliveryStatus,
}

impl Email {
    /// An e-mail to write to the outbox: pending, its id and Message-ID given by the store.
    pub fn pending(
        to: String,
        subject: String,
        body: String,
        kind: EmailKind,
        created_at: DateTime<Utc>,
    ) -> Email {
        Email {
            id: 0,
            to,
            subject,
            body,
            kind,
            created_at,
            delivery: Delivery::Pending,
            message_id: String::new(),
            status: DeliveryStatus::default(),
        }
    }
}

/// The `Message-ID` of e-mail `id` of `tenant`: unique across tenants, stable across attempts.
pub fn message_id(tenant: TenantId, id: u64) -> String {
    format!("{id}.{}@selfserve", tenant.0.simple())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub id: u64,
    pub at: DateTime<Utc>,
    /// The acting administrator's UPN (or `system` for lifecycle runs).
    pub actor: String,
    pub action: String,
    pub target: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_displays_with_thousands_separators_and_the_sign_first() {
        let eur = |minor| Money::new(minor, "EUR").to_string();
        assert_eq!(eur(0), "0.00 EUR");
        assert_eq!(eur(5), "0.05 EUR");
        assert_eq!(eur(-5), "-0.05 EUR");
        assert_eq!(eur(99_999), "999.99 EUR");
        assert_eq!(eur(100_000), "1,000.00 EUR");
        assert_eq!(eur(147_000), "1,470.00 EUR");
        assert_eq!(eur(-123_456_789), "-1,234,567.89 EUR");
        assert_eq!(eur(i64::MIN), "-92,233,720,368,547,758.08 EUR");
        assert_eq!(Money::new(1, "USD").to_string(), "0.01 USD");
    }

    #[test]
    fn thousands_groups_digits_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn decimal_is_the_amount_in_major_units() {
        assert_eq!(Money::new(147_000, "EUR").decimal(), 1470.0);
        assert_eq!(Money::new(999, "EUR").decimal(), 9.99);
        assert_eq!(Money::new(-5, "EUR").decimal(), -0.05);
    }

    /// The database stores `Money` with postcard: zigzag varint minor units, then the currency.
    #[test]
    fn money_keeps_its_database_encoding() {
        let bytes = postcard::to_stdvec(&Money::new(147_000, "EUR")).expect("encode");
        assert_eq!(bytes, [0xf0, 0xf8, 0x11, 3, b'E', b'U', b'R']);
        let back: Money = postcard::from_bytes(&bytes).expect("decode");
        assert_eq!(back, Money::new(147_000, "EUR"));
    }
}
