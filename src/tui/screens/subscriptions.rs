//! Subscriptions of one product: the list, and beside it (or below, on a narrow window) the
//! detail pane with the selected subscription and the users with licenses grouped by buyer.

use super::{field, placeholder, title, widgets};
use crate::i18n::Lang;
use crate::text;
use crate::tui::app::layout;
use crate::tui::app::{App, Focus};
use crate::tui::labels::{self, widest, word};
use crate::tui::list::LoadState;
use crate::tui::rows::UserLine;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{self, cell, col, num, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use selfserve_core::model::CancelReason;
use selfserve_core::query::SubscriptionRow;

pub const LIST_COLS: &[Col] = &[
    col("", 1),
    col("col-buyer", 0),
    col("col-buyer-upn", 0),
    col("col-origin", 8),
    num("col-quantity", 4),
    num("col-used", 4),
    col("col-expires", 10),
    // As wide as the widest status in the language.
    col("col-status", 8),
];
const USER_COLS: &[Col] = &[
    col("col-user", 0),
    col("col-user-upn", 0),
    col("col-department", 11),
    col("col-assigned-on", 10),
    // As wide as "twice" in the language.
    col("col-paid", 5),
];

/// The list's columns in `lang`: origins and statuses as wide as their longest word.
pub fn list_cols(lang: Lang) -> [Col; 8] {
    let mut cols = [LIST_COLS[0]; 8];
    cols.copy_from_slice(LIST_COLS);
    cols[3] = cols[3].needs(widest(lang, &labels::ORIGIN_IDS));
    cols[7] = cols[7].needs(widest(lang, &labels::STATUS_IDS));
    cols
}

/// The mark column: marked subscriptions go into the export and the users pane.
pub fn mark(app: &App, row: &SubscriptionRow) -> &'static str {
    if app.marked.contains_key(&row.id) {
        "✓"
    } else {
        " "
    }
}

/// The cells of one subscription row, shared with the export screen.
pub fn row_cells(
    app: &App,
    r: &SubscriptionRow,
    w: &[u16],
    q: &str,
    theme: Theme,
) -> Vec<Line<'static>> {
    let lang = app.session.lang;
    vec![
        cell(mark(app, r), w[0], false, "", theme),
        cell(
            r.buyer_name
                .as_deref()
                .unwrap_or_else(|| word(lang, "word-central")),
            w[1],
            false,
            q,
            theme,
        ),
        cell(r.buyer.as_deref().unwrap_or("-"), w[2], false, q, theme),
        cell(labels::origin(lang, r.origin), w[3], false, "", theme),
        cell(&lang.count(r.quantity), w[4], true, "", theme),
        cell(&lang.count(r.assigned), w[5], true, "", theme),
        cell(&lang.date(r.expires), w[6], false, "", theme),
        cell(labels::status(lang, r.status), w[7], false, "", theme),
    ]
}

/// The first eight hex digits: enough for `selfserve subscription show`.
pub fn short_id(r: &SubscriptionRow) -> String {
    r.id.to_string().chars().take(8).collect()
}

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let l = layout::subscriptions(app, body);
    let list_focused = app.focus == Focus::List;
    let what = if app.orphans {
        lang.t("gov-tui-orphans-title")
    } else if app.self_service {
        lang.tr(
            "screen-self-service-only",
            &[("product", app.subs_product.clone().into())],
        )
    } else {
        app.subs_product.clone()
    };
    widgets::block(theme, title(&what, &app.subs, lang), list_focused).render(l.list, buf);
    let inner = widgets::inner(l.list);
    if app.subs.list.is_empty() {
        placeholder(buf, inner, app, &app.subs, "screen-subscriptions-empty");
    } else {
        let q = app.subs.list.folded_query();
        table::draw(
            buf,
            inner,
            theme,
            lang,
            &list_cols(lang),
            &app.subs.list,
            list_focused,
            |r, w| row_cells(app, r, w, q, theme),
        );
    }
    draw_detail(buf, &l, app);
}

