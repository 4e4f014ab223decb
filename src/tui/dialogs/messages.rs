//! The session's messages, newest first, each whole (wrapped to the box) and scrolled with ↑↓:
//! a message longer than the message line can be read here.

use super::{Context, Dialog, Opened, Step};
use crate::tui::effect::Reply;
use crate::tui::input::DialogKey;
use crate::tui::session::Message;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, dialog::List, dialog::Page};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::any::Any;
use std::cell::Cell;

#[derive(Debug)]
pub struct Messages {
    /// Newest first.
    pub messages: Vec<(DateTime<Utc>, Message)>,
    pub scroll: usize,
    /// The rows at the last drawing: how far ↓ can go.
    rows: Cell<usize>,
}

pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    let messages = Messages {
        messages: cx.history.iter().rev().cloned().collect(),
        scroll: 0,
        rows: Cell::new(0),
    };
    Opened::new(messages, Step::none())
}

impl Dialog for Messages {
    fn key(&mut self, key: DialogKey, _now: DateTime<Utc>) -> Step {
        match key {
            DialogKey::Up => self.scroll = self.scroll.saturating_sub(1),
            DialogKey::Down => {
                self.scroll = (self.scroll + 1).min(self.rows.get().saturating_sub(1))
            }
            DialogKey::Back | DialogKey::Next => return Step::close(),
            _ => {}
        }
        Step::none()
    }

    fn reply(&mut self, _reply: &Reply) -> Step {
        Step::none()
    }

    fn draw(&self, buf: &mut Buffer, body: Rect, theme: Theme) {
        // Each message wrapped under its time ("12:04 "), errors in the error style.
        let cols = widgets::dialog::columns(body);
        let mut rows: Vec<(String, Style)> = Vec::new();
        for (at, m) in &self.messages {
            let style = if m.error { theme.error() } else { Style::new() };
            let time = at.format("%H:%M ").to_string();
            let indent = " ".repeat(time.len());
            for (i, line) in widgets::wrap(&m.text, cols.saturating_sub(time.len()).max(1))
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 { &time } else { &indent };
                rows.push((format!("{lead}{line}"), style));
            }
        }
        self.rows.set(rows.len());
        let page = Page {
            title: " Messages, newest first ".into(),
            intro: if rows.is_empty() {
                vec![("No messages yet.".into(), theme.dim())]
            } else {
                Vec::new()
            },
            list: Some(List {
                heading: None,
                len: rows.len(),
                cursor: None,
                scroll: self.scroll,
                row: Box::new(move |i, _| {
                    let (text, style) = &rows[i];
                    Line::from(Span::styled(text.clone(), *style))
                }),
            }),
            outro: Vec::new(),
            keys: vec![
                (DialogKey::Down.label(), "scroll"),
                (DialogKey::Back.label(), "close"),
            ],
        };
        widgets::dialog::draw(buf, body, theme, page);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
