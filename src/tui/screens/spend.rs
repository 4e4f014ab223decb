//! Spend (issue 15): the run-rate and what is due, a chart of self-service spend over the last
//! 12 months and the next 3, and below it the upcoming charges, the unused licenses or the
//! savings (Tab). Bars are told apart by their glyph, not by colour: charged months solid,
//! forecast ones shaded (`#` and `:` in ASCII).

use super::field;
use crate::i18n::Lang;
use crate::text;
use crate::tui::app::layout;
use crate::tui::app::App;
use crate::tui::labels::{widest, word};
use crate::tui::list::LoadState;
use crate::tui::spend::{SpendSums, SpendTab};
use crate::tui::widgets::table::{cell, col, num, Col};
use crate::tui::widgets::{self, table};
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use selfserve_core::model::Money;
use selfserve_core::query::spend::{ChargeKind, MonthSpend, SpendReport};
use unicode_truncate::UnicodeTruncateStr;

const KIND_IDS: [&str; 4] = [
    "spend-kind-renewal",
    "spend-kind-conversion",
    "spend-kind-trial-end",
    "spend-kind-expiry",
];

fn kind_id(kind: ChargeKind) -> &'static str {
    KIND_IDS[match kind {
        ChargeKind::Renewal => 0,
        ChargeKind::Conversion => 1,
        ChargeKind::TrialEnd => 2,
        ChargeKind::Expiry => 3,
    }]
}

/// Money columns: "€1,234,567.89" and « 1 234 567,89 € » fit.
const MONEY: u16 = 13;

const UPCOMING: &[Col] = &[
    col("spend-col-date", 10),
    num("spend-col-in-days", 4),
    col("spend-col-kind", 1),
    col("spend-col-product", 0),
    col("spend-col-buyer", 0),
    num("spend-col-amount", MONEY),
];

const WASTE: &[Col] = &[
    col("spend-col-product", 0),
    col("spend-col-buyer", 0),
    num("spend-col-bought", 6),
    num("spend-col-unused", 6),
    num("spend-col-per-month", MONEY),
];

const SAVINGS: &[Col] = &[
    col("spend-col-product", 0),
    col("spend-col-buyer", 0),
    num("spend-col-users", 5),
    num("spend-col-per-month", MONEY),
    num("spend-col-per-year", MONEY),
];

pub fn draw(buf: &mut Buffer, body: Rect, app: &App) {
    let l = layout::spend(body);
    let (Some(r), Some(sums)) = (&app.spend.report, &app.spend.sums) else {
        let theme = app.session.theme;
        let lang = app.session.lang;
        let (msg, style) = match &app.spend.state {
            LoadState::Failed(e) => (text::sanitize(e), theme.error()),
            _ => (word(lang, "screen-loading-body").to_string(), theme.dim()),
        };
        widgets::block(
            theme,
            format!(" {} ", word(lang, "spend-title-screen")),
            true,
        )
        .render(body, buf);
        Paragraph::new(Line::styled(msg, style))
            .wrap(Wrap { trim: true })
            .render(widgets::inner(body), buf);
        return;
    };
    totals(buf, l.totals, app, r, sums);
    chart(buf, l.chart, app, r);
    list(buf, l.list, app);
}

fn monthly(app: &App, m: &Money) -> String {
    app.session.lang.tr(
        "spend-a-month",
        &[("amount", app.session.lang.money(m).into())],
    )
}

