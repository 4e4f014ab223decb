//! The wizard's page at each step: a pure function of its state.

use super::super::words::{short, user_list};
use super::super::{self as dialog, count, Load};
use super::views::{MoveView, TakeOverInfo, Target};
use super::{MoveStep, MoveWizard, Route};
use crate::text::{fit, fit_right};
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{List, Page};
use crate::tui::widgets::table::thousands;
use ratatui::style::Style;
use ratatui::text::Line;

impl MoveWizard {
    pub(super) fn steps_page(&self, theme: Theme) -> Page<'_> {
        let plain = Style::new();
        let (n, what) = match self.step {
            MoveStep::TakeOver => (1, "take over"),
            MoveStep::Targets => (2, "choose where they go"),
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
        let back = DialogKey::Back.label();
        match self.step {
            MoveStep::TakeOver => self.take_over_page(&mut page, theme),
            MoveStep::Targets => self.targets_page(&mut page, theme),
            MoveStep::Review => {
                match &self.plan {
                    Load::Waiting => page.intro.push(("Planning the move…".into(), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(p) => {
                        review(&mut page, p, theme, false);
                        page.list = Some(user_list(&p.users, self.scroll));
                        page.keys.push((DialogKey::Next.label(), "continue"));
                        page.keys.push((DialogKey::Down.label(), "scroll"));
                    }
                }
                if matches!(self.route, Some(Route::Buy(_))) {
                    page.keys.push((DialogKey::Term.label(), "other term"));
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
                    if let Some(provision) = &p.provision {
                        page.intro.push((
                            format!(
                                "{} One transaction: all of it happens, or none.",
                                provision.sentence(false)
                            ),
                            plain,
                        ));
                    }
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
                page.keys.push((DialogKey::Yes.label(), "yes, move them"));
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
                .push((DialogKey::Next.label(), "choose where its users go"));
        }
        page.keys
            .push((DialogKey::Back.label(), "close, nothing changes"));
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
                if let Some(t) = ts.get(self.cursor) {
                    if let Some(why) = &t.refusal {
                        page.outro.push((why.clone(), theme.dim()));
                    }
                    if t.refusal.is_some() && t.addable {
                        page.outro.push((
                            format!(
                                "{} adds the {} it lacks to it, with the move.",
                                DialogKey::Next.label(),
                                count(t.missing as usize, "license")
                            ),
                            plain,
                        ));
                    }
                }
            }
        }
        page.outro.push((
            format!(
                "None with room? {} buys a central subscription of {} for them.",
                DialogKey::Buy.label(),
                count(self.users as usize, "license")
            ),
            plain,
        ));
        page.keys.push((DialogKey::Next.label(), "review"));
        page.keys.push((DialogKey::Buy.label(), "buy licenses"));
        page.keys.push((DialogKey::Back.label(), "back"));
    }
}

fn target_row(t: &Target, users: u32, w: u16, theme: Theme) -> Line<'static> {
    let w = usize::from(w);
    let can = t.answer(users);
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
    if let Some(provision) = &p.provision {
        page.intro.push((
            provision.sentence(done),
            if done { theme.title() } else { plain },
        ));
    }
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
