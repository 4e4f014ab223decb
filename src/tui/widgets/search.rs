//! The search box: what is typed, and how many rows it lets through.

use crate::i18n::Lang;
use crate::text;
use crate::tui::labels::word;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// "12 matches", « 12 résultats ».
pub fn matches(lang: Lang, n: usize) -> String {
    lang.tr(
        "search-matches",
        &[("count", n.into()), ("shown", lang.count(n as i64).into())],
    )
}

/// Draws "/query▏  12 matches" on one line; the cursor mark shows while typing.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    theme: Theme,
    lang: Lang,
    query: &str,
    typing: bool,
    found: usize,
) {
    let query = text::sanitize(query);
    let count = format!("  {}", matches(lang, found));
    let hint = format!(
        "  {}",
        word(
            lang,
            if typing {
                "search-hint-typing"
            } else {
                "search-hint-kept"
            }
        )
    );
    let room = usize::from(area.width).saturating_sub(text::width(&count) + text::width(&hint) + 3);
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
