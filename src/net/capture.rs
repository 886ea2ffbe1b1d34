//! Captures that open in Wireshark: a runner's events rebuilt as packets in a pcapng file.
//!
//! socklab sees socket calls, not packets: each `send`/`recv` of a TCP connection becomes one
//! data segment (split at [`MAX_SEGMENT`] bytes) with sequence and acknowledgement numbers that
//! agree with the bytes, acknowledged at once by the other side; `connect`/`accept` become the
//! three-way handshake and a close becomes FIN (or RST where a reset was seen). Each UDP
//! `sendto`/`recvfrom` is one datagram. There is no real segmentation, retransmission or kernel
//! timing, and the section header says so. Packet comments carry what socklab knows and
//! Wireshark cannot: TFTP packet names and what the network simulator did.
//!
//! [`Capture`] writes to any `Write`: a file on the command line (flushed after every packet,
//! so an interrupted run leaves a readable file), memory in the window.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};
use std::time::{Duration, SystemTime};

use etherparse::PacketBuilder;
use pcap_file::DataLink;
use pcap_file::pcapng::PcapNgWriter;
use pcap_file::pcapng::blocks::enhanced_packet::{EnhancedPacketBlock, EnhancedPacketOption};
use pcap_file::pcapng::blocks::interface_description::{
    InterfaceDescriptionBlock, InterfaceDescriptionOption,
};
use pcap_file::pcapng::blocks::section_header::{SectionHeaderBlock, SectionHeaderOption};

use super::event::{Closer, Event, Stamped};
use super::impair::Fate;

/// Most payload bytes in one rebuilt TCP segment: an IPv4 packet of 65,535 bytes.
pub const MAX_SEGMENT: usize = 65_495;

/// Most payload bytes a capture keeps (the rest of a bulk transfer is left out, and a packet
/// comment says so): 64 MiB.
pub const DEFAULT_PAYLOAD_CAP: u64 = 64 * 1024 * 1024;

/// Most packets a capture keeps: 1,000,000 (about a class of 1,000 doing 250 exchanges each).
pub const DEFAULT_PACKET_CAP: u64 = 1_000_000;

/// Window advertised in rebuilt TCP segments.
const WINDOW: u16 = 65_535;

/// What a capture keeps at most.
#[derive(Clone, Copy, Debug)]
pub struct Caps {
    pub payload_bytes: u64,
    pub packets: u64,
}

impl Default for Caps {
    fn default() -> Self {
        Self {
            payload_bytes: DEFAULT_PAYLOAD_CAP,
            packets: DEFAULT_PACKET_CAP,
        }
    }
}

/// The numbering of one direction of a TCP connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Direction {
    /// The sequence number of the next byte this side sends.
    pub next: u32,
}

impl Direction {
    /// The segments `len` bytes become: (sequence number, offset, length) each, at most
    /// [`MAX_SEGMENT`] bytes, the numbers advanced past them (wrapping as TCP's do).
    pub fn segments(&mut self, len: usize) -> Vec<(u32, usize, usize)> {
        let mut out = Vec::with_capacity(len.div_ceil(MAX_SEGMENT));
        let mut offset = 0;
        while offset < len {
            let n = (len - offset).min(MAX_SEGMENT);
            out.push((self.next, offset, n));
            self.next = self.next.wrapping_add(n as u32);
            offset += n;
        }
        out
    }
}

/// One TCP connection as the capture numbers it.
struct Connection {
    local: SocketAddr,
    peer: SocketAddr,
    /// What this side sends, and what the peer sends.
    ours: Direction,
    theirs: Direction,
    /// This side's FIN went out already (a half-close).
    ours_fin: bool,
}

/// Writes a runner's events as a pcapng capture.
pub struct Capture<W: Write> {
    writer: PcapNgWriter<W>,
    v4: Option<u32>,
    v6: Option<u32>,
    interfaces: u32,
    tcp: HashMap<SocketAddr, Connection>,
    /// The local address of each UDP peer's conversation.
    udp: HashMap<SocketAddr, SocketAddr>,
    /// A server's bound address: the local side of what its peers send.
    listening: Option<SocketAddr>,
    /// A UDP client's own address: also the local side of answers from other ports (TFTP).
    client: Option<SocketAddr>,
    /// Local addresses chosen for peers of a server bound to all interfaces.
    routes: HashMap<IpAddr, IpAddr>,
    /// What the simulator did to the next datagram to a peer.
    fates: HashMap<SocketAddr, Fate>,
    caps: Caps,
    payload: u64,
    packets: u64,
    /// The first payload left out was said in a comment.
    payload_cut_said: bool,
    /// The packet cap was reached (and said).
    full: bool,
}

