//! Centralise a product, from the Products screen: the plan of `ops::centralise`'s dry run (the
//! organisation's free central licenses first, then licenses added to a central subscription, a
//! new one bought only where none exists; each self-service subscription moved onto them and
//! cancelled, each buyer e-mailed), reviewed, confirmed once with `y` and carried out as one
//! transaction. The admin center makes you do this one subscription at a time.

use super::move_wizard::BuyView;
use super::words::{emails, named, short};
use super::{self as dialog, refusal, Context, Load, Opened, Paged, Step, Summary};
use crate::i18n::Lang;
use crate::text::{fit, sanitize};
use crate::tui::effect::Job;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{List, Page};
use chrono::{DateTime, Utc};
use ratatui::style::Style;
use ratatui::text::Line;
use selfserve_core::api::Request;
use selfserve_core::model::{ProductId, Term};
use selfserve_core::ops::centralise::CentralisePlan;
use selfserve_core::ops::take_over::Outcome;
use selfserve_core::text;
use selfserve_core::Capability;

/// What centralise's job brings back.
#[derive(Debug, Clone)]
pub struct CentraliseReply {
    pub dry_run: bool,
    pub product: ProductId,
    pub plan: Result<CentraliseView, String>,
}

/// Opens on the selected product with the dry run of centralising it.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(
        Capability::ManageSubscriptions,
        "dialog-do-change-subscriptions",
    )?;
    let p = cx
        .product
        .ok_or_else(|| cx.lang().t("dialog-choose-product"))?;
    let d = CentraliseDialog {
        lang: cx.lang(),
        product: p.id.clone(),
        name: p.name.clone(),
        term: Term::Annual,
        step: CentraliseStep::Review,
        plan: Load::Waiting,
        scroll: 0,
        result: None,
        note: None,
        ticks: 0,
    };
    let step = Step::job(d.job(cx.now, true));
    Opened::new(d, step)
}

#[derive(Debug, Clone, PartialEq)]
pub struct CentraliseView {
    pub product_name: String,
    /// Where the central licenses come from, cheapest first: free ones reused, licenses added
    /// to a central subscription, a new one bought; each with its money.
    pub sources: Vec<Source>,
    /// One line per self-service subscription moved: which, and how many users.
    pub moves: Vec<String>,
    pub users_moved: u32,
    /// Users who hold a central license already (paid twice): they only lose the other one.
    pub users_already_central: u32,
    pub emails: Vec<String>,
}

/// One way the plan finds central licenses.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Reused {
        lang: Lang,
        licenses: u32,
        subscription: String,
        value: String,
    },
    Added {
        lang: Lang,
        licenses: u32,
        subscription: String,
        cost: String,
        quantity_after: u32,
    },
    Bought(BuyView),
}

impl Source {
    fn sentence(&self, done: bool) -> String {
        let id = |did: &'static str, will: &'static str| if done { did } else { will };
        match self {
            Source::Reused {
                lang,
                licenses,
                subscription,
                value,
            } => tr!(
                *lang,
                id("dialog-centralise-reused", "dialog-centralise-reuses"),
                count = *licenses,
                sub = subscription,
                value = value
            ),
            Source::Added {
                lang,
                licenses,
                subscription,
                cost,
                quantity_after,
            } => tr!(
                *lang,
                id("dialog-centralise-added", "dialog-centralise-adds"),
                count = *licenses,
                sub = subscription,
                quantity = *quantity_after,
                cost = cost
            ),
            Source::Bought(b) => b.sentence(done),
        }
    }
}

