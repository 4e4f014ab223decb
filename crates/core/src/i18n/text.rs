//! A sentence for a person, kept as a message id and its arguments until it is shown, so the
//! core's errors and notices reach each reader in their own language (over the socket too).

use super::Lang;
use crate::model::{Money, PolicyValue};
use chrono::{DateTime, NaiveDate, Utc};
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A message of the catalogues with its arguments, or text that is already final (what
/// another program said, a path, a name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Text {
    Message {
        id: String,
        args: Vec<(String, Arg)>,
    },
    Verbatim(String),
}

/// One argument of a message, formatted for the reader's language when it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Shown as given: a name, an id, a path.
    Str(String),
    /// A whole number: grouped by language, and it chooses plural forms.
    Count(i64),
    Money(Money),
    Date(NaiveDate),
    Time(DateTime<Utc>),
    Policy(PolicyValue),
    /// Another sentence, in the same language.
    Text(Box<Text>),
}

/// `text!("id", name = value, …)`: a message with its arguments, each turned into an `Arg`.
#[macro_export]
macro_rules! text {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::message(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

impl Text {
    pub fn message(id: &str, args: Vec<(&str, Arg)>) -> Text {
        Text::Message {
            id: id.to_string(),
            args: args
                .into_iter()
                .map(|(name, arg)| (name.to_string(), arg))
                .collect(),
        }
    }

    /// The sentence in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            Text::Verbatim(s) => s.clone(),
            Text::Message { id, args } => {
                let values: Vec<(String, FluentValue<'static>)> = args
                    .iter()
                    .map(|(name, arg)| (name.clone(), arg.value(lang)))
                    .collect();
                lang.lookup_owned(id, &values)
                    .unwrap_or_else(|| id.to_string())
            }
        }
    }

    /// The message id, where this is one (tests and callers that branch on the kind).
    pub fn id(&self) -> Option<&str> {
        match self {
            Text::Message { id, .. } => Some(id),
            Text::Verbatim(_) => None,
        }
    }
}

/// English, for logs, tests and anything that has no reader's language.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Verbatim(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Verbatim(s.to_string())
    }
}

impl Arg {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Str(s) => FluentValue::from(s.clone()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Money(m) => FluentValue::from(lang.money(m)),
            Arg::Date(d) => FluentValue::from(lang.date(*d)),
            Arg::Time(t) => FluentValue::from(lang.time(*t)),
            Arg::Policy(p) => FluentValue::from(super::policy_words(lang, *p)),
            Arg::Text(t) => FluentValue::from(t.in_lang(lang)),
        }
    }
}

macro_rules! counts {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
counts!(i64, i32, u64, u32, u16, u8, usize);

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<Money> for Arg {
    fn from(m: Money) -> Arg {
        Arg::Money(m)
    }
}

impl From<&Money> for Arg {
    fn from(m: &Money) -> Arg {
        Arg::Money(m.clone())
    }
}

impl From<NaiveDate> for Arg {
    fn from(d: NaiveDate) -> Arg {
        Arg::Date(d)
    }
}

impl From<DateTime<Utc>> for Arg {
    fn from(t: DateTime<Utc>) -> Arg {
        Arg::Time(t)
    }
}

impl From<PolicyValue> for Arg {
    fn from(p: PolicyValue) -> Arg {
        Arg::Policy(p)
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(Box::new(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_keeps_its_arguments_until_it_is_read_in_a_language() {
        let why = text!(
            "key-refused",
            what = "Move",
            why = Text::Verbatim("read-only".into())
        );
        assert_eq!(why.to_string(), "Move is not available: read-only");
        assert_eq!(
            why.in_lang(Lang::Fr),
            "Move n'est pas disponible : read-only"
        );
        let bytes = postcard::to_allocvec(&why).unwrap();
        assert_eq!(postcard::from_bytes::<Text>(&bytes).unwrap(), why);
    }
}
