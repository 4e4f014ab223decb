//! Taking a subscription over on its own, from the Subscriptions screen (the admin center's
//! "Take control of this subscription"): the dry run says what happens, `y` does it. Once it is
//! taken over, administrators may assign and unassign its licenses.

use super::one_write::{self, OneWrite, OneWriteDialog};
use super::words::{named, short};
use super::{refusal, Context, Opened, Summary};
use crate::i18n::Lang;
use crate::text::sanitize;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::style::Style;
use selfserve_core::api::Request;
use selfserve_core::model::SubscriptionId;
use selfserve_core::ops::take_over::{Outcome, TakeOverPlan};
use selfserve_core::Capability;
use selfserve_server::Client;

/// A take-over as planned (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct TakeOverView {
    pub id: SubscriptionId,
    pub subscription: String,
    /// Who took it over and when, where someone had already.
    pub already: Option<(String, NaiveDate)>,
    pub by: String,
}

impl Summary for TakeOverView {
    fn done(&self, lang: Lang) -> String {
        match &self.already {
            Some((by, on)) => tr!(
                lang,
                "dialog-take-over-was-already",
                id = short(self.id),
                by = by,
                date = *on
            ),
            None => tr!(lang, "dialog-take-over-done", id = short(self.id)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct TakeOver {
    pub sub: SubscriptionId,
}

pub type TakeOverDialog = OneWriteDialog<TakeOver>;

/// Opens on the selected subscription with the take-over's dry run.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "dialog-do-take-over")?;
    let row = cx.subscription.ok_or_else(|| cx.no_subscription())?;
    one_write::open(TakeOver { sub: row.id }, cx.now, cx.lang())
}

impl OneWrite for TakeOver {
    type View = TakeOverView;
    const TITLE: &'static str = "dialog-take-over";
    const YES: &'static str = "dialog-key-yes-take-over";
    const WORKING: &'static str = "dialog-take-over-working";

    fn call(
        &self,
        client: &Client,
        now: DateTime<Utc>,
        dry_run: bool,
        lang: Lang,
    ) -> Result<TakeOverView, String> {
        let sub = self.sub;
        client
            .ask(Request::TakeOver { sub, now, dry_run })
            .map(|o: Outcome<TakeOverPlan>| {
                let p = &o.plan;
                TakeOverView {
                    id: p.subscription.id,
                    subscription: named(lang, &p.subscription),
                    already: p
                        .already_taken_over
                        .then(|| (sanitize(&p.taken_over_by), p.taken_over_at.date_naive())),
                    by: sanitize(&p.taken_over_by),
                }
            })
            .map_err(|e| refusal(e, lang))
    }

    fn describe(&self, page: &mut Page<'_>, v: &TakeOverView, theme: Theme, done: bool) {
        let lang = page.lang;
        page.intro
            .push((super::words::capital(&v.subscription), theme.title()));
        let text = match (&v.already, done) {
            (Some((by, on)), _) => {
                tr!(lang, "dialog-take-over-already", by = by, date = *on)
            }
            (None, true) => v.done(lang),
            (None, false) => tr!(lang, "dialog-take-over-plan", by = &v.by),
        };
        page.intro.push((text, Style::new()));
    }

    fn to_do(&self, v: &TakeOverView) -> bool {
        v.already.is_none()
    }
}
