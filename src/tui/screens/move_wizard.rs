//! The move-users wizard (SPEC §4 screen 3), over the Subscriptions screen: take over → choose
//! the target (those without room are listed, not selectable, with how many licenses they lack;
//! or buy a central subscription of the right size) → review the dry run → confirm → progress →
//! result. Until the yes at step 4 nothing is written: Esc anywhere before it changes nothing.

use super::dialog::{self, count, label, DialogKey, Job, Load, Reply, Step, Summary};
use crate::text::{fit, fit_right, sanitize};
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{List, Page};
use crate::tui::widgets::table::thousands;
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::style::Style;
use ratatui::text::Line;
use selfserve_core::model::{ProductId, SubscriptionId, Term};
use selfserve_core::ops::buy::BuyPlan;
use selfserve_core::ops::move_users::{MovePlan, MoveTarget};
use selfserve_core::ops::take_over::{PlannedEmail, SubRef, TakeOverPlan, UserRef};
use selfserve_core::query::SubscriptionRow;

/// Step 1's facts, from `take_over`'s dry run.
#[derive(Debug, Clone, PartialEq)]
pub struct TakeOverInfo {
    /// Who took it over and when, where someone has.
    pub already: Option<(String, NaiveDate)>,
}

impl TakeOverInfo {
    pub fn from_plan(p: &TakeOverPlan) -> TakeOverInfo {
        TakeOverInfo {
            already: p
                .already_taken_over
                .then(|| (sanitize(&p.taken_over_by), p.taken_over_at.date_naive())),
        }
    }
}

/// A row of step 2, from `move_targets`.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: SubscriptionId,
    pub origin: &'static str,
    pub buyer: Option<String>,
    pub quantity: u32,
    pub free: u32,
    pub missing: u32,
    /// Why `move_users` would refuse it; None where it can take the users.
    pub refusal: Option<String>,
}

impl Target {
    pub fn from_core(t: &MoveTarget) -> Target {
        Target {
            id: t.subscription.id,
            origin: t.subscription.origin.label(),
            buyer: t.subscription.buyer.as_deref().map(sanitize),
            quantity: t.subscription.quantity,
            free: t.free,
            missing: t.missing,
            refusal: t.refusal.as_deref().map(sanitize),
        }
    }

    pub fn selectable(&self) -> bool {
        self.refusal.is_none()
    }
}

/// A central purchase as reviewed (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct BuyView {
    pub id: SubscriptionId,
    pub product_name: String,
    pub quantity: u32,
    pub unit: String,
    pub term: Term,
    pub cost: String,
    pub expires: NaiveDate,
}

impl BuyView {
    pub fn from_plan(p: &BuyPlan) -> BuyView {
        BuyView {
            id: p.subscription.id,
            product_name: sanitize(&p.subscription.product_name),
            quantity: p.subscription.quantity,
            unit: money(p.price.amount, &p.price.currency),
            term: p.price.term,
            cost: money(p.cost_per_term.amount, &p.cost_per_term.currency),
            expires: p.expires,
        }
    }

    /// The purchase in one sentence (the id only once it is bought: a dry run's is not kept).
    pub fn sentence(&self, bought: bool) -> String {
        format!(
            "{} {} licenses of {} centrally{}: {} per license per {} term, {} per term, paid by invoice, renewing automatically on {}.",
            if bought { "Bought" } else { "Buy" },
            thousands(u64::from(self.quantity)),
            self.product_name,
            if bought {
                format!(" (subscription {})", short(self.id))
            } else {
                String::new()
            },
            self.unit,
            self.term.as_str(),
            self.cost,
            self.expires
        )
    }
}

impl Summary for BuyView {
    fn done(&self) -> String {
        format!(
            "Bought {} licenses of {} centrally: subscription {}",
            thousands(u64::from(self.quantity)),
            self.product_name,
            short(self.id)
        )
    }
}