/// Seconds since 1970 of an event, as pcapng stamps packets.
fn stamp(at: SystemTime) -> Duration {
    at.duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
}

/// IPv4-mapped IPv6 addresses (a server bound to `::` answering IPv4) as the IPv4 they are.
fn canonical(addr: SocketAddr) -> SocketAddr {
    SocketAddr::new(addr.ip().to_canonical(), addr.port())
}

impl<W: Write> Capture<W> {
    /// Starts a capture: the section header (socklab, its version, how the packets were made).
    pub fn new(out: W, caps: Caps) -> io::Result<Self> {
        let section = SectionHeaderBlock {
            endianness: pcap_file::Endianness::native(),
            major_version: 1,
            minor_version: 0,
            section_length: -1,
            options: vec![
                SectionHeaderOption::UserApplication(Cow::Owned(format!(
                    "socklab {}",
                    env!("CARGO_PKG_VERSION")
                ))),
                SectionHeaderOption::OS(Cow::Borrowed(std::env::consts::OS)),
                SectionHeaderOption::Comment(Cow::Owned(crate::t!("net-capture-section"))),
            ],
        };
        let writer = PcapNgWriter::with_section_header(out, section).map_err(to_io)?;
        Ok(Self {
            writer,
            v4: None,
            v6: None,
            interfaces: 0,
            tcp: HashMap::new(),
            udp: HashMap::new(),
            listening: None,
            client: None,
            routes: HashMap::new(),
            fates: HashMap::new(),
            caps,
            payload: 0,
            packets: 0,
            payload_cut_said: false,
            full: false,
        })
    }

    /// The writer (the bytes so far, for a capture kept in memory).
    pub fn get_ref(&self) -> &W {
        self.writer.get_ref()
    }

    /// Packets written so far.
    pub fn packets(&self) -> u64 {
        self.packets
    }

