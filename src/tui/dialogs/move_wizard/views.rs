//! What the wizard shows of the core's plans, made once when a plan arrives, sanitized.

use super::super::words::{emails, named, recipients, short, users};
use super::super::{count, Summary};
use crate::text::sanitize;
use crate::tui::widgets::table::thousands;
use chrono::NaiveDate;
use selfserve_core::model::{SubscriptionId, Term};
use selfserve_core::ops::buy::BuyPlan;
use selfserve_core::ops::move_provisioned::ProvisionedMovePlan;
use selfserve_core::ops::move_users::{MovePlan, MoveTarget, WhyNot};
use selfserve_core::ops::take_over::TakeOverPlan;

/// Step 1's facts, from `take_over`'s dry run.
#[derive(Debug, Clone, PartialEq)]
pub struct TakeOverInfo {
    /// Who took it over and when, where someone has.
    pub already: Option<(String, NaiveDate)>,
}

impl TakeOverInfo {
    pub fn from_plan(p: &TakeOverPlan) -> TakeOverInfo {
        TakeOverInfo {
            already: p
                .already_taken_over
                .then(|| (sanitize(&p.taken_over_by), p.taken_over_at.date_naive())),
        }
    }
}

/// A row of step 2, from `move_targets`.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: SubscriptionId,
    pub origin: &'static str,
    pub buyer: Option<String>,
    pub quantity: u32,
    pub free: u32,
    pub missing: u32,
    /// Why `move_users` would refuse it; None where it can take the users.
    pub refusal: Option<String>,
    /// A central, Active target that lacks licenses: the move can add the missing ones.
    pub addable: bool,
    /// The rule that refuses it (the core's), for the word beside it.
    pub why_not: Option<WhyNot>,
}

impl Target {
    pub fn from_core(t: &MoveTarget) -> Target {
        Target {
            id: t.subscription.id,
            origin: t.subscription.origin.label(),
            buyer: t.subscription.buyer.as_deref().map(sanitize),
            quantity: t.subscription.quantity,
            free: t.free,
            missing: t.missing,
            refusal: t.refusal.as_ref().map(|why| sanitize(&why.to_string())),
            addable: t.can_add_missing,
            why_not: t.why_not,
        }
    }

    pub fn selectable(&self) -> bool {
        self.refusal.is_none()
    }

    /// Whether it can take the users, or why not, in a few words for its row (the whole
    /// refusal shows under the list for the one under the cursor).
    pub fn answer(&self, users: u32) -> String {
        if self.addable {
            return format!("adds {} missing", thousands(u64::from(self.missing)));
        }
        match self.why_not {
            None => format!("yes, takes all {}", thousands(u64::from(users))),
            Some(WhyNot::NotActive(status)) => format!("no, {}", status.as_str()),
            Some(WhyNot::NotTakenOver) => "no, not taken over".to_string(),
            Some(WhyNot::NoRoom) => format!("no, {} missing", thousands(u64::from(self.missing))),
            Some(WhyNot::OtherProduct) => "no, other product".to_string(),
        }
    }
}

/// A central purchase as reviewed (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct BuyView {
    pub id: SubscriptionId,
    pub product_name: String,
    pub quantity: u32,
    pub unit: String,
    pub term: Term,
    pub cost: String,
    pub expires: NaiveDate,
}

impl BuyView {
    pub fn from_plan(p: &BuyPlan) -> BuyView {
        BuyView {
            id: p.subscription.id,
            product_name: sanitize(&p.subscription.product_name),
            quantity: p.subscription.quantity,
            unit: sanitize(&p.price.amount.to_string()),
            term: p.price.term,
            cost: sanitize(&p.cost_per_term.to_string()),
            expires: p.expires,
        }
    }

