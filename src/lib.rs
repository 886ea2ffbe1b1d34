//! socklab: the reference client and server for socket-programming labs.
//!
//! Every lab exercise runs in both roles, from a window or from the command line, and talks to
//! students' own scripts as well as to itself.
//!
//! # Layout
//! - [`protocol`]: pure codecs, bytes in and messages out, no sockets (one module per exercise).
//! - [`net`]: blocking `std::net` loops that wire codecs to sockets; each exercise role runs on a
//!   named thread ([`net::runner`]) and reports only through [`net::event::Event`]s.
//! - `gui` (feature `gui`, on by default): the eframe window, a thin view of those events.
//! - [`cli`]: the same runners from the command line, printing the same events.
//! - [`check`]: runs a student's program, plays the other role, and reports what passed.
//! - [`files`]: local files: safe download destinations, SHA-256, comparing two files.
//! - [`error`]: the core's one error type, with plain-language hints.

pub mod args;
pub mod check;
pub mod cli;
pub mod error;
pub mod exercise;
pub mod files;
#[cfg(feature = "gui")]
pub mod gui;
pub mod i18n;
pub mod net;
pub mod protocol;
pub mod units;

pub use error::{Error, Result};
