//! A control group of the kernel's for one program under test (Linux): it bounds what the
//! program really uses, resident memory and the number of its processes and threads, where an
//! address-space limit would stop runtimes that reserve far more than they use (a JVM's heap,
//! V8's pointer cage, Go's arenas). A JVM also sizes its heap from the group's limit.
//!
//! cgroup v2 (one hierarchy with the `memory` and `pids` controllers) is used where it is
//! mounted with them, else cgroup v1's `memory` and `pids` hierarchies. Making a group needs
//! the right to write there (root, or a delegated v2 subtree); when that is missing the caller
//! falls back to rlimits and the report says so. The group is removed when dropped, after every
//! process in it was killed.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One program's group: one folder per hierarchy it was made in.
#[derive(Debug)]
pub struct Cgroup {
    /// The group's folders; the first holds the memory controller.
    dirs: Vec<PathBuf>,
    v2: bool,
}

/// A mounted hierarchy: where, which version, and its controllers.
struct Mount {
    path: PathBuf,
    v2: bool,
    controllers: Vec<String>,
}

fn mounts() -> Vec<Mount> {
    let Ok(info) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return Vec::new();
    };
    info.lines()
        .filter_map(|line| {
            let (before, after) = line.split_once(" - ")?;
            let path = PathBuf::from(before.split(' ').nth(4)?);
            let mut rest = after.split(' ');
            let kind = rest.next()?;
            let options = rest.nth(1).unwrap_or("");
            match kind {
                "cgroup2" => {
                    let controllers = std::fs::read_to_string(path.join("cgroup.controllers"))
                        .unwrap_or_default()
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect();
                    Some(Mount {
                        path,
                        v2: true,
                        controllers,
                    })
                }
                "cgroup" => Some(Mount {
                    path,
                    v2: false,
                    controllers: options.split(',').map(str::to_owned).collect(),
                }),
                _ => None,
            }
        })
        .collect()
}

fn write(path: &Path, value: &str) -> Result<(), String> {
    std::fs::write(path, value).map_err(|e| format!("{}: {e}", path.display()))
}

impl Cgroup {
    /// Makes a group holding at most `memory_bytes` of memory (no swap) and `processes`
    /// processes and threads.
    pub fn create(memory_bytes: u64, processes: u64) -> Result<Self, String> {
        let all = mounts();
        let has = |m: &Mount, c: &str| m.controllers.iter().any(|x| x == c);
        let name = format!("socklab-{}-{:x}", std::process::id(), rand::random::<u32>());
        let group = if let Some(m) = all.iter().find(|m| m.v2 && has(m, "memory")) {
            // The root of the hierarchy is exempt from "no processes in inner groups"; its
            // children get the controllers it passes down.
            let control = m.path.join("cgroup.subtree_control");
            let passed = std::fs::read_to_string(&control).unwrap_or_default();
            for c in ["memory", "pids"] {
                if !passed.split_whitespace().any(|x| x == c) && has(m, c) {
                    write(&control, &format!("+{c}"))?;
                }
            }
            let dir = m.path.join(&name);
            std::fs::create_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            Self {
                dirs: vec![dir],
                v2: true,
            }
        } else {
            let memory = all
                .iter()
                .find(|m| !m.v2 && has(m, "memory"))
                .ok_or_else(|| crate::t!("case-cgroup-no-memory-controller"))?;
            let dir = memory.path.join(&name);
            std::fs::create_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let mut group = Self {
                dirs: vec![dir],
                v2: false,
            };
            if let Some(pids) = all.iter().find(|m| !m.v2 && has(m, "pids")) {
                let dir = pids.path.join(&name);
                std::fs::create_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                group.dirs.push(dir);
            }
            group
        };
        group.limit(memory_bytes, processes)?;
        Ok(group)
    }

    fn limit(&self, memory_bytes: u64, processes: u64) -> Result<(), String> {
        let bytes = memory_bytes.to_string();
        let first = self
            .dirs
            .first()
            .ok_or_else(|| crate::t!("case-cgroup-no-group"))?;
        if self.v2 {
            write(&first.join("memory.max"), &bytes)?;
            let swap = first.join("memory.swap.max");
            if swap.exists() {
                write(&swap, "0")?;
            }
            write(&first.join("pids.max"), &processes.to_string())?;
        } else {
            write(&first.join("memory.limit_in_bytes"), &bytes)?;
            let swap = first.join("memory.memsw.limit_in_bytes");
            if swap.exists() {
                write(&swap, &bytes)?;
            }
            if let Some(pids) = self.dirs.get(1) {
                write(&pids.join("pids.max"), &processes.to_string())?;
            }
        }
        Ok(())
    }

    /// Whether the group bounds processes too (v1 without a `pids` hierarchy does not).
    pub fn bounds_processes(&self) -> bool {
        self.v2 || self.dirs.len() > 1
    }

    /// "cgroup v2" or "cgroup v1".
    pub fn version(&self) -> &'static str {
        if self.v2 { "cgroup v2" } else { "cgroup v1" }
    }

    /// The files a process writes its id to, to join the group (every hierarchy's).
    pub fn join_files(&self) -> Vec<PathBuf> {
        self.dirs.iter().map(|d| d.join("cgroup.procs")).collect()
    }

    /// Whether the kernel killed a process of the group for its memory.
    pub fn oom_killed(&self) -> bool {
        let Some(first) = self.dirs.first() else {
            return false;
        };
        let file = if self.v2 {
            "memory.events"
        } else {
            "memory.oom_control"
        };
        std::fs::read_to_string(first.join(file)).is_ok_and(|text| {
            text.lines().any(|l| {
                l.strip_prefix("oom_kill ")
                    .and_then(|n| n.trim().parse::<u64>().ok())
                    .is_some_and(|n| n > 0)
            })
        })
    }

    /// The processes in the group now.
    pub fn pids(&self) -> Vec<u32> {
        let mut pids: Vec<u32> = self
            .join_files()
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .flat_map(|t| {
                t.split_whitespace()
                    .filter_map(|p| p.parse().ok())
                    .collect::<Vec<u32>>()
            })
            .collect();
        pids.sort_unstable();
        pids.dedup();
        pids
    }

    /// Kills every process in the group (none escapes by changing its process group).
    pub fn kill_all(&self) {
        for pid in self.pids() {
            if let Ok(pid) = i32::try_from(pid) {
                // SAFETY: kill(2) on one process id; no memory is passed.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
        }
    }
}

impl Drop for Cgroup {
    fn drop(&mut self) {
        // A group can be removed once its last process is gone (a killed process leaves it
        // when the kernel has reaped it: moments).
        let until = Instant::now() + Duration::from_secs(2);
        for dir in &self.dirs {
            loop {
                self.kill_all();
                if std::fs::remove_dir(dir).is_ok() || Instant::now() >= until || !dir.exists() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_bounds_memory_and_is_removed_when_dropped() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("skipped: making a cgroup needs root here");
            return;
        }
        let group = match Cgroup::create(64 << 20, 16) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("skipped: no cgroup can be made here: {e}");
                return;
            }
        };
        let dirs = group.dirs.clone();
        assert!(dirs.iter().all(|d| d.is_dir()));
        let limit = if group.v2 {
            "memory.max"
        } else {
            "memory.limit_in_bytes"
        };
        let set = std::fs::read_to_string(dirs[0].join(limit)).unwrap_or_default();
        assert_eq!(set.trim(), (64u64 << 20).to_string());
        assert!(group.pids().is_empty());
        assert!(!group.oom_killed());
        drop(group);
        assert!(dirs.iter().all(|d| !d.exists()), "{dirs:?}");
    }
}
