//! The clock used for expirations and lifecycle: the system's, or the one `--now` gives.

use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};

/// Parses `--now`: RFC 3339 (`2026-11-23T10:00:00+01:00`) or a date (`2026-11-23`, midnight UTC).
pub fn parse_now(text: &str) -> Result<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        if let Some(t) = d.and_hms_opt(0, 0, 0) {
            return Ok(t.and_utc());
        }
    }
    Err(Error::usage(crate::text!(
        "error-not-a-time",
        given = text.escape_debug().to_string()
    )))
}
