//! Text from the database is untrusted: strip what a terminal would act on, and measure what
//! remains in display columns so CJK, emoji and combining marks keep tables aligned.

use unicode_truncate::{Alignment, UnicodeTruncateStr};
use unicode_width::UnicodeWidthStr;

/// Removes escape sequences, control characters and bidirectional overrides.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 control sequence introducer and string commands, as single code points.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if c.is_control() => {}
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            c => out.push(c),
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // Two-character escapes (ESC c, ESC 7, ...) end here; intermediates first.
        Some(' '..='/') => {
            while let Some(&c) = chars.peek() {
                chars.next();
                if !(' '..='/').contains(&c) {
                    break;
                }
            }
        }
        _ => {}
    }
}

/// CSI: parameters and intermediates, then one final byte in `@`..=`~`.
fn skip_csi(chars: &mut Chars<'_>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            break;
        }
    }
}

/// OSC, DCS and friends run to BEL or ST (ESC \).
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// Whether the locale's character set is UTF-8. The first of LC_ALL, LC_CTYPE and LANG that is
/// set decides, as the C library does; with none set the locale is C, which is ASCII.
pub fn locale_is_utf8() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// Text in ASCII for a terminal that cannot show more: transliterated where it can be
/// ("Adèle" gives "Adele", "山田" "Shan Tian"), `?` where it cannot.
pub fn ascii(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    deunicode::deunicode_with_tofu(text, "?")
}

/// One line for a terminal: `sanitize`d, and in ASCII unless the locale is `utf8`.
pub fn for_terminal(text: &str, utf8: bool) -> String {
    let clean = sanitize(text);
    if utf8 {
        clean
    } else {
        ascii(&clean)
    }
}

