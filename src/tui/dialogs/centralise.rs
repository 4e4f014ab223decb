//! Centralise a product, from the Products screen: the plan of `ops::centralise`'s dry run (the
//! organisation's free central licenses first, then licenses added to a central subscription, a
//! new one bought only where none exists; each self-service subscription moved onto them and
//! cancelled, each buyer e-mailed), reviewed, confirmed once with `y` and carried out as one
//! transaction. The admin center makes you do this one subscription at a time.

use super::move_wizard::BuyView;
use super::words::{emails, named, short};
use super::{self as dialog, count, refusal, Context, Load, Opened, Paged, Step, Summary};
use crate::text::{fit, sanitize};
use crate::tui::effect::Job;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{List, Page};
use crate::tui::widgets::table::thousands;
use chrono::{DateTime, Utc};
use ratatui::style::Style;
use ratatui::text::Line;
use selfserve_core::api::Request;
use selfserve_core::model::{ProductId, Term};
use selfserve_core::ops::centralise::CentralisePlan;
use selfserve_core::ops::take_over::Outcome;
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
    cx.require(Capability::ManageSubscriptions, "change subscriptions")?;
    let p = cx
        .product
        .ok_or("Choose a product first (1 Products, then ↑↓)")?;
    let d = CentraliseDialog {
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
        licenses: u32,
        subscription: String,
        value: String,
    },
    Added {
        licenses: u32,
        subscription: String,
        cost: String,
        quantity_after: u32,
    },
    Bought(BuyView),
}

impl Source {
    fn sentence(&self, done: bool) -> String {
        let d = |did: &'static str, will: &'static str| if done { did } else { will };
        match self {
            Source::Reused {
                licenses,
                subscription,
                value,
            } => format!(
                "{} {} free {} of {subscription} (worth {value} per term, already paid for).",
                d("Reused", "Reuses"),
                thousands(u64::from(*licenses)),
                plural(*licenses, "license")
            ),
            Source::Added {
                licenses,
                subscription,
                cost,
                quantity_after,
            } => format!(
                "{} {} {} to {subscription}, {} then ({cost} more per term, by invoice).",
                d("Added", "Adds"),
                thousands(u64::from(*licenses)),
                plural(*licenses, "license"),
                thousands(u64::from(*quantity_after))
            ),
            Source::Bought(b) => b.sentence(done),
        }
    }
}

fn plural(n: u32, what: &str) -> String {
    if n == 1 {
        what.to_string()
    } else {
        format!("{what}s")
    }
}