/// A move as reviewed (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct MoveView {
    pub from_id: SubscriptionId,
    pub to_id: SubscriptionId,
    pub from: String,
    pub from_label: String,
    pub to_label: String,
    pub takes_over: bool,
    pub users: Vec<String>,
    pub reason: &'static str,
    pub to_assigned_after: u32,
    pub to_quantity: u32,
    pub to_free_after: u32,
    pub emails: Vec<String>,
    pub recipients: Vec<String>,
}

impl MoveView {
    pub fn from_plan(p: &MovePlan) -> MoveView {
        MoveView {
            from_id: p.from.id,
            to_id: p.to.id,
            from: named(&p.from),
            from_label: sanitize(&p.from.label()),
            to_label: sanitize(&p.to.label()),
            takes_over: p.takes_over,
            users: users(&p.users),
            reason: p.cancellation_reason.as_str(),
            to_assigned_after: p.to_assigned_after,
            to_quantity: p.to.quantity,
            to_free_after: p.to_free_after,
            emails: emails(&p.emails),
            recipients: recipients(&p.emails),
        }
    }
}

impl Summary for MoveView {
    fn done(&self) -> String {
        format!(
            "Moved {} to {}…; {}… is cancelled (Deleted){}",
            count(self.users.len(), "user"),
            short(self.to_id),
            short(self.from_id),
            if self.recipients.is_empty() {
                ""
            } else {
                ", buyer e-mailed"
            }
        )
    }
}

/// "Power BI Pro subscription 3f2a1b2c… bought by x@contoso.example".
pub fn named(s: &SubRef) -> String {
    let label = sanitize(&s.label());
    match &s.buyer {
        Some(b) => format!("{label} bought by {}", sanitize(b)),
        None => label,
    }
}

pub fn users(users: &[UserRef]) -> Vec<String> {
    users
        .iter()
        .map(|u| {
            format!(
                "{} <{}>",
                sanitize(&u.display_name),
                sanitize(&u.user_principal_name)
            )
        })
        .collect()
}

pub fn emails(emails: &[PlannedEmail]) -> Vec<String> {
    emails
        .iter()
        .map(|e| format!("{}: \"{}\"", sanitize(&e.to), sanitize(&e.subject)))
        .collect()
}

pub fn recipients(emails: &[PlannedEmail]) -> Vec<String> {
    emails.iter().map(|e| sanitize(&e.to)).collect()
}

/// "3,528.00 EUR": the core's decimal amount with thousands separators.
pub fn money(amount: f64, currency: &str) -> String {
    let minor = (amount * 100.0).round() as i64;
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!(
        "{sign}{}.{:02} {}",
        thousands(abs / 100),
        abs % 100,
        sanitize(currency)
    )
}

