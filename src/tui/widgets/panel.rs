//! A panel over a list (the policy panel): inside the list's border, centred, with a blank
//! margin so no row of the list peeks beside it.

use super::{block, inner};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget};

/// Draws `content(inner width, most lines that show)` in a titled box over the list drawn in
/// `body`.
pub fn draw(
    buf: &mut Buffer,
    body: Rect,
    theme: Theme,
    title: String,
    content: impl FnOnce(usize, usize) -> Vec<Line<'static>>,
) {
    let width = body.width.saturating_sub(4).min(90);
    let inner_width = usize::from(width.saturating_sub(4));
    // Inside the list's border, from a fixed top below its first row where there is room, so
    // the panel does not jump as its content grows and shrinks.
    let list_inside = inner(body);
    let content = content(
        inner_width,
        usize::from(list_inside.height.saturating_sub(2)),
    );
    let height = (content.len() as u16 + 2).min(list_inside.height);
    let rect = Rect {
        x: body.x + (body.width.saturating_sub(width)) / 2,
        y: list_inside.y + list_inside.height.saturating_sub(height).min(2),
        width,
        height,
    };
    let left = rect.x.saturating_sub(2).max(list_inside.x);
    let right = (rect.right() + 2).min(list_inside.right());
    Clear.render(
        Rect {
            x: left,
            width: right.saturating_sub(left),
            ..rect
        },
        buf,
    );
    block(theme, title, true).render(rect, buf);
    let inside = inner(rect);
    // One column of margin each side, inside the border.
    let area = Rect {
        x: inside.x.saturating_add(1),
        width: inside.width.saturating_sub(2),
        ..inside
    };
    Paragraph::new(content).render(area, buf);
}
