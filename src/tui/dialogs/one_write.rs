//! The shape of a dialog that makes one change: its dry run is shown, `y` does it, and the
//! result follows; Esc before the yes changes nothing. Taking over, asking a buyer to cancel
//! and unassigning licenses are this shape: each says only what its change is (`OneWrite`).

use super::{refusal_page_keys, user_list, Load, Opened, Paged, Step, Summary};
use crate::i18n::Lang;
use crate::tui::effect::Job;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, Utc};
use ratatui::style::Style;
use selfserve_server::Client;
use std::fmt::Debug;

/// One change, as a dialog shows it.
pub trait OneWrite: Debug + Clone + Send + Sync + 'static {
    /// Its plan (or what was done), drawn from the core's answer.
    type View: Debug + Clone + PartialEq + Summary + Send + Sync + 'static;
    /// The dialog's title, a message id: "Take over subscription".
    const TITLE: &'static str;
    /// What `y` does, in its key's label, a message id: "yes, take it over".
    const YES: &'static str;
    /// The progress line while it runs, a message id: "Taking it over".
    const WORKING: &'static str;

    /// Asks the core for the change, or its dry run; the refusal's sentence (in `lang`) on
    /// failure.
    fn call(
        &self,
        client: &Client,
        now: DateTime<Utc>,
        dry_run: bool,
        lang: Lang,
    ) -> Result<Self::View, String>;

    /// The plan in sentences (`done`: after it was made), in the page's language.
    fn describe(&self, page: &mut Page<'_>, view: &Self::View, theme: Theme, done: bool);

    /// The rows to scroll under the sentences (who loses access, say), with their heading.
    fn rows<'a>(&self, _view: &'a Self::View, _lang: Lang) -> Option<(String, &'a [String])> {
        None
    }

    /// Whether there is anything for `y` to do (taking over one taken over already: no).
    fn to_do(&self, _view: &Self::View) -> bool {
        true
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStep {
    Review,
    Working,
    Done,
}

/// A dialog for the change `W`.
#[derive(Debug, Clone)]
pub struct OneWriteDialog<W: OneWrite> {
    /// The language of its words: the session's.
    pub lang: Lang,
    pub write: W,
    pub step: WriteStep,
    pub plan: Load<W::View>,
    pub scroll: usize,
    pub result: Option<Result<W::View, String>>,
    pub note: Option<String>,
    pub ticks: u32,
}

/// What the change's job brings back.
#[derive(Debug, Clone)]
pub struct WriteReply<V> {
    pub dry_run: bool,
    pub plan: Result<V, String>,
}

fn job<W: OneWrite>(write: W, now: DateTime<Utc>, dry_run: bool, lang: Lang) -> Job {
    Job::new(W::TITLE, move |client| WriteReply {
        dry_run,
        plan: write.call(client, now, dry_run, lang),
    })
}

/// Opens the dialog for `write`, starting with its dry run; its words in `lang`.
pub fn open<W: OneWrite>(write: W, now: DateTime<Utc>, lang: Lang) -> Result<Opened, String> {
    let first = job(write.clone(), now, true, lang);
    Opened::new(
        OneWriteDialog {
            lang,
            write,
            step: WriteStep::Review,
            plan: Load::Waiting,
            scroll: 0,
            result: None,
            note: None,
            ticks: 0,
        },
        Step::job(first),
    )
}

impl<W: OneWrite> Paged for OneWriteDialog<W> {
    type Reply = WriteReply<W::View>;

    fn on_key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        self.note = None;
        let lang = self.lang;
        let to_do = self.plan.ready().map(|v| self.write.to_do(v));
        match (self.step, key) {
            (WriteStep::Review, DialogKey::Yes) if to_do == Some(true) => {
                self.step = WriteStep::Working;
                self.ticks = 0;
                return Step::job(job(self.write.clone(), now, false, lang));
            }
            (WriteStep::Review, DialogKey::Back) | (WriteStep::Done, _) => return Step::close(),
            (WriteStep::Review, DialogKey::Up) => self.scroll = self.scroll.saturating_sub(1),
            (WriteStep::Review, DialogKey::Down) => {
                let rows = self
                    .plan
                    .ready()
                    .and_then(|v| self.write.rows(v, lang))
                    .map_or(0, |(_, rows)| rows.len());
                self.scroll = (self.scroll + 1).min(rows.saturating_sub(1));
            }
            (WriteStep::Review, _) => {
                self.note = Some(match to_do {
                    Some(true) => tr!(
                        lang,
                        "dialog-note-goes-ahead-close",
                        yes = DialogKey::Yes.label(),
                        back = DialogKey::Back.label()
                    ),
                    None if self.plan == Load::Waiting => lang.t("dialog-planning"),
                    _ => tr!(
                        lang,
                        "dialog-note-nothing-to-do",
                        back = DialogKey::Back.label()
                    ),
                })
            }
            (WriteStep::Working, _) => self.note = Some(lang.t("dialog-note-working")),
        }
        Step::none()
    }

    fn on_reply(&mut self, reply: Self::Reply) -> Step {
        match (reply.dry_run, self.step) {
            (true, WriteStep::Review) => self.plan = reply.plan.into(),
            (false, WriteStep::Working) => {
                let written = Step::done(&reply.plan, self.lang);
                self.step = WriteStep::Done;
                self.result = Some(reply.plan);
                return written;
            }
            _ => {}
        }
        Step::none()
    }

    fn on_tick(&mut self) -> bool {
        if self.step == WriteStep::Working {
            self.ticks += 1;
            true
        } else {
            false
        }
    }

    fn page(&self, theme: Theme) -> Page<'_> {
        let lang = self.lang;
        let what = match self.step {
            WriteStep::Review => "dialog-step-sure",
            WriteStep::Working => "dialog-step-working",
            WriteStep::Done => "dialog-step-result",
        };
        let mut page = Page::new(lang, super::title(lang, W::TITLE, what));
        match self.step {
            WriteStep::Review => match &self.plan {
                Load::Waiting => page.intro.push((lang.t("dialog-planning"), theme.dim())),
                Load::Failed(e) => {
                    page.intro.push((e.clone(), theme.error()));
                    refusal_page_keys(&mut page);
                }
                Load::Ready(v) => {
                    self.write.describe(&mut page, v, theme, false);
                    if let Some((heading, rows)) = self.write.rows(v, lang) {
                        let mut list = user_list(lang, rows, self.scroll);
                        list.heading = Some(heading);
                        page.list = Some(list);
                    }
                    if self.write.to_do(v) {
                        page.key(DialogKey::Yes.label(), W::YES);
                        page.key(DialogKey::Back.label(), "dialog-key-no-close");
                    } else {
                        refusal_page_keys(&mut page);
                    }
                }
            },
            WriteStep::Working => page.intro.push((
                super::working(lang, &lang.t(W::WORKING), self.ticks),
                Style::new(),
            )),
            WriteStep::Done => super::result_page(&mut page, &self.result, theme, |page, v| {
                self.write.describe(page, v, theme, true)
            }),
        }
        super::note_first(&mut page, &self.note, theme);
        page
    }
}
