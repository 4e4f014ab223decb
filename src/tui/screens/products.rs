//! Products: one row per product, with the self-service filter (`f`).

use super::{placeholder, title, widgets};
use crate::tui::app::App;
use crate::tui::widgets::table::{self, cell, col, num, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const NARROW: &[Col] = &[
    col("Product", 0),
    num("Subs", 6),
    num("Licenses", 8),
    num("Assigned", 8),
    col("Expires", 10),
    num("Spend/month", 16),
];
const WIDE: &[Col] = &[
    col("Product", 0),
    col("Product ID", 12),
    num("Subscriptions", 13),
    num("Licenses", 9),
    num("Assigned", 9),
    col("Next expiry", 11),
    num("Monthly spend", 16),
    col("Self-service policy", 21),
];

pub fn table_area(body: Rect) -> Rect {
    body
}

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let filter = if app.self_service {
        "Products with self-service subscriptions (filter on: f)"
    } else {
        "Products"
    };
    let area = table_area(body);
    widgets::block(theme, title(filter, &app.products), true).render(area, buf);
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
        let mut cells = vec![cell(&p.name, w[0], false, q, theme)];
        if cols.len() == WIDE.len() {
            cells.push(cell(&p.id.0, w[1], false, q, theme));
        }
        let at = cells.len();
        for (i, (text, right)) in [
            (table::thousands(u64::from(p.subscriptions)), true),
            (table::thousands(p.quantity), true),
            (table::thousands(p.assigned), true),
            (expires, false),
            (p.spend.clone(), true),
        ]
        .into_iter()
        .enumerate()
        {
            cells.push(cell(&text, w[at + i], right, "", theme));
        }
        if cols.len() == WIDE.len() {
            cells.push(cell(p.policy.words(), w[at + 5], false, "", theme));
        }
        cells
    });
}
