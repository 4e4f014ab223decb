//! Products: one row per product, with the self-service filter (`f`). The search also finds a
//! product by its buyers' names and UPNs: such a row is tagged "buyer", and the bottom border
//! names the selected product's matching buyer.

use super::{placeholder, title, widgets};
use crate::text;
use crate::tui::action::Screen;
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::fold::fold;
use crate::tui::labels::{widest, word};
use crate::tui::list::LoadState;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{self, cell, col, num, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use selfserve_core::model::PolicyValue;

/// The message id of the tag of a row found through its buyers rather than its own name or id.
const BUYER_TAG: &str = "screen-buyer-tag";

const NARROW: &[Col] = &[
    col("col-product", 0),
    num("col-subs", 5),
    num("col-licenses", 7),
    num("col-assigned-short", 7),
    num("col-twice", 5),
    col("col-expires", 10),
    num("col-spend-month", 14),
];
const WIDE: &[Col] = &[
    col("col-product", 0),
    col("col-product-id", 12),
    num("col-subscriptions", 7),
    num("col-available", 9),
    num("col-assigned", 9),
    num("col-paid-twice", 7),
    col("col-next-expiry", 10),
    num("col-monthly-spend", 14),
    // As wide as the longest value's words, once the language is known.
    col("col-policy", 1),
];

/// The policy values as the products table words them (the policies screen has the room for
/// the admin center's whole words; French shortens the longest here).
const POLICY_IDS: [&str; 3] = [
    "col-policy-allow",
    "col-policy-trials-only",
    "col-policy-do-not-allow",
];

fn policy_id(v: PolicyValue) -> &'static str {
    match v {
        PolicyValue::Enabled => POLICY_IDS[0],
        PolicyValue::OnlyTrialsWithoutPaymentMethod => POLICY_IDS[1],
        PolicyValue::Disabled => POLICY_IDS[2],
    }
}

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let filter = if app.self_service {
        lang.t("products-filtered")
    } else {
        Screen::Products.title(lang)
    };
    let area = layout::products(body);
    let mut block = widgets::block(theme, title(&filter, &app.products, lang), true);
    if let Some(line) = buyer_note(app, usize::from(area.width.saturating_sub(4))) {
        block = block.title_bottom(line);
    }
    block.render(area, buf);
    let inner = widgets::inner(area);
    if app.products.list.is_empty() {
        placeholder(buf, inner, app, &app.products, "screen-products-empty");
        return;
    }
    let wide = inner.width >= 120;
    let mut wide_cols = [WIDE[0]; 9];
    wide_cols.copy_from_slice(WIDE);
    wide_cols[8] = WIDE[8].needs(widest(lang, &POLICY_IDS));
    let cols: &[Col] = if wide { &wide_cols } else { NARROW };
    let q = app.products.list.folded_query();
    let tag = word(lang, BUYER_TAG);
    let list = &app.products.list;
    table::draw(buf, inner, theme, lang, cols, list, true, |p, w| {
        let expires = lang.date_or_dash(p.next_expiration);
        let by_buyer = !q.is_empty() && !fold(&p.name).contains(q) && !fold(&p.id.0).contains(q);
        let mut cells = vec![if by_buyer {
            tagged(&p.name, tag, w[0], theme)
        } else {
            cell(&p.name, w[0], false, q, theme)
        }];
        if wide {
            cells.push(cell(&p.id.0, w[1], false, q, theme));
        }
        let at = cells.len();
        let count = |n: u64| lang.count(i64::try_from(n).unwrap_or(i64::MAX));
        for (i, (text, right)) in [
            (count(u64::from(p.subscriptions)), true),
            (count(p.quantity), true),
            (count(p.assigned), true),
            (count(p.paid_twice), true),
            (expires, false),
            (lang.money(&p.spend), true),
        ]
        .into_iter()
        .enumerate()
        {
            cells.push(cell(&text, w[at + i], right, "", theme));
        }
        if wide {
            let words = word(lang, policy_id(p.policy));
            cells.push(cell(words, w[at + 6], false, "", theme));
        }
        cells
    });
}

/// The product's name with the buyer tag (" buyer", « acheteur ») at the end of its column.
fn tagged(name: &str, tag: &str, width: u16, theme: Theme) -> Line<'static> {
    let tag = format!(" {tag}");
    let tag_cols = text::width(&tag);
    let room = usize::from(width).saturating_sub(tag_cols);
    if room == 0 {
        return cell(name, width, false, "", theme);
    }
    Line::from(vec![
        Span::raw(text::fit(name, room)),
        Span::styled(tag, theme.matched()),
    ])
}

/// What the bottom border says while searching: the selected product's matching buyer, or
/// that buyers are not searchable yet.
fn buyer_note(app: &App, room: usize) -> Option<Line<'static>> {
    let q = app.products.list.folded_query();
    if q.is_empty() {
        return None;
    }
    let theme = app.session.theme;
    let lang = app.session.lang;
    let plain = |id: &'static str| {
        let t = word(lang, id);
        Some(Line::styled(
            format!(" {} ", text::truncate(t, room)),
            theme.dim(),
        ))
    };
    if !app.buyers.arrived() {
        return match &app.buyers.state {
            LoadState::Failed(_) => plain("screen-buyers-failed"),
            _ => plain("screen-buyers-reading"),
        };
    }
    let hit = app.buyers.hit.as_ref()?;
    let more = match hit.count {
        1 => String::new(),
        n => format!(
            " {}",
            lang.tr("screen-bought-by-more", &[("count", (n - 1).into())])
        ),
    };
    let lead = format!("{} ", word(lang, "screen-bought-by"));
    let fixed = text::width(&lead) + text::width(&more) + 2;
    let who = text::truncate(&hit.first, room.saturating_sub(fixed));
    let mut spans = vec![Span::styled(format!(" {lead}"), theme.dim())];
    spans.extend(cell(&who, text::width(&who) as u16, false, q, theme).spans);
    spans.push(Span::styled(format!("{more} "), theme.dim()));
    Some(Line::from(spans))
}
