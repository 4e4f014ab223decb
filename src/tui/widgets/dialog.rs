//! A dialog drawn over the screen: a bordered box that takes what an 80x24 window can give and
//! grows with wider ones, and inside it a page of wrapped text, an optional list that draws only
//! its visible rows, a note and the keys of the step.

use crate::i18n::Lang;
use crate::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

/// The largest box: wider than this, lines get too long to read.
const MAX: (u16, u16) = (110, 34);

/// A list inside the page. Only the rows that fit are built (`row(index, width)`).
pub struct List<'a> {
    pub heading: Option<String>,
    pub len: usize,
    /// The selected row, kept in view; None for a list that only scrolls.
    pub cursor: Option<usize>,
    /// The first row shown when there is no cursor.
    pub scroll: usize,
    pub row: Box<dyn Fn(usize, u16) -> Line<'static> + 'a>,
}

/// One dialog step as drawn.
pub struct Page<'a> {
    /// The language of its words (the keys' labels and the list's "more" line too).
    pub lang: Lang,
    pub title: String,
    /// Paragraphs above the list, each wrapped to the width.
    pub intro: Vec<(String, Style)>,
    pub list: Option<List<'a>>,
    /// Paragraphs below the list.
    pub outro: Vec<(String, Style)>,
    /// The keys of this step: (label, what it does).
    pub keys: Vec<(&'static str, String)>,
}

impl<'a> Page<'a> {
    /// An empty page titled `title` (already in `lang`).
    pub fn new(lang: Lang, title: String) -> Page<'a> {
        Page {
            lang,
            title,
            intro: Vec::new(),
            list: None,
            outro: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// Adds a key of this step: its label and what it does, the message `what` in the page's
    /// language.
    pub fn key(&mut self, label: &'static str, what: &str) {
        self.keys.push((label, self.lang.t(what)));
    }
}

/// Where the box goes in `body`.
pub fn area(body: Rect) -> Rect {
    let width = body.width.saturating_sub(4).min(MAX.0);
    let height = body.height.saturating_sub(2).min(MAX.1);
    Rect {
        x: body.x + (body.width.saturating_sub(width)) / 2,
        y: body.y + (body.height.saturating_sub(height)) / 2,
        width,
        height,
    }
}

fn paragraphs(items: &[(String, Style)], cols: usize) -> Vec<Line<'static>> {
    items
        .iter()
        .flat_map(|(t, style)| {
            wrap(&text::sanitize(t), cols)
                .into_iter()
                .map(move |l| Line::styled(l, *style))
        })
        .collect()
}

/// Wraps `text` to `cols` as `widgets::wrap` does, never starting a line with French
/// punctuation (« : », « ; », « ? », « ! », a closing « ») nor ending one with an opening « :
/// the space before (or after) it is drawn as a no-break space.
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    let mut held = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut prev = None;
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let binds = matches!(
            (prev, c, next),
            (_, ' ', Some(':' | ';' | '?' | '!' | '»')) | (Some('«'), ' ', _)
        );
        held.push(if binds { '\u{a0}' } else { c });
        prev = Some(c);
    }
    super::wrap(&held, cols)
}

/// The columns a page's text gets in a box over `body` (what to wrap a list's rows to).
pub fn columns(body: Rect) -> usize {
    usize::from(super::inner(area(body)).width.saturating_sub(1)).max(1)
}

