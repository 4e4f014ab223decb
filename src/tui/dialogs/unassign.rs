//! Unassigning licenses from the users pane (Space marks users; without marks, the user under
//! the cursor): the dry run says who loses the license and what the subscription has left; `y`
//! does it. A self-service subscription must be taken over first (the core says so).

use super::words::{named, user_list, users};
use super::{count, refusal, Context, Load, Opened, Paged, Step, Summary};
use crate::tui::effect::Job;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, Utc};
use ratatui::style::Style;
use selfserve_core::api::Request;
use selfserve_core::model::{SubscriptionId, User};
use selfserve_core::ops::assign::LicensePlan;
use selfserve_core::ops::take_over::Outcome;
use selfserve_core::Capability;

/// An unassignment as planned (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct UnassignView {
    pub subscription: String,
    pub users: Vec<String>,
    pub assigned_after: u32,
    pub free_after: u32,
}

impl UnassignView {
    fn from_plan(p: &LicensePlan) -> UnassignView {
        UnassignView {
            subscription: named(&p.subscription),
            users: users(&p.users),
            assigned_after: p.assigned_after,
            free_after: p.free_after,
        }
    }
}

impl Summary for UnassignView {
    fn done(&self) -> String {
        format!(
            "Unassigned {}: {} free now",
            count(self.users.len(), "license"),
            self.free_after
        )
    }
}

#[derive(Debug, Clone)]
pub struct UnassignReply {
    pub dry_run: bool,
    pub plan: Result<UnassignView, String>,
}

fn job(sub: SubscriptionId, upns: Vec<String>, now: DateTime<Utc>, dry_run: bool) -> Job {
    Job::new("unassign", move |client| {
        let plan = client
            .ask(Request::UsersByUpn { upns })
            .and_then(|found: Vec<User>| {
                client.ask(Request::Unassign {
                    sub,
                    users: found.iter().map(|u| u.id).collect(),
                    now,
                    dry_run,
                })
            })
            .map(|o: Outcome<LicensePlan>| UnassignView::from_plan(&o.plan))
            .map_err(refusal);
        UnassignReply { dry_run, plan }
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnassignStep {
    Review,
    Working,
    Done,
}

#[derive(Debug, Clone)]
pub struct UnassignDialog {
    pub sub: SubscriptionId,
    pub upns: Vec<String>,
    pub step: UnassignStep,
    pub plan: Load<UnassignView>,
    pub scroll: usize,
    pub result: Option<Result<UnassignView, String>>,
    pub note: Option<String>,
    pub ticks: u32,
}

/// Opens on the selected subscription for the chosen users, with the dry run.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "unassign licenses")?;
    let row = cx
        .subscription
        .ok_or("Choose a subscription first (2 Subscriptions, then ↑↓)")?;
    if cx.users.is_empty() {
        return Err(
            "Choose users first: Tab to the users pane, then Space marks them (or put the cursor on one)"
                .into(),
        );
    }
    let dialog = UnassignDialog {
        sub: row.id,
        upns: cx.users.clone(),
        step: UnassignStep::Review,
        plan: Load::Waiting,
        scroll: 0,
        result: None,
        note: None,
        ticks: 0,
    };
    let first = job(row.id, cx.users.clone(), cx.now, true);
    Opened::new(dialog, Step::job(first))
}

impl Paged for UnassignDialog {
    type Reply = UnassignReply;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        self.note = None;
        match (self.step, key) {
            (UnassignStep::Review, DialogKey::Yes) if self.plan.ready().is_some() => {
                self.step = UnassignStep::Working;
                self.ticks = 0;
                return Step::job(job(self.sub, self.upns.clone(), now, false));
            }
            (UnassignStep::Review, DialogKey::Back) | (UnassignStep::Done, _) => {
                return Step::close()
            }
            (UnassignStep::Review, DialogKey::Up) => self.scroll = self.scroll.saturating_sub(1),
            (UnassignStep::Review, DialogKey::Down) => {
                if let Some(p) = self.plan.ready() {
                    self.scroll = (self.scroll + 1).min(p.users.len().saturating_sub(1));
                }
            }
            (UnassignStep::Review, _) if self.plan.ready().is_some() => {
                self.note = Some(format!(
                    "{} unassigns them; {} closes, nothing changes",
                    DialogKey::Yes.label(),
                    DialogKey::Back.label()
                ))
            }
            (UnassignStep::Review, _) => {
                self.note = Some(format!("{} closes", DialogKey::Back.label()))
            }
            (UnassignStep::Working, _) => {
                self.note = Some("Still working: the result shows here when it is done.".into())
            }
        }
        Step::none()
    }

    fn on_reply(&mut self, reply: UnassignReply) -> Step {
        match reply {
            UnassignReply {
                dry_run: true,
                plan,
            } if self.step == UnassignStep::Review => self.plan = plan.into(),
            UnassignReply {
                dry_run: false,
                plan,
            } if self.step == UnassignStep::Working => {
                let written = Step::done(&plan);
                self.step = UnassignStep::Done;
                self.result = Some(plan);
                return written;
            }
            _ => {}
        }
        Step::none()
    }

    fn on_tick(&mut self) -> bool {
        if self.step == UnassignStep::Working {
            self.ticks += 1;
            true
        } else {
            false
        }
    }

    fn page(&self, theme: Theme) -> Page<'_> {
        let plain = Style::new();
        let what = match self.step {
            UnassignStep::Review => "are you sure?",
            UnassignStep::Working => "unassigning",
            UnassignStep::Done => "result",
        };
        let mut page = Page {
            title: format!(" Unassign licenses · {what} "),
            intro: Vec::new(),
            list: None,
            outro: Vec::new(),
            keys: Vec::new(),
        };
        let consequences = |page: &mut Page<'_>, p: &UnassignView, done: bool| {
            page.intro.push((p.subscription.clone(), theme.title()));
            page.intro.push((
                format!(
                    "{} {}: it {} {} assigned, {} free.",
                    if done { "Took back" } else { "Takes back" },
                    count(p.users.len(), "license"),
                    if done { "has" } else { "then has" },
                    p.assigned_after,
                    p.free_after
                ),
                plain,
            ));
        };
        match self.step {
            UnassignStep::Review => match &self.plan {
                Load::Waiting => page.intro.push(("Planning…".into(), theme.dim())),
                Load::Failed(e) => {
                    page.intro.push((e.clone(), theme.error()));
                    page.keys.push((DialogKey::Back.label(), "close"));
                }
                Load::Ready(p) => {
                    consequences(&mut page, p, false);
                    let mut list = user_list(&p.users, self.scroll);
                    list.heading = Some(format!("Who loses the license ({})", p.users.len()));
                    page.list = Some(list);
                    page.keys.push((DialogKey::Yes.label(), "yes, unassign"));
                    page.keys
                        .push((DialogKey::Back.label(), "no, close, nothing changes"));
                }
            },
            UnassignStep::Working => page
                .intro
                .push((super::working("Unassigning", self.ticks), plain)),
            UnassignStep::Done => super::result_page(&mut page, &self.result, theme, |page, p| {
                consequences(page, p, true)
            }),
        }
        super::note_first(&mut page, &self.note, theme);
        page
    }
}
