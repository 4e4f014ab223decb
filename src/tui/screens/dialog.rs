//! The take-over dialogs over the screens: the move-users wizard, the cancel dialog and
//! centralise. What they share lives here: the keys they read, the work (`Job`) they ask of
//! `selfserve_core::ops` and the `Reply` it brings back, and the way a change reloads what the
//! screens show. Each dialog keeps its own state, update and view in its own file.
//!
//! Every change is planned first with the operation's dry run and shown; the confirmation step
//! carries the very `Job` it runs. Nothing is written before the user says yes.

use super::cancel::{CancelDialog, CancelView};
use super::centralise::{CentraliseDialog, CentraliseView};
use super::move_wizard::{BuyView, MoveView, MoveWizard, TakeOverInfo, Target};
use crate::tui::action::{Action, Screen};
use crate::tui::app::{App, Message};
use crate::tui::effect::Effect;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use selfserve_core::model::{CancelReason, ProductId, SubscriptionId, Term};
use selfserve_core::ops::{buy, cancel, centralise, move_users, take_over};
use selfserve_core::{Actor, Capability, Store};

/// Which dialog a key opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    Move,
    Cancel,
    Centralise,
}

/// The keys a dialog reads (bound in the key table's `Scope::Dialog`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKey {
    Up,
    Down,
    /// Enter: on to the next step.
    Next,
    /// y: the step that changes something goes ahead.
    Yes,
    /// Esc or n: a step back, or close; before a yes, nothing has changed.
    Back,
    /// b: buy a central subscription for the users (move wizard, choosing the target).
    Buy,
    /// t: switch a purchase between the annual and the monthly term, and plan it again.
    Term,
}

#[derive(Debug, Clone)]
pub enum Dialog {
    Move(Box<MoveWizard>),
    Cancel(CancelDialog),
    Centralise(CentraliseDialog),
}

/// What a step's data is doing: on its way, there, or refused (the core's sentence).
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Waiting,
    Ready(T),
    Failed(String),
}

impl<T> From<Result<T, String>> for Load<T> {
    fn from(r: Result<T, String>) -> Load<T> {
        match r {
            Ok(v) => Load::Ready(v),
            Err(e) => Load::Failed(e),
        }
    }
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Load::Ready(v) => Some(v),
            _ => None,
        }
    }
}

