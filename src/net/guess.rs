//! Guess the number over UDP (seed 004, T3): the server keeps a secret 1..99 per client address
//! and answers each guess with HIGHER, LOWER or CORRECT.

use std::collections::HashMap;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError};

use super::event::{Event, GuessReport, Role, Summary};
use super::runner::{Reporter, StopFlag};
use super::{MAX_DATAGRAM_BYTES, POLL_INTERVAL, is_timeout};
use crate::error::{Error, Result};
use crate::protocol::escape_bytes;
use crate::protocol::text::{
    Halving, Hint, HintStyle, NOT_A_NUMBER_REPLY, SECRET_MAX, SECRET_MIN, judge, parse_guess,
    read_hint,
};

/// Port of the guess-the-number forms and CLI.
pub const DEFAULT_GUESS_PORT: u16 = 9999;

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
}

/// What the guess client needs.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    pub server: String,
    pub timeout: Duration,
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
    let socket = UdpSocket::bind(config.bind).map_err(|source| Error::Bind {
        addr: config.bind,
        source,
    })?;
    let local = socket
        .local_addr()
        .map_err(|e| Error::io("cannot read the bound address", e))?;
    socket
        .set_read_timeout(Some(POLL_INTERVAL))
        .map_err(|e| Error::io("cannot configure the socket", e))?;
    reporter.send(Event::Listening { local, tcp: false });
    reporter.info(
        None,
        format!(
            "guess the number: a secret from {SECRET_MIN} to {SECRET_MAX} per client; replies {}",
            config.style.label()
        ),
    );
    let mut games: HashMap<SocketAddr, Game> = HashMap::new();
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    let mut solved = 0usize;
    while !stop.is_stopped() {
        let (n, peer) = match socket.recv_from(&mut datagram) {
            Ok(got) => got,
            Err(e) if is_timeout(&e) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => continue,
            Err(e) => return Err(Error::io("receive failed", e)),
        };
        let message = &datagram[..n];
        reporter.send(Event::Received {
            peer,
            bytes: message[..n.min(256)].to_vec(),
        });
        if !games.contains_key(&peer) && games.len() >= MAX_GAMES {
            if let Some(oldest) = games.iter().min_by_key(|(_, g)| g.last).map(|(a, _)| *a) {
                games.remove(&oldest);
            }
        }
        let game = games.entry(peer).or_insert_with(|| {
            let secret = new_secret(&config);
            reporter.info(Some(peer), format!("new game; the secret is {secret}"));
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
                    format!("not a number: \"{}\"", escape_bytes(&message[..n.min(80)])),
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
        match socket.send_to(reply.as_bytes(), peer) {
            Ok(_) => reporter.send(Event::Sent {
                peer,
                bytes: reply.into_bytes(),
            }),
            Err(e) => reporter.warn(Some(peer), format!("cannot reply: {e}")),
        }
        if correct {
            solved += 1;
            let count = game.guesses;
            game.secret = new_secret(&config);
            game.guesses = 0;
            reporter.info(
                Some(peer),
                format!("guessed in {count} tries; a new secret is {}", game.secret),
            );
        }
    }
    Ok(Summary::new(format!(
        "server stopped; {solved} game(s) won"
    )))
}

/// A client socket connected to the server.
fn client_socket(config: &ClientConfig, reporter: &Reporter) -> Result<(UdpSocket, SocketAddr)> {
    let peer = *super::addr::resolve(&config.server)?
        .first()
        .ok_or_else(|| Error::Input(format!("{}: no address", config.server)))?;
    let socket = super::udp_client_socket(peer)?;
    socket
        .connect(peer)
        .map_err(|e| Error::io(format!("cannot address {peer}"), e))?;
    socket
        .set_read_timeout(Some(POLL_INTERVAL))
        .map_err(|e| Error::io("socket error", e))?;
    let local = socket
        .local_addr()
        .map_err(|e| Error::io("cannot read the local address", e))?;
    reporter.send(Event::Connected { local, peer });
    Ok((socket, peer))
}

/// Sends one guess and returns the server's reply.
fn ask(
    socket: &UdpSocket,
    peer: SocketAddr,
    guess: &[u8],
    config: &ClientConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<String> {
    socket
        .send(guess)
        .map_err(|e| Error::io(format!("cannot send to {peer}"), e))?;
    reporter.send(Event::Sent {
        peer,
        bytes: guess.to_vec(),
    });
    let deadline = Instant::now() + config.timeout;
    let mut buf = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    loop {
        if stop.is_stopped() {
            return Err(Error::Input("cancelled".into()));
        }
        match socket.recv(&mut buf) {
            Ok(n) => {
                reporter.send(Event::Received {
                    peer,
                    bytes: buf[..n].to_vec(),
                });
                return Ok(String::from_utf8_lossy(&buf[..n]).trim().to_owned());
            }
            Err(e) if is_timeout(&e) => {
                if Instant::now() >= deadline {
                    return Err(Error::Timeout {
                        peer: peer.to_string(),
                        timeout_millis: config.timeout.as_millis() as u64,
                    });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                return Err(Error::Connect {
                    addr: peer.to_string(),
                    source: e,
                });
            }
            Err(e) => return Err(Error::io("receive failed", e)),
        }
    }
}

/// Sends the guesses from `guesses` (text, as a person types them) until CORRECT or the
/// channel closes.
pub fn run_client(
    config: ClientConfig,
    guesses: Receiver<String>,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let (socket, peer) = client_socket(&config, reporter)?;
    let mut count = 0u32;
    loop {
        let guess = match guesses.recv_timeout(POLL_INTERVAL) {
            Ok(g) => g,
            Err(RecvTimeoutError::Timeout) => {
                if stop.is_stopped() {
                    return Ok(Summary::new(format!("stopped after {count} guess(es)")));
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Ok(Summary::new(format!(
                    "no more guesses after {count}; not found yet"
                )));
            }
        };
        count += 1;
        let reply = ask(
            &socket,
            peer,
            guess.trim().as_bytes(),
            &config,
            reporter,
            stop,
        )?;
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
            return Ok(Summary::new(format!("{reply} after {count} guess(es)")));
        }
    }
}

/// Plays by halving the range: at most 7 guesses for 1..99.
pub fn run_auto_client(
    config: ClientConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let (socket, peer) = client_socket(&config, reporter)?;
    let mut range = Halving::default();
    for count in 1..=MAX_AUTO_GUESSES {
        let guess = range.next_guess().ok_or_else(|| {
            Error::Protocol(format!(
                "the server's hints contradict each other: no number is left between {SECRET_MIN} and {SECRET_MAX}"
            ))
        })?;
        let reply = ask(
            &socket,
            peer,
            guess.to_string().as_bytes(),
            &config,
            reporter,
            stop,
        )?;
        let hint = read_hint(reply.as_bytes()).ok_or_else(|| {
            Error::Protocol(format!(
                "cannot read the reply \"{reply}\" as HIGHER, LOWER or CORRECT"
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
            return Ok(Summary::new(format!(
                "{reply}: the number is {guess}, found in {count} guess(es)"
            )));
        }
        range.learn(guess, hint);
    }
    Err(Error::Protocol(format!(
        "no CORRECT after {MAX_AUTO_GUESSES} guesses"
    )))
}
