//! The reader's language and the catalogues live in the core (it writes e-mails and errors
//! for people); the front ends use them from here.

pub use selfserve_core::i18n::*;
