//! Where in a TOML file something is, for refusals of one line that say where: the config file
//! and the desired-state policy file both name the line and the dotted key.

use std::ops::Range;

/// A TOML file's text.
pub struct TomlText<'a>(pub &'a str);

/// What toml or serde refused in a TOML file, and where.
pub struct TomlRefusal {
    pub at: Range<usize>,
    /// The dotted key it concerns; empty before any key (not TOML at all).
    pub key: String,
    /// A key the file may not have, or else what toml said.
    pub unknown_key: bool,
    pub message: String,
}

impl TomlText<'_> {
    /// The line at `offset` (from 1).
    pub fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.0.len());
        self.0.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    /// The dotted key written on the line at `offset`: the table it sits in and the name left
    /// of its `=` (or the table itself on a `[table]` line).
    pub fn key_at(&self, offset: usize) -> String {
        let line = self.line(offset);
        let mut table = String::new();
        for (n, text) in self.0.lines().enumerate() {
            let text = text.trim();
            if let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                table = name.trim_matches(['[', ']', ' ']).to_string();
            }
            if n + 1 == line {
                let name = match text.split_once('=') {
                    Some((name, _)) if !text.starts_with('[') => name.trim().trim_matches('"'),
                    _ => return table,
                };
                return if table.is_empty() {
                    name.to_string()
                } else {
                    format!("{table}.{name}")
                };
            }
        }
        table
    }

    /// What toml or serde refused, with the key it concerns.
    pub fn refusal(&self, e: &toml::de::Error) -> TomlRefusal {
        let at = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().to_string();
        let unknown = message
            .strip_prefix("unknown field `")
            .map(|rest| rest.split('`').next().unwrap_or_default().to_string());
        let key = match &unknown {
            Some(name) => match self.key_at(at) {
                k if k.ends_with(name.as_str()) => k,
                k if k.is_empty() => name.clone(),
                k => format!("{k}.{name}"),
            },
            None => self.key_at(at),
        };
        TomlRefusal {
            at: at..at,
            key,
            unknown_key: unknown.is_some(),
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_keys_are_found_in_their_tables() {
        let text = TomlText("top = 1\n[policy]\nall = \"x\"\n\n[products]\n\"A\" = 2\n");
        assert_eq!(text.line(0), 1);
        assert_eq!(text.line(text.0.find("all").expect("all")), 3);
        assert_eq!(text.key_at(0), "top");
        assert_eq!(text.key_at(text.0.find("all").expect("all")), "policy.all");
        assert_eq!(
            text.key_at(text.0.find("[products]").expect("table")),
            "products"
        );
        assert_eq!(text.key_at(text.0.find("\"A\"").expect("A")), "products.A");
    }
}
