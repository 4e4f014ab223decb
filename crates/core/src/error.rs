//! One error type whose variants are the categories of SPEC §3; the binary maps them to exit codes.

/// Every failure the core reports. The message is one line that says what is wrong and what to do.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Error {
    /// A rule of SPEC §2 refused the request (exit 1).
    #[error("{0}")]
    Refused(String),
    /// The request itself is malformed (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The acting login may not do this (exit 3).
    #[error("{0}")]
    PermissionDenied(String),
    /// A named thing does not exist (exit 4).
    #[error("{0}")]
    NotFound(String),
    /// The database is busy, locked, of another schema or damaged (exit 5).
    #[error("{0}")]
    Database(String),
}

impl Error {
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
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<sled::Error> for Error {
    fn from(e: sled::Error) -> Self {
        Error::Database(format!(
            "database error: {e}; run `selfserve check`, or restore the database from a backup"
        ))
    }
}

impl From<postcard::Error> for Error {
    fn from(e: postcard::Error) -> Self {
        Error::Database(format!(
            "a record in the database cannot be read ({e}); run `selfserve check`, or restore from a backup"
        ))
    }
}
