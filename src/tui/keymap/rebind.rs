//! Keys rebound by the config file's `[keys]`: an action of the table (a screen's or every
//! screen's; a dialog's keys stay the dialog's own, so only `y` ever confirms) given other keys.
//! The table keeps its defaults; dispatch and help both ask `Rebound` for a row's keys, so
//! they agree on a rebound key as they do on the table.

use super::{scope_has, Binding, Scope, BINDINGS};
use crate::tui::action::Screen;
use crate::tui::input::{ctrl, Key};
use crossterm::event::KeyCode;
use std::collections::HashMap;
use std::sync::Arc;

/// The rows' keys as rebound, by the row's address in the static table.
#[derive(Debug, Clone, Default)]
pub struct Rebound {
    rows: Arc<HashMap<usize, (Vec<Key>, String)>>,
}

fn row(b: &Binding) -> usize {
    b as *const Binding as usize
}

/// Why a rebinding is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RebindError {
    /// No action of the table is called that.
    UnknownAction,
    /// This key name means nothing (as written).
    BadKey(String),
    /// No key at all.
    NoKey,
    /// The key already does `other` on `screen`.
    Clash {
        key: String,
        other: String,
        screen: Screen,
    },
}

/// The name the config file gives `b`, where it may be rebound: its help id less `key-`, and
/// its screen after it where rows of several screens share the help (`details-audit`).
pub fn name_of(b: &Binding) -> Option<String> {
    let rebindable = |b: &Binding| matches!(b.scope, Scope::Global | Scope::On(_));
    if !rebindable(b) {
        return None;
    }
    let id = b.help.strip_prefix("key-").unwrap_or(b.help);
    let shared = BINDINGS
        .iter()
        .filter(|o| rebindable(o) && o.help == b.help)
        .count()
        > 1;
    Some(match b.scope {
        Scope::On([screen, ..]) if shared => {
            format!("{id}-{}", format!("{screen:?}").to_lowercase())
        }
        _ => id.to_string(),
    })
}

/// Every action that may be rebound, in the table's order.
pub fn action_names() -> Vec<String> {
    BINDINGS.iter().filter_map(name_of).collect()
}

impl Rebound {
    /// The table as it is, plus `binds`: (action name, key names), in the file's order. The
    /// first error is returned with the index of the entry it is about.
    pub fn new(binds: &[(String, Vec<String>)]) -> Result<Rebound, (usize, RebindError)> {
        let mut rows = HashMap::new();
        for (i, (name, names)) in binds.iter().enumerate() {
            let Some(b) = BINDINGS
                .iter()
                .find(|b| name_of(b).as_deref() == Some(name.as_str()))
            else {
                return Err((i, RebindError::UnknownAction));
            };
            if names.is_empty() {
                return Err((i, RebindError::NoKey));
            }
            let keys = names
                .iter()
                .map(|n| parse_key(n).ok_or_else(|| RebindError::BadKey(n.clone())))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| (i, e))?;
            let label = keys.iter().map(|k| key_label(*k)).collect::<Vec<_>>();
            rows.insert(row(b), (keys, label.join(" ")));
        }
        let rebound = Rebound {
            rows: Arc::new(rows),
        };
        rebound.clashes(binds)?;
        Ok(rebound)
    }

    /// The keys of `b`, as rebound.
    pub fn keys<'a>(&'a self, b: &'a Binding) -> &'a [Key] {
        match self.rows.get(&row(b)) {
            Some((keys, _)) => keys,
            None => b.keys,
        }
    }

    /// How help names the keys of `b`, as rebound.
    pub fn label<'a>(&'a self, b: &'a Binding) -> &'a str {
        match self.rows.get(&row(b)) {
            Some((_, label)) => label,
            None => b.label,
        }
    }

    /// A rebound key that another action already has on some screen (Ctrl-C always quits).
    fn clashes(&self, binds: &[(String, Vec<String>)]) -> Result<(), (usize, RebindError)> {
        let entry = |b: &Binding| {
            let name = name_of(b)?;
            binds.iter().position(|(n, _)| *n == name)
        };
        let quit = BINDINGS.iter().find(|b| b.help == "key-quit");
        for screen in Screen::ALL {
            let mut seen: Vec<(Key, &Binding)> = quit.map(|q| (ctrl('c'), q)).into_iter().collect();
            for b in BINDINGS.iter().filter(|b| scope_has(b.scope, screen)) {
                for key in self.keys(b) {
                    let Some((_, other)) = seen.iter().find(|(k, o)| k == key && row(o) != row(b))
                    else {
                        seen.push((*key, b));
                        continue;
                    };
                    // Report it on the entry that rebound one of the two.
                    let (mine, theirs) = match entry(b) {
                        Some(i) => (i, *other),
                        None => (entry(other).unwrap_or(0), b),
                    };
                    return Err((
                        mine,
                        RebindError::Clash {
                            key: key_label(*key),
                            other: name_of(theirs).unwrap_or_default(),
                            screen,
                        },
                    ));
                }
            }
        }
        Ok(())
    }
}

