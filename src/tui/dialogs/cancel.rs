//! The cancel dialog (SPEC §4 screen 4), over the Subscriptions screen: a reason from the fixed
//! list → "Are you sure you want to cancel?" with the consequences from the dry run → progress →
//! result. Nothing is written before the yes.

use super::words::{emails, named, recipients, short, user_list, users};
use super::{self as dialog, count, refusal, Context, Load, Opened, Paged, Step, Summary};
use crate::text::fit;
use crate::tui::effect::Job;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{List, Page};
use chrono::{DateTime, Utc};
use ratatui::style::Style;
use ratatui::text::Line;
use selfserve_core::api::Request;
use selfserve_core::model::{CancelReason, SubscriptionId};
use selfserve_core::ops::cancel::CancelPlan;
use selfserve_core::ops::take_over::Outcome;
use selfserve_core::Capability;

/// What the cancel dialog's job brings back.
#[derive(Debug, Clone)]
pub struct CancelReply {
    pub dry_run: bool,
    pub sub: SubscriptionId,
    pub reason: CancelReason,
    pub plan: Result<CancelView, String>,
}

fn cancel_job(sub: SubscriptionId, reason: CancelReason, now: DateTime<Utc>, dry_run: bool) -> Job {
    Job::new("cancel", move |client| CancelReply {
        dry_run,
        sub,
        reason,
        plan: client
            .ask(Request::Cancel {
                sub,
                reason,
                now,
                dry_run,
            })
            .map(|o: Outcome<CancelPlan>| CancelView::from_plan(&o.plan))
            .map_err(refusal),
    })
}

/// The reasons in words, in the order of `CancelReason::ALL`.
pub fn words(r: CancelReason) -> &'static str {
    match r {
        CancelReason::NoLongerNeeded => "No longer needed",
        CancelReason::BoughtByMistake => "Bought by mistake",
        CancelReason::MovingToCentral => "Moving to a central subscription",
        CancelReason::TooExpensive => "Too expensive",
        CancelReason::Other => "Other",
    }
}

/// A cancellation as planned (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct CancelView {
    pub id: SubscriptionId,
    pub subscription: String,
    pub reason: CancelReason,
    pub takes_over: bool,
    pub users: Vec<String>,
    pub emails: Vec<String>,
    pub recipients: Vec<String>,
}

impl CancelView {
    pub fn from_plan(p: &CancelPlan) -> CancelView {
        CancelView {
            id: p.subscription.id,
            subscription: named(&p.subscription),
            reason: p.reason,
            takes_over: p.takes_over,
            users: users(&p.users),
            emails: emails(&p.emails),
            recipients: recipients(&p.emails),
        }
    }
}

