//! One error type whose variants are the categories of SPEC §3; the binary maps them to exit codes.

use crate::i18n::{Lang, Text};

/// Every failure the core reports. The message is one line that says what is wrong and what to
/// do, kept as a message of the catalogues so each reader gets it in their language; `Display`
/// gives the English.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Error {
    /// A rule of SPEC §2 refused the request (exit 1).
    #[error("{0}")]
    Refused(Text),
    /// The request itself is malformed (exit 2).
    #[error("{0}")]
    Usage(Text),
    /// The acting login may not do this (exit 3).
    #[error("{0}")]
    PermissionDenied(Text),
    /// A named thing does not exist (exit 4).
    #[error("{0}")]
    NotFound(Text),
    /// The database is busy, locked, of another schema or damaged (exit 5).
    #[error("{0}")]
    Database(Text),
}

impl Error {
    pub fn refused(why: impl Into<Text>) -> Error {
        Error::Refused(why.into())
    }

    pub fn usage(why: impl Into<Text>) -> Error {
        Error::Usage(why.into())
    }

    pub fn denied(why: impl Into<Text>) -> Error {
        Error::PermissionDenied(why.into())
    }

    pub fn not_found(why: impl Into<Text>) -> Error {
        Error::NotFound(why.into())
    }

    pub fn database(why: impl Into<Text>) -> Error {
        Error::Database(why.into())
    }

    /// What went wrong, whatever the category.
    pub fn text(&self) -> &Text {
        match self {
            Error::Refused(t)
            | Error::Usage(t)
            | Error::PermissionDenied(t)
            | Error::NotFound(t)
            | Error::Database(t) => t,
        }
    }

    /// The one line, in the reader's language.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.text().in_lang(lang)
    }

    /// The exit code SPEC §3 gives this category.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Refused(_) => 1,
            Error::Usage(_) => 2,
            Error::PermissionDenied(_) => 3,
            Error::NotFound(_) => 4,
            Error::Database(_) => 5,
        }
    }

    /// The category's name, for the log: `refused`, `usage`, `denied`, `not-found`, `database`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Refused(_) => "refused",
            Error::Usage(_) => "usage",
            Error::PermissionDenied(_) => "denied",
            Error::NotFound(_) => "not-found",
            Error::Database(_) => "database",
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<sled::Error> for Error {
    fn from(e: sled::Error) -> Self {
        Error::database(crate::text!("error-database", detail = e.to_string()))
    }
}

impl From<postcard::Error> for Error {
    fn from(e: postcard::Error) -> Self {
        Error::database(crate::text!(
            "error-unreadable-record",
            detail = e.to_string()
        ))
    }
}
