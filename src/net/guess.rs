//! Guess the number over UDP (seed 004, T3): the server keeps a secret 1..99 per client address
//! and answers each guess with HIGHER, LOWER or CORRECT.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError};

use super::counted;
use super::event::{Event, GuessReport, Role, Summary};
use super::runner::{Reporter, StopFlag};
use super::{MAX_DATAGRAM_BYTES, POLL_INTERVAL};
use crate::error::{Error, Result};
use crate::protocol::escape_bytes;
use crate::protocol::text::{
    Halving, Hint, HintStyle, NOT_A_NUMBER_REPLY, SECRET_MAX, SECRET_MIN, judge, parse_guess,
    read_hint,
};

/// Port of the guess-the-number forms and CLI.
pub const DEFAULT_GUESS_PORT: u16 = crate::exercise::GUESS_PORT;

/// Most games (client addresses) a server keeps; past it the least recently active is dropped.
pub const MAX_GAMES: usize = 1024;

/// Most guesses auto-play makes before it decides the server's hints make no sense.
pub const MAX_AUTO_GUESSES: u32 = 20;

/// What the guess server needs.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    /// A fixed secret for every game (for demonstrations and tests); random 1..99 otherwise.
    pub secret: Option<i64>,
    pub style: HintStyle,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: super::impair::Conditions,
}

/// What the guess client needs.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    pub server: String,
    pub timeout: Duration,
    /// Auto-play waits this long between guesses, so that a class can follow a demonstration.
    pub step_delay: Duration,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: super::impair::Conditions,
}

struct Game {
    secret: i64,
    guesses: u32,
    last: Instant,
}

fn new_secret(config: &ServerConfig) -> i64 {
    use rand::RngExt;
    config
        .secret
        .unwrap_or_else(|| rand::rng().random_range(SECRET_MIN..=SECRET_MAX))
}

/// Runs the guess server until stopped.
pub fn run_server(config: ServerConfig, reporter: &Reporter, stop: &StopFlag) -> Result<Summary> {
    let (socket, _) = super::udp::bind_server(config.bind, reporter)?;
    let socket = super::udp::link(socket, &config.conditions, reporter)?;
    reporter.info(
        None,
        crate::t!(
            "net-guess-starting",
            min = SECRET_MIN.to_string(),
            max = SECRET_MAX.to_string(),
            replies = config.style.label()
        ),
    );
    let mut games: HashMap<SocketAddr, Game> = HashMap::new();
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    let mut solved = 0usize;
    while !stop.is_stopped() {
        let Some((n, peer)) = super::udp::poll_datagram(&socket, &mut datagram)? else {
            continue;
        };
        let message = &datagram[..n];
        reporter.send(Event::Received {
            peer,
            bytes: message[..n.min(256)].to_vec(),
        });
        if !games.contains_key(&peer)
            && games.len() >= MAX_GAMES
            && let Some(oldest) = games.iter().min_by_key(|(_, g)| g.last).map(|(a, _)| *a)
        {
            games.remove(&oldest);
        }
        let game = games.entry(peer).or_insert_with(|| {
            let secret = new_secret(&config);
            reporter.send(Event::Secret { peer, secret });
            Game {
                secret,
                guesses: 0,
                last: Instant::now(),
            }
        });
        game.last = Instant::now();
        let guess = parse_guess(message);
        let (reply, correct) = match guess {
            Some(g) => {
                game.guesses += 1;
                let hint = judge(game.secret, g);
                (config.style.word(hint).to_owned(), hint == Hint::Correct)
            }
            None => {
                reporter.warn(
                    Some(peer),
                    crate::t!(
                        "net-guess-not-a-number",
                        text = escape_bytes(&message[..n.min(80)])
                    ),
                );
                (NOT_A_NUMBER_REPLY.to_owned(), false)
            }
        };
        reporter.send(Event::Guess(GuessReport {
            role: Role::Server,
            peer,
            guess,
            reply: reply.clone(),
            count: game.guesses,
            correct,
        }));
        if let Err(e) = super::udp::send(&socket, reply.into_bytes(), peer, Some(peer), reporter) {
            reporter.warn(
                Some(peer),
                crate::t!("net-guess-cannot-reply", error = e.to_string()),
            );
        }
        if correct {
            solved += 1;
            let count = game.guesses;
            game.secret = new_secret(&config);
            game.guesses = 0;
            reporter.info(
                Some(peer),
                crate::t!(
                    "net-guess-guessed-new-game",
                    tries = counted("net-n-tries", u64::from(count))
                ),
            );
            reporter.send(Event::Secret {
                peer,
                secret: game.secret,
            });
        }
    }
    Ok(Summary::new(crate::t!(
        "net-guess-server-stopped",
        games = counted("net-n-games", solved as u64)
    )))
}