impl CentraliseView {
    pub fn from_plan(p: &CentralisePlan) -> CentraliseView {
        let mut sources: Vec<Source> = p
            .reused
            .iter()
            .map(|r| Source::Reused {
                licenses: r.licenses,
                subscription: named(&r.subscription),
                value: sanitize(&r.value_per_term.to_string()),
            })
            .collect();
        if let Some(a) = &p.added {
            sources.push(Source::Added {
                licenses: a.added,
                subscription: named(&a.subscription),
                cost: sanitize(&a.cost_per_term.to_string()),
                quantity_after: a.quantity_after,
            });
        }
        if let Some(b) = &p.bought {
            sources.push(Source::Bought(BuyView::from_plan(b)));
        }
        CentraliseView {
            product_name: sanitize(&p.product_name),
            sources,
            moves: p
                .moves
                .iter()
                .map(|m| {
                    format!(
                        "{:>12} from {}…{}",
                        count(m.users(), "user"),
                        short(m.from.id),
                        m.from
                            .buyer
                            .as_deref()
                            .map(|b| format!(" bought by {}", sanitize(b)))
                            .unwrap_or_default()
                    )
                })
                .collect(),
            users_moved: p.users_moved,
            users_already_central: p.users_already_central,
            emails: p.moves.iter().flat_map(|m| emails(&m.emails)).collect(),
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
    fn done(&self) -> String {
        format!(
            "Centralised {}: {} moved to central licenses, {} cancelled",
            self.product_name,
            count(self.users_moved as usize, "user"),
            count(self.moves.len(), "subscription")
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
        let (product, term) = (self.product.clone(), self.term);
        Job::new("centralise", move |client| CentraliseReply {
            dry_run,
            plan: client
                .ask(Request::Centralise {
                    product: product.clone(),
                    term,
                    now,
                    dry_run,
                })
                .map(|o: Outcome<CentralisePlan>| CentraliseView::from_plan(&o.plan))
                .map_err(refusal),
            product,
        })
    }
}

fn plan_text(page: &mut Page<'_>, p: &CentraliseView, theme: Theme, done: bool) {
    let plain = Style::new();
    let d = |did: &'static str, will: &'static str| if done { did } else { will };
    for source in &p.sources {
        page.intro.push((
            source.sentence(done),
            if done { theme.title() } else { plain },
        ));
    }
    page.intro.push((
        format!(
            "{} the {} of {} self-service {} onto them; each {} Deleted (reason moving-to-central) and its buyer {} e-mailed ({}).",
            d("Moved", "Moves"),
            count(p.users_moved as usize, "user"),
            thousands(p.moves.len() as u64),
            if p.moves.len() == 1 { "subscription" } else { "subscriptions" },
            d("shows", "then shows"),
            d("was", "is"),
            count(p.emails.len(), "e-mail")
        ),
        plain,
    ));
    if p.users_already_central > 0 {
        page.intro.push((
            format!(
                "{} already {} a central license (paid twice): {} only the self-service one.",
                count(p.users_already_central as usize, "user"),
                if p.users_already_central == 1 {
                    "holds"
                } else {
                    "hold"
                },
                d("they lost", "they lose")
            ),
            plain,
        ));
    }
}

fn moves_list(moves: &[String], scroll: usize) -> List<'_> {
    List {
        heading: Some(format!(
            "Self-service subscriptions moved ({})",
            thousands(moves.len() as u64)
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
                self.note = Some("Still planning…".into())
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
                self.note = Some(format!(
                    "{} goes ahead; {} goes back, nothing changes",
                    Yes.label(),
                    Back.label()
                ))
            }
            (CentraliseStep::Confirm, Back) => self.step = CentraliseStep::Review,
            (CentraliseStep::Working, _) => {
                self.note = Some("Still working: the result shows here when it is done.".into())
            }
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
                let written = Step::done(&plan);
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
        let what = match self.step {
            CentraliseStep::Review => "review",
            CentraliseStep::Confirm => "are you sure?",
            CentraliseStep::Working => "working",
            CentraliseStep::Done => "result",
        };
        let mut page = Page {
            title: format!(" Centralise {} · {what} ", self.name),
            intro: Vec::new(),
            list: None,
            outro: Vec::new(),
            keys: Vec::new(),
        };
        let back = DialogKey::Back.label();
        match self.step {
            CentraliseStep::Review => {
                match &self.plan {
                    Load::Waiting => page.intro.push(("Planning…".into(), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(p) => {
                        plan_text(&mut page, p, theme, false);
                        page.list = Some(moves_list(&p.moves, self.scroll));
                        page.keys.push((DialogKey::Next.label(), "continue"));
                        page.keys.push((DialogKey::Down.label(), "scroll"));
                        page.keys.push((DialogKey::Term.label(), "other term"));
                    }
                }
                page.keys.push((back, "close, nothing changes"));
            }
            CentraliseStep::Confirm => {
                if let Some(p) = self.plan.ready() {
                    page.intro.push((
                        format!(
                            "Move the {} of {}'s {} self-service {} onto central licenses, cancelling those?",
                            count(p.users_moved as usize, "user"),
                            p.product_name,
                            thousands(p.moves.len() as u64),
                            if p.moves.len() == 1 { "subscription" } else { "subscriptions" }
                        ),
                        theme.title(),
                    ));
                    for source in &p.sources {
                        page.intro.push((source.sentence(false), plain));
                    }
                    page.intro.push((
                        format!(
                            "One transaction: all of it happens, or none. {} e-mailed.",
                            match p.emails.len() {
                                1 => "1 buyer is".to_string(),
                                n => format!("{n} buyers are"),
                            }
                        ),
                        plain,
                    ));
                }
                page.keys.push((DialogKey::Yes.label(), "yes, centralise"));
                page.keys.push((back, "no, back to the plan"));
            }
            CentraliseStep::Working => page.intro.push((
                dialog::working(&format!("Centralising {}", self.name), self.ticks),
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
