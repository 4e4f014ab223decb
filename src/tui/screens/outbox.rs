//! The outbox: e-mails to buyers and administrators, newest first, with the selected one's body.

use super::{field, placeholder, title, widgets};
use crate::text;
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::labels::{widest, word};
use crate::tui::widgets::table::{self, cell, col, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use selfserve_core::model::{Delivery, EmailKind};

const COLS: &[Col] = &[
    col("col-created", 16),
    col("col-to", 0),
    // As wide as the longest kind's words, once the language is known.
    col("col-kind", 1),
    col("col-subject", 0),
    col("col-state", 1),
];

const KIND_IDS: [&str; 10] = [
    "outbox-kind-subscription-cancelled",
    "outbox-kind-users-moved",
    "outbox-kind-please-cancel",
    "outbox-kind-first-trial",
    "outbox-kind-renewed",
    "outbox-kind-converted",
    "outbox-kind-expired",
    "outbox-kind-disabled",
    "outbox-kind-deleted",
    "outbox-kind-notice",
];

/// The message id of what an e-mail is about.
fn kind_id(kind: EmailKind) -> &'static str {
    KIND_IDS[match kind {
        EmailKind::SubscriptionCancelled => 0,
        EmailKind::UsersMoved => 1,
        EmailKind::PleaseCancel => 2,
        EmailKind::FirstTrial => 3,
        EmailKind::Renewed => 4,
        EmailKind::Converted => 5,
        EmailKind::Expired => 6,
        EmailKind::Disabled => 7,
        EmailKind::Deleted => 8,
        EmailKind::Notice => 9,
    }]
}

const STATE_IDS: [&str; 3] = ["outbox-pending", "outbox-sent", "delivery-outbox-failed"];

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let (list_area, detail_area) = layout::outbox(app, body);
    let heading = title(word(lang, "outbox-title"), &app.outbox, lang);
    widgets::block(theme, heading, true).render(list_area, buf);
    let inner = widgets::inner(list_area);
    if app.outbox.list.is_empty() {
        placeholder(buf, inner, app, &app.outbox, "outbox-empty");
        return;
    }
    let q = app.outbox.list.folded_query();
    let mut cols = [COLS[0]; 5];
    cols.copy_from_slice(COLS);
    cols[2] = cols[2].needs(widest(lang, &KIND_IDS));
    cols[4] = cols[4].needs(widest(lang, &STATE_IDS));
    let list = &app.outbox.list;
    table::draw(buf, inner, theme, lang, &cols, list, true, |m, w| {
        let state = match m.delivery {
            Delivery::Pending => STATE_IDS[0],
            Delivery::Sent => STATE_IDS[1],
            Delivery::Failed => STATE_IDS[2],
        };
        vec![
            cell(&lang.time(m.created_at), w[0], false, "", theme),
            cell(&m.to, w[1], false, q, theme),
            cell(word(lang, kind_id(m.kind)), w[2], false, "", theme),
            cell(&m.subject, w[3], false, q, theme),
            cell(word(lang, state), w[4], false, "", theme),
        ]
    });
    if detail_area.height == 0 {
        return;
    }
    let Some(m) = app.outbox.list.selected() else {
        return;
    };
    widgets::block(theme, format!(" {} ", m.subject), false).render(detail_area, buf);
    let inner = widgets::inner(detail_area);
    let w = inner.width;
    let sent = lang.tr("audit-at-utc", &[("time", lang.time(m.created_at).into())]);
    let mut lines = vec![
        field(app, "outbox-to", &m.to, w),
        field(app, "outbox-sent-at", &sent, w),
        field(app, "delivery-field-message-id", &m.message_id, w),
    ];
    // How its delivery went, once it has been tried.
    let s = &m.status;
    if s.attempts > 0 {
        lines.push(field(
            app,
            "delivery-field-attempts",
            &s.attempts.to_string(),
            w,
        ));
    }
    if let Some(answer) = &s.answer {
        lines.push(field(
            app,
            "delivery-field-answer",
            &text::sanitize(answer),
            w,
        ));
    }
    if let Some(error) = &s.last_error {
        lines.push(field(
            app,
            "delivery-field-last-error",
            &text::sanitize(error),
            w,
        ));
    }
    lines.push(Line::raw(""));
    // The body's own line breaks are kept; each line is cleaned of control characters.
    lines.extend(m.body.lines().map(|l| Line::raw(text::sanitize(l))));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
