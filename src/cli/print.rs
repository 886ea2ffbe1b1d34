//! The event printer: a runner's events as human lines on stdout (or one JSON object per line
//! with `--json`), a progress bar on a terminal's stderr, failures on stderr, and the capture
//! file when `--pcap` asks for one.

use crate::net::runner::Reporter;
use std::io::{BufWriter, IsTerminal, StdoutLock, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use crate::net::batch::{Batches, Taken};

use super::interrupt;
use crate::error::Error;
use crate::net::addr::reachable_addresses;
use crate::net::capture::Capture;
use crate::net::event::{AddExchange, Event, GuessReport, Level, Progress, Reply, Stamped};
use crate::net::file;
use crate::net::runner::RunHandle;
use crate::protocol::escape_bytes;
use crate::t;

/// Events queued for the printer at most, and so the most written in one batch; a runner's
/// threads then wait for it, as a program's `print()` waits for its terminal (they sleep: see
/// net::batch). The events are a few hundred bytes each (an echo exchange is two without
/// `--verbose`, four with it). Unbounded, a class of a thousand echo clients queued 193,000
/// events (about 60 MiB) behind the printer (docs/benchmarks.md).
const EVENT_QUEUE: usize = 4096;

/// How long a busy printer lets events gather before the next batch (a line can show about this
/// much later).
const PRINT_GATHER: Duration = Duration::from_millis(10);

/// How often a printer with nothing to print looks for a Ctrl-C.
const INTERRUPT_POLL: Duration = Duration::from_millis(100);

/// The capture `--pcap` writes, and its path.
type CaptureFile = (Capture<BufWriter<std::fs::File>>, PathBuf);

/// Prints events until the runner finishes; the exit code follows its result.
pub(super) fn finish(
    handle: crate::error::Result<RunHandle>,
    rx: &Batches,
    output: OutputArgs,
) -> ExitCode {
    let handle = match handle {
        Ok(h) => h,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(1);
        }
    };
    let capture = match open_capture(&output) {
        Ok(capture) => capture,
        Err(message) => {
            eprintln!("{message}");
            handle.stop();
            handle.join();
            return ExitCode::from(1);
        }
    };
    let mut printer = Printer::new(output, capture);
    interrupt::install();
    printer.print_until_finished(rx, &handle);
    printer.end(handle)
}

/// The capture `--pcap` asks for, with its path; or the error line when it cannot be written.
fn open_capture(output: &OutputArgs) -> Result<Option<CaptureFile>, String> {
    let Some(path) = &output.pcap else {
        return Ok(None);
    };
    match Capture::create(path, Default::default()) {
        Ok(c) => Ok(Some((c, path.clone()))),
        Err(e) => Err(t!(
            "cli-error",
            message = t!(
                "cli-capture-failed",
                path = path.display().to_string(),
                reason = crate::error::reason(&e)
            )
        )),
    }
}

/// Where a runner's events go, and what printing them has shown so far.
struct Printer {
    out: BufWriter<StdoutLock<'static>>,
    json: bool,
    verbose: bool,
    capture: Option<CaptureFile>,
    /// Whether transfers show a progress bar (on a terminal's stderr, without --json).
    progress_bar: bool,
    /// Whether the bar is on screen, so that the next line starts below it.
    bar_shown: bool,
    code: ExitCode,
}

impl Printer {
    fn new(output: OutputArgs, capture: Option<CaptureFile>) -> Self {
        Self {
            out: BufWriter::with_capacity(64 * 1024, std::io::stdout().lock()),
            json: output.json,
            verbose: output.verbose,
            capture,
            progress_bar: !output.json && std::io::stderr().is_terminal(),
            bar_shown: false,
            code: ExitCode::from(1),
        }
    }

