//! A virtualised table: only the rows in the window are built, so a list of a million rows
//! draws as fast as one of ten. Cells are cut to their column by display width, so CJK, emoji
//! and combining characters keep the columns aligned.

use crate::i18n::Lang;
use crate::text;
use crate::tui::fold::match_ranges;
use crate::tui::labels::word;
use crate::tui::list::Listing;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Counts with English thousands separators: machine and legacy forms only. People read
/// counts through `Lang::count`.
pub use selfserve_core::model::thousands;

/// A column: its header's message id, the room its content needs and its alignment. The
/// header is read in the session's language and widens its column where it is the wider, so a
/// French header is never cut.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    /// The header's message id; "" for a column without one.
    pub title: &'static str,
    /// Columns the content needs; 0 shares what the fixed columns leave.
    pub width: u16,
    pub right: bool,
}

impl Col {
    /// The same column with content `width` columns wide (words whose width depends on the
    /// language: statuses, origins).
    pub const fn needs(self, width: u16) -> Col {
        Col { width, ..self }
    }

    /// The header in `lang`.
    pub fn header(&self, lang: Lang) -> &'static str {
        if self.title.is_empty() {
            ""
        } else {
            word(lang, self.title)
        }
    }
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

/// The width of every column in `total` columns, one space between them: a fixed column is
/// as wide as its content or its header in `lang`, whichever is wider.
pub fn widths(cols: &[Col], lang: Lang, total: u16) -> Vec<u16> {
    let fixed_width = |c: &Col| c.width.max(text::width(c.header(lang)) as u16);
    let gaps = cols.len().saturating_sub(1) as u16;
    let fixed: u16 = cols.iter().filter(|c| c.width > 0).map(fixed_width).sum();
    let flex = cols.iter().filter(|c| c.width == 0).count() as u16;
    let spare = total.saturating_sub(fixed).saturating_sub(gaps);
    let mut given = 0;
    let mut left = flex;
    cols.iter()
        .map(|c| {
            if c.width > 0 {
                fixed_width(c)
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

/// Draws the header (in `lang`) and the rows in the list's window. `row` builds the cells of
/// one item.
#[allow(clippy::too_many_arguments)]
pub fn draw<T>(
    buf: &mut Buffer,
    area: Rect,
    theme: Theme,
    lang: Lang,
    cols: &[Col],
    list: &Listing<T>,
    focused: bool,
    mut row: impl FnMut(&T, &[u16]) -> Vec<Line<'static>>,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    // Columns wider than the area are cut at its edge, never drawn over the border.
    let mut ws = widths(cols, lang, area.width);
    let mut x = area.x;
    for w in &mut ws {
        *w = (*w).min(area.right().saturating_sub(x));
        x = x.saturating_add(*w + 1);
    }
    let mut x = area.x;
    for (c, &w) in cols.iter().zip(&ws) {
        let title = cell(c.header(lang), w, c.right, "", theme);
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

/// "3 of 1,204" for a title ("3 sur 1 204"), or "no rows".
pub fn position<T>(list: &Listing<T>, lang: Lang) -> String {
    if list.is_empty() {
        return word(lang, "screen-no-rows").to_string();
    }
    let row = ("row", (list.cursor + 1).into());
    let rows = ("rows", list.len().into());
    if list.query().is_empty() {
        lang.tr("screen-position", &[row, rows])
    } else {
        let total = ("total", list.total().into());
        lang.tr("screen-position-matching", &[row, rows, total])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_share_the_rest() {
        let cols = [col("a", 0), num("b", 5), col("c", 0)];
        assert_eq!(widths(&cols, Lang::En, 20), vec![6, 5, 7]);
        assert_eq!(widths(&cols, Lang::En, 3), vec![0, 5, 0]);
    }

    #[test]
    fn a_header_wider_than_its_content_widens_its_column() {
        // « Attribuées » is wider than the counts under it; English "Assigned" is not.
        let cols = [col("col-product", 0), num("col-assigned", 4)];
        assert_eq!(widths(&cols, Lang::En, 30), vec![21, 8]);
        assert_eq!(widths(&cols, Lang::Fr, 30), vec![19, 10]);
    }
}
