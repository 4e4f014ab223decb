//! Assigning licenses from the Subscriptions screen: type to search the directory (a part of a
//! name or UPN), Enter picks or unpicks the user under the cursor, Tab reviews the dry run, `y`
//! assigns. A self-service subscription must be taken over first (the core says so); a user
//! who holds the product from another subscription too is shown as paid twice.

use super::words::{capital, named, user_list, users};
use super::{refusal, Context, Dialog, Load, Opened, Step, Summary};
use crate::i18n::Lang;
use crate::text::{fit, sanitize};
use crate::tui::effect::{Job, Reply};
use crate::tui::input::{DialogKey, DialogKeys};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, dialog::List, dialog::Page};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use selfserve_core::api::Request;
use selfserve_core::model::{SubscriptionId, User, UserId};
use selfserve_core::ops::assign::LicensePlan;
use selfserve_core::ops::take_over::Outcome;
use selfserve_core::Capability;
use std::any::Any;

/// How many users a search shows.
const RESULTS: usize = 200;

/// A directory user as the picker lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub id: UserId,
    pub label: String,
}

/// An assignment as planned (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignView {
    pub subscription: String,
    pub users: Vec<String>,
    pub paid_twice: Vec<String>,
    pub assigned_after: u32,
    pub free_after: u32,
}

impl Summary for AssignView {
    fn done(&self, lang: Lang) -> String {
        tr!(
            lang,
            "dialog-assign-done",
            count = self.users.len(),
            free = self.free_after
        )
    }
}

/// What the picker's jobs bring back.
#[derive(Debug, Clone)]
pub enum AssignReply {
    Found {
        query: String,
        users: Result<Vec<Found>, String>,
    },
    Plan {
        dry_run: bool,
        plan: Result<AssignView, String>,
    },
}

fn search(query: String, lang: Lang) -> Job {
    Job::new("search the directory", move |client| AssignReply::Found {
        users: client
            .ask(Request::SearchUsers {
                query: query.clone(),
                limit: RESULTS,
            })
            .map(|us: Vec<User>| {
                us.iter()
                    .map(|u| Found {
                        id: u.id,
                        label: format!("{} <{}>", sanitize(&u.display_name), sanitize(&u.upn)),
                    })
                    .collect()
            })
            .map_err(|e| refusal(e, lang)),
        query,
    })
}

