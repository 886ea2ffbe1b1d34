//! The limits of a program under test, and which of them stopped it.

use serde::{Deserialize, Serialize};

/// The limits of one program under test (per process, set before `exec`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub cpu_seconds: u64,
    /// Memory: resident memory of all its processes where a cgroup can be made (root), and
    /// the data segment of each process (RLIMIT_DATA) always; never its address space, which
    /// runtimes reserve far beyond what they use (a JVM's heap, V8's cage, Go's arenas).
    pub memory_mib: u64,
    /// Processes (and threads) it may start, beyond those its user already runs.
    pub processes: u64,
    /// Largest file it may write.
    pub file_mib: u64,
    pub open_files: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            cpu_seconds: 30,
            memory_mib: 512,
            // A JVM starts a thread per core for its collector and compilers, Go and Node
            // several: 256 leaves room on a 64-core autograder and still stops a fork bomb.
            processes: 256,
            file_mib: 64,
            open_files: 256,
        }
    }
}

/// Why a program stopped, when a limit stopped it: from its exit signal, its output, and
/// whether the kernel killed it for its memory (`oom`).
pub fn limit_hit(limits: &Limits, signal: Option<i32>, output: &str, oom: bool) -> Option<String> {
    if oom {
        return Some(crate::t!("case-limit-memory", mib = limits.memory_mib));
    }
    #[cfg(unix)]
    {
        if signal == Some(libc::SIGXCPU) {
            return Some(crate::t!("case-limit-cpu", seconds = limits.cpu_seconds));
        }
        if signal == Some(libc::SIGXFSZ) || output.contains("File too large") {
            return Some(crate::t!("case-limit-file-size", mib = limits.file_mib));
        }
    }
    #[cfg(not(unix))]
    let _ = signal;
    if output.contains("MemoryError")
        || output.contains("Cannot allocate memory")
        || output.contains("OutOfMemoryError")
    {
        return Some(crate::t!("case-limit-memory", mib = limits.memory_mib));
    }
    if output.contains("Resource temporarily unavailable")
        || output.contains("can't start new thread")
    {
        return Some(crate::t!("case-limit-processes", count = limits.processes));
    }
    if output.contains("Too many open files") {
        return Some(crate::t!(
            "case-limit-open-files",
            count = limits.open_files
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_named_when_they_stop_a_program() {
        let l = Limits::default();
        assert_eq!(
            limit_hit(&l, None, "Traceback…\nMemoryError\n", false).as_deref(),
            Some("stopped: memory limit 512 MiB")
        );
        #[cfg(unix)]
        assert_eq!(
            limit_hit(&l, Some(libc::SIGXCPU), "", false).as_deref(),
            Some("stopped: CPU limit 30 s")
        );
        assert_eq!(limit_hit(&l, Some(9), "bye", false), None);
        assert_eq!(
            limit_hit(&l, Some(9), "", true).as_deref(),
            Some("stopped: memory limit 512 MiB"),
            "the kernel's OOM kill in its cgroup"
        );
    }
}