/// Work a dialog asks of the core, run off the UI thread. Dry runs plan; the others write.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    TakeOverInfo {
        sub: SubscriptionId,
        now: DateTime<Utc>,
    },
    Targets {
        from: SubscriptionId,
        /// The target to put the cursor on when the list comes back (one just bought).
        select: Option<SubscriptionId>,
    },
    Buy {
        product: ProductId,
        quantity: u32,
        term: Term,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    Move {
        from: SubscriptionId,
        to: SubscriptionId,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    Cancel {
        sub: SubscriptionId,
        reason: CancelReason,
        now: DateTime<Utc>,
        dry_run: bool,
    },
    Centralise {
        product: ProductId,
        term: Term,
        now: DateTime<Utc>,
        dry_run: bool,
    },
}

/// What a `Job` brought back, with its text sanitized for drawing.
#[derive(Debug, Clone)]
pub enum Reply {
    TakeOverInfo(SubscriptionId, Result<TakeOverInfo, String>),
    Targets {
        from: SubscriptionId,
        select: Option<SubscriptionId>,
        targets: Result<Vec<Target>, String>,
    },
    Buy {
        dry_run: bool,
        plan: Result<BuyView, String>,
    },
    Move {
        dry_run: bool,
        from: SubscriptionId,
        to: SubscriptionId,
        plan: Result<MoveView, String>,
    },
    Cancel {
        dry_run: bool,
        sub: SubscriptionId,
        reason: CancelReason,
        plan: Result<CancelView, String>,
    },
    Centralise {
        dry_run: bool,
        product: ProductId,
        plan: Result<CentraliseView, String>,
    },
}

/// What a write did, in one line for the status bar.
pub trait Summary {
    fn done(&self) -> String;
}

fn summary<T: Summary>(plan: &Result<T, String>) -> Option<Result<String, String>> {
    Some(plan.as_ref().map(Summary::done).map_err(Clone::clone))
}

impl Reply {
    /// For a write: the status line after it (Ok: what happened; Err: why nothing did).
    fn message(&self) -> Option<Result<String, String>> {
        match self {
            Reply::Buy {
                dry_run: false,
                plan,
            } => summary(plan),
            Reply::Move {
                dry_run: false,
                plan,
                ..
            } => summary(plan),
            Reply::Cancel {
                dry_run: false,
                plan,
                ..
            } => summary(plan),
            Reply::Centralise {
                dry_run: false,
                plan,
                ..
            } => summary(plan),
            _ => None,
        }
    }
}

/// Runs `job` against the core; the outcome or the refusal's sentence comes back as an action.
pub fn run(store: &Store, actor: &Actor, job: Job) -> Action {
    let err = |e: selfserve_core::Error| crate::text::sanitize(&e.to_string());
    let reply = match job {
        Job::TakeOverInfo { sub, now } => Reply::TakeOverInfo(
            sub,
            take_over::take_over(store, actor, sub, now, true)
                .map(|o| TakeOverInfo::from_plan(&o.plan))
                .map_err(err),
        ),
        Job::Targets { from, select } => Reply::Targets {
            from,
            select,
            targets: move_users::move_targets(store, actor, from)
                .map(|ts| ts.iter().map(Target::from_core).collect())
                .map_err(err),
        },
        Job::Buy {
            product,
            quantity,
            term,
            now,
            dry_run,
        } => Reply::Buy {
            dry_run,
            plan: buy::buy_central(store, actor, &product, quantity, term, now, dry_run)
                .map(|o| BuyView::from_plan(&o.plan))
                .map_err(err),
        },
        Job::Move {
            from,
            to,
            now,
            dry_run,
        } => Reply::Move {
            dry_run,
            from,
            to,
            plan: move_users::move_users(store, actor, from, to, now, dry_run)
                .map(|o| MoveView::from_plan(&o.plan))
                .map_err(err),
        },
        Job::Cancel {
            sub,
            reason,
            now,
            dry_run,
        } => Reply::Cancel {
            dry_run,
            sub,
            reason,
            plan: cancel::cancel(store, actor, sub, reason, now, dry_run)
                .map(|o| CancelView::from_plan(&o.plan))
                .map_err(err),
        },
        Job::Centralise {
            product,
            term,
            now,
            dry_run,
        } => Reply::Centralise {
            dry_run,
            plan: centralise::centralise(store, actor, &product, term, now, dry_run)
                .map(|o| CentraliseView::from_plan(&o.plan))
                .map_err(err),
            product,
        },
    };
    Action::DialogReply(Box::new(reply))
}

/// What one dialog update asks of the app.
#[derive(Debug, Default)]
pub struct Step {
    pub jobs: Vec<Job>,
    pub close: bool,
}

impl Step {
    pub fn job(job: Job) -> Step {
        Step {
            jobs: vec![job],
            close: false,
        }
    }

    pub fn close() -> Step {
        Step {
            jobs: Vec::new(),
            close: true,
        }
    }

    pub fn none() -> Step {
        Step::default()
    }
}

impl Dialog {
    fn key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        match self {
            Dialog::Move(d) => d.key(key, now),
            Dialog::Cancel(d) => d.key(key, now),
            Dialog::Centralise(d) => d.key(key, now),
        }
    }

    fn reply(&mut self, reply: Reply) -> Step {
        match self {
            Dialog::Move(d) => d.reply(reply),
            Dialog::Cancel(d) => d.reply(reply),
            Dialog::Centralise(d) => d.reply(reply),
        }
    }

    /// A clock tick: true if the dialog shows something that moves (work under way).
    pub fn tick(&mut self) -> bool {
        match self {
            Dialog::Move(d) => d.tick(),
            Dialog::Cancel(d) => d.tick(),
            Dialog::Centralise(d) => d.tick(),
        }
    }
}

fn say(app: &mut App, text: String, error: bool) {
    app.message = Some(Message { text, error });
}

impl App {
    /// Opening a dialog, a key inside one, and what a dialog's job brought back.
    pub fn dialog_action(&mut self, action: Action, fx: &mut Vec<Effect>) {
        let now = self.now;
        let step = match action {
            Action::OpenDialog(kind) => match self.open_dialog(kind, now) {
                Ok((dialog, step)) => {
                    self.dialog = Some(dialog);
                    step
                }
                Err(why) => {
                    say(self, why, true);
                    return;
                }
            },
            Action::Dialog(key) => match &mut self.dialog {
                Some(d) => d.key(key, now),
                None => return,
            },
            Action::DialogReply(reply) => {
                if let Some(m) = reply.message() {
                    match m {
                        Ok(text) => {
                            say(self, text, false);
                            self.reload(fx);
                        }
                        Err(why) => say(self, why, true),
                    }
                }
                match &mut self.dialog {
                    Some(d) => d.reply(*reply),
                    None => return,
                }
            }
            _ => return,
        };
        if step.close {
            self.dialog = None;
        }
        fx.extend(step.jobs.into_iter().map(Effect::Dialog));
    }

