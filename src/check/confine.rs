//! Confinement of the program under test, so that a student's program cannot hurt the machine
//! that checks it.
//!
//! On Linux the confinement is applied by a small launcher between socklab and the program:
//! socklab re-executes itself as `socklab __confine` (a hidden subcommand), which sets the
//! limits, leaves root for an unprivileged user, restricts itself with Landlock, and then
//! executes the program. A re-executed launcher rather than a `pre_exec` hook: after `fork` only
//! async-signal-safe calls are allowed, and building a Landlock ruleset allocates (the `landlock`
//! crate opens the paths, builds vectors); the launcher is a fresh single-threaded process where
//! anything may be called, and its own `exec` leaves nothing of it behind.
//!
//! What the kernel does not support is reported, not faked: Landlock is applied best effort
//! (files from ABI 1, TCP ports from ABI 4, signals from ABI 6), and the report's
//! `confinement` object says what was applied. On other systems the program runs as before, and
//! the report says "not confined".

use std::path::{Path, PathBuf};

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

/// Whether and how to confine the programs of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confine {
    /// Off: the program runs with the user's full rights (`--no-confine`).
    pub enabled: bool,
    pub limits: Limits,
    /// The user a program runs as when socklab runs as root (default `nobody`).
    pub as_user: Option<String>,
    /// The socklab program that confines (its `__confine`); None: this very program, when it
    /// is socklab (a program that only links socklab's library must say where socklab is).
    pub launcher: Option<PathBuf>,
}

impl Default for Confine {
    fn default() -> Self {
        Self {
            enabled: true,
            limits: Limits::default(),
            as_user: None,
            launcher: None,
        }
    }
}

/// What the launcher is told to do (passed to it as JSON in [`SPEC_ENV`]).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Spec {
    /// Read and execute beneath these.
    pub read: Vec<PathBuf>,
    /// Read and write these files (device nodes such as /dev/null).
    pub devices: Vec<PathBuf>,
    /// Everything beneath these (the scratch copy).
    pub write: Vec<PathBuf>,
    /// TCP ports it may bind; TCP ports it may connect to.
    pub bind_tcp: Vec<u16>,
    pub connect_tcp: Vec<u16>,
    pub limits: Limits,
    /// uid and gid to run as (socklab runs as root).
    pub user: Option<(u32, u32, String)>,
    /// Where the launcher writes what it applied ([`Applied`], JSON).
    pub status: PathBuf,
    pub program: String,
    pub args: Vec<String>,
    /// The cgroup's `cgroup.procs` files the launcher joins (empty: no cgroup).
    #[serde(default)]
    pub cgroup: Vec<PathBuf>,
    /// The data-segment limit (RLIMIT_DATA), MiB.
    #[serde(default)]
    pub data_mib: u64,
    /// What bounds memory once the cgroup is joined, for the report.
    #[serde(default)]
    pub memory: String,
    /// Whether the cgroup bounds the program's processes too.
    #[serde(default)]
    pub pids_by_cgroup: bool,
}

/// The command line's way out when the program's user cannot run the interpreter (the window
/// names its own).
pub const NOT_RUNNABLE_HINT: &str = "--as-user USER, or --no-confine";

/// The environment variable that carries the launcher's [`Spec`].
pub const SPEC_ENV: &str = "SOCKLAB_CONFINE_SPEC";

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
const WINDOWS_JOB: &str = "not on Windows: a Job object";

/// Why a program stopped, when a limit stopped it: from its exit signal, its output, and
/// whether the kernel killed it for its memory (`oom`).
pub fn limit_hit(limits: &Limits, signal: Option<i32>, output: &str, oom: bool) -> Option<String> {
    if oom {
        return Some(format!("stopped: memory limit {} MiB", limits.memory_mib));
    }
    #[cfg(unix)]
    {
        if signal == Some(libc::SIGXCPU) {
            return Some(format!("stopped: CPU limit {} s", limits.cpu_seconds));
        }
        if signal == Some(libc::SIGXFSZ) || output.contains("File too large") {
            return Some(format!("stopped: file size limit {} MiB", limits.file_mib));
        }
    }
    #[cfg(not(unix))]
    let _ = signal;
    if output.contains("MemoryError")
        || output.contains("Cannot allocate memory")
        || output.contains("OutOfMemoryError")
    {
        return Some(format!("stopped: memory limit {} MiB", limits.memory_mib));
    }
    if output.contains("Resource temporarily unavailable")
        || output.contains("can't start new thread")
    {
        return Some(format!("stopped: process limit {}", limits.processes));
    }
    if output.contains("Too many open files") {
        return Some(format!("stopped: open files limit {}", limits.open_files));
    }
    None
}

