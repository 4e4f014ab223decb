//! What the wizard shows of the core's plans, made once when a plan arrives, sanitized.

use super::super::words::{
    self, emails, named, reason_words, recipients, short, status_words, users,
};
use super::super::Summary;
use crate::i18n::Lang;
use crate::text::sanitize;
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
    pub origin: String,
    pub buyer: Option<String>,
    pub quantity: u32,
    pub free: u32,
    pub missing: u32,
    /// Why `move_users` would refuse it, in the reader's language; None where it can take
    /// the users.
    pub refusal: Option<String>,
    /// A central, Active target that lacks licenses: the move can add the missing ones.
    pub addable: bool,
    /// The rule that refuses it (the core's), for the word beside it.
    pub why_not: Option<WhyNot>,
}

impl Target {
    pub fn from_core(t: &MoveTarget, lang: Lang) -> Target {
        Target {
            id: t.subscription.id,
            origin: words::origin(lang, t.subscription.origin),
            buyer: t.subscription.buyer.as_deref().map(sanitize),
            quantity: t.subscription.quantity,
            free: t.free,
            missing: t.missing,
            refusal: t.refusal.as_ref().map(|why| sanitize(&why.in_lang(lang))),
            addable: t.can_add_missing,
            why_not: t.why_not,
        }
    }

    pub fn selectable(&self) -> bool {
        self.refusal.is_none()
    }

    /// Whether it can take the users, or why not, in a few words for its row (the whole
    /// refusal shows under the list for the one under the cursor).
    pub fn answer(&self, users: u32, lang: Lang) -> String {
        if self.addable {
            return tr!(lang, "dialog-target-adds", count = self.missing);
        }
        match self.why_not {
            None => tr!(lang, "dialog-target-yes", count = users),
            Some(WhyNot::NotActive(status)) => {
                tr!(
                    lang,
                    "dialog-target-not-active",
                    status = status_words(lang, status)
                )
            }
            Some(WhyNot::NotTakenOver) => lang.t("dialog-target-not-taken-over"),
            Some(WhyNot::NoRoom) => tr!(lang, "dialog-target-no-room", count = self.missing),
            Some(WhyNot::OtherProduct) => lang.t("dialog-target-other-product"),
        }
    }
}

/// A central purchase as reviewed (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct BuyView {
    pub lang: Lang,
    pub id: SubscriptionId,
    pub product_name: String,
    pub quantity: u32,
    pub unit: String,
    pub term: Term,
    pub cost: String,
    pub expires: NaiveDate,
}

impl BuyView {
    pub fn from_plan(p: &BuyPlan, lang: Lang) -> BuyView {
        BuyView {
            lang,
            id: p.subscription.id,
            product_name: sanitize(&p.subscription.product_name),
            quantity: p.subscription.quantity,
            unit: lang.money(&p.price.amount),
            term: p.price.term,
            cost: lang.money(&p.cost_per_term),
            expires: p.expires,
        }
    }

    /// The purchase in one sentence (the id only once it is bought: a dry run's is not kept).
    pub fn sentence(&self, bought: bool) -> String {
        let lang = self.lang;
        let term = words::term(lang, self.term);
        let date = lang.date(self.expires);
        if bought {
            tr!(
                lang,
                "dialog-buy-bought",
                count = self.quantity,
                product = &self.product_name,
                id = short(self.id),
                unit = &self.unit,
                term = term,
                cost = &self.cost,
                date = date
            )
        } else {
            tr!(
                lang,
                "dialog-buy-plan",
                count = self.quantity,
                product = &self.product_name,
                unit = &self.unit,
                term = term,
                cost = &self.cost,
                date = date
            )
        }
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
    /// The cancellation's reason in words.
    pub reason: String,
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
        lang: Lang,
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
                lang,
                licenses,
                subscription,
                cost,
            } => tr!(
                *lang,
                if done {
                    "dialog-added-first"
                } else {
                    "dialog-adds-first"
                },
                count = *licenses,
                sub = subscription,
                cost = cost
            ),
            ProvisionView::Bought(b) => b.sentence(done),
        }
    }
}

impl MoveView {
    pub fn from_provisioned(p: &ProvisionedMovePlan, lang: Lang) -> MoveView {
        let provision = match (&p.added, &p.bought) {
            (Some(a), _) => Some(ProvisionView::Added {
                lang,
                licenses: a.added,
                subscription: named(lang, &a.subscription),
                cost: lang.money(&a.cost_per_term),
            }),
            (None, Some(b)) => Some(ProvisionView::Bought(BuyView::from_plan(b, lang))),
            (None, None) => None,
        };
        let mut view = MoveView::from_plan(&p.moved, lang);
        if let Some(ProvisionView::Bought(b)) = &provision {
            // Its id is drawn anew by each plan: name it by what it is.
            view.to_label = tr!(lang, "dialog-new-central-sub", product = &b.product_name);
        }
        MoveView { provision, ..view }
    }

    pub fn from_plan(p: &MovePlan, lang: Lang) -> MoveView {
        MoveView {
            from_id: p.from.id,
            to_id: p.to.id,
            from: named(lang, &p.from),
            from_label: words::label(lang, &p.from.product_name, p.from.id),
            to_label: words::label(lang, &p.to.product_name, p.to.id),
            takes_over: p.takes_over,
            users: users(&p.users),
            reason: reason_words(lang, p.cancellation_reason),
            to_assigned_after: p.to_assigned_after,
            to_quantity: p.to.quantity,
            to_free_after: p.to_free_after,
            emails: emails(lang, &p.emails),
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
    fn done(&self, lang: Lang) -> String {
        let moved = tr!(
            lang,
            "dialog-move-done",
            count = self.users.len(),
            to = short(self.to_id),
            from = short(self.from_id),
            emailed = self.recipients.len()
        );
        match &self.provision {
            Some(ProvisionView::Bought(b)) => {
                tr!(
                    lang,
                    "dialog-move-done-bought",
                    count = b.quantity,
                    moved = moved
                )
            }
            Some(ProvisionView::Added { licenses, .. }) => {
                tr!(
                    lang,
                    "dialog-move-done-added",
                    count = *licenses,
                    moved = moved
                )
            }
            None => moved,
        }
    }
}
