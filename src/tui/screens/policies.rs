//! Self-service trials and purchases: every product's `AllowSelfServicePurchase` value in words.
//! Enter opens the policy panel over the list (`policy_panel`), where the value is changed.

use super::{field, placeholder, title, widgets};
use crate::i18n::policy_words;
use crate::tui::action::Screen;
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::widgets::table::{self, cell, col, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use selfserve_core::model::PolicyValue;

const NARROW: &[Col] = &[
    col("Product", 0),
    col("Product ID", 12),
    col("Self-service", 21),
];
const WIDE: &[Col] = &[
    col("Product", 0),
    col("Product ID", 12),
    col("Self-service", 21),
    col("PolicyValue", 30),
];

fn meaning(v: PolicyValue) -> &'static str {
    match v {
        PolicyValue::Enabled => {
            "Users may buy this product and start trials, with or without a payment method."
        }
        PolicyValue::OnlyTrialsWithoutPaymentMethod => {
            "Users may only start trials that need no payment method; no purchases."
        }
        PolicyValue::Disabled => "Users may neither buy this product nor start a trial of it.",
    }
}

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let (list_area, detail_area) = layout::policies(app, body);
    widgets::block(
        theme,
        title(&Screen::Policies.title(app.session.lang), &app.policies),
        true,
    )
    .render(list_area, buf);
    let inner = widgets::inner(list_area);
    if app.policies.list.is_empty() {
        placeholder(buf, inner, app, &app.policies, "No products.");
    } else {
        list(buf, inner, detail_area, app);
    }
}

fn list(buf: &mut Buffer, inner: Rect, detail_area: Rect, app: &App) {
    let theme = app.session.theme;
    let q = app.policies.list.folded_query();
    // The module's name for the value needs room; narrow windows show it in the detail.
    let cols = if inner.width >= 100 { WIDE } else { NARROW };
    let lang = app.session.lang;
    table::draw(buf, inner, theme, cols, &app.policies.list, true, |p, w| {
        let mut cells = vec![
            cell(&p.product_name, w[0], false, q, theme),
            cell(&p.product_id.0, w[1], false, q, theme),
            cell(&policy_words(lang, p.policy_value), w[2], false, "", theme),
        ];
        if let Some(&width) = w.get(3) {
            cells.push(cell(p.policy_value.as_str(), width, false, "", theme));
        }
        cells
    });
    if detail_area.height == 0 {
        return;
    }
    let Some(p) = app.policies.list.selected() else {
        return;
    };
    widgets::block(theme, format!(" {} ", p.product_name), false).render(detail_area, buf);
    let inner = widgets::inner(detail_area);
    let w = inner.width;
    let lines = vec![
        field(
            app,
            "Policy",
            &format!("{} = {}", p.policy_id, p.policy_value.as_str()),
            w,
        ),
        field(app, "Shown as", &policy_words(lang, p.policy_value), w),
        Line::raw(meaning(p.policy_value)),
        Line::styled(
            format!(
                "Enter opens its panel; from a shell: selfserve policy set {} VALUE",
                p.product_id
            ),
            theme.dim(),
        ),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
