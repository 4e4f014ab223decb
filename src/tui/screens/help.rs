//! Help: drawn from the very table that dispatches the keys (`keymap::BINDINGS`), for the screen
//! it was opened from, flowed into as many columns as the window needs.

use super::widgets;
use crate::text;
use crate::tui::app::App;
use crate::tui::input::DialogKeys;
use crate::tui::keymap::{self, Binding, Scope};
use crate::tui::labels;
use crate::tui::session::Session;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const KEY_COLS: usize = 10;
/// The narrowest column help flows into: a key and most of its description.
const COLUMN: usize = 40;

fn section(
    lines: &mut Vec<(Option<String>, String)>,
    session: &Session,
    heading: String,
    items: Vec<&'static Binding>,
) {
    if items.is_empty() {
        return;
    }
    lines.push((None, heading));
    for b in items {
        lines.push((
            Some(keymap::label(b, session).to_string()),
            labels::word(session.lang, b.help).to_string(),
        ));
    }
}

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let from = app.help_from;
    let lang = app.session.lang;
    let title = from.title(lang);
    let inner = widgets::inner(body);
    let mut lines = Vec::new();
    let here = keymap::for_screen(from, &app.session)
        .filter(|b| b.scope != Scope::Global)
        .collect();
    section(
        &mut lines,
        &app.session,
        lang.tr("help-on", &[("screen", title.clone().into())]),
        here,
    );
    let everywhere = keymap::for_screen(from, &app.session)
        .filter(|b| b.scope == Scope::Global)
        .collect();
    section(
        &mut lines,
        &app.session,
        lang.t("help-everywhere"),
        everywhere,
    );
    section(
        &mut lines,
        &app.session,
        lang.t("help-typing"),
        keymap::for_scope(Scope::Typing).collect(),
    );
    section(
        &mut lines,
        &app.session,
        lang.t("help-question"),
        keymap::for_scope(Scope::Dialog(DialogKeys::Question)).collect(),
    );
    // Only where this session can open a dialog (move, cancel, centralise) from this screen.
    let opens_dialog = keymap::for_screen(from, &app.session).any(|b| {
        b.needs == Some(selfserve_core::Capability::ManageSubscriptions)
            && matches!(b.action, crate::tui::action::Action::OpenDialog(_))
    });
    if opens_dialog {
        section(
            &mut lines,
            &app.session,
            lang.t("help-steps"),
            keymap::for_scope(Scope::Dialog(DialogKeys::Steps)).collect(),
        );
    }
    if opens_dialog && from == crate::tui::action::Screen::Subscriptions {
        section(
            &mut lines,
            &app.session,
            lang.t("help-picker"),
            keymap::for_scope(Scope::Dialog(DialogKeys::Typing)).collect(),
        );
    }
    if from == crate::tui::action::Screen::Policies {
        section(
            &mut lines,
            &app.session,
            lang.t("help-panel"),
            keymap::for_scope(Scope::Dialog(DialogKeys::Panel))
                .filter(|b| keymap::withheld_because(b, &app.session).is_none())
                .collect(),
        );
    }
    let withheld: Vec<_> = keymap::withheld(from, &app.session).collect();
    if !withheld.is_empty() {
        lines.push((None, lang.t("help-withheld")));
        for (b, why) in withheld {
            lines.push((
                Some(keymap::label(b, &app.session).to_string()),
                format!("{} ({why})", labels::word(lang, b.help)),
            ));
        }
    }
    let session = &app.session;
    lines.push((None, lang.t("help-session")));
    lines.push((
        Some(lang.t("help-you")),
        format!("{} ({})", session.upn, labels::role(lang, session.role)),
    ));
    let demo = if session.demo {
        lang.t("help-demo")
    } else {
        String::new()
    };
    lines.push((Some(lang.t("help-can")), keymap::role_limits(session)));
    lines.push((
        Some(lang.t("help-tenant")),
        format!("{}{demo}", session.tenant),
    ));
    lines.push((
        Some(lang.t("help-cloud")),
        format!(
            "{} · {}",
            session.cloud.as_str(),
            session.cloud.admin_center_url()
        ),
    ));
    if let Some(text) = lifecycle_status(app) {
        lines.push((Some(lang.t("help-lifecycle")), text));
    }
    lines.push((Some(lang.t("help-database")), session.db.clone()));
    if app.session.readonly {
        lines.push((None, lang.t("help-readonly")));
    }
    // Columns wide enough to read (as many as the width gives, no more than the lines need);
    // what the height cannot show scrolls, every column together.
    let rows = usize::from(inner.height).max(1);
    let columns = (usize::from(inner.width) / COLUMN).clamp(1, lines.len().div_ceil(rows).max(1));
    let per_column = lines.len().div_ceil(columns).max(1);
    let scroll = app.help_scroll.min(per_column.saturating_sub(rows));
    let title = if per_column > rows {
        lang.tr(
            "help-title-scrolled",
            &[
                ("screen", title.into()),
                ("first", (scroll + 1).into()),
                ("last", (scroll + rows).min(per_column).into()),
                ("total", per_column.into()),
            ],
        )
    } else {
        lang.tr("help-title", &[("screen", title.into())])
    };
    widgets::block(theme, title, true).render(body, buf);
    let col_width = inner.width / columns as u16;
    for (i, (key, what)) in lines.iter().enumerate() {
        let (c, r) = (i / per_column, i % per_column);
        let Some(r) = r.checked_sub(scroll).filter(|r| *r < rows) else {
            continue;
        };
        let x = inner.x + c as u16 * col_width;
        let y = inner.y + r as u16;
        if y >= inner.bottom() || x >= inner.right() {
            continue;
        }
        let w = col_width.saturating_sub(1);
        let line = match key {
            Some(k) => Line::from(vec![
                Span::styled(text::fit(k, KEY_COLS), theme.key()),
                Span::raw(text::truncate(
                    what,
                    usize::from(w).saturating_sub(KEY_COLS),
                )),
            ]),
            None => Line::styled(
                text::truncate(&text::sanitize(what), usize::from(w)),
                theme.title(),
            ),
        };
        buf.set_line(x, y, &line, w);
    }
}

/// The last run, for help's "This session".
fn lifecycle_status(app: &App) -> Option<String> {
    let lang = app.session.lang;
    let why_not = crate::tui::lifecycle::preview_only(&app.session);
    match (&app.lifecycle.last, app.lifecycle.running) {
        (_, true) => Some(labels::word(lang, "help-lifecycle-running").to_string()),
        (Some(s), false) if s.is_empty() => Some(lang.tr(
            "help-lifecycle-nothing-due",
            &[("date", lang.date(s.until).into())],
        )),
        (Some(s), false) => Some(s.detail(lang, why_not.as_deref())),
        (None, false) => None,
    }
}
