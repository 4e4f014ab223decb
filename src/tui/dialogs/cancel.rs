//! The cancel dialog (SPEC §4 screen 4), over the Subscriptions screen: a reason from the fixed
//! list → "Are you sure you want to cancel?" with the consequences from the dry run → progress →
//! result. Nothing is written before the yes.

use super::words::{
    capital, emails, heading, label, named, reason_words, recipients, short, user_list, users,
};
use super::{self as dialog, refusal, Context, Load, Opened, Paged, Step, Summary};
use crate::i18n::Lang;
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

fn cancel_job(
    sub: SubscriptionId,
    reason: CancelReason,
    now: DateTime<Utc>,
    dry_run: bool,
    lang: Lang,
) -> Job {
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
            .map(|o: Outcome<CancelPlan>| CancelView::from_plan(&o.plan, lang))
            .map_err(|e| refusal(e, lang)),
    })
}

/// The reasons in words, in the order of `CancelReason::ALL`.
pub fn words(lang: Lang, r: CancelReason) -> String {
    reason_words(lang, r)
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
    pub fn from_plan(p: &CancelPlan, lang: Lang) -> CancelView {
        CancelView {
            id: p.subscription.id,
            subscription: named(lang, &p.subscription),
            reason: p.reason,
            takes_over: p.takes_over,
            users: users(&p.users),
            emails: emails(lang, &p.emails),
            recipients: recipients(&p.emails),
        }
    }
}

impl Summary for CancelView {
    fn done(&self, lang: Lang) -> String {
        tr!(
            lang,
            "dialog-cancel-done",
            id = short(self.id),
            reason = words(lang, self.reason),
            count = self.users.len(),
            emailed = self.recipients.len()
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
    pub lang: Lang,
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
    cx.require(
        Capability::ManageSubscriptions,
        "dialog-do-change-subscriptions",
    )?;
    let row = cx.subscription.ok_or_else(|| cx.no_subscription())?;
    let lang = cx.lang();
    // Before asking a reason: a Deleted subscription has nothing left to cancel.
    if row.status == selfserve_core::model::Status::Deleted {
        return Err(tr!(
            lang,
            "dialog-cancel-deleted-already",
            sub = label(lang, &row.product_name, row.id)
        ));
    }
    Opened::new(CancelDialog::on(row, lang), Step::none())
}

impl CancelDialog {
    fn on(row: &selfserve_core::query::SubscriptionRow, lang: Lang) -> CancelDialog {
        CancelDialog {
            lang,
            sub: row.id,
            heading: tr!(
                lang,
                "dialog-cancel-heading",
                sub = capital(&heading(lang, row)),
                assigned = row.assigned,
                quantity = row.quantity
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
    let lang = page.lang;
    let id = |did: &'static str, will: &'static str| if done { did } else { will };
    page.intro.push((
        tr!(
            lang,
            id("dialog-cancel-cancelled", "dialog-cancel-cancels"),
            sub = &p.subscription,
            reason = words(lang, p.reason),
            count = p.users.len()
        ),
        plain,
    ));
    if p.takes_over {
        page.intro.push((
            lang.t(id("dialog-took-over-first", "dialog-takes-over-first")),
            plain,
        ));
    }
    page.intro.push((
        match p.emails.len() {
            0 => lang.t("dialog-cancel-nobody-emailed"),
            _ => tr!(
                lang,
                id("dialog-emailed", "dialog-emails"),
                list = p.emails.join("; ")
            ),
        },
        plain,
    ));
}

impl Paged for CancelDialog {
    type Reply = CancelReply;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        use DialogKey::*;
        let lang = self.lang;
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
                return Step::job(cancel_job(self.sub, self.reason(), now, true, lang));
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
                return Step::job(cancel_job(self.sub, self.reason(), now, false, lang));
            }
            (CancelStep::Confirm, Yes) if self.plan == Load::Waiting => {
                self.note = Some(lang.t("dialog-cancel-planning"))
            }
            (CancelStep::Confirm, Next) => {
                self.note = Some(tr!(
                    lang,
                    "dialog-cancel-note-confirm",
                    yes = Yes.label(),
                    back = Back.label()
                ))
            }
            (CancelStep::Confirm, Back) => self.step = CancelStep::Reason,
            (CancelStep::Working, _) => self.note = Some(lang.t("dialog-note-working")),
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
                let written = Step::done(&plan, self.lang);
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
        let lang = self.lang;
        let what = match self.step {
            CancelStep::Reason => "dialog-step-why",
            CancelStep::Confirm => "dialog-step-sure",
            CancelStep::Working => "dialog-step-cancelling",
            CancelStep::Done => "dialog-step-result",
        };
        let mut page = Page::new(lang, dialog::title(lang, "dialog-cancel", what));
        page.intro.push((self.heading.clone(), theme.title()));
        let back = DialogKey::Back.label();
        match self.step {
            CancelStep::Reason => {
                page.intro.push((lang.t("dialog-cancel-why"), plain));
                page.list = Some(List {
                    heading: None,
                    len: CancelReason::ALL.len(),
                    cursor: Some(self.cursor),
                    scroll: 0,
                    row: Box::new(move |i, w| {
                        let r = CancelReason::ALL[i];
                        Line::raw(fit(
                            &format!("  {}{}", fit(&words(lang, r), 34), r.as_str()),
                            usize::from(w),
                        ))
                    }),
                });
                page.key(DialogKey::Next.label(), "dialog-key-continue");
                page.key(back, "dialog-key-close-nothing-changes");
            }
            CancelStep::Confirm => {
                page.intro
                    .push((lang.t("dialog-cancel-sure"), theme.title()));
                match &self.plan {
                    Load::Waiting => page
                        .intro
                        .push((lang.t("dialog-cancel-planning"), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(p) => {
                        consequences(&mut page, p, false);
                        if !p.users.is_empty() {
                            let mut list = user_list(lang, &p.users, self.scroll);
                            list.heading =
                                Some(tr!(lang, "dialog-who-loses-access", count = p.users.len()));
                            page.list = Some(list);
                        }
                        page.key(DialogKey::Yes.label(), "dialog-key-yes-cancel");
                    }
                }
                page.key(back, "dialog-key-no-back-to-reasons");
            }
            CancelStep::Working => page.intro.push((
                dialog::working(lang, &lang.t("dialog-cancel-working"), self.ticks),
                plain,
            )),
            CancelStep::Done => dialog::result_page(&mut page, &self.result, theme, |page, p| {
                consequences(page, p, true)
            }),
        }
        dialog::note_first(&mut page, &self.note, theme);
        page
    }
}
