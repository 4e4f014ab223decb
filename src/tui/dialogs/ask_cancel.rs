//! Asking a subscription's buyer to cancel it (the article's step 6, after a manual
//! centralisation): the dry run says who is paid twice, who would lose access and what the
//! e-mail says; `y` sends it. The subscription itself does not change.

use super::one_write::{self, OneWrite, OneWriteDialog};
use super::words::{capital, emails, named, short, users};
use super::{refusal, Context, Opened, Summary};
use crate::i18n::Lang;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, Utc};
use ratatui::style::Style;
use selfserve_core::api::Request;
use selfserve_core::model::SubscriptionId;
use selfserve_core::ops::ask_cancel::AskCancelPlan;
use selfserve_core::ops::take_over::Outcome;
use selfserve_core::Capability;
use selfserve_server::Client;

/// The request as planned (dry run) or sent.
#[derive(Debug, Clone, PartialEq)]
pub struct AskCancelView {
    pub id: SubscriptionId,
    pub subscription: String,
    pub paid_twice: Vec<String>,
    pub only_here: Vec<String>,
    pub emails: Vec<String>,
}

impl Summary for AskCancelView {
    fn done(&self, lang: Lang) -> String {
        tr!(lang, "dialog-ask-cancel-done", id = short(self.id))
    }
}

#[derive(Debug, Clone)]
pub struct AskCancel {
    pub sub: SubscriptionId,
}

pub type AskCancelDialog = OneWriteDialog<AskCancel>;

/// Opens on the selected subscription with the request's dry run.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "dialog-do-email-buyers")?;
    let row = cx.subscription.ok_or_else(|| cx.no_subscription())?;
    one_write::open(AskCancel { sub: row.id }, cx.now, cx.lang())
}

impl OneWrite for AskCancel {
    type View = AskCancelView;
    const TITLE: &'static str = "dialog-ask-cancel";
    const YES: &'static str = "dialog-key-yes-email-buyer";
    const WORKING: &'static str = "dialog-ask-cancel-working";

    fn call(
        &self,
        client: &Client,
        now: DateTime<Utc>,
        dry_run: bool,
        lang: Lang,
    ) -> Result<AskCancelView, String> {
        let sub = self.sub;
        client
            .ask(Request::AskCancel { sub, now, dry_run })
            .map(|o: Outcome<AskCancelPlan>| AskCancelView {
                id: o.plan.subscription.id,
                subscription: named(lang, &o.plan.subscription),
                paid_twice: users(&o.plan.paid_twice),
                only_here: users(&o.plan.only_licensed_here),
                emails: emails(lang, &o.plan.emails),
            })
            .map_err(|e| refusal(e, lang))
    }

    fn describe(&self, page: &mut Page<'_>, p: &AskCancelView, theme: Theme, done: bool) {
        let plain = Style::new();
        let lang = page.lang;
        page.intro.push((capital(&p.subscription), theme.title()));
        if done {
            page.intro.push((
                tr!(lang, "dialog-emailed", list = p.emails.join("; ")),
                plain,
            ));
            return;
        }
        page.intro.push((
            tr!(
                lang,
                "dialog-ask-cancel-who",
                twice = p.paid_twice.len(),
                lose = p.only_here.len()
            ),
            plain,
        ));
        page.intro.push((
            tr!(lang, "dialog-emails", list = p.emails.join("; ")),
            plain,
        ));
        page.intro
            .push((lang.t("dialog-ask-cancel-unchanged"), theme.dim()));
    }

    fn rows<'a>(&self, p: &'a AskCancelView, lang: Lang) -> Option<(String, &'a [String])> {
        (!p.only_here.is_empty()).then(|| {
            (
                tr!(
                    lang,
                    "dialog-who-would-lose-access",
                    count = p.only_here.len()
                ),
                p.only_here.as_slice(),
            )
        })
    }
}
