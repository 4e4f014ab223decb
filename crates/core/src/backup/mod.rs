//! Backups of a whole tenant, and restoring one into a new database.
//!
//! The file (format `selfserve-backup`, version 1), byte by byte:
//!
//! 1. one ASCII line: `selfserve-backup 1\n` (the format's name and version);
//! 2. records, each a 4-byte big-endian length then that many bytes of postcard (`Record`):
//!    a `Header` (schema version, revision, when it was taken, the tenant's name), then for each
//!    tree a `Tree` (its name and how many entries follow) and its `Entry` records (key and value
//!    exactly as the store holds them), then an `End` (how many trees and entries in all);
//! 3. 32 bytes: the SHA-256 of every byte before them.
//!
//! A reader checks the line, then the checksum, then the records, before it creates anything.
//! A new version number is given to any change of this layout or of `Record`.

mod file;
mod format;
mod restore;
mod take;

pub use file::write_backup_file;
pub use format::{BackupHeader, FORMAT, VERSION};
pub use restore::{restore, RestoreOptions, RestoreSummary};
pub use take::{take, BackupImage};
