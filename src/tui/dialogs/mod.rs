//! Dialogs over the screens, in one shape: the `Dialog` trait. The move-users wizard, the cancel
//! dialog, centralise, the policy panel and the yes/no question each keep their state, their
//! update (keys and replies) and their page in their own file here; the app holds the open one
//! as one boxed value and applies the `Step` each update returns. A key binding opens a dialog
//! by naming its `Opener`: a new dialog is one new file and one row in the key table.
//!
//! Every change is planned first with the operation's dry run and shown; the confirmation step
//! carries the very `Job` it runs. Nothing is written before the user says yes.
//!
//! Every word is read in the session's language: each dialog keeps `session.lang` from its
//! `Context` and draws its pages, notes and messages from `assets/i18n/*/dialogs.ftl`.

/// `tr!(lang, "dialog-…", name = value, …)`: the message in `lang`, its arguments formatted for
/// it (counts grouped and choosing plurals, money, dates).
macro_rules! tr {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        selfserve_core::text!($id $(, $name = $value)*).in_lang($lang)
    };
}

pub mod accept_review;
pub mod ask_cancel;
pub mod assign;
pub mod cancel;
pub mod centralise;
pub mod email;
pub mod messages;
pub mod move_wizard;
pub mod one_write;
pub mod policy_panel;
pub mod question;
pub mod take_over;
pub mod unassign;
pub mod words;

use words::user_list;

use super::effect::{Effect, Job, Reply};
use super::input::{DialogKey, DialogKeys};
use super::rows::ProductItem;
use super::session::{Message, Session};
use super::theme::Theme;
use super::widgets::dialog::Page;
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use selfserve_core::model::Email;
use selfserve_core::model::Term;
use selfserve_core::query::{PolicyRow, SubscriptionRow};
use selfserve_core::Capability;
use std::any::Any;
use std::collections::VecDeque;
use std::fmt::Debug;

/// A dialog: it reads keys and its jobs' replies, may move on a clock tick, and draws itself.
pub trait Dialog: Debug + Send + Any {
    /// Which keys it reads now (the key table has a set of rows for each).
    fn keys(&self) -> DialogKeys {
        DialogKeys::Steps
    }

    fn key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step;

    /// A character typed into its search box (None: Backspace), where it has one.
    fn typed(&mut self, _c: Option<char>, _now: DateTime<Utc>) -> Step {
        Step::none()
    }

    /// A reply to one of its jobs; a reply of another type is not for it.
    fn reply(&mut self, reply: &Reply) -> Step;

    /// A clock tick: true if it shows something that moves (work under way).
    fn tick(&mut self) -> bool {
        false
    }

    /// Draws it over the screen's body: a pure function of its state.
    fn draw(&self, buf: &mut Buffer, body: Rect, theme: Theme);

    /// The concrete dialog, for tests that look inside.
    fn as_any(&self) -> &dyn Any;
}

/// A dialog drawn as a page per step (the move wizard, cancel, centralise), whose jobs reply
/// with one type: it is a `Dialog` through the impl below.
pub trait Paged: Debug + Send + Any {
    type Reply: Any + Clone;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step;

    fn on_reply(&mut self, reply: Self::Reply) -> Step;

    /// A clock tick: true if a write is under way (its progress line moves).
    fn on_tick(&mut self) -> bool;

    fn page(&self, theme: Theme) -> Page<'_>;
}

impl<T: Paged> Dialog for T {
    fn key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        self.on_key(key, now)
    }

    fn reply(&mut self, reply: &Reply) -> Step {
        reply_of(reply).map_or_else(Step::none, |r| self.on_reply(r))
    }

    fn tick(&mut self) -> bool {
        self.on_tick()
    }

    fn draw(&self, buf: &mut Buffer, body: Rect, theme: Theme) {
        super::widgets::dialog::draw(buf, body, theme, self.page(theme));
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// What one dialog update asks of the app.
#[derive(Debug, Default)]
pub struct Step {
    pub effects: Vec<Effect>,
    pub close: bool,
    pub message: Option<Message>,
    /// Something changed: every list already read is read again.
    pub reload: bool,
    /// The Subscriptions screen to show once the dialog closes: a product's self-service
    /// subscriptions, for take-over (the policy panel's impact, issue 14).
    pub open: Option<OpenSubscriptions>,
}

/// A product whose self-service subscriptions the Subscriptions screen opens on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSubscriptions {
    pub product: selfserve_core::model::ProductId,
    pub name: String,
    /// How many the preview counted, for the message line.
    pub subscriptions: u64,
}

impl Step {
    pub fn job(job: Job) -> Step {
        Step {
            effects: vec![Effect::Dialog(job)],
            ..Step::default()
        }
    }

    pub fn close() -> Step {
        Step {
            close: true,
            ..Step::default()
        }
    }

    pub fn none() -> Step {
        Step::default()
    }

    pub fn say(mut self, message: Message) -> Step {
        self.message = Some(message);
        self
    }

    /// A write came back: the message line says what it did (and every list is read again),
    /// or why nothing changed.
    pub fn done<T: Summary>(outcome: &Result<T, String>, lang: Lang) -> Step {
        match outcome {
            Ok(done) => Step {
                message: Some(Message::ok(done.done(lang))),
                reload: true,
                ..Step::default()
            },
            Err(why) => Step::none().say(Message::error(why.clone())),
        }
    }
}

