//! A yes/no question that carries the very effect it runs on yes (replacing an export file).

use super::{Dialog, Step};
use crate::i18n::Lang;
use crate::text;
use crate::tui::effect::{Effect, Reply};
use crate::tui::input::{DialogKey, DialogKeys};
use crate::tui::session::Message;
use crate::tui::theme::Theme;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use std::any::Any;

#[derive(Debug)]
pub struct Question {
    /// The language of its own words (the question comes already in it).
    pub lang: Lang,
    pub question: String,
    /// Run on yes, with what the message line then says.
    effect: Option<Effect>,
    going: String,
}

impl Question {
    /// A question with its keys and answers in `lang` (the question and `going` come
    /// already in it).
    pub fn new(question: String, effect: Effect, going: &str, lang: Lang) -> Question {
        Question {
            lang,
            question,
            effect: Some(effect),
            going: going.to_string(),
        }
    }
}

impl Dialog for Question {
    fn keys(&self) -> DialogKeys {
        DialogKeys::Question
    }

    fn key(&mut self, key: DialogKey, _now: DateTime<Utc>) -> Step {
        let lang = self.lang;
        match key {
            DialogKey::Yes => Step {
                effects: self.effect.take().into_iter().collect(),
                ..Step::close()
            }
            .say(Message::ok(self.going.clone())),
            DialogKey::Back => Step::close().say(Message::ok(lang.t("dialog-nothing-written"))),
            // Enter never confirms a change.
            _ => Step::none().say(Message::ok(tr!(
                lang,
                "dialog-question-only-yes",
                yes = DialogKey::Yes.label(),
                back = DialogKey::Back.label()
            ))),
        }
    }

    fn reply(&mut self, _reply: &Reply) -> Step {
        Step::none()
    }

    /// A small box over the screen: the question, then its two keys.
    fn draw(&self, buf: &mut Buffer, area: Rect, theme: Theme) {
        let lang = self.lang;
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
            Line::raw(text::sanitize(&self.question)),
            Line::raw(""),
            Line::from(vec![
                Span::styled("y", theme.key()),
                Span::raw(format!(" {}   ", lang.t("dialog-question-yes"))),
                Span::styled("n", theme.key()),
                Span::raw(format!(" / Esc {}", lang.t("dialog-question-no"))),
            ]),
        ];
        Paragraph::new(body)
            .wrap(Wrap { trim: true })
            .block(crate::tui::widgets::block(
                theme,
                lang.t("dialog-question-title"),
                true,
            ))
            .render(rect, buf);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
