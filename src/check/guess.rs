//! Checks for guess the number (UDP), both roles.

use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

use super::case::{Peer, Subject, answers, exit_verdict};
use super::error::CheckError;
use super::options::{Options, expand};
use super::program::{Answers, Program};
use super::report::{CheckResult, Reason, Verdict};
use super::spec::{Case, Check, Spec, Wire, run_table};
use crate::exercise::Role;
use crate::net::event::{Event, GuessReport, Role as EventRole};
use crate::net::guess::{self as runner, ClientConfig, ServerConfig};
use crate::protocol::text::{HintStyle, read_hint};
use crate::reason;

/// The secret socklab's server keeps when it plays the server.
const SECRET: i64 = 37;

pub fn run(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    match o.role {
        Role::Server => server(o, sink),
        Role::Client => client(o, sink),
    }
}

/// The checks of a student's guess server, in the order they run.
const LISTENS: Spec = super::case::LISTENS;
const ANSWERS: Spec = Spec::required("answers", "title-guess-answers");
const CONSISTENT: Spec = Spec::required("consistent", "title-guess-consistent");
const WINS: Spec = Spec::required("wins", "title-guess-wins");
const NOT_A_NUMBER: Spec = Spec::advisory("not-a-number", "title-guess-not-a-number");

fn server_checks<'a>() -> [Check<ServerCase<'a>>; 5] {
    [
        Check::new(LISTENS, listens),
        Check::new(ANSWERS, answers_guesses),
        Check::new(CONSISTENT, consistent),
        Check::new(WINS, wins),
        Check::new(NOT_A_NUMBER, not_a_number),
    ]
}

/// What the checks of a server share: the program, and socklab's game against it (`answers`,
/// `consistent` and `wins` judge the same game).
struct ServerCase<'a> {
    o: &'a Options,
    s: Subject<'a>,
    game: Option<Game>,
    skipping: Option<Reason>,
}

impl Case for ServerCase<'_> {
    fn skip_reason(&self) -> Option<Reason> {
        self.skipping.clone()
    }
}

/// socklab's auto-play against the server: halving, reading each reply as higher, lower or
/// correct.
struct Game {
    events: Vec<Event>,
    /// Why it ended without winning, when it did (socklab's client's own error).
    failure: Option<String>,
    /// It ended because the server's hints contradicted each other.
    contradicted: bool,
}

impl Game {
    fn play(o: &Options) -> Self {
        let config = ClientConfig {
            conditions: Default::default(),
            server: format!("{}:{}", o.host, o.port),
            timeout: Duration::from_secs(3).min(o.timeout),
            step_delay: Duration::ZERO,
        };
        let events = Peer::start("check guess client", move |r, s| {
            runner::run_auto_client(config, r, s)
        })
        .map(|p| p.finish(o.timeout * 3))
        .unwrap_or_default();
        let error = events.iter().find_map(|e| match e {
            Event::Finished(Err(e)) => Some(e),
            _ => None,
        });
        let contradicted = matches!(error, Some(crate::error::Error::Contradiction { .. }));
        let failure = error.map(ToString::to_string);
        Self {
            events,
            failure,
            contradicted,
        }
    }

    /// Each guess and the reply it got, in order.
    fn guesses(&self) -> Vec<&GuessReport> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Guess(g) if g.role == EventRole::Client => Some(g),
                _ => None,
            })
            .collect()
    }

    fn wire(&self) -> Wire {
        Peer::wire(&self.events)
    }
}

/// The game `answers` played (it runs before every check that judges it).
fn played(game: &Option<Game>) -> Result<&Game, CheckError> {
    game.as_ref()
        .ok_or_else(|| CheckError::Peer(crate::t!("check-guess-no-game")))
}

fn server(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let mut case = ServerCase {
        o,
        s: Subject::new(o, Answers::default()),
        game: None,
        skipping: None,
    };
    run_table(&server_checks(), &mut case, sink)
}

/// listens: the program started and listens on the port.
fn listens(c: &mut ServerCase<'_>, _: Spec) -> Result<CheckResult, CheckError> {
    c.s.listens_or_skip_reason(&mut c.skipping)
}

/// answers: socklab plays a game; its first guess got a reply read as a hint.
fn answers_guesses(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let game = c.game.insert(Game::play(c.o));
    let guesses = game.guesses();
    let verdict = if guesses.is_empty() {
        Verdict::Fail
    } else {
        Verdict::Pass
    };
    let reason = match guesses.first() {
        Some(g) => reason!(
            "check-guess-got",
            guess = g.guess.unwrap_or_default(),
            reply = g.reply.as_str()
        ),
        None => game_failure(game).unwrap_or_else(|| reason!("check-guess-no-hint")),
    };
    Ok(spec.result(verdict, reason, c.s.program(), game.wire()))
}

/// consistent: no answer of the game contradicts another.
fn consistent(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let game = played(&c.game)?;
    let answered = !game.guesses().is_empty();
    let contradiction = game.failure.as_ref().filter(|_| game.contradicted);
    let verdict = if answered && contradiction.is_none() {
        Verdict::Pass
    } else {
        Verdict::Fail
    };
    let reason = match contradiction {
        Some(failure) => reason!("check-guess-failure", error = failure.as_str()),
        None if answered => reason!("check-guess-consistent"),
        None => reason!("check-guess-no-answers"),
    };
    Ok(spec.result(verdict, reason, c.s.program(), game.wire()))
}

