//! The policy panel of the "Self-service trials and purchases" screen, as the admin center opens
//! it on a product: Allow / Allow for trials only / Do not allow with the current value marked,
//! the notice of which directory data the commerce service processes (SPEC §2 rule 8) whenever
//! the chosen value lets users buy or try, and Save changes. `a` opens it for every product at
//! once (the CLI's `policy set --all`), which asks before saving.
//!
//! Saving calls `ops::set_policy` in the background; the core checks the role. A session that
//! may not change policies (its role, or `--readonly`) sees the panel read-only with the reason.

use super::{refusal as core_refusal, reply_of, Context, Dialog, OpenSubscriptions, Opened, Step};
use crate::i18n::{policy_words, Lang};
use crate::text;
use crate::tui::effect::{Job, Reply};
use crate::tui::input::{DialogKey, DialogKeys};
use crate::tui::session::{Message, Session};
use crate::tui::theme::Theme;
use crate::tui::widgets;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use selfserve_core::api::Request;
use selfserve_core::model::{Money, PolicyValue, ProductId};
use selfserve_core::ops::set_policy::{allows_self_service, PolicyScope, SetPolicyOutcome};
use selfserve_core::policy::impact::{PolicyPreview, ProductImpact};
use selfserve_core::Capability;
use std::any::Any;

/// What the panel changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One product, with its value when the panel opened.
    Product {
        id: ProductId,
        name: String,
        current: PolicyValue,
    },
    /// Every product: how many have each value now, in `PolicyValue::ALL` order, and each
    /// product's name and value (what the question before saving lists).
    All {
        counts: [usize; 3],
        products: Vec<(String, PolicyValue)>,
    },
}

/// The question before setting every product: what changes, by name, scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asking {
    pub question: String,
    pub changes: Vec<String>,
    pub scroll: usize,
    /// Each product's self-service subscriptions the change leaves as they are, once read.
    pub untouched: Option<Vec<ProductImpact>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyPanel {
    /// The language of its words: the session's.
    pub lang: Lang,
    pub target: Target,
    pub choice: PolicyValue,
    /// Why this session may only look; None when it may save.
    pub read_only: Option<String>,
    pub saving: bool,
    /// Setting every product asks first: the question, while it is asked.
    pub asking: Option<Asking>,
    /// The product's self-service subscriptions a change leaves as they are (issue 14, point
    /// 4), once read; None before, for a session that may not change policies, or for every
    /// product.
    pub untouched: Option<ProductImpact>,
}

/// The reply of the job that reads what a change would leave untouched.
#[derive(Debug, Clone)]
struct Untouched(Option<ProductImpact>);

/// The reply of the job that reads what setting every product would leave untouched.
#[derive(Debug, Clone)]
struct AllUntouched(Option<Vec<ProductImpact>>);

fn all_untouched_job(value: PolicyValue, now: DateTime<Utc>) -> Job {
    Job::new("policy impact", move |client| {
        let preview = client.ask(Request::PolicyPreview {
            scope: PolicyScope::All,
            value,
            now,
        });
        // A value some product may not take: the save says why; the question says nothing.
        AllUntouched(preview.ok().map(|p: PolicyPreview| p.untouched))
    })
}

/// Where `o` goes: the product with the most untouched subscriptions (the first, on a tie).
fn open_step(impacts: &[ProductImpact]) -> Option<Step> {
    let most = impacts.iter().rev().max_by_key(|i| i.subscriptions)?;
    Some(Step {
        close: true,
        open: Some(OpenSubscriptions {
            product: ProductId(most.product_id.clone()),
            name: text::sanitize(&most.product_name),
            subscriptions: most.subscriptions,
        }),
        ..Step::none()
    })
}