pub fn draw(buf: &mut Buffer, body: Rect, theme: Theme, page: Page<'_>) {
    let rect = area(body);
    if rect.width < 4 || rect.height < 3 {
        return;
    }
    Clear.render(rect, buf);
    super::block(theme, page.title.clone(), true).render(rect, buf);
    let inner = super::inner(rect);
    let cols = usize::from(inner.width.saturating_sub(1)).max(1);
    let x = inner.x + 1;
    let bottom = inner.bottom();
    // The keys take the last row; then the outro above it; the intro from the top; the list
    // gets what is left (at least a few rows where the window allows).
    let keys_y = bottom.saturating_sub(1);
    // Three spaces between keys, two where three would not fit (French runs longer).
    let wide: usize = page
        .keys
        .iter()
        .map(|(label, what)| text::width(label) + 1 + text::width(what) + 3)
        .sum();
    let gap = if wide.saturating_sub(3) > cols {
        "  "
    } else {
        "   "
    };
    let mut spans = Vec::new();
    for (label, what) in &page.keys {
        spans.push(Span::styled(label.to_string(), theme.key()));
        spans.push(Span::styled(format!(" {what}{gap}"), theme.dim()));
    }
    buf.set_line(x, keys_y, &Line::from(spans), inner.width.saturating_sub(1));
    let avail = keys_y.saturating_sub(inner.y);
    let intro = paragraphs(&page.intro, cols);
    let outro = paragraphs(&page.outro, cols);
    let list_min: u16 = match &page.list {
        Some(l) => l.len.clamp(1, 4) as u16 + u16::from(l.heading.is_some()),
        None => 0,
    };
    let outro_h = u16::try_from(outro.len())
        .unwrap_or(u16::MAX)
        .min(avail.saturating_sub(list_min) / 2);
    let intro_h = u16::try_from(intro.len())
        .unwrap_or(u16::MAX)
        .min(avail.saturating_sub(list_min + outro_h));
    let mut y = inner.y;
    for line in intro.iter().take(usize::from(intro_h)) {
        buf.set_line(x, y, line, cols as u16);
        y += 1;
    }
    let outro_y = keys_y.saturating_sub(outro_h);
    if let Some(list) = page.list {
        // A blank line before the list and after it, where there is room to spare.
        let needs = u16::try_from(list.len)
            .unwrap_or(u16::MAX)
            .saturating_add(u16::from(list.heading.is_some()));
        let spare = outro_y.saturating_sub(y).saturating_sub(needs);
        if spare >= 1 && intro_h > 0 {
            y += 1;
        }
        if let Some(h) = &list.heading {
            if y < outro_y {
                let heading = text::truncate(&text::sanitize(h), cols);
                buf.set_line(x, y, &Line::styled(heading, theme.title()), cols as u16);
                y += 1;
            }
        }
        let end = if spare >= 2 && outro_h > 0 {
            outro_y - 1
        } else {
            outro_y
        };
        let rows = usize::from(end.saturating_sub(y));
        let first = match list.cursor {
            Some(c) => c.saturating_sub(rows.saturating_sub(1)),
            None => list.scroll.min(list.len.saturating_sub(rows)),
        };
        for i in first..list.len.min(first + rows) {
            let line = (list.row)(i, cols as u16);
            let selected = list.cursor == Some(i);
            if selected {
                buf.set_style(
                    Rect {
                        x,
                        y,
                        width: cols as u16,
                        height: 1,
                    },
                    theme.selected(true),
                );
            }
            buf.set_line(x, y, &line, cols as u16);
            y += 1;
        }
        let more = list.len.saturating_sub(first + rows);
        if more > 0 && rows > 0 && list.cursor.is_none() {
            // The last row says how many more there are instead of showing one of them.
            let row_y = y.saturating_sub(1);
            let text =
                selfserve_core::text!("dialog-list-more", count = more + 1).in_lang(page.lang);
            buf.set_line(
                x,
                row_y,
                &Line::styled(text::fit(&text, cols), theme.dim()),
                cols as u16,
            );
        }
    }
    for (y, line) in (outro_y..keys_y).zip(outro.iter().take(usize::from(outro_h))) {
        buf.set_line(x, y, line, cols as u16);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_long_list_builds_only_the_rows_it_shows() {
        let built = Cell::new(0usize);
        let body = Rect::new(0, 1, 80, 21);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
        let theme = Theme {
            color: false,
            ascii: false,
            transliterate: false,
            palette: crate::tui::theme::Palette::default(),
        };
        for cursor in [None, Some(99_999)] {
            built.set(0);
            let page = Page {
                lang: Lang::En,
                title: " t ".into(),
                intro: vec![("intro".into(), Style::new())],
                list: Some(List {
                    heading: Some("h".into()),
                    len: 100_000,
                    cursor,
                    scroll: 50_000,
                    row: Box::new(|i, _| {
                        built.set(built.get() + 1);
                        Line::raw(i.to_string())
                    }),
                }),
                outro: vec![("outro".into(), Style::new())],
                keys: vec![("Esc", "close".into())],
            };
            draw(&mut buf, body, theme, page);
            assert!(built.get() <= 20, "{} rows built", built.get());
        }
    }

    #[test]
    fn wraps_on_words_and_cuts_long_ones() {
        assert_eq!(
            crate::tui::widgets::wrap("one two three", 7),
            vec!["one two", "three"]
        );
        assert_eq!(
            crate::tui::widgets::wrap("abcdefghij", 4),
            vec!["abcd", "efgh", "ij"]
        );
        assert_eq!(crate::tui::widgets::wrap("", 5), vec![""]);
        assert_eq!(
            crate::tui::widgets::wrap("日本語テキスト", 6),
            vec!["日本語", "テキス", "ト"]
        );
    }
}
