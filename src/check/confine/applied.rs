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

    /// One line for people, in the current language (what the launcher wrote in `missing`,
    /// `memory` and `user` is in the language of the check that ran it).
    pub fn line(&self) -> String {
        if !self.enabled {
            return crate::t!("case-confine-line-off", why = self.missing.join("; "));
        }
        if self.landlock == WINDOWS_JOB {
            return match self.limits {
                Some(l) => crate::t!(
                    "case-confine-line-windows-limits",
                    processes = l.processes,
                    memory = l.memory_mib,
                    cpu = l.cpu_seconds
                ),
                None => crate::t!("case-confine-line-windows"),
            };
        }
        let mut parts = Vec::new();
        if self.files {
            parts.push(crate::t!("case-confine-part-files"));
        }
        if self.tcp_ports {
            parts.push(crate::t!("case-confine-part-tcp-ports"));
        }
        if self.signals {
            parts.push(crate::t!("case-confine-part-signals"));
        }
        let limits = self.limits.map_or(String::new(), |l| {
            let args = (
                l.cpu_seconds,
                l.memory_mib,
                l.processes,
                l.file_mib,
                l.open_files,
            );
            if self.memory.is_empty() {
                crate::t!(
                    "case-confine-line-limits",
                    cpu = args.0,
                    memory = args.1,
                    processes = args.2,
                    files = args.3,
                    open = args.4
                )
            } else {
                crate::t!(
                    "case-confine-line-limits-memory",
                    cpu = args.0,
                    memory = args.1,
                    bound = self.memory.clone(),
                    processes = args.2,
                    files = args.3,
                    open = args.4
                )
            }
        });
        let missing = if self.missing.is_empty() {
            String::new()
        } else {
            crate::t!("case-confine-line-missing", what = self.missing.join("; "))
        };
        let what = if parts.is_empty() {
            crate::t!("case-confine-part-nothing")
        } else {
            parts.join(", ")
        };
        let line = crate::t!(
            "case-confine-line",
            abi = self.landlock_abi,
            landlock = landlock_shown(&self.landlock),
            what = what,
            user = self.user.clone()
        );
        format!("{line}{limits}{missing}")
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// What [`Applied::landlock`] says on Windows, where a Job object confines instead.
pub(super) const WINDOWS_JOB: &str = "not on Windows: a Job object";

/// How far Landlock was enforced, for people: [`Applied::landlock`] is a stable value of the
/// report's JSON ("fully enforced", "partially enforced", "not enforced"), said here in the
/// current language.
fn landlock_shown(landlock: &str) -> String {
    match landlock {
        "fully enforced" => crate::t!("case-confine-landlock-full"),
        "partially enforced" => crate::t!("case-confine-landlock-partial"),
        "not enforced" => crate::t!("case-confine-landlock-none"),
        other => other.to_owned(),
    }
}

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

    #[test]
    fn the_line_is_said_in_the_language_of_the_thread_that_shows_it() {
        use crate::i18n::{Lang, set_here};
        let applied = Applied {
            enabled: true,
            landlock_abi: 6,
            landlock: "fully enforced".into(),
            files: true,
            user: "nobody (uid 65534)".into(),
            limits: Some(Limits::default()),
            ..Applied::default()
        };
        set_here(Some(Lang::PtPt));
        let pt = applied.line();
        let off = Applied::off("x").line();
        let limit = super::super::limit_hit(&Limits::default(), None, "MemoryError", false);
        set_here(Some(Lang::Es));
        let es = applied.line();
        set_here(None);
        assert!(
            pt.starts_with("confinado (Landlock ABI 6, aplicado por completo): ficheiros ("),
            "{pt}"
        );
        assert!(
            pt.contains("; limites: 30 s de CPU, 512 MiB de memória,"),
            "{pt}"
        );
        assert_eq!(off, "não confinado: x");
        assert_eq!(
            limit.as_deref(),
            Some("parado: limite de memória de 512 MiB")
        );
        assert!(es.contains("archivos (carpetas del sistema"), "{es}");
        assert_eq!(
            applied.line(),
            "confined (Landlock ABI 6, fully enforced): files (read-only system folders and interpreter, writes only in its scratch copy); as user nobody (uid 65534); limits: 30 s CPU, 512 MiB memory, 256 processes, 64 MiB files, 256 open files"
        );
    }
}