/// The impact of setting every product, summed: subscriptions, users, products, money.
fn total(impacts: &[ProductImpact]) -> Option<(u64, u64, usize, Money)> {
    let first = impacts.first()?;
    let mut spend = Money::new(0, &first.monthly_spend.currency);
    let (mut subs, mut users) = (0, 0);
    for i in impacts {
        subs += i.subscriptions;
        users += i.users;
        spend.minor += i.monthly_spend.minor;
    }
    Some((subs, users, impacts.len(), spend))
}

/// Reads what changing `id`'s policy would leave as it is: the same whatever the new value, so
/// it asks with one that differs from `current` and that every product may take.
fn untouched_job(id: ProductId, current: PolicyValue, now: DateTime<Utc>) -> Job {
    let probe = if current == PolicyValue::Disabled {
        PolicyValue::Enabled
    } else {
        PolicyValue::Disabled
    };
    Job::new("policy impact", move |client| {
        let preview = client.ask(Request::PolicyPreview {
            scope: PolicyScope::Product(id.0.clone()),
            value: probe,
            now,
        });
        // Nothing to say where it cannot be read: the panel works as before.
        Untouched(
            preview
                .ok()
                .and_then(|p: PolicyPreview| p.untouched.into_iter().next()),
        )
    })
}

impl PolicyPanel {
    fn current(&self) -> Option<PolicyValue> {
        match &self.target {
            Target::Product { current, .. } => Some(*current),
            Target::All { .. } => None,
        }
    }

    /// The impact to show: for a change that restricts (trials only, or not at all), once read.
    fn shown_untouched(&self) -> Option<&ProductImpact> {
        let restricting = self.changes() && self.choice != PolicyValue::Enabled;
        self.untouched.as_ref().filter(|_| restricting)
    }

    /// `o`: the Subscriptions screen on what the impact names, or why there is nothing.
    fn open_untouched(&self) -> Step {
        let step = self
            .shown_untouched()
            .and_then(|u| open_step(std::slice::from_ref(u)));
        step.unwrap_or_else(|| {
            Step::none().say(Message::ok(self.lang.t("gov-panel-nothing-to-open")))
        })
    }

    /// Whether saving would change anything.
    fn changes(&self) -> bool {
        match &self.target {
            Target::Product { current, .. } => *current != self.choice,
            Target::All { counts, .. } => {
                let same = index(self.choice);
                counts.iter().enumerate().any(|(i, &n)| i != same && n > 0)
            }
        }
    }
}

fn index(v: PolicyValue) -> usize {
    PolicyValue::ALL.iter().position(|&x| x == v).unwrap_or(0)
}

/// Why this session may not change policies, in the words the panel shows.
pub fn refusal(session: &Session) -> Option<String> {
    let cap = Capability::ManagePolicies;
    let lang = session.lang;
    if session.readonly {
        Some(lang.t("dialog-policy-readonly"))
    } else if !cap.allowed(session.role) {
        Some(tr!(
            lang,
            "dialog-not-allowed",
            role = session.role.as_str(),
            what = lang.t("dialog-do-change-policies"),
            needs = super::needs(lang, cap)
        ))
    } else {
        None
    }
}

/// The notice of SPEC §2 rule 8: which directory data the Microsoft Commerce service
/// processes once users may buy or try (in French, in the admin article's own words).
pub fn data_notice(lang: Lang) -> String {
    lang.t("core-data-notice")
}

/// What one save did, as the message line tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub value: PolicyValue,
    /// The products whose value changed: name and value before.
    pub changed: Vec<(String, PolicyValue)>,
    /// Products the save covered.
    pub covered: usize,
}

impl Saved {
    pub fn of(outcome: SetPolicyOutcome, value: PolicyValue) -> Saved {
        let covered = outcome.policies.len();
        Saved {
            value,
            changed: outcome
                .policies
                .into_iter()
                .filter(|p| p.changed)
                .map(|p| (text::sanitize(&p.product_name), p.previous_value))
                .collect(),
            covered,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self.covered, self.changed.as_slice()) {
            (1, [(name, before)]) => tr!(
                lang,
                "dialog-policy-saved-one",
                product = name,
                now = self.value,
                before = *before
            ),
            (_, []) => tr!(lang, "dialog-policy-unchanged", now = self.value),
            (n, changed) => tr!(
                lang,
                "dialog-policy-saved-all",
                changed = changed.len(),
                count = n,
                already = n - changed.len(),
                now = self.value
            ),
        }
    }
}