/// How the subscription is paid: a card's last digits, an invoice, nothing.
fn payment(r: &SubscriptionRow, ascii: bool, lang: Lang) -> String {
    match (r.payment_method, &r.card_last4) {
        ("card", Some(last4)) if ascii => {
            lang.tr("detail-card-ending", &[("last4", last4.clone().into())])
        }
        ("card", Some(last4)) => lang.tr("detail-card", &[("last4", last4.clone().into())]),
        ("invoice", _) => word(lang, "detail-invoice").to_string(),
        ("none", _) => word(lang, "detail-no-payment").to_string(),
        (method, _) => method.to_string(),
    }
}

/// "12 users", « 12 utilisateurs ».
fn users_count(lang: Lang, n: usize) -> String {
    lang.tr("detail-users", &[("count", n.into())])
}

fn draw_detail(buf: &mut Buffer, l: &layout::SubscriptionsLayout, app: &App) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let users_focused = app.focus == Focus::Users;
    let Some(r) = app.subs.list.selected() else {
        let heading = format!(" {} ", word(lang, "detail-title"));
        widgets::block(theme, heading, users_focused).render(l.detail, buf);
        return;
    };
    let users = match &app.users.state {
        LoadState::Loading => word(lang, "detail-users-loading").to_string(),
        _ => users_count(lang, app.users_count),
    };
    let users = if app.marked.is_empty() {
        users
    } else {
        lang.tr(
            "detail-users-of-marked",
            &[("users", users.into()), ("count", app.marked.len().into())],
        )
    };
    // Orphaned purchases are of every product: each row names its own (issue 14).
    let product = if app.orphans {
        &r.product_name
    } else {
        &app.subs_product
    };
    let heading = format!(" {} · {} · {users} ", text::sanitize(product), short_id(r));
    widgets::block(theme, heading, users_focused).render(l.detail, buf);

    let w = l.fields.width;
    let buyer = match (&r.buyer_name, &r.buyer) {
        (Some(name), Some(upn)) => format!("{name} <{upn}>"),
        _ => word(lang, "detail-no-buyer").to_string(),
    };
    let renew = labels::yes_no(lang, r.auto_renew);
    let taken = match (&r.taken_over_by, r.taken_over_at) {
        (Some(by), Some(at)) => lang.tr(
            "detail-taken-over-on",
            &[
                ("by", by.clone().into()),
                ("date", lang.date(at.date_naive()).into()),
            ],
        ),
        (Some(by), None) => by.clone(),
        _ => labels::yes_no(lang, false).to_string(),
    };
    let pay = payment(r, theme.ascii, lang);
    let price = lang.money(&r.price.amount);
    let term = labels::term(lang, r.price.term);
    let lines: Vec<Line> = if l.wide {
        let licenses = lang.tr(
            "detail-licenses",
            &[
                ("bought", r.quantity.into()),
                ("assigned", r.assigned.into()),
                ("free", r.free().into()),
            ],
        );
        let price = lang.tr(
            "detail-price",
            &[("price", price.into()), ("term", term.into())],
        );
        let expires = lang.tr(
            "detail-expires-started",
            &[
                ("expires", lang.date(r.expires).into()),
                ("start", lang.date(r.start).into()),
            ],
        );
        let mut v = vec![
            field(
                app,
                "detail-product",
                &format!("{} ({})", r.product_name, r.product_id),
                w,
            ),
            field(app, "detail-buyer", &buyer, w),
            field(app, "detail-origin", labels::origin_long(lang, r.origin), w),
            field(app, "detail-licenses-label", &licenses, w),
            field(app, "detail-expires", &expires, w),
            field(app, "detail-price-label", &price, w),
            field(app, "detail-status", &status(r, lang), w),
            field(app, "detail-payment", &pay, w),
            field(app, "detail-auto-renew", renew, w),
            field(app, "detail-taken-over-by", &taken, w),
        ];
        if let Some(reason) = r.cancellation_reason {
            v.push(field(
                app,
                "detail-cancelled",
                labels::word(lang, reason_id(reason)),
                w,
            ));
        }
        v
    } else {
        let half = w / 2;
        let pair = |a: Line<'static>, b: Line<'static>| {
            let mut spans = a.spans;
            let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
            spans.push(ratatui::text::Span::raw(
                " ".repeat(usize::from(half).saturating_sub(used)),
            ));
            spans.extend(b.spans);
            Line::from(spans)
        };
        let licenses = lang.tr(
            "detail-licenses-short",
            &[
                ("bought", r.quantity.into()),
                ("assigned", r.assigned.into()),
            ],
        );
        vec![
            field(app, "detail-buyer", &buyer, w),
            pair(
                field(app, "detail-origin", labels::origin(lang, r.origin), half),
                field(app, "detail-status", &status(r, lang), w - half),
            ),
            pair(
                field(app, "detail-licenses-label", &licenses, half),
                field(app, "detail-expires", &lang.date(r.expires), w - half),
            ),
            pair(
                field(app, "detail-price-label", &format!("{price} {term}"), half),
                field(app, "detail-auto-renew", renew, w - half),
            ),
            pair(
                field(app, "detail-payment", &pay, half),
                field(app, "detail-taken-over", &taken, w - half),
            ),
        ]
    };
    Paragraph::new(lines).render(l.fields, buf);

    if app.users.list.is_empty() {
        let msg = match &app.users.state {
            LoadState::Failed(e) => text::sanitize(e),
            LoadState::Ready => word(lang, "detail-no-users").to_string(),
            _ => word(lang, "detail-users-loading-body").to_string(),
        };
        Paragraph::new(Line::styled(msg, theme.dim())).render(l.users, buf);
        return;
    }
    let q = app.subs.list.folded_query();
    let twice = word(lang, "detail-paid-twice");
    let mut user_cols = [USER_COLS[0]; 5];
    user_cols.copy_from_slice(USER_COLS);
    user_cols[4] = user_cols[4].needs(text::width(twice) as u16);
    table::draw(
        buf,
        l.users,
        theme,
        lang,
        &user_cols,
        &app.users.list,
        users_focused,
        |line, w| match line {
            UserLine::Heading { text, users } => vec![Line::styled(
                format!("{text} · {}", users_count(lang, *users)),
                theme.title(),
            )],
            UserLine::User(u) => vec![
                // A user marked for a license change carries the mark before the name.
                cell(
                    &if app.marked_users.contains(&u.user_principal_name) {
                        format!("✓ {}", u.display_name)
                    } else {
                        u.display_name.clone()
                    },
                    w[0],
                    false,
                    q,
                    theme,
                ),
                cell(&u.user_principal_name, w[1], false, q, theme),
                cell(&u.department, w[2], false, "", theme),
                cell(&lang.date(u.assigned_on), w[3], false, "", theme),
                // Paid twice: the product's license comes from another subscription too.
                cell(
                    if u.paid_twice { twice } else { "" },
                    w[4],
                    false,
                    "",
                    theme,
                ),
            ],
        },
    );
}

/// The message id of a cancellation reason, as the admin center's list words it.
fn reason_id(reason: CancelReason) -> &'static str {
    match reason {
        CancelReason::NoLongerNeeded => "detail-reason-no-longer-needed",
        CancelReason::BoughtByMistake => "detail-reason-bought-by-mistake",
        CancelReason::MovingToCentral => "detail-reason-moving-to-central",
        CancelReason::TooExpensive => "detail-reason-too-expensive",
        CancelReason::Other => "detail-reason-other",
    }
}

/// The status as of the clock, and whether the lifecycle steps that give it are not applied yet.
fn status(r: &SubscriptionRow, lang: Lang) -> String {
    let status = labels::status(lang, r.status);
    match r.lifecycle_due.last() {
        Some(due) => lang.tr(
            "detail-status-due",
            &[
                ("status", status.into()),
                ("step", labels::step(lang, due.step).into()),
                ("date", lang.date(due.on).into()),
            ],
        ),
        None => status.to_string(),
    }
}
