//! File transfer over TCP (1024-byte blocks, end of file = the server closes) and UDP
//! (2048-byte datagrams, end of file = the first shorter datagram), both roles.
//!
//! Servers serve only regular files inside their shared folder. Clients write to a temporary
//! file and rename it into place only when the transfer succeeded.
//!
//! One job a file: `config` what the runners are told, `tcp` and `udp` the two transports
//! (both roles each), `share` what both servers share, `download` and `sink` what the clients
//! share and where a TCP download's bytes go, `progress` their progress events. The sizes and
//! durations they print come from [`crate::units`].

mod config;
mod download;
mod progress;
mod share;
mod sink;
mod tcp;
mod udp;

pub use self::config::{
    ClientConfig, DEFAULT_FILE_PORT, DEFAULT_IDLE_TIMEOUT, DEFAULT_UDP_RATE_BYTES_PER_SEC,
    ServerConfig, split_target,
};
pub(crate) use self::download::note_stale_parts;
pub use self::share::SHARE_LOOK_INTERVAL;
pub use self::tcp::{
    NAME_SETTLE, NAME_TIMEOUT, TCP_WRITE_BYTES, WRITE_STALL_TIMEOUT, run_tcp_client, run_tcp_server,
};
pub use self::udp::{
    DEFAULT_BUFFER_DATAGRAMS, HEADER_FOLLOW_WAIT, UDP_CLIENT_RECV_BUFFER_BYTES, arrival_hint,
    run_udp_client, run_udp_server,
};
// Kept here too: the window and the command line name them `net::file::…`.
pub use crate::units::{human_bytes, rate, seconds};
