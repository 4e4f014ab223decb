//! A benchmark whose set-up fails (no disk, no server, a damaged tenant) says what failed in one
//! line and exits 1, rather than panicking in the middle of criterion's output.

use std::fmt::Debug;

pub trait OrExit<T> {
    fn or_exit(self, what: &str) -> T;
}

fn fail(what: &str, why: &dyn Debug) -> ! {
    eprintln!("benchmark set-up failed: {what}: {why:?}");
    std::process::exit(1)
}

impl<T, E: Debug> OrExit<T> for Result<T, E> {
    fn or_exit(self, what: &str) -> T {
        self.unwrap_or_else(|e| fail(what, &e))
    }
}

impl<T> OrExit<T> for Option<T> {
    fn or_exit(self, what: &str) -> T {
        self.unwrap_or_else(|| fail(what, &"none"))
    }
}
