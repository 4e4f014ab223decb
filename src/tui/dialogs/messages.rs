//! The session's messages, newest first, each whole (wrapped to the box) and scrolled with ↑↓:
//! a message longer than the message line can be read here.

use super::{Context, Dialog, Opened, Scroller, Step};
use crate::i18n::Lang;
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

#[derive(Debug)]
pub struct Messages {
    pub lang: Lang,
    /// Newest first.
    pub messages: Vec<(DateTime<Utc>, Message)>,
    pub scroll: Scroller,
}

pub fn open(cx: &Context<'_>) -> Result<Opened, String> {
    let messages = Messages {
        lang: cx.lang(),
        messages: cx.history.iter().rev().cloned().collect(),
        scroll: Scroller::default(),
    };
    Opened::new(messages, Step::none())
}

impl Dialog for Messages {
    fn key(&mut self, key: DialogKey, _now: DateTime<Utc>) -> Step {
        self.scroll.key(key)
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
        self.scroll.drawn(rows.len());
        let lang = self.lang;
        let mut page = Page::new(lang, lang.t("dialog-messages-title"));
        if rows.is_empty() {
            page.intro
                .push((lang.t("dialog-messages-none"), theme.dim()));
        }
        page.list = Some(List {
            heading: None,
            len: rows.len(),
            cursor: None,
            scroll: self.scroll.at,
            row: Box::new(move |i, _| {
                let (text, style) = &rows[i];
                Line::from(Span::styled(text.clone(), *style))
            }),
        });
        page.key(DialogKey::Down.label(), "dialog-key-scroll");
        page.key(DialogKey::Back.label(), "dialog-key-close");
        widgets::dialog::draw(buf, body, theme, page);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
