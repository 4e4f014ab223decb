//! The audit log, newest first, with the selected event's before and after.

use super::{field, placeholder, title, widgets};
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::labels::word;
use crate::tui::widgets::table::{self, cell, col, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

const COLS: &[Col] = &[
    col("col-at", 16),
    col("col-actor", 0),
    col("col-action", 20),
    col("col-target", 0),
];

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let (list_area, detail_area) = layout::audit(app, body);
    let heading = title(word(lang, "audit-title"), &app.audit, lang);
    widgets::block(theme, heading, true).render(list_area, buf);
    let inner = widgets::inner(list_area);
    if app.audit.list.is_empty() {
        placeholder(buf, inner, app, &app.audit, "audit-empty");
        return;
    }
    let q = app.audit.list.folded_query();
    let list = &app.audit.list;
    table::draw(buf, inner, theme, lang, COLS, list, true, |e, w| {
        vec![
            cell(&lang.time(e.at), w[0], false, "", theme),
            // The actor, action name and target are the log's own: ids, not words.
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
    let heading = lang.tr("audit-event", &[("id", e.id.to_string().into())]);
    widgets::block(theme, format!(" {heading} "), false).render(detail_area, buf);
    let inner = widgets::inner(detail_area);
    let w = inner.width;
    let at = lang.tr("audit-at-utc", &[("time", lang.time(e.at).into())]);
    let lines = vec![
        field(app, "audit-at", &at, w),
        field(app, "audit-actor", &e.actor, w),
        field(app, "audit-action", &e.action, w),
        field(app, "audit-target", &e.target, w),
        field(app, "audit-before", e.before.as_deref().unwrap_or("-"), w),
        field(app, "audit-after", e.after.as_deref().unwrap_or("-"), w),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