impl CentraliseView {
    pub fn from_plan(p: &CentralisePlan, lang: Lang) -> CentraliseView {
        let mut sources: Vec<Source> = p
            .reused
            .iter()
            .map(|r| Source::Reused {
                lang,
                licenses: r.licenses,
                subscription: named(lang, &r.subscription),
                value: lang.money(&r.value_per_term),
            })
            .collect();
        if let Some(a) = &p.added {
            sources.push(Source::Added {
                lang,
                licenses: a.added,
                subscription: named(lang, &a.subscription),
                cost: lang.money(&a.cost_per_term),
                quantity_after: a.quantity_after,
            });
        }
        if let Some(b) = &p.bought {
            sources.push(Source::Bought(BuyView::from_plan(b, lang)));
        }
        // The users' counts right-aligned in one column, as wide as the widest (12 at least).
        let counts: Vec<String> = p
            .moves
            .iter()
            .map(|m| tr!(lang, "dialog-n-users", count = m.users()))
            .collect();
        let width = counts
            .iter()
            .map(|c| crate::text::width(c))
            .max()
            .unwrap_or(0)
            .max(12);
        CentraliseView {
            product_name: sanitize(&p.product_name),
            sources,
            moves: p
                .moves
                .iter()
                .zip(&counts)
                .map(|(m, users)| {
                    let users = crate::text::fit_right(users, width);
                    let id = short(m.from.id);
                    match m.from.buyer.as_deref() {
                        Some(b) => tr!(
                            lang,
                            "dialog-centralise-move-bought",
                            users = users,
                            id = id,
                            buyer = sanitize(b)
                        ),
                        None => tr!(lang, "dialog-centralise-move", users = users, id = id),
                    }
                })
                .collect(),
            users_moved: p.users_moved,
            users_already_central: p.users_already_central,
            emails: p
                .moves
                .iter()
                .flat_map(|m| emails(lang, &m.emails))
                .collect(),
        }
    }

    /// The term of what it buys, where it buys anything.
    fn bought_term(&self) -> Option<Term> {
        self.sources.iter().find_map(|s| match s {
            Source::Bought(b) => Some(b.term),
            _ => None,
        })
    }
}