/// Opens the panel on the selected product of the policies screen.
pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    let p = cx
        .policy
        .ok_or_else(|| cx.lang().t("dialog-policy-no-product"))?;
    let target = Target::Product {
        id: p.product_id.clone(),
        name: p.product_name.clone(),
        current: p.policy_value,
    };
    let panel = PolicyPanel::on(target, cx.session);
    let step = if panel.read_only.is_none() {
        Step::job(untouched_job(p.product_id.clone(), p.policy_value, cx.now))
    } else {
        Step::none()
    };
    Opened::new(panel, step)
}

/// Opens the panel on every product at once (`policy set --all`), which asks before saving.
pub fn open_all(cx: &Context<'_>) -> Result<Opened, String> {
    // The key table withholds `a` from this session; say why if asked another way.
    if let Some(why) = refusal(cx.session) {
        return Err(why);
    }
    let mut counts = [0; 3];
    for p in cx.policies {
        counts[index(p.policy_value)] += 1;
    }
    if counts.iter().sum::<usize>() == 0 {
        return Err(cx.lang().t("dialog-policy-not-loaded"));
    }
    let products = cx
        .policies
        .iter()
        .map(|p| (text::sanitize(&p.product_name), p.policy_value))
        .collect();
    Opened::new(
        PolicyPanel::on(Target::All { counts, products }, cx.session),
        Step::none(),
    )
}

fn save_job(scope: PolicyScope, value: PolicyValue, now: DateTime<Utc>, lang: Lang) -> Job {
    Job::new("set policy", move |client| {
        client
            .ask(Request::SetPolicy { scope, value, now })
            .map(|outcome| Saved::of(outcome, value))
            .map_err(|e| core_refusal(e, lang))
    })
}

impl PolicyPanel {
    fn on(target: Target, session: &Session) -> PolicyPanel {
        let choice = match &target {
            Target::Product { current, .. } => *current,
            Target::All { counts, .. } => {
                // The value most products have, so a stray Enter changes the fewest.
                let most = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
                PolicyValue::ALL[most]
            }
        };
        PolicyPanel {
            lang: session.lang,
            target,
            choice,
            read_only: refusal(session),
            saving: false,
            asking: None,
            untouched: None,
        }
    }

    fn choose(&mut self, key: DialogKey) {
        if self.read_only.is_some() || self.saving {
            return;
        }
        let i = index(self.choice);
        let i = match key {
            DialogKey::Up => i.saturating_sub(1),
            _ => (i + 1).min(2),
        };
        self.choice = PolicyValue::ALL[i];
    }

    fn save(&mut self, now: DateTime<Utc>) -> Step {
        if let Some(why) = &self.read_only {
            return Step::none().say(Message::error(why.clone()));
        }
        if self.saving {
            return Step::none();
        }
        let lang = self.lang;
        if !self.changes() {
            let text = tr!(lang, "dialog-policy-unchanged", now = self.choice);
            return Step::close().say(Message::ok(text));
        }
        let value = self.choice;
        match &self.target {
            Target::Product { id, .. } => {
                self.saving = true;
                Step::job(save_job(
                    PolicyScope::Product(id.0.clone()),
                    value,
                    now,
                    lang,
                ))
                .say(Message::ok(lang.t("dialog-policy-saving")))
            }
            Target::All { counts, products } => {
                let total: usize = counts.iter().sum();
                let already = counts[index(value)];
                let changes = products
                    .iter()
                    .filter(|(_, before)| *before != value)
                    .map(|(name, before)| {
                        tr!(
                            lang,
                            "dialog-policy-change-row",
                            product = name,
                            before = *before,
                            now = value
                        )
                    })
                    .collect();
                self.asking = Some(Asking {
                    question: tr!(
                        lang,
                        "dialog-policy-all-question",
                        count = total,
                        now = value,
                        change = total - already,
                        already = already
                    ),
                    changes,
                    scroll: 0,
                    untouched: None,
                });
                Step::job(all_untouched_job(value, now))
            }
        }
    }

