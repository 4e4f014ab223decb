//! Counts in messages, with the noun and its verb agreeing with the number (issue 10 item 9):
//! "1 user loses access", "2 users lose access".

/// "1 user", "2 users", "0 free licenses": a count and a noun with a regular plural.
pub fn count(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// `one` where `n` is 1, else `many`: a verb, a pronoun or an irregular noun that agrees with a
/// count ("has"/"have", "policy"/"policies").
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
        assert_eq!(count(0, "user"), "0 users");
        assert_eq!(count(1, "user"), "1 user");
        assert_eq!(count(2, "free license"), "2 free licenses");
        assert_eq!(agree(1, "loses", "lose"), "loses");
        assert_eq!(agree(2, "loses", "lose"), "lose");
        assert_eq!(agree(0, "policy", "policies"), "policies");
    }
}
