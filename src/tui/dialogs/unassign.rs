//! Unassigning licenses from the users pane (Space marks users; without marks, the user under
//! the cursor): the dry run says who loses the license and what the subscription has left; `y`
//! does it. A self-service subscription must be taken over first (the core says so).

use super::one_write::{self, OneWrite, OneWriteDialog};
use super::words::{capital, named, users};
use super::{refusal, Context, Opened, Summary};
use crate::i18n::Lang;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Page;
use chrono::{DateTime, Utc};
use ratatui::style::Style;
use selfserve_core::api::Request;
use selfserve_core::model::{SubscriptionId, User};
use selfserve_core::ops::assign::LicensePlan;
use selfserve_core::ops::take_over::Outcome;
use selfserve_core::Capability;
use selfserve_server::Client;

/// An unassignment as planned (dry run) or done.
#[derive(Debug, Clone, PartialEq)]
pub struct UnassignView {
    pub subscription: String,
    pub users: Vec<String>,
    pub assigned_after: u32,
    pub free_after: u32,
}

impl Summary for UnassignView {
    fn done(&self, lang: Lang) -> String {
        tr!(
            lang,
            "dialog-unassign-done",
            count = self.users.len(),
            free = self.free_after
        )
    }
}

#[derive(Debug, Clone)]
pub struct Unassign {
    pub sub: SubscriptionId,
    /// The users, by UPN.
    pub upns: Vec<String>,
}

pub type UnassignDialog = OneWriteDialog<Unassign>;

/// Opens on the selected subscription for the chosen users, with the dry run.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    cx.require(Capability::ManageSubscriptions, "dialog-do-unassign")?;
    let row = cx.subscription.ok_or_else(|| cx.no_subscription())?;
    if cx.users.is_empty() {
        return Err(cx.lang().t("dialog-choose-users"));
    }
    let unassign = Unassign {
        sub: row.id,
        upns: cx.users.clone(),
    };
    one_write::open(unassign, cx.now, cx.lang())
}

impl OneWrite for Unassign {
    type View = UnassignView;
    const TITLE: &'static str = "dialog-unassign";
    const YES: &'static str = "dialog-key-yes-unassign";
    const WORKING: &'static str = "dialog-unassign-working";

    fn call(
        &self,
        client: &Client,
        now: DateTime<Utc>,
        dry_run: bool,
        lang: Lang,
    ) -> Result<UnassignView, String> {
        let sub = self.sub;
        client
            .ask(Request::UsersByUpn {
                upns: self.upns.clone(),
            })
            .and_then(|found: Vec<User>| {
                client.ask(Request::Unassign {
                    sub,
                    users: found.iter().map(|u| u.id).collect(),
                    now,
                    dry_run,
                })
            })
            .map(|o: Outcome<LicensePlan>| UnassignView {
                subscription: named(lang, &o.plan.subscription),
                users: users(&o.plan.users),
                assigned_after: o.plan.assigned_after,
                free_after: o.plan.free_after,
            })
            .map_err(|e| refusal(e, lang))
    }

    fn describe(&self, page: &mut Page<'_>, p: &UnassignView, theme: Theme, done: bool) {
        let lang = page.lang;
        page.intro.push((capital(&p.subscription), theme.title()));
        page.intro.push((
            tr!(
                lang,
                if done {
                    "dialog-unassign-took-back"
                } else {
                    "dialog-unassign-takes-back"
                },
                count = p.users.len(),
                assigned = p.assigned_after,
                free = p.free_after
            ),
            Style::new(),
        ));
    }

    fn rows<'a>(&self, p: &'a UnassignView, lang: Lang) -> Option<(String, &'a [String])> {
        Some((
            tr!(lang, "dialog-who-loses-license", count = p.users.len()),
            p.users.as_slice(),
        ))
    }
}
