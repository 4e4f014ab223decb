//! Numbers, money and dates as each language writes them: "€1,234.56" and "2026-11-24" in
//! English, "1 234,56 €" and "24/11/2026" in French. Only for people: JSON, CSV and the
//! PowerShell names keep their fixed machine forms.

use super::Lang;
use crate::model::Money;
use chrono::{DateTime, NaiveDate, Utc};
use fluent_bundle::FluentValue;

/// French groups digits and sets the currency apart with a no-break space, so a line never
/// wraps inside an amount; it is one cell wide like a plain space.
const NBSP: char = '\u{a0}';

impl Lang {
    /// A count with this language's grouping: 1234567 gives "1,234,567" or "1 234 567".
    pub fn count(self, n: impl Into<i64>) -> String {
        let n: i64 = n.into();
        let sign = if n < 0 { "-" } else { "" };
        format!("{sign}{}", self.group(n.unsigned_abs()))
    }

    /// An amount with its currency: "€1,470.00", "-$12.50", "CHF 3.00"; "1 470,00 €".
    pub fn money(self, money: &Money) -> String {
        let sign = if money.minor < 0 { "-" } else { "" };
        let abs = money.minor.unsigned_abs();
        let units = self.group(abs / 100);
        let cents = abs % 100;
        let symbol = symbol(&money.currency);
        match self {
            Lang::En => match symbol {
                Some(s) => format!("{sign}{s}{units}.{cents:02}"),
                None => format!("{sign}{} {units}.{cents:02}", money.currency),
            },
            Lang::Fr => {
                let unit = symbol.unwrap_or(&money.currency);
                format!("{sign}{units},{cents:02}{NBSP}{unit}")
            }
        }
    }

    /// A calendar date: "2026-11-24" or "24/11/2026".
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::En => date.format("%Y-%m-%d").to_string(),
            Lang::Fr => date.format("%d/%m/%Y").to_string(),
        }
    }

    /// A date, or a dash where there is none.
    pub fn date_or_dash(self, date: Option<NaiveDate>) -> String {
        date.map(|d| self.date(d))
            .unwrap_or_else(|| "-".to_string())
    }

    /// A moment to the minute, in UTC: "2026-11-24 14:05" or "24/11/2026 14:05".
    pub fn time(self, at: DateTime<Utc>) -> String {
        format!("{} {}", self.date(at.date_naive()), at.format("%H:%M"))
    }

    fn group(self, n: u64) -> String {
        let separator = match self {
            Lang::En => ',',
            Lang::Fr => NBSP,
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }
}

/// The sign people write for the currencies a tenant is likely to bill in; others keep their
/// ISO code.
fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        _ => return None,
    })
}

/// Fluent's own number form has no grouping; whole numbers in a message are counts.
fn fluent_number(lang: Lang, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n)
            if n.options.minimum_fraction_digits.is_none() && n.value.fract() == 0.0 =>
        {
            Some(lang.count(n.value as i64))
        }
        _ => None,
    }
}

pub(super) fn fluent_number_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent_number(Lang::En, value)
}

pub(super) fn fluent_number_fr<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent_number(Lang::Fr, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_amounts_counts_and_dates_its_own_way() {
        let eur = Money::new(123_456, "EUR");
        assert_eq!(Lang::En.money(&eur), "€1,234.56");
        assert_eq!(Lang::Fr.money(&eur), "1\u{a0}234,56\u{a0}€");
        assert_eq!(Lang::En.money(&Money::new(-1250, "USD")), "-$12.50");
        assert_eq!(Lang::En.money(&Money::new(300, "CHF")), "CHF 3.00");
        assert_eq!(Lang::Fr.money(&Money::new(300, "CHF")), "3,00\u{a0}CHF");
        assert_eq!(Lang::En.money(&Money::new(5, "EUR")), "€0.05");
        assert_eq!(Lang::En.count(1_234_567), "1,234,567");
        assert_eq!(Lang::Fr.count(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(Lang::Fr.count(-999), "-999");
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(Lang::En.date(day), "2026-11-24");
        assert_eq!(Lang::Fr.date(day), "24/11/2026");
        let at = day.and_hms_opt(14, 5, 9).unwrap().and_utc();
        assert_eq!(Lang::Fr.time(at), "24/11/2026 14:05");
    }

    #[test]
    fn counts_inside_messages_are_grouped_and_still_choose_the_plural() {
        let matches = |n: i64| [("count", n.into()), ("shown", n.into())];
        assert_eq!(
            Lang::En.tr("search-matches", &matches(12_345)),
            "12,345 matches"
        );
        assert_eq!(
            Lang::Fr.tr("search-matches", &matches(12_345)),
            "12\u{a0}345 résultats"
        );
    }
}
