//! The log: one file a day under the platform's state directory (`~/.local/state/selfserve/`,
//! `$XDG_STATE_HOME`), the last week kept. Never the terminal: the dashboard owns it. `RUST_LOG`
//! picks what is written; without it `-v` adds the reads and `-vv` everything, over the default
//! of each write and each refusal.

use tracing_subscriber::EnvFilter;

/// How many daily files are kept: the oldest goes when a new day starts one.
const KEEP: usize = 7;

/// Where the log files go.
fn dir() -> Option<std::path::PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("selfserve"))
}

/// Starts writing the log. Where there is nowhere to write it, there is no log: a command
/// never fails for want of one.
pub fn start(verbose: u8) {
    let Some(dir) = dir() else { return };
    // The appender would say on stderr (over the dashboard) that the directory is missing.
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(appender) = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("selfserve")
        .filename_suffix("log")
        .max_log_files(KEEP)
        .build(&dir)
    else {
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
        .with_writer(appender)
        .with_ansi(false)
        .try_init();
}
