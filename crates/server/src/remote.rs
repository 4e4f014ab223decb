//! `--remote [USER@]HOST[:PORT]`: the socket protocol carried by OpenSSH. The client starts
//! `ssh [-p PORT] [USER@]HOST selfserve connect` (or `SELFSERVE_SSH`'s words instead of `ssh`),
//! and speaks the same frames on the child's stdin and stdout; `selfserve connect` on the other
//! host bridges them to the server's socket there. OpenSSH authenticates; the server takes the
//! identity from its own peer credentials, so the SSH login is who acts.

use crate::protocol::{Hello, PROTOCOL};
use crate::socket_client::FramedClient;
use selfserve_core::i18n::Text;
use selfserve_core::{text, Error};
use std::io::{self, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Where `--remote` points: what ssh is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// `[USER@]HOST`, as ssh takes it.
    pub destination: String,
    pub port: Option<u16>,
}

/// How much of ssh's stderr is kept to explain a failure: its last lines are what matter.
const STDERR_KEPT: usize = 8 * 1024;

impl Remote {
    /// Parses `[USER@]HOST[:PORT]`; an IPv6 address with a port goes in brackets (`[::1]:2222`).
    pub fn parse(text: &str) -> Result<Remote, Error> {
        let bad =
            |why: &str| Error::usage(text!("server-remote-bad", given = text, why = text!(why)));
        let (user, rest) = match text.rsplit_once('@') {
            Some((user, rest)) => (Some(user), rest),
            None => (None, text),
        };
        let (host, port) = if let Some(bracketed) = rest.strip_prefix('[') {
            let (host, after) = bracketed
                .split_once(']')
                .ok_or_else(|| bad("server-remote-no-bracket"))?;
            match after.strip_prefix(':') {
                Some(port) => (host, Some(port)),
                None if after.is_empty() => (host, None),
                None => return Err(bad("server-remote-after-bracket")),
            }
        } else {
            match rest.split_once(':') {
                // One colon is a port; more is a bare IPv6 address.
                Some((host, port)) if !port.contains(':') => (host, Some(port)),
                _ => (rest, None),
            }
        };
        let port = port
            .map(|p| p.parse::<u16>().map_err(|_| bad("server-remote-port")))
            .transpose()?;
        // A leading dash would reach ssh as an option (`-oProxyCommand=...`).
        if host.is_empty()
            || host.starts_with('-')
            || user.is_some_and(|u| u.is_empty() || u.starts_with('-'))
        {
            return Err(bad("server-remote-no-host"));
        }
        let destination = match user {
            Some(user) => format!("{user}@{host}"),
            None => host.to_string(),
        };
        Ok(Remote { destination, port })
    }

    /// The command line: `SELFSERVE_SSH`'s words (else `ssh`), `-p PORT` where given, the
    /// destination, then `selfserve connect`.
    pub fn command_line(&self, ssh: Option<&str>) -> Vec<String> {
        let mut words: Vec<String> = ssh
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .filter(|w: &Vec<String>| !w.is_empty())
            .unwrap_or_else(|| vec!["ssh".to_string()]);
        if let Some(port) = self.port {
            words.extend(["-p".to_string(), port.to_string()]);
        }
        words.extend([
            self.destination.clone(),
            "selfserve".to_string(),
            "connect".to_string(),
        ]);
        words
    }

    fn describe(&self) -> Text {
        match self.port {
            Some(port) => text!(
                "server-over-ssh-port",
                destination = &self.destination,
                port = port.to_string()
            ),
            None => text!("server-over-ssh", destination = &self.destination),
        }
    }
}

/// The child's stdout to read answers from and its stdin to write requests to, as one stream.
pub struct Pipes {
    from: ChildStdout,
    to: ChildStdin,
}

impl Read for Pipes {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.from.read(buf)
    }
}

impl Write for Pipes {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.to.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.to.flush()
    }
}

/// A connection through a running ssh; ending it ends the child.
pub struct SshClient {
    pub framed: FramedClient<Pipes>,
    child: Child,
}

impl SshClient {
    /// Starts ssh (`ssh` is `SELFSERVE_SSH`) and says hello through it. `SELFSERVE_USER` is
    /// never sent: the server would honour it only from its own account or root.
    pub fn connect(
        remote: &Remote,
        ssh: Option<&str>,
        front_end: &str,
        read_only: bool,
    ) -> Result<SshClient, Error> {
        let words = remote.command_line(ssh);
        let program = &words[0];
        let mut child = Command::new(program)
            .args(&words[1..])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => {
                    Error::database(text!("server-ssh-missing", program = program))
                }
                _ => Error::database(text!(
                    "server-ssh-failed",
                    program = program,
                    error = e.to_string()
                )),
            })?;
        let stderr = child.stderr.take().map(keep_stderr);
        let (Some(from), Some(to)) = (child.stdout.take(), child.stdin.take()) else {
            return Err(Error::database(text!(
                "server-ssh-no-pipes",
                program = program
            )));
        };
        let hello = Hello {
            protocol: PROTOCOL,
            // `server status` shows how each one came.
            front_end: format!("{front_end} over ssh"),
            login: None,
            read_only,
        };
        match FramedClient::hello(Pipes { from, to }, remote.describe(), &hello) {
            Ok(Ok((framed, _))) => Ok(SshClient { framed, child }),
            // The server said no (a login bound to nobody, another version): its reason stands.
            Ok(Err(refused)) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(refused)
            }
            // No answer: ssh or the command it ran ended, and their words say why.
            Err(no_answer) => {
                let status = wait_briefly(&mut child);
                let said = stderr
                    .and_then(|rx| rx.recv_timeout(Duration::from_secs(2)).ok())
                    .unwrap_or_default();
                Err(explain(remote, status, &said).unwrap_or(no_answer))
            }
        }
    }
}