/// Three rows of two columns: the run-rate on the left, what is due, unused and saved on the
/// right.
fn totals(buf: &mut Buffer, area: Rect, app: &App, r: &SpendReport, sums: &SpendSums) {
    let lang = app.session.lang;
    let half = area.width / 2;
    let total = lang.tr(
        "spend-a-month-a-year",
        &[
            ("monthly", lang.money(&r.total.monthly).into()),
            ("yearly", lang.money(&r.total.yearly).into()),
        ],
    );
    let left = [
        field(
            app,
            "spend-field-self-service",
            &monthly(app, &r.self_service.monthly),
            half,
        ),
        field(
            app,
            "spend-field-central",
            &monthly(app, &r.central.monthly),
            half,
        ),
        field(app, "spend-field-total", &total, half),
    ];
    // Summed over every row when the report arrived, whatever the search below lets through.
    let right_w = area.width - half;
    // The three windows where they fit, the next 30 days alone where they do not.
    let windows = lang.tr(
        "spend-due-windows",
        &[
            ("d30", lang.money(&sums.due[0]).into()),
            ("d60", lang.money(&sums.due[1]).into()),
            ("d90", lang.money(&sums.due[2]).into()),
        ],
    );
    let label_w = text::width(word(lang, "spend-field-due")) + 1;
    let due_line = if label_w + text::width(&windows) <= usize::from(right_w) {
        field(app, "spend-field-due", &windows, right_w)
    } else {
        field(
            app,
            "spend-field-due-30",
            &lang.money(&sums.due[0]),
            right_w,
        )
    };
    let right = [
        due_line,
        field(
            app,
            "spend-field-unused",
            &monthly(app, &sums.unused),
            right_w,
        ),
        field(
            app,
            "spend-field-saving",
            &monthly(app, &sums.saving),
            right_w,
        ),
    ];
    for (i, (a, b)) in left.iter().zip(&right).enumerate() {
        let y = area.y + i as u16;
        if y >= area.bottom() {
            break;
        }
        buf.set_line(area.x, y, a, half);
        buf.set_line(area.x + half, y, b, right_w);
    }
}

/// Eighths of a cell, from empty to full.
const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

fn chart(buf: &mut Buffer, area: Rect, app: &App, r: &SpendReport) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    widgets::block(
        theme,
        format!(" {} ", word(lang, "spend-chart-title")),
        false,
    )
    .render(area, buf);
    let inner = widgets::inner(area);
    let months = &r.history;
    if inner.height < 3 || months.is_empty() {
        return;
    }
    let (charged, forecast) = if theme.ascii {
        ("#", ":")
    } else {
        ("█", "░")
    };
    let top = months
        .iter()
        .map(|m| m.charged.minor.saturating_add(m.forecast.minor))
        .max()
        .unwrap_or(0)
        .max(0);
    // The legend on the last row, the months' labels above it, the bars above them.
    let legend = lang.tr(
        "spend-chart-legend",
        &[
            ("charged", charged.into()),
            ("forecast", forecast.into()),
            ("top", lang.money(&Money::new(top, &r.currency)).into()),
        ],
    );
    let legend_y = inner.bottom() - 1;
    buf.set_line(
        inner.x,
        legend_y,
        &Line::styled(
            text::truncate(&legend, usize::from(inner.width)),
            theme.dim(),
        ),
        inner.width,
    );
    let rows = inner.height - 2;
    let labels_y = legend_y - 1;
    let slot = (inner.width / months.len() as u16).max(2);
    let bar = (slot - 1).min(8);
    let left = inner.x + (inner.width.saturating_sub(slot * months.len() as u16)) / 2;
    let eighths = i64::from(rows) * 8;
    let height = |v: i64| -> i64 {
        if v <= 0 || top <= 0 {
            0
        } else {
            // Rounded, and never nothing for something.
            ((v.saturating_mul(eighths) + top / 2) / top).clamp(1, eighths)
        }
    };
    // A column between labels at least.
    let labels = month_labels(lang, months, usize::from(slot - 1));
    for (i, (m, label)) in months.iter().zip(&labels).enumerate() {
        let x = left + slot * i as u16;
        if x + bar > inner.right() {
            break;
        }
        let made = height(m.charged.minor);
        let whole = height(m.charged.minor.saturating_add(m.forecast.minor));
        draw_bar(
            buf,
            x,
            labels_y,
            bar,
            rows,
            made,
            whole,
            charged,
            forecast,
            theme.ascii,
        );
        let lx = x + bar.saturating_sub(text::width(label) as u16) / 2;
        buf.set_string(lx, labels_y, label, theme.dim());
    }
}

