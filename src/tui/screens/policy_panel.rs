//! The policy panel of the "Self-service trials and purchases" screen, as the admin center opens
//! it on a product: Allow / Allow for trials only / Do not allow with the current value marked,
//! the notice of which directory data the commerce service processes (SPEC §2 rule 8) whenever
//! the chosen value lets users buy or try, and Save changes. `a` opens it for every product at
//! once (the CLI's `policy set --all`), which asks before saving.
//!
//! Saving calls `ops::set_policy` in the background; the core checks the role. A session that
//! may not change policies (its role, or `--readonly`) sees the panel read-only with the reason.

use super::widgets;
use crate::text;
use crate::tui::app::{App, Confirm, Session};
use crate::tui::effect::Effect;
use crate::tui::list::Nav;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};
use selfserve_core::model::{PolicyValue, ProductId};
use selfserve_core::ops::set_policy::{
    allows_self_service, PolicyScope, SetPolicyOutcome, DATA_NOTICE,
};
use selfserve_core::Capability;

/// What the panel changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One product, with its value when the panel opened.
    Product {
        id: ProductId,
        name: String,
        current: PolicyValue,
    },
    /// Every product: how many have each value now, in `PolicyValue::ALL` order.
    All { counts: [usize; 3] },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyPanel {
    pub target: Target,
    pub choice: PolicyValue,
    /// Why this session may only look; None when it may save.
    pub read_only: Option<String>,
    pub saving: bool,
}

impl PolicyPanel {
    fn current(&self) -> Option<PolicyValue> {
        match &self.target {
            Target::Product { current, .. } => Some(*current),
            Target::All { .. } => None,
        }
    }

