//! Asks the scheduler to run a session's thread promptly when its data arrives.
//!
//! A server under a class of clients has a thousand threads, each woken to answer one short
//! message. Linux gives every woken thread a slice (1.4 ms on the 2-core machine the benchmark
//! ran on) and serves the threads waiting for a core by deadlines made from those slices: a
//! session's answer waited behind the slices of the threads woken before it. A thread that asks
//! for a short slice gets an earlier deadline, so the scheduler takes it sooner when its data
//! arrives. Measured with the load benchmark (docs/benchmarks.md, "load").

/// The slice a session's thread asks for: the shortest Linux accepts (0.1 ms).
pub const SESSION_SLICE_NS: u64 = 100_000;

/// `struct sched_attr` of `sched_setattr(2)` (its first version, 48 bytes, and the utilisation
/// clamps that followed; the kernel reads `size`).
#[cfg(target_os = "linux")]
#[repr(C)]
struct SchedAttr {
    size: u32,
    policy: u32,
    flags: u64,
    nice: i32,
    priority: u32,
    runtime: u64,
    deadline: u64,
    period: u64,
    util_min: u32,
    util_max: u32,
}

/// Asks for a [`SESSION_SLICE_NS`] slice for the calling thread, keeping the normal policy and
/// priority. Linux 6.12 and later read the slice; false where the call fails (other systems
/// have no such request). Nothing else changes either way.
pub fn short_slice() -> bool {
    #[cfg(target_os = "linux")]
    {
        let attr = SchedAttr {
            size: std::mem::size_of::<SchedAttr>() as u32,
            // SCHED_OTHER, nice 0: the thread keeps its ordinary share of the CPU.
            policy: 0,
            flags: 0,
            nice: 0,
            priority: 0,
            runtime: SESSION_SLICE_NS,
            deadline: 0,
            period: 0,
            util_min: 0,
            util_max: 0,
        };
        // SAFETY: sched_setattr reads `size` bytes of `attr`, which lives for the call, and
        // changes only the calling thread (pid 0).
        unsafe { libc::syscall(libc::SYS_sched_setattr, 0, &raw const attr, 0) == 0 }
    }
    #[cfg(not(target_os = "linux"))]
    false
}

/// The slice the calling thread runs with, in nanoseconds, as Linux shows it
/// (`/proc/thread-self/sched`, `se.slice`); None where it does not.
pub fn current_slice_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/sched").ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("se.slice"))
        .and_then(|v| v.trim_start_matches([' ', ':']).trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_that_asks_gets_the_short_slice_where_linux_takes_it() {
        std::thread::spawn(|| {
            let before = current_slice_ns();
            let taken = short_slice();
            let after = current_slice_ns();
            match (taken, after) {
                (true, Some(slice)) => assert_eq!(slice, SESSION_SLICE_NS, "before: {before:?}"),
                (true, None) => eprintln!("the slice was taken; this kernel does not show it"),
                (false, _) => eprintln!(
                    "skipped: this system does not take a slice request (before: {before:?})"
                ),
            }
        })
        .join()
        .expect("the thread ran");
    }
}
