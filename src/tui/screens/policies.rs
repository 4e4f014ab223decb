//! Self-service trials and purchases: every product's `AllowSelfServicePurchase` value in words.
//! Enter opens the policy panel over the list (`policy_panel`), where the value is changed.

use super::{field, placeholder, title, widgets};
use crate::text;
use crate::tui::action::Screen;
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::labels::word;
use crate::tui::widgets::table::{self, cell, col, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use selfserve_core::model::PolicyValue;

const NARROW: &[Col] = &[
    col("col-product", 0),
    col("col-product-id", 12),
    // As wide as the longest value's words, once the language is known.
    col("col-self-service", 1),
];
const WIDE: &[Col] = &[
    col("col-product", 0),
    col("col-product-id", 12),
    col("col-self-service", 1),
    col("col-policy-value", 30),
];

/// What the value lets users do, in a sentence.
fn meaning(v: PolicyValue) -> &'static str {
    match v {
        PolicyValue::Enabled => "policy-meaning-allow",
        PolicyValue::OnlyTrialsWithoutPaymentMethod => "policy-meaning-trials-only",
        PolicyValue::Disabled => "policy-meaning-do-not-allow",
    }
}

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let (list_area, detail_area) = layout::policies(app, body);
    let mut heading = title(&Screen::Policies.title(lang), &app.policies, lang);
    // Products that appeared and wait for review (issue 14): how many, in the title.
    if !app.review.is_empty() {
        heading.push_str(&lang.tr(
            "gov-tui-waiting-count",
            &[("count", (app.review.len() as i64).into())],
        ));
        heading.push(' ');
    }
    widgets::block(theme, heading, true).render(list_area, buf);
    let inner = widgets::inner(list_area);
    if app.policies.list.is_empty() {
        placeholder(buf, inner, app, &app.policies, "screen-policies-empty");
    } else {
        list(buf, inner, detail_area, app);
    }
}

fn list(buf: &mut Buffer, inner: Rect, detail_area: Rect, app: &App) {
    let theme = app.session.theme;
    let q = app.policies.list.folded_query();
    let lang = app.session.lang;
    // The module's name for the value needs room; narrow windows show it in the detail.
    let base = if inner.width >= 100 { WIDE } else { NARROW };
    // The admin center's words, in `PolicyValue::ALL`'s order (`policy_words`, from the cache).
    let words =
        ["policy-allow", "policy-trials-only", "policy-do-not-allow"].map(|id| word(lang, id));
    let words_width = words.iter().map(|w| text::width(w)).max().unwrap_or(0) as u16;
    let mut cols = base.to_vec();
    cols[2] = cols[2].needs(words_width);
    let value_words = |v: PolicyValue| -> &'static str {
        let i = PolicyValue::ALL.iter().position(|x| *x == v).unwrap_or(0);
        words[i]
    };
    table::draw(
        buf,
        inner,
        theme,
        lang,
        &cols,
        &app.policies.list,
        true,
        |p, w| {
            let name = if app.review.contains(&p.product_id) {
                lang.tr("gov-tui-mark", &[("name", p.product_name.clone().into())])
            } else {
                p.product_name.clone()
            };
            let mut cells = vec![
                cell(&name, w[0], false, q, theme),
                cell(&p.product_id.0, w[1], false, q, theme),
                cell(value_words(p.policy_value), w[2], false, "", theme),
            ];
            if let Some(&width) = w.get(3) {
                cells.push(cell(p.policy_value.as_str(), width, false, "", theme));
            }
            cells
        },
    );
    if detail_area.height == 0 {
        return;
    }
    let Some(p) = app.policies.list.selected() else {
        return;
    };
    widgets::block(theme, format!(" {} ", p.product_name), false).render(detail_area, buf);
    let inner = widgets::inner(detail_area);
    let w = inner.width;
    let mut lines = vec![
        field(
            app,
            "detail-policy",
            &format!("{} = {}", p.policy_id, p.policy_value.as_str()),
            w,
        ),
        field(app, "detail-shown-as", value_words(p.policy_value), w),
        Line::raw(word(lang, meaning(p.policy_value))),
        Line::styled(
            lang.tr(
                "policy-how-to-change",
                &[("product", p.product_id.to_string().into())],
            ),
            theme.dim(),
        ),
    ];
    if app.review.contains(&p.product_id) {
        lines.insert(0, Line::styled(lang.t("gov-tui-waiting"), theme.title()));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