fn assign(
    sub: SubscriptionId,
    ids: Vec<UserId>,
    now: DateTime<Utc>,
    dry_run: bool,
    lang: Lang,
) -> Job {
    Job::new("assign", move |client| AssignReply::Plan {
        dry_run,
        plan: client
            .ask(Request::Assign {
                sub,
                users: ids,
                now,
                dry_run,
            })
            .map(|o: Outcome<LicensePlan>| AssignView {
                subscription: named(lang, &o.plan.subscription),
                users: users(&o.plan.users),
                paid_twice: users(&o.plan.paid_twice),
                assigned_after: o.plan.assigned_after,
                free_after: o.plan.free_after,
            })
            .map_err(|e| refusal(e, lang)),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignStep {
    Pick,
    Review,
    Working,
    Done,
}

#[derive(Debug, Clone)]
pub struct AssignDialog {
    /// The language of its words: the session's.
    pub lang: Lang,
    pub sub: SubscriptionId,
    pub heading: String,
    pub step: AssignStep,
    pub query: String,
    pub found: Load<Vec<Found>>,
    pub cursor: usize,
    pub picked: Vec<Found>,
    pub plan: Load<AssignView>,
    pub scroll: usize,
    pub result: Option<Result<AssignView, String>>,
    pub note: Option<String>,
}

/// Opens the picker on the selected subscription, listing the directory.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "dialog-do-assign")?;
    let row = cx.subscription.ok_or_else(|| cx.no_subscription())?;
    let lang = cx.lang();
    let dialog = AssignDialog {
        lang,
        sub: row.id,
        heading: tr!(
            lang,
            "dialog-assign-heading",
            product = sanitize(&row.product_name),
            assigned = row.assigned,
            quantity = row.quantity
        ),
        step: AssignStep::Pick,
        query: String::new(),
        found: Load::Waiting,
        cursor: 0,
        picked: Vec::new(),
        plan: Load::Waiting,
        scroll: 0,
        result: None,
        note: None,
    };
    Opened::new(dialog, Step::job(search(String::new(), lang)))
}

impl AssignDialog {
    fn ids(&self) -> Vec<UserId> {
        self.picked.iter().map(|f| f.id).collect()
    }

    fn pick_page(&self, theme: Theme) -> Page<'_> {
        let lang = self.lang;
        let mut page = Page::new(
            lang,
            super::title(lang, "dialog-assign", "dialog-step-pick"),
        );
        page.intro.push((self.heading.clone(), theme.title()));
        page.intro.push((
            tr!(lang, "dialog-assign-search", query = &self.query),
            Style::new(),
        ));
        page.key(DialogKey::Next.label(), "dialog-key-pick");
        page.key(DialogKey::Review.label(), "dialog-key-review");
        // n is a letter of the search here: only Esc closes.
        page.key("Esc", "dialog-key-close");
        match &self.found {
            Load::Waiting => page.intro.push((lang.t("dialog-searching"), theme.dim())),
            Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
            Load::Ready(found) if found.is_empty() => page
                .intro
                .push((lang.t("dialog-assign-nobody-matches"), theme.dim())),
            Load::Ready(found) => {
                let picked = &self.picked;
                page.list = Some(List {
                    heading: Some(tr!(lang, "dialog-assign-found", count = found.len())),
                    len: found.len(),
                    cursor: Some(self.cursor),
                    scroll: 0,
                    row: Box::new(move |i, w| {
                        let mark = if picked.iter().any(|p| p.id == found[i].id) {
                            "✓ "
                        } else {
                            "  "
                        };
                        Line::raw(fit(&format!("{mark}{}", found[i].label), usize::from(w)))
                    }),
                });
            }
        }
        page.outro.push((
            tr!(lang, "dialog-assign-picked", count = self.picked.len()),
            theme.dim(),
        ));
        page
    }

    fn plan_page(&self, theme: Theme) -> Page<'_> {
        let plain = Style::new();
        let lang = self.lang;
        let what = match self.step {
            AssignStep::Review => "dialog-step-sure",
            AssignStep::Working => "dialog-step-working",
            _ => "dialog-step-result",
        };
        let mut page = Page::new(lang, super::title(lang, "dialog-assign", what));
        let consequences = |page: &mut Page<'_>, p: &AssignView, done: bool| {
            page.intro.push((capital(&p.subscription), theme.title()));
            page.intro.push((
                tr!(
                    lang,
                    if done {
                        "dialog-assign-assigned"
                    } else {
                        "dialog-assign-assigns"
                    },
                    count = p.users.len(),
                    assigned = p.assigned_after,
                    free = p.free_after
                ),
                plain,
            ));
            if !p.paid_twice.is_empty() {
                page.intro.push((
                    tr!(
                        lang,
                        "dialog-assign-paid-twice",
                        list = p.paid_twice.join("; ")
                    ),
                    plain,
                ));
            }
        };
        match self.step {
            AssignStep::Review => {
                match &self.plan {
                    Load::Waiting => page.intro.push((lang.t("dialog-planning"), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(p) => {
                        consequences(&mut page, p, false);
                        let mut list = user_list(lang, &p.users, self.scroll);
                        list.heading =
                            Some(tr!(lang, "dialog-who-gets-license", count = p.users.len()));
                        page.list = Some(list);
                        page.key(DialogKey::Yes.label(), "dialog-key-yes-assign");
                    }
                }
                page.key(DialogKey::Back.label(), "dialog-key-no-back-to-picking");
            }
            AssignStep::Working => page.intro.push((
                super::working(lang, &lang.t("dialog-assign-working"), 0),
                plain,
            )),
            _ => super::result_page(&mut page, &self.result, theme, |page, p| {
                consequences(page, p, true)
            }),
        }
        super::note_first(&mut page, &self.note, theme);
        page
    }
}

impl Dialog for AssignDialog {
    fn keys(&self) -> DialogKeys {
        match self.step {
            AssignStep::Pick => DialogKeys::Typing,
            _ => DialogKeys::Steps,
        }
    }

    fn typed(&mut self, c: Option<char>, _now: DateTime<Utc>) -> Step {
        if self.step != AssignStep::Pick {
            return Step::none();
        }
        match c {
            Some(c) if !c.is_control() => self.query.push(c),
            Some(_) => return Step::none(),
            None => {
                self.query.pop();
            }
        }
        self.found = Load::Waiting;
        self.cursor = 0;
        Step::job(search(self.query.clone(), self.lang))
    }

    fn key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        let lang = self.lang;
        self.note = None;
        match (self.step, key) {
            (AssignStep::Pick, DialogKey::Up) => self.cursor = self.cursor.saturating_sub(1),
            (AssignStep::Pick, DialogKey::Down) => {
                if let Some(found) = self.found.ready() {
                    self.cursor = (self.cursor + 1).min(found.len().saturating_sub(1));
                }
            }
            (AssignStep::Pick, DialogKey::Next) => {
                if let Some(f) = self.found.ready().and_then(|fs| fs.get(self.cursor)) {
                    match self.picked.iter().position(|p| p.id == f.id) {
                        Some(i) => {
                            self.picked.remove(i);
                        }
                        None => self.picked.push(f.clone()),
                    }
                }
            }
            (AssignStep::Pick, DialogKey::Review) if self.picked.is_empty() => {
                self.note = Some(tr!(
                    lang,
                    "dialog-assign-note-pick-first",
                    key = DialogKey::Next.label()
                ))
            }
            (AssignStep::Pick, DialogKey::Review) => {
                self.step = AssignStep::Review;
                self.plan = Load::Waiting;
                self.scroll = 0;
                return Step::job(assign(self.sub, self.ids(), now, true, lang));
            }
            (AssignStep::Pick, DialogKey::Back) | (AssignStep::Done, _) => return Step::close(),
            (AssignStep::Review, DialogKey::Yes) if self.plan.ready().is_some() => {
                self.step = AssignStep::Working;
                return Step::job(assign(self.sub, self.ids(), now, false, lang));
            }
            (AssignStep::Review, DialogKey::Back) => self.step = AssignStep::Pick,
            (AssignStep::Review, DialogKey::Up) => self.scroll = self.scroll.saturating_sub(1),
            (AssignStep::Review, DialogKey::Down) => {
                if let Some(p) = self.plan.ready() {
                    self.scroll = (self.scroll + 1).min(p.users.len().saturating_sub(1));
                }
            }
            (AssignStep::Review, _) => {
                self.note = Some(tr!(
                    lang,
                    "dialog-assign-note-confirm",
                    yes = DialogKey::Yes.label(),
                    back = DialogKey::Back.label()
                ))
            }
            _ => {}
        }
        Step::none()
    }

    fn reply(&mut self, reply: &Reply) -> Step {
        let Some(reply) = super::reply_of::<AssignReply>(reply) else {
            return Step::none();
        };
        match reply {
            // Only the answer to what the box says now: typing runs ahead of the searches.
            AssignReply::Found { query, users } if query == self.query => self.found = users.into(),
            AssignReply::Plan {
                dry_run: true,
                plan,
            } if self.step == AssignStep::Review => self.plan = plan.into(),
            AssignReply::Plan {
                dry_run: false,
                plan,
            } if self.step == AssignStep::Working => {
                let written = Step::done(&plan, self.lang);
                self.step = AssignStep::Done;
                self.result = Some(plan);
                return written;
            }
            _ => {}
        }
        Step::none()
    }

    fn draw(&self, buf: &mut Buffer, body: Rect, theme: Theme) {
        let page = match self.step {
            AssignStep::Pick => self.pick_page(theme),
            _ => self.plan_page(theme),
        };
        widgets::dialog::draw(buf, body, theme, page);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
