//! A virtualised table: only the rows in the window are built, so a list of a million rows
//! draws as fast as one of ten. Cells are cut to their column by display width, so CJK, emoji
//! and combining characters keep the columns aligned.

use crate::text;
use crate::tui::fold::match_ranges;
use crate::tui::list::Listing;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Counts with thousands separators, as the core formats them everywhere.
pub use selfserve_core::model::thousands;

#[derive(Debug, Clone, Copy)]
pub struct Col {
    pub title: &'static str,
    /// Columns; 0 shares what the fixed columns leave.
    pub width: u16,
    pub right: bool,
}

pub const fn col(title: &'static str, width: u16) -> Col {
    Col {
        title,
        width,
        right: false,
    }
}

pub const fn num(title: &'static str, width: u16) -> Col {
    Col {
        title,
        width,
        right: true,
    }
}

/// The width of every column in `total` columns, one space between them.
pub fn widths(cols: &[Col], total: u16) -> Vec<u16> {
    let gaps = cols.len().saturating_sub(1) as u16;
    let fixed: u16 = cols.iter().map(|c| c.width).sum();
    let flex = cols.iter().filter(|c| c.width == 0).count() as u16;
    let spare = total.saturating_sub(fixed).saturating_sub(gaps);
    let mut given = 0;
    let mut left = flex;
    cols.iter()
        .map(|c| {
            if c.width > 0 {
                c.width
            } else {
                // The last flexible column takes the remainder of the division.
                left -= 1;
                let w = if left == 0 {
                    spare - given
                } else {
                    spare / flex
                };
                given += w;
                w
            }
        })
        .collect()
}

/// `text` cut to `width` columns, aligned, with the matches of `query` highlighted.
pub fn cell(text_in: &str, width: u16, right: bool, query: &str, theme: Theme) -> Line<'static> {
    let cut = text::truncate(text_in, usize::from(width));
    let pad = usize::from(width).saturating_sub(text::width(&cut));
    let mut spans = Vec::new();
    if right && pad > 0 {
        spans.push(Span::raw(" ".repeat(pad)));
    }
    let mut at = 0;
    for (s, e) in match_ranges(&cut, query) {
        if s > at {
            spans.push(Span::raw(cut[at..s].to_string()));
        }
        spans.push(Span::styled(cut[s..e].to_string(), theme.matched()));
        at = e;
    }
    if at < cut.len() {
        spans.push(Span::raw(cut[at..].to_string()));
    }
    Line::from(spans)
}

/// Draws the header and the rows in the list's window. `row` builds the cells of one item.
pub fn draw<T>(
    buf: &mut Buffer,
    area: Rect,
    theme: Theme,
    cols: &[Col],
    list: &Listing<T>,
    focused: bool,
    mut row: impl FnMut(&T, &[u16]) -> Vec<Line<'static>>,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    // Columns wider than the area are cut at its edge, never drawn over the border.
    let mut ws = widths(cols, area.width);
    let mut x = area.x;
    for w in &mut ws {
        *w = (*w).min(area.right().saturating_sub(x));
        x = x.saturating_add(*w + 1);
    }
    let mut x = area.x;
    for (c, &w) in cols.iter().zip(&ws) {
        let title = cell(c.title, w, c.right, "", theme);
        buf.set_line(x, area.y, &title, w);
        x = x.saturating_add(w + 1);
    }
    buf.set_style(Rect { height: 1, ..area }, theme.header());
    let rows = usize::from(area.height - 1);
    // The window, clamped in case the list shrank since the cursor was placed.
    let offset = list.offset.min(list.len().saturating_sub(1));
    for (n, i) in (offset..list.len()).take(rows).enumerate() {
        let Some(item) = list.get(i) else { break };
        let y = area.y + 1 + n as u16;
        let cells = row(item, &ws);
        if let ([heading], true) = (cells.as_slice(), ws.len() > 1) {
            // A single cell is a heading across the whole row.
            buf.set_line(area.x, y, heading, area.width);
        } else {
            let mut x = area.x;
            for (line, &w) in cells.iter().zip(&ws) {
                buf.set_line(x, y, line, w);
                x = x.saturating_add(w + 1);
            }
        }
        if i == list.cursor {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                theme.selected(focused),
            );
        }
    }
}

/// "row 3 of 1,204" for a title, or "no rows".
pub fn position<T>(list: &Listing<T>) -> String {
    if list.is_empty() {
        return "no rows".to_string();
    }
    let mut s = format!(
        "{} of {}",
        thousands(list.cursor as u64 + 1),
        thousands(list.len() as u64)
    );
    if !list.query().is_empty() {
        s.push_str(&format!(
            " matching, {} in all",
            thousands(list.total() as u64)
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_share_the_rest() {
        let cols = [col("a", 0), num("b", 5), col("c", 0)];
        assert_eq!(widths(&cols, 20), vec![6, 5, 7]);
        assert_eq!(widths(&cols, 3), vec![0, 5, 0]);
    }
}
