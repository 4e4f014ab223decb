//! One e-mail of the outbox, whole: its headers, then its body wrapped to the box and scrolled
//! with ↑↓, so nothing of a long e-mail is cut off.

use super::{Dialog, Opened, Scroller, Step};
use crate::text;
use crate::tui::effect::Reply;
use crate::tui::input::DialogKey;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, dialog::List, dialog::Page};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use selfserve_core::model::{Delivery, Email};
use std::any::Any;

#[derive(Debug)]
pub struct EmailView {
    pub email: Email,
    pub scroll: Scroller,
}

/// Opens the selected e-mail of the Outbox screen.
pub fn open(cx: &super::Context<'_>) -> Result<Opened, String> {
    let email = cx
        .email
        .ok_or("Choose an e-mail first (6 Outbox, then ↑↓)")?;
    let view = EmailView {
        email: email.clone(),
        scroll: Scroller::default(),
    };
    Opened::new(view, Step::none())
}

impl Dialog for EmailView {
    fn key(&mut self, key: DialogKey, _now: DateTime<Utc>) -> Step {
        self.scroll.key(key)
    }

    fn reply(&mut self, _reply: &Reply) -> Step {
        Step::none()
    }

    fn draw(&self, buf: &mut Buffer, body: Rect, theme: Theme) {
        let m = &self.email;
        let state = match m.delivery {
            Delivery::Pending => "pending",
            Delivery::Sent => "sent",
        };
        // The body keeps its own line breaks; each line is cleaned, then wrapped to the box.
        let cols = widgets::dialog::columns(body);
        let lines: Vec<String> = m
            .body
            .lines()
            .flat_map(|l| widgets::wrap(&text::sanitize(l), cols))
            .collect();
        self.scroll.drawn(lines.len());
        let page = Page {
            title: format!(" E-mail #{} · {} ", m.id, m.kind.as_str()),
            intro: vec![
                (format!("To: {}", m.to), Style::new()),
                (
                    format!(
                        "Written: {} · {state}",
                        m.created_at.format("%Y-%m-%d %H:%M UTC")
                    ),
                    theme.dim(),
                ),
                (format!("Subject: {}", m.subject), theme.title()),
            ],
            list: Some(List {
                heading: None,
                len: lines.len(),
                cursor: None,
                scroll: self.scroll.at,
                row: Box::new(move |i, _| Line::raw(lines[i].clone())),
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
