//! The move-users wizard (SPEC §4 screen 3), over the Subscriptions screen: take over → choose
//! the target (a central one without room gets the licenses it lacks added; others without room
//! are not selectable and say why; or buy a central subscription of the right size) → review the
//! dry run → confirm → progress → result. A purchase or added licenses are part of the plan and
//! happen in the same transaction as the move, at the one yes of step 4: Esc anywhere before it
//! changes nothing.

mod page;
mod views;

pub use views::{BuyView, MoveView, ProvisionView, TakeOverInfo, Target};

use super::words::heading;
use super::{self as dialog, refusal, Context, Load, Opened, Paged, Step};
use crate::i18n::Lang;
use crate::tui::effect::Job;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, Utc};
use selfserve_core::api::Request;
use selfserve_core::model::{ProductId, SubscriptionId, Term};
use selfserve_core::ops::move_provisioned::{Provision, ProvisionedMovePlan};
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
    Move {
        dry_run: bool,
        from: SubscriptionId,
        route: Route,
        // Boxed: a plan is far larger than the other replies.
        plan: Result<Box<MoveView>, String>,
    },
}

/// Where the users go, and what the move provides there first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Into a subscription with room for them.
    Into(SubscriptionId),
    /// Into a central subscription, adding the licenses it lacks.
    AddTo(SubscriptionId),
    /// Into a central subscription bought for them, for this term.
    Buy(Term),
}

fn take_over_job(sub: SubscriptionId, now: DateTime<Utc>, lang: Lang) -> Job {
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
                .map_err(|e| refusal(e, lang)),
        )
    })
}

fn move_job(
    from: SubscriptionId,
    route: Route,
    now: DateTime<Utc>,
    dry_run: bool,
    lang: Lang,
) -> Job {
    Job::new("move users", move |client| {
        let provisioned = |provision| {
            client
                .ask(Request::MoveUsersProvisioned {
                    from,
                    provision,
                    now,
                    dry_run,
                })
                .map(|o: Outcome<ProvisionedMovePlan>| MoveView::from_provisioned(&o.plan, lang))
        };
        let plan = match route {
            Route::Into(to) => client
                .ask(Request::MoveUsers {
                    from,
                    to,
                    now,
                    dry_run,
                })
                .map(|o: Outcome<MovePlan>| MoveView::from_plan(&o.plan, lang)),
            Route::AddTo(to) => provisioned(Provision::AddMissing { to }),
            Route::Buy(term) => provisioned(Provision::Buy { term }),
        };
        MoveReply::Move {
            dry_run,
            from,
            route,
            plan: plan.map(Box::new).map_err(|e| refusal(e, lang)),
        }
    })
}