    fn open_dialog(&self, kind: Open, now: DateTime<Utc>) -> Result<(Dialog, Step), String> {
        // The key table withholds these keys; this guards any other way in.
        if self.session.readonly {
            return Err("The dashboard runs --readonly: it changes nothing".into());
        }
        if !Capability::ManageSubscriptions.allowed(self.session.role) {
            return Err(format!(
                "{} may not change subscriptions: it needs {}",
                self.session.role.as_str(),
                Capability::ManageSubscriptions.needs()
            ));
        }
        match kind {
            Open::Move | Open::Cancel => {
                let row = match self.screen {
                    Screen::Subscriptions => self.subs.list.selected(),
                    _ => None,
                }
                .ok_or("Choose a subscription first (2 Subscriptions, then ↑↓)")?;
                Ok(if kind == Open::Move {
                    let (d, step) = MoveWizard::open(row, now);
                    (Dialog::Move(Box::new(d)), step)
                } else {
                    (Dialog::Cancel(CancelDialog::open(row)), Step::none())
                })
            }
            Open::Centralise => {
                let p = match self.screen {
                    Screen::Products => self.products.list.selected(),
                    _ => None,
                }
                .ok_or("Choose a product first (1 Products, then ↑↓)")?;
                let (d, step) = CentraliseDialog::open(p.id.clone(), p.name.clone(), now);
                Ok((Dialog::Centralise(d), step))
            }
        }
    }
}

pub fn draw(buf: &mut Buffer, body: Rect, app: &App, dialog: &Dialog) {
    let theme = app.session.theme;
    let page = match dialog {
        Dialog::Move(d) => d.page(theme),
        Dialog::Cancel(d) => d.page(theme),
        Dialog::Centralise(d) => d.page(theme),
    };
    crate::tui::widgets::dialog::draw(buf, body, theme, page);
}

/// How the key table names `key` (the footer of each step uses it, as help does).
pub fn label(key: DialogKey) -> &'static str {
    keymap::for_scope(Scope::Dialog)
        .find(|b| matches!(b.action, Action::Dialog(k) if k == key))
        .map_or("", |b| b.label)
}

/// The other billing term.
pub fn other(term: Term) -> Term {
    match term {
        Term::Annual => Term::Monthly,
        Term::Monthly => Term::Annual,
    }
}

/// "12 users", "1 user".
pub fn count(n: usize, what: &str) -> String {
    let n_text = crate::tui::widgets::table::thousands(n as u64);
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n_text} {what}s")
    }
}

/// The seconds a write has been running, as its progress line says it.
pub fn working(what: &str, ticks: u32) -> String {
    let spinner = ["|", "/", "-", "\\"][(ticks % 4) as usize];
    format!("{spinner} {what}… {ticks} s. One transaction: it happens whole or not at all.")
}

/// The last step of every dialog: what was done (drawn by `done`), or the refusal and that nothing
/// changed. The close key comes last.
pub fn result_page<'a, P>(
    page: &mut Page<'a>,
    result: &Option<Result<P, String>>,
    theme: Theme,
    done: impl FnOnce(&mut Page<'a>, &P),
) {
    match result {
        Some(Ok(p)) => {
            done(page, p);
            page.outro.push((
                "The audit log (5) and the outbox (6) show it.".into(),
                theme.dim(),
            ));
        }
        Some(Err(e)) => {
            page.intro
                .push(("Nothing was changed.".into(), theme.title()));
            page.intro.push((e.clone(), theme.error()));
        }
        None => {}
    }
    page.keys.push((label(DialogKey::Next), "close"));
}

/// A note on the dialog (a refusal of a key, say) goes first, so a long page never cuts it off.
pub fn note_first(page: &mut Page<'_>, note: &Option<String>, theme: Theme) {
    if let Some(note) = note {
        page.outro.insert(0, (note.clone(), theme.error()));
    }
}