    /// Prints every event up to the runner's last.
    ///
    /// Lines are written in batches: everything already waiting, then one write. Under load (a
    /// class of clients) events come faster than one write each, and a printer woken for every
    /// event takes the CPU the connections need; a busy printer lets the next batch gather.
    /// A Ctrl-C meanwhile asks the runner to stop (its last events follow).
    fn print_until_finished(&mut self, rx: &Batches, handle: &RunHandle) {
        // Taken as promptly as the sessions whose events it prints (net::sched).
        crate::net::sched::short_slice();
        let mut spare = Vec::new();
        loop {
            if interrupt::interrupted() && !handle.stop_flag().is_stopped() {
                handle.stop();
            }
            let Taken { mut events, closed } = rx.take(INTERRUPT_POLL, spare);
            if closed {
                return;
            }
            let batch = events.len();
            for stamped in events.drain(..) {
                self.record(&stamped);
                if self.print(*stamped) {
                    let _ = self.out.flush();
                    return;
                }
            }
            spare = events;
            let _ = self.out.flush();
            if batch > 1 && batch < EVENT_QUEUE {
                // Busy, but caught up: let the next events gather, unless they fill the queue
                // first (its senders would wait for the rest of the pause).
                rx.gather(PRINT_GATHER);
            }
        }
    }

    /// Adds the event to the capture; a capture that fails stops, with a warning.
    fn record(&mut self, stamped: &Stamped) {
        if let Some((c, path)) = &mut self.capture
            && let Err(e) = c.record_and_flush(stamped)
        {
            let _ = self.out.flush();
            eprintln!(
                "{}",
                t!(
                    "cli-capture-stopped",
                    path = path.display().to_string(),
                    reason = crate::error::reason(&e)
                )
            );
            self.capture = None;
        }
    }

    /// Prints one event; true when it is the runner's end.
    fn print(&mut self, stamped: Stamped) -> bool {
        if stamped.event.is_capture_only() {
            return false;
        }
        if let Event::Progress(p) = &stamped.event {
            if self.progress_bar {
                let _ = self.out.flush();
                eprint!("\r{}", progress_line(p));
                self.bar_shown = true;
            }
            if !self.json {
                return false;
            }
        } else if self.bar_shown {
            let _ = self.out.flush();
            eprintln!();
            self.bar_shown = false;
        }
        if self.json {
            let _ = writeln!(self.out, "{}", stamped.to_json());
        }
        match stamped.event {
            Event::Finished(Ok(summary)) => {
                if !self.json {
                    let _ = writeln!(self.out, "{}", summary.message);
                }
                self.code = ExitCode::SUCCESS;
                true
            }
            Event::Finished(Err(e)) => {
                let _ = self.out.flush();
                print_error(&e);
                true
            }
            event => {
                if !self.json {
                    print_human(&mut self.out, &event, self.verbose);
                }
                false
            }
        }
    }

    /// Flushes what is left, waits for the runner's thread, and closes the capture.
    fn end(self, handle: RunHandle) -> ExitCode {
        let Self {
            mut out,
            capture,
            code,
            ..
        } = self;
        let _ = out.flush();
        drop(out);
        handle.join();
        if let Some((c, path)) = capture {
            eprintln!(
                "{}",
                t!(
                    "cli-capture-done",
                    count = c.packets(),
                    path = path.display().to_string()
                )
            );
        }
        code
    }
}

/// One terminal line for a transfer: a bar when the size is known, and the numbers.
fn progress_line(p: &Progress) -> String {
    let bar = match p.total {
        Some(total) if total > 0 => {
            let filled = ((p.bytes as f64 / total as f64) * 30.0).round() as usize;
            format!(
                "[{}{}] ",
                "#".repeat(filled.min(30)),
                ".".repeat(30 - filled.min(30))
            )
        }
        _ => String::new(),
    };
    format!(
        "{bar}{}   ",
        t!(
            "cli-progress",
            size = file::human_bytes(p.bytes),
            count = p.chunks,
            rate = file::rate(p.bytes, p.elapsed),
            time = crate::units::decimal(p.elapsed.as_secs_f64(), 1)
        )
    )
}

/// One line on stderr: the reason, then the hint in parentheses when there is one.
pub(super) fn print_error(e: &Error) {
    match e.hint() {
        Some(hint) => eprintln!(
            "{}",
            t!("cli-error-hint", message = e.to_string(), hint = hint)
        ),
        None => eprintln!("{}", t!("cli-error", message = e.to_string())),
    }
}