/// What a dialog may look at when it opens: the session and what the screen has selected.
pub struct Context<'a> {
    pub session: &'a Session,
    pub now: DateTime<Utc>,
    /// The selected subscription, on the Subscriptions screen.
    pub subscription: Option<&'a SubscriptionRow>,
    /// The selected product, on the Products screen.
    pub product: Option<&'a ProductItem>,
    /// The selected e-mail, on the Outbox screen.
    pub email: Option<&'a Email>,
    /// The selected policy, and every policy loaded, on the policies screen.
    pub policy: Option<&'a PolicyRow>,
    pub policies: &'a [PolicyRow],
    /// The users a license change is for (UPNs): those marked in the users pane, else the one
    /// under its cursor.
    pub users: Vec<String>,
    /// The session's messages, oldest first.
    pub history: &'a VecDeque<(DateTime<Utc>, Message)>,
}

impl Context<'_> {
    /// The session's language, which the dialog keeps.
    pub fn lang(&self) -> Lang {
        self.session.lang
    }

    /// Refuses unless this session may use `capability` (the key table withholds such keys
    /// already; this guards any other way in). `what` is the message naming the action ("change
    /// subscriptions").
    pub fn require(&self, capability: Capability, what: &str) -> Result<(), String> {
        let lang = self.lang();
        if self.session.readonly {
            return Err(lang.t("dialog-readonly"));
        }
        if !capability.allowed(self.session.role) {
            return Err(tr!(
                lang,
                "dialog-not-allowed",
                role = self.session.role.as_str(),
                what = lang.t(what),
                needs = needs(lang, capability)
            ));
        }
        Ok(())
    }

    /// The refusal when no subscription is selected.
    pub fn no_subscription(&self) -> String {
        self.lang().t("dialog-choose-subscription")
    }
}

/// The roles that have `capability`, in words (the roles keep their names).
pub fn needs(lang: Lang, capability: Capability) -> String {
    lang.t(match capability {
        Capability::Read => "dialog-needs-any-role",
        Capability::ManageSubscriptions => "dialog-needs-subscriptions",
        Capability::ManagePolicies => "dialog-needs-policies",
    })
}

/// An open dialog and its first step (a dry run to start, say).
pub struct Opened {
    pub dialog: Box<dyn Dialog>,
    pub step: Step,
}

impl Opened {
    pub fn new(dialog: impl Dialog, step: Step) -> Result<Opened, String> {
        Ok(Opened {
            dialog: Box::new(dialog),
            step,
        })
    }
}

/// How a key binding opens a dialog; the refusal's sentence when it cannot open here.
pub type Opener = fn(&Context<'_>) -> Result<Opened, String>;

/// The core's refusal as one line to draw, in the reader's language.
pub fn refusal(e: selfserve_core::Error, lang: Lang) -> String {
    crate::text::sanitize(&e.in_lang(lang))
}

/// The reply to a job, when it is of the type this dialog asked for.
pub fn reply_of<T: Any + Clone>(reply: &Reply) -> Option<T> {
    reply.downcast_ref::<T>().cloned()
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

/// What a write did, in one line for the status bar.
pub trait Summary {
    fn done(&self, lang: Lang) -> String;
}

/// The other billing term.
pub fn other(term: Term) -> Term {
    match term {
        Term::Annual => Term::Monthly,
        Term::Monthly => Term::Annual,
    }
}

/// The seconds a write has been running, as its progress line says it (`what` already in
/// `lang`).
pub fn working(lang: Lang, what: &str, ticks: u32) -> String {
    let spinner = ["|", "/", "-", "\\"][(ticks % 4) as usize];
    tr!(
        lang,
        "dialog-working",
        spinner = spinner,
        what = what,
        seconds = ticks
    )
}

/// The title of a dialog's step: " Move users · review ".
pub fn title(lang: Lang, dialog: &str, step: &str) -> String {
    tr!(
        lang,
        "dialog-title",
        dialog = lang.t(dialog),
        step = lang.t(step)
    )
}

/// The last step of every dialog: what was done (drawn by `done`), or the refusal and that nothing
/// changed. The close key comes last.
pub fn result_page<'a, P>(
    page: &mut Page<'a>,
    result: &Option<Result<P, String>>,
    theme: Theme,
    done: impl FnOnce(&mut Page<'a>, &P),
) {
    let lang = page.lang;
    match result {
        Some(Ok(p)) => {
            done(page, p);
            page.outro
                .push((lang.t("dialog-result-shown"), theme.dim()));
        }
        Some(Err(e)) => {
            page.intro
                .push((lang.t("dialog-nothing-changed"), theme.title()));
            page.intro.push((e.clone(), theme.error()));
        }
        None => {}
    }
    page.key(DialogKey::Next.label(), "dialog-key-close");
}

/// Where a read-only page (an e-mail, the messages) stands: ↑↓ scroll as far as its rows at
/// the last drawing go (they depend on the width), Esc or Enter close it.
#[derive(Debug, Default)]
pub struct Scroller {
    pub at: usize,
    rows: std::cell::Cell<usize>,
}

impl Scroller {
    pub fn key(&mut self, key: DialogKey) -> Step {
        match key {
            DialogKey::Up => self.at = self.at.saturating_sub(1),
            DialogKey::Down => self.at = (self.at + 1).min(self.rows.get().saturating_sub(1)),
            DialogKey::Back | DialogKey::Next => return Step::close(),
            _ => {}
        }
        Step::none()
    }

    /// What the drawing found: how many rows there are to scroll through.
    pub fn drawn(&self, rows: usize) {
        self.rows.set(rows);
    }
}

/// The keys of a page that can only be closed (a refusal, nothing to do).
pub fn refusal_page_keys(page: &mut Page<'_>) {
    page.key(DialogKey::Back.label(), "dialog-key-close");
}

/// A note on the dialog (a refusal of a key, say) goes first, so a long page never cuts it off.
pub fn note_first(page: &mut Page<'_>, note: &Option<String>, theme: Theme) {
    if let Some(note) = note {
        page.outro.insert(0, (note.clone(), theme.error()));
    }
}
