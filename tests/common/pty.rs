//! The real binary in a pseudo-terminal, read through a terminal emulator (vt100).
//! Every wait polls the screen with a deadline; nothing relies on a fixed sleep.

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;
pub const DEADLINE: Duration = Duration::from_secs(30);

pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for what the screen no longer shows (a cleared bar).
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    pub fn start(env: &super::Env, cwd: &Path, extra: &[&str]) -> Tui {
        Tui::start_as(env, cwd, super::ADMIN, extra)
    }

    /// Starts the dashboard as `login` (e.g. `super::READER`).
    pub fn start_as(env: &super::Env, cwd: &Path, login: &str, extra: &[&str]) -> Tui {
        Tui::start_in_locale(env, cwd, login, extra, "C.UTF-8")
    }

    /// Starts the dashboard as `login` under the locale `lang` (`LANG`, e.g. "fr_FR.UTF-8").
    pub fn start_in_locale(
        env: &super::Env,
        cwd: &Path,
        login: &str,
        extra: &[&str],
        lang: &str,
    ) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_selfserve"));
        cmd.args(extra);
        cmd.cwd(cwd);
        cmd.env("SELFSERVE_DB", &env.db);
        cmd.env("SELFSERVE_NOW", super::NOW);
        cmd.env("SELFSERVE_USER", login);
        cmd.env("LANG", lang);
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("SELFSERVE_LANG");
        // The test's own config home (a test may write a config file there) and log.
        cmd.env_remove("SELFSERVE_CONFIG");
        cmd.env_remove("RUST_LOG");
        cmd.env("XDG_CONFIG_HOME", env.dir.path().join("config"));
        cmd.env("XDG_STATE_HOME", env.state_home());
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("spawn selfserve");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (feed, keep) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().expect("parser").process(&buf[..n]);
                keep.lock().expect("raw").extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("pty writer");
        Tui {
            parser,
            raw,
            writer,
            child,
            _master: pty.master,
        }
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("pid") as i32
    }

    /// Resizes the terminal and its emulator, as a window resize would.
    pub fn resize(&self, rows: u16, cols: u16) {
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.parser
            .lock()
            .expect("parser")
            .screen_mut()
            .set_size(rows, cols);
    }

    /// Everything written so far, as text.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("raw")).into_owned()
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `text`; fails with the screen as it was.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            if start.elapsed() > DEADLINE {
                panic!("waited {DEADLINE:?} for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Whether the first cell of `text` on the screen is drawn bold (how matches are shown).
    pub fn highlighted(&self, text: &str) -> bool {
        let p = self.parser.lock().expect("parser");
        let screen = p.screen();
        for (row, line) in screen.rows(0, COLS).enumerate() {
            if let Some(at) = line.find(text) {
                let col = line[..at].chars().count() as u16;
                return screen.cell(row as u16, col).is_some_and(|c| c.bold());
            }
        }
        false
    }

    /// Waits for the process to end and returns its exit code.
    pub fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.exit_code();
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!(
                    "selfserve did not exit; the screen shows:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The terminal is back to normal: main screen, cursor shown.
    pub fn assert_restored(&self) {
        let start = Instant::now();
        loop {
            let (alt, hidden) = {
                let p = self.parser.lock().expect("parser");
                (p.screen().alternate_screen(), p.screen().hide_cursor())
            };
            if !alt && !hidden {
                return;
            }
            if start.elapsed() > DEADLINE {
                panic!("terminal not restored: alternate screen {alt}, cursor hidden {hidden}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