    fn saved(&mut self, result: Result<Saved, String>) -> Step {
        match result {
            Ok(saved) => Step {
                close: true,
                reload: !saved.changed.is_empty(),
                ..Step::none().say(Message::ok(saved.message(self.lang)))
            },
            Err(e) => {
                // The panel stays open on the choice, so the admin can read why and leave.
                self.saving = false;
                Step::none().say(Message::error(e))
            }
        }
    }
}

impl Dialog for PolicyPanel {
    fn keys(&self) -> DialogKeys {
        if self.asking.is_some() {
            DialogKeys::Steps
        } else {
            DialogKeys::Panel
        }
    }

    fn key(&mut self, key: DialogKey, now: DateTime<Utc>) -> Step {
        let lang = self.lang;
        if let Some(asking) = &mut self.asking {
            return match key {
                DialogKey::Yes => {
                    self.asking = None;
                    self.saving = true;
                    Step::job(save_job(PolicyScope::All, self.choice, now, lang))
                        .say(Message::ok(lang.t("dialog-policy-saving")))
                }
                DialogKey::Back => {
                    self.asking = None;
                    Step::none().say(Message::ok(lang.t("dialog-nothing-written")))
                }
                DialogKey::Up => {
                    asking.scroll = asking.scroll.saturating_sub(1);
                    Step::none()
                }
                DialogKey::Down => {
                    asking.scroll = (asking.scroll + 1).min(asking.changes.len().saturating_sub(1));
                    Step::none()
                }
                DialogKey::Open => asking
                    .untouched
                    .as_deref()
                    .and_then(open_step)
                    .unwrap_or_else(|| {
                        Step::none().say(Message::ok(lang.t("gov-panel-nothing-to-open")))
                    }),
                // Enter never confirms a change.
                _ => Step::none().say(Message::ok(tr!(
                    lang,
                    "dialog-policy-only-yes",
                    yes = DialogKey::Yes.label(),
                    back = DialogKey::Back.label()
                ))),
            };
        }
        match key {
            DialogKey::Up | DialogKey::Down => {
                self.choose(key);
                Step::none()
            }
            DialogKey::Next => self.save(now),
            DialogKey::Open if !self.saving => self.open_untouched(),
            // The save's reply comes back to the panel: it closes then.
            DialogKey::Back if self.saving => Step::none(),
            DialogKey::Back => Step::close().say(Message::ok(lang.t("dialog-policy-closed"))),
            _ => Step::none(),
        }
    }

    fn reply(&mut self, reply: &Reply) -> Step {
        if let Some(Untouched(impact)) = reply_of::<Untouched>(reply) {
            self.untouched = impact;
            return Step::none();
        }
        if let Some(AllUntouched(impacts)) = reply_of::<AllUntouched>(reply) {
            if let Some(asking) = &mut self.asking {
                asking.untouched = impacts;
            }
            return Step::none();
        }
        reply_of::<Result<Saved, String>>(reply).map_or_else(Step::none, |r| self.saved(r))
    }

