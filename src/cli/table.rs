//! Aligned human tables: cells sanitized, columns measured in display width. At a terminal the
//! widest text columns give way so a row fits its width; into a pipe or a file nothing is cut.
//! Under a locale that is not UTF-8, headers and cells are written in ASCII. Headers come from
//! the catalogue, so a column is as wide as its header in the reader's language.

use selfserve::i18n::Lang;
use selfserve::text::{fit, fit_right, locale_is_utf8, sanitize, width};
use std::io::IsTerminal;

/// The narrowest a text column is cut to when the terminal is too narrow for the row.
const MIN_COLUMN: usize = 8;
/// Spaces between columns.
const GAP: usize = 2;

pub struct Table {
    headers: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
    ascii: bool,
}

impl Table {
    /// Headers ending in `>` are right-aligned (numbers); the marker is not shown.
    pub fn new<S: AsRef<str>>(headers: &[S]) -> Table {
        Table::written(headers, !locale_is_utf8())
    }

    /// Headers as `new` takes them, in ASCII where `ascii` says.
    fn written<S: AsRef<str>>(headers: &[S], ascii: bool) -> Table {
        Table {
            right: headers.iter().map(|h| h.as_ref().ends_with('>')).collect(),
            headers: headers
                .iter()
                .map(|h| {
                    let h = h.as_ref().trim_end_matches('>');
                    if ascii {
                        selfserve::text::ascii(h)
                    } else {
                        h.to_string()
                    }
                })
                .collect(),
            rows: Vec::new(),
            ascii,
        }
    }

    /// Headers by message id, in `lang`; an id ending in `>` is a right-aligned column.
    pub fn of(lang: Lang, ids: &[&str]) -> Table {
        let headers: Vec<String> = ids.iter().map(|id| header(lang, id)).collect();
        Table::new(&headers)
    }

    pub fn row(&mut self, cells: Vec<String>) {
        let ascii = self.ascii;
        self.rows.push(
            cells
                .iter()
                .map(|c| {
                    let clean = sanitize(c);
                    if ascii {
                        selfserve::text::ascii(&clean)
                    } else {
                        clean
                    }
                })
                .collect(),
        );
    }

    /// The lines, fitted to the terminal's width where stdout is one.
    pub fn lines(&self) -> Vec<String> {
        self.lines_within(terminal_width())
    }

    /// The lines, each at most `max` columns where it can be (numbers are never cut, text
    /// columns not below `MIN_COLUMN`); with no `max`, every cell whole.
    pub fn lines_within(&self, max: Option<usize>) -> Vec<String> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(widths.len()) {
                widths[i] = widths[i].max(width(cell));
            }
        }
        if let Some(max) = max {
            self.shrink(&mut widths, max);
        }
        let render = |cells: &mut dyn Iterator<Item = &str>| {
            let parts: Vec<String> = cells
                .enumerate()
                .map(|(i, c)| {
                    if self.right[i] {
                        fit_right(c, widths[i])
                    } else {
                        fit(c, widths[i])
                    }
                })
                .collect();
            let line = parts.join(&" ".repeat(GAP)).trim_end().to_string();
            // The ellipsis of a cut cell is the only non-ASCII left; one column for one column.
            if self.ascii {
                line.replace('…', "~")
            } else {
                line
            }
        };
        let mut out = Vec::with_capacity(self.rows.len() + 1);
        out.push(render(&mut self.headers.iter().map(String::as_str)));
        for row in &self.rows {
            out.push(render(&mut row.iter().map(String::as_str)));
        }
        out
    }

    /// Narrows the widest text column, one column at a time, until the row fits `max`.
    fn shrink(&self, widths: &mut [usize], max: usize) {
        let gaps = GAP * widths.len().saturating_sub(1);
        while widths.iter().sum::<usize>() + gaps > max {
            let widest = (0..widths.len())
                .filter(|&i| !self.right[i] && widths[i] > MIN_COLUMN)
                .max_by_key(|&i| widths[i]);
            match widest {
                Some(i) => widths[i] -= 1,
                // Nothing left to give: the terminal wraps the row.
                None => break,
            }
        }
    }
}

/// The header of message `id` in `lang`, keeping the `>` of a right-aligned column.
pub fn header(lang: Lang, id: &str) -> String {
    match id.strip_suffix('>') {
        Some(id) => format!("{}>", lang.t(id)),
        None => lang.t(id),
    }
}

/// The terminal's width in columns, where stdout is a terminal that says it.
fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(cols, _)| usize::from(cols))
        .filter(|&cols| cols > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut t = Table {
            headers: vec!["Name".into(), "Qty".into()],
            right: vec![false, true],
            rows: Vec::new(),
            ascii: false,
        };
        t.row(vec![
            "Microsoft Purview Discovery for everyone".into(),
            "12345".into(),
        ]);
        t
    }

    #[test]
    fn without_a_width_nothing_is_cut() {
        let lines = table().lines_within(None);
        assert_eq!(lines[1], "Microsoft Purview Discovery for everyone  12345");
    }

    #[test]
    fn with_a_width_text_gives_way_and_numbers_stay_whole() {
        let lines = table().lines_within(Some(30));
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:?}");
        assert!(lines[1].ends_with("…  12345"), "{lines:?}");
        // Too narrow for even the narrowest columns: text stops at its minimum.
        let lines = table().lines_within(Some(5));
        assert_eq!(lines[1], "Microso…  12345");
    }

    #[test]
    fn headers_come_from_the_catalogue_and_size_their_columns_in_each_language() {
        let ids = ["cli-col-product", "cli-col-qty>", "cli-col-expires"];
        let headers = |lang| ids.map(|id| header(lang, id));
        let mut en = Table::written(&headers(Lang::En), false);
        let mut fr = Table::written(&headers(Lang::Fr), false);
        for t in [&mut en, &mut fr] {
            t.row(vec!["Power BI Pro".into(), "7".into(), "-".into()]);
        }
        assert_eq!(en.lines_within(None)[0], "Product       Qty  Expires");
        assert_eq!(fr.lines_within(None)[0], "Produit       Qté  Expiration");
        // The number stays right-aligned under its header, the marker gone.
        assert_eq!(fr.lines_within(None)[1], "Power BI Pro    7  -");
    }
}