    /// Adds what one event did on the wire.
    pub fn record(&mut self, stamped: &Stamped) -> io::Result<()> {
        let at = stamp(stamped.at);
        match &stamped.event {
            Event::Listening { local, .. } => self.listening = Some(canonical(*local)),
            Event::Connected { local, peer, tcp } => {
                let (local, peer) = (canonical(*local), canonical(*peer));
                if *tcp {
                    self.open(local, peer, true, at)?;
                } else {
                    let local = if local.ip().is_unspecified() {
                        SocketAddr::new(self.route_to(peer.ip()), local.port())
                    } else {
                        local
                    };
                    self.client = Some(local);
                    self.udp.insert(peer, local);
                }
            }
            Event::Accepted { peer, local, .. } => {
                let (local, peer) = (canonical(*local), canonical(*peer));
                self.open(local, peer, false, at)?;
            }
            Event::Sent { peer, bytes } => self.data(canonical(*peer), true, bytes, None, at)?,
            Event::Received { peer, bytes } => {
                self.data(canonical(*peer), false, bytes, None, at)?;
            }
            Event::Payload {
                peer,
                sent,
                bytes,
                len,
            } => {
                self.bulk(canonical(*peer), *sent, bytes, *len, at)?;
            }
            Event::Dropped { peer, bytes } => {
                let peer = canonical(*peer);
                let local = self.udp_local(peer);
                self.fates.remove(&peer);
                self.datagram(
                    local,
                    peer,
                    bytes,
                    Some(crate::t!("net-capture-dropped")),
                    at,
                )?;
            }
            Event::Fate { peer, fate } => {
                self.fates.insert(canonical(*peer), *fate);
            }
            Event::Packet {
                peer,
                sent,
                bytes,
                note,
            } => {
                let peer = canonical(*peer);
                let local = self.udp_local(peer);
                let (from, to) = if *sent { (local, peer) } else { (peer, local) };
                let mut comment = note.clone();
                let mut copies = 1;
                if *sent && let Some(fate) = self.fates.remove(&peer) {
                    let (said, n) = fate_comment(&fate);
                    comment = format!("{comment} · {said}");
                    copies = n;
                }
                for _ in 0..copies {
                    self.datagram(from, to, bytes, Some(comment.clone()), at)?;
                }
            }
            Event::Closed { peer, first, .. } => {
                self.close(canonical(*peer), *first, at)?;
            }
            Event::HalfClosed { peer } => self.half_close(canonical(*peer), at)?,
            Event::Finished(_) => {
                let open: Vec<SocketAddr> = self.tcp.keys().copied().collect();
                for peer in open {
                    self.close(peer, Closer::Us, at)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The handshake: from this side (`connect`) or from the peer (`accept`).
    fn open(
        &mut self,
        local: SocketAddr,
        peer: SocketAddr,
        connect: bool,
        at: Duration,
    ) -> io::Result<()> {
        let isn = |a: SocketAddr, b: SocketAddr| -> u32 {
            // Different for every connection and the same for a rerun of it.
            let mut h: u32 = 0x811c_9dc5;
            for byte in a.to_string().bytes().chain(b.to_string().bytes()) {
                h = (h ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
            h
        };
        let mut ours = Direction {
            next: isn(local, peer),
        };
        let mut theirs = Direction {
            next: isn(peer, local),
        };
        let (first, second) = if connect {
            (Side::Local, Side::Peer)
        } else {
            (Side::Peer, Side::Local)
        };
        let (a_seq, b_seq) = match first {
            Side::Local => (&mut ours, &mut theirs),
            Side::Peer => (&mut theirs, &mut ours),
        };
        let a = a_seq.next;
        let b = b_seq.next;
        a_seq.next = a.wrapping_add(1);
        b_seq.next = b.wrapping_add(1);
        let ends = |side: Side| match side {
            Side::Local => (local, peer),
            Side::Peer => (peer, local),
        };
        let (from, to) = ends(first);
        self.segment(from, to, a, None, Flags::Syn, &[], None, at)?;
        let (from, to) = ends(second);
        self.segment(
            from,
            to,
            b,
            Some(a.wrapping_add(1)),
            Flags::Syn,
            &[],
            None,
            at,
        )?;
        let (from, to) = ends(first);
        self.segment(
            from,
            to,
            a.wrapping_add(1),
            Some(b.wrapping_add(1)),
            Flags::Ack,
            &[],
            None,
            at,
        )?;
        self.tcp.insert(
            peer,
            Connection {
                local,
                peer,
                ours,
                theirs,
                ours_fin: false,
            },
        );
        Ok(())
    }

    /// One send or receive: TCP data and its ACK when `peer` has a connection, else a datagram.
    fn data(
        &mut self,
        peer: SocketAddr,
        sent: bool,
        bytes: &[u8],
        comment: Option<String>,
        at: Duration,
    ) -> io::Result<()> {
        if self.tcp.contains_key(&peer) {
            return self.tcp_data(peer, sent, bytes, bytes.len(), comment, at);
        }
        let local = self.udp_local(peer);
        let mut comment = comment;
        let mut copies = 1;
        if sent && let Some(fate) = self.fates.remove(&peer) {
            let (said, n) = fate_comment(&fate);
            comment = Some(said);
            copies = n;
        }
        let (from, to) = if sent { (local, peer) } else { (peer, local) };
        for _ in 0..copies {
            self.datagram(from, to, bytes, comment.clone(), at)?;
        }
        Ok(())
    }

    /// Bulk data (a file's bytes), of which the runner may have kept only the first `len`.
    fn bulk(
        &mut self,
        peer: SocketAddr,
        sent: bool,
        bytes: &[u8],
        len: usize,
        at: Duration,
    ) -> io::Result<()> {
        if self.tcp.contains_key(&peer) {
            return self.tcp_data(peer, sent, bytes, len, None, at);
        }
        if bytes.len() < len {
            // A datagram left out: nothing to write but the note, once.
            let local = self.udp_local(peer);
            let (from, to) = if sent { (local, peer) } else { (peer, local) };
            return self.note_cut(from, to, at);
        }
        self.data(peer, sent, bytes, None, at)
    }

    /// Data on a connection: `len` bytes went, of which `bytes` are kept (the rest was left
    /// out by a cap, and the numbers still count it).
    fn tcp_data(
        &mut self,
        peer: SocketAddr,
        sent: bool,
        bytes: &[u8],
        len: usize,
        comment: Option<String>,
        at: Duration,
    ) -> io::Result<()> {
        let Some(c) = self.tcp.get_mut(&peer) else {
            return Ok(());
        };
        let (local, peer) = (c.local, c.peer);
        let (dir, other) = if sent {
            (&mut c.ours, &mut c.theirs)
        } else {
            (&mut c.theirs, &mut c.ours)
        };
        let segments = dir.segments(len);
        let ack = other.next;
        let after = dir.next;
        let (from, to) = if sent { (local, peer) } else { (peer, local) };
        let mut comment = comment;
        let mut cut = false;
        for (seq, offset, n) in segments {
            let end = (offset + n).min(bytes.len());
            let kept = bytes.get(offset..end).unwrap_or(&[]);
            let room = self.caps.payload_bytes.saturating_sub(self.payload);
            let kept = &kept[..kept.len().min(usize::try_from(room).unwrap_or(usize::MAX))];
            if kept.is_empty() {
                cut = true;
                continue;
            }
            self.segment(
                from,
                to,
                seq,
                Some(ack),
                Flags::PshAck,
                kept,
                comment.take(),
                at,
            )?;
            if kept.len() < n {
                cut = true;
            }
        }
        if cut && !self.payload_cut_said {
            self.payload_cut_said = true;
            let said = crate::t!(
                "net-capture-payload-cut",
                size = crate::units::human_bytes(self.caps.payload_bytes.min(self.payload))
            );
            // The receiver's ACK of everything, carrying the note.
            self.segment(to, from, ack, Some(after), Flags::Ack, &[], Some(said), at)?;
        } else if !cut {
            self.segment(to, from, ack, Some(after), Flags::Ack, &[], None, at)?;
        }
        Ok(())
    }

    /// A comment, once, that bulk datagrams were left out.
    fn note_cut(&mut self, from: SocketAddr, to: SocketAddr, at: Duration) -> io::Result<()> {
        if self.payload_cut_said {
            return Ok(());
        }
        self.payload_cut_said = true;
        let said = crate::t!(
            "net-capture-datagrams-cut",
            size = crate::units::human_bytes(self.payload)
        );
        self.datagram(from, to, &[], Some(said), at)
    }

    /// This side's FIN while it still reads (`shutdown(Write)`), acknowledged by the peer.
    fn half_close(&mut self, peer: SocketAddr, at: Duration) -> io::Result<()> {
        let Some(c) = self.tcp.get_mut(&peer) else {
            return Ok(());
        };
        if c.ours_fin {
            return Ok(());
        }
        c.ours_fin = true;
        let (local, peer, a, b) = (c.local, c.peer, c.ours.next, c.theirs.next);
        c.ours.next = a.wrapping_add(1);
        self.segment(local, peer, a, Some(b), Flags::FinAck, &[], None, at)?;
        self.segment(
            peer,
            local,
            b,
            Some(a.wrapping_add(1)),
            Flags::Ack,
            &[],
            None,
            at,
        )
    }

    /// The end of a connection in the order its socket calls saw it: the FIN of the side that
    /// closed first, the other's FIN, the last ACK (a FIN already sent by a half-close is not
    /// sent again); or a reset, from this side (after the peer's FIN, acknowledged, when it
    /// came first) or from the peer.
    fn close(&mut self, peer: SocketAddr, first: Closer, at: Duration) -> io::Result<()> {
        let Some(c) = self.tcp.remove(&peer) else {
            return Ok(());
        };
        let (local, peer) = (c.local, c.peer);
        let (a, b) = (c.ours.next, c.theirs.next);
        let one = |n: u32| n.wrapping_add(1);
        match first {
            Closer::PeerReset => {
                let comment = Some(crate::t!("net-capture-peer-reset"));
                self.segment(peer, local, b, None, Flags::Rst, &[], comment, at)
            }
            Closer::OurReset => {
                let comment = Some(crate::t!("net-capture-our-reset"));
                self.segment(local, peer, a, Some(b), Flags::Rst, &[], comment, at)
            }
            Closer::PeerThenOurReset => {
                self.segment(peer, local, b, Some(a), Flags::FinAck, &[], None, at)?;
                self.segment(local, peer, a, Some(one(b)), Flags::Ack, &[], None, at)?;
                let comment = Some(crate::t!("net-capture-our-reset-after-fin"));
                self.segment(local, peer, a, Some(one(b)), Flags::Rst, &[], comment, at)
            }
            Closer::Peer => {
                self.segment(peer, local, b, Some(a), Flags::FinAck, &[], None, at)?;
                if c.ours_fin {
                    return self.segment(local, peer, a, Some(one(b)), Flags::Ack, &[], None, at);
                }
                self.segment(local, peer, a, Some(one(b)), Flags::FinAck, &[], None, at)?;
                self.segment(peer, local, one(b), Some(one(a)), Flags::Ack, &[], None, at)
            }
            Closer::Us => {
                // After a half-close this side's FIN is out: the peer's follows.
                let ours = if c.ours_fin {
                    a
                } else {
                    self.segment(local, peer, a, Some(b), Flags::FinAck, &[], None, at)?;
                    one(a)
                };
                self.segment(peer, local, b, Some(ours), Flags::FinAck, &[], None, at)?;
                self.segment(local, peer, ours, Some(one(b)), Flags::Ack, &[], None, at)
            }
        }
    }

    /// The local address of a UDP conversation with `peer`.
    fn udp_local(&mut self, peer: SocketAddr) -> SocketAddr {
        if let Some(local) = self.udp.get(&peer) {
            return *local;
        }
        let bound = self
            .listening
            .or(self.client)
            .unwrap_or_else(|| SocketAddr::new(unspecified_like(peer.ip()), 0));
        let local = if bound.ip().is_unspecified() {
            SocketAddr::new(self.route_to(peer.ip()), bound.port())
        } else {
            bound
        };
        self.udp.insert(peer, local);
        local
    }

    /// The address this computer would send from to reach `ip` (a server bound to all
    /// interfaces does not say which one answered).
    fn route_to(&mut self, ip: IpAddr) -> IpAddr {
        if let Some(found) = self.routes.get(&ip) {
            return *found;
        }
        let found = if ip.is_loopback() {
            ip
        } else {
            UdpSocket::bind(SocketAddr::new(unspecified_like(ip), 0))
                .and_then(|s| {
                    s.connect(SocketAddr::new(ip, 9))?;
                    s.local_addr()
                })
                .map(|a| a.ip())
                .unwrap_or_else(|_| unspecified_like(ip))
        };
        self.routes.insert(ip, found);
        found
    }

    /// The interface of an address family, described on first use.
    fn interface(&mut self, v6: bool) -> io::Result<u32> {
        if let Some(id) = if v6 { self.v6 } else { self.v4 } {
            return Ok(id);
        }
        let (linktype, name) = if v6 {
            (DataLink::IPV6, "socklab IPv6")
        } else {
            (DataLink::IPV4, "socklab IPv4")
        };
        self.writer
            .write_pcapng_block(InterfaceDescriptionBlock {
                linktype,
                snaplen: 0,
                options: vec![
                    InterfaceDescriptionOption::IfName(Cow::Borrowed(name)),
                    InterfaceDescriptionOption::IfDescription(Cow::Owned(crate::t!(
                        "net-capture-interface"
                    ))),
                    InterfaceDescriptionOption::IfTsResol(9),
                ],
            })
            .map_err(to_io)?;
        let id = self.interfaces;
        self.interfaces += 1;
        if v6 {
            self.v6 = Some(id);
        } else {
            self.v4 = Some(id);
        }
        Ok(id)
    }

    /// Room for one more packet; at the cap, one last packet says the capture stops.
    fn room(&mut self, comment: &mut Option<String>) -> bool {
        if self.full {
            return false;
        }
        if self.packets + 1 >= self.caps.packets {
            self.full = true;
            *comment = Some(crate::t!(
                "net-capture-full",
                n = self.caps.packets.to_string(),
                count = self.caps.packets
            ));
        }
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn segment(
        &mut self,
        from: SocketAddr,
        to: SocketAddr,
        seq: u32,
        ack: Option<u32>,
        flags: Flags,
        payload: &[u8],
        mut comment: Option<String>,
        at: Duration,
    ) -> io::Result<()> {
        if !self.room(&mut comment) {
            return Ok(());
        }
        let Some(ip) = ip_builder(from, to) else {
            return Ok(());
        };
        let mut step = ip.tcp(from.port(), to.port(), seq, WINDOW);
        if let Some(ack) = ack {
            step = step.ack(ack);
        }
        step = match flags {
            Flags::Syn => step.syn(),
            Flags::Ack => step,
            Flags::PshAck => step.psh(),
            Flags::FinAck => step.fin(),
            Flags::Rst => step.rst(),
        };
        let mut packet = Vec::with_capacity(step.size(payload.len()));
        step.write(&mut packet, payload).map_err(|e| {
            io::Error::other(crate::t!(
                "net-capture-cannot-build-segment",
                error = e.to_string()
            ))
        })?;
        self.write(to.is_ipv6(), packet, payload.len(), comment, at)
    }

    fn datagram(
        &mut self,
        from: SocketAddr,
        to: SocketAddr,
        payload: &[u8],
        mut comment: Option<String>,
        at: Duration,
    ) -> io::Result<()> {
        if !self.room(&mut comment) {
            return Ok(());
        }
        let room = self.caps.payload_bytes.saturating_sub(self.payload);
        if payload.len() as u64 > room {
            return self.note_cut(from, to, at);
        }
        let Some(ip) = ip_builder(from, to) else {
            return Ok(());
        };
        let step = ip.udp(from.port(), to.port());
        let mut packet = Vec::with_capacity(step.size(payload.len()));
        step.write(&mut packet, payload).map_err(|e| {
            io::Error::other(crate::t!(
                "net-capture-cannot-build-datagram",
                error = e.to_string()
            ))
        })?;
        self.write(to.is_ipv6(), packet, payload.len(), comment, at)
    }

    /// Writes one packet carrying `payload` bytes of payload (counted against the cap).
    fn write(
        &mut self,
        v6: bool,
        packet: Vec<u8>,
        payload: usize,
        comment: Option<String>,
        at: Duration,
    ) -> io::Result<()> {
        self.payload += payload as u64;
        let interface_id = self.interface(v6)?;
        let mut options = Vec::new();
        if let Some(c) = comment {
            options.push(EnhancedPacketOption::Comment(Cow::Owned(c)));
        }
        self.writer
            .write_pcapng_block(EnhancedPacketBlock {
                interface_id,
                timestamp: at,
                original_len: packet.len() as u32,
                data: Cow::Owned(packet),
                options,
            })
            .map_err(to_io)?;
        self.packets += 1;
        Ok(())
    }
}

impl Capture<io::BufWriter<std::fs::File>> {
    /// A capture written to `path` as it goes.
    pub fn create(path: &std::path::Path, caps: Caps) -> io::Result<Self> {
        let file = std::fs::File::create(path)?;
        Self::new(io::BufWriter::new(file), caps)
    }

    /// Adds an event and pushes it to the file, so that an interrupted run leaves a capture
    /// that opens.
    pub fn record_and_flush(&mut self, stamped: &Stamped) -> io::Result<()> {
        self.record(stamped)?;
        self.writer.get_mut().flush()
    }
}

#[derive(Clone, Copy)]
enum Side {
    Local,
    Peer,
}

#[derive(Clone, Copy)]
enum Flags {
    Syn,
    Ack,
    PshAck,
    FinAck,
    Rst,
}

/// What the simulator did, for a comment, and how many copies went.
fn fate_comment(fate: &Fate) -> (String, usize) {
    let mut said = Vec::new();
    if fate.duplicated {
        said.push(crate::t!("net-capture-sent-twice"));
    }
    if fate.reordered {
        said.push(crate::t!(
            "net-capture-held-back",
            ms = fate.delay.as_millis().to_string()
        ));
    } else if !fate.delay.is_zero() {
        said.push(crate::t!(
            "net-capture-delayed",
            ms = fate.delay.as_millis().to_string()
        ));
    }
    (said.join(", "), if fate.duplicated { 2 } else { 1 })
}

fn unspecified_like(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
    }
}

/// The IP layer between two addresses of one family; None for a mixed pair.
fn ip_builder(
    from: SocketAddr,
    to: SocketAddr,
) -> Option<etherparse::PacketBuilderStep<etherparse::IpHeaders>> {
    match (from.ip(), to.ip()) {
        (IpAddr::V4(a), IpAddr::V4(b)) => Some(PacketBuilder::ipv4(a.octets(), b.octets(), 64)),
        (IpAddr::V6(a), IpAddr::V6(b)) => Some(PacketBuilder::ipv6(a.octets(), b.octets(), 64)),
        _ => None,
    }
}

fn to_io(e: pcap_file::PcapError) -> io::Error {
    match e {
        pcap_file::PcapError::IoError(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_numbers_follow_the_bytes_and_segments_stay_under_the_ip_limit() {
        let mut d = Direction {
            next: u32::MAX - 10,
        };
        let bytes = vec![7u8; 2 * MAX_SEGMENT + 100];
        let segments = d.segments(bytes.len());
        assert_eq!(
            segments,
            vec![
                (u32::MAX - 10, 0, MAX_SEGMENT),
                (
                    (u32::MAX - 10).wrapping_add(MAX_SEGMENT as u32),
                    MAX_SEGMENT,
                    MAX_SEGMENT
                ),
                (
                    (u32::MAX - 10).wrapping_add(2 * MAX_SEGMENT as u32),
                    2 * MAX_SEGMENT,
                    100
                ),
            ]
        );
        // Every byte once, in order, and the next number is past the last byte (wrapped).
        let total: usize = segments.iter().map(|s| s.2).sum();
        assert_eq!(total, bytes.len());
        assert_eq!(d.next, (u32::MAX - 10).wrapping_add(bytes.len() as u32));
        assert_eq!(d.segments(0), vec![]);
        assert_eq!(d.segments(1), vec![(d.next.wrapping_sub(1), 0, 1)]);
    }

    fn event(event: Event) -> Stamped {
        Stamped {
            at: SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000),
            elapsed: Duration::ZERO,
            event,
        }
    }

    #[test]
    fn an_exchange_reads_back_as_packets_with_their_numbers() {
        let local: SocketAddr = "127.0.0.1:40000".parse().unwrap();
        let peer: SocketAddr = "127.0.0.1:12000".parse().unwrap();
        let mut c = Capture::new(Vec::new(), Caps::default()).unwrap();
        for e in [
            Event::Connected {
                local,
                peer,
                tcp: true,
            },
            Event::Sent {
                peer,
                bytes: b"Ana,37".to_vec(),
            },
            Event::Received {
                peer,
                bytes: b"Zoe,81".to_vec(),
            },
            Event::Closed {
                peer,
                reason: "closed by the client".into(),
                first: Closer::Us,
            },
        ] {
            c.record(&event(e)).unwrap();
        }
        // SYN, SYN/ACK, ACK; data, ACK; data, ACK; FIN, FIN, ACK.
        assert_eq!(c.packets(), 10);
        let bytes = c.get_ref().clone();
        let mut reader = pcap_file::pcapng::PcapNgReader::new(&bytes[..]).unwrap();
        let mut tcp = Vec::new();
        while let Some(block) = reader.next_block() {
            if let Some(p) = block.unwrap().into_enhanced_packet() {
                let parsed = etherparse::SlicedPacket::from_ip(&p.data).unwrap();
                if let Some(etherparse::TransportSlice::Tcp(t)) = parsed.transport {
                    tcp.push((
                        t.source_port(),
                        t.sequence_number(),
                        t.acknowledgment_number(),
                        t.payload().to_vec(),
                    ));
                }
            }
        }
        assert_eq!(tcp.len(), 10);
        let (client_isn, server_isn) = (tcp[0].1, tcp[1].1);
        // The request: the client's first byte is ISN + 1, and the server acknowledges 6 bytes.
        assert_eq!(
            tcp[3],
            (40000, client_isn + 1, server_isn + 1, b"Ana,37".to_vec())
        );
        assert_eq!(tcp[4].2, client_isn + 7);
        assert_eq!(
            tcp[5],
            (12000, server_isn + 1, client_isn + 7, b"Zoe,81".to_vec())
        );
        assert_eq!(tcp[6].2, server_isn + 7);
        // The FINs take one number each.
        assert_eq!(tcp[7].1, client_isn + 7);
        assert_eq!(tcp[9].2, server_isn + 8);
    }
}
