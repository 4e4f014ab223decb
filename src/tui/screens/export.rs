//! Export users: mark subscriptions (Space), edit the path (e), write the CSV of SPEC §3 (w),
//! and see where it went and how many rows.

use super::subscriptions::{row_cells, LIST_COLS};
use super::{field, placeholder, title, widgets};
use crate::text;
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::widgets::table::{self, thousands};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let l = layout::export(body);
    let editing = app.export.editing.is_some();
    widgets::block(theme, " Export users to CSV ".to_string(), editing).render(l.form, buf);
    let inner = widgets::inner(l.form);
    let w = inner.width;
    let path_line = match &app.export.editing {
        Some(p) => {
            let shown = text::sanitize(p);
            let room = usize::from(w).saturating_sub(22);
            let skip = shown.chars().count().saturating_sub(room);
            Line::from(vec![
                Span::styled("Path: ", theme.dim()),
                Span::styled(
                    shown.chars().skip(skip).collect::<String>(),
                    theme.matched(),
                ),
                Span::styled("▏", theme.key()),
                Span::styled("  Enter keep · Esc undo", theme.dim()),
            ])
        }
        None => field(
            app,
            "Path (e to edit)",
            &text::sanitize(&app.export.path),
            w,
        ),
    };
    let users: u64 = app.marked.values().map(|&n| u64::from(n)).sum();
    let marked = if app.marked.is_empty() {
        "none: Space marks a subscription, a marks every one shown".to_string()
    } else {
        format!(
            "{} subscription{}, {} user{} · w writes the CSV",
            thousands(app.marked.len() as u64),
            if app.marked.len() == 1 { "" } else { "s" },
            thousands(users),
            if users == 1 { "" } else { "s" },
        )
    };
    let last = if app.export.busy {
        Line::styled("Writing…", theme.dim())
    } else {
        match &app.export.last {
            Some(t) => Line::styled(text::truncate(t, usize::from(w)), theme.ok()),
            None => Line::styled("Nothing written yet.", theme.dim()),
        }
    };
    Paragraph::new(vec![path_line, field(app, "Marked", &marked, w), last]).render(inner, buf);

    let what = format!("Subscriptions of {}", app.subs_product);
    widgets::block(theme, title(&what, &app.subs), !editing).render(l.list, buf);
    let inner = widgets::inner(l.list);
    if app.subs.list.is_empty() {
        placeholder(
            buf,
            inner,
            app,
            &app.subs,
            "This product has no subscriptions here.",
        );
        return;
    }
    let q = app.subs.list.folded_query();
    table::draw(
        buf,
        inner,
        theme,
        LIST_COLS,
        &app.subs.list,
        !editing,
        |r, w| row_cells(app, r, w, q, theme),
    );
}