impl Summary for CancelView {
    fn done(&self) -> String {
        format!(
            "Cancelled {}… ({}): {} lost access{}",
            short(self.id),
            self.reason.as_str(),
            count(self.users.len(), "user"),
            if self.recipients.is_empty() {
                ""
            } else {
                ", buyer e-mailed"
            }
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelStep {
    Reason,
    Confirm,
    Working,
    Done,
}

#[derive(Debug, Clone)]
pub struct CancelDialog {
    pub sub: SubscriptionId,
    pub heading: String,
    pub step: CancelStep,
    /// The reason under the cursor, an index into `CancelReason::ALL`.
    pub cursor: usize,
    pub plan: Load<CancelView>,
    pub scroll: usize,
    pub result: Option<Result<CancelView, String>>,
    pub note: Option<String>,
    pub ticks: u32,
}

/// Opens on the selected subscription, at the choice of a reason.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "change subscriptions")?;
    let row = cx
        .subscription
        .ok_or("Choose a subscription first (2 Subscriptions, then ↑↓)")?;
    // Before asking a reason: a Deleted subscription has nothing left to cancel.
    if row.status == selfserve_core::model::Status::Deleted {
        return Err(format!(
            "{} subscription {}… is Deleted already: there is nothing to cancel",
            row.product_name,
            short(row.id)
        ));
    }
    Opened::new(CancelDialog::on(row), Step::none())
}

impl CancelDialog {
    fn on(row: &selfserve_core::query::SubscriptionRow) -> CancelDialog {
        let buyer = match (&row.buyer_name, &row.buyer) {
            (Some(name), Some(upn)) => format!(" bought by {name} <{upn}>"),
            _ => " (central)".to_string(),
        };
        CancelDialog {
            sub: row.id,
            heading: format!(
                "{} subscription {}…{buyer}, {} of {} licenses assigned",
                row.product_name,
                short(row.id),
                row.assigned,
                row.quantity
            ),
            step: CancelStep::Reason,
            cursor: 0,
            plan: Load::Waiting,
            scroll: 0,
            result: None,
            note: None,
            ticks: 0,
        }
    }

    fn reason(&self) -> CancelReason {
        CancelReason::ALL[self.cursor.min(CancelReason::ALL.len() - 1)]
    }
}

fn consequences(page: &mut Page<'_>, p: &CancelView, done: bool) {
    let plain = Style::new();
    let d = |did: &'static str, will: &'static str| if done { did } else { will };
    page.intro.push((
        format!(
            "{} {} (reason {}): it shows Deleted and {} {} access.",
            d("Cancelled", "Cancels"),
            p.subscription,
            p.reason.as_str(),
            count(p.users.len(), "user"),
            d("lost", "lose")
        ),
        plain,
    ));
    if p.takes_over {
        page.intro.push((
            format!(
                "{} it over first (it was not taken over).",
                d("Took", "Takes")
            ),
            plain,
        ));
    }
    page.intro.push((
        match p.emails.len() {
            0 => "Nobody is e-mailed: it has no buyer in the directory.".to_string(),
            _ => format!("{} {}", d("E-mailed", "E-mails"), p.emails.join("; ")),
        },
        plain,
    ));
}

impl Paged for CancelDialog {
    type Reply = CancelReply;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        use DialogKey::*;
        self.note = None;
        match (self.step, key) {
            (CancelStep::Reason, Up) => self.cursor = self.cursor.saturating_sub(1),
            (CancelStep::Reason, Down) => {
                self.cursor = (self.cursor + 1).min(CancelReason::ALL.len() - 1)
            }
            (CancelStep::Reason, Next) => {
                self.step = CancelStep::Confirm;
                self.plan = Load::Waiting;
                self.scroll = 0;
                return Step::job(cancel_job(self.sub, self.reason(), now, true));
            }
            (CancelStep::Reason, Back) | (CancelStep::Done, Next | Back) => return Step::close(),
            (CancelStep::Confirm, Up) => self.scroll = self.scroll.saturating_sub(1),
            (CancelStep::Confirm, Down) => {
                if let Some(p) = self.plan.ready() {
                    self.scroll = (self.scroll + 1).min(p.users.len().saturating_sub(1));
                }
            }
            (CancelStep::Confirm, Yes) if self.plan.ready().is_some() => {
                self.step = CancelStep::Working;
                self.ticks = 0;
                return Step::job(cancel_job(self.sub, self.reason(), now, false));
            }
            (CancelStep::Confirm, Yes) if self.plan == Load::Waiting => {
                self.note = Some("Still planning the cancellation…".into())
            }
            (CancelStep::Confirm, Next) => {
                self.note = Some(format!(
                    "{} cancels it; {} goes back, nothing changes",
                    Yes.label(),
                    Back.label()
                ))
            }
            (CancelStep::Confirm, Back) => self.step = CancelStep::Reason,
            (CancelStep::Working, _) => {
                self.note = Some("Still working: the result shows here when it is done.".into())
            }
            _ => {}
        }
        Step::none()
    }
    fn on_reply(&mut self, reply: CancelReply) -> Step {
        match reply {
            CancelReply {
                dry_run: true,
                sub,
                reason,
                plan,
            } if sub == self.sub && reason == self.reason() && self.step == CancelStep::Confirm => {
                self.plan = plan.into()
            }
            CancelReply {
                dry_run: false,
                sub,
                plan,
                ..
            } if sub == self.sub => {
                let written = Step::done(&plan);
                self.step = CancelStep::Done;
                self.result = Some(plan);
                return written;
            }
            _ => {}
        }
        Step::none()
    }
    fn on_tick(&mut self) -> bool {
        if self.step == CancelStep::Working {
            self.ticks += 1;
            true
        } else {
            false
        }
    }
    fn page(&self, theme: Theme) -> Page<'_> {
        let plain = Style::new();
        let what = match self.step {
            CancelStep::Reason => "why?",
            CancelStep::Confirm => "are you sure?",
            CancelStep::Working => "cancelling",
            CancelStep::Done => "result",
        };
        let mut page = Page {
            title: format!(" Cancel subscription · {what} "),
            intro: vec![(self.heading.clone(), theme.title())],
            list: None,
            outro: Vec::new(),
            keys: Vec::new(),
        };
        let back = DialogKey::Back.label();
        match self.step {
            CancelStep::Reason => {
                page.intro.push((
                    "Why cancel it? The reason is recorded in the audit log and told to its buyer."
                        .into(),
                    plain,
                ));
                page.list = Some(List {
                    heading: None,
                    len: CancelReason::ALL.len(),
                    cursor: Some(self.cursor),
                    scroll: 0,
                    row: Box::new(|i, w| {
                        let r = CancelReason::ALL[i];
                        Line::raw(fit(
                            &format!("  {:<34}{}", words(r), r.as_str()),
                            usize::from(w),
                        ))
                    }),
                });
                page.keys.push((DialogKey::Next.label(), "continue"));
                page.keys.push((back, "close, nothing changes"));
            }
            CancelStep::Confirm => {
                page.intro
                    .push(("Are you sure you want to cancel?".into(), theme.title()));
                match &self.plan {
                    Load::Waiting => page
                        .intro
                        .push(("Planning the cancellation…".into(), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(p) => {
                        consequences(&mut page, p, false);
                        if !p.users.is_empty() {
                            let mut list = user_list(&p.users, self.scroll);
                            list.heading = Some(format!(
                                "Who loses access ({})",
                                crate::tui::widgets::table::thousands(p.users.len() as u64)
                            ));
                            page.list = Some(list);
                        }
                        page.keys.push((DialogKey::Yes.label(), "yes, cancel it"));
                    }
                }
                page.keys.push((back, "no, back to the reasons"));
            }
            CancelStep::Working => page
                .intro
                .push((dialog::working("Cancelling", self.ticks), plain)),
            CancelStep::Done => dialog::result_page(&mut page, &self.result, theme, |page, p| {
                consequences(page, p, true)
            }),
        }
        dialog::note_first(&mut page, &self.note, theme);
        page
    }
}