/// wins: the game ended CORRECT within 7 guesses.
fn wins(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let game = played(&c.game)?;
    let guesses = game.guesses();
    let won = guesses.last().filter(|g| g.correct);
    let verdict = if won.is_some_and(|g| g.count <= 7) {
        Verdict::Pass
    } else {
        Verdict::Fail
    };
    let reason = match won {
        Some(g) => reason!(
            "check-guess-correct-at",
            guess = g.guess.unwrap_or_default(),
            count = g.count
        ),
        None => game_failure(game).unwrap_or_else(|| reason!("check-guess-never-correct")),
    };
    Ok(spec.result(verdict, reason, c.s.program(), game.wire()))
}

/// not-a-number: a word, then a number still gets an answer, and the server still runs.
fn not_a_number(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let outcome = word_then_number(c.o);
    let alive = c.s.program().is_some_and(Program::is_running);
    let verdict = if outcome.is_ok() && alive {
        Verdict::Pass
    } else {
        Verdict::Fail
    };
    let reason = match (outcome, alive) {
        (_, false) => reason!("check-guess-server-exited"),
        (Ok(r), true) | (Err(r), true) => r,
    };
    Ok(spec.judged((verdict, reason), c.s.program()))
}

/// Why socklab's own side of a game ended without winning, as a reason.
fn game_failure(game: &Game) -> Option<Reason> {
    game.failure
        .as_ref()
        .map(|f| reason!("check-guess-failure", error = f.as_str()))
}

/// A socket error of socklab's own, as a reason.
fn socket_error(e: impl std::fmt::Display) -> Reason {
    reason!("check-guess-socket-error", error = e.to_string())
}

/// Sends "abc", then 50, from a fresh socket: what came back, or why 50 got no hint.
fn word_then_number(o: &Options) -> Result<Reason, Reason> {
    let sock = UdpSocket::bind("127.0.0.1:0").map_err(socket_error)?;
    let to: SocketAddr = format!("{}:{}", o.host, o.port)
        .parse()
        .map_err(socket_error)?;
    sock.set_read_timeout(Some(Duration::from_secs(2)))
        .map_err(socket_error)?;
    sock.send_to(b"abc", to).map_err(socket_error)?;
    let mut buf = [0u8; 2048];
    let first = sock
        .recv(&mut buf)
        .ok()
        .map(|n| String::from_utf8_lossy(&buf[..n]).into_owned());
    sock.send_to(b"50", to).map_err(socket_error)?;
    let n = sock
        .recv(&mut buf)
        .map_err(|_| reason!("check-guess-no-answer-to-50"))?;
    match read_hint(&buf[..n]) {
        Some(_) => Ok(match first {
            Some(reply) => reason!("check-guess-word-got", reply = reply.trim()),
            None => reason!("check-guess-word-no-reply"),
        }),
        None => Err(reason!("check-guess-50-no-hint")),
    }
}

/// The checks of a student's guess client, in the order they run.
const PLAYS: Spec = Spec::required("plays", "title-guess-plays");
const EXITS: Spec = Spec::required("exits", "title-guess-exits");

fn client_checks<'a>() -> [Check<ClientCase<'a>>; 2] {
    [Check::new(PLAYS, plays), Check::new(EXITS, exits)]
}

/// What the checks of a client share: its one run against socklab's server (`exits` judges
/// the run `plays` judged).
struct ClientCase<'a> {
    o: &'a Options,
    server: Option<Peer>,
    program: Option<Program>,
    won: bool,
}

impl Case for ClientCase<'_> {}

impl ClientCase<'_> {
    /// Ends the run: the program is killed, then socklab's server stopped.
    fn end(&mut self) {
        drop(self.program.take());
        if let Some(server) = self.server.take() {
            server.finish(Duration::from_millis(100));
        }
    }
}

fn client(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let mut case = ClientCase {
        o,
        server: None,
        program: None,
        won: false,
    };
    let ran = run_table(&client_checks(), &mut case, sink);
    case.end();
    ran
}

/// socklab's guess server on the checked port, keeping [`SECRET`], once it listens.
fn start_server(o: &Options) -> Result<Peer, CheckError> {
    let config = ServerConfig {
        conditions: Default::default(),
        bind: SocketAddr::from(([127, 0, 0, 1], o.port)),
        secret: Some(SECRET),
        style: HintStyle::Upper,
    };
    Peer::serve("check guess server", move |r, s| {
        runner::run_server(config, r, s)
    })
}

/// plays: the program, against socklab's server, types guesses from the hints it printed
/// until one is CORRECT.
fn plays(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let o = c.o;
    let server = c.server.insert(start_server(o)?);
    let command = expand(&o.command, o, &[]);
    let program = c
        .program
        .insert(Program::start(&command, answers(o, &[], &[]), o)?);
    let won = server.wait_for(o.timeout * 2, |e| matches!(e, Event::Guess(g) if g.correct));
    let guesses = server
        .events
        .iter()
        .filter(|e| matches!(e, Event::Guess(_)))
        .count();
    let reason = if won {
        reason!(
            "check-guess-played",
            secret = SECRET,
            count = guesses as u64
        )
    } else {
        reason!(
            "check-guess-no-correct",
            count = guesses as u64,
            typed = format!("{:?}", program.typed())
        )
    };
    c.won = won;
    // The server's received bytes are what the program sent.
    let (sent, received) = Peer::wire(&server.events);
    let verdict = if won { Verdict::Pass } else { Verdict::Fail };
    Ok(spec.result(verdict, reason, Some(program), (received, sent)))
}

/// exits: the run ends with code 0 within 5 s of CORRECT; then it is over.
fn exits(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let verdict = match c.program.as_mut() {
        Some(program) if c.won => {
            exit_verdict(program.wait_exit(Duration::from_secs(5)), "CORRECT")
        }
        _ => (Verdict::Fail, reason!("check-guess-never-won")),
    };
    let result = spec.judged(verdict, c.program.as_mut());
    c.end();
    Ok(result)
}
