//! The dashboard: terminal set-up and restore, and the event loop. One `select!` waits on the
//! terminal's events, a slow clock tick, the results of background loads and the signals that
//! end a session; the screen is drawn again only when something changed.

pub mod action;
pub mod app;
pub mod buyers;
pub mod dialogs;
pub mod driver;
pub mod effect;
pub mod fold;
pub mod input;
pub mod keymap;
pub mod labels;
pub mod lifecycle;
pub mod list;
pub mod notices;
pub mod rows;
pub mod runner;
pub mod screens;
pub mod session;
pub mod spend;
pub mod theme;
pub mod widgets;

#[cfg(test)]
mod tests;

use action::Action;
use app::App;
use chrono::{DateTime, Utc};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, EventStream, KeyEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use futures::StreamExt;
use selfserve_core::api::SessionInfo;
use selfserve_server::{Client, Watcher};
pub use session::{Clock, Options, Session};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::mpsc;

/// Why the loop ended: the user quit, a signal (its number) asked us to, or the server the
/// dashboard talks to went away (why).
enum Exit {
    Quit,
    Signal(i32),
    Gone(String),
}

/// How the loop ends once the app has quit.
fn ended(app: &mut App) -> Exit {
    match app.gone.take() {
        Some(why) => Exit::Gone(why),
        None => Exit::Quit,
    }
}

/// The session as the core describes it (`Request::Session`); `db` says where the data lives.
pub fn session(info: &SessionInfo, db: String, options: Options, now: DateTime<Utc>) -> Session {
    Session {
        upn: info.user_principal_name.clone(),
        role: info.role,
        tenant: info.tenant.display_name.clone(),
        cloud: info.tenant.cloud,
        demo: info.tenant.demo,
        db,
        // The core refuses a read-only actor's writes; the dashboard hides them too.
        readonly: info.read_only,
        export_path: format!("selfserve-users-{}.csv", now.format("%Y-%m-%d")),
        theme: theme::Theme::from_env(options.ascii, options.palette),
        keys: options.keys,
        lang: options.lang,
        now,
        relay: options.relay,
        mouse: options.mouse,
    }
}

/// Whether both ends of the session are a terminal the dashboard can take over.
pub fn have_terminal() -> bool {
    io::stdout().is_terminal() && io::stdin().is_terminal()
}

/// Runs the dashboard until the user quits or a signal ends it; the terminal is restored on
/// every way out (the panic hook covers the last one). With a `watcher`, other administrators'
/// changes show up live.
pub fn run(
    client: Client,
    watcher: Option<Watcher>,
    session: Session,
    clock: Clock,
) -> io::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            // Raw mode may be on already: put the terminal back before saying why.
            restore();
            return Err(e);
        }
    };
    show_cursor_on_panic();
    if session.mouse {
        if let Err(e) = crossterm::execute!(io::stdout(), EnableMouseCapture) {
            restore();
            return Err(e);
        }
    }
    let size = terminal.size().unwrap_or_default();
    let app = App::new(session, (size.width, size.height), clock.text());
    let outcome = runtime.block_on(event_loop(
        &mut terminal,
        app,
        Arc::new(client),
        watcher,
        clock,
    ));
    restore();
    // The blocking pool may still be reading; the process is ending, so do not wait for it.
    runtime.shutdown_background();
    match outcome? {
        Exit::Quit => Ok(ExitCode::SUCCESS),
        Exit::Signal(n) => Ok(ExitCode::from(128 + n as u8)),
        Exit::Gone(why) => {
            eprintln!("selfserve: {why}");
            Ok(ExitCode::from(5))
        }
    }
}

/// Leaves the alternate screen and raw mode, and shows the cursor again; the mouse is the
/// terminal's again (asked whether or not it was taken: a terminal ignores a mode it never had).
fn restore() {
    let mut out = io::stdout();
    let _ = crossterm::execute!(out, DisableMouseCapture);
    let _ = ratatui::try_restore();
    let _ = crossterm::execute!(out, crossterm::cursor::Show);
    let _ = out.flush();
}