impl Drop for SshClient {
    fn drop(&mut self) {
        // Every request has had its answer: nothing is cut short.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads the child's stderr to its end, so ssh never blocks on it, keeping the last part to
/// explain a failure (it goes nowhere else: the dashboard owns the terminal).
fn keep_stderr(mut stderr: std::process::ChildStderr) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = stderr.read(&mut buf) {
            kept.extend_from_slice(&buf[..n]);
            let excess = kept.len().saturating_sub(STDERR_KEPT);
            kept.drain(..excess);
        }
        let _ = tx.send(String::from_utf8_lossy(&kept).into_owned());
    });
    rx
}

/// One line for a connection that ended before its hello, from ssh's exit status and stderr;
/// `None` when they say nothing useful.
fn explain(remote: &Remote, status: Option<ExitStatus>, stderr: &str) -> Option<Error> {
    let dest = &remote.destination;
    let line = stderr
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("")
        .trim_start_matches("selfserve: ");
    let code = status.and_then(|s| s.code());
    // What ssh said is its own words; where it said nothing, ours.
    let said = |fallback: &str| {
        if line.is_empty() {
            text!(fallback)
        } else {
            Text::Verbatim(line.to_string())
        }
    };
    match code {
        // ssh's own failures: it exits 255.
        Some(255)
            if line.contains("Permission denied")
                || line.contains("Too many authentication failures") =>
        {
            Some(Error::denied(text!(
                "server-ssh-login",
                destination = dest,
                said = line
            )))
        }
        Some(255) => Some(Error::database(text!(
            "server-ssh-unreachable",
            destination = dest,
            said = said("server-ssh-failed-short")
        ))),
        // The shell there found no `selfserve` to run.
        Some(127) => Some(Error::database(text!(
            "server-ssh-not-installed",
            destination = dest,
            said = said("server-ssh-command-not-found")
        ))),
        // `selfserve connect` there said why, with its exit code's meaning.
        Some(3) if !line.is_empty() => Some(Error::denied(on_host(dest, line))),
        Some(_) if !line.is_empty() => Some(Error::database(on_host(dest, line))),
        _ => None,
    }
}

/// What the other host's selfserve said (in its own words and language), and where.
fn on_host(dest: &str, line: &str) -> Text {
    text!("server-on-host", destination = dest, said = line)
}

/// The child's exit status once it ends, waiting a little: with no answer to the hello it is
/// ending; one that does not is ended.
fn wait_briefly(child: &mut Child) -> Option<ExitStatus> {
    for _ in 0..150 {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Remote {
        Remote::parse(text).expect(text)
    }

    #[test]
    fn destinations_and_ports() {
        assert_eq!(parse("jump").destination, "jump");
        assert_eq!(parse("alice@jump:2222").destination, "alice@jump");
        assert_eq!(parse("alice@jump:2222").port, Some(2222));
        assert_eq!(parse("::1").destination, "::1");
        assert_eq!(parse("::1").port, None);
        assert_eq!(parse("bob@[::1]:22").destination, "bob@::1");
        assert_eq!(parse("bob@[::1]:22").port, Some(22));
        for bad in [
            "",
            "jump:port",
            "-oProxyCommand=x",
            "@jump",
            "[::1",
            "jump:99999",
        ] {
            let err = Remote::parse(bad).expect_err(bad);
            assert_eq!(err.exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn the_command_line_appends_to_selfserve_ssh() {
        let remote = parse("alice@jump:2222");
        assert_eq!(
            remote.command_line(None),
            ["ssh", "-p", "2222", "alice@jump", "selfserve", "connect"]
        );
        assert_eq!(
            remote.command_line(Some("ssh -i key  -o BatchMode=yes")),
            [
                "ssh",
                "-i",
                "key",
                "-o",
                "BatchMode=yes",
                "-p",
                "2222",
                "alice@jump",
                "selfserve",
                "connect"
            ]
        );
        assert_eq!(
            remote.command_line(Some("  ")).first().map(String::as_str),
            Some("ssh")
        );
    }

    #[test]
    fn failures_get_one_line_each() {
        let remote = parse("alice@jump");
        let exit = |code: i32| {
            use std::os::unix::process::ExitStatusExt;
            Some(ExitStatus::from_raw(code << 8))
        };
        let auth = explain(
            &remote,
            exit(255),
            "alice@jump: Permission denied (publickey).\n",
        );
        assert_eq!(auth.map(|e| e.exit_code()), Some(3));
        let down = explain(
            &remote,
            exit(255),
            "ssh: connect to host jump port 22: Connection refused\n",
        )
        .expect("explained");
        assert_eq!(down.exit_code(), 5);
        assert!(
            down.to_string().contains("cannot reach alice@jump"),
            "{down}"
        );
        let missing = explain(
            &remote,
            exit(127),
            "bash: line 1: selfserve: command not found\n",
        )
        .expect("explained");
        assert!(
            missing.to_string().contains("selfserve is not installed"),
            "{missing}"
        );
        let no_server = explain(
            &remote,
            exit(5),
            "selfserve: no selfserve server answers on /run/s.sock\n",
        )
        .expect("explained");
        assert_eq!(
            no_server.to_string(),
            "on alice@jump: no selfserve server answers on /run/s.sock"
        );
    }
}
