//! A yes/no question drawn over the screen. It carries the effect it will run (see
//! `app::Confirm`), so what is confirmed is exactly what happens.

use crate::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

pub fn draw(buf: &mut Buffer, area: Rect, theme: Theme, question: &str) {
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
            Span::raw(" yes   "),
            Span::styled("n", theme.key()),
            Span::raw(" / Esc no"),
        ]),
    ];
    Paragraph::new(body)
        .wrap(Wrap { trim: true })
        .block(super::block(theme, " Are you sure? ".to_string(), true))
        .render(rect, buf);
}
