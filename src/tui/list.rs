//! A list the screens scroll and search: the items, their folded search keys, which of them the
//! query lets through, and a cursor and window offset kept in state so `view` stays pure.

use super::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

#[derive(Debug, Clone)]
pub struct Listing<T> {
    items: Vec<T>,
    keys: Vec<String>,
    query: String,
    folded_query: String,
    /// Indices of the items the query lets through; `None` when there is no query.
    shown: Option<Vec<u32>>,
    pub cursor: usize,
    pub offset: usize,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing {
            items: Vec::new(),
            keys: Vec::new(),
            query: String::new(),
            folded_query: String::new(),
            shown: None,
            cursor: 0,
            offset: 0,
        }
    }
}

impl<T> Listing<T> {
    /// `keys` are the folded search keys, one per item (built off the UI thread).
    pub fn new(items: Vec<T>, keys: Vec<String>) -> Self {
        Listing {
            items,
            keys,
            ..Listing::default()
        }
    }

    /// How many items the query lets through.
    pub fn len(&self) -> usize {
        match &self.shown {
            Some(s) => s.len(),
            None => self.items.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn total(&self) -> usize {
        self.items.len()
    }

    /// Every item, whatever the query lets through.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// The `i`-th item the query lets through.
    pub fn get(&self, i: usize) -> Option<&T> {
        match &self.shown {
            Some(s) => s.get(i).and_then(|&j| self.items.get(j as usize)),
            None => self.items.get(i),
        }
    }

    pub fn selected(&self) -> Option<&T> {
        self.get(self.cursor)
    }

    /// The items the query lets through, in order.
    pub fn shown(&self) -> impl Iterator<Item = &T> {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn folded_query(&self) -> &str {
        &self.folded_query
    }

    /// Narrows (or widens) to the items whose key contains the folded query.
    pub fn set_query(&mut self, query: &str) {
        let folded = fold::fold(query);
        if folded == self.folded_query {
            self.query = query.to_string();
            return;
        }
        // A longer query only narrows: search within the current matches.
        let narrowing = !self.folded_query.is_empty() && folded.starts_with(&self.folded_query);
        self.shown = if folded.is_empty() {
            None
        } else if let (true, Some(prev)) = (narrowing, &self.shown) {
            Some(
                prev.iter()
                    .copied()
                    .filter(|&i| {
                        self.keys
                            .get(i as usize)
                            .is_some_and(|k| k.contains(&folded))
                    })
                    .collect(),
            )
        } else {
            Some(
                self.keys
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| k.contains(&folded))
                    .map(|(i, _)| i as u32)
                    .collect(),
            )
        };
        self.query = query.to_string();
        self.folded_query = folded;
        self.cursor = 0;
        self.offset = 0;
    }

    /// Replaces the items, keeping the query and, where possible, the cursor.
    pub fn replace(&mut self, items: Vec<T>, keys: Vec<String>) {
        let query = std::mem::take(&mut self.query);
        let (cursor, offset) = (self.cursor, self.offset);
        *self = Listing::new(items, keys);
        self.set_query(&query);
        self.cursor = cursor.min(self.len().saturating_sub(1));
        self.offset = offset.min(self.cursor);
    }

    /// Moves the cursor; `page` is how many rows the list shows.
    pub fn nav(&mut self, nav: Nav, page: usize) {
        let last = self.len().saturating_sub(1);
        let page = page.max(1);
        self.cursor = match nav {
            Nav::Up => self.cursor.saturating_sub(1),
            Nav::Down => (self.cursor + 1).min(last),
            Nav::PageUp => self.cursor.saturating_sub(page),
            Nav::PageDown => (self.cursor + page).min(last),
            Nav::Home => 0,
            Nav::End => last,
        };
        self.fit(page);
    }

    /// Selects the item drawn `row` rows below the window's top (a click), if one is there.
    pub fn select_in_window(&mut self, row: usize) -> bool {
        // The window as the table draws it, clamped where the list shrank.
        let i = self.offset.min(self.len().saturating_sub(1)) + row;
        if i < self.len() {
            self.cursor = i;
        }
        i < self.len()
    }

    /// Keeps the cursor inside a window of `page` rows.
    pub fn fit(&mut self, page: usize) {
        let page = page.max(1);
        self.cursor = self.cursor.min(self.len().saturating_sub(1));
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + page {
            self.offset = self.cursor + 1 - page;
        }
        self.offset = self.offset.min(self.len().saturating_sub(page));
    }
}

/// What the app does with a screen's list whatever its rows are: search, move, fit, count.
pub trait Searchable {
    fn query(&self) -> &str;
    fn set_query(&mut self, query: &str);
    fn nav(&mut self, nav: Nav, page: usize);
    fn fit(&mut self, page: usize);
    fn select_in_window(&mut self, row: usize) -> bool;
    /// Rows the query lets through.
    fn shown_len(&self) -> usize;
}

impl<T> Searchable for Listing<T> {
    fn query(&self) -> &str {
        Listing::query(self)
    }
    fn set_query(&mut self, query: &str) {
        Listing::set_query(self, query)
    }
    fn nav(&mut self, nav: Nav, page: usize) {
        Listing::nav(self, nav, page)
    }
    fn fit(&mut self, page: usize) {
        Listing::fit(self, page)
    }
    fn select_in_window(&mut self, row: usize) -> bool {
        Listing::select_in_window(self, row)
    }
    fn shown_len(&self) -> usize {
        Listing::len(self)
    }
}

/// Rows and their folded search keys, or the one-line reason they could not be read.
pub type Loaded<T> = Result<(Vec<T>, Vec<String>), String>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Idle,
    Loading,
    Ready,
    Failed(String),
}

/// A list and whether its data has arrived.
#[derive(Debug, Clone)]
pub struct Pane<T> {
    pub list: Listing<T>,
    pub state: LoadState,
}

impl<T> Default for Pane<T> {
    fn default() -> Self {
        Pane {
            list: Listing::default(),
            state: LoadState::Idle,
        }
    }
}

impl<T> Pane<T> {
    /// Takes loaded rows (keeping the query and cursor) or the reason they failed.
    pub fn fill(&mut self, rows: Loaded<T>) -> Option<String> {
        match rows {
            Ok((items, keys)) => {
                self.list.replace(items, keys);
                self.state = LoadState::Ready;
                None
            }
            Err(e) => {
                self.state = LoadState::Failed(e.clone());
                Some(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: usize) -> Listing<usize> {
        let items: Vec<usize> = (0..n).collect();
        let keys = items.iter().map(|i| format!("item {i}")).collect();
        Listing::new(items, keys)
    }

    #[test]
    fn cursor_stays_in_the_window() {
        let mut l = list(100);
        l.nav(Nav::PageDown, 10);
        assert_eq!((l.cursor, l.offset), (10, 1));
        l.nav(Nav::End, 10);
        assert_eq!((l.cursor, l.offset), (99, 90));
        l.nav(Nav::Up, 10);
        assert_eq!((l.cursor, l.offset), (98, 90));
        l.nav(Nav::Home, 10);
        assert_eq!((l.cursor, l.offset), (0, 0));
        let mut empty = list(0);
        empty.nav(Nav::End, 10);
        assert_eq!((empty.cursor, empty.offset), (0, 0));
        assert!(empty.selected().is_none());
    }

    #[test]
    fn query_narrows_and_widens() {
        let mut l = list(30);
        l.set_query("ITEM 2");
        assert_eq!(l.len(), 11);
        l.set_query("item 25");
        assert_eq!(l.shown().copied().collect::<Vec<_>>(), vec![25]);
        l.set_query("");
        assert_eq!(l.len(), 30);
    }
}
