//! Where each screen's parts go: functions of the state, so `update` asks them how many rows a
//! list shows (for PgUp/PgDn) and gets the answer the drawing uses.

use super::{App, Focus};
use crate::tui::action::Screen;
use crate::tui::widgets::inner;
use ratatui::layout::Rect;

/// The smallest window the screens are laid out for (SPEC §4).
pub const MIN: (u16, u16) = (80, 24);

/// Between the tab line and the two status lines.
pub fn body(area: Rect) -> Rect {
    Rect {
        x: area.x,
        y: area.y + 1,
        width: area.width,
        height: area.height.saturating_sub(3),
    }
}

/// The body at the app's current size.
fn current_body(app: &App) -> Rect {
    body(Rect::new(0, 0, app.size.0, app.size.1))
}

/// The bordered pane of `screen`'s list at the app's current size; help has none.
pub fn list_pane(app: &App, screen: Screen) -> Option<Rect> {
    let b = current_body(app);
    Some(match screen {
        Screen::Products => products(b),
        Screen::Subscriptions => subscriptions(app, b).list,
        Screen::Export => export(b).list,
        Screen::Policies => policies(app, b).0,
        Screen::Audit => audit(app, b).0,
        Screen::Outbox => outbox(app, b).0,
        Screen::Spend => spend(b).list,
        Screen::Help => return None,
    })
}

/// Rows the list of `screen` shows.
pub fn list_rows(app: &App, screen: Screen) -> usize {
    // Border above and below, and the header row.
    list_pane(app, screen).map_or(0, |table| usize::from(table.height.saturating_sub(3)))
}

/// The users table of the Subscriptions screen (its header row, then the users).
pub fn users_table(app: &App) -> Rect {
    subscriptions(app, current_body(app)).users
}

/// Rows the users pane shows.
pub fn users_rows(app: &App) -> usize {
    usize::from(
        subscriptions(app, current_body(app))
            .users
            .height
            .saturating_sub(1),
    )
}

/// Splits `area` into a list on top and a detail pane of `detail` rows below (when open).
pub fn split_detail(area: Rect, detail: Option<u16>) -> (Rect, Rect) {
    match detail {
        Some(h) => {
            let h = h.min(area.height / 2);
            (
                Rect {
                    height: area.height - h,
                    ..area
                },
                Rect {
                    y: area.y + area.height - h,
                    height: h,
                    ..area
                },
            )
        }
        None => (area, Rect { height: 0, ..area }),
    }
}

pub fn products(body: Rect) -> Rect {
    body
}

pub struct SubscriptionsLayout {
    pub list: Rect,
    pub detail: Rect,
    pub fields: Rect,
    /// The users table: its header row, then the users.
    pub users: Rect,
    pub wide: bool,
}

pub fn subscriptions(app: &App, body: Rect) -> SubscriptionsLayout {
    let wide = body.width >= 120;
    let (list, detail) = if wide {
        let w = body.width * 11 / 20;
        (
            Rect { width: w, ..body },
            Rect {
                x: body.x + w,
                width: body.width - w,
                ..body
            },
        )
    } else {
        let h = if app.focus == Focus::List {
            body.height / 2
        } else {
            7.min(body.height)
        };
        (
            Rect { height: h, ..body },
            Rect {
                y: body.y + h,
                height: body.height - h,
                ..body
            },
        )
    };
    let inner = inner(detail);
    let field_rows = if wide { 11 } else { 5 }.min(inner.height);
    let fields = Rect {
        height: field_rows,
        ..inner
    };
    let users = Rect {
        y: inner.y + field_rows,
        height: inner.height - field_rows,
        ..inner
    };
    SubscriptionsLayout {
        list,
        detail,
        fields,
        users,
        wide,
    }
}

pub struct ExportLayout {
    pub form: Rect,
    pub list: Rect,
}

pub fn export(body: Rect) -> ExportLayout {
    let h = 5.min(body.height);
    ExportLayout {
        form: Rect { height: h, ..body },
        list: Rect {
            y: body.y + h,
            height: body.height - h,
            ..body
        },
    }
}

/// The list, and the detail pane below it when open.
pub fn policies(app: &App, body: Rect) -> (Rect, Rect) {
    split_detail(body, app.detail.then_some(8))
}

pub fn audit(app: &App, body: Rect) -> (Rect, Rect) {
    split_detail(body, app.detail.then_some(8))
}

pub fn outbox(app: &App, body: Rect) -> (Rect, Rect) {
    split_detail(body, app.detail.then_some(body.height / 2))
}

/// The Spend screen: the totals, the chart, and the list Tab switches.
pub struct SpendLayout {
    pub totals: Rect,
    pub chart: Rect,
    pub list: Rect,
}

pub fn spend(body: Rect) -> SpendLayout {
    let totals = 3.min(body.height);
    let rest = body.height - totals;
    // A third of the rest for the chart, never fewer than 8 rows (4 of bars) where there is room.
    let chart = (rest / 3).max(8).min(rest);
    SpendLayout {
        totals: Rect {
            height: totals,
            ..body
        },
        chart: Rect {
            y: body.y + totals,
            height: chart,
            ..body
        },
        list: Rect {
            y: body.y + totals + chart,
            height: rest - chart,
            ..body
        },
    }
}
