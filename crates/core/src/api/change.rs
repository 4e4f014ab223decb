//! What a committed write changed, as the change notices tell every other front end: the
//! revision it made, what kind of record, which ones, and who did it.

use super::request::Request;
use crate::access::Actor;
use crate::i18n::Text;
use crate::import::ImportKind;
use crate::ops::review_policy::ReviewScope;
use crate::ops::set_policy::PolicyScope;
use crate::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One committed write, as a notice carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The database's revision once the write was committed.
    pub revision: u64,
    pub at: DateTime<Utc>,
    pub kind: RecordKind,
    /// What was done, as words for scripts (`watch --json`): "moved users", "cancelled", ...
    /// `summary` says it in the reader's language.
    pub action: String,
    /// The records changed: subscription ids, product ids, user ids or logins, as `kind` says.
    pub ids: Vec<String>,
    /// Who did it.
    pub login: String,
    pub upn: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Subscription,
    Assignment,
    Policy,
    Admin,
    /// The tenant's settings (its language).
    Tenant,
    /// An outbox e-mail (its delivery).
    Email,
}

impl RecordKind {
    /// The kind as a person reads it.
    pub fn text(self) -> Text {
        text!(match self {
            RecordKind::Subscription => "core-record-subscription",
            RecordKind::Assignment => "core-record-assignment",
            RecordKind::Policy => "core-record-policy",
            RecordKind::Admin => "core-record-admin",
            RecordKind::Tenant => "core-record-tenant",
            RecordKind::Email => "delivery-record-email",
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Subscription => "subscription",
            RecordKind::Assignment => "assignment",
            RecordKind::Policy => "policy",
            RecordKind::Admin => "admin",
            RecordKind::Tenant => "tenant",
            RecordKind::Email => "email",
        }
    }
}

impl Change {
    /// The change `request` made as `actor`, committed at `revision`; `None` for a request
    /// that changes nothing (a read, a dry run).
    pub fn of(
        request: &Request,
        actor: &Actor,
        revision: u64,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        let (kind, action, ids) = what_changed(request)?;
        Some(Change {
            revision,
            at,
            kind,
            action: action.to_string(),
            ids,
            login: actor.admin.login.clone(),
            upn: actor.user.upn.clone(),
        })
    }

