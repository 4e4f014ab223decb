//! The export screen's path editor and writing the CSV (asking before replacing a file).

use super::App;
use crate::tui::action::Screen;
use crate::tui::dialogs::question::Question;
use crate::tui::effect::Effect;
use std::path::PathBuf;

impl App {
    pub(super) fn edit_path(&mut self) {
        if self.screen == Screen::Export {
            self.export.editing = Some(self.export.path.clone());
        }
    }

    pub(super) fn path_char(&mut self, c: char) {
        if let Some(p) = &mut self.export.editing {
            if !c.is_control() {
                p.push(c);
            }
        }
    }

    pub(super) fn path_backspace(&mut self) {
        if let Some(p) = &mut self.export.editing {
            p.pop();
        }
    }

    pub(super) fn path_accept(&mut self) {
        if let Some(p) = self.export.editing.take() {
            let p = p.trim().to_string();
            if p.is_empty() {
                self.fail(self.word("msg-export-path-empty"));
            } else {
                self.export.path = expand_home(&p);
            }
        }
    }

    pub(super) fn write(&mut self, fx: &mut Vec<Effect>) {
        if self.export.busy {
            self.say(self.word("msg-export-busy"));
            return;
        }
        if self.marked.is_empty() {
            self.fail(self.word("msg-export-nothing-marked"));
            return;
        }
        let effect = Effect::Export {
            subs: self.marked.keys().copied().collect(),
            path: PathBuf::from(&self.export.path),
            now: self.now,
        };
        if std::path::Path::new(&self.export.path).exists() {
            let lang = self.session.lang;
            self.dialog = Some(Box::new(Question::new(
                lang.tr(
                    "msg-export-replace",
                    &[("path", self.export.path.clone().into())],
                ),
                effect,
                self.word("msg-export-writing"),
                lang,
            )));
        } else {
            self.export.busy = true;
            self.say(self.word("msg-export-writing"));
            fx.push(effect);
        }
    }

    pub(super) fn exported(&mut self, path: PathBuf, result: Result<usize, String>) {
        self.export.busy = false;
        self.export.progress = None;
        match result {
            Ok(n) => {
                let shown = std::path::absolute(&path).unwrap_or(path);
                let text = self.session.lang.tr(
                    "msg-exported",
                    &[
                        ("count", n.into()),
                        (
                            "path",
                            crate::text::sanitize(&shown.display().to_string()).into(),
                        ),
                    ],
                );
                self.export.last = Some(text.clone());
                self.say(text);
            }
            Err(e) => self.fail(e),
        }
    }
}

/// `~` and `~/…` as a shell would read them: the dashboard's path is typed like one.
fn expand_home(path: &str) -> String {
    let rest = match path.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        _ => return path.to_string(),
    };
    match dirs::home_dir() {
        Some(home) => format!("{}{rest}", home.display()),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::expand_home;

    #[test]
    fn a_leading_tilde_is_the_home_directory() {
        let home = dirs::home_dir().expect("a home").display().to_string();
        assert_eq!(expand_home("~/users.csv"), format!("{home}/users.csv"));
        assert_eq!(expand_home("~"), home);
        assert_eq!(expand_home("~other/x.csv"), "~other/x.csv");
        assert_eq!(expand_home("/tmp/~/x.csv"), "/tmp/~/x.csv");
    }
}
