//! Styles from the sixteen named ANSI colours (they follow the terminal's own palette, light or
//! dark); with NO_COLOR only bold, reverse and underline remain. ASCII borders where the locale
//! is not UTF-8 or with `--ascii`. Each role's colour may be changed in the config file's
//! `[theme]` (`Palette`).

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
    /// The terminal cannot show more than ASCII (its locale is not UTF-8): text from the data
    /// is transliterated too, rather than written as bytes it would garble.
    pub transliterate: bool,
    /// The colour of each role.
    pub palette: Palette,
}

/// The colour of each role the screens draw with: `None` leaves the terminal's own colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub title: Option<Color>,
    pub header: Option<Color>,
    pub selection: Option<Color>,
    pub matched: Option<Color>,
    pub dim: Option<Color>,
    pub warning: Option<Color>,
    pub ok: Option<Color>,
    pub demo: Option<Color>,
    pub tab: Option<Color>,
    pub key: Option<Color>,
    pub status: Option<Color>,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            title: Some(Color::Cyan),
            header: None,
            selection: None,
            matched: Some(Color::Yellow),
            dim: Some(Color::DarkGray),
            warning: Some(Color::Red),
            ok: Some(Color::Green),
            demo: Some(Color::Yellow),
            tab: Some(Color::Cyan),
            key: Some(Color::Cyan),
            status: None,
        }
    }
}

/// The roles, as the config file's `[theme]` names them.
pub const ROLES: [&str; 11] = [
    "title",
    "header",
    "selection",
    "match",
    "dim",
    "warning",
    "ok",
    "demo",
    "tab",
    "key",
    "status",
];

/// The names a colour may be given: the sixteen ANSI colours, and `default` for the terminal's.
pub const COLOURS: [(&str, Option<Color>); 17] = [
    ("default", None),
    ("black", Some(Color::Black)),
    ("red", Some(Color::Red)),
    ("green", Some(Color::Green)),
    ("yellow", Some(Color::Yellow)),
    ("blue", Some(Color::Blue)),
    ("magenta", Some(Color::Magenta)),
    ("cyan", Some(Color::Cyan)),
    ("gray", Some(Color::Gray)),
    ("dark-gray", Some(Color::DarkGray)),
    ("light-red", Some(Color::LightRed)),
    ("light-green", Some(Color::LightGreen)),
    ("light-yellow", Some(Color::LightYellow)),
    ("light-blue", Some(Color::LightBlue)),
    ("light-magenta", Some(Color::LightMagenta)),
    ("light-cyan", Some(Color::LightCyan)),
    ("white", Some(Color::White)),
];

/// The colour called `name` (`Some(None)` for `default`), or None for a name that is none.
pub fn colour(name: &str) -> Option<Option<Color>> {
    COLOURS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, c)| *c)
}

/// The name of `colour`, as `colour` reads it.
pub fn colour_name(colour: Option<Color>) -> &'static str {
    COLOURS
        .iter()
        .find(|(_, c)| *c == colour)
        .map_or("default", |(n, _)| n)
}

impl Palette {
    /// The slot of the role called `role` (one of `ROLES`).
    pub fn role_mut(&mut self, role: &str) -> Option<&mut Option<Color>> {
        Some(match role {
            "title" => &mut self.title,
            "header" => &mut self.header,
            "selection" => &mut self.selection,
            "match" => &mut self.matched,
            "dim" => &mut self.dim,
            "warning" => &mut self.warning,
            "ok" => &mut self.ok,
            "demo" => &mut self.demo,
            "tab" => &mut self.tab,
            "key" => &mut self.key,
            "status" => &mut self.status,
            _ => return None,
        })
    }

    /// The colour of the role called `role` (one of `ROLES`).
    pub fn role(&self, role: &str) -> Option<Color> {
        let mut copy = *self;
        copy.role_mut(role).and_then(|c| *c)
    }
}

const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// From the environment: NO_COLOR (any non-empty value) and the locale; `palette` from the
    /// config file.
    pub fn from_env(force_ascii: bool, palette: Palette) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let utf8 = crate::text::locale_is_utf8();
        Theme {
            color: !no_color,
            ascii: force_ascii || !utf8,
            transliterate: !utf8,
            palette,
        }
    }

    fn fg(self, c: Option<Color>) -> Style {
        match c {
            Some(c) if self.color => Style::new().fg(c),
            _ => Style::new(),
        }
    }

    pub fn border(self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::ROUNDED
        }
    }

    pub fn title(self) -> Style {
        self.fg(self.palette.title).add_modifier(Modifier::BOLD)
    }

    pub fn header(self) -> Style {
        self.fg(self.palette.header)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn selected(self, focused: bool) -> Style {
        let style = self.fg(self.palette.selection);
        if focused {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style.add_modifier(Modifier::BOLD)
        }
    }

    pub fn matched(self) -> Style {
        match self.palette.matched {
            Some(c) if self.color => Style::new().fg(c).add_modifier(Modifier::BOLD),
            _ => Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        }
    }

    pub fn dim(self) -> Style {
        self.fg(self.palette.dim)
    }

    pub fn error(self) -> Style {
        self.fg(self.palette.warning).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(self.palette.ok)
    }

    pub fn demo(self) -> Style {
        match self.palette.demo {
            Some(c) if self.color => Style::new()
                .fg(Color::Black)
                .bg(c)
                .add_modifier(Modifier::BOLD),
            _ => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    pub fn tab(self, active: bool) -> Style {
        if active {
            self.fg(self.palette.tab)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new()
        }
    }

    pub fn key(self) -> Style {
        self.fg(self.palette.key).add_modifier(Modifier::BOLD)
    }

    pub fn status(self) -> Style {
        self.fg(self.palette.status)
            .add_modifier(Modifier::REVERSED)
    }
}
