//! Subscriptions of one product: the list, and beside it (or below, on a narrow window) the
//! detail pane with the selected subscription and the users with licenses grouped by buyer.

use super::{field, placeholder, title, widgets};
use crate::text;
use crate::tui::app::layout;
use crate::tui::app::{App, Focus};
use crate::tui::list::LoadState;
use crate::tui::rows::UserLine;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{self, cell, col, num, Col};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use selfserve_core::model::Origin;
use selfserve_core::query::SubscriptionRow;

pub const LIST_COLS: &[Col] = &[
    col("", 1),
    col("Buyer", 0),
    col("Buyer UPN", 0),
    col("Origin", 8),
    num("Qty", 4),
    num("Used", 4),
    col("Expires", 10),
    col("Status", 8),
];
const USER_COLS: &[Col] = &[
    col("User", 0),
    col("User principal name", 0),
    col("Department", 11),
    col("Assigned", 10),
    col("Paid", 5),
];

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
    vec![
        cell(mark(app, r), w[0], false, "", theme),
        cell(
            r.buyer_name.as_deref().unwrap_or("Central"),
            w[1],
            false,
            q,
            theme,
        ),
        cell(r.buyer.as_deref().unwrap_or("-"), w[2], false, q, theme),
        cell(r.origin.label(), w[3], false, "", theme),
        cell(&r.quantity.to_string(), w[4], true, "", theme),
        cell(&r.assigned.to_string(), w[5], true, "", theme),
        cell(&r.expires.to_string(), w[6], false, "", theme),
        cell(r.status.as_str(), w[7], false, "", theme),
    ]
}

/// The first eight hex digits: enough for `selfserve subscription show`.
pub fn short_id(r: &SubscriptionRow) -> String {
    r.id.to_string().chars().take(8).collect()
}

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let theme = app.session.theme;
    let l = layout::subscriptions(app, body);
    let list_focused = app.focus == Focus::List;
    let filter = if app.self_service {
        " (self-service only)"
    } else {
        ""
    };
    let what = format!("{}{filter}", app.subs_product);
    widgets::block(theme, title(&what, &app.subs), list_focused).render(l.list, buf);
    let inner = widgets::inner(l.list);
    if app.subs.list.is_empty() {
        placeholder(
            buf,
            inner,
            app,
            &app.subs,
            "This product has no subscriptions here.",
        );
    } else {
        let q = app.subs.list.folded_query();
        table::draw(
            buf,
            inner,
            theme,
            LIST_COLS,
            &app.subs.list,
            list_focused,
            |r, w| row_cells(app, r, w, q, theme),
        );
    }
    draw_detail(buf, &l, app);
}

fn n(count: u32) -> String {
    table::thousands(u64::from(count))
}

fn origin_words(o: Origin) -> &'static str {
    match o {
        Origin::SelfServicePurchase => "Self-service purchase",
        Origin::SelfServiceTrial => "Self-service trial",
        Origin::Central => "Central (bought by an administrator)",
    }
}

fn payment(r: &SubscriptionRow, ascii: bool) -> String {
    match (r.payment_method, &r.card_last4) {
        ("card", Some(last4)) if ascii => format!("card ending {last4}"),
        ("card", Some(last4)) => format!("card •••• {last4}"),
        (method, _) => method.to_string(),
    }
}

