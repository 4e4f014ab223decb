//! `view`: a pure function of the state. Each screen draws itself into the body; the tab line
//! and the status lines frame it, and the open dialog draws itself over it. Where each part goes
//! is `app::layout`, which `update` asks too.

pub mod audit;
pub mod export;
pub mod help;
pub mod outbox;
pub mod policies;
pub mod products;
pub mod spend;
pub mod status;
pub mod subscriptions;

use super::action::{Action, Screen};
use super::app::layout::{body, MIN};
use super::app::App;
use super::keymap;
use super::list::{LoadState, Pane};
use super::widgets;
use crate::i18n::Lang;
use crate::text;
use crate::tui::labels::word;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    render(frame.buffer_mut(), area, app);
}

/// Draws the whole dashboard into `buf`.
pub fn render(buf: &mut Buffer, area: Rect, app: &App) {
    if area.width < MIN.0 || area.height < MIN.1 {
        too_small(buf, area, app.session.lang);
        return;
    }
    let theme = app.session.theme;
    tabs(buf, Rect { height: 1, ..area }, app);
    let b = body(area);
    match app.screen {
        Screen::Products => products::draw(buf, b, app),
        Screen::Subscriptions => subscriptions::draw(buf, b, app),
        Screen::Policies => policies::draw(buf, b, app),
        Screen::Export => export::draw(buf, b, app),
        Screen::Audit => audit::draw(buf, b, app),
        Screen::Outbox => outbox::draw(buf, b, app),
        Screen::Spend => spend::draw(buf, b, app),
        Screen::Help => help::draw(buf, b, app),
    }
    let bottom = area.bottom();
    status::draw_message(
        buf,
        Rect {
            y: bottom - 2,
            height: 1,
            ..area
        },
        app,
    );
    status::draw_status(
        buf,
        Rect {
            y: bottom - 1,
            height: 1,
            ..area
        },
        app,
    );
    if let Some(d) = &app.dialog {
        d.draw(buf, b, theme);
    }
    if theme.ascii {
        ascii_symbols(buf, area);
    }
    if theme.transliterate {
        transliterate(buf, area);
    }
}

/// Where only ASCII shows, the few symbols the screens draw become ASCII ones. Names in the data
/// keep their letters: the terminal shows what it can of them, and columns stay put either way.
fn ascii_symbols(buf: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let ascii = match cell.symbol() {
                "·" => "-",
                "…" => "~",
                "▏" => "_",
                "│" => "|",
                "•" => "*",
                "✓" => "x",
                "↑" => "^",
                "↓" => "v",
                _ => continue,
            };
            cell.set_symbol(ascii);
        }
    }
}

/// Under a locale that is not UTF-8, what is left beyond ASCII (names from the data) is written
/// transliterated ("Zoë" as "Zoe"), or `?`, in the same columns: a character two columns wide
/// gets two ASCII characters.
fn transliterate(buf: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let symbol = buf[(x, y)].symbol().to_string();
            let cols = text::width(&symbol).max(1) as u16;
            if !symbol.is_ascii() {
                let mut ascii: Vec<char> = text::ascii(&symbol)
                    .chars()
                    .filter(|c| c.is_ascii_graphic() || *c == ' ')
                    .collect();
                if ascii.is_empty() {
                    ascii.push('?');
                }
                for i in 0..cols.min(area.right() - x) {
                    let c = ascii.get(usize::from(i)).copied().unwrap_or(' ');
                    buf[(x + i, y)].set_char(c);
                }
            }
            x += cols;
        }
    }
}

