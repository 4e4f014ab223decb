//! A damaged sled file can make a scan spin forever (ARCHITECTURE.md): long reads report progress,
//! and a watchdog ends the process with exit 5 when progress stops.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Watchdog {
    done: Arc<AtomicBool>,
}

impl Watchdog {
    /// Ends the process, saying `stalled`, if what it guards does not end within `stall`.
    pub fn start(stalled: String, stall: Duration) -> Watchdog {
        Watchdog::watching(stalled, stall, Arc::new(AtomicU64::new(0)))
    }

    /// Ends the process, saying `stalled` (one line in the reader's language), if `progress`
    /// does not move for `stall`.
    pub fn watching(stalled: String, stall: Duration, progress: Arc<AtomicU64>) -> Watchdog {
        let done = Arc::new(AtomicBool::new(false));
        let (d, p) = (done.clone(), progress);
        std::thread::spawn(move || {
            let mut last = p.load(Ordering::Relaxed);
            let mut since = Instant::now();
            while !d.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
                let now = p.load(Ordering::Relaxed);
                if now != last {
                    last = now;
                    since = Instant::now();
                } else if since.elapsed() >= stall && !d.load(Ordering::Relaxed) {
                    eprintln!("selfserve: {stalled}");
                    std::process::exit(5);
                }
            }
        });
        Watchdog { done }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
    }
}
