//! Taking a subscription over on its own, from the Subscriptions screen (the admin center's
//! "Take control of this subscription"): the dry run says what happens, `y` does it. Once it is
//! taken over, administrators may assign and unassign its licenses.

use super::words::{named, short};
use super::{refusal, Context, Load, Opened, Paged, Step, Summary};
use crate::text::sanitize;
use crate::tui::effect::Job;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::style::Style;
use selfserve_core::api::Request;
use selfserve_core::model::SubscriptionId;
use selfserve_core::ops::take_over::{Outcome, TakeOverPlan};
use selfserve_core::Capability;

/// A take-over as planned (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct TakeOverView {
    pub id: SubscriptionId,
    pub subscription: String,
    /// Who took it over and when, where someone had already.
    pub already: Option<(String, NaiveDate)>,
    pub by: String,
}

impl TakeOverView {
    fn from_plan(p: &TakeOverPlan) -> TakeOverView {
        TakeOverView {
            id: p.subscription.id,
            subscription: named(&p.subscription),
            already: p
                .already_taken_over
                .then(|| (sanitize(&p.taken_over_by), p.taken_over_at.date_naive())),
            by: sanitize(&p.taken_over_by),
        }
    }
}

impl Summary for TakeOverView {
    fn done(&self) -> String {
        match &self.already {
            Some((by, on)) => format!(
                "{}… was taken over already, by {by} on {on}",
                short(self.id)
            ),
            None => format!(
                "Took over {}…: its licenses can now be assigned",
                short(self.id)
            ),
        }
    }
}

/// What the take-over's job brings back.
#[derive(Debug, Clone)]
pub struct TakeOverReply {
    pub dry_run: bool,
    pub plan: Result<TakeOverView, String>,
}

fn job(sub: SubscriptionId, now: DateTime<Utc>, dry_run: bool) -> Job {
    Job::new("take over", move |client| TakeOverReply {
        dry_run,
        plan: client
            .ask(Request::TakeOver { sub, now, dry_run })
            .map(|o: Outcome<TakeOverPlan>| TakeOverView::from_plan(&o.plan))
            .map_err(refusal),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakeOverStep {
    Review,
    Working,
    Done,
}

#[derive(Debug, Clone)]
pub struct TakeOverDialog {
    pub sub: SubscriptionId,
    pub step: TakeOverStep,
    pub plan: Load<TakeOverView>,
    pub result: Option<Result<TakeOverView, String>>,
    pub note: Option<String>,
    pub ticks: u32,
}

/// Opens on the selected subscription with the take-over's dry run.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "take subscriptions over")?;
    let row = cx
        .subscription
        .ok_or("Choose a subscription first (2 Subscriptions, then ↑↓)")?;
    let dialog = TakeOverDialog {
        sub: row.id,
        step: TakeOverStep::Review,
        plan: Load::Waiting,
        result: None,
        note: None,
        ticks: 0,
    };
    Opened::new(dialog, Step::job(job(row.id, cx.now, true)))
}

impl Paged for TakeOverDialog {
    type Reply = TakeOverReply;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        self.note = None;
        let ready = self.plan.ready().map(|p| p.already.is_none());
        match (self.step, key) {
            (TakeOverStep::Review, DialogKey::Yes) if ready == Some(true) => {
                self.step = TakeOverStep::Working;
                self.ticks = 0;
                return Step::job(job(self.sub, now, false));
            }
            (TakeOverStep::Review, DialogKey::Back) | (TakeOverStep::Done, _) => {
                return Step::close()
            }
            (TakeOverStep::Review, _) if ready == Some(true) => {
                self.note = Some(format!(
                    "{} takes it over; {} closes, nothing changes",
                    DialogKey::Yes.label(),
                    DialogKey::Back.label()
                ))
            }
            (TakeOverStep::Review, _) if self.plan == Load::Waiting => {
                self.note = Some("Still reading the subscription…".into())
            }
            (TakeOverStep::Review, _) => {
                self.note = Some(format!("Nothing to do: {} closes", DialogKey::Back.label()))
            }
            (TakeOverStep::Working, _) => {
                self.note = Some("Still working: the result shows here when it is done.".into())
            }
        }
        Step::none()
    }

    fn on_reply(&mut self, reply: TakeOverReply) -> Step {
        match reply {
            TakeOverReply {
                dry_run: true,
                plan,
            } if self.step == TakeOverStep::Review => self.plan = plan.into(),
            TakeOverReply {
                dry_run: false,
                plan,
            } if self.step == TakeOverStep::Working => {
                let written = Step::done(&plan);
                self.step = TakeOverStep::Done;
                self.result = Some(plan);
                return written;
            }
            _ => {}
        }
        Step::none()
    }

    fn on_tick(&mut self) -> bool {
        if self.step == TakeOverStep::Working {
            self.ticks += 1;
            true
        } else {
            false
        }
    }

    fn page(&self, theme: Theme) -> Page<'_> {
        let plain = Style::new();
        let what = match self.step {
            TakeOverStep::Review => "are you sure?",
            TakeOverStep::Working => "taking over",
            TakeOverStep::Done => "result",
        };
        let mut page = Page {
            title: format!(" Take over subscription · {what} "),
            intro: Vec::new(),
            list: None,
            outro: Vec::new(),
            keys: Vec::new(),
        };
        match self.step {
            TakeOverStep::Review => match &self.plan {
                Load::Waiting => page
                    .intro
                    .push(("Reading the subscription…".into(), theme.dim())),
                Load::Failed(e) => {
                    page.intro.push((e.clone(), theme.error()));
                    page.keys.push((DialogKey::Back.label(), "close"));
                }
                Load::Ready(p) => {
                    page.intro.push((p.subscription.clone(), theme.title()));
                    match &p.already {
                        Some((by, on)) => {
                            page.intro.push((
                                format!("Already taken over by {by} on {on}: nothing to do."),
                                plain,
                            ));
                            page.keys.push((DialogKey::Back.label(), "close"));
                        }
                        None => {
                            page.intro.push((
                                format!(
                                    "Takes it over as {}: administrators may then assign and unassign its licenses, move its users or cancel it. Its buyer keeps paying for it and is not e-mailed; its users keep their licenses.",
                                    p.by
                                ),
                                plain,
                            ));
                            page.intro.push(("Are you sure?".into(), theme.title()));
                            page.keys
                                .push((DialogKey::Yes.label(), "yes, take it over"));
                            page.keys
                                .push((DialogKey::Back.label(), "no, close, nothing changes"));
                        }
                    }
                }
            },
            TakeOverStep::Working => page
                .intro
                .push((super::working("Taking it over", self.ticks), plain)),
            TakeOverStep::Done => super::result_page(&mut page, &self.result, theme, |page, p| {
                page.intro.push((p.subscription.clone(), theme.title()));
                page.intro.push((p.done(), plain));
            }),
        }
        super::note_first(&mut page, &self.note, theme);
        page
    }
}
