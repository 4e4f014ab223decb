//! Assigning licenses from the Subscriptions screen: type to search the directory (a part of a
//! name or UPN), Enter picks or unpicks the user under the cursor, Tab reviews the dry run, `y`
//! assigns. A self-service subscription must be taken over first (the core says so); a user
//! who holds the product from another subscription too is shown as paid twice.

use super::words::{named, user_list, users};
use super::{count, refusal, Context, Dialog, Load, Opened, Step, Summary};
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
    fn done(&self) -> String {
        format!(
            "Assigned {}: {} free now",
            count(self.users.len(), "license"),
            self.free_after
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

fn search(query: String) -> Job {
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
            .map_err(refusal),
        query,
    })
}

fn assign(sub: SubscriptionId, ids: Vec<UserId>, now: DateTime<Utc>, dry_run: bool) -> Job {
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
                subscription: named(&o.plan.subscription),
                users: users(&o.plan.users),
                paid_twice: users(&o.plan.paid_twice),
                assigned_after: o.plan.assigned_after,
                free_after: o.plan.free_after,
            })
            .map_err(refusal),
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
    cx.require(Capability::ManageSubscriptions, "assign licenses")?;
    let row = cx
        .subscription
        .ok_or("Choose a subscription first (2 Subscriptions, then ↑↓)")?;
    let dialog = AssignDialog {
        sub: row.id,
        heading: format!(
            "{}: {} of {} licenses assigned",
            row.product_name, row.assigned, row.quantity
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
    Opened::new(dialog, Step::job(search(String::new())))
}

impl AssignDialog {
    fn ids(&self) -> Vec<UserId> {
        self.picked.iter().map(|f| f.id).collect()
    }

    fn pick_page(&self, theme: Theme) -> Page<'_> {
        let mut page = Page {
            title: " Assign licenses · pick users ".into(),
            intro: vec![
                (self.heading.clone(), theme.title()),
                (format!("Search: {}▏", self.query), Style::new()),
            ],
            list: None,
            outro: Vec::new(),
            keys: vec![
                (DialogKey::Next.label(), "pick / unpick"),
                (DialogKey::Review.label(), "review"),
                // n is a letter of the search here: only Esc closes.
                ("Esc", "close"),
            ],
        };
        match &self.found {
            Load::Waiting => page.intro.push(("Searching…".into(), theme.dim())),
            Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
            Load::Ready(found) if found.is_empty() => page
                .intro
                .push(("Nobody in the directory matches.".into(), theme.dim())),
            Load::Ready(found) => {
                let picked = &self.picked;
                page.list = Some(List {
                    heading: Some(format!("Directory users ({})", found.len())),
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
            match self.picked.len() {
                0 => "Nobody picked yet.".to_string(),
                n => format!("Picked {}.", count(n, "user")),
            },
            theme.dim(),
        ));
        page
    }

    fn plan_page(&self, theme: Theme) -> Page<'_> {
        let plain = Style::new();
        let what = match self.step {
            AssignStep::Review => "are you sure?",
            AssignStep::Working => "assigning",
            _ => "result",
        };
        let mut page = Page {
            title: format!(" Assign licenses · {what} "),
            intro: Vec::new(),
            list: None,
            outro: Vec::new(),
            keys: Vec::new(),
        };
        let consequences = |page: &mut Page<'_>, p: &AssignView, done: bool| {
            page.intro.push((p.subscription.clone(), theme.title()));
            page.intro.push((
                format!(
                    "{} {}: it {} {} assigned, {} free.",
                    if done { "Assigned" } else { "Assigns" },
                    count(p.users.len(), "license"),
                    if done { "has" } else { "then has" },
                    p.assigned_after,
                    p.free_after
                ),
                plain,
            ));
            if !p.paid_twice.is_empty() {
                page.intro.push((
                    format!(
                        "Paid twice until their other subscription is cancelled: {}",
                        p.paid_twice.join("; ")
                    ),
                    plain,
                ));
            }
        };
        match self.step {
            AssignStep::Review => {
                match &self.plan {
                    Load::Waiting => page.intro.push(("Planning…".into(), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(p) => {
                        consequences(&mut page, p, false);
                        let mut list = user_list(&p.users, self.scroll);
                        list.heading = Some(format!("Who gets a license ({})", p.users.len()));
                        page.list = Some(list);
                        page.keys.push((DialogKey::Yes.label(), "yes, assign"));
                    }
                }
                page.keys
                    .push((DialogKey::Back.label(), "no, back to the picking"));
            }
            AssignStep::Working => page.intro.push((super::working("Assigning", 0), plain)),
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
        Step::job(search(self.query.clone()))
    }

    fn key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
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
                self.note = Some(format!(
                    "Pick users first: {} picks the one under the cursor",
                    DialogKey::Next.label()
                ))
            }
            (AssignStep::Pick, DialogKey::Review) => {
                self.step = AssignStep::Review;
                self.plan = Load::Waiting;
                self.scroll = 0;
                return Step::job(assign(self.sub, self.ids(), now, true));
            }
            (AssignStep::Pick, DialogKey::Back) | (AssignStep::Done, _) => return Step::close(),
            (AssignStep::Review, DialogKey::Yes) if self.plan.ready().is_some() => {
                self.step = AssignStep::Working;
                return Step::job(assign(self.sub, self.ids(), now, false));
            }
            (AssignStep::Review, DialogKey::Back) => self.step = AssignStep::Pick,
            (AssignStep::Review, DialogKey::Up) => self.scroll = self.scroll.saturating_sub(1),
            (AssignStep::Review, DialogKey::Down) => {
                if let Some(p) = self.plan.ready() {
                    self.scroll = (self.scroll + 1).min(p.users.len().saturating_sub(1));
                }
            }
            (AssignStep::Review, _) => {
                self.note = Some(format!(
                    "{} assigns them; {} goes back, nothing changes",
                    DialogKey::Yes.label(),
                    DialogKey::Back.label()
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
                let written = Step::done(&plan);
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
