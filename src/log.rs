//! The log: `selfserve.log` under the platform's state directory (`~/.local/state/selfserve/`,
//! `$XDG_STATE_HOME`). Past 10 MB it becomes `selfserve.log.1` (replacing the one before) and a
//! new file starts, so the log never holds more than about 20 MB. Never the terminal: the
//! dashboard owns it. `RUST_LOG` picks what is written; without it `-v` adds the reads and `-vv`
//! everything, over the default of each write and each refusal.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::sync::Mutex;
use tracing_subscriber::EnvFilter;

/// How large the current file may grow before it becomes the previous one.
const CAP: u64 = 10 * 1024 * 1024;

/// Where the log files go.
fn dir() -> Option<PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("selfserve"))
}

/// Starts writing the log. Where there is nowhere to write it, there is no log: a command
/// never fails for want of one.
pub fn start(verbose: u8) {
    let Some(dir) = dir() else { return };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(file) = Capped::open(dir.join("selfserve.log"), CAP) else {
        return;
    };
    let level = match verbose {
        0 => "info",
        1 => "debug",
        _ => "trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        EnvFilter::new(format!(
            "warn,selfserve={level},selfserve_core={level},selfserve_server={level}"
        ))
    });
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .try_init();
}

/// The log file, rolled over once it holds `cap` bytes. Several processes append to it at once
/// (each command, a server): each looks at the file on disk before a line, so one that finds it
/// already rolled by another moves to the new file instead of rolling it again. (The rolling
/// crates count the bytes they wrote themselves and rename blindly: with two processes, one
/// would roll the other's fresh file over the previous one.)
pub struct Capped {
    path: PathBuf,
    previous: PathBuf,
    cap: u64,
    file: File,
}

impl Capped {
    pub fn open(path: PathBuf, cap: u64) -> io::Result<Capped> {
        let mut previous = path.clone().into_os_string();
        previous.push(".1");
        Ok(Capped {
            file: append(&path)?,
            previous: previous.into(),
            path,
            cap,
        })
    }

    /// Before a line: moves to the file at the path if it is no longer ours, and rolls ours
    /// over if it is full.
    fn roll_if_full(&mut self) -> io::Result<()> {
        let mine = self.file.metadata()?;
        match std::fs::metadata(&self.path) {
            Ok(there) if there.ino() == mine.ino() && there.dev() == mine.dev() => {
                if mine.len() < self.cap {
                    return Ok(());
                }
                std::fs::rename(&self.path, &self.previous)?;
            }
            // Rolled by another process, or removed: the file at the path is the log now.
            _ => {}
        }
        self.file = append(&self.path)?;
        Ok(())
    }
}

fn append(path: &std::path::Path) -> io::Result<File> {
    OpenOptions::new().create(true).append(true).open(path)
}

impl Write for Capped {
    /// One call per line: the formatter hands each event over whole.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.roll_if_full()?;
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::Capped;
    use std::io::Write;

    fn read(path: &std::path::Path) -> String {
        std::fs::read_to_string(path).unwrap_or_default()
    }

    #[test]
    fn a_full_file_becomes_the_previous_one_and_only_one_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("selfserve.log");
        let previous = dir.path().join("selfserve.log.1");
        let mut log = Capped::open(path.clone(), 100).expect("open");
        let line = |c: char| format!("{}\n", c.to_string().repeat(59));
        log.write_all(line('a').as_bytes()).expect("write");
        log.write_all(line('b').as_bytes()).expect("write");
        // 120 bytes: the next line starts a new file.
        assert!(!previous.exists());
        log.write_all(line('c').as_bytes()).expect("write");
        assert_eq!(read(&previous), line('a') + &line('b'));
        assert_eq!(read(&path), line('c'));
        log.write_all(line('d').as_bytes()).expect("write");
        log.write_all(line('e').as_bytes()).expect("write");
        // The one before is replaced: never more than two files.
        assert_eq!(read(&previous), line('c') + &line('d'));
        assert_eq!(read(&path), line('e'));
        let files = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(files, 2);
    }

    #[test]
    fn a_writer_that_finds_the_file_rolled_by_another_moves_to_the_new_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("selfserve.log");
        let previous = dir.path().join("selfserve.log.1");
        // Two processes' writers on the same log.
        let mut one = Capped::open(path.clone(), 20).expect("open");
        let mut two = Capped::open(path.clone(), 20).expect("open");
        one.write_all(b"one fills it\n").expect("write");
        two.write_all(b"two fills it more\n").expect("write");
        one.write_all(b"one rolls\n").expect("write");
        assert_eq!(read(&previous), "one fills it\ntwo fills it more\n");
        // Two's file is now the previous one, full: it writes to the new file, and the
        // previous one keeps what it had.
        two.write_all(b"two follows\n").expect("write");
        assert_eq!(read(&previous), "one fills it\ntwo fills it more\n");
        assert_eq!(read(&path), "one rolls\ntwo follows\n");
        // A removed log starts again.
        std::fs::remove_file(&path).expect("remove");
        one.write_all(b"again\n").expect("write");
        assert_eq!(read(&path), "again\n");
    }
}
