//! The dashboard as a library: the binary's front end, and what tests and benchmarks drive
//! without a terminal (`tui::driver`).

pub mod i18n;
pub mod text;
pub mod tui;
