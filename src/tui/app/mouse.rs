//! The mouse, where the config file turns it on (`[ui] mouse = true`): a click on the tab line
//! goes to that screen, a click on a row of the list in view selects it, the wheel moves the
//! cursor as the arrow keys do. Each has its key: the mouse only adds a way.

use super::{layout, App, Focus};
use crate::tui::action::{Action, Screen};
use crate::tui::effect::Effect;
use crate::tui::keymap::Mode;
use crate::tui::list::Nav;
use crate::tui::screens::tab_at;
use crate::tui::widgets::inner;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

impl App {
    /// What a mouse event asks for; None with the mouse off, over a dialog, while a search or
    /// the export's path is being typed, or for a button the dashboard does not use.
    pub fn mouse_action(&self, event: &MouseEvent) -> Option<Action> {
        if !self.session.mouse || !matches!(self.mode(), Mode::Screen(_)) {
            return None;
        }
        match event.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: event.column,
                row: event.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::Nav(Nav::Up)),
            MouseEventKind::ScrollDown => Some(Action::Nav(Nav::Down)),
            _ => None,
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16, fx: &mut Vec<Effect>) {
        let at = Position::new(column, row);
        if row == 0 {
            match tab_at(self, column) {
                Some(Screen::Help) if self.screen != Screen::Help => self.help(fx),
                Some(screen) if screen != self.screen && screen != Screen::Help => {
                    self.goto(screen, fx)
                }
                _ => {}
            }
            return;
        }
        if self.screen == Screen::Subscriptions {
            let users = layout::users_table(self);
            if users.contains(at) {
                // Below the users' header row.
                if row > users.y
                    && self
                        .users
                        .list
                        .select_in_window(usize::from(row - users.y - 1))
                {
                    self.focus = Focus::Users;
                    self.refit();
                }
                return;
            }
        }
        let Some(pane) = layout::list_pane(self, self.screen) else {
            return;
        };
        // Inside the border, below the header row.
        let table = inner(pane);
        let rows = Rect {
            y: table.y + 1,
            height: table.height.saturating_sub(1),
            ..table
        };
        if !rows.contains(at) {
            return;
        }
        let picked = self
            .list_of_mut(self.screen)
            .is_some_and(|list| list.select_in_window(usize::from(row - rows.y)));
        if picked {
            self.focus = Focus::List;
            self.refit();
            self.want_users(fx);
        }
    }
}
