//! Interrupted sled snapshots. Opening a database makes sled write `snap.LSN.generating`, then
//! rename it `snap.LSN`. A process killed in between, or a full disk, leaves that file empty or
//! partial; sled then takes it for the newest snapshot, finds it corrupt and refuses to open a
//! database whose data is intact (sled issue 1527). sled rebuilds its snapshot from the log, so
//! the file is never needed: it is set aside before each open and after a failed one.

use super::disk::io_failure;
use crate::error::Result;
use std::fs;
use std::path::Path;

/// The name an interrupted snapshot is given once set aside: sled only reads names that start
/// with `snap.`, so it no longer sees it. One is kept, the latest, for whoever wants to look.
pub const SET_ASIDE_PREFIX: &str = "set-aside-";

/// Whether `name` is an interrupted snapshot of sled's.
pub fn is_interrupted_snapshot(name: &str) -> bool {
    name.starts_with("snap.") && name.ends_with(".generating")
}

/// Sets aside every interrupted snapshot in the database directory `db`: an empty one is
/// removed (it holds nothing), a partial one renamed `set-aside-snap.LSN.generating`, replacing
/// the one set aside before. Returns how many were found.
pub fn set_aside_interrupted(db: &Path) -> Result<usize> {
    let Ok(entries) = fs::read_dir(db) else {
        // A missing or unreadable directory is for the open to report.
        return Ok(0);
    };
    let mut found = Vec::new();
    let mut earlier = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && is_interrupted_snapshot(&name) {
            found.push(entry.path());
        } else if is_file && name.starts_with(SET_ASIDE_PREFIX) {
            earlier.push(entry.path());
        }
    }
    if found.is_empty() {
        return Ok(0);
    }
    for old in earlier {
        let _ = fs::remove_file(old);
    }
    found.sort();
    let newest = found.len() - 1;
    for (i, path) in found.iter().enumerate() {
        let empty = fs::metadata(path).map(|m| m.len() == 0).unwrap_or(true);
        if empty || i != newest {
            fs::remove_file(path).map_err(|e| io_failure(path, &e))?;
        } else {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let aside = db.join(format!("{SET_ASIDE_PREFIX}{}", name.unwrap_or_default()));
            fs::rename(path, &aside).map_err(|e| io_failure(path, &e))?;
        }
    }
    Ok(found.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sleds_interrupted_snapshots_are_recognised() {
        assert!(is_interrupted_snapshot("snap.00000000000012AB.generating"));
        assert!(!is_interrupted_snapshot("snap.00000000000012AB"));
        assert!(!is_interrupted_snapshot(
            "set-aside-snap.00000000000012AB.generating"
        ));
        assert!(!is_interrupted_snapshot("db"));
    }

    #[test]
    fn an_empty_one_goes_and_a_partial_one_is_kept_aside() {
        let dir = tempfile::tempdir().expect("temporary directory");
        fs::write(dir.path().join("snap.0000000000000001.generating"), b"").expect("empty");
        fs::write(dir.path().join("snap.0000000000000002.generating"), b"part").expect("part");
        fs::write(dir.path().join("snap.0000000000000001"), b"whole").expect("whole");
        assert_eq!(set_aside_interrupted(dir.path()).expect("set aside"), 2);
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "set-aside-snap.0000000000000002.generating",
                "snap.0000000000000001"
            ]
        );
        assert_eq!(set_aside_interrupted(dir.path()).expect("again"), 0);
    }
}