/// The error of a guess that got no answer: the first one gets its own hint (some servers wait
/// for `play` or `start` first).
fn unanswered(e: Error, count: u32) -> Error {
    match e {
        Error::Timeout {
            peer,
            timeout_millis,
            ..
        } if count == 1 => Error::FirstGuessUnanswered {
            peer,
            timeout_millis,
        },
        other => other,
    }
}

/// Sends one guess and returns the server's reply.
fn ask(
    socket: &super::impair::Link,
    peer: SocketAddr,
    guess: &[u8],
    config: &ClientConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<String> {
    super::udp::send(socket, guess.to_vec(), peer, None, reporter)
        .map_err(|e| Error::io(crate::t!("net-cannot-send-to", peer = peer.to_string()), e))?;
    let mut buf = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    let n = super::udp::recv_reply(socket, peer, &mut buf, config.timeout, stop)?;
    reporter.send(Event::Received {
        peer,
        bytes: buf[..n].to_vec(),
    });
    Ok(String::from_utf8_lossy(&buf[..n]).trim().to_owned())
}

/// Sends the guesses from `guesses` (text, as a person types them) until CORRECT or the
/// channel closes.
pub fn run_client(
    config: ClientConfig,
    guesses: Receiver<String>,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let (socket, peer) = super::udp::connect_client(&config.server, reporter)?;
    let socket = super::udp::link(socket, &config.conditions, reporter)?;
    let mut count = 0u32;
    let mut sent = 0u32;
    loop {
        let guess = match guesses.recv_timeout(POLL_INTERVAL) {
            Ok(g) => g,
            Err(RecvTimeoutError::Timeout) => {
                if stop.is_stopped() {
                    return Ok(Summary::new(crate::t!(
                        "net-guess-stopped-after",
                        guesses = counted("net-n-guesses", u64::from(count))
                    )));
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Ok(Summary::new(crate::t!(
                    "net-guess-no-more-guesses",
                    n = count.to_string(),
                    count = count
                )));
            }
        };
        // A word is sent and answered, but it is no guess: the count is of numbers.
        sent += 1;
        if parse_guess(guess.as_bytes()).is_some() {
            count += 1;
        }
        let reply = ask(
            &socket,
            peer,
            guess.trim().as_bytes(),
            &config,
            reporter,
            stop,
        )
        .map_err(|e| unanswered(e, sent))?;
        let correct = read_hint(reply.as_bytes()) == Some(Hint::Correct);
        reporter.send(Event::Guess(GuessReport {
            role: Role::Client,
            peer,
            guess: parse_guess(guess.as_bytes()),
            reply: reply.clone(),
            count,
            correct,
        }));
        if correct {
            return Ok(Summary::new(crate::t!(
                "net-guess-correct-after",
                reply = reply.as_str(),
                guesses = counted("net-n-guesses", u64::from(count))
            )));
        }
    }
}

/// Plays by halving the range: at most 7 guesses for 1..99.
pub fn run_auto_client(
    config: ClientConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let (socket, peer) = super::udp::connect_client(&config.server, reporter)?;
    let socket = super::udp::link(socket, &config.conditions, reporter)?;
    let mut range = Halving::default();
    for count in 1..=MAX_AUTO_GUESSES {
        if count > 1 && !config.step_delay.is_zero() {
            let until = Instant::now() + config.step_delay;
            while Instant::now() < until {
                if stop.is_stopped() {
                    return Ok(Summary::new(crate::t!("net-guess-auto-stopped")));
                }
                std::thread::sleep(
                    POLL_INTERVAL.min(until.saturating_duration_since(Instant::now())),
                );
            }
        }
        let guess = range.next_guess().ok_or(Error::Contradiction {
            min: SECRET_MIN,
            max: SECRET_MAX,
        })?;
        let reply = ask(
            &socket,
            peer,
            guess.to_string().as_bytes(),
            &config,
            reporter,
            stop,
        )
        .map_err(|e| unanswered(e, count))?;
        let hint = read_hint(reply.as_bytes()).ok_or_else(|| {
            Error::Protocol(crate::t!(
                "net-guess-reply-unreadable",
                reply = reply.as_str()
            ))
        })?;
        reporter.send(Event::Guess(GuessReport {
            role: Role::Client,
            peer,
            guess: Some(guess),
            reply: reply.clone(),
            count,
            correct: hint == Hint::Correct,
        }));
        if hint == Hint::Correct {
            return Ok(Summary::new(crate::t!(
                "net-guess-found",
                reply = reply.as_str(),
                number = guess.to_string(),
                guesses = counted("net-n-guesses", u64::from(count))
            )));
        }
        range.learn(guess, hint);
    }
    Err(Error::Protocol(crate::t!(
        "net-guess-no-correct",
        n = MAX_AUTO_GUESSES.to_string(),
        count = MAX_AUTO_GUESSES
    )))
}