/// Whether a terminal acts on `c` though serde_json writes it raw in a string: DEL, the C1
/// controls and the bidirectional overrides, isolates and marks.
fn escaped_in_json(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// `json` (as serde_json writes it) with those characters as `\uXXXX` escapes. Outside its
/// strings serde_json writes only ASCII, so each one found is inside a string, where the escape
/// means the same character: the document parses to the same value.
pub fn escape_json(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.chars().any(escaped_in_json) {
        return json.into();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escaped_in_json(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Display columns of already-sanitized text.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    // One column is kept for the ellipsis.
    let (kept, _) = text.unicode_truncate(max - 1);
    format!("{kept}…")
}

/// Truncates, then pads with spaces to exactly `cols` columns.
pub fn fit(text: &str, cols: usize) -> String {
    pad(text, cols, Alignment::Left)
}

/// Pads on the left to `cols` columns (numbers).
pub fn fit_right(text: &str, cols: usize) -> String {
    pad(text, cols, Alignment::Right)
}

fn pad(text: &str, cols: usize, align: Alignment) -> String {
    truncate(text, cols)
        .unicode_pad(cols, align, false)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What must never reach a terminal: C0 and C1 controls (ESC among them), DEL and the bidi
    /// overrides, embeddings, isolates and marks.
    fn forbidden(c: char) -> bool {
        c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    }

    /// What serde_json leaves raw in a string and a terminal acts on (it escapes C0 itself; a
    /// pretty document's own line breaks and indentation stay).
    fn forbidden_in_json(c: char) -> bool {
        forbidden(c) && !matches!(c, '\n' | ' ')
    }

    /// Any text, weighted towards the pieces of escape sequences and the bidi controls.
    fn hostile() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => any::<char>(),
            3 => proptest::sample::select(vec![
                '\u{1b}', '[', ']', 'P', '\\', ';', '0', 'm', '\u{7}', '\u{9b}', '\u{9c}', '\u{9d}',
                '\u{90}', '\r', '\n', '\t', '\u{7f}', '\u{85}', '\u{202e}', '\u{2067}', '\u{200f}',
            ]),
            2 => proptest::char::range(' ', '~'),
        ];
        proptest::collection::vec(piece, 0..64).prop_map(String::from_iter)
    }

    proptest! {
        #[test]
        fn sanitized_text_holds_nothing_a_terminal_acts_on(text in hostile()) {
            let clean = sanitize(&text);
            prop_assert!(!clean.chars().any(forbidden), "{clean:?} from {text:?}");
        }

        #[test]
        fn sanitizing_twice_changes_nothing_more(text in hostile()) {
            let once = sanitize(&text);
            prop_assert_eq!(sanitize(&once), once);
        }

        /// The escaped document parses to the same value and holds nothing a terminal acts on.
        #[test]
        fn escaped_json_is_the_same_value_without_terminal_controls(text in hostile()) {
            let value = serde_json::json!({ "name": text, "list": [text.clone(), "x"] });
            for json in [serde_json::to_string(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap()] {
                let escaped = escape_json(&json);
                prop_assert!(!escaped.chars().any(forbidden_in_json), "{escaped:?}");
                let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
                prop_assert_eq!(&back, &value);
            }
        }

        #[test]
        fn printable_ascii_passes_through_unchanged(text in "[ -~]*") {
            prop_assert_eq!(sanitize(&text), text);
        }

        /// Clusters stay whole: a flag, a ZWJ sequence or an emoji with its variation selector
        /// is kept or cut as one, so a cell never overflows.
        #[test]
        fn fit_gives_exactly_the_columns_asked(text in clusters(), cols in 0usize..12) {
            prop_assert_eq!(width(&fit(&text, cols)), cols, "{:?}", fit(&text, cols));
            prop_assert_eq!(width(&fit_right(&text, cols)), cols);
        }
    }

    /// Text of ASCII, CJK, emoji, combining marks and multi-code-point emoji.
    fn clusters() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            "a",
            " ",
            "山",
            "🚀",
            "e\u{301}",
            "\u{301}",
            "ß",
            "☀",
            "☀\u{fe0f}",
            "🇫🇷",
            "👩\u{200d}💻",
        ]);
        proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    #[test]
    fn strips_escape_sequences_and_controls() {
        assert_eq!(
            sanitize("Mallory \u{1b}[31mRed\u{1b}[0m Tables\u{7}"),
            "Mallory Red Tables"
        );
        assert_eq!(sanitize("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(
            sanitize("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\b"),
            "alinkb"
        );
        assert_eq!(sanitize("x\u{9b}2Jy\r\n\tz"), "xyz");
        assert_eq!(sanitize("evil\u{202e}txt.exe"), "eviltxt.exe");
        assert_eq!(sanitize("trailing\u{1b}"), "trailing");
    }

    #[test]
    fn json_escapes_c1_and_bidi_controls() {
        let json = serde_json::to_string(&"a\u{85}b\u{9b}c\u{202e}d\u{2066}e\u{7f}").unwrap();
        assert_eq!(
            escape_json(&json),
            r#""a\u0085b\u009bc\u202ed\u2066e\u007f""#
        );
        assert_eq!(escape_json(r#"{"n":"Zoë 山田"}"#), r#"{"n":"Zoë 山田"}"#);
    }

    #[test]
    fn a_line_for_a_terminal_is_one_clean_line() {
        let hostile = "Mallory \u{1b}[31mRed\u{1b}[0m\r\nTables\u{7}\u{9d}52;c;aGk=\u{9c} Søren";
        assert_eq!(for_terminal(hostile, true), "Mallory RedTables Søren");
        assert_eq!(for_terminal(hostile, false), "Mallory RedTables Soren");
    }

    #[test]
    fn ascii_transliterates_and_marks_what_it_cannot() {
        assert_eq!(ascii("Adèle Vance"), "Adele Vance");
        assert_eq!(ascii("Søren Øvergaard"), "Soren Overgaard");
        assert_eq!(ascii("plain"), "plain");
        assert!(ascii("山田 太郎 🚀 \u{e000}").is_ascii());
        assert!(ascii("\u{e000}").contains('?'));
    }

    #[test]
    fn keeps_wide_and_combining_text() {
        assert_eq!(sanitize("山田 太郎 🚀"), "山田 太郎 🚀");
        assert_eq!(width("山田"), 4);
        assert_eq!(width("Rene\u{301}e"), 5);
    }

    #[test]
    fn fits_to_columns_by_display_width() {
        assert_eq!(fit("山田太郎", 5), "山田…");
        assert_eq!(fit("山田太郎", 6), "山田… ");
        assert_eq!(width(&fit("山田太郎", 5)), 5);
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit_right("42", 4), "  42");
        assert_eq!(truncate("abcdef", 0), "");
        assert_eq!(truncate("abcdef", 1), "…");
    }
}
