//! A yes/no question that carries the very effect it runs on yes (replacing an export file).

use super::{Dialog, Step};
use crate::tui::effect::{Effect, Reply};
use crate::tui::input::{DialogKey, DialogKeys};
use crate::tui::session::Message;
use crate::tui::theme::Theme;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::any::Any;

#[derive(Debug)]
pub struct Question {
    pub question: String,
    /// Run on yes, with what the message line then says.
    effect: Option<Effect>,
    going: String,
}

impl Question {
    pub fn new(question: String, effect: Effect, going: &str) -> Question {
        Question {
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
        match key {
            DialogKey::Yes => Step {
                effects: self.effect.take().into_iter().collect(),
                ..Step::close()
            }
            .say(Message::ok(self.going.clone())),
            DialogKey::Back => Step::close().say(Message::ok("Nothing was written")),
            // Enter never confirms a change.
            _ => Step::none().say(Message::ok(format!(
                "Only {} goes ahead; {} changes nothing",
                DialogKey::Yes.label(),
                DialogKey::Back.label()
            ))),
        }
    }

    fn reply(&mut self, _reply: &Reply) -> Step {
        Step::none()
    }

    fn draw(&self, buf: &mut Buffer, body: Rect, theme: Theme) {
        crate::tui::widgets::confirm::draw(buf, body, theme, &self.question);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
