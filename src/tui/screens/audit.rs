//! The audit log, newest first, with the selected event's before and after.

use super::{field, placeholder, title, widgets};
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::widgets::table::{self, cell, col, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

const COLS: &[Col] = &[
    col("At (UTC)", 16),
    col("Actor", 0),
    col("Action", 20),
    col("Target", 0),
];

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let (list_area, detail_area) = layout::audit(app, body);
    widgets::block(theme, title("Audit log, newest first", &app.audit), true)
        .render(list_area, buf);
    let inner = widgets::inner(list_area);
    if app.audit.list.is_empty() {
        placeholder(buf, inner, app, &app.audit, "No audit events yet.");
        return;
    }
    let q = app.audit.list.folded_query();
    table::draw(buf, inner, theme, COLS, &app.audit.list, true, |e, w| {
        vec![
            cell(
                &e.at.format("%Y-%m-%d %H:%M").to_string(),
                w[0],
                false,
                "",
                theme,
            ),
            cell(&e.actor, w[1], false, q, theme),
            cell(&e.action, w[2], false, q, theme),
            cell(&e.target, w[3], false, q, theme),
        ]
    });
    if detail_area.height == 0 {
        return;
    }
    let Some(e) = app.audit.list.selected() else {
        return;
    };
    widgets::block(theme, format!(" Event {} ", e.id), false).render(detail_area, buf);
    let inner = widgets::inner(detail_area);
    let w = inner.width;
    let lines = vec![
        field(app, "At", &e.at.to_rfc3339(), w),
        field(app, "Actor", &e.actor, w),
        field(app, "Action", &e.action, w),
        field(app, "Target", &e.target, w),
        field(app, "Before", e.before.as_deref().unwrap_or("-"), w),
        field(app, "After", e.after.as_deref().unwrap_or("-"), w),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
