//! Counts in messages, with the noun and its verb agreeing with the number (SPEC issue 10 item 9):
//! "1 user loses access", "2 users lose access".

/// "1 user", "2 users", "1,234 users".
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        crate::model::thousands(n),
        if n == 1 { one } else { many }
    )
}

/// `one` where `n` is 1, else `many`: for a verb or pronoun that agrees with a count.
pub fn agree<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(0, "user", "users"), "0 users");
        assert_eq!(count(1, "user", "users"), "1 user");
        assert_eq!(count(2, "user", "users"), "2 users");
        assert_eq!(count(12_670, "license", "licenses"), "12,670 licenses");
        assert_eq!(agree(1, "loses", "lose"), "loses");
        assert_eq!(agree(2, "loses", "lose"), "lose");
    }
}