/// How `command` is started under `confine`, for a program whose scratch copy is `scratch`:
/// the command to run (socklab's launcher, or the program itself), and what will be applied
/// (read back from the launcher's status file once it has started).
pub struct Plan {
    pub command: Vec<String>,
    pub env: Vec<(String, String)>,
    pub status: Option<PathBuf>,
    /// Set when nothing is confined, and why.
    pub off: Option<Applied>,
    /// The uid the program will run as, when it changes.
    pub uid: Option<u32>,
    /// The program's cgroup, when one could be made (Linux).
    #[cfg(target_os = "linux")]
    pub cgroup: Option<super::cgroup::Cgroup>,
}

/// Plans the confinement of `command` (program and arguments) in `scratch`: TCP `bind` (the
/// exercise's port, server role) or `connect` (socklab's port, client role).
pub fn plan(
    confine: &Confine,
    command: &[String],
    scratch: &Path,
    writable: &[PathBuf],
    bind: Option<u16>,
    connect: Option<u16>,
    status_dir: &Path,
) -> Result<Plan, String> {
    let plain = |why: &str| Plan {
        command: command.to_vec(),
        env: Vec::new(),
        status: None,
        off: Some(Applied::off(why)),
        uid: None,
        #[cfg(target_os = "linux")]
        cgroup: None,
    };
    if !confine.enabled {
        return Ok(plain("--no-confine: it runs with the user's full rights"));
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (scratch, writable, bind, connect, status_dir);
        #[cfg(windows)]
        return Ok(Plan {
            off: Some(Applied {
                enabled: true,
                landlock: WINDOWS_JOB.into(),
                user: "the user's own".into(),
                limits: Some(confine.limits),
                ..Applied::default()
            }),
            ..plain("")
        });
        #[cfg(not(windows))]
        return Ok(plain(
            "this system has no Landlock: it runs with the user's full rights",
        ));
    }
    #[cfg(target_os = "linux")]
    linux::plan(
        confine, command, scratch, writable, bind, connect, status_dir,
    )
}

#[cfg(target_os = "linux")]
mod linux {
    use std::os::unix::fs::MetadataExt;
    use std::path::{Path, PathBuf};

    use super::{Applied, Confine, Plan, SPEC_ENV, Spec};

    /// System folders a program reads and executes from.
    const SYSTEM: &[&str] = &[
        "/usr",
        "/lib",
        "/lib64",
        "/lib32",
        "/libx32",
        "/bin",
        "/sbin",
        "/etc",
        "/proc",
        "/sys/devices/system/cpu",
        // A JVM and Node read their container's limits; Go the huge page size.
        "/sys/fs/cgroup",
        "/sys/kernel/mm/transparent_hugepage",
        "/opt",
    ];
    /// Device nodes it may read and write.
    const DEVICES: &[&str] = &[
        "/dev/null",
        "/dev/zero",
        "/dev/urandom",
        "/dev/random",
        "/dev/full",
        "/dev/tty",
    ];

