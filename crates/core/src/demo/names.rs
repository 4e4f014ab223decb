//! The people of the demo tenant: names from `assets/demo-names.json`, UPNs and departments.

use crate::error::{Error, Result};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;

const NAMES_JSON: &str = include_str!("../../../../assets/demo-names.json");

/// The lists the demo draws from; it picks by position, so their order is part of the tenant.
#[derive(Deserialize)]
pub(super) struct Names {
    first_names: Vec<String>,
    last_names: Vec<String>,
    romanised: Vec<Romanised>,
    emoji: Vec<String>,
    departments: Vec<String>,
}

/// A name in a script that does not fold to ASCII, with the UPN it goes by.
#[derive(Deserialize)]
struct Romanised {
    name: String,
    upn: String,
}

pub(super) struct Person {
    pub display_name: String,
    pub upn_base: String,
}

impl Names {
    /// The names shipped with selfserve.
    pub fn builtin() -> Result<Names> {
        Names::parse(NAMES_JSON)
    }

    fn parse(json: &str) -> Result<Names> {
        let unreadable = |why: crate::i18n::Text| {
            Error::database(crate::text!("error-demo-names-unreadable", detail = why))
        };
        let names: Names = serde_json::from_str(json)
            .map_err(|e| unreadable(crate::i18n::Text::Verbatim(e.to_string())))?;
        // The generator draws a position in every list: an empty one has none to give.
        let lists = [
            ("first_names", names.first_names.is_empty()),
            ("last_names", names.last_names.is_empty()),
            ("romanised", names.romanised.is_empty()),
            ("emoji", names.emoji.is_empty()),
            ("departments", names.departments.is_empty()),
        ];
        match lists.iter().find(|(_, empty)| *empty) {
            Some((list, _)) => Err(unreadable(crate::text!(
                "error-demo-names-empty-list",
                list = *list
            ))),
            None => Ok(names),
        }
    }

    pub fn department(&self, rng: &mut ChaCha8Rng) -> &str {
        &self.departments[rng.random_range(0..self.departments.len())]
    }

    pub fn person(&self, rng: &mut ChaCha8Rng, index: usize) -> Person {
        // One name in the demo carries an escape sequence, as hostile data would: screens must strip it.
        if index == 13 {
            return Person {
                display_name: "Mallory \u{1b}[31mRed\u{1b}[0m Tables\u{7}".to_string(),
                upn_base: "mallory.tables".to_string(),
            };
        }
        if index == 21 {
            // A decomposed accent (e + combining acute): two code points, one column.
            return Person {
                display_name: "Rene\u{301}e Lefe\u{300}vre".to_string(),
                upn_base: "renee.lefevre".to_string(),
            };
        }
        let roll: u32 = rng.random_range(0..100);
        if roll < 10 {
            let r = &self.romanised[rng.random_range(0..self.romanised.len())];
            return Person {
                display_name: r.name.clone(),
                upn_base: r.upn.clone(),
            };
        }
        let first = &self.first_names[rng.random_range(0..self.first_names.len())];
        let last = &self.last_names[rng.random_range(0..self.last_names.len())];
        let mut display_name = format!("{first} {last}");
        if roll >= 96 {
            display_name.push(' ');
            display_name.push_str(&self.emoji[rng.random_range(0..self.emoji.len())]);
        }
        Person {
            display_name,
            upn_base: format!("{}.{}", ascii_fold(first), ascii_fold(last)),
        }
    }
}

/// A name folded to the lowercase ASCII letters and digits a UPN allows.
fn ascii_fold(name: &str) -> String {
    deunicode::deunicode(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_names_parse_and_no_list_is_empty() {
        let names = Names::builtin().expect("assets/demo-names.json");
        assert!(!names.first_names.is_empty() && !names.last_names.is_empty());
        assert!(!names.romanised.is_empty() && !names.emoji.is_empty());
        assert!(!names.departments.is_empty());
    }

    #[test]
    fn a_malformed_or_empty_asset_is_an_error() {
        assert!(Names::parse("{").is_err());
        assert!(Names::parse("{}").is_err());
        let no_emoji = r#"{"first_names": ["A"], "last_names": ["B"],
            "romanised": [{"name": "李娜", "upn": "na.li"}], "emoji": [], "departments": ["IT"]}"#;
        assert!(Names::parse(no_emoji).is_err());
    }

    /// The UPNs of the demo tenant were made with a hand-written table before; they stay the same.
    #[test]
    fn accents_fold_as_they_always_did() {
        for (name, folded) in [
            ("Łukasiewicz", "lukasiewicz"),
            ("Nguyễn", "nguyen"),
            ("Yılmaz", "yilmaz"),
            ("Øvergaard", "overgaard"),
            ("Søren", "soren"),
            ("Schäfer", "schafer"),
            ("Çelik", "celik"),
            ("O'Brien", "obrien"),
            ("Siobhán", "siobhan"),
        ] {
            assert_eq!(ascii_fold(name), folded);
        }
    }

    /// A UPN base holds no digits: the demo tells namesakes apart by a count suffix.
    #[test]
    fn every_name_gives_a_upn_base_of_lowercase_letters() {
        let names = Names::builtin().expect("assets/demo-names.json");
        let folded = names
            .first_names
            .iter()
            .chain(&names.last_names)
            .map(|n| ascii_fold(n));
        let romanised = names
            .romanised
            .iter()
            .flat_map(|r| r.upn.split('.').map(str::to_string));
        for part in folded.chain(romanised) {
            assert!(
                !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase()),
                "{part:?}"
            );
        }
    }
}