    /// The purchase in one sentence (the id only once it is bought: a dry run's is not kept).
    pub fn sentence(&self, bought: bool) -> String {
        format!(
            "{} {} licenses of {} centrally{}: {} per license per {} term, {} per term, paid by invoice, renewing automatically on {}.",
            if bought { "Bought" } else { "Buy" },
            thousands(u64::from(self.quantity)),
            self.product_name,
            if bought {
                format!(" (subscription {})", short(self.id))
            } else {
                String::new()
            },
            self.unit,
            self.term.as_str(),
            self.cost,
            self.expires
        )
    }
}

/// A move as reviewed (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct MoveView {
    pub from_id: SubscriptionId,
    pub to_id: SubscriptionId,
    pub from: String,
    pub from_label: String,
    pub to_label: String,
    pub takes_over: bool,
    pub users: Vec<String>,
    pub reason: &'static str,
    pub to_assigned_after: u32,
    pub to_quantity: u32,
    pub to_free_after: u32,
    pub emails: Vec<String>,
    pub recipients: Vec<String>,
    /// Licenses the move adds to its target, or the subscription it buys, first, in the same
    /// transaction.
    pub provision: Option<ProvisionView>,
}

/// What a move provides its target with before the users go there.
#[derive(Debug, Clone, PartialEq)]
pub enum ProvisionView {
    Added {
        licenses: u32,
        subscription: String,
        cost: String,
    },
    Bought(BuyView),
}

impl ProvisionView {
    pub fn sentence(&self, done: bool) -> String {
        match self {
            ProvisionView::Added {
                licenses,
                subscription,
                cost,
            } => format!(
                "{} {} to {subscription} first ({cost} more per term, by invoice).",
                if done { "Added" } else { "Adds" },
                count(*licenses as usize, "license")
            ),
            ProvisionView::Bought(b) => b.sentence(done),
        }
    }
}

impl MoveView {
    pub fn from_provisioned(p: &ProvisionedMovePlan) -> MoveView {
        let provision = match (&p.added, &p.bought) {
            (Some(a), _) => Some(ProvisionView::Added {
                licenses: a.added,
                subscription: named(&a.subscription),
                cost: sanitize(&a.cost_per_term.to_string()),
            }),
            (None, Some(b)) => Some(ProvisionView::Bought(BuyView::from_plan(b))),
            (None, None) => None,
        };
        let mut view = MoveView::from_plan(&p.moved);
        if let Some(ProvisionView::Bought(b)) = &provision {
            // Its id is drawn anew by each plan: name it by what it is.
            view.to_label = format!("the new central {} subscription", b.product_name);
        }
        MoveView { provision, ..view }
    }

    pub fn from_plan(p: &MovePlan) -> MoveView {
        MoveView {
            from_id: p.from.id,
            to_id: p.to.id,
            from: named(&p.from),
            from_label: sanitize(&p.from.label()),
            to_label: sanitize(&p.to.label()),
            takes_over: p.takes_over,
            users: users(&p.users),
            reason: p.cancellation_reason.as_str(),
            to_assigned_after: p.to_assigned_after,
            to_quantity: p.to.quantity,
            to_free_after: p.to_free_after,
            emails: emails(&p.emails),
            recipients: recipients(&p.emails),
            provision: None,
        }
    }

    /// The term of the subscription it buys, where it buys one.
    pub fn bought_term(&self) -> Option<Term> {
        match &self.provision {
            Some(ProvisionView::Bought(b)) => Some(b.term),
            _ => None,
        }
    }
}

impl Summary for MoveView {
    fn done(&self) -> String {
        let first = match &self.provision {
            Some(ProvisionView::Bought(b)) => {
                format!("Bought {}; ", count(b.quantity as usize, "license"))
            }
            Some(ProvisionView::Added { licenses, .. }) => {
                format!("Added {}; ", count(*licenses as usize, "license"))
            }
            None => String::new(),
        };
        format!(
            "{first}Moved {} to {}…; {}… is cancelled (Deleted){}",
            count(self.users.len(), "user"),
            short(self.to_id),
            short(self.from_id),
            if self.recipients.is_empty() {
                ""
            } else {
                ", buyer e-mailed"
            }
        )
    }
}
