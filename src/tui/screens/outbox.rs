//! The outbox: e-mails to buyers and administrators, newest first, with the selected one's body.

use super::{field, placeholder, title, widgets};
use crate::text;
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::widgets::table::{self, cell, col, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use selfserve_core::model::Delivery;

const COLS: &[Col] = &[
    col("Created (UTC)", 16),
    col("To", 0),
    col("Kind", 22),
    col("Subject", 0),
    col("State", 7),
];

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let (list_area, detail_area) = layout::outbox(app, body);
    widgets::block(theme, title("Outbox, newest first", &app.outbox), true).render(list_area, buf);
    let inner = widgets::inner(list_area);
    if app.outbox.list.is_empty() {
        placeholder(
            buf,
            inner,
            app,
            &app.outbox,
            "No e-mails have been sent yet.",
        );
        return;
    }
    let q = app.outbox.list.folded_query();
    table::draw(buf, inner, theme, COLS, &app.outbox.list, true, |m, w| {
        let state = match m.delivery {
            Delivery::Pending => "pending",
            Delivery::Sent => "sent",
        };
        vec![
            cell(
                &m.created_at.format("%Y-%m-%d %H:%M").to_string(),
                w[0],
                false,
                "",
                theme,
            ),
            cell(&m.to, w[1], false, q, theme),
            cell(m.kind.as_str(), w[2], false, "", theme),
            cell(&m.subject, w[3], false, q, theme),
            cell(state, w[4], false, "", theme),
        ]
    });
    if detail_area.height == 0 {
        return;
    }
    let Some(m) = app.outbox.list.selected() else {
        return;
    };
    widgets::block(theme, format!(" {} ", m.subject), false).render(detail_area, buf);
    let inner = widgets::inner(detail_area);
    let w = inner.width;
    let mut lines = vec![
        field(app, "To", &m.to, w),
        field(app, "Sent", &m.created_at.to_rfc3339(), w),
        Line::raw(""),
    ];
    // The body's own line breaks are kept; each line is cleaned of control characters.
    lines.extend(m.body.lines().map(|l| Line::raw(text::sanitize(l))));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
