//! The shape of a dialog that makes one change: its dry run is shown, `y` does it, and the
//! result follows; Esc before the yes changes nothing. Taking over, asking a buyer to cancel
//! and unassigning licenses are this shape: each says only what its change is (`OneWrite`).

use super::{refusal_page_keys, user_list, Load, Opened, Paged, Step, Summary};
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
    /// The dialog's title: "Take over subscription".
    const TITLE: &'static str;
    /// What `y` does, in its key's label: "yes, take it over".
    const YES: &'static str;
    /// The progress line while it runs: "Taking it over".
    const WORKING: &'static str;

    /// Asks the core for the change, or its dry run; the refusal's sentence on failure.
    fn call(
        &self,
        client: &Client,
        now: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<Self::View, String>;

    /// The plan in sentences (`done`: after it was made).
    fn describe(&self, page: &mut Page<'_>, view: &Self::View, theme: Theme, done: bool);

    /// The rows to scroll under the sentences (who loses access, say), with their heading.
    fn rows<'a>(&self, _view: &'a Self::View) -> Option<(String, &'a [String])> {
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

fn job<W: OneWrite>(write: W, now: DateTime<Utc>, dry_run: bool) -> Job {
    Job::new(W::TITLE, move |client| WriteReply {
        dry_run,
        plan: write.call(client, now, dry_run),
    })
}

/// Opens the dialog for `write`, starting with its dry run.
pub fn open<W: OneWrite>(write: W, now: DateTime<Utc>) -> Result<Opened, String> {
    let first = job(write.clone(), now, true);
    Opened::new(
        OneWriteDialog {
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
        let to_do = self.plan.ready().map(|v| self.write.to_do(v));
        match (self.step, key) {
            (WriteStep::Review, DialogKey::Yes) if to_do == Some(true) => {
                self.step = WriteStep::Working;
                self.ticks = 0;
                return Step::job(job(self.write.clone(), now, false));
            }
            (WriteStep::Review, DialogKey::Back) | (WriteStep::Done, _) => return Step::close(),
            (WriteStep::Review, DialogKey::Up) => self.scroll = self.scroll.saturating_sub(1),
            (WriteStep::Review, DialogKey::Down) => {
                let rows = self
                    .plan
                    .ready()
                    .and_then(|v| self.write.rows(v))
                    .map_or(0, |(_, rows)| rows.len());
                self.scroll = (self.scroll + 1).min(rows.saturating_sub(1));
            }
            (WriteStep::Review, _) => {
                self.note = Some(match to_do {
                    Some(true) => format!(
                        "{} goes ahead; {} closes, nothing changes",
                        DialogKey::Yes.label(),
                        DialogKey::Back.label()
                    ),
                    None if self.plan == Load::Waiting => "Still planning…".to_string(),
                    _ => format!("Nothing to do: {} closes", DialogKey::Back.label()),
                })
            }
            (WriteStep::Working, _) => {
                self.note = Some("Still working: the result shows here when it is done.".into())
            }
        }
        Step::none()
    }

    fn on_reply(&mut self, reply: Self::Reply) -> Step {
        match (reply.dry_run, self.step) {
            (true, WriteStep::Review) => self.plan = reply.plan.into(),
            (false, WriteStep::Working) => {
                let written = Step::done(&reply.plan);
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
        let what = match self.step {
            WriteStep::Review => "are you sure?",
            WriteStep::Working => "working",
            WriteStep::Done => "result",
        };
        let mut page = Page {
            title: format!(" {} · {what} ", W::TITLE),
            intro: Vec::new(),
            list: None,
            outro: Vec::new(),
            keys: Vec::new(),
        };
        match self.step {
            WriteStep::Review => match &self.plan {
                Load::Waiting => page.intro.push(("Planning…".into(), theme.dim())),
                Load::Failed(e) => {
                    page.intro.push((e.clone(), theme.error()));
                    refusal_page_keys(&mut page);
                }
                Load::Ready(v) => {
                    self.write.describe(&mut page, v, theme, false);
                    if let Some((heading, rows)) = self.write.rows(v) {
                        let mut list = user_list(rows, self.scroll);
                        list.heading = Some(heading);
                        page.list = Some(list);
                    }
                    if self.write.to_do(v) {
                        page.keys.push((DialogKey::Yes.label(), W::YES));
                        page.keys
                            .push((DialogKey::Back.label(), "no, close, nothing changes"));
                    } else {
                        refusal_page_keys(&mut page);
                    }
                }
            },
            WriteStep::Working => page
                .intro
                .push((super::working(W::WORKING, self.ticks), Style::new())),
            WriteStep::Done => super::result_page(&mut page, &self.result, theme, |page, v| {
                self.write.describe(page, v, theme, true)
            }),
        }
        super::note_first(&mut page, &self.note, theme);
        page
    }
}
