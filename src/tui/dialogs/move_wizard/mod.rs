//! The move-users wizard (SPEC §4 screen 3), over the Subscriptions screen: take over → choose
//! the target (those without room are listed, not selectable, with how many licenses they lack;
//! or buy a central subscription of the right size) → review the dry run → confirm → progress →
//! result. Until the yes at step 4 nothing is written: Esc anywhere before it changes nothing.

mod page;
mod views;

pub use views::{BuyView, MoveView, TakeOverInfo, Target};

use super::words::short;
use super::{self as dialog, refusal, Context, Load, Opened, Paged, Step};
use crate::tui::effect::Job;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, Utc};
use selfserve_core::api::Request;
use selfserve_core::model::{ProductId, SubscriptionId, Term};
use selfserve_core::ops::buy::BuyPlan;
use selfserve_core::ops::move_users::{MovePlan, MoveTarget};
use selfserve_core::ops::take_over::{Outcome, TakeOverPlan};
use selfserve_core::Capability;

/// What the wizard's jobs bring back.
#[derive(Debug, Clone)]
pub enum MoveReply {
    TakeOverInfo(SubscriptionId, Result<TakeOverInfo, String>),
    Targets {
        from: SubscriptionId,
        /// The target to put the cursor on when the list comes back (one just bought).
        select: Option<SubscriptionId>,
        targets: Result<Vec<Target>, String>,
    },
    Buy {
        dry_run: bool,
        plan: Result<BuyView, String>,
    },
    Move {
        dry_run: bool,
        from: SubscriptionId,
        to: SubscriptionId,
        plan: Result<MoveView, String>,
    },
}

fn take_over_job(sub: SubscriptionId, now: DateTime<Utc>) -> Job {
    Job::new("take-over dry run", move |client| {
        MoveReply::TakeOverInfo(
            sub,
            client
                .ask(Request::TakeOver {
                    sub,
                    now,
                    dry_run: true,
                })
                .map(|o: Outcome<TakeOverPlan>| TakeOverInfo::from_plan(&o.plan))
                .map_err(refusal),
        )
    })
}

fn move_job(from: SubscriptionId, to: SubscriptionId, now: DateTime<Utc>, dry_run: bool) -> Job {
    Job::new("move users", move |client| MoveReply::Move {
        dry_run,
        from,
        to,
        plan: client
            .ask(Request::MoveUsers {
                from,
                to,
                now,
                dry_run,
            })
            .map(|o: Outcome<MovePlan>| MoveView::from_plan(&o.plan))
            .map_err(refusal),
    })
}