    fn draw(&self, buf: &mut Buffer, body: Rect, theme: Theme) {
        let title = match &self.target {
            Target::Product { name, .. } => format!(" {} ", text::sanitize(name)),
            Target::All { .. } => self.lang.t("dialog-policy-every-product"),
        };
        widgets::panel::draw(buf, body, theme, title, |width, height| {
            lines(self, width, height, theme)
        });
        if let Some(asking) = &self.asking {
            widgets::dialog::draw(buf, body, theme, question_page(self.lang, asking, theme));
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The question before every product changes: each change by name, scrolled.
fn question_page(lang: Lang, asking: &Asking, theme: Theme) -> widgets::dialog::Page<'_> {
    let changes = &asking.changes;
    let mut page = widgets::dialog::Page::new(lang, lang.t("dialog-question-title"));
    page.intro.push((asking.question.clone(), theme.title()));
    // What setting every product leaves as it is, summed (issue 14, point 4), once read.
    let total = asking.untouched.as_deref().map(total);
    match &total {
        Some(Some((subscriptions, users, products, spend))) => page.intro.push((
            tr!(
                lang,
                "gov-question-untouched",
                subscriptions = *subscriptions,
                products = *products,
                users = *users,
                spend = spend
            ),
            theme.dim(),
        )),
        Some(None) => page.intro.push((lang.t("gov-impact-none"), theme.dim())),
        None => {}
    }
    page.list = Some(widgets::dialog::List {
        heading: Some(tr!(
            lang,
            "dialog-policy-what-changes",
            count = changes.len()
        )),
        len: changes.len(),
        cursor: None,
        scroll: asking.scroll,
        row: Box::new(move |i, w| {
            Line::raw(text::fit(&format!("  {}", changes[i]), usize::from(w)))
        }),
    });
    page.key(DialogKey::Yes.label(), "dialog-key-yes-save");
    page.key(DialogKey::Down.label(), "dialog-key-scroll");
    page.key(DialogKey::Back.label(), "dialog-key-no-back-to-panel");
    page
}

/// One line per value: what it lets users do.
fn meaning(lang: Lang, v: PolicyValue) -> String {
    lang.t(match v {
        PolicyValue::Enabled => "dialog-policy-means-allow",
        PolicyValue::OnlyTrialsWithoutPaymentMethod => "dialog-policy-means-trials",
        PolicyValue::Disabled => "dialog-policy-means-none",
    })
}

/// The panel's lines at `width` inner columns, at most `height` of them where that can be: the
/// impact gets shorter, then goes, so the Save line always shows.
fn lines(p: &PolicyPanel, width: usize, height: usize, theme: Theme) -> Vec<Line<'static>> {
    let lang = p.lang;
    let mut out = Vec::new();
    let head = match &p.target {
        Target::Product { id, current, .. } => tr!(
            lang,
            "dialog-policy-head",
            id = id.0.as_str(),
            now = *current
        ),
        Target::All { counts, .. } => tr!(
            lang,
            "dialog-policy-head-all",
            count = counts.iter().sum::<usize>(),
            values = PolicyValue::ALL
                .iter()
                .zip(counts)
                .map(|(v, n)| tr!(lang, "dialog-policy-value-count", count = *n, value = *v))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    for l in widgets::dialog::wrap(&head, width) {
        out.push(Line::styled(l, theme.dim()));
    }
    out.push(Line::raw(""));
    let label = |v: PolicyValue| {
        if p.current() == Some(v) {
            tr!(lang, "dialog-policy-current", value = v)
        } else {
            policy_words(lang, v)
        }
    };
    // The labels' column is as wide as the longest (French runs longer), 32 at least.
    let label_cols = PolicyValue::ALL
        .iter()
        .map(|&v| text::width(&label(v)) + 2)
        .max()
        .unwrap_or(0)
        .max(32);
    for v in PolicyValue::ALL {
        let chosen = v == p.choice;
        let radio = if chosen { "(•)" } else { "( )" };
        let row = format!(
            "{radio} {}{}",
            text::fit(&label(v), label_cols),
            meaning(lang, v)
        );
        let style = if chosen && p.read_only.is_none() {
            theme.selected(true)
        } else if chosen {
            theme.title()
        } else {
            ratatui::style::Style::new()
        };
        out.push(Line::styled(text::fit(&row, width), style));
    }
    out.push(Line::raw(""));
    if allows_self_service(p.choice) {
        out.push(Line::styled(
            lang.t("core-data-notice-heading"),
            theme.title(),
        ));
        out.extend(
            widgets::dialog::wrap(&data_notice(lang), width)
                .into_iter()
                .map(Line::raw),
        );
    } else {
        out.extend(
            widgets::dialog::wrap(&lang.t("dialog-policy-blocked"), width)
                .into_iter()
                .map(Line::raw),
        );
    }
    // What restricting (trials only, or not at all) would leave as it is (issue 14, point 4).
    let tail = save_lines(p, width, theme);
    if let Some(u) = p.shown_untouched() {
        let said = |id: &str| {
            tr!(
                lang,
                id,
                subscriptions = u.subscriptions,
                users = u.users,
                spend = &u.monthly_spend
            )
        };
        let room = height.saturating_sub(out.len() + 1 + tail.len());
        let long = widgets::dialog::wrap(&said("gov-panel-untouched"), width);
        let chosen = if long.len() < room {
            long
        } else {
            widgets::dialog::wrap(&said("gov-panel-untouched-short"), width)
        };
        if chosen.len() < room {
            out.push(Line::raw(""));
        }
        if chosen.len() <= room {
            out.extend(chosen.into_iter().map(|l| Line::styled(l, theme.title())));
        }
    }
    out.push(Line::raw(""));
    out.extend(tail);
    out
}

/// The Save line and its keys, or why this session may only look.
fn save_lines(p: &PolicyPanel, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let lang = p.lang;
    let mut out = Vec::new();
    match &p.read_only {
        Some(why) => {
            for l in widgets::dialog::wrap(&tr!(lang, "dialog-policy-read-only", why = why), width)
            {
                out.push(Line::styled(l, theme.error()));
            }
        }
        None if p.saving => out.push(Line::styled(lang.t("dialog-policy-saving"), theme.dim())),
        None => {
            let save = if p.changes() {
                theme.selected(true)
            } else {
                theme.dim()
            };
            let button = Span::styled(
                format!("[ {} ]", lang.t("dialog-policy-save-changes")),
                save,
            );
            let keys = vec![
                Span::styled("Enter", theme.key()),
                Span::styled(
                    format!(" {} · ", lang.t("dialog-policy-key-save")),
                    theme.dim(),
                ),
                Span::styled("↑↓", theme.key()),
                Span::styled(
                    format!(" {} · ", lang.t("dialog-policy-key-choose")),
                    theme.dim(),
                ),
                Span::styled("Esc", theme.key()),
                Span::styled(
                    format!(" {}", lang.t("dialog-policy-key-close")),
                    theme.dim(),
                ),
            ];
            let keys_width: usize = keys.iter().map(|s| text::width(&s.content)).sum();
            if text::width(&button.content) + 2 + keys_width <= width {
                // The button and its keys on one line where they fit (English at 80 columns).
                let mut line = vec![button, Span::raw("  ")];
                line.extend(keys);
                out.push(Line::from(line));
            } else {
                out.push(Line::from(button));
                out.push(Line::from(keys));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_to_the_width() {
        for lang in [Lang::En, Lang::Fr] {
            let notice = data_notice(lang);
            let lines = widgets::wrap(&notice, 40);
            assert!(lines.iter().all(|l| text::width(l) <= 40), "{lines:?}");
            assert_eq!(
                lines.join(" "),
                notice.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }

    /// The English notice says what the core's does; the French one keeps the admin
    /// article's words.
    #[test]
    fn the_notice_is_the_cores_in_english_and_the_articles_in_french() {
        assert_eq!(
            data_notice(Lang::En),
            selfserve_core::ops::set_policy::DATA_NOTICE
        );
        let fr = data_notice(Lang::Fr);
        for words in [
            "le service Commerce de Microsoft à traiter les données d'annuaire d'un utilisateur",
            "le prénom et le nom, l'adresse e-mail, l'adresse IP et le GUID du locataire et de l'utilisateur",
        ] {
            assert!(fr.contains(words), "{words:?} in {fr:?}");
        }
    }
}
