//! A real `selfserve serve` as a child process: started on a database, stopped with SIGTERM.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    child: Child,
    pub socket: PathBuf,
    /// Where its stderr (the log) goes.
    pub log: PathBuf,
}

/// The default socket beside a database, as the binary computes it.
pub fn socket_beside(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".sock");
    PathBuf::from(s)
}

impl Server {
    /// Starts `selfserve serve --db DB --socket SOCKET EXTRA...` and waits until it serves.
    pub fn start(db: &Path, socket: &Path, extra: &[&str]) -> Server {
        Server::start_with(super::bin(), db, socket, extra)
    }

    /// The same with a command of the caller's making (another binary path, say).
    pub fn start_with(mut cmd: Command, db: &Path, socket: &Path, extra: &[&str]) -> Server {
        let log = PathBuf::from(format!("{}.log", socket.display()));
        let file = std::fs::File::create(&log).expect("server log");
        let child = cmd
            .arg("serve")
            .arg("--db")
            .arg(db)
            .arg("--socket")
            .arg(socket)
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(file)
            .spawn()
            .expect("start selfserve serve");
        let mut server = Server {
            child,
            socket: socket.to_path_buf(),
            log,
        };
        server.wait_serving();
        server
    }

    /// Polls the log for the line it writes once the socket is ready (mode and group set).
    fn wait_serving(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !self.log_text().contains(" serving ") {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the server ended ({status}): {}", self.log_text());
            }
            assert!(Instant::now() < deadline, "no server: {}", self.log_text());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: kill only sends a signal to the child this test started.
        unsafe {
            libc::kill(self.child.id() as i32, signal);
        }
    }

    /// SIGTERM, then waits for it to end.
    pub fn stop(&mut self) -> ExitStatus {
        if let Ok(Some(status)) = self.child.try_wait() {
            return status;
        }
        self.signal(libc::SIGTERM);
        self.child.wait().expect("wait for the server")
    }

    /// SIGKILL, then waits: a server that leaves its socket behind.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}
