//! What was applied to a program under test, as the launcher writes it back and the report
//! says it.

use serde::{Deserialize, Serialize};

use super::limits::Limits;

/// What was applied to a program, for the report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    /// Whether any confinement was asked for.
    pub enabled: bool,
    /// The kernel's Landlock ABI (0: none).
    pub landlock_abi: i32,
    /// "fully enforced", "partially enforced", "not enforced".
    pub landlock: String,
    pub files: bool,
    pub tcp_ports: bool,
    pub signals: bool,
    /// The user it ran as.
    pub user: String,
    pub limits: Option<Limits>,
    /// How memory is bounded ("resident memory and processes by cgroup v1, data segment
    /// 512 MiB"), empty when it is not.
    #[serde(default)]
    pub memory: String,
    /// What could not be applied, and why.
    pub missing: Vec<String>,
}

impl Applied {
    /// Not confined, and why.
    pub fn off(why: &str) -> Self {
        Self {
            enabled: false,
            landlock: "not enforced".into(),
            missing: vec![why.to_owned()],
            ..Self::default()
        }
    }

    /// One line for people.
    pub fn line(&self) -> String {
        if !self.enabled {
            return format!("not confined: {}", self.missing.join("; "));
        }
        if self.landlock == WINDOWS_JOB {
            let limits = self.limits.map_or(String::new(), |l| {
                format!(
                    ": at most {} processes, {} MiB memory, {} s CPU time",
                    l.processes, l.memory_mib, l.cpu_seconds
                )
            });
            return format!(
                "confined by a Windows Job object{limits}; all its processes are ended with each case; files and ports are not confined"
            );
        }
        let mut parts = Vec::new();
        if self.files {
            parts.push(
                "files (read-only system folders and interpreter, writes only in its scratch copy)",
            );
        }
        if self.tcp_ports {
            parts.push("TCP ports (only the exercise's)");
        }
        if self.signals {
            parts.push("signals and abstract UNIX sockets (only its own processes)");
        }
        let limits = self.limits.map_or(String::new(), |l| {
            let memory = if self.memory.is_empty() {
                String::new()
            } else {
                format!(" ({})", self.memory)
            };
            format!(
                "; limits: {} s CPU, {} MiB memory{memory}, {} processes, {} MiB files, {} open files",
                l.cpu_seconds, l.memory_mib, l.processes, l.file_mib, l.open_files
            )
        });
        format!(
            "confined (Landlock ABI {}, {}): {}; as user {}{limits}{}",
            self.landlock_abi,
            self.landlock,
            if parts.is_empty() {
                "nothing by Landlock".to_owned()
            } else {
                parts.join(", ")
            },
            self.user,
            if self.missing.is_empty() {
                String::new()
            } else {
                format!("; not applied: {}", self.missing.join("; "))
            }
        )
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// What [`Applied::landlock`] says on Windows, where a Job object confines instead.
pub(super) const WINDOWS_JOB: &str = "not on Windows: a Job object";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_job_says_what_it_limits_and_what_it_does_not() {
        let applied = Applied {
            enabled: true,
            landlock: WINDOWS_JOB.into(),
            limits: Some(Limits::default()),
            ..Applied::default()
        };
        assert_eq!(
            applied.line(),
            "confined by a Windows Job object: at most 256 processes, 512 MiB memory, 30 s CPU time; all its processes are ended with each case; files and ports are not confined"
        );
    }
}