fn too_small(buf: &mut Buffer, area: Rect, lang: Lang) {
    // Sizes are not counts: no grouping, whatever the language.
    let text = lang.tr(
        "screen-too-small",
        &[
            ("width", area.width.to_string().into()),
            ("height", area.height.to_string().into()),
            ("min_width", MIN.0.to_string().into()),
            ("min_height", MIN.1.to_string().into()),
        ],
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// The demo badge at the right of the tab line, where the tenant is the demo.
fn demo_badge(app: &App) -> Option<String> {
    app.session
        .demo
        .then(|| format!(" {} ", app.session.lang.t("status-demo")))
}

/// Each screen's label on the tab line of a window `width` wide, in order, one space after
/// each. Where they do not all fit beside the demo badge, the inactive tabs from the right keep
/// only their key, Help's name the longest (it is where every key is found).
fn tab_labels(app: &App, width: u16) -> Vec<(Screen, String)> {
    let room = usize::from(width).saturating_sub(demo_badge(app).as_deref().map_or(0, text::width));
    let mut tabs: Vec<(Screen, String, Option<String>)> = Screen::ALL
        .iter()
        .map(|&s| {
            // The key the session has for the screen, where the config file rebinds it.
            let key = keymap::first_key(&app.session, |b| match (&b.action, s) {
                (Action::Help, Screen::Help) => true,
                (Action::Goto(to), _) => *to == s,
                _ => false,
            })
            .unwrap_or_else(|| s.key().to_string());
            (s, key, Some(s.tab(app.session.lang)))
        })
        .collect();
    let used = |tabs: &[(Screen, String, Option<String>)]| -> usize {
        tabs.iter()
            .map(|(_, k, n)| text::width(k) + n.as_deref().map_or(0, |n| 1 + text::width(n)) + 1)
            .sum()
    };
    let help_last = (0..tabs.len())
        .rev()
        .filter(|&i| tabs[i].0 != Screen::Help)
        .chain((0..tabs.len()).filter(|&i| tabs[i].0 == Screen::Help));
    for i in help_last.collect::<Vec<_>>() {
        if used(&tabs) <= room {
            break;
        }
        if tabs[i].0 != app.screen {
            tabs[i].2 = None;
        }
    }
    tabs.into_iter()
        .map(|(s, key, name)| match name {
            Some(name) => (s, format!("{key} {name}")),
            None => (s, key),
        })
        .collect()
}

/// The screen whose label on the tab line covers `column` (a click).
pub fn tab_at(app: &App, column: u16) -> Option<Screen> {
    let mut x = 0;
    for (s, label) in tab_labels(app, app.size.0) {
        let w = text::width(&label);
        if (x..x + w).contains(&usize::from(column)) {
            return Some(s);
        }
        x += w + 1;
    }
    None
}

fn tabs(buf: &mut Buffer, area: Rect, app: &App) {
    let theme = app.session.theme;
    let mut spans = Vec::new();
    for (s, label) in tab_labels(app, area.width) {
        spans.push(Span::styled(label, theme.tab(s == app.screen)));
        spans.push(Span::raw(" "));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    if let Some(badge) = demo_badge(app) {
        let x = area.right().saturating_sub(text::width(&badge) as u16);
        buf.set_line(x, area.y, &Line::styled(badge, theme.demo()), area.width);
    }
}

/// How many rows the current screen's search lets through.
pub fn shown_rows(app: &App) -> usize {
    app.list_of(app.screen).map_or(0, |l| l.shown_len())
}

/// A pane's title, with where the cursor is or what the load is doing.
pub fn title<T>(what: &str, pane: &Pane<T>, lang: Lang) -> String {
    let position = || widgets::table::position(&pane.list, lang);
    let state = match &pane.state {
        LoadState::Loading if pane.list.total() == 0 => word(lang, "screen-loading").to_string(),
        LoadState::Loading => lang.tr("screen-updating", &[("position", position().into())]),
        LoadState::Failed(_) => word(lang, "screen-unreadable").to_string(),
        LoadState::Idle | LoadState::Ready => position(),
    };
    format!(" {} · {state} ", text::sanitize(what))
}

/// What an empty or failed pane says in its body; `empty` is the message id for a pane
/// with nothing to show.
pub fn placeholder<T>(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    pane: &Pane<T>,
    empty: &'static str,
) {
    let theme = app.session.theme;
    let lang = app.session.lang;
    let (msg, style) = match &pane.state {
        LoadState::Loading | LoadState::Idle => {
            (word(lang, "screen-loading-body").to_string(), theme.dim())
        }
        LoadState::Failed(e) => (text::sanitize(e), theme.error()),
        LoadState::Ready if !pane.list.query().is_empty() => {
            (word(lang, "screen-no-match").to_string(), theme.dim())
        }
        LoadState::Ready => (word(lang, empty).to_string(), theme.dim()),
    };
    Paragraph::new(Line::styled(msg, style))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// "label: value" as one line, the label dimmed, cut to `width`. `label` is the message id of
/// the label with its colon ("Buyer:", « Acheteur : »).
pub fn field(app: &App, label: &'static str, value: &str, width: u16) -> Line<'static> {
    let theme = app.session.theme;
    let label = format!("{} ", word(app.session.lang, label));
    let room = usize::from(width).saturating_sub(text::width(&label));
    Line::from(vec![
        Span::styled(label, theme.dim()),
        Span::raw(text::truncate(value, room)),
    ])
}
