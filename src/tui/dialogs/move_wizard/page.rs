//! The wizard's page at each step: a pure function of its state.

use super::super::words::{short, user_list};
use super::super::{self as dialog, Load};
use super::views::{MoveView, TakeOverInfo, Target};
use super::{MoveStep, MoveWizard, Route};
use crate::i18n::Lang;
use crate::text::{fit, fit_right};
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{List, Page};
use ratatui::style::Style;
use ratatui::text::Line;

impl MoveWizard {
    pub(super) fn steps_page(&self, theme: Theme) -> Page<'_> {
        let plain = Style::new();
        let lang = self.lang;
        let (n, what) = match self.step {
            MoveStep::TakeOver => (1, "dialog-move-step-take-over"),
            MoveStep::Targets => (2, "dialog-move-step-targets"),
            MoveStep::Review => (3, "dialog-move-step-review"),
            MoveStep::Confirm => (4, "dialog-move-step-confirm"),
            MoveStep::Working => (5, "dialog-move-step-working"),
            MoveStep::Done => (6, "dialog-move-step-result"),
        };
        let mut page = Page::new(
            lang,
            tr!(lang, "dialog-move-title", n = n, step = lang.t(what)),
        );
        page.intro.push((
            tr!(lang, "dialog-move-from", sub = &self.heading),
            theme.title(),
        ));
        let back = DialogKey::Back.label();
        match self.step {
            MoveStep::TakeOver => self.take_over_page(&mut page, theme),
            MoveStep::Targets => self.targets_page(&mut page, theme),
            MoveStep::Review => {
                match &self.plan {
                    Load::Waiting => page
                        .intro
                        .push((lang.t("dialog-move-planning"), theme.dim())),
                    Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
                    Load::Ready(p) => {
                        review(&mut page, p, theme, false);
                        page.list = Some(user_list(lang, &p.users, self.scroll));
                        page.key(DialogKey::Next.label(), "dialog-key-continue");
                        page.key(DialogKey::Down.label(), "dialog-key-scroll");
                    }
                }
                if matches!(self.route, Some(Route::Buy(_))) {
                    page.key(DialogKey::Term.label(), "dialog-key-other-term");
                }
                page.key(back, "dialog-key-back-to-targets");
            }
            MoveStep::Confirm => {
                if let Some(p) = self.plan.ready() {
                    page.intro.push((
                        tr!(
                            lang,
                            "dialog-move-confirm",
                            count = p.users.len(),
                            to = &p.to_label,
                            from = &p.from_label
                        ),
                        theme.title(),
                    ));
                    if let Some(provision) = &p.provision {
                        page.intro.push((
                            tr!(
                                lang,
                                "dialog-one-transaction",
                                first = provision.sentence(false)
                            ),
                            plain,
                        ));
                    }
                    page.intro.push((
                        tr!(
                            lang,
                            "dialog-move-confirm-after",
                            reason = &p.reason,
                            emailed = p.recipients.len(),
                            buyer = p.recipients.join(", ")
                        ),
                        plain,
                    ));
                }
                page.key(DialogKey::Yes.label(), "dialog-key-yes-move");
                page.key(back, "dialog-key-no-back-to-review");
            }
            MoveStep::Working => {
                let n = self.plan.ready().map_or(0, |p| p.users.len());
                page.intro.push((
                    dialog::working(
                        lang,
                        &tr!(lang, "dialog-move-moving", count = n),
                        self.ticks,
                    ),
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
        let lang = self.lang;
        page.intro
            .push((tr!(lang, "dialog-move-holders", count = self.users), plain));
        page.intro
            .push((lang.t("dialog-move-take-over-explained"), plain));
        match &self.take_over {
            Load::Waiting => page
                .intro
                .push((lang.t("dialog-reading-subscription"), theme.dim())),
            Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
            Load::Ready(TakeOverInfo {
                already: Some((by, on)),
            }) => page.intro.push((
                tr!(lang, "dialog-move-taken-over-already", by = by, date = *on),
                theme.title(),
            )),
            Load::Ready(TakeOverInfo { already: None }) => page
                .intro
                .push((lang.t("dialog-move-not-taken-over"), theme.title())),
        }
        if !matches!(self.take_over, Load::Failed(_)) {
            page.key(DialogKey::Next.label(), "dialog-key-choose-where");
        }
        page.key(DialogKey::Back.label(), "dialog-key-close-nothing-changes");
    }

    fn targets_page<'a>(&'a self, page: &mut Page<'a>, theme: Theme) {
        let plain = Style::new();
        let lang = self.lang;
        page.intro
            .push((tr!(lang, "dialog-move-where", count = self.users), plain));
        match &self.targets {
            Load::Waiting => page
                .intro
                .push((lang.t("dialog-reading-subscriptions"), theme.dim())),
            Load::Failed(e) => page.intro.push((e.clone(), theme.error())),
            Load::Ready(ts) if ts.is_empty() => page
                .intro
                .push((lang.t("dialog-move-no-target"), theme.title())),
            Load::Ready(ts) => {
                let users = self.users;
                page.list = Some(List {
                    heading: Some(format!(
                        "{}{}{}",
                        fit(&lang.t("dialog-targets-sub"), 9),
                        fit(&lang.t("dialog-targets-origin"), 9),
                        lang.t("dialog-targets-rest")
                    )),
                    len: ts.len(),
                    cursor: Some(self.cursor),
                    scroll: 0,
                    row: Box::new(move |i, w| target_row(&ts[i], users, w, theme, lang)),
                });
                if let Some(t) = ts.get(self.cursor) {
                    if let Some(why) = &t.refusal {
                        page.outro.push((why.clone(), theme.dim()));
                    }
                    if t.refusal.is_some() && t.addable {
                        page.outro.push((
                            tr!(
                                lang,
                                "dialog-move-adds-missing",
                                key = DialogKey::Next.label(),
                                count = t.missing
                            ),
                            plain,
                        ));
                    }
                }
            }
        }
        page.outro.push((
            tr!(
                lang,
                "dialog-move-buy-offer",
                key = DialogKey::Buy.label(),
                count = self.users
            ),
            plain,
        ));
        page.key(DialogKey::Next.label(), "dialog-key-review");
        page.key(DialogKey::Buy.label(), "dialog-key-buy");
        page.key(DialogKey::Back.label(), "dialog-key-back");
    }
}

fn target_row(t: &Target, users: u32, w: u16, theme: Theme, lang: Lang) -> Line<'static> {
    let w = usize::from(w);
    let can = t.answer(users, lang);
    let free = tr!(
        lang,
        "dialog-target-free",
        free = t.free,
        quantity = t.quantity
    );
    let who = t.buyer.as_deref().unwrap_or("-");
    let fixed = 9 + 9 + 20 + 20;
    let who_w = w.saturating_sub(fixed).max(8);
    let text = format!(
        "{}{}{}{}{}",
        fit(&short(t.id), 9),
        fit(&t.origin, 9),
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
    let lang = page.lang;
    let id = |did: &'static str, will: &'static str| if done { did } else { will };
    if let Some(provision) = &p.provision {
        page.intro.push((
            provision.sentence(done),
            if done { theme.title() } else { plain },
        ));
    }
    page.intro.push((
        tr!(
            lang,
            id("dialog-move-moved", "dialog-move-moves"),
            count = p.users.len(),
            from = &p.from,
            to = &p.to_label
        ),
        if done { theme.title() } else { plain },
    ));
    if p.takes_over {
        page.intro.push((
            lang.t(id("dialog-took-over-first", "dialog-takes-over-first")),
            plain,
        ));
    }
    page.intro.push((
        tr!(
            lang,
            id("dialog-move-cancelled", "dialog-move-cancels"),
            from = &p.from_label,
            reason = &p.reason,
            to = &p.to_label,
            assigned = p.to_assigned_after,
            quantity = p.to_quantity,
            free = p.to_free_after
        ),
        plain,
    ));
    page.intro.push((
        match (p.emails.len(), done) {
            (0, _) => lang.t("dialog-move-nobody-emailed"),
            (_, true) => tr!(lang, "dialog-emailed", list = p.emails.join("; ")),
            (_, false) => tr!(
                lang,
                "dialog-move-emails-buyer",
                buyer = p.recipients.join(", ")
            ),
        },
        plain,
    ));
}
