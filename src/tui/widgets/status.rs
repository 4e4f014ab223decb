//! The two bottom lines: the search box, the last message or the main keys; then who you are
//! and your role, the tenant (DEMO where it is one), the database and the clock.

use crate::text;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use selfserve_core::model::Role;

pub fn draw_message(buf: &mut Buffer, area: Rect, app: &App) {
    let theme = app.session.theme;
    if app.searching || !app.query().is_empty() {
        let matches = crate::tui::screens::shown_rows(app);
        super::search::draw(buf, area, theme, app.query(), app.searching, matches);
        return;
    }
    let line = match &app.message {
        Some(m) => Line::styled(
            text::truncate(&m.text, usize::from(area.width)),
            if m.error { theme.error() } else { theme.ok() },
        ),
        None => {
            let mut spans = Vec::new();
            for (key, what) in [
                ("?", "help"),
                ("/", "search"),
                ("f", "self-service"),
                ("Enter", "open"),
                ("Esc", "back"),
                ("q", "quit"),
            ] {
                spans.push(Span::styled(key, theme.key()));
                spans.push(Span::styled(format!(" {what}  "), theme.dim()));
            }
            Line::from(spans)
        }
    };
    buf.set_line(area.x, area.y, &line, area.width);
}

pub fn draw_status(buf: &mut Buffer, area: Rect, app: &App) {
    let theme = app.session.theme;
    let s = &app.session;
    let bar = theme.bar();
    let width = usize::from(area.width);
    // Narrow windows get the time without the date and the role in short.
    let narrow = width < 120;
    let clock = match (narrow, app.clock.split_once(' ')) {
        (true, Some((_, time))) => format!(" {time} "),
        _ => format!(" {} ", app.clock),
    };
    let role = if narrow {
        short_role(s.role)
    } else {
        s.role.as_str()
    };
    let mode = if s.readonly {
        format!("READ-ONLY {bar} ")
    } else {
        String::new()
    };
    let who = format!(
        " {mode}{}{} {bar} {} ({role}) {bar} ",
        text::sanitize(&s.tenant),
        if s.demo { " DEMO" } else { "" },
        text::sanitize(&s.upn),
    );
    let room = width.saturating_sub(text::width(&clock));
    let who = text::truncate(&who, room);
    // The database path gets what is left, keeping its end (the part that tells it apart).
    let db_room = room.saturating_sub(text::width(&who));
    let db = text::sanitize(&s.db);
    let db = if text::width(&db) <= db_room {
        db
    } else if db_room >= 2 {
        let keep: String = db
            .chars()
            .rev()
            .take(db_room - 1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("…{keep}")
    } else {
        String::new()
    };
    let pad = room.saturating_sub(text::width(&who) + text::width(&db));
    let line = Line::from(vec![
        Span::raw(who),
        Span::raw(db),
        Span::raw(" ".repeat(pad)),
        Span::raw(clock),
    ]);
    buf.set_style(area, theme.status());
    buf.set_line(area.x, area.y, &line, area.width);
}

fn short_role(role: Role) -> &'static str {
    match role {
        Role::GlobalAdministrator => "Global admin",
        Role::BillingAdministrator => "Billing admin",
        Role::GlobalReader => "Global reader",
    }
}