/// One column of `bar` cells: `made` eighths solid from the bottom (`base` is the row below
/// the bar), then shaded up to `whole` eighths. ASCII has whole cells only: each part is
/// rounded to cells, and a part that is something shows at least one.
#[allow(clippy::too_many_arguments)]
fn draw_bar(
    buf: &mut Buffer,
    x: u16,
    base: u16,
    bar: u16,
    rows: u16,
    made: i64,
    whole: i64,
    charged: &str,
    forecast: &str,
    ascii: bool,
) {
    for row in 0..rows {
        let y = base - 1 - row;
        let floor = i64::from(row) * 8;
        let symbol = if ascii {
            let cells = |e: i64| (e + 4) / 8;
            let made_cells = if made > 0 { cells(made).max(1) } else { 0 };
            let whole_cells = if whole > made {
                cells(whole).max(made_cells + 1)
            } else {
                made_cells
            };
            if i64::from(row) < made_cells {
                charged
            } else if i64::from(row) < whole_cells {
                forecast
            } else {
                continue;
            }
        } else if made >= floor + 8 {
            charged
        } else if made > floor {
            EIGHTHS[(made - floor) as usize]
        } else if whole > floor && whole > made {
            // The forecast in whole cells above what was charged.
            forecast
        } else {
            continue;
        };
        for dx in 0..bar {
            buf[(x + dx, y)].set_symbol(symbol);
        }
    }
}

/// The months' short names, January first: from the catalogue, as chrono names months in
/// English only.
const MONTHS: [&str; 12] = [
    "spend-month-jan",
    "spend-month-feb",
    "spend-month-mar",
    "spend-month-apr",
    "spend-month-may",
    "spend-month-jun",
    "spend-month-jul",
    "spend-month-aug",
    "spend-month-sep",
    "spend-month-oct",
    "spend-month-nov",
    "spend-month-dec",
];

/// The months' labels in at most `room` columns each, all in one form: short name and the
/// year's last two digits where they fit (the chart spans two years), else the names alone,
/// else the names without their abbreviation dot, cut.
fn month_labels(lang: Lang, months: &[MonthSpend], room: usize) -> Vec<String> {
    let names: Vec<&str> = months
        .iter()
        .map(|m| word(lang, MONTHS[m.month.month0() as usize]))
        .collect();
    let fits = |labels: &[String]| labels.iter().all(|l| text::width(l) <= room);
    let with_year: Vec<String> = names
        .iter()
        .zip(months)
        .map(|(name, m)| format!("{name} {}", m.month.format("%y")))
        .collect();
    if fits(&with_year) {
        return with_year;
    }
    let alone: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    if fits(&alone) {
        return alone;
    }
    names
        .iter()
        .map(|n| n.trim_end_matches('.').unicode_truncate(room).0.to_string())
        .collect()
}

