//! Unassigning licenses from the users pane (Space marks users; without marks, the user under
//! the cursor): the dry run says who loses the license and what the subscription has left; `y`
//! does it. A self-service subscription must be taken over first (the core says so).

use super::one_write::{self, OneWrite, OneWriteDialog};
use super::words::{named, users};
use super::{count, refusal, Context, Opened, Summary};
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
    fn done(&self) -> String {
        format!(
            "Unassigned {}: {} free now",
            count(self.users.len(), "license"),
            self.free_after
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
    cx.require(Capability::ManageSubscriptions, "unassign licenses")?;
    let row = cx
        .subscription
        .ok_or("Choose a subscription first (2 Subscriptions, then ↑↓)")?;
    if cx.users.is_empty() {
        return Err(
            "Choose users first: Tab to the users pane, then Space marks them (or put the cursor on one)"
                .into(),
        );
    }
    let unassign = Unassign {
        sub: row.id,
        upns: cx.users.clone(),
    };
    one_write::open(unassign, cx.now)
}

impl OneWrite for Unassign {
    type View = UnassignView;
    const TITLE: &'static str = "Unassign licenses";
    const YES: &'static str = "yes, unassign";
    const WORKING: &'static str = "Unassigning";

    fn call(
        &self,
        client: &Client,
        now: DateTime<Utc>,
        dry_run: bool,
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
                subscription: named(&o.plan.subscription),
                users: users(&o.plan.users),
                assigned_after: o.plan.assigned_after,
                free_after: o.plan.free_after,
            })
            .map_err(refusal)
    }

    fn describe(&self, page: &mut Page<'_>, p: &UnassignView, theme: Theme, done: bool) {
        page.intro.push((p.subscription.clone(), theme.title()));
        page.intro.push((
            format!(
                "{} {}: it {} {} assigned, {} free.",
                if done { "Took back" } else { "Takes back" },
                count(p.users.len(), "license"),
                if done { "has" } else { "then has" },
                p.assigned_after,
                p.free_after
            ),
            Style::new(),
        ));
    }

    fn rows<'a>(&self, p: &'a UnassignView) -> Option<(String, &'a [String])> {
        Some((
            format!("Who loses the license ({})", p.users.len()),
            p.users.as_slice(),
        ))
    }
}
