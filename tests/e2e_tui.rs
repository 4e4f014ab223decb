//! The real binary in a pseudo-terminal: keys in, screen out, through a terminal emulator.
//! Every wait polls the screen with a deadline; nothing relies on a fixed sleep.

mod common;

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 24;
const COLS: u16 = 80;
const DEADLINE: Duration = Duration::from_secs(30);

struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    fn start(env: &common::Env, cwd: &Path, extra: &[&str]) -> Tui {
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
        cmd.env("SELFSERVE_NOW", common::NOW);
        cmd.env("SELFSERVE_USER", common::ADMIN);
        cmd.env("LANG", "C.UTF-8");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("spawn selfserve");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let feed = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().expect("parser").process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("pty writer");
        Tui {
            parser,
            writer,
            child,
            _master: pty.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `text`; fails with the screen as it was.
    fn wait_for(&self, text: &str) {
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

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Whether the first cell of `text` on the screen is drawn bold (how matches are shown).
    fn highlighted(&self, text: &str) -> bool {
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
    fn exit_code(&mut self) -> u32 {
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
    fn assert_restored(&self) {
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

#[test]
fn browse_filter_search_open_export_and_quit() {
    let env = common::Env::demo();
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    t.wait_for("DEMO");

    t.send("f");
    t.wait_for("filter on");

    // Incremental, case- and accent-insensitive.
    t.send("/pówer bi pro");
    t.wait_for("1 match ");
    assert!(t.highlighted("Power BI Pro"), "the match is highlighted");
    t.send("\r");
    t.send("\r");
    t.wait_for("Power BI Pro (self-service only)");

    // Open the first subscription: its details and its users, under their buyer.
    t.send("\r");
    t.wait_for("Purchased by");
    t.wait_for("Licenses:");

    // Export it.
    t.send("4");
    t.wait_for("Export users to CSV");
    t.send(" ");
    t.wait_for("Marked: 1 subscription");
    t.send("w");
    t.wait_for("Wrote ");
    let file = env.dir.path().join("selfserve-users-2026-11-23.csv");
    let csv =
        std::fs::read_to_string(&file).expect("the export is written in the current directory");
    assert!(csv.starts_with("Display name,User principal name,Product,Product ID"));
    assert!(csv.lines().count() >= 2, "{csv}");
    assert!(t
        .screen()
        .contains(&format!("Wrote {} user row", csv.lines().count() - 1)));

    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    let env = common::Env::demo();
    for (signal, code) in [(libc::SIGTERM, 128 + 15), (libc::SIGHUP, 128 + 1)] {
        let mut t = Tui::start(&env, env.dir.path(), &["--readonly"]);
        t.wait_for("READ-ONLY");
        let pid = t.child.process_id().expect("pid") as i32;
        // SAFETY: kill only sends a signal to the child this test started.
        unsafe {
            libc::kill(pid, signal);
        }
        assert_eq!(t.exit_code(), code);
        t.assert_restored();
    }
}

#[test]
fn too_small_says_so_plainly() {
    let env = common::Env::demo();
    let mut t = Tui::start(&env, env.dir.path(), &["--ascii"]);
    t.wait_for("+ Products");
    t._master
        .resize(PtySize {
            rows: 10,
            cols: 40,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize");
    t.parser
        .lock()
        .expect("parser")
        .screen_mut()
        .set_size(10, 40);
    t.wait_for("too small");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let env = common::Env::demo();
    let mut t = Tui::start(&env, env.dir.path(), &[]);
    t.wait_for("Products · 1 of 17");
    t.send("\u{3}");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}
