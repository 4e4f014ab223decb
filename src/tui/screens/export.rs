//! Export users: mark subscriptions (Space), edit the path (e), write the CSV of SPEC §3 (w),
//! and see where it went and how many rows.

use super::subscriptions::{list_cols, row_cells};
use super::{field, placeholder, title, widgets};
use crate::text;
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::labels::word;
use crate::tui::widgets::table;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let l = layout::export(body);
    let editing = app.export.editing.is_some();
    let heading = format!(" {} ", word(lang, "export-title"));
    widgets::block(theme, heading, editing).render(l.form, buf);
    let inner = widgets::inner(l.form);
    let w = inner.width;
    let path_line = match &app.export.editing {
        Some(p) => {
            let shown = text::sanitize(p);
            let label = format!("{} ", word(lang, "export-path"));
            let hint = format!("  {}", word(lang, "export-path-hint"));
            // The label, the cursor mark and the hint keep their room; the path shows its end.
            let room = usize::from(w).saturating_sub(text::width(&label) + text::width(&hint) + 1);
            let skip = shown.chars().count().saturating_sub(room);
            Line::from(vec![
                Span::styled(label, theme.dim()),
                Span::styled(
                    shown.chars().skip(skip).collect::<String>(),
                    theme.matched(),
                ),
                Span::styled("▏", theme.key()),
                Span::styled(hint, theme.dim()),
            ])
        }
        None => field(
            app,
            "export-path-edit",
            &text::sanitize(&app.export.path),
            w,
        ),
    };
    let users: u64 = app.marked.values().map(|&n| u64::from(n)).sum();
    let marked = if app.marked.is_empty() {
        word(lang, "export-marked-none").to_string()
    } else {
        lang.tr(
            "export-marked-some",
            &[("subs", app.marked.len().into()), ("users", users.into())],
        )
    };
    let last = if app.export.busy {
        let text = match app.export.progress {
            Some((done, total)) => lang.tr(
                "progress-export-rows",
                &[("done", done.into()), ("total", total.into())],
            ),
            None => word(lang, "export-writing").to_string(),
        };
        Line::styled(text::truncate(&text, usize::from(w)), theme.dim())
    } else {
        match &app.export.last {
            Some(t) => Line::styled(text::truncate(t, usize::from(w)), theme.ok()),
            None => Line::styled(word(lang, "export-nothing-yet"), theme.dim()),
        }
    };
    Paragraph::new(vec![
        path_line,
        field(app, "export-marked", &marked, w),
        last,
    ])
    .render(inner, buf);

    let what = lang.tr(
        "export-subscriptions-of",
        &[("product", app.subs_product.clone().into())],
    );
    widgets::block(theme, title(&what, &app.subs, lang), !editing).render(l.list, buf);
    let inner = widgets::inner(l.list);
    if app.subs.list.is_empty() {
        placeholder(buf, inner, app, &app.subs, "screen-subscriptions-empty");
        return;
    }
    let q = app.subs.list.folded_query();
    table::draw(
        buf,
        inner,
        theme,
        lang,
        &list_cols(lang),
        &app.subs.list,
        !editing,
        |r, w| row_cells(app, r, w, q, theme),
    );
}