/// The human line(s) for one event; the exercise results read like the handouts ask.
pub fn print_human(out: &mut impl Write, event: &Event, verbose: bool) {
    let _ = match event {
        Event::Listening { local, tcp } => write_listening(out, *local, *tcp),
        Event::Accepted { peer, .. } => {
            writeln!(out, "{}", t!("cli-accepted", peer = peer.to_string()))
        }
        Event::Connected { local, peer, .. } if verbose => {
            writeln!(out, "socket {local} -> {peer}")
        }
        Event::Sent { peer, bytes } if verbose => {
            writeln!(
                out,
                "-> {peer} {}",
                t!(
                    "cli-bytes-quoted",
                    count = bytes.len(),
                    text = escape_bytes(bytes)
                )
            )
        }
        Event::Packet {
            peer, sent, note, ..
        } if verbose => {
            writeln!(out, "{} {peer} {note}", if *sent { "->" } else { "<-" })
        }
        // Always shown: the datagram a user expected to arrive did not, on purpose.
        Event::Dropped { peer, bytes } => {
            writeln!(
                out,
                "x  {peer} {}",
                t!(
                    "cli-dropped",
                    count = bytes.len(),
                    text = escape_bytes(&bytes[..bytes.len().min(200)])
                )
            )
        }
        Event::Received { peer, bytes } if verbose => {
            writeln!(
                out,
                "<- {peer} {}",
                t!(
                    "cli-bytes-quoted",
                    count = bytes.len(),
                    text = escape_bytes(bytes)
                )
            )
        }
        Event::Closed { peer, reason, .. } if verbose => writeln!(
            out,
            "{}",
            t!(
                "cli-closed",
                peer = peer.to_string(),
                reason = reason.to_string()
            )
        ),
        Event::Log { level, peer, text } => {
            let who = peer.map(|p| format!("{p}: ")).unwrap_or_default();
            match level {
                Level::Info => writeln!(out, "{who}{text}"),
                Level::Warn => writeln!(
                    out,
                    "{}",
                    t!("cli-warning", message = format!("{who}{text}"))
                ),
                Level::Error => {
                    writeln!(out, "{}", t!("cli-error", message = format!("{who}{text}")))
                }
            }
        }
        Event::Add(x) => write_add(out, x),
        Event::Reply(r) => write_reply(out, r),
        Event::Secret { peer, secret } => {
            writeln!(
                out,
                "{peer}: {}",
                t!("cli-new-game", secret = secret.to_string())
            )
        }
        Event::Guess(g) => write_guess(out, g),
        _ => Ok(()),
    };
}

/// "listening on …; reachable at …", with the addresses a peer can use.
fn write_listening(out: &mut impl Write, local: SocketAddr, tcp: bool) -> std::io::Result<()> {
    let reach: Vec<String> = reachable_addresses(local)
        .iter()
        .map(ToString::to_string)
        .collect();
    writeln!(
        out,
        "{}",
        t!(
            "cli-listening",
            local = local.to_string(),
            transport = if tcp { "TCP" } else { "UDP" },
            reach = reach.join(", ")
        )
    )
}

/// Both names, both numbers and the sum, as the add handouts ask.
fn write_add(out: &mut impl Write, x: &AddExchange) -> std::io::Result<()> {
    let check = match x.reported_sum {
        Some(s) if i128::from(s) == x.sum() => {
            format!(" {}", t!("cli-add-sum-right", sum = s.to_string()))
        }
        Some(s) => format!(" {}", t!("cli-add-sum-wrong", sum = s.to_string())),
        None => String::new(),
    };
    writeln!(
        out,
        "{}{check}",
        t!(
            "cli-add-exchange",
            client_name = x.client_name.as_str(),
            server_name = x.server_name.as_str(),
            client_number = x.client_number.to_string(),
            server_number = x.server_number.to_string(),
            sum = x.sum().to_string()
        )
    )
}