/// Opens the wizard on the selected subscription; it starts with `take_over`'s dry run.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "change subscriptions")?;
    let row = cx
        .subscription
        .ok_or("Choose a subscription first (2 Subscriptions, then ↑↓)")?;
    let buyer = match (&row.buyer_name, &row.buyer) {
        (Some(name), Some(upn)) => format!(" bought by {name} <{upn}>"),
        _ => " (central)".to_string(),
    };
    let wizard = MoveWizard {
        from: row.id,
        product: row.product_id.clone(),
        heading: format!(
            "{} subscription {}…{buyer}",
            row.product_name,
            short(row.id)
        ),
        users: row.assigned,
        step: MoveStep::TakeOver,
        take_over: Load::Waiting,
        targets: Load::Waiting,
        cursor: 0,
        buy: Load::Waiting,
        term: Term::Annual,
        to: None,
        plan: Load::Waiting,
        scroll: 0,
        result: None,
        note: None,
        ticks: 0,
    };
    Opened::new(wizard, Step::job(take_over_job(row.id, cx.now)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveStep {
    TakeOver,
    Targets,
    BuyReview,
    Buying,
    Review,
    Confirm,
    Working,
    Done,
}

#[derive(Debug, Clone)]
pub struct MoveWizard {
    pub from: SubscriptionId,
    pub product: ProductId,
    /// "Power BI Pro subscription 516de49e… bought by Emma <emma@…>".
    pub heading: String,
    /// Users holding its licenses when the wizard opened (what a purchase is sized for).
    pub users: u32,
    pub step: MoveStep,
    pub take_over: Load<TakeOverInfo>,
    pub targets: Load<Vec<Target>>,
    pub cursor: usize,
    pub buy: Load<BuyView>,
    /// The term of the purchase offered at step 2 (annual, as the admin center offers first).
    pub term: Term,
    /// The target the review is for, and its plan.
    pub to: Option<SubscriptionId>,
    pub plan: Load<MoveView>,
    pub scroll: usize,
    pub result: Option<Result<MoveView, String>>,
    /// A remark on the last key (why a target cannot be chosen, what to press).
    pub note: Option<String>,
    pub ticks: u32,
}

impl MoveWizard {
    fn targets_job(&self, select: Option<SubscriptionId>) -> Job {
        let from = self.from;
        Job::new("move targets", move |client| MoveReply::Targets {
            from,
            select,
            targets: client
                .ask(Request::MoveTargets { from })
                .map(|ts: Vec<MoveTarget>| ts.iter().map(Target::from_core).collect())
                .map_err(refusal),
        })
    }

    fn buy_job(&self, now: DateTime<Utc>, dry_run: bool) -> Job {
        let (product, quantity, term) = (self.product.clone(), self.users, self.term);
        Job::new("buy central", move |client| MoveReply::Buy {
            dry_run,
            plan: client
                .ask(Request::BuyCentral {
                    product,
                    quantity,
                    term,
                    now,
                    dry_run,
                })
                .map(|o: Outcome<BuyPlan>| BuyView::from_plan(&o.plan))
                .map_err(refusal),
        })
    }
}

impl Paged for MoveWizard {
    type Reply = MoveReply;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        use DialogKey::*;
        self.note = None;
        match (self.step, key) {
            // Keys typed ahead go on before the facts arrive; a refusal stops here.
            (MoveStep::TakeOver, Next) => match &self.take_over {
                Load::Ready(_) | Load::Waiting => {
                    self.step = MoveStep::Targets;
                    self.targets = Load::Waiting;
                    return Step::job(self.targets_job(None));
                }
                Load::Failed(_) => self.note = Some("Nothing to do here: Esc closes.".into()),
            },
            (MoveStep::TakeOver, Back) | (MoveStep::Done, Next | Back) => return Step::close(),
            (MoveStep::Targets, Up) => self.cursor = self.cursor.saturating_sub(1),
            (MoveStep::Targets, Down) => {
                if let Some(ts) = self.targets.ready() {
                    self.cursor = (self.cursor + 1).min(ts.len().saturating_sub(1));
                }
            }
            (MoveStep::Targets, Next) if self.targets == Load::Waiting => {
                self.note = Some("Still reading the subscriptions…".into())
            }
            (MoveStep::Targets, Next) => {
                let Some(t) = self.targets.ready().and_then(|ts| ts.get(self.cursor)) else {
                    self.note = Some(format!(
                        "No target to choose: {} buys one",
                        DialogKey::Buy.label()
                    ));
                    return Step::none();
                };
                // Its refusal is on screen already, under the list.
                if t.refusal.is_some() {
                    self.note = Some(format!(
                        "Not selectable: choose one that says yes, or {} buys licenses",
                        DialogKey::Buy.label()
                    ));
                    return Step::none();
                }
                let to = t.id;
                self.to = Some(to);
                self.plan = Load::Waiting;
                self.scroll = 0;
                self.step = MoveStep::Review;
                return Step::job(move_job(self.from, to, now, true));
            }
            (MoveStep::Targets, Buy) => {
                self.step = MoveStep::BuyReview;
                self.buy = Load::Waiting;
                return Step::job(self.buy_job(now, true));
            }
            (MoveStep::Targets, Back) => self.step = MoveStep::TakeOver,
            (MoveStep::BuyReview, Yes) if self.buy.ready().is_some() => {
                self.step = MoveStep::Buying;
                self.ticks = 0;
                return Step::job(self.buy_job(now, false));
            }
            (MoveStep::BuyReview, Next) => {
                self.note = Some(format!("{} buys them; Esc goes back", Yes.label()))
            }
            (MoveStep::BuyReview, DialogKey::Term) => {
                self.term = dialog::other(self.term);
                self.buy = Load::Waiting;
                return Step::job(self.buy_job(now, true));
            }
            (MoveStep::BuyReview, Back) => self.step = MoveStep::Targets,
            (MoveStep::Review, Up) => self.scroll = self.scroll.saturating_sub(1),
            (MoveStep::Review, Down) => {
                if let Some(p) = self.plan.ready() {
                    self.scroll = (self.scroll + 1).min(p.users.len().saturating_sub(1));
                }
            }
            (MoveStep::Review, Next) if self.plan.ready().is_some() => {
                self.step = MoveStep::Confirm
            }
            (MoveStep::Review, Next) if self.plan == Load::Waiting => {
                self.note = Some("Still planning the move…".into())
            }
            (MoveStep::Review, Back) => self.step = MoveStep::Targets,
            (MoveStep::Confirm, Yes) => {
                if let Some(to) = self.to {
                    self.step = MoveStep::Working;
                    self.ticks = 0;
                    return Step::job(move_job(self.from, to, now, false));
                }
            }
            (MoveStep::Confirm, Next) => {
                self.note = Some(format!(
                    "{} moves them; {} goes back, nothing changes",
                    Yes.label(),
                    Back.label()
                ))
            }
            (MoveStep::Confirm, Back) => self.step = MoveStep::Review,
            (MoveStep::Working | MoveStep::Buying, _) => {
                self.note = Some("Still working: the result shows here when it is done.".into())
            }
            _ => {}
        }
        Step::none()
    }
    fn on_reply(&mut self, reply: MoveReply) -> Step {
        match reply {
            MoveReply::TakeOverInfo(sub, r) if sub == self.from => self.take_over = r.into(),
            MoveReply::Targets {
                from,
                select,
                targets,
            } if from == self.from => {
                if let Ok(ts) = &targets {
                    // On the one just bought, else on the first that can take the users.
                    self.cursor = select
                        .and_then(|id| ts.iter().position(|t| t.id == id))
                        .or_else(|| ts.iter().position(Target::selectable))
                        .unwrap_or(0);
                }
                self.targets = targets.into();
            }
            MoveReply::Buy {
                dry_run: true,
                plan,
            } if self.step == MoveStep::BuyReview
                && plan.as_ref().map_or(true, |b| b.term == self.term) =>
            {
                self.buy = plan.into()
            }
            MoveReply::Buy {
                dry_run: false,
                plan,
            } if self.step == MoveStep::Buying => {
                let written = Step::done(&plan);
                match plan {
                    Ok(bought) => {
                        self.step = MoveStep::Targets;
                        self.targets = Load::Waiting;
                        return written.with_job(self.targets_job(Some(bought.id)));
                    }
                    Err(e) => {
                        self.step = MoveStep::BuyReview;
                        self.buy = Load::Failed(e);
                        return written;
                    }
                }
            }
            MoveReply::Move {
                dry_run: true,
                from,
                to,
                plan,
            } if from == self.from && Some(to) == self.to && self.step == MoveStep::Review => {
                self.plan = plan.into()
            }
            MoveReply::Move {
                dry_run: false,
                from,
                plan,
                ..
            } if from == self.from => {
                let written = Step::done(&plan);
                self.step = MoveStep::Done;
                self.result = Some(plan);
                return written;
            }
            _ => {}
        }
        Step::none()
    }
    fn on_tick(&mut self) -> bool {
        if matches!(self.step, MoveStep::Working | MoveStep::Buying) {
            self.ticks += 1;
            true
        } else {
            false
        }
    }

    fn page(&self, theme: Theme) -> Page<'_> {
        self.steps_page(theme)
    }
}