/// ratatui's panic hook leaves raw mode and the alternate screen; this one also shows the cursor
/// and gives the mouse back.
fn show_cursor_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), DisableMouseCapture, crossterm::cursor::Show);
        previous(info);
    }));
}

async fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    client: Arc<Client>,
    watcher: Option<Watcher>,
    clock: Clock,
) -> io::Result<Exit> {
    let (tx, mut rx) = mpsc::unbounded_channel::<Action>();
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut term = signal(SignalKind::terminate())?;
    let mut hup = signal(SignalKind::hangup())?;
    let mut int = signal(SignalKind::interrupt())?;
    let lang = app.session.lang;
    for fx in app.start() {
        runner::spawn(fx, &client, &tx, lang);
    }
    if let Some(watcher) = watcher {
        notices::spawn(watcher, client.connection(), &tx, lang);
    }
    let mut dirty = true;
    loop {
        if dirty {
            draw(terminal, &app)?;
            dirty = false;
        }
        let mut batch: Vec<Action> = Vec::new();
        let mut terminal_events: Vec<Event> = Vec::new();
        tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => terminal_events.push(ev),
                Some(Err(e)) => return Err(e),
                None => return Ok(Exit::Quit),
            },
            Some(action) = rx.recv() => batch.push(action),
            _ = tick.tick() => batch.push(Action::Tick { clock: clock.text(), now: clock.now() }),
            _ = term.recv() => return Ok(Exit::Signal(libc::SIGTERM)),
            _ = hup.recv() => return Ok(Exit::Signal(libc::SIGHUP)),
            _ = int.recv() => return Ok(Exit::Signal(libc::SIGINT)),
        }
        // Coalesce a burst (pasted keys, a held arrow, a window being dragged): take everything
        // already waiting before drawing once. The stream is polled with this task's own waker:
        // polled with a no-op one (`now_or_never`) it would wake nobody when the next key came.
        while let Some(ready) = ready_event(&mut events).await {
            match ready {
                Some(Ok(ev)) => terminal_events.push(ev),
                Some(Err(e)) => return Err(e),
                None => return Ok(Exit::Quit),
            }
        }
        while let Ok(action) = rx.try_recv() {
            batch.push(action);
        }
        // Keys are translated one by one: each may change the mode the next one is read in.
        for ev in terminal_events {
            match ev {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    for key in input::typed(key) {
                        if let Some(action) = app.action_for(&key) {
                            dirty |= apply(&mut app, action, &client, &tx);
                        }
                    }
                }
                Event::Mouse(mouse) => {
                    if let Some(action) = app.mouse_action(&mouse) {
                        dirty |= apply(&mut app, action, &client, &tx);
                    }
                }
                Event::Resize(w, h) => dirty |= apply(&mut app, Action::Resize(w, h), &client, &tx),
                _ => {}
            }
            if app.quit {
                return Ok(ended(&mut app));
            }
        }
        for action in batch {
            dirty |= apply(&mut app, action, &client, &tx);
        }
        if app.quit {
            return Ok(ended(&mut app));
        }
    }
}

/// What the stream has ready (an event, an error, or its end), or `None` if nothing is waiting.
async fn ready_event(events: &mut EventStream) -> Option<Option<io::Result<Event>>> {
    futures::future::poll_fn(|cx| match events.poll_next_unpin(cx) {
        Poll::Ready(item) => Poll::Ready(Some(item)),
        Poll::Pending => Poll::Ready(None),
    })
    .await
}

/// Runs one action through `update` and starts its effects; true if the screen changed.
fn apply(
    app: &mut App,
    action: Action,
    client: &Arc<Client>,
    tx: &mpsc::UnboundedSender<Action>,
) -> bool {
    let lang = app.session.lang;
    for fx in app.update(action) {
        runner::spawn(fx, client, tx, lang);
    }
    app.dirty
}

/// One frame, inside a synchronized update: a terminal that knows it shows the frame whole,
/// never half-drawn over a slow link; one that does not ignores the two sequences.
fn draw(terminal: &mut ratatui::DefaultTerminal, app: &App) -> io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|f| screens::draw(f, app))?;
    crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}
