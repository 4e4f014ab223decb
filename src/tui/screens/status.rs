//! The two bottom lines: the search box, the last message or the main keys; then who you are
//! and your role, the tenant (DEMO where it is one) and the clock. The database path sits at
//! the right of the first line, where it has the room a long path needs.

use crate::text;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::labels::{self, word};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use selfserve_core::model::{Cloud, Role};

pub fn draw_message(buf: &mut Buffer, area: Rect, app: &App) {
    let theme = app.session.theme;
    let matches = super::shown_rows(app);
    // A kept search gives way to a message (e.g. what a save did), and moves to the right.
    if app.searching || (!app.query().is_empty() && app.message.is_none()) {
        let lang = app.session.lang;
        crate::tui::widgets::search::draw(
            buf,
            area,
            theme,
            lang,
            app.query(),
            app.searching,
            matches,
        );
        return;
    }
    let line = match &app.message {
        Some(m) => Line::styled(
            text::truncate(&m.text, usize::from(area.width)),
            if m.error { theme.error() } else { theme.ok() },
        ),
        None => {
            let mut spans = Vec::new();
            for (action, what) in [
                ("key-help", "hint-help"),
                ("key-search", "hint-search"),
                ("key-self-service", "hint-self-service"),
                ("key-open-product", "hint-open"),
                ("key-quit", "hint-quit"),
            ] {
                // As the config file may have rebound it.
                let key = keymap::first_key(&app.session, |b| b.help == action).unwrap_or_default();
                spans.push(Span::styled(key, theme.key()));
                let what = word(app.session.lang, what);
                spans.push(Span::styled(format!(" {what}  "), theme.dim()));
            }
            Line::from(spans)
        }
    };
    buf.set_line(area.x, area.y, &line, area.width);
    // The database goes at the right end of this line, keeping the end of its path.
    let used: usize = line.spans.iter().map(|s| text::width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used + 1);
    if !app.query().is_empty() {
        let found = crate::tui::widgets::search::matches(app.session.lang, matches);
        let kept = format!("/{}  {found}", text::sanitize(app.query()));
        let kept = text::truncate(&kept, room);
        let x = area.right().saturating_sub(text::width(&kept) as u16);
        buf.set_line(x, area.y, &Line::styled(kept, theme.matched()), area.width);
        return;
    }
    let db = text::sanitize(&app.session.db);
    let label = word(app.session.lang, "status-db");
    let lead = text::width(label) + 1;
    let db = if text::width(&db) + lead <= room {
        format!("{label} {db}")
    } else if room >= 16 {
        tail(label, &db, room.saturating_sub(lead))
    } else {
        return;
    };
    let x = area.right().saturating_sub(text::width(&db) as u16);
    buf.set_line(x, area.y, &Line::styled(db, theme.dim()), area.width);
}

/// The end of `text` in at most `cols` columns, after an ellipsis, after the label.
fn tail(label: &str, text_in: &str, cols: usize) -> String {
    let mut keep: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text_in.chars().rev() {
        let w = text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > cols {
            break;
        }
        used += w;
        keep.push(c);
    }
    keep.reverse();
    format!("{label} …{}", keep.into_iter().collect::<String>())
}

pub fn draw_status(buf: &mut Buffer, area: Rect, app: &App) {
    let theme = app.session.theme;
    let s = &app.session;
    let bar = "│";
    let width = usize::from(area.width);
    // The clock with its date always (lifecycle dates are days); narrow windows shorten the
    // role and leave the DEMO mark to the tab line, then cut the UPN, which is the longest.
    let narrow = width < 120;
    // The clock's minute (`app.clock` says when it moves on), as the language writes dates.
    let clock = format!(" {} UTC ", s.lang.time(app.now));
    let role = if narrow {
        word(s.lang, short_role(s.role))
    } else {
        labels::role(s.lang, s.role)
    };
    let mode = if s.readonly {
        format!("{} {bar} ", word(s.lang, "status-readonly"))
    } else {
        String::new()
    };
    let demo = if s.demo && !narrow {
        format!(" {}", word(s.lang, "status-demo"))
    } else {
        String::new()
    };
    // Only the other cloud is named: most tenants are global.
    let cloud = match s.cloud {
        Cloud::Global => "",
        Cloud::China21Vianet => " (21Vianet)",
    };
    let head = format!(" {mode}{}{cloud}{demo} {bar} ", text::sanitize(&s.tenant));
    let role = format!(" ({role})");
    let room = width.saturating_sub(text::width(&clock));
    let upn_room = room.saturating_sub(text::width(&head) + text::width(&role));
    let who = text::truncate(
        &format!(
            "{head}{}{role}",
            text::truncate(&text::sanitize(&s.upn), upn_room)
        ),
        room,
    );
    let pad = room.saturating_sub(text::width(&who));
    let line = Line::from(vec![
        Span::raw(who),
        Span::raw(" ".repeat(pad)),
        Span::raw(clock),
    ]);
    buf.set_style(area, theme.status());
    buf.set_line(area.x, area.y, &line, area.width);
}

/// The message id of the role's short name.
fn short_role(role: Role) -> &'static str {
    match role {
        Role::GlobalAdministrator => "role-short-global-admin",
        Role::BillingAdministrator => "role-short-billing-admin",
        Role::GlobalReader => "role-short-global-reader",
    }
}