fn list(buf: &mut Buffer, area: Rect, app: &App) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let s = &app.spend;
    // The tabs by name, the shown one in brackets: readable without colour.
    let names: Vec<String> = SpendTab::ALL
        .iter()
        .map(|t| {
            let name = word(lang, t.name());
            if *t == s.tab {
                format!("[{name}]")
            } else {
                name.to_string()
            }
        })
        .collect();
    let what = names.join(" ");
    let position = match s.tab {
        SpendTab::Upcoming => table::position(&s.upcoming, lang),
        SpendTab::Waste => table::position(&s.waste, lang),
        SpendTab::Savings => table::position(&s.savings, lang),
    };
    let heading = format!(" {what} · {position} ");
    widgets::block(theme, heading, true).render(area, buf);
    let inner = widgets::inner(area);
    let central = word(lang, "spend-central-buyer");
    // A wide window has room for the quantity and the subscription's id too.
    let wide = inner.width >= 120;
    let extra = |cols: &mut Vec<Col>| {
        if wide {
            cols.push(num("spend-col-quantity", 6));
            cols.push(col("spend-col-subscription", 36));
        }
    };
    let more = |cells: &mut Vec<Line<'static>>, w: &[u16], quantity: u32, id: String| {
        if wide {
            let n = cells.len();
            cells.push(cell(
                &lang.count(i64::from(quantity)),
                w[n],
                true,
                "",
                theme,
            ));
            cells.push(cell(&id, w[n + 1], false, "", theme));
        }
    };
    match s.tab {
        SpendTab::Upcoming => {
            if s.upcoming.is_empty() {
                return empty(buf, inner, app, "spend-upcoming-empty");
            }
            let q = s.upcoming.folded_query();
            let mut cols = UPCOMING.to_vec();
            cols[2] = cols[2].needs(widest(lang, &KIND_IDS));
            extra(&mut cols);
            table::draw(buf, inner, theme, lang, &cols, &s.upcoming, true, |c, w| {
                let mut cells = vec![
                    cell(&lang.date(c.on), w[0], false, "", theme),
                    cell(&lang.count(i64::from(c.days)), w[1], true, "", theme),
                    cell(word(lang, kind_id(c.kind)), w[2], false, "", theme),
                    cell(&c.product_name, w[3], false, q, theme),
                    cell(
                        c.buyer_name.as_deref().unwrap_or(central),
                        w[4],
                        false,
                        q,
                        theme,
                    ),
                    cell(&lang.money(&c.amount), w[5], true, "", theme),
                ];
                more(&mut cells, w, c.quantity, c.subscription.to_string());
                cells
            });
        }
        SpendTab::Waste => {
            if s.waste.is_empty() {
                return empty(buf, inner, app, "spend-waste-empty");
            }
            let q = s.waste.folded_query();
            let mut cols = WASTE.to_vec();
            if wide {
                cols.push(col("spend-col-subscription", 36));
            }
            table::draw(buf, inner, theme, lang, &cols, &s.waste, true, |v, w| {
                let mut cells = vec![
                    cell(&v.product_name, w[0], false, q, theme),
                    cell(
                        v.buyer_name.as_deref().unwrap_or(central),
                        w[1],
                        false,
                        q,
                        theme,
                    ),
                    cell(&lang.count(i64::from(v.quantity)), w[2], true, "", theme),
                    cell(&lang.count(i64::from(v.unused)), w[3], true, "", theme),
                    cell(&lang.money(&v.monthly), w[4], true, "", theme),
                ];
                if wide {
                    cells.push(cell(&v.subscription.to_string(), w[5], false, "", theme));
                }
                cells
            });
        }
        SpendTab::Savings => {
            if s.savings.is_empty() {
                return empty(buf, inner, app, "spend-savings-empty");
            }
            let q = s.savings.folded_query();
            let mut cols = SAVINGS.to_vec();
            if wide {
                cols.push(col("spend-col-subscription", 36));
            }
            table::draw(buf, inner, theme, lang, &cols, &s.savings, true, |v, w| {
                let mut cells = vec![
                    cell(&v.product_name, w[0], false, q, theme),
                    cell(v.buyer.as_deref().unwrap_or(central), w[1], false, q, theme),
                    cell(&lang.count(i64::from(v.users)), w[2], true, "", theme),
                    cell(&lang.money(&v.rate.monthly), w[3], true, "", theme),
                    cell(&lang.money(&v.rate.yearly), w[4], true, "", theme),
                ];
                if wide {
                    cells.push(cell(&v.subscription.to_string(), w[5], false, "", theme));
                }
                cells
            });
        }
    }
}

fn empty(buf: &mut Buffer, area: Rect, app: &App, id: &'static str) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let msg = if app.query().is_empty() {
        word(lang, id)
    } else {
        word(lang, "screen-no-match")
    };
    Paragraph::new(Line::styled(msg, theme.dim()))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
