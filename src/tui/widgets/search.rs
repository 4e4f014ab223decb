//! The search box: what is typed, and how many rows it lets through.

use crate::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws "/query▏  12 matches" on one line; the cursor mark shows while typing.
pub fn draw(buf: &mut Buffer, area: Rect, theme: Theme, query: &str, typing: bool, matches: usize) {
    let query = text::sanitize(query);
    let count = format!(
        "  {} match{}",
        super::table::thousands(matches as u64),
        if matches == 1 { "" } else { "es" }
    );
    let hint = if typing {
        "  Enter keep · Esc clear"
    } else {
        "  Esc clear"
    };
    let room = usize::from(area.width).saturating_sub(text::width(&count) + text::width(hint) + 3);
    // Keep the end of a long query in view: it is where the typing happens.
    let shown = if text::width(&query) > room {
        let skip = query.chars().count().saturating_sub(room.saturating_sub(1));
        format!("…{}", query.chars().skip(skip).collect::<String>())
    } else {
        query
    };
    let line = Line::from(vec![
        Span::styled("/", theme.key()),
        Span::styled(shown, theme.matched()),
        Span::styled(if typing { "▏" } else { "" }, theme.key()),
        Span::raw(count),
        Span::styled(hint, theme.dim()),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
}