pub fn short(id: SubscriptionId) -> String {
    id.to_string().chars().take(8).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveStep {
    TakeOver,
    Targets,
    BuyReview,
    Buying,
    Review,
    Confirm,
    Working,
    Done,
}

#[derive(Debug, Clone)]
pub struct MoveWizard {
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
    pub buy: Load<BuyView>,
    /// The term of the purchase offered at step 2 (annual, as the admin center offers first).
    pub term: Term,
    /// The target the review is for, and its plan.
    pub to: Option<SubscriptionId>,
    pub plan: Load<MoveView>,
    pub scroll: usize,
    pub result: Option<Result<MoveView, String>>,
    /// A remark on the last key (why a target cannot be chosen, what to press).
    pub note: Option<String>,
    pub ticks: u32,
}

impl MoveWizard {
    pub fn open(row: &SubscriptionRow, now: DateTime<Utc>) -> (MoveWizard, Step) {
        let buyer = match (&row.buyer_name, &row.buyer) {
            (Some(name), Some(upn)) => format!(" bought by {name} <{upn}>"),
            _ => " (central)".to_string(),
        };
        let w = MoveWizard {
            from: row.id,
            product: row.product_id.clone(),
            heading: format!(
                "{} subscription {}…{buyer}",
                row.product_name,
                short(row.id)
            ),
            users: row.assigned,
            step: MoveStep::TakeOver,
            take_over: Load::Waiting,
            targets: Load::Waiting,
            cursor: 0,
            buy: Load::Waiting,
            term: Term::Annual,
            to: None,
            plan: Load::Waiting,
            scroll: 0,
            result: None,
            note: None,
            ticks: 0,
        };
        let step = Step::job(Job::TakeOverInfo { sub: row.id, now });
        (w, step)
    }

    fn targets_job(&self, select: Option<SubscriptionId>) -> Job {
        Job::Targets {
            from: self.from,
            select,
        }
    }

    pub fn key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        use DialogKey::*;
        self.note = None;
        match (self.step, key) {
            // Keys typed ahead go on before the facts arrive; a refusal stops here.
            (MoveStep::TakeOver, Next) => match &self.take_over {
                Load::Ready(_) | Load::Waiting => {
                    self.step = MoveStep::Targets;
                    self.targets = Load::Waiting;
                    return Step::job(self.targets_job(None));
                }
                Load::Failed(_) => self.note = Some("Nothing to do here: Esc closes.".into()),
            },
            (MoveStep::TakeOver, Back) | (MoveStep::Done, Next | Back) => return Step::close(),
            (MoveStep::Targets, Up) => self.cursor = self.cursor.saturating_sub(1),
            (MoveStep::Targets, Down) => {
                if let Some(ts) = self.targets.ready() {
                    self.cursor = (self.cursor + 1).min(ts.len().saturating_sub(1));
                }
            }
            (MoveStep::Targets, Next) if self.targets == Load::Waiting => {
                self.note = Some("Still reading the subscriptions…".into())
            }
            (MoveStep::Targets, Next) => {
                let Some(t) = self.targets.ready().and_then(|ts| ts.get(self.cursor)) else {
                    self.note = Some(format!(
                        "No target to choose: {} buys one",
                        label(DialogKey::Buy)
                    ));
                    return Step::none();
                };
                // Its refusal is on screen already, under the list.
                if t.refusal.is_some() {
                    self.note = Some(format!(
                        "Not selectable: choose one that says yes, or {} buys licenses",
                        label(DialogKey::Buy)
                    ));
                    return Step::none();
                }
                let to = t.id;
                self.to = Some(to);
                self.plan = Load::Waiting;
                self.scroll = 0;
                self.step = MoveStep::Review;
                return Step::job(Job::Move {
                    from: self.from,
                    to,
                    now,
                    dry_run: true,
                });
            }
            (MoveStep::Targets, Buy) => {
                self.step = MoveStep::BuyReview;
                self.buy = Load::Waiting;
                return Step::job(self.buy_job(now, true));
            }
            (MoveStep::Targets, Back) => self.step = MoveStep::TakeOver,
            (MoveStep::BuyReview, Yes) if self.buy.ready().is_some() => {
                self.step = MoveStep::Buying;
                self.ticks = 0;
                return Step::job(self.buy_job(now, false));
            }
            (MoveStep::BuyReview, Next) => {
                self.note = Some(format!("{} buys them; Esc goes back", label(Yes)))
            }
            (MoveStep::BuyReview, DialogKey::Term) => {
                self.term = dialog::other(self.term);
                self.buy = Load::Waiting;
                return Step::job(self.buy_job(now, true));
            }
            (MoveStep::BuyReview, Back) => self.step = MoveStep::Targets,
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
                self.note = Some("Still planning the move…".into())
            }
            (MoveStep::Review, Back) => self.step = MoveStep::Targets,
            (MoveStep::Confirm, Yes) => {
                if let Some(to) = self.to {
                    self.step = MoveStep::Working;
                    self.ticks = 0;
                    return Step::job(Job::Move {
                        from: self.from,
                        to,
                        now,
                        dry_run: false,
                    });
                }
            }
            (MoveStep::Confirm, Next) => {
                self.note = Some(format!(
                    "{} moves them; {} goes back, nothing changes",
                    label(Yes),
                    label(Back)
                ))
            }
            (MoveStep::Confirm, Back) => self.step = MoveStep::Review,
            (MoveStep::Working | MoveStep::Buying, _) => {
                self.note = Some("Still working: the result shows here when it is done.".into())
            }
            _ => {}
        }
        Step::none()
    }

    fn buy_job(&self, now: DateTime<Utc>, dry_run: bool) -> Job {
        Job::Buy {
            product: self.product.clone(),
            quantity: self.users,
            term: self.term,
            now,
            dry_run,
        }
    }

    pub fn reply(&mut self, reply: Reply) -> Step {
        match reply {
            Reply::TakeOverInfo(sub, r) if sub == self.from => self.take_over = r.into(),
            Reply::Targets {
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
            Reply::Buy {
                dry_run: true,
                plan,
            } if self.step == MoveStep::BuyReview
                && plan.as_ref().map_or(true, |b| b.term == self.term) =>
            {
                self.buy = plan.into()
            }
            Reply::Buy {
                dry_run: false,
                plan,
            } if self.step == MoveStep::Buying => match plan {
                Ok(bought) => {
                    self.step = MoveStep::Targets;
                    self.targets = Load::Waiting;
                    return Step::job(self.targets_job(Some(bought.id)));
                }
                Err(e) => {
                    self.step = MoveStep::BuyReview;
                    self.buy = Load::Failed(e);
                }
            },
            Reply::Move {
                dry_run: true,
                from,
                to,
                plan,
            } if from == self.from && Some(to) == self.to && self.step == MoveStep::Review => {
                self.plan = plan.into()
            }
            Reply::Move {
                dry_run: false,
                from,
                plan,
                ..
            } if from == self.from => {
                self.step = MoveStep::Done;
                self.result = Some(plan);
            }
            _ => {}
        }
        Step::none()
    }

    pub fn tick(&mut self) -> bool {
        if matches!(self.step, MoveStep::Working | MoveStep::Buying) {
            self.ticks += 1;
            true
        } else {
            false
        }
    }

    pub fn page(&self, theme: Theme) -> Page<'_> {
        let plain = Style::new();
        let (n, what) = match self.step {
            MoveStep::TakeOver => (1, "take over"),
            MoveStep::Targets => (2, "choose where they go"),
            MoveStep::BuyReview | MoveStep::Buying => (2, "buy licenses for them"),
            MoveStep::Review => (3, "review"),
            MoveStep::Confirm => (4, "confirm"),
            MoveStep::Working => (5, "moving"),
            MoveStep::Done => (6, "result"),
        };
        let mut page = Page {
            title: format!(" Move users · step {n} of 6: {what} "),
            intro: vec![(format!("From {}", self.heading), theme.title())],
            list: None,
            outro: Vec::new(),
            keys: Vec::new(),
        };
        let back = label(DialogKey::Back);
        match self.step {
            MoveStep::TakeOver => self.take_over_page(&mut page, theme),
            MoveStep::Targets => self.targets_page(&mut page, theme),
            MoveStep::BuyReview => {
                match &self.buy {
                    Load::Waiting => page
                        .intro
                        .push(("Planning the purchase…".into(), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(b) => {
                        page.intro.push((b.sentence(false), plain));
                        page.intro.push((
                            format!(
                                "It is sized for the {} of this subscription; once bought it is listed as a target to choose.",
                                count(self.users as usize, "user")
                            ),
                            plain,
                        ));
                        page.intro
                            .push(("Buy these licenses?".into(), theme.title()));
                        page.keys.push((label(DialogKey::Yes), "yes, buy them"));
                        page.keys.push((label(DialogKey::Term), "other term"));
                    }
                }
                page.keys.push((back, "back to the targets"));
            }
            MoveStep::Buying => {
                page.intro
                    .push((dialog::working("Buying", self.ticks), plain));
            }
            MoveStep::Review => {
                match &self.plan {
                    Load::Waiting => page.intro.push(("Planning the move…".into(), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(p) => {
                        review(&mut page, p, theme, false);
                        page.list = Some(user_list(&p.users, self.scroll));
                        page.keys.push((label(DialogKey::Next), "continue"));
                        page.keys.push((label(DialogKey::Down), "scroll"));
                    }
                }
                page.keys.push((back, "back to the targets"));
            }
            MoveStep::Confirm => {
                if let Some(p) = self.plan.ready() {
                    page.intro.push((
                        format!(
                            "Move {} to {} and cancel {}?",
                            count(p.users.len(), "user"),
                            p.to_label,
                            p.from_label
                        ),
                        theme.title(),
                    ));
                    page.intro.push((
                        format!(
                            "It then shows Deleted (reason {}); that cannot be undone. {}",
                            p.reason,
                            match p.recipients.len() {
                                0 => "Nobody is e-mailed.".to_string(),
                                _ => format!("Its buyer {} is e-mailed.", p.recipients.join(", ")),
                            }
                        ),
                        plain,
                    ));
                }
                page.keys.push((label(DialogKey::Yes), "yes, move them"));
                page.keys.push((back, "no, back to the review"));
            }
            MoveStep::Working => {
                let n = self.plan.ready().map_or(0, |p| p.users.len());
                page.intro.push((
                    dialog::working(&format!("Moving {}", count(n, "user")), self.ticks),
                    plain,
                ));
            }
            MoveStep::Done => dialog::result_page(&mut page, &self.result, theme, |page, p| {
                review(page, p, theme, true)
            }),
        }
        dialog::note_first(&mut page, &self.note, theme);
        page
    }

    fn take_over_page(&self, page: &mut Page<'_>, theme: Theme) {
        let plain = Style::new();
        page.intro.push((
            format!(
                "{} {} its licenses.",
                count(self.users as usize, "user"),
                if self.users == 1 { "holds" } else { "hold" }
            ),
            plain,
        ));
        page.intro.push((
            "Taking over makes a self-service subscription the administrators' to manage: they can then assign and unassign its licenses, move its users to another subscription or cancel it. The buyer is told by e-mail of what is done to it.".into(),
            plain,
        ));
        match &self.take_over {
            Load::Waiting => page.intro.push(("Reading the subscription…".into(), theme.dim())),
            Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
            Load::Ready(TakeOverInfo {
                already: Some((by, on)),
            }) => page
                .intro
                .push((format!("Already taken over by {by} on {on}."), theme.title())),
            Load::Ready(TakeOverInfo { already: None }) => page.intro.push((
                "It is not taken over yet: the move takes it over in the same transaction as the move itself, so nothing changes before you confirm at step 4.".into(),
                theme.title(),
            )),
        }
        if !matches!(self.take_over, Load::Failed(_)) {
            page.keys
                .push((label(DialogKey::Next), "choose where its users go"));
        }
        page.keys
            .push((label(DialogKey::Back), "close, nothing changes"));
    }

    fn targets_page<'a>(&'a self, page: &mut Page<'a>, theme: Theme) {
        let plain = Style::new();
        page.intro.push((
            format!(
                "Where should its {} go? Only a subscription of the same product with one free license per user can take them.",
                count(self.users as usize, "user")
            ),
            plain,
        ));
        match &self.targets {
            Load::Waiting => page
                .intro
                .push(("Reading the subscriptions…".into(), theme.dim())),
            Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
            Load::Ready(ts) if ts.is_empty() => page.intro.push((
                "No other live subscription of this product exists.".into(),
                theme.title(),
            )),
            Load::Ready(ts) => {
                let users = self.users;
                page.list = Some(List {
                    heading: Some(format!(
                        "{}{}{}",
                        fit("Sub", 9),
                        fit("Origin", 9),
                        "Buyer, free licenses, can it take them all?"
                    )),
                    len: ts.len(),
                    cursor: Some(self.cursor),
                    scroll: 0,
                    row: Box::new(move |i, w| target_row(&ts[i], users, w, theme)),
                });
                if let Some(why) = ts.get(self.cursor).and_then(|t| t.refusal.as_ref()) {
                    page.outro.push((why.clone(), theme.dim()));
                }
            }
        }
        page.outro.push((
            format!(
                "None with room? {} buys a central subscription of {} for them.",
                label(DialogKey::Buy),
                count(self.users as usize, "license")
            ),
            plain,
        ));
        page.keys.push((label(DialogKey::Next), "review"));
        page.keys.push((label(DialogKey::Buy), "buy licenses"));
        page.keys.push((label(DialogKey::Back), "back"));
    }
}

fn target_row(t: &Target, users: u32, w: u16, theme: Theme) -> Line<'static> {
    let w = usize::from(w);
    let can = if t.selectable() {
        format!("yes, takes all {users}")
    } else if t.missing > 0 {
        format!("no, {} missing", thousands(u64::from(t.missing)))
    } else {
        "no (see below)".to_string()
    };
    let free = format!(
        "{} free of {}",
        thousands(u64::from(t.free)),
        thousands(u64::from(t.quantity))
    );
    let who = t.buyer.as_deref().unwrap_or("-");
    let fixed = 9 + 9 + 20 + 20;
    let who_w = w.saturating_sub(fixed).max(8);
    let text = format!(
        "{}{}{}{}{}",
        fit(&short(t.id), 9),
        fit(t.origin, 9),
        fit(who, who_w),
        fit_right(&free, 18),
        fit(&format!("  {can}"), 20),
    );
    let style = if t.selectable() {
        Style::new()
    } else {
        theme.dim()
    };
    Line::styled(fit(&text, w), style)
}

/// The plan (or what was done) in sentences.
pub fn review(page: &mut Page<'_>, p: &MoveView, theme: Theme, done: bool) {
    let plain = Style::new();
    let d = |did: &'static str, will: &'static str| if done { did } else { will };
    page.intro.push((
        format!(
            "{} {} from {} to {}.",
            d("Moved", "Moves"),
            count(p.users.len(), "user"),
            p.from,
            p.to_label
        ),
        if done { theme.title() } else { plain },
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
        format!(
            "{} {}: it shows Deleted, reason {}. {} {} {} of {} licenses assigned, {} free.",
            d("Cancelled", "Cancels"),
            p.from_label,
            p.reason,
            p.to_label,
            d("now has", "then has"),
            thousands(u64::from(p.to_assigned_after)),
            thousands(u64::from(p.to_quantity)),
            thousands(u64::from(p.to_free_after)),
        ),
        plain,
    ));
    page.intro.push((
        match (p.emails.len(), done) {
            (0, _) => "Nobody is e-mailed (the buyer is not in the directory).".to_string(),
            (_, true) => format!("E-mailed {}", p.emails.join("; ")),
            (_, false) => format!(
                "E-mails its buyer {}: the subscription is cancelled, the users keep access.",
                p.recipients.join(", ")
            ),
        },
        plain,
    ));
}

/// The users a plan names, scrolled.
pub fn user_list(users: &[String], scroll: usize) -> List<'_> {
    List {
        heading: Some(format!("Who moves ({})", thousands(users.len() as u64))),
        len: users.len(),
        cursor: None,
        scroll,
        row: Box::new(move |i, w| Line::raw(fit(&format!("  {}", users[i]), usize::from(w)))),
    }
}
