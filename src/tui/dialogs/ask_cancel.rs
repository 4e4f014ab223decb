//! Asking a subscription's buyer to cancel it (the article's step 6, after a manual
//! centralisation): the dry run says who is paid twice, who would lose access and what the
//! e-mail says; `y` sends it. The subscription itself does not change.

use super::one_write::{self, OneWrite, OneWriteDialog};
use super::words::{emails, named, short, users};
use super::{count, refusal, Context, Opened, Summary};
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
    fn done(&self) -> String {
        format!("Asked the buyer of {}… to cancel it", short(self.id))
    }
}

#[derive(Debug, Clone)]
pub struct AskCancel {
    pub sub: SubscriptionId,
}

pub type AskCancelDialog = OneWriteDialog<AskCancel>;

/// Opens on the selected subscription with the request's dry run.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "e-mail buyers")?;
    let row = cx
        .subscription
        .ok_or("Choose a subscription first (2 Subscriptions, then ↑↓)")?;
    one_write::open(AskCancel { sub: row.id }, cx.now)
}

impl OneWrite for AskCancel {
    type View = AskCancelView;
    const TITLE: &'static str = "Ask the buyer to cancel";
    const YES: &'static str = "yes, e-mail the buyer";
    const WORKING: &'static str = "Sending";

    fn call(
        &self,
        client: &Client,
        now: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<AskCancelView, String> {
        let sub = self.sub;
        client
            .ask(Request::AskCancel { sub, now, dry_run })
            .map(|o: Outcome<AskCancelPlan>| AskCancelView {
                id: o.plan.subscription.id,
                subscription: named(&o.plan.subscription),
                paid_twice: users(&o.plan.paid_twice),
                only_here: users(&o.plan.only_licensed_here),
                emails: emails(&o.plan.emails),
            })
            .map_err(refusal)
    }

    fn describe(&self, page: &mut Page<'_>, p: &AskCancelView, theme: Theme, done: bool) {
        let plain = Style::new();
        page.intro.push((p.subscription.clone(), theme.title()));
        if done {
            page.intro
                .push((format!("E-mailed {}", p.emails.join("; ")), plain));
            return;
        }
        page.intro.push((
            format!(
                "{} {} a central license already (paid twice); {} {} access if the buyer cancels.",
                count(p.paid_twice.len(), "user"),
                if p.paid_twice.len() == 1 {
                    "holds"
                } else {
                    "hold"
                },
                count(p.only_here.len(), "user"),
                if p.only_here.len() == 1 {
                    "loses"
                } else {
                    "lose"
                }
            ),
            plain,
        ));
        page.intro
            .push((format!("E-mails {}", p.emails.join("; ")), plain));
        page.intro.push((
            "The subscription does not change: its buyer cancels it.".into(),
            theme.dim(),
        ));
    }

    fn rows<'a>(&self, p: &'a AskCancelView) -> Option<(String, &'a [String])> {
        (!p.only_here.is_empty()).then(|| {
            (
                format!("Who would lose access ({})", p.only_here.len()),
                p.only_here.as_slice(),
            )
        })
    }
}
