//! One e-mail of the outbox, whole: its headers, then its body wrapped to the box and scrolled
//! with ↑↓, so nothing of a long e-mail is cut off.

use super::{Dialog, Opened, Scroller, Step};
use crate::i18n::Lang;
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
    /// The language of its headers' words (the e-mail itself is shown as it was written).
    pub lang: Lang,
    pub email: Email,
    pub scroll: Scroller,
}

/// Opens the selected e-mail of the Outbox screen.
pub fn open(cx: &super::Context<'_>) -> Result<Opened, String> {
    let email = cx.email.ok_or_else(|| cx.lang().t("dialog-choose-email"))?;
    let view = EmailView {
        lang: cx.lang(),
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
        let lang = self.lang;
        let state = lang.t(match m.delivery {
            Delivery::Pending => "dialog-email-pending",
            Delivery::Sent => "dialog-email-sent",
            Delivery::Failed => "delivery-dialog-failed",
        });
        // The body keeps its own line breaks; each line is cleaned, then wrapped to the box.
        let cols = widgets::dialog::columns(body);
        let lines: Vec<String> = m
            .body
            .lines()
            .flat_map(|l| widgets::wrap(&text::sanitize(l), cols))
            .collect();
        self.scroll.drawn(lines.len());
        let mut page = Page::new(
            lang,
            tr!(
                lang,
                "dialog-email-title",
                id = m.id.to_string(),
                kind = m.kind.as_str()
            ),
        );
        page.intro = vec![
            (
                tr!(lang, "dialog-email-to-header", to = &m.to),
                Style::new(),
            ),
            (
                tr!(
                    lang,
                    "dialog-email-written",
                    time = lang.time(m.created_at),
                    state = state
                ),
                theme.dim(),
            ),
            (
                tr!(lang, "delivery-dialog-message-id", id = &m.message_id),
                theme.dim(),
            ),
            (
                tr!(lang, "dialog-email-subject", subject = &m.subject),
                theme.title(),
            ),
        ];
        // The relay's answer, or why it was not delivered, once it has been tried.
        let s = &m.status;
        if let Some(detail) = s.answer.as_deref().or(s.last_error.as_deref()) {
            page.intro.insert(
                2,
                (
                    tr!(
                        lang,
                        "delivery-dialog-delivery",
                        attempts = s.attempts,
                        detail = text::sanitize(detail)
                    ),
                    theme.dim(),
                ),
            );
        }
        page.list = Some(List {
            heading: None,
            len: lines.len(),
            cursor: None,
            scroll: self.scroll.at,
            row: Box::new(move |i, _| Line::raw(lines[i].clone())),
        });
        page.key(DialogKey::Down.label(), "dialog-key-scroll");
        page.key(DialogKey::Back.label(), "dialog-key-close");
        widgets::dialog::draw(buf, body, theme, page);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