/// Opens the wizard on the selected subscription; it starts with `take_over`'s dry run.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(
        Capability::ManageSubscriptions,
        "dialog-do-change-subscriptions",
    )?;
    let row = cx.subscription.ok_or_else(|| cx.no_subscription())?;
    let lang = cx.lang();
    let wizard = MoveWizard {
        lang,
        from: row.id,
        product: row.product_id.clone(),
        heading: heading(lang, row),
        users: row.assigned,
        step: MoveStep::TakeOver,
        take_over: Load::Waiting,
        targets: Load::Waiting,
        cursor: 0,
        term: Term::Annual,
        route: None,
        plan: Load::Waiting,
        scroll: 0,
        result: None,
        note: None,
        ticks: 0,
    };
    Opened::new(wizard, Step::job(take_over_job(row.id, cx.now, lang)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveStep {
    TakeOver,
    Targets,
    Review,
    Confirm,
    Working,
    Done,
}

#[derive(Debug, Clone)]
pub struct MoveWizard {
    /// The language of its words: the session's.
    pub lang: Lang,
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
    /// The term of the purchase offered at step 2 (annual, as the admin center offers first).
    pub term: Term,
    /// Where the review sends the users, and its plan.
    pub route: Option<Route>,
    pub plan: Load<MoveView>,
    pub scroll: usize,
    pub result: Option<Result<MoveView, String>>,
    /// A remark on the last key (why a target cannot be chosen, what to press).
    pub note: Option<String>,
    pub ticks: u32,
}

impl MoveWizard {
    fn targets_job(&self, select: Option<SubscriptionId>) -> Job {
        let (from, lang) = (self.from, self.lang);
        Job::new("move targets", move |client| MoveReply::Targets {
            from,
            select,
            targets: client
                .ask(Request::MoveTargets { from })
                .map(|ts: Vec<MoveTarget>| ts.iter().map(|t| Target::from_core(t, lang)).collect())
                .map_err(|e| refusal(e, lang)),
        })
    }

    /// Plans the move along `route` (its dry run), at step 3.
    fn review(&mut self, route: Route, now: DateTime<Utc>) -> Step {
        self.route = Some(route);
        self.plan = Load::Waiting;
        self.scroll = 0;
        self.step = MoveStep::Review;
        Step::job(move_job(self.from, route, now, true, self.lang))
    }
}

impl Paged for MoveWizard {
    type Reply = MoveReply;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        use DialogKey::*;
        let lang = self.lang;
        self.note = None;
        match (self.step, key) {
            // Keys typed ahead go on before the facts arrive; a refusal stops here.
            (MoveStep::TakeOver, Next) => match &self.take_over {
                Load::Ready(_) | Load::Waiting => {
                    self.step = MoveStep::Targets;
                    self.targets = Load::Waiting;
                    return Step::job(self.targets_job(None));
                }
                Load::Failed(_) => self.note = Some(lang.t("dialog-note-nothing-here")),
            },
            (MoveStep::TakeOver, Back) | (MoveStep::Done, Next | Back) => return Step::close(),
            (MoveStep::Targets, Up) => self.cursor = self.cursor.saturating_sub(1),
            (MoveStep::Targets, Down) => {
                if let Some(ts) = self.targets.ready() {
                    self.cursor = (self.cursor + 1).min(ts.len().saturating_sub(1));
                }
            }
            (MoveStep::Targets, Next) if self.targets == Load::Waiting => {
                self.note = Some(lang.t("dialog-reading-subscriptions"))
            }
            (MoveStep::Targets, Next) => {
                let Some(t) = self.targets.ready().and_then(|ts| ts.get(self.cursor)) else {
                    self.note = Some(tr!(
                        lang,
                        "dialog-move-note-no-target",
                        key = DialogKey::Buy.label()
                    ));
                    return Step::none();
                };
                let route = if t.refusal.is_none() {
                    Route::Into(t.id)
                } else if t.addable {
                    Route::AddTo(t.id)
                } else {
                    // Its refusal is on screen already, under the list.
                    self.note = Some(tr!(
                        lang,
                        "dialog-move-note-not-selectable",
                        key = DialogKey::Buy.label()
                    ));
                    return Step::none();
                };
                return self.review(route, now);
            }
            (MoveStep::Targets, Buy) => return self.review(Route::Buy(self.term), now),
            (MoveStep::Targets, Back) => self.step = MoveStep::TakeOver,
            (MoveStep::Review, DialogKey::Term) if matches!(self.route, Some(Route::Buy(_))) => {
                self.term = dialog::other(self.term);
                return self.review(Route::Buy(self.term), now);
            }
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
                self.note = Some(lang.t("dialog-move-planning"))
            }
            (MoveStep::Review, Back) => self.step = MoveStep::Targets,
            (MoveStep::Confirm, Yes) => {
                if let Some(route) = self.route {
                    self.step = MoveStep::Working;
                    self.ticks = 0;
                    return Step::job(move_job(self.from, route, now, false, lang));
                }
            }
            (MoveStep::Confirm, Next) => {
                self.note = Some(tr!(
                    lang,
                    "dialog-move-note-confirm",
                    yes = Yes.label(),
                    back = Back.label()
                ))
            }
            (MoveStep::Confirm, Back) => self.step = MoveStep::Review,
            (MoveStep::Working, _) => self.note = Some(lang.t("dialog-note-working")),
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
            MoveReply::Move {
                dry_run: true,
                from,
                route,
                plan,
            } if from == self.from
                && Some(route) == self.route
                && self.step == MoveStep::Review =>
            {
                self.plan = plan.map(|p| *p).into()
            }
            MoveReply::Move {
                dry_run: false,
                from,
                plan,
                ..
            } if from == self.from => {
                let plan = plan.map(|p| *p);
                let written = Step::done(&plan, self.lang);
                self.step = MoveStep::Done;
                self.result = Some(plan);
                return written;
            }
            _ => {}
        }
        Step::none()
    }
    fn on_tick(&mut self) -> bool {
        if self.step == MoveStep::Working {
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