    /// Whether saving would change anything.
    fn changes(&self) -> bool {
        match &self.target {
            Target::Product { current, .. } => *current != self.choice,
            Target::All { counts } => {
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
    if session.readonly {
        Some("Read-only session (--readonly): policies can be looked at, not changed".to_string())
    } else if !cap.allowed(session.role) {
        Some(format!(
            "{} may not change policies: it needs {}",
            session.role.as_str(),
            cap.needs()
        ))
    } else {
        None
    }
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

    pub fn message(&self) -> String {
        let now = self.value.words();
        match (self.covered, self.changed.as_slice()) {
            (1, [(name, before)]) => format!(
                "Saved: {name} is now \"{now}\" (was \"{}\"); existing purchases and trials are untouched",
                before.words()
            ),
            (_, []) => format!("Nothing changed: already \"{now}\""),
            (n, changed) => format!(
                "Saved: {} of {n} products are now \"{now}\" ({} already were); existing purchases and trials are untouched",
                changed.len(),
                n - changed.len()
            ),
        }
    }
}

impl App {
    /// Opens the panel on the selected product, or on every product with `all`.
    pub(crate) fn open_policy_panel(&mut self, all: bool) {
        let read_only = refusal(&self.session);
        let target = if all {
            if let Some(why) = read_only {
                // The key table withholds `a` from this session; say why if asked another way.
                self.fail(why);
                return;
            }
            let mut counts = [0; 3];
            for p in self.policies.list.items() {
                counts[index(p.policy_value)] += 1;
            }
            if counts.iter().sum::<usize>() == 0 {
                self.fail("No products loaded yet: wait for the list");
                return;
            }
            Target::All { counts }
        } else {
            let Some(p) = self.policies.list.selected() else {
                self.fail("No product selected");
                return;
            };
            Target::Product {
                id: p.product_id.clone(),
                name: p.product_name.clone(),
                current: p.policy_value,
            }
        };
        let choice = match &target {
            Target::Product { current, .. } => *current,
            Target::All { counts } => {
                // The value most products have, so a stray Enter changes the fewest.
                let most = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
                PolicyValue::ALL[most]
            }
        };
        self.searching = false;
        self.policy_panel = Some(PolicyPanel {
            target,
            choice,
            read_only,
            saving: false,
        });
    }

    pub(crate) fn panel_move(&mut self, nav: Nav) {
        let Some(p) = &mut self.policy_panel else {
            return;
        };
        if p.read_only.is_some() || p.saving {
            return;
        }
        let i = index(p.choice);
        let i = match nav {
            Nav::Up | Nav::PageUp => i.saturating_sub(1),
            Nav::Down | Nav::PageDown => (i + 1).min(2),
            Nav::Home => 0,
            Nav::End => 2,
        };
        p.choice = PolicyValue::ALL[i];
    }

    pub(crate) fn panel_save(&mut self, fx: &mut Vec<Effect>) {
        let Some(p) = &self.policy_panel else {
            return;
        };
        if let Some(why) = &p.read_only {
            let why = why.clone();
            self.fail(why);
            return;
        }
        if p.saving {
            return;
        }
        if !p.changes() {
            let text = format!("Nothing changed: already \"{}\"", p.choice.words());
            self.policy_panel = None;
            self.say(text);
            return;
        }
        let value = p.choice;
        let now = self.now;
        match &p.target {
            Target::Product { id, .. } => {
                let effect = Effect::SetPolicy {
                    scope: PolicyScope::Product(id.0.clone()),
                    value,
                    now,
                };
                self.mark_saving();
                fx.push(effect);
            }
            Target::All { counts } => {
                let total: usize = counts.iter().sum();
                let already = counts[index(value)];
                self.confirm = Some(Confirm {
                    question: format!(
                        "Set the self-service policy of all {total} products to \"{}\"? {} change, {already} already are.",
                        value.words(),
                        total - already
                    ),
                    effect: Effect::SetPolicy {
                        scope: PolicyScope::All,
                        value,
                        now,
                    },
                });
            }
        }
    }

    /// The save is on its way (the confirmed one included).
    pub(crate) fn mark_saving(&mut self) {
        if let Some(p) = &mut self.policy_panel {
            p.saving = true;
            self.say("Saving…");
        }
    }

    pub(crate) fn panel_close(&mut self) {
        if let Some(p) = self.policy_panel.take() {
            if !p.saving {
                self.say("Closed the policy panel; nothing was changed");
            }
        }
    }

    pub(crate) fn policy_saved(&mut self, result: Result<Saved, String>, fx: &mut Vec<Effect>) {
        match result {
            Ok(saved) => {
                self.policy_panel = None;
                self.say(saved.message());
                if !saved.changed.is_empty() {
                    self.reload(fx);
                }
            }
            Err(e) => {
                // The panel stays open on the choice, so the admin can read why and leave.
                if let Some(p) = &mut self.policy_panel {
                    p.saving = false;
                }
                self.fail(e);
            }
        }
    }
}

/// One line per value: what it lets users do.
fn meaning(v: PolicyValue) -> &'static str {
    match v {
        PolicyValue::Enabled => "Purchases and trials",
        PolicyValue::OnlyTrialsWithoutPaymentMethod => "Only trials without a payment method",
        PolicyValue::Disabled => "No purchases, no trials",
    }
}

/// Words of `text` flowed into lines of at most `width` columns.
fn wrap(text_in: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text_in.split_whitespace() {
        let needed = text::width(&line) + usize::from(!line.is_empty()) + text::width(word);
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The panel's lines at `width` inner columns.
fn lines(p: &PolicyPanel, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let head = match &p.target {
        Target::Product { id, current, .. } => format!(
            "Product ID {id} · AllowSelfServicePurchase is now \"{}\"",
            current.words()
        ),
        Target::All { counts } => format!(
            "All {} products now: {}",
            counts.iter().sum::<usize>(),
            PolicyValue::ALL
                .iter()
                .zip(counts)
                .map(|(v, n)| format!("{n} {}", v.words()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    out.push(Line::styled(text::truncate(&head, width), theme.dim()));
    out.push(Line::raw(""));
    let label_cols = 32;
    for v in PolicyValue::ALL {
        let chosen = v == p.choice;
        let radio = if chosen { "(•)" } else { "( )" };
        let label = if p.current() == Some(v) {
            format!("{} (current)", v.words())
        } else {
            v.words().to_string()
        };
        let row = format!("{radio} {}{}", text::fit(&label, label_cols), meaning(v));
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
            "Directory data the commerce service will process",
            theme.title(),
        ));
        out.extend(wrap(DATA_NOTICE, width).into_iter().map(Line::raw));
    } else {
        out.extend(
            wrap(
                "Users can neither buy this nor start a trial of it. Existing purchases and \
                 trials are not touched.",
                width,
            )
            .into_iter()
            .map(Line::raw),
        );
    }
    out.push(Line::raw(""));
    match &p.read_only {
        Some(why) => {
            for l in wrap(&format!("Read-only: {why}. Esc closes."), width) {
                out.push(Line::styled(l, theme.error()));
            }
        }
        None if p.saving => out.push(Line::styled("Saving…", theme.dim())),
        None => {
            let save = if p.changes() {
                theme.selected(true)
            } else {
                theme.dim()
            };
            out.push(Line::from(vec![
                Span::styled("[ Save changes ]", save),
                Span::raw("  "),
                Span::styled("Enter", theme.key()),
                Span::styled(" save · ", theme.dim()),
                Span::styled("↑↓", theme.key()),
                Span::styled(" choose · ", theme.dim()),
                Span::styled("Esc", theme.key()),
                Span::styled(" close without saving", theme.dim()),
            ]));
        }
    }
    out
}

/// Draws the panel over the policies list.
pub fn draw(buf: &mut Buffer, body: Rect, app: &App, p: &PolicyPanel) {
    let theme = app.session.theme;
    let width = body.width.saturating_sub(4).min(90);
    let inner_width = usize::from(width.saturating_sub(4));
    let content = lines(p, inner_width, theme);
    // Inside the list's border, from a fixed top below its first row where there is room, so
    // the panel does not jump as the notice comes and goes with the choice.
    let list_inside = widgets::inner(body);
    let height = (content.len() as u16 + 2).min(list_inside.height);
    let rect = Rect {
        x: body.x + (body.width.saturating_sub(width)) / 2,
        y: list_inside.y + list_inside.height.saturating_sub(height).min(2),
        width,
        height,
    };
    let title = match &p.target {
        Target::Product { name, .. } => format!(" {} ", text::sanitize(name)),
        Target::All { .. } => " Every product ".to_string(),
    };
    // A blank margin around the panel, inside the list's border, so no row peeks beside it.
    let left = rect.x.saturating_sub(2).max(list_inside.x);
    let right = (rect.right() + 2).min(list_inside.right());
    Clear.render(
        Rect {
            x: left,
            width: right.saturating_sub(left),
            ..rect
        },
        buf,
    );
    let block = widgets::block(theme, title, true);
    let inside = widgets::inner(rect);
    block.render(rect, buf);
    // One column of margin each side, inside the border.
    let area = Rect {
        x: inside.x.saturating_add(1),
        width: inside.width.saturating_sub(2),
        ..inside
    };
    Paragraph::new(content).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_to_the_width() {
        let lines = wrap(DATA_NOTICE, 40);
        assert!(lines.iter().all(|l| text::width(l) <= 40), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            DATA_NOTICE.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
}
