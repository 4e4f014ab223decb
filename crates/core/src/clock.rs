//! The clock used for expirations and lifecycle: the system's, or the one `--now` gives.

use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The years accepted: terms, trials and the demo's history are reckoned years either side of
/// the clock, and must stay far inside what dates can hold.
const YEARS: std::ops::RangeInclusive<i32> = 1970..=9999;

/// Parses `--now` and `--until`: RFC 3339 (`2026-11-23T10:00:00+01:00`) or a date
/// (`2026-11-23`, midnight UTC), from 1970 to 9999 (exit 2 otherwise).
pub fn parse_now(text: &str) -> Result<DateTime<Utc>> {
    let text = text.trim();
    let parsed = DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc())
        });
    let Some(time) = parsed else {
        return Err(Error::usage(crate::text!(
            "error-not-a-time",
            given = text.escape_debug().to_string()
        )));
    };
    if !YEARS.contains(&time.year()) {
        return Err(Error::usage(crate::text!(
            "input-time-out-of-range",
            given = text.escape_debug().to_string(),
            earliest = format!("{}-01-01", YEARS.start()),
            latest = format!("{}-12-31", YEARS.end())
        )));
    }
    Ok(time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_rfc3339_times_within_range_parse() {
        assert_eq!(
            parse_now("2026-11-23").unwrap().to_rfc3339(),
            "2026-11-23T00:00:00+00:00"
        );
        assert_eq!(
            parse_now("2026-11-23T10:00:00+01:00").unwrap().to_rfc3339(),
            "2026-11-23T09:00:00+00:00"
        );
        assert!(parse_now("1970-01-01").is_ok());
        assert!(parse_now("9999-12-31T23:59:59Z").is_ok());
    }

    #[test]
    fn times_out_of_range_are_usage_errors() {
        for given in [
            "+262142-12-31",
            "-262143-01-01",
            "10000-01-01",
            "1969-12-31",
            "0000-01-01",
            "1969-12-31T23:59:59Z",
            "9999-12-31T23:59:59-01:00",
        ] {
            let e = parse_now(given).expect_err(given);
            assert_eq!(e.exit_code(), 2, "{given}");
        }
        assert!(parse_now("2026-13-01").is_err());
        assert!(parse_now("").is_err());
    }
}
