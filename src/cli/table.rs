//! Aligned human tables: cells sanitized, columns measured in display width.

use selfserve::text::{fit, fit_right, sanitize, width};

/// The widest a text column grows before its cells are cut with `…`.
const MAX_COLUMN: usize = 42;

pub struct Table {
    headers: Vec<&'static str>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Headers ending in `>` are right-aligned (numbers); the marker is not shown.
    pub fn new(headers: &[&'static str]) -> Table {
        Table {
            right: headers.iter().map(|h| h.ends_with('>')).collect(),
            headers: headers.iter().map(|h| h.trim_end_matches('>')).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells.iter().map(|c| sanitize(c)).collect());
    }

    pub fn lines(&self) -> Vec<String> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(widths.len()) {
                widths[i] = widths[i].max(width(cell).min(MAX_COLUMN));
            }
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
            parts.join("  ").trim_end().to_string()
        };
        let mut out = Vec::with_capacity(self.rows.len() + 1);
        out.push(render(&mut self.headers.iter().copied()));
        for row in &self.rows {
            out.push(render(&mut row.iter().map(String::as_str)));
        }
        out
    }
}