impl Summary for CentraliseView {
    fn done(&self, lang: Lang) -> String {
        tr!(
            lang,
            "dialog-centralise-done",
            product = &self.product_name,
            count = self.users_moved,
            subs = self.moves.len()
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CentraliseStep {
    Review,
    Confirm,
    Working,
    Done,
}

#[derive(Debug, Clone)]
pub struct CentraliseDialog {
    pub lang: Lang,
    pub product: ProductId,
    pub name: String,
    pub term: Term,
    pub step: CentraliseStep,
    pub plan: Load<CentraliseView>,
    pub scroll: usize,
    pub result: Option<Result<CentraliseView, String>>,
    pub note: Option<String>,
    pub ticks: u32,
}

impl CentraliseDialog {
    fn job(&self, now: DateTime<Utc>, dry_run: bool) -> Job {
        let (product, term, lang) = (self.product.clone(), self.term, self.lang);
        Job::new("centralise", move |client| CentraliseReply {
            dry_run,
            plan: client
                .ask(Request::Centralise {
                    product: product.clone(),
                    term,
                    now,
                    dry_run,
                })
                .map(|o: Outcome<CentralisePlan>| CentraliseView::from_plan(&o.plan, lang))
                .map_err(|e| refusal(e, lang)),
            product,
        })
    }
}

fn plan_text(page: &mut Page<'_>, p: &CentraliseView, theme: Theme, done: bool) {
    let plain = Style::new();
    let lang = page.lang;
    let id = |did: &'static str, will: &'static str| if done { did } else { will };
    for source in &p.sources {
        page.intro.push((
            source.sentence(done),
            if done { theme.title() } else { plain },
        ));
    }
    page.intro.push((
        tr!(
            lang,
            id("dialog-centralise-moved", "dialog-centralise-moves"),
            users = text!("dialog-n-users", count = p.users_moved),
            count = p.moves.len(),
            emails = text!("dialog-n-emails", count = p.emails.len())
        ),
        plain,
    ));
    if p.users_already_central > 0 {
        page.intro.push((
            tr!(
                lang,
                id("dialog-centralise-twice-done", "dialog-centralise-twice"),
                count = p.users_already_central
            ),
            plain,
        ));
    }
}

fn moves_list(lang: Lang, moves: &[String], scroll: usize) -> List<'_> {
    List {
        heading: Some(tr!(
            lang,
            "dialog-centralise-moves-heading",
            count = moves.len()
        )),
        len: moves.len(),
        cursor: None,
        scroll,
        row: Box::new(move |i, w| Line::raw(fit(&format!("  {}", moves[i]), usize::from(w)))),
    }
}

impl Paged for CentraliseDialog {
    type Reply = CentraliseReply;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        use DialogKey::*;
        let lang = self.lang;
        self.note = None;
        match (self.step, key) {
            (CentraliseStep::Review, DialogKey::Term) => {
                self.term = dialog::other(self.term);
                self.plan = Load::Waiting;
                self.scroll = 0;
                return Step::job(self.job(now, true));
            }
            (CentraliseStep::Review, Up) => self.scroll = self.scroll.saturating_sub(1),
            (CentraliseStep::Review, Down) => {
                if let Some(p) = self.plan.ready() {
                    self.scroll = (self.scroll + 1).min(p.moves.len().saturating_sub(1));
                }
            }
            (CentraliseStep::Review, Next) if self.plan.ready().is_some() => {
                self.step = CentraliseStep::Confirm
            }
            (CentraliseStep::Review, Next) if self.plan == Load::Waiting => {
                self.note = Some(lang.t("dialog-planning"))
            }
            (CentraliseStep::Review, Back) | (CentraliseStep::Done, Next | Back) => {
                return Step::close()
            }
            (CentraliseStep::Confirm, Yes) => {
                self.step = CentraliseStep::Working;
                self.ticks = 0;
                return Step::job(self.job(now, false));
            }
            (CentraliseStep::Confirm, Next) => {
                self.note = Some(tr!(
                    lang,
                    "dialog-note-goes-ahead-back",
                    yes = Yes.label(),
                    back = Back.label()
                ))
            }
            (CentraliseStep::Confirm, Back) => self.step = CentraliseStep::Review,
            (CentraliseStep::Working, _) => self.note = Some(lang.t("dialog-note-working")),
            _ => {}
        }
        Step::none()
    }
    fn on_reply(&mut self, reply: CentraliseReply) -> Step {
        match reply {
            CentraliseReply {
                dry_run: true,
                product,
                plan,
            } if product == self.product
                && self.step == CentraliseStep::Review
                && plan
                    .as_ref()
                    .map_or(true, |p| p.bought_term().is_none_or(|t| t == self.term)) =>
            {
                self.plan = plan.into()
            }
            CentraliseReply {
                dry_run: false,
                product,
                plan,
            } if product == self.product => {
                let written = Step::done(&plan, self.lang);
                self.step = CentraliseStep::Done;
                self.result = Some(plan);
                return written;
            }
            _ => {}
        }
        Step::none()
    }
    fn on_tick(&mut self) -> bool {
        if self.step == CentraliseStep::Working {
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
            CentraliseStep::Review => "dialog-step-review",
            CentraliseStep::Confirm => "dialog-step-sure",
            CentraliseStep::Working => "dialog-step-working",
            CentraliseStep::Done => "dialog-step-result",
        };
        let mut page = Page::new(
            lang,
            tr!(
                lang,
                "dialog-centralise-title",
                product = sanitize(&self.name),
                step = lang.t(what)
            ),
        );
        let back = DialogKey::Back.label();
        match self.step {
            CentraliseStep::Review => {
                match &self.plan {
                    Load::Waiting => page.intro.push((lang.t("dialog-planning"), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(p) => {
                        plan_text(&mut page, p, theme, false);
                        page.list = Some(moves_list(lang, &p.moves, self.scroll));
                        page.key(DialogKey::Next.label(), "dialog-key-continue");
                        page.key(DialogKey::Down.label(), "dialog-key-scroll");
                        page.key(DialogKey::Term.label(), "dialog-key-other-term");
                    }
                }
                page.key(back, "dialog-key-close-nothing-changes");
            }
            CentraliseStep::Confirm => {
                if let Some(p) = self.plan.ready() {
                    page.intro.push((
                        tr!(
                            lang,
                            "dialog-centralise-confirm",
                            users = text!("dialog-n-users", count = p.users_moved),
                            product = &p.product_name,
                            count = p.moves.len()
                        ),
                        theme.title(),
                    ));
                    for source in &p.sources {
                        page.intro.push((source.sentence(false), plain));
                    }
                    page.intro.push((
                        tr!(
                            lang,
                            "dialog-centralise-one-transaction",
                            count = p.emails.len()
                        ),
                        plain,
                    ));
                }
                page.key(DialogKey::Yes.label(), "dialog-key-yes-centralise");
                page.key(back, "dialog-key-no-back-to-plan");
            }
            CentraliseStep::Working => page.intro.push((
                dialog::working(
                    lang,
                    &tr!(
                        lang,
                        "dialog-centralise-working",
                        product = sanitize(&self.name)
                    ),
                    self.ticks,
                ),
                plain,
            )),
            CentraliseStep::Done => {
                dialog::result_page(&mut page, &self.result, theme, |page, p| {
                    plan_text(page, p, theme, true)
                })
            }
        }
        dialog::note_first(&mut page, &self.note, theme);
        page
    }
}