    /// One line for a person: "alice@contoso.com moved users: subscription 1a2b3c4d, 5e6f7a8b",
    /// in the reader's language once rendered. Subscription and user ids are cut to their first
    /// 8 characters, as the screens show them.
    pub fn summary(&self) -> Text {
        let ids: Vec<&str> = self.ids.iter().map(|id| short(id)).collect();
        // An action this build does not know (a newer server's) is shown as its words.
        let action = ACTIONS
            .iter()
            .find(|(words, _)| *words == self.action)
            .map_or_else(|| Text::Verbatim(self.action.clone()), |(_, id)| text!(*id));
        if ids.is_empty() {
            text!(
                "core-change-summary",
                upn = &self.upn,
                action = action,
                kind = self.kind.text()
            )
        } else {
            text!(
                "core-change-summary-ids",
                upn = &self.upn,
                action = action,
                kind = self.kind.text(),
                ids = ids.join(", ")
            )
        }
    }
}

/// A uuid's first 8 characters; any other id whole.
fn short(id: &str) -> &str {
    match uuid::Uuid::parse_str(id) {
        Ok(_) => id.get(..8).unwrap_or(id),
        Err(_) => id,
    }
}

/// Each action's words (the `action` field scripts read) and its message for people.
const ACTIONS: [(&str, &str); 21] = [
    ("took over", "core-change-took-over"),
    ("moved users", "core-change-moved-users"),
    ("cancelled", "core-change-cancelled"),
    ("bought", "core-change-bought"),
    ("centralised", "core-change-centralised"),
    ("bought for a user", "core-change-bought-for-user"),
    ("started a trial for a user", "core-change-trial-for-user"),
    ("ran the lifecycle", "core-change-ran-lifecycle"),
    ("assigned licenses", "core-change-assigned"),
    ("removed licenses", "core-change-removed"),
    ("changed the policy", "core-change-policy"),
    ("changed every product's policy", "core-change-every-policy"),
    ("bound an administrator", "core-change-bound-admin"),
    ("unbound an administrator", "core-change-unbound-admin"),
    ("set the tenant's language", "core-change-language"),
    ("recorded a delivery attempt", "delivery-change-attempt"),
    ("applied a policy file", "gov-change-applied"),
    ("set the default for new products", "gov-change-default"),
    ("accepted new products", "gov-change-accepted"),
    ("updated the catalogue", "gov-change-catalogue"),
    ("changed an offer type's policy", "gov-change-offer-type"),
];

/// The kind of record a write changes, its words and the ids it names.
fn what_changed(request: &Request) -> Option<(RecordKind, &'static str, Vec<String>)> {
    use RecordKind as K;
    use Request as Q;
    if !request.writes() {
        return None;
    }
    let ids = |list: &[&dyn ToString]| list.iter().map(|id| id.to_string()).collect::<Vec<_>>();
    Some(match request {
        Q::TakeOver { sub, .. } => (K::Subscription, "took over", ids(&[sub])),
        Q::MoveUsers { from, to, .. } => (K::Subscription, "moved users", ids(&[from, to])),
        Q::Cancel { sub, .. } => (K::Subscription, "cancelled", ids(&[sub])),
        Q::BuyCentral { product, .. } => (K::Subscription, "bought", ids(&[product])),
        Q::Centralise { product, .. } => (K::Subscription, "centralised", ids(&[product])),
        Q::Purchase { purchase, .. } => (
            K::Subscription,
            "bought for a user",
            ids(&[&purchase.product, &purchase.user]),
        ),
        Q::Trial { trial, .. } => (
            K::Subscription,
            "started a trial for a user",
            ids(&[&trial.product, &trial.user]),
        ),
        Q::LifecycleRun { .. } => (K::Subscription, "ran the lifecycle", Vec::new()),
        Q::Assign { sub, users, .. } | Q::Unassign { sub, users, .. } => {
            let action = if matches!(request, Q::Assign { .. }) {
                "assigned licenses"
            } else {
                "removed licenses"
            };
            let mut list = ids(&[sub]);
            list.extend(users.iter().map(|u| u.to_string()));
            (K::Assignment, action, list)
        }
        Q::SetPolicy { scope, .. } => match scope {
            PolicyScope::Product(product) => (K::Policy, "changed the policy", ids(&[product])),
            PolicyScope::All => (K::Policy, "changed every product's policy", Vec::new()),
        },
        Q::AddAdmin { admin, .. } => (K::Admin, "bound an administrator", ids(&[&admin.login])),
        Q::RemoveAdmin { login, .. } => (K::Admin, "unbound an administrator", ids(&[login])),
        Q::SetLanguage { language, .. } => (
            K::Tenant,
            "set the tenant's language",
            vec![language.code().to_string()],
        ),
        Q::Import { kind, file, .. } => match kind {
            ImportKind::Policies => (K::Policy, "imported policies", vec![file.name.clone()]),
            ImportKind::Users => (K::Tenant, "imported users", vec![file.name.clone()]),
            ImportKind::Subscriptions => (
                K::Subscription,
                "imported subscriptions",
                vec![file.name.clone()],
            ),
            ImportKind::Assignments => (
                K::Subscription,
                "imported license assignments",
                vec![file.name.clone()],
            ),
        },
        Q::ImportSubscriptions { file, .. } => (
            K::Subscription,
            "imported subscriptions",
            vec![file.name.clone()],
        ),
        Q::RecordDelivery { id, .. } => (
            K::Email,
            "recorded a delivery attempt",
            vec![id.to_string()],
        ),
        Q::PolicyApply { file, .. } => {
            (K::Policy, "applied a policy file", vec![file.name.clone()])
        }
        Q::SetPolicyDefault { .. } => (K::Policy, "set the default for new products", Vec::new()),
        Q::AcceptReview { scope, .. } => match scope {
            ReviewScope::Product(id) => (K::Policy, "accepted new products", vec![id.clone()]),
            ReviewScope::All => (K::Policy, "accepted new products", Vec::new()),
        },
        Q::SetOfferTypePolicy { offer, .. } => (
            K::Policy,
            "changed an offer type's policy",
            vec![offer.as_str().to_string()],
        ),
        Q::UpdateCatalogue { file, .. } => {
            (K::Policy, "updated the catalogue", vec![file.name.clone()])
        }
        // Reads: `writes` answered above.
        _ => return None,
    })
}
