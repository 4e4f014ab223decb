//! Keys as values: a key the table binds, and the keys a dialog reads. They sit below the key
//! table so that dialogs can name their keys (a footer says "y yes") without knowing the table.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// Whether the terminal's event is this key.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        self.ctrl == ctrl
            && match (self.code, event.code) {
                // Letters arrive with SHIFT when upper case; the char already says so.
                (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
                (a, b) => a == b,
            }
    }
}

/// The keys an event stands for. A terminal sends Esc as the prefix of Alt+key, so an Esc typed
/// just before another key arrives as Alt+key; the key table binds no Alt key, so it is read as
/// the two keys the user typed.
pub fn typed(event: KeyEvent) -> Vec<KeyEvent> {
    if event.modifiers.contains(KeyModifiers::ALT) {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let key = KeyEvent::new(event.code, event.modifiers - KeyModifiers::ALT);
        vec![esc, key]
    } else {
        vec![event]
    }
}

pub const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

pub const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

/// The keys a dialog reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKey {
    Up,
    Down,
    /// Enter: on to the next step.
    Next,
    /// y: the step that changes something goes ahead.
    Yes,
    /// Esc or n: a step back, or close; before a yes, nothing has changed.
    Back,
    /// b: buy a central subscription for the users (move wizard, choosing the target).
    Buy,
    /// t: switch a purchase between the annual and the monthly term, and plan it again.
    Term,
    /// Tab: from picking to reviewing (dialogs with a search box, where letters are text).
    Review,
    /// o: open what the policy panel's impact names on the Subscriptions screen (issue 14).
    Open,
}

impl DialogKey {
    /// The keys of a step-by-step dialog (the key table binds them with these).
    pub const fn keys(self) -> &'static [Key] {
        const UP: &[Key] = &[code(KeyCode::Up), k('k')];
        const DOWN: &[Key] = &[code(KeyCode::Down), k('j')];
        const NEXT: &[Key] = &[code(KeyCode::Enter)];
        const YES: &[Key] = &[k('y')];
        const BACK: &[Key] = &[code(KeyCode::Esc), k('n')];
        const BUY: &[Key] = &[k('b')];
        const TERM: &[Key] = &[k('t')];
        const REVIEW: &[Key] = &[code(KeyCode::Tab)];
        const OPEN: &[Key] = &[k('o')];
        match self {
            DialogKey::Up => UP,
            DialogKey::Down => DOWN,
            DialogKey::Next => NEXT,
            DialogKey::Yes => YES,
            DialogKey::Back => BACK,
            DialogKey::Buy => BUY,
            DialogKey::Term => TERM,
            DialogKey::Review => REVIEW,
            DialogKey::Open => OPEN,
        }
    }

    /// How help and the dialogs' footers name those keys.
    pub const fn label(self) -> &'static str {
        match self {
            DialogKey::Up => "↑ k",
            DialogKey::Down => "↓ j",
            DialogKey::Next => "Enter",
            DialogKey::Yes => "y",
            DialogKey::Back => "Esc n",
            DialogKey::Buy => "b",
            DialogKey::Term => "t",
            DialogKey::Review => "Tab",
            DialogKey::Open => "o",
        }
    }
}

/// Which set of keys an open dialog reads: each has its own rows in the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKeys {
    /// A step-by-step dialog: ↑↓, Enter, y, Esc and its own letters.
    Steps,
    /// A panel of choices that saves with Enter or s.
    Panel,
    /// A yes/no question.
    Question,
    /// A search box: letters are text; arrows, Enter, Tab and Esc are keys.
    Typing,
}
