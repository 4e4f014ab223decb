//! A yes/no question drawn over the screen. It carries the effect it will run (see
//! `app::Confirm`), so what is confirmed is exactly what happens.

use crate::i18n::Lang;
use crate::text;
use crate::tui::labels::word;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

/// The question in English: for callers that do not know the reader's language yet.
pub fn draw(buf: &mut Buffer, area: Rect, theme: Theme, question: &str) {
    draw_in(buf, area, theme, Lang::En, question);
}

/// The question, asked already in `lang`, with its title and keys in `lang`.
pub fn draw_in(buf: &mut Buffer, area: Rect, theme: Theme, lang: Lang, question: &str) {
    let width = area.width.saturating_sub(4).min(70);
    let height = 6.min(area.height);
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    Clear.render(rect, buf);
    let body = vec![
        Line::raw(text::sanitize(question)),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", theme.key()),
            Span::raw(format!(" {}   ", word(lang, "confirm-yes"))),
            Span::styled("n", theme.key()),
            Span::raw(format!(" / Esc {}", word(lang, "confirm-no"))),
        ]),
    ];
    let title = format!(" {} ", word(lang, "confirm-title"));
    Paragraph::new(body)
        .wrap(Wrap { trim: true })
        .block(super::block(theme, title, true))
        .render(rect, buf);
}
