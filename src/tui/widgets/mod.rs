//! Drawing pieces the screens share.

pub mod dialog;
pub mod panel;
pub mod search;
pub mod table;

use super::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

/// A bordered block with a title, in the theme's border set.
pub fn block(theme: Theme, title: String, focused: bool) -> Block<'static> {
    let style = if focused {
        theme.title()
    } else {
        ratatui::style::Style::new()
    };
    Block::new()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .border_style(if focused { theme.title() } else { theme.dim() })
        .title(Span::styled(title, style))
}

/// The inside of a bordered block.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// Greedy word wrap in display columns (CJK and emoji count double); a word longer than a line
/// is cut across lines. Empty text is one empty line.
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    let options = textwrap::Options::new(cols.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    let lines: Vec<String> = textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}
