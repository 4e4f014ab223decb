//! Asking a subscription's buyer to cancel it (the article's step 6, after a manual
//! centralisation): the dry run says who is paid twice, who would lose access and what the
//! e-mail says; `y` sends it. The subscription itself does not change.

use super::words::{emails, named, short, user_list, users};
use super::{count, refusal, Context, Load, Opened, Paged, Step, Summary};
use crate::tui::effect::Job;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, Utc};
use ratatui::style::Style;
use selfserve_core::api::Request;
use selfserve_core::model::SubscriptionId;
use selfserve_core::ops::ask_cancel::AskCancelPlan;
use selfserve_core::ops::take_over::Outcome;
use selfserve_core::Capability;

/// The request as planned (dry run) or sent.
#[derive(Debug, Clone, PartialEq)]
pub struct AskCancelView {
    pub id: SubscriptionId,
    pub subscription: String,
    pub paid_twice: Vec<String>,
    pub only_here: Vec<String>,
    pub emails: Vec<String>,
}

impl AskCancelView {
    fn from_plan(p: &AskCancelPlan) -> AskCancelView {
        AskCancelView {
            id: p.subscription.id,
            subscription: named(&p.subscription),
            paid_twice: users(&p.paid_twice),
            only_here: users(&p.only_licensed_here),
            emails: emails(&p.emails),
        }
    }
}

impl Summary for AskCancelView {
    fn done(&self) -> String {
        format!("Asked the buyer of {}… to cancel it", short(self.id))
    }
}

#[derive(Debug, Clone)]
pub struct AskCancelReply {
    pub dry_run: bool,
    pub plan: Result<AskCancelView, String>,
}

fn job(sub: SubscriptionId, now: DateTime<Utc>, dry_run: bool) -> Job {
    Job::new("ask to cancel", move |client| AskCancelReply {
        dry_run,
        plan: client
            .ask(Request::AskCancel { sub, now, dry_run })
            .map(|o: Outcome<AskCancelPlan>| AskCancelView::from_plan(&o.plan))
            .map_err(refusal),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskCancelStep {
    Review,
    Working,
    Done,
}

#[derive(Debug, Clone)]
pub struct AskCancelDialog {
    pub sub: SubscriptionId,
    pub step: AskCancelStep,
    pub plan: Load<AskCancelView>,
    pub scroll: usize,
    pub result: Option<Result<AskCancelView, String>>,
    pub note: Option<String>,
    pub ticks: u32,
}

/// Opens on the selected subscription with the request's dry run.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "e-mail buyers")?;
    let row = cx
        .subscription
        .ok_or("Choose a subscription first (2 Subscriptions, then ↑↓)")?;
    let dialog = AskCancelDialog {
        sub: row.id,
        step: AskCancelStep::Review,
        plan: Load::Waiting,
        scroll: 0,
        result: None,
        note: None,
        ticks: 0,
    };
    Opened::new(dialog, Step::job(job(row.id, cx.now, true)))
}

impl Paged for AskCancelDialog {
    type Reply = AskCancelReply;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        self.note = None;
        match (self.step, key) {
            (AskCancelStep::Review, DialogKey::Yes) if self.plan.ready().is_some() => {
                self.step = AskCancelStep::Working;
                self.ticks = 0;
                return Step::job(job(self.sub, now, false));
            }
            (AskCancelStep::Review, DialogKey::Back) | (AskCancelStep::Done, _) => {
                return Step::close()
            }
            (AskCancelStep::Review, DialogKey::Up) => self.scroll = self.scroll.saturating_sub(1),
            (AskCancelStep::Review, DialogKey::Down) => {
                if let Some(p) = self.plan.ready() {
                    self.scroll = (self.scroll + 1).min(p.only_here.len().saturating_sub(1));
                }
            }
            (AskCancelStep::Review, _) if self.plan.ready().is_some() => {
                self.note = Some(format!(
                    "{} sends the e-mail; {} closes, nothing is sent",
                    DialogKey::Yes.label(),
                    DialogKey::Back.label()
                ))
            }
            (AskCancelStep::Review, _) => {
                self.note = Some(format!("{} closes", DialogKey::Back.label()))
            }
            (AskCancelStep::Working, _) => {
                self.note = Some("Still working: the result shows here when it is done.".into())
            }
        }
        Step::none()
    }

    fn on_reply(&mut self, reply: AskCancelReply) -> Step {
        match reply {
            AskCancelReply {
                dry_run: true,
                plan,
            } if self.step == AskCancelStep::Review => self.plan = plan.into(),
            AskCancelReply {
                dry_run: false,
                plan,
            } if self.step == AskCancelStep::Working => {
                let written = Step::done(&plan);
                self.step = AskCancelStep::Done;
                self.result = Some(plan);
                return written;
            }
            _ => {}
        }
        Step::none()
    }

    fn on_tick(&mut self) -> bool {
        if self.step == AskCancelStep::Working {
            self.ticks += 1;
            true
        } else {
            false
        }
    }

    fn page(&self, theme: Theme) -> Page<'_> {
        let plain = Style::new();
        let what = match self.step {
            AskCancelStep::Review => "are you sure?",
            AskCancelStep::Working => "sending",
            AskCancelStep::Done => "result",
        };
        let mut page = Page {
            title: format!(" Ask the buyer to cancel · {what} "),
            intro: Vec::new(),
            list: None,
            outro: Vec::new(),
            keys: Vec::new(),
        };
        match self.step {
            AskCancelStep::Review => match &self.plan {
                Load::Waiting => page
                    .intro
                    .push(("Reading the subscription…".into(), theme.dim())),
                Load::Failed(e) => {
                    page.intro.push((e.clone(), theme.error()));
                    page.keys.push((DialogKey::Back.label(), "close"));
                }
                Load::Ready(p) => {
                    page.intro.push((p.subscription.clone(), theme.title()));
                    page.intro.push((
                        format!(
                            "{} {} a central license already (paid twice); {} {} access if the buyer cancels.",
                            count(p.paid_twice.len(), "user"),
                            if p.paid_twice.len() == 1 { "holds" } else { "hold" },
                            count(p.only_here.len(), "user"),
                            if p.only_here.len() == 1 { "loses" } else { "lose" }
                        ),
                        plain,
                    ));
                    page.intro
                        .push((format!("E-mails {}", p.emails.join("; ")), plain));
                    page.intro.push((
                        "The subscription does not change: its buyer cancels it.".into(),
                        theme.dim(),
                    ));
                    if !p.only_here.is_empty() {
                        let mut list = user_list(&p.only_here, self.scroll);
                        list.heading = Some(format!(
                            "Who would lose access ({})",
                            crate::tui::widgets::table::thousands(p.only_here.len() as u64)
                        ));
                        page.list = Some(list);
                    }
                    page.keys
                        .push((DialogKey::Yes.label(), "yes, e-mail the buyer"));
                    page.keys
                        .push((DialogKey::Back.label(), "no, close, nothing is sent"));
                }
            },
            AskCancelStep::Working => page
                .intro
                .push((super::working("Sending", self.ticks), plain)),
            AskCancelStep::Done => super::result_page(&mut page, &self.result, theme, |page, p| {
                page.intro.push((p.subscription.clone(), theme.title()));
                page.intro
                    .push((format!("E-mailed {}", p.emails.join("; ")), plain));
            }),
        }
        super::note_first(&mut page, &self.note, theme);
        page
    }
}