/// The message sent, then the reply as it came in, one line per receive.
fn write_reply(out: &mut impl Write, r: &Reply) -> std::io::Result<()> {
    let _ = writeln!(
        out,
        "{}",
        t!("cli-sending", text = escape_bytes(&r.request))
    );
    let mut at = 0;
    for size in &r.segments {
        let end = (at + size).min(r.reply.len());
        let _ = writeln!(
            out,
            "{}",
            t!("cli-received", text = escape_bytes(&r.reply[at..end]))
        );
        at = end;
    }
    Ok(())
}

/// A guess and its answer, from the side that saw it.
fn write_guess(out: &mut impl Write, g: &GuessReport) -> std::io::Result<()> {
    let guess = g
        .guess
        .map_or_else(|| t!("cli-not-a-number"), |n| n.to_string());
    match g.role {
        crate::net::event::Role::Client => {
            writeln!(
                out,
                "{} -> {}",
                t!(
                    "cli-guess-client",
                    count = g.count.to_string(),
                    guess = guess
                ),
                g.reply
            )
        }
        crate::net::event::Role::Server => {
            writeln!(
                out,
                "{}: {} -> {}",
                g.peer,
                t!("cli-guess-server", guess = guess),
                g.reply
            )
        }
    }
}

/// How events are printed, and kept.
#[derive(Debug, clap::Args, Clone)]
pub struct OutputArgs {
    /// One JSON event per line on stdout instead of human lines.
    #[arg(long)]
    pub json: bool,
    /// Also print every message sent and received, with its bytes.
    #[arg(short, long)]
    pub verbose: bool,
    /// Also write what crosses the wire to FILE, a pcapng capture that opens in Wireshark,
    /// packet by packet as it goes (rebuilt from socklab's socket calls; a file transfer's
    /// first 64 MiB of payload).
    #[arg(long, value_name = "FILE")]
    pub pcap: Option<std::path::PathBuf>,
}

impl OutputArgs {
    /// A reporter for a runner, that also reports bulk payload when a capture is asked for.
    pub(super) fn reporter(&self) -> (Reporter, Batches) {
        let (reporter, rx) = Reporter::batched(EVENT_QUEUE);
        let reporter = if self.verbose || self.json || self.pcap.is_some() {
            reporter
        } else {
            reporter.without_traffic()
        };
        if self.pcap.is_some() {
            (
                reporter.with_payload(crate::net::capture::DEFAULT_PAYLOAD_CAP),
                rx,
            )
        } else {
            (reporter, rx)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set_here};

    fn progress() -> Progress {
        Progress {
            peer: "127.0.0.1:9000".parse().unwrap(),
            bytes: 3 * 1024 * 1024 / 2,
            total: None,
            chunks: 1536,
            elapsed: Duration::from_millis(2500),
            retransmits: 0,
        }
    }

    #[test]
    fn the_progress_line_reads_in_the_language_with_its_decimal_separator() {
        set_here(Some(Lang::EnUs));
        assert_eq!(
            progress_line(&progress()),
            "1.5 MiB  1536 blocks/datagrams  614.4 KiB/s  2.5 s   "
        );
        set_here(Some(Lang::PtPt));
        assert_eq!(
            progress_line(&progress()),
            "1,5 MiB  1536 blocos/datagramas  614,4 KiB/s  2,5 s   "
        );
        set_here(Some(Lang::Es));
        assert_eq!(
            progress_line(&progress()),
            "1,5 MiB  1536 bloques/datagramas  614,4 KiB/s  2,5 s   "
        );
        set_here(None);
    }

    #[test]
    fn an_event_line_reads_in_the_language() {
        let line = |event: &Event| {
            let mut out = Vec::new();
            print_human(&mut out, event, true);
            String::from_utf8(out).unwrap()
        };
        let dropped = Event::Dropped {
            peer: "127.0.0.1:9000".parse().unwrap(),
            bytes: b"Ana,42".to_vec(),
        };
        set_here(Some(Lang::EnUs));
        assert_eq!(
            line(&dropped),
            "x  127.0.0.1:9000 6 bytes \"Ana,42\" dropped by the simulator\n"
        );
        set_here(Some(Lang::PtBr));
        assert_eq!(
            line(&dropped),
            "x  127.0.0.1:9000 6 bytes \"Ana,42\" descartados pelo simulador\n"
        );
        set_here(None);
    }
}