fn draw_detail(buf: &mut Buffer, l: &layout::SubscriptionsLayout, app: &App) {
    let theme = app.session.theme;
    let users_focused = app.focus == Focus::Users;
    let Some(r) = app.subs.list.selected() else {
        widgets::block(theme, " Details ".to_string(), users_focused).render(l.detail, buf);
        return;
    };
    let users = match &app.users.state {
        LoadState::Loading => "users loading…".to_string(),
        _ => format!(
            "{} user{}",
            table::thousands(app.users_count as u64),
            if app.users_count == 1 { "" } else { "s" }
        ),
    };
    let users = if app.marked.is_empty() {
        users
    } else {
        format!("{users} of {} marked", app.marked.len())
    };
    let heading = format!(
        " {} · {} · {users} ",
        text::sanitize(&app.subs_product),
        short_id(r)
    );
    widgets::block(theme, heading, users_focused).render(l.detail, buf);

    let w = l.fields.width;
    let buyer = match (&r.buyer_name, &r.buyer) {
        (Some(name), Some(upn)) => format!("{name} <{upn}>"),
        _ => "none (central subscription)".to_string(),
    };
    let licenses = format!(
        "{} bought, {} assigned, {} free",
        n(r.quantity),
        n(r.assigned),
        n(r.free())
    );
    let price = format!("{} per license, {}", r.price.amount, r.price.term.as_str());
    let renew = if r.auto_renew { "yes" } else { "no" };
    let taken = match (&r.taken_over_by, r.taken_over_at) {
        (Some(by), Some(at)) => format!("{by} on {}", at.date_naive()),
        (Some(by), None) => by.clone(),
        _ => "no".to_string(),
    };
    let pay = payment(r, theme.ascii);
    let lines: Vec<Line> = if l.wide {
        let mut v = vec![
            field(
                app,
                "Product",
                &format!("{} ({})", r.product_name, r.product_id),
                w,
            ),
            field(app, "Buyer", &buyer, w),
            field(app, "Origin", origin_words(r.origin), w),
            field(app, "Licenses", &licenses, w),
            field(
                app,
                "Expires",
                &format!("{} (started {})", r.expires, r.start),
                w,
            ),
            field(app, "Price", &price, w),
            field(app, "Status", &status(r), w),
            field(app, "Payment", &pay, w),
            field(app, "Auto-renew", renew, w),
            field(app, "Taken over by", &taken, w),
        ];
        if let Some(reason) = r.cancellation_reason {
            v.push(field(app, "Cancelled", reason.as_str(), w));
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
        vec![
            field(app, "Buyer", &buyer, w),
            pair(
                field(app, "Origin", r.origin.label(), half),
                field(app, "Status", &status(r), w - half),
            ),
            pair(
                field(
                    app,
                    "Licenses",
                    &format!("{} bought, {} used", n(r.quantity), n(r.assigned)),
                    half,
                ),
                field(app, "Expires", &r.expires.to_string(), w - half),
            ),
            pair(
                field(
                    app,
                    "Price",
                    &format!("{} {}", r.price.amount, r.price.term.as_str()),
                    half,
                ),
                field(app, "Auto-renew", renew, w - half),
            ),
            pair(
                field(app, "Payment", &pay, half),
                field(app, "Taken over", &taken, w - half),
            ),
        ]
    };
    Paragraph::new(lines).render(l.fields, buf);

    if app.users.list.is_empty() {
        let msg = match &app.users.state {
            LoadState::Failed(e) => text::sanitize(e),
            LoadState::Ready => "No users hold a license of it.".to_string(),
            _ => "Loading the users…".to_string(),
        };
        Paragraph::new(Line::styled(msg, theme.dim())).render(l.users, buf);
        return;
    }
    let q = app.subs.list.folded_query();
    table::draw(
        buf,
        l.users,
        theme,
        USER_COLS,
        &app.users.list,
        users_focused,
        |line, w| match line {
            UserLine::Heading { text, users } => vec![Line::styled(
                format!(
                    "{text} · {users} user{}",
                    if *users == 1 { "" } else { "s" }
                ),
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
                cell(&u.assigned_on.to_string(), w[3], false, "", theme),
                // Paid twice: the product's license comes from another subscription too.
                cell(
                    if u.paid_twice { "twice" } else { "" },
                    w[4],
                    false,
                    "",
                    theme,
                ),
            ],
        },
    );
}

/// The status as of the clock, and whether the lifecycle steps that give it are not applied yet.
fn status(r: &SubscriptionRow) -> String {
    match r.lifecycle_due.last() {
        Some(due) => format!(
            "{} (lifecycle: {} {}, not applied)",
            r.status.as_str(),
            due.step.as_str(),
            due.on
        ),
        None => r.status.as_str().to_string(),
    }
}
