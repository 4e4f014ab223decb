//! The mouse (issue 16, point 5): off unless the config file turns it on; then a click on the
//! tab line changes screen, a click on a row selects it as the arrow keys would, the wheel
//! moves the cursor. Events go in as crossterm gives them.

use super::{session, Harness};
use crate::i18n::Lang;
use crate::tui::action::Screen;
use crate::tui::app::Focus;
use crate::tui::session::Session;
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn with_mouse(lang: Lang) -> Harness {
    Harness::with_session(
        80,
        24,
        Session {
            mouse: true,
            lang,
            ..session(false)
        },
    )
}

fn event(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn click(h: &mut Harness, column: u16, row: u16) {
    h.mouse(event(MouseEventKind::Down(MouseButton::Left), column, row));
}

fn wheel(h: &mut Harness, down: bool) {
    let kind = if down {
        MouseEventKind::ScrollDown
    } else {
        MouseEventKind::ScrollUp
    };
    h.mouse(event(kind, 40, 10));
}

/// The column where `text` starts on screen row `row`.
fn column_of(h: &Harness, row: usize, text: &str) -> u16 {
    let screen = h.render();
    let line = screen.lines().nth(row).expect("the row").trim_matches('"');
    let at = line
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} on {line:?}"));
    line[..at].chars().count() as u16
}

#[test]
fn without_the_config_file_saying_so_the_mouse_does_nothing() {
    let mut h = Harness::new(80, 24);
    let before = h.render();
    let x = column_of(&h, 0, "Policies");
    click(&mut h, x, 0);
    click(&mut h, 10, 5);
    wheel(&mut h, true);
    assert_eq!(h.app.screen, Screen::Products);
    assert_eq!(h.app.products.list.cursor, 0);
    assert_eq!(h.render(), before);
}

#[test]
fn a_click_on_the_tab_line_goes_to_that_screen() {
    for (lang, policies, help, products) in [
        (Lang::En, "Policies", "Help", "Products"),
        (Lang::Fr, "Stratégies", "Aide", "Produits"),
    ] {
        let mut h = with_mouse(lang);
        let x = column_of(&h, 0, policies);
        click(&mut h, x + 2, 0);
        assert_eq!(h.app.screen, Screen::Policies, "{lang:?}");
        // Help goes back where it came from, as `?` does.
        let x = column_of(&h, 0, help);
        click(&mut h, x, 0);
        assert_eq!(h.app.screen, Screen::Help);
        assert_eq!(h.app.help_from, Screen::Policies);
        let x = column_of(&h, 0, products);
        click(&mut h, x, 0);
        assert_eq!(h.app.screen, Screen::Products);
        // Between two labels, or right of the last: nothing.
        click(&mut h, x - 1, 0);
        click(&mut h, 79, 0);
        assert_eq!(h.app.screen, Screen::Products);
    }
}

#[test]
fn a_click_on_a_row_selects_it_as_the_arrow_keys_would() {
    let mut h = with_mouse(Lang::En);
    // The list's border is row 1 and its header row 2: the third product is on row 5.
    click(&mut h, 10, 5);
    assert_eq!(h.app.products.list.cursor, 2);
    let clicked = h.render();
    let mut keys = Harness::new(80, 24);
    keys.keys("<Down><Down>");
    assert_eq!(clicked, keys.render());
    // The header, the border and the status lines select nothing.
    for row in [1, 2, 22, 23] {
        click(&mut h, 10, row);
        assert_eq!(h.app.products.list.cursor, 2, "row {row}");
    }
    // Below the last of the 17 products, inside the pane: nothing either.
    assert_eq!(h.app.products.list.len(), 17);
    click(&mut h, 10, 3 + 17);
    assert_eq!(h.app.products.list.cursor, 2);
}

#[test]
fn the_wheel_moves_the_cursor_and_scrolls_help() {
    let mut h = with_mouse(Lang::En);
    wheel(&mut h, true);
    wheel(&mut h, true);
    wheel(&mut h, true);
    wheel(&mut h, false);
    assert_eq!(h.app.products.list.cursor, 2);
    h.keys("?");
    wheel(&mut h, true);
    assert_eq!(h.app.help_scroll, 1);
}

#[test]
fn on_the_subscriptions_screen_a_click_picks_the_list_or_a_user() {
    let mut h = with_mouse(Lang::En);
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Subscriptions);
    assert!(h.app.users_count > 0);
    // The users table sits below the list and the fields; click its second line.
    let y = (0..24u16)
        .find(|&y| {
            h.render()
                .lines()
                .nth(usize::from(y))
                .is_some_and(|l| l.contains("User principal name"))
        })
        .unwrap_or_else(|| panic!("the users' header row:\n{}", h.render()));
    click(&mut h, 10, y + 2);
    assert_eq!(h.app.focus, Focus::Users);
    assert_eq!(h.app.users.list.cursor, 1);
    // A click on the list above gives it the focus back, on the row clicked.
    click(&mut h, 10, 4);
    assert_eq!(h.app.focus, Focus::List);
    assert_eq!(h.app.subs.list.cursor, 1);
    insta::assert_snapshot!("mouse_subscriptions_clicked_80x24", h.render());
}

#[test]
fn over_a_dialog_or_while_typing_a_search_the_mouse_does_nothing() {
    let mut h = with_mouse(Lang::En);
    h.keys("/");
    click(&mut h, 10, 5);
    wheel(&mut h, true);
    assert_eq!(h.app.products.list.cursor, 0);
    h.keys("<Esc><Enter>c");
    assert!(h.app.dialog.is_some());
    let x = column_of(&h, 0, "Policies");
    click(&mut h, x, 0);
    assert_eq!(h.app.screen, Screen::Subscriptions);
    assert!(h.app.dialog.is_some());
}