/// A key as the config file writes it: one character (`x`, `X`, `?`), `ctrl-x`, or a name:
/// `enter`, `esc`, `tab`, `backspace`, `space`, `up`, `down`, `left`, `right`, `pgup`,
/// `pgdn`, `home`, `end`, `delete`, `insert`, `f1`…`f12` (names in any case).
pub fn parse_key(name: &str) -> Option<Key> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(Key {
            code: KeyCode::Char(c),
            ctrl: false,
        });
    }
    let lower = name.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("ctrl-").or(lower.strip_prefix("ctrl+")) {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphanumeric() => Some(ctrl(c)),
            _ => None,
        };
    }
    let code = match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        f => match f.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            Some(n @ 1..=12) => KeyCode::F(n),
            _ => return None,
        },
    };
    Some(Key { code, ctrl: false })
}

/// How help names a key, as the table's labels do (`q`, `Ctrl-C`, `↑`, `PgDn`, `Space`).
pub fn key_label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if key.ctrl => c.to_ascii_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// The config file's spelling of a key, as `parse_key` reads it back (for `config show`).
pub fn key_name(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::PageDown => "pgdn".into(),
        other => key_label(Key {
            code: other,
            ctrl: false,
        })
        .to_ascii_lowercase(),
    };
    if key.ctrl {
        format!("ctrl-{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_name_of_its_own() {
        let names = action_names();
        for (i, name) in names.iter().enumerate() {
            assert!(!names[..i].contains(name), "{name} twice");
        }
        assert!(names.contains(&"details-audit".to_string()), "{names:?}");
    }

    #[test]
    fn every_key_name_reads_back_as_written() {
        for b in BINDINGS.iter().filter(|b| name_of(b).is_some()) {
            for key in b.keys {
                assert_eq!(parse_key(&key_name(*key)), Some(*key), "{key:?}");
            }
        }
        assert_eq!(parse_key("ctrl-x"), Some(ctrl('x')));
        assert_eq!(parse_key("F5").map(|k| k.code), Some(KeyCode::F(5)));
        assert_eq!(parse_key("hyper-x"), None);
        assert_eq!(parse_key("f13"), None);
    }

    #[test]
    fn a_key_that_another_action_has_is_refused_naming_it() {
        let binds = vec![("cancel".to_string(), vec!["m".to_string()])];
        let (i, e) = Rebound::new(&binds).expect_err("m moves users");
        assert_eq!(i, 0);
        assert_eq!(
            e,
            RebindError::Clash {
                key: "m".into(),
                other: "move".into(),
                screen: Screen::Subscriptions
            }
        );
        let binds = vec![("help".to_string(), vec!["ctrl-c".to_string()])];
        assert!(matches!(
            Rebound::new(&binds),
            Err((0, RebindError::Clash { ref other, .. })) if other == "quit"
        ));
        // Swapping two keys is fine when both move.
        let binds = vec![
            ("cancel".to_string(), vec!["m".to_string()]),
            ("move".to_string(), vec!["c".to_string()]),
        ];
        assert!(Rebound::new(&binds).is_ok());
        let binds = vec![("yes".to_string(), vec!["Y".to_string()])];
        assert_eq!(
            Rebound::new(&binds).expect_err("a dialog's").1,
            RebindError::UnknownAction
        );
    }
}
