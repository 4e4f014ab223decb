//! The dashboard without a terminal: the app, its client and the same effect runner as the
//! event loop, for tests and benchmarks. Effects run concurrently on the blocking pool, as in
//! the real loop, and their results are applied in the order they finish.

use super::action::Action;
use super::app::App;
use super::effect::Effect;
use super::input;
use super::runner;
use super::screens;
use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use selfserve_server::Client;
use std::io;
use std::sync::Arc;
use std::time::Duration;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;

/// Longer than any effect takes on a test tenant: past it, one never came back (a bug).
const EFFECT_TIMEOUT: Duration = Duration::from_secs(300);

pub struct Driver {
    pub app: App,
    pub client: Arc<Client>,
    runtime: Runtime,
    tx: mpsc::UnboundedSender<Action>,
    rx: mpsc::UnboundedReceiver<Action>,
    in_flight: usize,
}

impl Driver {
    /// Drives `app` through `client`; nothing runs until `start` or an action.
    pub fn new(client: Client, app: App) -> io::Result<Driver> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()?;
        let (tx, rx) = mpsc::unbounded_channel();
        Ok(Driver {
            app,
            client: Arc::new(client),
            runtime,
            tx,
            rx,
            in_flight: 0,
        })
    }

    /// The loads of the first screen, as the dashboard starts them, until all are back.
    pub fn start(&mut self) -> &mut Self {
        let fx = self.app.start();
        self.run(fx)
    }

    /// One action, then every effect it leads to, until none is left.
    pub fn act(&mut self, action: Action) -> &mut Self {
        let fx = self.app.update(action);
        self.run(fx)
    }

    /// A key as the terminal sends it (Alt+key is Esc then the key, as in the event loop); the
    /// error names a key with no binding in the mode it arrived in.
    pub fn press(&mut self, event: KeyEvent) -> Result<&mut Self, String> {
        for key in input::typed(event) {
            match self.app.action_for(&key) {
                Some(action) => self.act(action),
                None => {
                    return Err(format!(
                        "no binding for {:?} {:?} in {:?}",
                        key.modifiers,
                        key.code,
                        self.app.mode()
                    ))
                }
            };
        }
        Ok(self)
    }

    /// A mouse event as the terminal sends it, where the session takes the mouse.
    pub fn mouse(&mut self, event: MouseEvent) -> &mut Self {
        match self.app.mouse_action(&event) {
            Some(action) => self.act(action),
            None => self,
        }
    }

    /// Starts `fx` and applies their results (and those of the effects they lead to).
    pub fn run(&mut self, fx: Vec<Effect>) -> &mut Self {
        self.spawn(fx);
        while self.in_flight > 0 {
            let next = self
                .runtime
                .block_on(async { tokio::time::timeout(EFFECT_TIMEOUT, self.rx.recv()).await });
            let Ok(Some(action)) = next else {
                panic!("an effect never came back within {EFFECT_TIMEOUT:?}");
            };
            // Progress is not an effect's end: its result is still to come.
            if !matches!(
                action,
                Action::OutboxProgress { .. } | Action::ExportProgress { .. }
            ) {
                self.in_flight -= 1;
            }
            let fx = self.app.update(action);
            self.spawn(fx);
        }
        self
    }

    fn spawn(&mut self, fx: Vec<Effect>) {
        let _runtime = self.runtime.enter();
        for effect in fx {
            runner::spawn(effect, &self.client, &self.tx, self.app.session.lang);
            self.in_flight += 1;
        }
    }

    /// Draws one frame into `terminal`, as the event loop does.
    pub fn draw(&self, terminal: &mut Terminal<TestBackend>) {
        // The test backend cannot fail.
        let Ok(_) = terminal.draw(|f| screens::draw(f, &self.app));
    }

    /// The screen at the app's size, as text.
    pub fn render(&self) -> String {
        let (w, h) = self.app.size;
        let Ok(mut terminal) = Terminal::new(TestBackend::new(w, h));
        self.draw(&mut terminal);
        terminal.backend().to_string()
    }
}
