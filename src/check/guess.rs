//! Checks for guess the number (UDP), both roles.

use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

use super::program::{Answers, Program};
use super::report::{CheckResult, Verdict};
use super::{CheckError, Options, Peer, Role, Subject, answers, exit_verdict, expand, result};
use crate::net::event::{Event, GuessReport, Role as EventRole};
use crate::net::guess::{self as runner, ClientConfig, ServerConfig};
use crate::protocol::text::{HintStyle, read_hint};

/// The secret socklab's server keeps when it plays the server.
const SECRET: i64 = 37;

pub fn run(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    match o.role {
        Role::Server => server(o, sink),
        Role::Client => client(o, sink),
    }
}

fn server(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let none = || (Vec::new(), Vec::new());
    let mut s = Subject::new(o, Answers::default());
    let (listening, listens) = s.listens()?;
    sink(listens);
    let ids = [
        ("answers", "answers a guess with higher, lower or correct"),
        ("consistent", "its answers agree with one secret in 1..99"),
        ("wins", "halving wins within 7 guesses"),
    ];
    if !listening {
        for (id, title) in ids {
            sink(result(
                id,
                title,
                true,
                Verdict::Skip,
                "the server never listened",
                None,
                none(),
            ));
        }
        return Ok(());
    }
    let Some(program) = s.program.as_mut() else {
        return Ok(());
    };
    // socklab's auto-play: halving, reading each reply as higher, lower or correct.
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
    let guesses: Vec<&GuessReport> = events
        .iter()
        .filter_map(|e| match e {
            Event::Guess(g) if g.role == EventRole::Client => Some(g),
            _ => None,
        })
        .collect();
    let failure = events.iter().find_map(|e| match e {
        Event::Finished(Err(e)) => Some(e.to_string()),
        _ => None,
    });
    let wire = Peer::wire(&events);
    let answered = !guesses.is_empty();
    sink(result(
        ids[0].0,
        ids[0].1,
        true,
        if answered {
            Verdict::Pass
        } else {
            Verdict::Fail
        },
        match guesses.first() {
            Some(g) => format!("{} got \"{}\"", g.guess.unwrap_or_default(), g.reply),
            None => failure
                .clone()
                .unwrap_or_else(|| "no reply read as a hint".into()),
        },
        Some(&mut *program),
        wire.clone(),
    ));
    let contradicted = failure.as_deref().is_some_and(|f| f.contains("contradict"));
    let won = guesses.last().filter(|g| g.correct);
    sink(result(
        ids[1].0,
        ids[1].1,
        true,
        if answered && !contradicted {
            Verdict::Pass
        } else {
            Verdict::Fail
        },
        if contradicted {
            failure.clone().unwrap_or_default()
        } else if answered {
            "every answer fits one secret".to_owned()
        } else {
            "no answers to judge".to_owned()
        },
        Some(&mut *program),
        wire.clone(),
    ));
    sink(result(
        ids[2].0,
        ids[2].1,
        true,
        if won.is_some_and(|g| g.count <= 7) {
            Verdict::Pass
        } else {
            Verdict::Fail
        },
        match won {
            Some(g) => format!(
                "CORRECT at {} after {} guesses",
                g.guess.unwrap_or_default(),
                g.count
            ),
            None => failure.unwrap_or_else(|| "never CORRECT".into()),
        },
        Some(&mut *program),
        wire,
    ));
    // not-a-number (advisory): a word, then a number still gets an answer.
    let outcome = (|| -> Result<String, String> {
        let sock = UdpSocket::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
        let to: SocketAddr = format!("{}:{}", o.host, o.port)
            .parse()
            .map_err(|e| format!("{e}"))?;
        sock.set_read_timeout(Some(Duration::from_secs(2)))
            .map_err(|e| e.to_string())?;
        sock.send_to(b"abc", to).map_err(|e| e.to_string())?;
        let mut buf = [0u8; 2048];
        let first = sock
            .recv(&mut buf)
            .ok()
            .map(|n| String::from_utf8_lossy(&buf[..n]).into_owned());
        sock.send_to(b"50", to).map_err(|e| e.to_string())?;
        let n = sock
            .recv(&mut buf)
            .map_err(|_| "no answer to 50 after \"abc\"".to_owned())?;
        match read_hint(&buf[..n]) {
            Some(_) => Ok(match first {
                Some(reply) => format!("\"abc\" got \"{}\"; 50 then got an answer", reply.trim()),
                None => "\"abc\" got no reply; 50 then got an answer".to_owned(),
            }),
            None => Err("50 got no hint after \"abc\"".to_owned()),
        }
    })();
    let alive = program.is_running();
    sink(result(
        "not-a-number",
        "a word instead of a number does not stop it",
        false,
        if outcome.is_ok() && alive {
            Verdict::Pass
        } else {
            Verdict::Fail
        },
        match (&outcome, alive) {
            (_, false) => "the server exited".to_owned(),
            (Ok(r), true) | (Err(r), true) => r.clone(),
        },
        Some(&mut *program),
        none(),
    ));
    Ok(())
}

fn client(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let config = ServerConfig {
        conditions: Default::default(),
        bind: SocketAddr::from(([127, 0, 0, 1], o.port)),
        secret: Some(SECRET),
        style: HintStyle::Upper,
    };
    let mut server = Peer::serve("check guess server", move |r, s| {
        runner::run_server(config, r, s)
    })?;
    let command = expand(&o.command, o, &[]);
    let mut program = Program::start(&command, answers(o, &[], &[]), o)?;
    let won = server.wait_for(o.timeout * 2, |e| matches!(e, Event::Guess(g) if g.correct));
    let guesses = server
        .events
        .iter()
        .filter(|e| matches!(e, Event::Guess(_)))
        .count();
    let (r, s) = Peer::wire(&server.events);
    sink(result(
        "plays",
        "its guesses, from its own printed hints, reach CORRECT",
        true,
        if won { Verdict::Pass } else { Verdict::Fail },
        if won {
            format!("CORRECT ({SECRET}) after {guesses} guesses typed from its hints")
        } else {
            format!(
                "no CORRECT after {guesses} guesses (typed: {:?})",
                program.typed()
            )
        },
        Some(&mut program),
        (s, r),
    ));
    let (verdict, reason) = if won {
        exit_verdict(program.wait_exit(Duration::from_secs(5)), "CORRECT")
    } else {
        (Verdict::Fail, "never won".to_owned())
    };
    sink(result(
        "exits",
        "exits with code 0 after CORRECT",
        true,
        verdict,
        reason,
        Some(&mut program),
        (Vec::new(), Vec::new()),
    ));
    drop(program);
    server.finish(Duration::from_millis(100));
    Ok(())
}
