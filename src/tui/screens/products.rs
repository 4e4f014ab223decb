//! Products: one row per product, with the self-service filter (`f`). The search also finds a
//! product by its buyers' names and UPNs: such a row is tagged "buyer", and the bottom border
//! names the selected product's matching buyer.

use super::{placeholder, title, widgets};
use crate::i18n::policy_words;
use crate::text;
use crate::tui::action::Screen;
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::fold::fold;
use crate::tui::list::LoadState;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{self, cell, col, num, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The tag of a row found through its buyers rather than its own name or id.
const BUYER_TAG: &str = " buyer";

const NARROW: &[Col] = &[
    col("Product", 0),
    num("Subs", 6),
    num("Licenses", 8),
    num("Assigned", 8),
    num("Twice", 5),
    col("Expires", 10),
    num("Spend/month", 16),
];
const WIDE: &[Col] = &[
    col("Product", 0),
    col("Product ID", 12),
    num("Subscriptions", 13),
    num("Licenses", 9),
    num("Assigned", 9),
    num("Paid twice", 10),
    col("Next expiry", 11),
    num("Monthly spend", 16),
    col("Self-service policy", 21),
];

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let filter = if app.self_service {
        lang.t("products-filtered")
    } else {
        Screen::Products.title(lang)
    };
    let area = layout::products(body);
    let mut block = widgets::block(theme, title(&filter, &app.products), true);
    if let Some(line) = buyer_note(app, usize::from(area.width.saturating_sub(4))) {
        block = block.title_bottom(line);
    }
    block.render(area, buf);
    let inner = widgets::inner(area);
    if app.products.list.is_empty() {
        placeholder(
            buf,
            inner,
            app,
            &app.products,
            "No products have self-service subscriptions.",
        );
        return;
    }
    let cols = if inner.width >= 120 { WIDE } else { NARROW };
    let q = app.products.list.folded_query();
    table::draw(buf, inner, theme, cols, &app.products.list, true, |p, w| {
        let expires = p
            .next_expiration
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into());
        let by_buyer = !q.is_empty() && !fold(&p.name).contains(q) && !fold(&p.id.0).contains(q);
        let mut cells = vec![if by_buyer {
            tagged(&p.name, w[0], theme)
        } else {
            cell(&p.name, w[0], false, q, theme)
        }];
        if cols.len() == WIDE.len() {
            cells.push(cell(&p.id.0, w[1], false, q, theme));
        }
        let at = cells.len();
        for (i, (text, right)) in [
            (table::thousands(u64::from(p.subscriptions)), true),
            (table::thousands(p.quantity), true),
            (table::thousands(p.assigned), true),
            (table::thousands(p.paid_twice), true),
            (expires, false),
            (p.spend.clone(), true),
        ]
        .into_iter()
        .enumerate()
        {
            cells.push(cell(&text, w[at + i], right, "", theme));
        }
        if cols.len() == WIDE.len() {
            let words = policy_words(lang, p.policy);
            cells.push(cell(&words, w[at + 6], false, "", theme));
        }
        cells
    });
}

/// The product's name with the buyer tag at the end of its column.
fn tagged(name: &str, width: u16, theme: Theme) -> Line<'static> {
    let tag_cols = text::width(BUYER_TAG);
    let room = usize::from(width).saturating_sub(tag_cols);
    if room == 0 {
        return cell(name, width, false, "", theme);
    }
    Line::from(vec![
        Span::raw(text::fit(name, room)),
        Span::styled(BUYER_TAG, theme.matched()),
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
    let plain = |t: &str| {
        Some(Line::styled(
            format!(" {} ", text::truncate(t, room)),
            theme.dim(),
        ))
    };
    if !app.buyers.arrived() {
        return match &app.buyers.state {
            LoadState::Failed(_) => plain("Buyers could not be read: names and ids only"),
            _ => plain("Reading buyers… names and ids match meanwhile"),
        };
    }
    let hit = app.buyers.hit.as_ref()?;
    let more = match hit.count {
        1 => String::new(),
        n => format!(" and {} more", table::thousands(n as u64 - 1)),
    };
    let lead = "Bought by ";
    let fixed = text::width(lead) + text::width(&more) + 2;
    let who = text::truncate(&hit.first, room.saturating_sub(fixed));
    let mut spans = vec![Span::styled(format!(" {lead}"), theme.dim())];
    spans.extend(cell(&who, text::width(&who) as u16, false, q, theme).spans);
    spans.push(Span::styled(format!("{more} "), theme.dim()));
    Some(Line::from(spans))
}
