//! Case- and accent-insensitive matching. Text is folded one character at a time (Unicode
//! decomposition, combining marks dropped, lower case) so every folded character remembers the
//! original character it came from: that is what lets a match be highlighted in the original text.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Letters with no canonical decomposition that people still type without their accent.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' => "d",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ı' => "i",
        _ => return None,
    })
}

/// Calls `out` with each folded character of `c`.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if let Some(s) = special(c) {
        s.chars().for_each(&mut *out);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            d.to_lowercase().for_each(&mut *out);
        }
    });
}

/// The folded form of `text`, for keys searched many times.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |f| out.push(f));
    }
    out
}

/// Byte ranges of `text` that match the folded `query`, for highlighting.
pub fn match_ranges(text: &str, folded_query: &str) -> Vec<(usize, usize)> {
    if folded_query.is_empty() {
        return Vec::new();
    }
    // Folded text, with the byte range of the original character behind each folded byte.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        // Combining marks that follow belong to this character's highlight.
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if !is_combining_mark(next) {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        fold_char(c, &mut |f| {
            folded.push(f);
            origin.extend(std::iter::repeat_n((start, end), f.len_utf8()));
        });
    }
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(pos) = folded.get(from..).and_then(|rest| rest.find(folded_query)) {
        let at = from + pos;
        let last = at + folded_query.len() - 1;
        let (Some(&(s, _)), Some(&(_, e))) = (origin.get(at), origin.get(last)) else {
            break;
        };
        match ranges.last_mut() {
            Some(prev) if prev.1 >= s => prev.1 = prev.1.max(e),
            _ => ranges.push((s, e)),
        }
        from = at + folded_query.len();
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Élodie Müller"), "elodie muller");
        assert_eq!(fold("Søren Łukasiewicz"), "soren lukasiewicz");
        assert_eq!(fold("Rene\u{301}e"), "renee");
        assert_eq!(fold("Nguyễn"), "nguyen");
        assert_eq!(fold("山田 太郎"), "山田 太郎");
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "Chloé Brontë";
        let r = match_ranges(text, &fold("bronte"));
        assert_eq!(r.len(), 1);
        assert_eq!(&text[r[0].0..r[0].1], "Brontë");
        let text = "Rene\u{301}e Lefe\u{300}vre";
        let r = match_ranges(text, "renee");
        assert_eq!(&text[r[0].0..r[0].1], "Rene\u{301}e");
        assert!(match_ranges("abc", "").is_empty());
        assert_eq!(match_ranges("aaaa", "aa"), vec![(0, 4)]);
    }
}