    fn which(program: &str) -> Option<PathBuf> {
        if program.contains('/') {
            return Some(PathBuf::from(program));
        }
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(program))
                .find(|p| p.is_file())
        })
    }

    /// A Python's own installation, asked of it (it is the interpreter, not the student's
    /// file): the real executable behind a shim (pyenv), and its prefixes (a venv has two).
    fn python_install(program: &Path) -> Option<(PathBuf, Vec<PathBuf>)> {
        let name = program.file_name()?.to_string_lossy().to_lowercase();
        if !name.starts_with("python") && !name.starts_with("py") {
            return None;
        }
        let mut child = std::process::Command::new(program)
            .args([
                "-c",
                "import sys; print(sys.executable); print(sys.prefix); print(sys.base_prefix)",
            ])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()?;
        let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            match child.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if std::time::Instant::now() < until => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return None;
                }
            }
        }
        let mut out = String::new();
        std::io::Read::read_to_string(&mut child.stdout.take()?, &mut out).ok()?;
        let mut lines = out.lines().map(PathBuf::from);
        let exe = lines.next()?;
        let prefixes: Vec<PathBuf> = lines.collect();
        Some((exe, prefixes))
    }

    /// The user a program runs as when socklab is root.
    fn user(name: &str) -> Result<(u32, u32), String> {
        let passwd = std::fs::read_to_string("/etc/passwd").map_err(|e| e.to_string())?;
        passwd
            .lines()
            .find_map(|l| {
                let f: Vec<&str> = l.split(':').collect();
                (f.first() == Some(&name))
                    .then(|| Some((f.get(2)?.parse().ok()?, f.get(3)?.parse().ok()?)))
                    .flatten()
            })
            .ok_or_else(|| format!("no user {name:?} on this system (--as-user NAME)"))
    }

    /// The first folder on the way to `path` that `uid`/`gid` cannot enter, if any.
    fn closed_to(path: &Path, uid: u32, gid: u32) -> Option<PathBuf> {
        let mut at = PathBuf::from("/");
        for part in path.parent()?.components().skip(1) {
            at.push(part);
            let m = std::fs::metadata(&at).ok()?;
            let mode = m.mode();
            let open = if m.uid() == uid {
                mode & 0o100 != 0
            } else if m.gid() == gid {
                mode & 0o010 != 0
            } else {
                mode & 0o001 != 0
            };
            if !open {
                return Some(at);
            }
        }
        None
    }

    fn chown_all(dir: &Path, uid: u32, gid: u32) -> std::io::Result<()> {
        std::os::unix::fs::chown(dir, Some(uid), Some(gid))?;
        for entry in std::fs::read_dir(dir)?.flatten() {
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                chown_all(&path, uid, gid)?;
            } else {
                std::os::unix::fs::lchown(&path, Some(uid), Some(gid))?;
            }
        }
        Ok(())
    }

    pub fn plan(
        confine: &Confine,
        command: &[String],
        scratch: &Path,
        writable: &[PathBuf],
        bind: Option<u16>,
        connect: Option<u16>,
        status_dir: &Path,
    ) -> Result<Plan, String> {
        let (program, args) = command
            .split_first()
            .ok_or_else(|| "no command given".to_owned())?;
        let resolved = which(program).ok_or_else(|| format!("{program}: not found"))?;
        let mut read: Vec<PathBuf> = SYSTEM.iter().map(PathBuf::from).collect();
        let mut exe = resolved.clone();
        if let Some((real, prefixes)) = python_install(&resolved) {
            exe = real;
            read.extend(prefixes);
        }
        if let Ok(real) = exe.canonicalize()
            && let Some(dir) = real.parent()
        {
            read.push(dir.to_path_buf());
            // A runtime installed as `PREFIX/bin/NAME` reads its own PREFIX (a JVM's lib/ and
            // modules, node's lib/, Go's GOROOT), wherever it was installed (SDKMAN, nvm).
            if dir.file_name().is_some_and(|n| n == "bin")
                && let Some(prefix) = dir.parent()
                && prefix != Path::new("/")
            {
                read.push(prefix.to_path_buf());
            }
        }
        if let Some(dir) = exe.parent() {
            read.push(dir.to_path_buf());
        }
        read.retain(|p| p.exists());
        read.sort();
        read.dedup();
        // SAFETY: geteuid has no preconditions and touches no memory.
        let root = unsafe { libc::geteuid() } == 0;
        let user = if root {
            let name = confine.as_user.clone().unwrap_or_else(|| "nobody".into());
            let (uid, gid) = user(&name)?;
            if uid != 0 {
                if let Some(closed) = closed_to(&exe, uid, gid) {
                    return Err(format!(
                        "the interpreter {} is in {}, which user {name} cannot enter: use an interpreter every user can run (e.g. /usr/bin/python3), {}",
                        exe.display(),
                        closed.display(),
                        super::NOT_RUNNABLE_HINT
                    ));
                }
                for dir in std::iter::once(scratch).chain(writable.iter().map(PathBuf::as_path)) {
                    chown_all(dir, uid, gid).map_err(|e| {
                        format!("cannot give {} to user {name}: {e}", dir.display())
                    })?;
                }
            }
            Some((uid, gid, name))
        } else {
            None
        };
        let status = status_dir.join(format!(
            "confine-{}-{}.json",
            std::process::id(),
            rand::random::<u64>()
        ));
        let spec = Spec {
            cgroup: Vec::new(),
            data_mib: 0,
            memory: String::new(),
            pids_by_cgroup: false,
            read,
            devices: DEVICES
                .iter()
                .map(PathBuf::from)
                .filter(|p| p.exists())
                .collect(),
            write: std::iter::once(scratch.to_path_buf())
                .chain(writable.iter().cloned())
                .collect(),
            bind_tcp: bind.into_iter().collect(),
            connect_tcp: connect.into_iter().collect(),
            limits: confine.limits,
            user: user.clone(),
            status: status.clone(),
            program: exe.display().to_string(),
            args: args.to_vec(),
        };
        // Resident memory and processes by a cgroup where one can be made; the data segment
        // always. Without a cgroup a JVM sizes its first heap from the machine's memory (1/64
        // of it), so the data limit leaves room for that.
        let mib = 1024 * 1024;
        let (cgroup, no_cgroup) = match crate::check::cgroup::Cgroup::create(
            confine.limits.memory_mib * mib,
            confine.limits.processes,
        ) {
            Ok(g) => (Some(g), None),
            Err(e) => (None, Some(e)),
        };
        let mut spec = spec;
        spec.data_mib = if cgroup.is_some() {
            confine.limits.memory_mib
        } else {
            confine.limits.memory_mib.max(physical_mib() / 64 + 256)
        };
        spec.cgroup = cgroup.as_ref().map(|g| g.join_files()).unwrap_or_default();
        if let Some(g) = &cgroup {
            spec.pids_by_cgroup = g.bounds_processes();
            spec.memory = format!(
                "resident memory{} by a {}, data segment {} MiB per process",
                if g.bounds_processes() {
                    " and processes"
                } else {
                    ""
                },
                g.version(),
                spec.data_mib
            );
        }
        let mut env_note = Vec::new();
        if let Some(why) = no_cgroup {
            env_note.push((
                NO_CGROUP_ENV.to_owned(),
                format!("resident memory: no cgroup could be made ({why}): each process's data segment is bounded instead"),
            ));
        }
        let json = serde_json::to_string(&spec).map_err(|e| e.to_string())?;
        let me = match &confine.launcher {
            Some(l) => l.clone(),
            None => std::env::current_exe()
                .ok()
                .filter(|exe| {
                    exe.file_stem()
                        .is_some_and(|s| s.to_string_lossy().starts_with("socklab"))
                })
                .ok_or_else(|| {
                    "cannot find the socklab program that confines programs under test (or run unconfined)".to_owned()
                })?,
        };
        let home = scratch.join("work").display().to_string();
        Ok(Plan {
            command: vec![me.display().to_string(), "__confine".into()],
            env: vec![
                (SPEC_ENV.into(), json),
                ("HOME".into(), home.clone()),
                ("TMPDIR".into(), home.clone()),
                ("TMP".into(), home.clone()),
                ("TEMP".into(), home),
            ]
            .into_iter()
            .chain(env_note)
            .collect(),
            status: Some(status),
            off: None,
            uid: user.map(|(uid, _, _)| uid),
            cgroup,
        })
    }

    /// Why no cgroup bounds the program (passed to the launcher for its report).
    const NO_CGROUP_ENV: &str = "SOCKLAB_CONFINE_NO_CGROUP";

    /// The machine's memory, MiB.
    fn physical_mib() -> u64 {
        // SAFETY: sysconf reads a system constant.
        let (pages, size) = unsafe {
            (
                libc::sysconf(libc::_SC_PHYS_PAGES),
                libc::sysconf(libc::_SC_PAGESIZE),
            )
        };
        u64::try_from(pages).unwrap_or(0) * u64::try_from(size).unwrap_or(0) / (1024 * 1024)
    }

    /// How many processes (and threads) `uid` runs now.
    fn processes_of(uid: u32) -> u64 {
        std::fs::read_dir("/proc")
            .map(|d| {
                d.flatten()
                    .filter(|e| e.file_name().to_string_lossy().parse::<u32>().is_ok())
                    .filter_map(|e| {
                        let m = std::fs::metadata(e.path()).ok()?;
                        (m.uid() == uid).then(|| {
                            std::fs::read_dir(e.path().join("task"))
                                .map(|t| t.count() as u64)
                                .unwrap_or(1)
                        })
                    })
                    .sum()
            })
            .unwrap_or(0)
    }

    fn set_limit(resource: libc::__rlimit_resource_t, soft: u64, hard: u64) -> bool {
        let r = libc::rlimit {
            rlim_cur: soft,
            rlim_max: hard,
        };
        // SAFETY: setrlimit reads the struct given; no memory of ours is kept.
        unsafe { libc::setrlimit(resource, &raw const r) == 0 }
    }

    /// The launcher: `socklab __confine`, with its [`Spec`] in the environment. Applies it and
    /// executes the program; returns only when that failed (the exit code to use).
    pub fn launch() -> i32 {
        use landlock::{
            ABI, Access, AccessFs, AccessNet, CompatLevel, Compatible, LandlockStatus, NetPort,
            Ruleset, RulesetAttr, RulesetCreatedAttr, RulesetStatus, Scope, path_beneath_rules,
        };
        use std::io::Write;
        use std::os::unix::process::CommandExt;

        let fail = |why: String| {
            eprintln!("socklab: cannot confine the program: {why}");
            126
        };
        let Some(json) = std::env::var_os(SPEC_ENV) else {
            return fail("no confinement given".into());
        };
        // SAFETY: the launcher is single-threaded here: nothing reads the environment at once.
        unsafe { std::env::remove_var(SPEC_ENV) };
        let spec: Spec = match serde_json::from_str(&json.to_string_lossy()) {
            Ok(s) => s,
            Err(e) => return fail(e.to_string()),
        };
        // The status file is opened while the launcher may still write there; written to
        // once the restrictions are in place.
        let mut status = match std::fs::File::create(&spec.status) {
            Ok(f) => f,
            Err(e) => return fail(format!("{}: {e}", spec.status.display())),
        };
        let mut applied = Applied {
            enabled: true,
            limits: Some(spec.limits),
            ..Applied::default()
        };
        let l = spec.limits;
        let uid_now = spec.user.as_ref().map_or_else(
            // SAFETY: getuid has no preconditions.
            || unsafe { libc::getuid() },
            |(uid, _, _)| *uid,
        );
        // Into its cgroup while still root: everything it starts is counted there.
        let me = std::process::id().to_string();
        let joined =
            !spec.cgroup.is_empty() && spec.cgroup.iter().all(|f| std::fs::write(f, &me).is_ok());
        applied.memory = if joined {
            spec.memory.clone()
        } else {
            if let Some(why) = std::env::var_os(NO_CGROUP_ENV) {
                applied.missing.push(why.to_string_lossy().into_owned());
            } else if !spec.cgroup.is_empty() {
                applied
                    .missing
                    .push("resident memory: the program could not join its cgroup".into());
            }
            format!("data segment {} MiB per process", spec.data_mib)
        };
        // SAFETY: the launcher is single-threaded here.
        unsafe { std::env::remove_var(NO_CGROUP_ENV) };
        let mib = 1024 * 1024;
        // A cgroup counts the program's own processes; without one, RLIMIT_NPROC counts every
        // process of its user, so the limit is what the user runs now and the program's share.
        let by_cgroup = joined && spec.pids_by_cgroup;
        let processes = processes_of(uid_now) + l.processes;
        let limits = [
            (
                libc::RLIMIT_CPU,
                l.cpu_seconds,
                l.cpu_seconds + 1,
                "CPU seconds",
            ),
            (
                libc::RLIMIT_DATA,
                spec.data_mib * mib,
                spec.data_mib * mib,
                "data segment",
            ),
            (libc::RLIMIT_NPROC, processes, processes, "processes"),
            (
                libc::RLIMIT_FSIZE,
                l.file_mib * mib,
                l.file_mib * mib,
                "file size",
            ),
            (
                libc::RLIMIT_NOFILE,
                l.open_files,
                l.open_files,
                "open files",
            ),
            (libc::RLIMIT_CORE, 0, 0, "core files"),
        ];
        for (resource, soft, hard, what) in limits {
            if resource == libc::RLIMIT_NPROC && by_cgroup {
                continue;
            }
            if !set_limit(resource, soft, hard) {
                applied.missing.push(format!("the {what} limit"));
            }
        }
        match &spec.user {
            Some((uid, gid, name)) => {
                let gid = *gid;
                // SAFETY: plain system calls with values; the group list is one local.
                let ok = unsafe {
                    libc::setgroups(1, &raw const gid) == 0
                        && libc::setgid(gid) == 0
                        && libc::setuid(*uid) == 0
                        && libc::getuid() == *uid
                };
                if !ok {
                    return fail(format!("cannot become user {name}"));
                }
                applied.user = format!("{name} (uid {uid})");
                if *uid == 0 {
                    applied.missing.push(
                        "it runs as root (--as-user root): the process limit does not bind root"
                            .into(),
                    );
                }
            }
            None => {
                // SAFETY: getuid has no preconditions.
                let uid = unsafe { libc::getuid() };
                applied.user = format!("the checking user's own (uid {uid})");
            }
        }
        let abi = ABI::V6;
        let ruleset = (|| -> Result<_, landlock::RulesetError> {
            let mut r = Ruleset::default();
            r = r
                .set_compatibility(CompatLevel::BestEffort)
                .handle_access(AccessFs::from_all(abi))?
                .handle_access(AccessNet::BindTcp | AccessNet::ConnectTcp)?
                .scope(Scope::Signal)?
                .scope(Scope::AbstractUnixSocket)?;
            let mut created = r
                .create()?
                .add_rules(path_beneath_rules(&spec.read, AccessFs::from_read(abi)))?
                .add_rules(path_beneath_rules(&spec.devices, AccessFs::from_file(abi)))?
                .add_rules(path_beneath_rules(&spec.write, AccessFs::from_all(abi)))?;
            for port in &spec.bind_tcp {
                created = created.add_rule(NetPort::new(*port, AccessNet::BindTcp))?;
            }
            for port in &spec.connect_tcp {
                created = created.add_rule(NetPort::new(*port, AccessNet::ConnectTcp))?;
            }
            created.restrict_self()
        })();
        match ruleset {
            Ok(s) => {
                applied.landlock = match s.ruleset {
                    RulesetStatus::FullyEnforced => "fully enforced",
                    RulesetStatus::PartiallyEnforced => "partially enforced",
                    RulesetStatus::NotEnforced => "not enforced",
                }
                .into();
                let kernel = match s.landlock {
                    LandlockStatus::Available {
                        effective_abi,
                        kernel_abi,
                    } => kernel_abi.unwrap_or(effective_abi as i32),
                    _ => 0,
                };
                applied.landlock_abi = kernel;
                let on = s.ruleset != RulesetStatus::NotEnforced;
                applied.files = on && kernel >= 1;
                applied.tcp_ports = on && kernel >= 4;
                applied.signals = on && kernel >= 6;
                if kernel == 0 {
                    applied.missing.push(
                        "Landlock: this kernel has none (or it is disabled): files, ports and signals are not confined".into(),
                    );
                } else {
                    if kernel < 4 {
                        applied.missing.push(format!(
                            "TCP ports: Landlock ABI {kernel} has no network rules (ABI 4, Linux 6.7)"
                        ));
                    }
                    if kernel < 6 {
                        applied.missing.push(format!(
                            "signals: Landlock ABI {kernel} does not scope them (ABI 6, Linux 6.12)"
                        ));
                    }
                }
            }
            Err(e) => {
                applied.landlock = "not enforced".into();
                applied.missing.push(format!("Landlock: {e}"));
            }
        }
        if let Ok(text) = serde_json::to_string(&applied) {
            let _ = status.write_all(text.as_bytes());
        }
        drop(status);
        let e = std::process::Command::new(&spec.program)
            .args(&spec.args)
            .exec();
        eprintln!("socklab: cannot run {}: {e}", spec.program);
        127
    }
}

/// The launcher's entry point (`socklab __confine`); never returns on success.
pub fn launch() -> i32 {
    #[cfg(target_os = "linux")]
    {
        linux::launch()
    }
    #[cfg(not(target_os = "linux"))]
    {
        eprintln!("socklab: confinement runs on Linux only");
        126
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
